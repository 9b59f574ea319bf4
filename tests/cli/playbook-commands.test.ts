import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const fixtures = join(import.meta.dirname, '../fixtures');
const tmp = () => mkdtempSync(join(tmpdir(), 'sc-cli-'));

describe('playbook validate', () => {
  it('validates the built-in playbooks when given no path', async () => {
    const r = await runCli(['playbook', 'validate'], { cwd: tmp() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ <sales-coach>/playbooks/abcd.yaml [abcd]');
    expect(r.stdout).toContain('1 playbook checked: 0 errors, 0 warnings');
  });

  it('reports all problems of all files in one run', async () => {
    const dir = join(fixtures, 'diagnostics');
    const r = await runCli(['playbook', 'validate', 'unknown-key.yaml', 'impossible-value.yaml', 'bad-placeholder.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown-key.yaml:6:5: error');
    expect(r.stderr).toContain('impossible-value.yaml:15:39: error');
    expect(r.stderr.match(/\[bad-placeholder\]/g)).toHaveLength(2);
    expect(r.stdout).toContain('3 playbooks checked: 4 errors, 0 warnings');
  });

  it('allows warnings unless --strict', async () => {
    const dir = join(fixtures, 'diagnostics');
    expect((await runCli(['playbook', 'validate', 'unused-question.yaml'], { cwd: dir })).code).toBe(0);
    const strict = await runCli(['playbook', 'validate', '--strict', 'unused-question.yaml'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('--strict: warnings count as errors');
  });

  it('--format json gives editors and CI the diagnostics as data', async () => {
    const dir = join(fixtures, 'diagnostics');
    const r = await runCli(['playbook', 'validate', '--format', 'json', 'unknown-reference.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.diagnostics).toEqual([
      { file: 'unknown-reference.yaml', line: 15, col: 23, endCol: 29, code: 'unknown-reference', severity: 'error', message: 'unknown question "budgte"', hint: 'did you mean "budget"?', rule: 'condition-references' },
    ]);
  });

  it('never prints a control sequence from a playbook raw', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'evil.yaml'), 'id: evil\ntitle: "\\e]0;pwned\\a\\e[2J"\nquestions:\n  - { id: q, kind: yes-no, text: "\\e[31mred", txt: x }\n');
    const r = await runCli(['playbook', 'validate', 'evil.yaml'], { cwd: dir });
    expect(r.stderr + r.stdout).not.toMatch(/\u001b|\u0007/);
    expect(r.stderr).toContain('unknown key "txt"');
  });

  it('a missing file is a usage error (exit 2), with no stack trace', async () => {
    const r = await runCli(['playbook', 'validate', 'nope.yaml'], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sales-coach: no such file or folder: nope.yaml\n');
  });

  it('an unknown option is a usage error (exit 2)', async () => {
    const r = await runCli(['playbook', 'validate', '--frmat', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--frmat'");
  });

  it('a folder is scanned for playbooks, fragments are reached through their includes', async () => {
    const r = await runCli(['playbook', 'validate', join(fixtures, 'playbooks/split')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 playbook checked');
  });
});

describe('playbook list / show', () => {
  it('lists built-in and user playbooks with where each comes from', async () => {
    const r = await runCli(['playbook', 'list', '--json', '--playbooks', join(fixtures, 'playbooks/user')]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; origin: string; valid: boolean }[];
    expect(rows.map((x) => [x.id, x.origin, x.valid])).toEqual([
      ['acme-abcd', 'user', true],
      ['abcd', 'built-in', true],
    ]);
  });

  it('shows the resolved playbook with extends applied', async () => {
    const r = await runCli(['playbook', 'show', 'acme-abcd', '--json'], { env: { SALES_COACH_PLAYBOOKS: join(fixtures, 'playbooks/user') } });
    expect(r.code).toBe(0);
    const pb = JSON.parse(r.stdout);
    expect(pb.from).toHaveLength(6);
    expect(pb.questions.length).toBeGreaterThan(10);
    expect(pb.checklist.find((c: { id: string }) => c.id === 'ask_signature').text.en).toMatch(/^ACME rule/);
  });

  it('says which ids exist when given an unknown one', async () => {
    const r = await runCli(['playbook', 'show', 'abdc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no playbook "abdc"');
    expect(r.stderr).toContain('the playbooks are: abcd');
  });
});

describe('playbook init / schema', () => {
  it('writes a starter that validates clean and points the editor at the schema', async () => {
    const dir = tmp();
    const r = await runCli(['playbook', 'init', 'team.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'team.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\/playbook\.schema\.json$/);
    const v = await runCli(['playbook', 'validate', '--strict', 'team.yaml'], { cwd: dir });
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    // with a starter test file that passes, and points the editor at the test schema
    const tests = readFileSync(join(dir, 'team.test.yaml'), 'utf8');
    expect(tests.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\/playbook-test\.schema\.json$/);
    const t = await runCli(['playbook', 'test', 'team.yaml'], { cwd: dir });
    expect(t.stdout.trimEnd().split('\n').pop()).toBe('2 passed, 0 failed');
    expect(t.code).toBe(0);
    // and never overwrites
    const again = await runCli(['playbook', 'init', 'team.yaml'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('--for playbook|test|answers prints each schema, the same as the committed files', async () => {
    const files = { playbook: 'playbook.schema.json', test: 'playbook-test.schema.json', answers: 'answers.schema.json' };
    for (const [kind, file] of Object.entries(files)) {
      const r = await runCli(['playbook', 'schema', '--for', kind]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(import.meta.dirname, '../../schema', file), 'utf8'));
    }
    const bad = await runCli(['playbook', 'schema', '--for', 'tests']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('playbook, test, answers');
  });

  it('prints the JSON Schema, or writes it', async () => {
    const r = await runCli(['playbook', 'schema']);
    expect(JSON.parse(r.stdout).title).toBe('sales-coach playbook');
    const dir = tmp();
    await runCli(['playbook', 'schema', '--out', 'x.json'], { cwd: dir });
    expect(readFileSync(join(dir, 'x.json'), 'utf8')).toBe(r.stdout);
  });
});
