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
    // the next step (the meeting is confirmed three days before it, the same day as the obstacle's step) in Chinese
    expect(accounts.stdout).toMatch(/解决没签单的原因：board（下一步，2026年12月3日周四前）/);
    expect(accounts.stdout).not.toMatch(/Remove what stopped|Confirm the meeting/);
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

describe("an account's timeline", () => {
  it("is read in the reader's language, closed steps too, and each visit's events follow it", async () => {
    const { file } = scratch('sc-timeline-');
    const { env } = sandbox();
    const prep = 'contact_name: Mr Li, contact_role: second_kp, approval_layers: one, contacts_known: 2, has_need: "yes", buying_power: "yes", sees_value: "yes", persona: koala, trust_level: liked, perception: supplier, visit_focus: the pilot';
    expect((await runBin(['prep', '--account', 'Acme', '--date', '2026-11-20', '--no-input', '--answers', file('p.yaml', `mode: prep\nanswers: { ${prep} }\n`)], { env })).code).toBe(0);
    const debrief = `mode: debrief\nanswers: { ${A.replace('next_meeting: 2026-12-08', 'next_meeting: 2026-11-27')} }\n`;
    expect((await runBin(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--no-input', '--answers', file('d.yaml', debrief)], { env })).code).toBe(0);
    const zh = (await runBin(['--lang', 'zh-CN', 'account', 'show', 'Acme'], { env })).stdout.replace(/\s+/g, '');
    // a step closed by the debrief (the trust rung of the prep) in Chinese, as the reason it closed
    expect(zh).toContain('从喜欢你到相信你：带上同类项目的成功案例，兑现每一个小承诺（拜访已结束，随之关闭）');
    expect(zh).not.toMatch(/superseded|the visit took place|From liked to believed/);
    const en = (await runBin(['account', 'show', 'Acme'], { env })).stdout.replace(/\s+/g, ' ');
    // the class is the debrief's to record: the prep expected B (Mr Li), the debrief met the first KP
    // (issue 25: a prep's answers are what the rep expects, not what happened)
    expect(en).not.toContain('classified B');
    expect(en).toContain('classified A');
    // a step the rep ticks done with checklist done reads in Chinese too (before the meeting it prepares:
    // after it, the step is no longer listed)
    const open = JSON.parse((await runBin(['checklist', '--json', '--account', 'Acme', '--today', '2026-11-21'], { env })).stdout) as { id: number; text: string }[];
    const confirm = open.find((x) => x.text.startsWith('Confirm the meeting'));
    expect(confirm).toBeDefined();
    expect((await runBin(['checklist', 'done', String(confirm?.id)], { env })).code).toBe(0);
    expect((await runBin(['--lang', 'zh-CN', 'account', 'show', 'Acme'], { env })).stdout.replace(/\s+/g, '')).toContain('书面确认11月27日的会面和议程（已完成）');
    // overdue as of the day asked for, as checklist --today reads it (a fortnight lived back-filled)
    const then = (await runBin(['account', 'show', 'Acme', '--today', '2026-11-20'], { env })).stdout;
    const later = (await runBin(['account', 'show', 'Acme', '--today', '2027-01-30'], { env })).stdout;
    expect(then).not.toContain('(overdue)');
    expect(later).toContain('(overdue)');
  });
});

describe('the recap', () => {
  it('thanks for "last time" only someone met before at the account (the trial\'s 孫工 was thanked at his first meeting)', async () => {
    const { file } = scratch('sc-recap-');
    const { env } = sandbox();
    expect((await runBin(['debrief', '--account', 'Yuanjing', '--date', '2026-11-16', '--no-input', '--answers', file('d.yaml', `mode: debrief\nanswers: { ${A.replace('Ms Chen', 'Mr Liu')} }\n`)], { env })).code).toBe(0);
    const prep = (who: string) => `mode: prep\nanswers: { contact_name: ${who}, contact_role: first_kp, contacts_known: 3, has_need: "yes", buying_power: "yes", sees_value: "yes", persona: koala, trust_level: liked, perception: supplier, last_discussed: the service terms, still_differ: the date, visit_focus: x, visit_topic: the pilot }\n`;
    const sun = await runBin(['prep', '--account', 'Yuanjing', '--date', '2026-11-27', '--no-input', '--dry-run', '--answers', file('s.yaml', prep('Mr Sun'))], { env });
    expect(sun.code).toBe(0);
    expect(sun.stdout).not.toContain('last time');
    expect(sun.stdout).not.toContain('send Mr Sun the recap');
    const liu = await runBin(['prep', '--account', 'Yuanjing', '--date', '2026-11-27', '--no-input', '--dry-run', '--answers', file('l.yaml', prep('Mr Liu'))], { env });
    expect(liu.stdout).toContain('Hello Mr Liu, thank you for your time last time');
  });
});
