/**
 * A language-server request finds the node under the cursor from the fast parser's open and close
 * events (YamlSource.pathAt, js-yaml's listener: the same events tests/core/event-positions.test.ts
 * holds to the careful parser), and places only the ids of the symbols defined or used there.
 * Property: for every scalar of a file, the offsets the careful parser gives its text (the first
 * character, and the last on its first line) lead pathAt back to that scalar's path; an offset
 * outside every scalar (a key, a comment) gives none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PathSegment, parseYamlSource } from '../../src/core/yaml-source.js';

const MIXED = `# flow and block styles, quotes, block scalars, comments
id: mixed
title: "Mixed"   # a comment after a value
questions:
  - id: budget
    kind: yes-no
    text: |
      Do they have
      a budget?
  - id: stage   # trailing comment
    kind: single
    options:
      - value: early
        label: { en: Early, zh-CN: 早期 }
      -   value: 'late'
          label: Late
    when: { any: [ { question: budget, equals: "yes" }, { question: budget, in: [a, b] } ] }
  - {id: flow, kind: text, text: Written in flow style}
roles: { decision: budget, person: stage }
flags: [ { id: inline, when: { question: stage, equals: late }, message: "q is {answers.stage}" } ]
`;

/** Every scalar's path. */
function scalars(value: unknown, prefix: PathSegment[], out: PathSegment[][]): PathSegment[][] {
  if (Array.isArray(value)) value.forEach((v, i) => scalars(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) scalars(v, [...prefix, k], out);
  else out.push(prefix);
  return out;
}

function check(file: string, text: string): { checked: number; differences: string[] } {
  const fast = parseYamlSource(file, text, undefined, { allPositions: true }).source;
  const careful = parseYamlSource(file, `${text}\n# &anchor: sends the text down the careful path\n`).source;
  if (!fast?.pathAt || !careful) return { checked: 0, differences: ['no pathAt, or the text did not parse'] };
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const differences: string[] = [];
  let checked = 0;
  for (const path of scalars(careful.value, [], [])) {
    const at = careful.locate(path);
    const first = starts[at.line - 1] + at.col - 1;
    const offsets = at.endCol !== undefined ? [first, starts[at.line - 1] + at.endCol - 2] : [first];
    for (const offset of offsets) {
      checked++;
      const got = fast.pathAt(offset);
      if (JSON.stringify(got) !== JSON.stringify(path)) differences.push(`${path.join('.')} at ${at.line}:${at.col} (offset ${offset}): ${JSON.stringify(got)}`);
    }
  }
  return { checked, differences };
}

describe('the node under a cursor, from the fast parser\'s events', () => {
  it('a file of mixed styles: every scalar, from its first and last character', () => {
    const r = check('/p/mixed.yaml', MIXED);
    expect(r.differences).toEqual([]);
    expect(r.checked).toBeGreaterThan(40);
  });

  it('outside every scalar: a key, a comment, the space between', () => {
    const fast = parseYamlSource('/p/mixed.yaml', MIXED, undefined, { allPositions: true }).source;
    for (const text of ['title:', '# a comment after', 'questions:', '  - id: budget']) {
      expect(fast?.pathAt?.(MIXED.indexOf(text) + 1), text).toBeUndefined();
    }
  });

  it('the built-in playbook\'s files, every scalar', () => {
    const dir = join(import.meta.dirname, '../../playbooks');
    for (const name of ['abcd.yaml', 'abcd/questions.yaml', 'abcd/classes.yaml', 'abcd/personas.yaml', 'abcd/coaching.yaml']) {
      const r = check(join(dir, name), readFileSync(join(dir, name), 'utf8'));
      expect(r.differences, name).toEqual([]);
      expect(r.checked, name).toBeGreaterThan(0);
    }
  });
});
