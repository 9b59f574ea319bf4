/** `playbook schema [--for playbook|test|answers] [--out FILE]`: a JSON Schema, for editors (yaml-language-server) and CI. */
import { resolve } from 'node:path';
import { answersJsonSchemaText, playbookJsonSchemaText, testFileJsonSchemaText } from '../playbook/json-schema.js';
import { EXIT, said, sayDone, UserError } from './errors.js';
import { localeOf, makeContext } from './context.js';
import { writeFileAtomic } from './files.js';
import type { GlobalOptions, IO } from './io.js';

export const SCHEMA_KINDS = {
  playbook: playbookJsonSchemaText,
  test: testFileJsonSchemaText,
  answers: answersJsonSchemaText,
} as const;
export type SchemaKind = keyof typeof SCHEMA_KINDS;

export async function schemaCommand(opts: { out?: string; for?: string; force?: boolean }, io: IO, g: GlobalOptions): Promise<number> {
  const kind = opts.for ?? 'playbook';
  if (!(kind in SCHEMA_KINDS)) {
    throw new UserError(said('noSuchSchema', { kind, kinds: Object.keys(SCHEMA_KINDS) }), `--for ${kind}: no such schema`, `expected one of ${Object.keys(SCHEMA_KINDS).join(', ')}`, EXIT.usage);
  }
  const text = SCHEMA_KINDS[kind as SchemaKind]();
  if (!opts.out) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  // as report, export and prep --out: a file that exists (perhaps the trainer's own, of the same name)
  // is replaced only when asked; replaced whole, never left half-written
  writeFileAtomic(resolve(io.cwd, opts.out), text, { force: opts.force === true, shown: opts.out });
  io.stderr.write(`${await sayDone(localeOf(makeContext(io, g), g), said('wroteFile', { file: opts.out }), `wrote ${opts.out}`)}\n`);
  return EXIT.ok;
}
