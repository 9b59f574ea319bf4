/** Issue 24's defects in `playbook test`, as a trainer meets them. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sc-pbdefects-'));

const HOT = `id: leads
title: Leads
questions:
  - { id: budget, kind: yes-no, text: Budget?, allowUnknown: true }
  - { id: size, kind: single, text: Size?, options: [ { value: big, label: Big }, { value: small, label: Small } ] }
classes:
  - { id: hot, name: "hot: sign now", priority: 1, when: { all: [ { question: budget, equals: "yes" }, { question: size, equals: big } ] } }
  - { id: warm, name: warm, priority: 2, when: { all: [ { question: budget, equals: "yes" }, { question: size, equals: small } ] } }
  - { id: out, name: out, priority: 3, when: { question: budget, equals: "no" } }
flags:
  - { id: big, when: { question: size, equals: big }, message: Big account }
`;

describe('playbook test: the first-case hint', () => {
  it('run as printed, tests the playbook it was printed for, not the built-in one', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'leads.yaml'), HOT);
    const r = await runCli(['playbook', 'test', 'leads.yaml'], { cwd: dir });
    const printed = /then run {2}(.+?) {2}to fill in/.exec(r.stdout)?.[1];
    expect(printed).toBe('sales-coach playbook test --update leads.yaml');
    // the trainer writes a case as the hint shows, then runs the command as printed
    writeFileSync(join(dir, 'leads.test.yaml'), 'cases:\n  - name: "first"\n    mode: debrief\n    answers: { budget: "no", size: big }\n');
    const args = (printed as string).split(' ').slice(1);
    const run = await runCli(args, { cwd: dir });
    expect(run.stdout).toContain('leads.test.yaml > first');
    expect(run.stdout).not.toContain('abcd');
    expect(run.stdout.trimEnd().split('\n').pop()).toBe('1 passed, 0 failed');
  });
});

describe('playbook test: candidates', () => {
  it('are compared as a set: the order a trainer writes them in does not matter', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'leads.yaml'), HOT);
    writeFileSync(
      join(dir, 'leads.test.yaml'),
      `cases:
  - name: "budget unknown leaves warm or out"
    answers: { budget: unknown, size: small }
    expect: { provisional: true, candidates: [out, warm] }
  - name: "a candidate too many still fails"
    answers: { budget: unknown, size: small }
    expect: { provisional: true, candidates: [out, warm, hot] }
`,
    );
    const r = await runCli(['playbook', 'test', 'leads.yaml'], { cwd: dir });
    expect(r.stdout).toContain(' ✓ leads.test.yaml > budget unknown leaves warm or out');
    expect(r.stdout).toContain(' ✗ leads.test.yaml > a candidate too many still fails');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('1 passed, 1 failed');
  });
});

describe('playbook test --coverage', () => {
  it('says which exercised items no case asserts', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'leads.yaml'), HOT);
    writeFileSync(
      join(dir, 'leads.test.yaml'),
      `cases:
  - { name: "hot", answers: { budget: "yes", size: big }, expect: { class: hot, flags: [big] } }
  - { name: "warm, nothing asserted", answers: { budget: "yes", size: small } }
  - { name: "out", answers: { budget: "no", size: small }, expect: { class: out } }
`,
    );
    const r = await runCli(['playbook', 'test', '--coverage', 'leads.yaml'], { cwd: dir });
    expect(r.stdout).toMatch(/Coverage of leads: 6\/6 \(100%\)/);
    expect(r.stdout).toContain('1 of the exercised is asserted by no case (no expect: names it):');
    expect(r.stdout).toMatch(/leads\.yaml:\d+:\d+ {2}rule warm is exercised, never asserted/);
    expect(r.stdout).not.toContain('rule hot is exercised, never asserted');
    const json = JSON.parse((await runCli(['playbook', 'test', '--coverage', '--json', 'leads.yaml'], { cwd: dir })).stdout);
    expect(json.coverage[0].unasserted.map((u: { kind: string; id: string }) => `${u.kind}:${u.id}`)).toEqual(['rule:warm']);
  });
});

describe('playbook test: a case that leaves out an answer a rep is asked', () => {
  it('says which answer is missing, rather than failing on the class it changed', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'leads.yaml'), HOT);
    writeFileSync(join(dir, 'leads.test.yaml'), 'cases:\n  - name: "budget only"\n    mode: debrief\n    answers: { budget: "yes" }\n    expect: { class: hot }\n');
    const r = await runCli(['playbook', 'test', 'leads.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('- expected: an answer to size (a rep is asked it)');
  });
});
