import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const trainer = join(import.meta.dirname, '../fixtures/trainer');
const tmp = () => mkdtempSync(join(tmpdir(), 'sc-pbtest-'));

describe('playbook test on the built-in playbook', () => {
  it('every case passes, every rule, flag, item, tip, persona, advice and question is covered, and exploring finds nothing', async () => {
    const r = await runCli(['playbook', 'test', '--coverage', '--explore'], { cwd: tmp() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ ✓ <sales-coach>\/playbooks\/abcd\/abcd\.test\.yaml > A: first KP/m);
    expect(r.stdout).toMatch(/Coverage of abcd: (\d+)\/\1 \(100%\)/);
    expect(r.stdout).toContain('unclassified: none');
    expect(r.stdout).toContain('dead ends: none');
    expect(r.stdout).toContain('crashes: none');
    expect(r.stdout).toContain('never asked: none');
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(/^\d+ passed, 0 failed$/);
  });

  it('--json gives the same results as data', async () => {
    const r = await runCli(['playbook', 'test', 'abcd', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.failed).toBe(0);
    expect(out.passed).toBeGreaterThanOrEqual(20);
    expect(out.files[0].cases[0]).toMatchObject({ passed: true, mismatches: [] });
  });
});

describe('a trainer\'s playbook', () => {
  it('runs the built-in tests against an override, and shows what it broke as expected vs actual', async () => {
    const r = await runCli(['playbook', 'test', 'acme/acme.yaml'], { cwd: trainer });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(' ✗ <sales-coach>/playbooks/abcd/abcd.test.yaml > Prep for an A commander: ask for the signature on site');
    expect(r.stdout).toContain('       - expected: ask_signature "last 20 minutes" present');
    expect(r.stdout).toMatch(/\+ actual: {3}.*ask_signature/);
    expect(r.stdout).toContain(' ✓ acme/acme.test.yaml > ACME: a first KP who sees the value is an A');
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(/^\d+ passed, 1 failed$/);
  });

  it('--update fills a new case\'s expectations from the actual result, keeping comments', async () => {
    const dir = tmp();
    cpSync(join(trainer, 'acme'), dir, { recursive: true });
    const r = await runCli(['playbook', 'test', '--update', join(dir, 'acme.yaml')]);
    expect(r.stderr).toContain('filled the expectations of 1 new case(s) from the actual results: review them');
    const text = readFileSync(join(dir, 'acme.test.yaml'), 'utf8');
    expect(text).toContain('    expect:\n      class: B\n      provisional: false');
    expect(text).toContain('        - id: b_window\n          due: 2026-12-16');
    const again = await runCli(['playbook', 'test', '--update', join(dir, 'acme.yaml')]);
    expect(again.stderr).not.toContain('filled');
  });

  it('a test file\'s own mistakes are diagnostics at file:line:col', async () => {
    const r = await runCli(['playbook', 'test', 'broken'], { cwd: trainer });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken/broken.test.yaml:3:16: error: no question "budgte" in the playbook broken [unknown-reference]');
    expect(r.stderr).toContain('hint: did you mean "budget"?');
    expect(r.stderr).toContain('broken/broken.test.yaml:5:24: error: "budget" cannot be "maybe" [invalid-answer]');
    expect(r.stderr).toContain('broken/broken.test.yaml:6:23: error: unknown flag "bigg" [unknown-reference]');
    expect(r.stderr).toContain('broken/broken.test.yaml:6:37: error: unknown class "Z" [unknown-reference]');
  });

  it('playbook validate checks a test file against the playbook it tests', async () => {
    const r = await runCli(['playbook', 'validate', 'broken/broken.test.yaml'], { cwd: trainer });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken/broken.test.yaml:3:16: error: no question "budgte" in the playbook broken [unknown-reference]');
    expect(r.stdout).toContain('✗ broken/broken.test.yaml [broken] (4 errors)');
    const ok = await runCli(['playbook', 'validate', join(import.meta.dirname, '../../playbooks/abcd/abcd.test.yaml')]);
    expect(ok.code).toBe(0);
  });

  it('--coverage names what no case exercises, with file:line', async () => {
    const dir = tmp();
    cpSync(join(trainer, 'broken', 'broken.yaml'), join(dir, 'small.yaml'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'small.test.yaml'), 'cases:\n  - name: budget yes\n    answers: { budget: "yes", size: small }\n    expect: { class: A }\n');
    const r = await runCli(['playbook', 'test', '--coverage', 'small.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Coverage of broken: 3/5 (60%)');
    expect(r.stdout).toContain('small.yaml:8:42  rule D is exercised by no case');
    expect(r.stdout).toContain('small.yaml:10:11  flag big is exercised by no case');
    expect(r.stdout).toContain('1 passed, 0 failed');
  });

  it('a case in the child\'s test file replaces the inherited case of the same name, shown as overridden', async () => {
    const dir = tmp();
    cpSync(join(trainer, 'acme'), dir, { recursive: true });
    const name = 'Prep for an A commander: ask for the signature on site in the last 20 minutes';
    const before = await runCli(['playbook', 'test', join(dir, 'acme.yaml')], { cwd: dir });
    expect(before.stdout).toMatch(/✗ <sales-coach>\/playbooks\/abcd\/abcd\.test\.yaml > Prep for an A commander/);
    // a failure says where its case is written
    expect(before.stdout).toMatch(/^ {5}at <sales-coach>\/playbooks\/abcd\/abcd\.test\.yaml:\d+$/m);
    const text = readFileSync(join(dir, 'acme.test.yaml'), 'utf8');
    writeFileSync(join(dir, 'acme.test.yaml'), `${text.trimEnd()}\n  - name: "${name}"\n    mode: prep\n    date: 2026-11-26\n    answers: { contact_name: Li, contact_role: first_kp, contacts_known: 2, has_need: "no", buying_power: "yes", sees_value: "yes", persona: commander, visit_focus: x }\n    expect: { class: D }\n`);
    const r = await runCli(['playbook', 'test', join(dir, 'acme.yaml')], { cwd: dir });
    expect(r.stdout).toContain(` ↷ <sales-coach>/playbooks/abcd/abcd.test.yaml > ${name} overridden by acme.test.yaml:`);
    expect(r.stdout).toContain(` ✓ acme.test.yaml > ${name}`);
    expect(r.stdout).not.toContain('✗');
    expect(r.code).toBe(0);
  });

  it('a case can name the others at the meeting, read as an answers file reads them, errors at line:col', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'team.yaml'), 'id: team\nextends: abcd\ntitle: { en: "Team" }\nlocales: [en, zh-CN]\n');
    const main = 'contact_name: Ms Chen, contact_title: Buyer, contact_role: second_kp, approval_layers: one, contacts_known: 3, has_need: "yes", buying_power: "yes", sees_value: "yes", persona: koala, contact_stance: supporter, asked_to_sign: "yes", trust_built: "yes", signed: "no", not_signed_kind: obstacle, not_signed_reason: the board, polite_excuse: "no", statement_changed: "no", plan_shared: "yes", next_meeting: 2026-12-08, next_topic: the contract';
    const kase = (name: string, others: string, cls: string) =>
      `  - name: ${name}\n    date: 2026-12-03\n    answers: { ${main} }\n${others}    expect: { class: ${cls}, followUp: ["Ms Chen, thank you"] }\n`;
    writeFileSync(
      join(dir, 'team.test.yaml'),
      `cases:\n${kase('the first KP at the meeting leads', '    others:\n      - { contact_name: Mr Wang, contact_role: first_kp, persona: commander }\n', 'A')}${kase('alone, the second KP is a B', '', 'B')}`,
    );
    const r = await runCli(['playbook', 'test', join(dir, 'team.yaml')], { cwd: dir });
    expect(r.stdout).toContain(' ✓ team.test.yaml > the first KP at the meeting leads');
    expect(r.stdout).toContain(' ✓ team.test.yaml > alone, the second KP is a B');
    // without the others the first case fails: the others are what the class was read on
    writeFileSync(join(dir, 'team.test.yaml'), `cases:\n${kase('the first KP at the meeting leads', '', 'A')}`);
    const without = await runCli(['playbook', 'test', join(dir, 'team.yaml')], { cwd: dir });
    expect(without.stdout).toContain(' ✗ team.test.yaml > the first KP at the meeting leads');
    // a question not asked of the others, and a wrong value, each at its place in the case
    writeFileSync(join(dir, 'team.test.yaml'), `cases:\n${kase('bad others', '    others:\n      - { contact_name: Mr Wang, contact_role: boss, budget: 3 }\n', 'A')}`);
    const bad = await runCli(['playbook', 'test', join(dir, 'team.yaml')], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/team\.test\.yaml:6:\d+: error: .*contact_role.*boss/);
    expect(bad.stderr).toMatch(/team\.test\.yaml:6:\d+: error: .*budget/);
  });

  it('with no cases, says how to write the first one', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'alone.yaml'), readFileSync(join(trainer, 'broken', 'broken.yaml'), 'utf8').replace(/^id: .*$/m, 'id: alone'));
    const r = await runCli(['playbook', 'test', 'alone.yaml'], { cwd: dir });
    expect(r.stdout).toContain('no test cases for alone: write the first one in alone.test.yaml:');
    expect(r.stdout).toContain('      answers: { budget: … }');
    expect(r.stdout).toContain('sales-coach playbook test --update');
  });
});
