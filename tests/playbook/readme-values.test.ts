/**
 * Issue 25 (the second rep's trial): the README told a rep a stance could be "against", and the
 * answers file refused it (the value is `opponent`). Every value word the README gives a rep for a
 * fact is one the built-in playbook accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const questions = (parse(readFileSync(join(root, 'playbooks/abcd/questions.yaml'), 'utf8')) as { questions: { id: string; options?: { value: string }[] }[] }).questions;
const valuesOf = (id: string) => (questions.find((q) => q.id === id)?.options ?? []).map((o) => String(o.value));

describe("the README's value words are the playbook's", () => {
  it("the buying map's stances are contact_stance's values", () => {
    const listed = /Each person's stance \(([^)]*)\)/.exec(readme.replace(/\s+/g, ' '))?.[1] ?? '';
    const words = [...listed.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
    expect(words).toEqual(['supporter', 'neutral', 'opponent']);
    for (const w of words) expect(valuesOf('contact_stance')).toContain(w);
    // the prose that names the stance a refusal marks names the value too
    expect(readme).not.toMatch(/stance[^.]{0,40}marked against/);
  });

  it('each question=value the README writes is a value of that question', () => {
    const pairs = [...readme.matchAll(/\b([a-z_]+)=([a-z_]+)\b/g)].filter((m) => questions.some((q) => q.id === m[1] && q.options));
    expect(pairs.length).toBeGreaterThan(0);
    for (const [, id, value] of pairs) expect(valuesOf(id), `${id}=${value}`).toContain(value);
  });
});
