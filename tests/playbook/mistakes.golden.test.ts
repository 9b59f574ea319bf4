/**
 * The mistakes a trainer made while trying the validator (issue 13), each as a golden file: every
 * independent mistake shows in the first run, no error is an echo of another, hints list every form.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

const dir = join(import.meta.dirname, '../fixtures/mistakes');
const expected: Record<string, string[]> = {
  'hidden-by-due.yaml': ['unknown-reference', 'invalid-value'],
  'misspelt-required.yaml': ['unknown-key'],
  'one-tab.yaml': ['tab-indentation', 'impossible-value'],
  'due-hint.yaml': ['invalid-value', 'invalid-value'],
};

describe("a trainer's mistakes", () => {
  it('every fixture has its expected codes listed', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.keys(expected))('%s', async (name) => {
    const r = await runCli(['playbook', 'validate', name], { cwd: dir });
    const json = await runCli(['playbook', 'validate', '--format', 'json', name], { cwd: dir });
    const errors = (JSON.parse(json.stdout).diagnostics as { code: string; severity: string }[]).filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code).sort()).toEqual([...expected[name]].sort());
    expectGolden(join(dir, name.replace(/\.yaml$/, '.out')), `exit ${r.code}\n--- stderr\n${r.stderr}--- stdout\n${r.stdout}`);
  });

  it('the hint for due: lists numbers and "deadline"', async () => {
    const r = await runCli(['playbook', 'validate', 'due-hint.yaml'], { cwd: dir });
    const hints = r.stderr.split('\n').filter((l) => l.includes('hint:'));
    expect(hints).toHaveLength(2);
    for (const h of hints) expect(h).toContain('a whole number from -365 to 365 or "deadline"');
  });
});
