import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlaybook } from '../../src/playbook/load.js';
import { answersJsonSchemaText, playbookJsonSchemaText, testFileJsonSchemaText } from '../../src/playbook/json-schema.js';
import { loadPlaybookFile } from '../../src/cli/playbook-files.js';
import { PlaybookRegistry } from '../../src/cli/registry.js';

const fixtures = join(import.meta.dirname, '../fixtures/playbooks');
const root = join(import.meta.dirname, '../..');

describe('the JSON Schema', () => {
  it('is committed and up to date (run `npm run schema` after changing src/playbook/schema.ts)', () => {
    const committed = readFileSync(join(root, 'schema/playbook.schema.json'), 'utf8');
    expect(committed).toBe(playbookJsonSchemaText());
    expect(readFileSync(join(root, 'schema/answers.schema.json'), 'utf8')).toBe(answersJsonSchemaText());
    expect(readFileSync(join(root, 'schema/playbook-test.schema.json'), 'utf8')).toBe(testFileJsonSchemaText());
  });

  it('describes every property, for hover text in the editor', () => {
    const schema = JSON.parse(playbookJsonSchemaText());
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object') {
        for (const [key, value] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          if (!value.description && !value.$ref) undescribed.push(`${path}.${key}`);
          walk(value, `${path}.${key}`);
        }
      }
      for (const key of ['items', 'anyOf', 'oneOf', 'definitions', 'additionalProperties']) {
        const child = n[key];
        if (Array.isArray(child)) child.forEach((c, i) => walk(c, `${path}.${key}[${i}]`));
        else if (child && typeof child === 'object') {
          if (key === 'definitions') for (const [k, v] of Object.entries(child)) walk(v, `${path}.${k}`);
          else walk(child, `${path}.${key}`);
        }
      }
    };
    walk(schema, '$');
    // locale keys inside a text map are self-explanatory but still described
    expect(undescribed).toEqual([]);
  });
});

describe('loading', () => {
  const registry = new PlaybookRegistry(join(fixtures, 'user'));

  it('the built-in playbook validates with no error and no warning', () => {
    const r = loadPlaybookFile(registry, registry.find('abcd')?.file as string);
    expect(r.diagnostics).toEqual([]);
    expect(r.playbook?.questions.length).toBeGreaterThan(10);
    expect(r.playbook?.files.length).toBe(5);
  });

  it('the zh-TW filled in for a zh-CN text is a text: "constructor" is not a key of the table\'s prototype', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'sc-zhtw-'));
    const file = join(dir, 'proto.yaml');
    const { generatePlaybook } = await import('../../bench/lib.mjs');
    writeFileSync(file, generatePlaybook(3).replace(/^title: .*$/m, 'title: { en: Proto, zh-CN: constructor }'));
    const r = loadPlaybookFile(new PlaybookRegistry(), file);
    expect(r.playbook).toBeDefined();
    const title = r.playbook?.title as unknown as Record<string, unknown>;
    expect(title['zh-CN']).toBe('constructor');
    expect(typeof (title['zh-TW'] ?? '')).toBe('string');
  });

  it('a UTF-8 BOM and CRLF line ends just work', () => {
    const r = loadPlaybookFile(registry, join(fixtures, 'bom-crlf.yaml'));
    expect(r.diagnostics).toEqual([]);
    expect(r.playbook?.id).toBe('bomcrlf');
  });

  it('positions stay right with CRLF line ends', () => {
    const r = loadPlaybookFile(registry, join(fixtures, 'crlf-bad.yaml'));
    const d = r.diagnostics.find((x) => x.code === 'unknown-key');
    expect(d).toMatchObject({ line: 6, col: 5, message: 'unknown key "txt" in questions[0] ("budget")' });
  });

  it('combines a playbook split over several files, and points into the right file', () => {
    const r = loadPlaybookFile(registry, join(fixtures, 'split/main.yaml'));
    expect(r.diagnostics).toEqual([]);
    expect(r.playbook?.questions.map((q) => q.id)).toEqual(['budget']);
    expect(r.playbook?.classes.map((c) => c.id)).toEqual(['A', 'D']);
    const origin = r.playbook?.origins.get(r.playbook.classes[1]);
    expect(origin?.file).toMatch(/parts[/\\]classes\.yaml$/);
  });

  it('a user playbook extends a built-in and replaces items by id', () => {
    const r = loadPlaybookFile(registry, registry.find('acme-abcd')?.file as string);
    expect(r.diagnostics).toEqual([]);
    const pb = r.playbook!;
    const item = pb.checklist.find((c) => c.id === 'ask_signature');
    expect(item?.text).toMatchObject({ en: expect.stringContaining('ACME rule') });
    // replaced in place, not appended
    const builtin = loadPlaybookFile(registry, registry.find('abcd')?.file as string).playbook!;
    expect(pb.checklist.map((c) => c.id)).toEqual(builtin.checklist.map((c) => c.id));
    expect(pb.flags.map((f) => f.id)).toContain('acme_big_account');
    expect(pb.questions.length).toBe(builtin.questions.length);
  });

  it('reports a file it cannot read as file-not-found, without throwing', () => {
    const r = loadPlaybook('/nowhere/x.yaml', { read: () => undefined, findById: () => undefined });
    expect(r.playbook).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'file-not-found', file: '/nowhere/x.yaml' })]);
  });

  it('reports an include cycle instead of looping', () => {
    const files: Record<string, string> = {
      '/p/a.yaml': 'id: a\ntitle: A\ninclude: [b.yaml]\n',
      '/p/b.yaml': 'include: [a.yaml]\n',
    };
    const r = loadPlaybook('/p/a.yaml', { read: (f) => (files[f] ? Buffer.from(files[f]) : undefined), findById: () => undefined });
    expect(r.diagnostics.map((d) => d.code)).toContain('include-error');
    expect(r.diagnostics.find((d) => d.code === 'include-error')?.message).toMatch(/includes itself/);
  });

  it('reports an extends cycle instead of looping', () => {
    const files: Record<string, string> = {
      '/p/a.yaml': 'id: a\ntitle: A\nextends: b\n',
      '/p/b.yaml': 'id: b\ntitle: B\nextends: a\n',
    };
    const r = loadPlaybook('/p/a.yaml', {
      read: (f) => (files[f] ? Buffer.from(files[f]) : undefined),
      findById: (id) => `/p/${id}.yaml`,
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['extends-error']);
  });

  it('never pollutes Object.prototype', () => {
    const files: Record<string, string> = { '/p/a.yaml': 'id: a\ntitle: A\n__proto__: { polluted: yes }\nquestions:\n  - { id: q, kind: text, text: T, __proto__: { polluted: yes } }\n' };
    loadPlaybook('/p/a.yaml', { read: (f) => (files[f] ? Buffer.from(files[f]) : undefined), findById: () => undefined });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
