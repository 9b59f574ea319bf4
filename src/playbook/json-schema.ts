/** The JSON Schema editors use for autocompletion and hover text, generated from the zod schema. */
import * as z from 'zod/mini';
import { AnswersFileSchema } from './answers-schema.js';
import { PlaybookFile } from './schema.js';
import { TestFile } from './test-file.js';

export function playbookJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlaybookFile, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://sales-coach.invalid/schema/playbook.schema.json',
    title: 'sales-coach playbook',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

export function playbookJsonSchemaText(): string {
  return `${JSON.stringify(playbookJsonSchema(), null, 2)}\n`;
}

export function answersJsonSchemaText(): string {
  const schema = z.toJSONSchema(AnswersFileSchema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
  return `${JSON.stringify({ ...schema, title: 'sales-coach answers file' }, null, 2)}\n`;
}

export function testFileJsonSchemaText(): string {
  const schema = z.toJSONSchema(TestFile, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
  return `${JSON.stringify({ ...schema, title: 'sales-coach playbook tests' }, null, 2)}\n`;
}
