/**
 * Property: one mistake put into a valid playbook yields exactly one error, at the mistake's line.
 * Whatever the mistake (a misspelt key, an unknown reference, a bad value, a tab, an impossible
 * comparison, a misspelt placeholder, a duplicate id), nothing else is reported: no echo, no
 * consequence, nothing hidden. Seeded, so a failure names a case that can be replayed.
 */
import { describe, expect, it } from 'vitest';
import { loadPlaybook } from '../../src/playbook/load.js';

const VALID = `id: property
title: Property playbook
questions:
  - id: budget
    kind: yes-no
    text: Do they have a budget?
    allowUnknown: true
    findOut: Ask finance about the budget
  - id: stage
    kind: single
    text: Which stage are they at?
    options:
      - value: early
        label: Early
      - value: late
        label: Late
  - id: amount
    kind: number
    text: How much?
    required: false
    when: { question: budget, equals: "yes" }
  - id: tools
    kind: multiple
    text: Which tools do they use?
    options:
      - { value: crm, label: CRM }
      - { value: sheet, label: Spreadsheet }
classes:
  - id: A
    name: A
    priority: 1
    when: { all: [ { question: budget, equals: "yes" }, { question: stage, equals: late } ] }
  - id: D
    name: D
    priority: 2
    when: { any: [ { question: budget, equals: "no" }, { question: budget, unknown: true }, { question: budget, equals: "yes" } ] }
flags:
  - id: big
    when: { question: amount, gt: 1000 }
    message: "A large deal: {answers.amount}"
  - id: spreadsheet
    when: { question: tools, includes: sheet }
    message: "They plan in a spreadsheet at {account.name}"
checklist:
  - id: proposal
    when: { question: stage, equals: late }
    text: Send the proposal
    due: 2
  - id: sign
    when: { class: A }
    text: "Get it signed by {visit.date}"
    due: deadline
tips:
  - id: early
    when: { question: stage, equals: early }
    text: Early deals need a champion
`;

interface Mistake {
  name: string;
  /** Lines the mistake can go on, and how it changes one. */
  applies: (line: string) => boolean;
  apply: (line: string) => string;
}

const MISTAKES: Mistake[] = [
  { name: 'misspelt key', applies: (l) => /^ {4}(text|kind|message|due|priority|name|when): /.test(l), apply: (l) => l.replace(/^( {4})(\w)(\w)/, '$1$3$2') },
  { name: 'unknown question', applies: (l) => /question: (budget|stage|amount|tools)\b/.test(l), apply: (l) => l.replace(/question: (budget|stage|amount|tools)\b/, 'question: budgte') },
  { name: 'bad due', applies: (l) => /^ {4}due: /.test(l), apply: (l) => l.replace(/due: .*/, 'due: tomorrow') },
  { name: 'tab indent', applies: (l) => /^ {4}[a-z]/.test(l), apply: (l) => l.replace(/^ {4}/, '\t') },
  { name: 'impossible value', applies: (l) => /equals: late/.test(l), apply: (l) => l.replace('equals: late', 'equals: later') },
  { name: 'placeholder', applies: (l) => /\{answers\.amount\}/.test(l), apply: (l) => l.replace('{answers.amount}', '{answers.amout}') },
  { name: 'duplicate id', applies: (l) => /^ {2}- id: spreadsheet$/.test(l), apply: (l) => l.replace('spreadsheet', 'big') },
  { name: 'bad kind', applies: (l) => /^ {4}kind: /.test(l), apply: (l) => l.replace(/kind: .*/, 'kind: yesno') },
];

function validate(text: string) {
  const host = { read: (p: string) => (p === '/p/pb.yaml' ? new TextEncoder().encode(text) : undefined), findById: () => undefined };
  return loadPlaybook('/p/pb.yaml', host).diagnostics;
}

/** mulberry32: small, seeded, good enough to pick cases. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('one mistake, one error', () => {
  it('the base playbook is valid and clean', () => {
    expect(validate(VALID)).toEqual([]);
  });

  const lines = VALID.split('\n');
  const cases = MISTAKES.flatMap((m) => lines.flatMap((l, i) => (m.applies(l) ? [{ m, i }] : [])));

  it('every kind of mistake has somewhere to go', () => {
    for (const m of MISTAKES) expect(cases.some((c) => c.m === m), m.name).toBe(true);
  });

  it('200 random mistakes: each yields exactly one error, on its line', () => {
    const next = random(13);
    const failures: string[] = [];
    for (let n = 0; n < 200; n++) {
      const { m, i } = cases[Math.floor(next() * cases.length)];
      const mutated = lines.map((l, j) => (j === i ? m.apply(l) : l)).join('\n');
      const errors = validate(mutated).filter((d) => d.severity === 'error');
      if (errors.length !== 1 || errors[0].line !== i + 1) {
        failures.push(`${m.name} at line ${i + 1} (${JSON.stringify(m.apply(lines[i]))}): ${errors.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`).join(' | ') || 'no error'}`);
      }
    }
    expect([...new Set(failures)]).toEqual([]);
  });
});
