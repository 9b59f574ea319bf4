/**
 * docs/seed-trace.md says which playbook item or engine rule carries each rule of the seeds. Issue 23
 * found it naming things the program does not have (an engine flag `contradicts-last-visit`, a D's step
 * `drop_d` after it was removed): every item a row of its tables names must exist in the built-in
 * playbook or the engine, and a step it names must be a step, a flag a flag.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';

const rows = readFileSync('docs/seed-trace.md', 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('|---'));

/** Each id of the built-in playbook by what it is: a step (checklist), a flag, a tip, a question… */
function playbookIds(): Map<string, string> {
  const ids = new Map<string, string>();
  const files = ['playbooks/abcd.yaml', ...readdirSync('playbooks/abcd').filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml')).map((f) => join('playbooks/abcd', f))];
  for (const f of files)
    for (const doc of parseAllDocuments(readFileSync(f, 'utf8'))) {
      const js = doc.toJS() as Record<string, unknown>;
      for (const [section, items] of Object.entries(js ?? {}))
        if (Array.isArray(items)) for (const item of items) if (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string') ids.set((item as { id: string }).id, section);
    }
  return ids;
}

const ENGINE = readdirSync('src/engine')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join('src/engine', f), 'utf8'))
  .join('\n');
const PLAYBOOK = ['playbooks/abcd.yaml', ...readdirSync('playbooks/abcd').filter((f) => !f.endsWith('.test.yaml')).map((f) => join('playbooks/abcd', f))].map((f) => readFileSync(f, 'utf8')).join('\n');

describe('docs/seed-trace.md names only what the program has', () => {
  const ids = playbookIds();

  it('every `item` a row names is in the playbook (an id, a question value, a key) or the engine', () => {
    const named = rows.flatMap((row) => [...row.matchAll(/`([a-z][a-z0-9_-]*)(?::<name>)?`/g)].map((m) => m[1]));
    expect(named.length).toBeGreaterThan(100);
    const unknown = [...new Set(named)].filter((id) => !ids.has(id) && !PLAYBOOK.includes(id) && !ENGINE.includes(`'${id}'`) && !(id.includes('-') && ENGINE.includes(id)));
    expect(unknown).toEqual([]);
  });

  it('what a row calls a step is a step, and what it calls a flag is a flag', () => {
    const wrong: string[] = [];
    for (const row of rows) {
      for (const m of row.matchAll(/\b(step|flag)s? `([a-z][a-z0-9_]*)`/g)) {
        const section = ids.get(m[2]);
        if (section && section !== (m[1] === 'step' ? 'checklist' : 'flags')) wrong.push(`${m[1]} ${m[2]} is in ${section}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
