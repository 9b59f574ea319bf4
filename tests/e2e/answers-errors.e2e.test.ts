/** An answers file with several kinds of mistake is told all of them in one run (a wrong value and a missing answer). */
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

describe('an answers file with mistakes of two kinds', () => {
  it('names the wrong value and the missing answer together, and runs nothing', async () => {
    const { file } = scratch('sc-answers-');
    const answers = file('bad.yaml', 'mode: debrief\nanswers:\n  contact_name: Li\n  contact_role: first_kp\n  contacts_known: 2\n  has_need: "yess"\n  sees_value: "yes"\n  persona: commander\n  asked_to_sign: "yes"\n  signed: "yes"\n  polite_excuse: "no"\n  statement_changed: "no"\n');
    const { env } = sandbox();
    const r = await runBin(['debrief', '--account', 'Acme', '--no-input', '--answers', answers], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:6:13: error: "has_need" cannot be "yess" \[invalid-answer\]/);
    expect(r.stderr).toMatch(/bad\.yaml:2:1: error: no answer to "buying_power": .* \[missing-answer\]/);
    // the wrong answer is not also reported as missing
    expect(r.stderr).not.toContain('no answer to "has_need"');
    expect(r.stderr).toContain('the answers file has 2 mistakes; nothing was run');
    expect((await runBin(['accounts', '--json'], { env })).stdout).not.toContain('Acme');
  });
});

describe('an answer the session does not ask', () => {
  it('is said where it is, with the way to record it, and the session still runs (a debrief asks no trust level)', async () => {
    const { file } = scratch('sc-answers-mode-');
    const answers = file('d.yaml', 'mode: debrief\nanswers:\n  contact_name: Li\n  contact_role: first_kp\n  contacts_known: 2\n  has_need: "yes"\n  buying_power: "yes"\n  sees_value: "yes"\n  persona: commander\n  trust_level: believed\n  asked_to_sign: "yes"\n  signed: "yes"\n  polite_excuse: "no"\n  statement_changed: "no"\n');
    const { env } = sandbox();
    const r = await runBin(['debrief', '--account', 'Acme', '--no-input', '--answers', answers], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('d.yaml:10:3: warning: "trust_level" is not asked in a debrief: this answer is not used [not-asked-in-mode]');
    expect(r.stderr).toContain('sales-coach account set');
  });
});
