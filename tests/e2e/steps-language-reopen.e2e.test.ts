/**
 * What the fortnight trial found with steps: a step written by an English session reads in Chinese
 * on a Chinese screen; reopening a step a newer one replaced is refused and the account stays
 * readable (it locked the whole account).
 */
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

const A = 'contact_name: Ms Chen, contact_role: first_kp, contacts_known: 3, has_need: "yes", buying_power: "yes", sees_value: "yes", persona: commander, asked_to_sign: "yes", signed: "no", not_signed_kind: obstacle, not_signed_reason: board, polite_excuse: "no", statement_changed: "no", next_meeting: 2026-12-08';

describe('steps', () => {
  it('read in the reader\'s language, whatever the language of the session that wrote them', async () => {
    const { file } = scratch('sc-steps-');
    const { env } = sandbox();
    expect((await runBin(['debrief', '--account', 'Hengda', '--date', '2026-12-01', '--no-input', '--answers', file('a.yaml', `mode: debrief\nanswers: { ${A} }\n`)], { env })).code).toBe(0);
    const zh = await runBin(['--lang', 'zh-CN', 'checklist', '--today', '2026-12-02'], { env });
    expect(zh.stdout).toContain('书面确认12月8日的会面和议程');
    expect(zh.stdout).not.toContain('Confirm the meeting');
    const accounts = await runBin(['--lang', 'zh-CN', 'accounts', '--today', '2026-12-02'], { env });
    expect(accounts.stdout).toMatch(/下一步：.*书面确认12月8日的会面和议程/);
    const en = await runBin(['checklist', '--today', '2026-12-02'], { env });
    expect(en.stdout).toContain('Confirm the meeting of Tue 8 Dec in writing');
  });

  it('a step a newer one replaced cannot be reopened, and the account stays readable', async () => {
    const { file } = scratch('sc-reopen-');
    const { env } = sandbox();
    expect((await runBin(['debrief', '--account', 'Acme', '--date', '2026-12-01', '--no-input', '--answers', file('a.yaml', `mode: debrief\nanswers: { ${A} }\n`)], { env })).code).toBe(0);
    // the account becomes a D: its open steps are superseded
    expect((await runBin(['debrief', '--account', 'Acme', '--date', '2026-12-03', '--no-input', '--answers', file('d.yaml', `mode: debrief\nanswers: { ${A.replace('buying_power: "yes"', 'buying_power: "no"')} }\n`)], { env })).code).toBe(0);
    const shown = JSON.parse((await runBin(['account', 'show', 'Acme', '--json'], { env })).stdout);
    const superseded = shown.checklist.find((s: { state: string }) => s.state === 'superseded');
    expect(superseded).toBeDefined();
    const r = await runBin(['checklist', 'reopen', String(superseded.id)], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`step ${superseded.id} was replaced by a newer step; it is closed and cannot be reopened`);
    expect((await runBin(['account', 'show', 'Acme'], { env })).code).toBe(0);
  });
});
