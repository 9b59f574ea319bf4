/**
 * A clean file's positions come from parsing the one item a diagnostic points into, not the whole
 * file (seconds over a 10k-question file, after every keystroke in an editor). Property: for every
 * node of every item, and the keys too, that gives exactly the line and columns the whole file's
 * careful parse gives. A comment holding an anchor sends the same text down the careful path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PathSegment, parseYamlSource } from '../../src/core/yaml-source.js';

const TRICKY = `# a playbook written as trainers write them: comments, block scalars, flow and block styles
id: tricky
title: Tricky
questions:
  # the first question
  - id: budget
    kind: yes-no
    text: |
      Do they have
      a budget?
    help: >
      Folded text
      over two lines

  - id: stage   # trailing comment
    kind: single
    text: "Which stage,
      really?"
    options:
      - value: early
        label: { en: Early, zh-CN: 早期 }
      -   value: late
          label: Late
    when: { any: [ { question: budget, equals: "yes" }, { question: budget, unknown: true } ] }
  - {id: flow, kind: text, text: Written in flow style}
  -
    id: after-dash
    kind: text
    text: The item starts on the line after its dash
classes:
  - id: A
    name: A
    priority: 1
    when:
      all:
        - question: budget
          equals: "yes"
        - not: { question: stage, equals: early }
flags: [ { id: inline, when: { question: stage, equals: late }, message: Late } ]
`;

function paths(value: unknown, prefix: PathSegment[], out: PathSegment[][]): PathSegment[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function compare(file: string, text: string): string[] {
  const careful = parseYamlSource(file, `${text}\n# &anchor: sends the text down the careful path\n`).source;
  const fast = parseYamlSource(file, text).source;
  if (!careful || !fast) return ['a text did not parse'];
  const differences: string[] = [];
  const value = fast.value as Record<string, unknown>;
  for (const [section, list] of Object.entries(value)) {
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      // a fresh source for each item: each is then located by its own parse, not the whole file's
      const one = parseYamlSource(file, text).source;
      for (const path of paths(item, [section, i], [])) {
        for (const how of ['locate', 'locateKey'] as const) {
          const got = one?.[how](path);
          const want = careful[how](path);
          if (JSON.stringify(got) !== JSON.stringify(want)) differences.push(`${how} ${path.join('.')}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
        }
      }
    });
  }
  return differences;
}

describe('positions from one item equal the whole file\'s', () => {
  it('a file of mixed styles, comments and block scalars', () => {
    expect(compare('/p/tricky.yaml', TRICKY)).toEqual([]);
  });

  it('the built-in playbook\'s files', () => {
    const dir = join(import.meta.dirname, '../../playbooks');
    for (const name of ['abcd.yaml', 'abcd/questions.yaml', 'abcd/classes.yaml', 'abcd/personas.yaml', 'abcd/coaching.yaml']) {
      expect(compare(join(dir, name), readFileSync(join(dir, name), 'utf8')), name).toEqual([]);
    }
  });
});
