/**
 * The positions an editor's index of ids reads come from the fast parser's open and close events
 * (eventLocator), no longer from the careful parser over the whole file (4 s and as long again in
 * garbage collection over 4 MB). Property: wherever the events place a node, the key and the value,
 * and for a path that runs past what exists, they give the careful parser's line and columns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventLocator, type PathSegment, parseYamlSource } from '../../src/core/yaml-source.js';

const MIXED = `# comments, block scalars, flow and block styles, empty values
id: mixed
title: "Mixed"   # a comment after a value
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
    summary:
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
    text: 'single ''quoted'''
  - id: one-line
conflicts: [[budget, stage], [a, b]]
roles: { decision: budget, person: stage }
flags: [ { id: inline, when: { question: stage, equals: late }, message: Late } ]
recap: {"when": {"mode": "prep"}, "text":
    "Hi {answers.budget}"}
tips:
  - id: t
    excludes: ["#x", t2]
    text: { en: a,
      zh-CN: b }
  - ? id
    : t2
    text: explicit key
steps:
  - { id: s0, when: { question: q0, equals: b }, text: "q0 is {answers.q0}" }
  - { id: s1, due: 3 }
`;

function paths(value: unknown, prefix: PathSegment[], out: PathSegment[][]): PathSegment[][] {
  out.push(prefix, [...prefix, 'missing']);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function compare(file: string, text: string): { placed: number; differences: string[] } {
  const careful = parseYamlSource(file, `${text}\n# &anchor: sends the text down the careful path\n`).source;
  if (!careful) return { placed: 0, differences: ['the text did not parse'] };
  const events = eventLocator(text);
  const differences: string[] = [];
  let placed = 0;
  for (const path of paths(careful.value, [], [])) {
    for (const how of ['locate', 'locateKey'] as const) {
      const got = events[how](path);
      if (got === undefined) continue;
      placed++;
      const want = careful[how](path);
      if (JSON.stringify(got) !== JSON.stringify(want)) differences.push(`${how} ${path.join('.')}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
    }
  }
  return { placed, differences };
}

describe('positions from the fast parser\'s events equal the careful parser\'s', () => {
  it('a file of mixed styles, comments, block scalars and empty values', () => {
    const r = compare('/p/mixed.yaml', MIXED);
    expect(r.differences).toEqual([]);
    expect(r.placed).toBeGreaterThan(150);
  });

  it('the built-in playbook\'s files, every node', () => {
    const dir = join(import.meta.dirname, '../../playbooks');
    for (const name of ['abcd.yaml', 'abcd/questions.yaml', 'abcd/classes.yaml', 'abcd/personas.yaml', 'abcd/coaching.yaml']) {
      const r = compare(join(dir, name), readFileSync(join(dir, name), 'utf8'));
      expect(r.differences, name).toEqual([]);
      expect(r.placed, name).toBeGreaterThan(0);
    }
  });
});
