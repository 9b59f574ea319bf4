/**
 * Issue 25, a rep's fortnight: what a debrief heard is what every later screen says (the trust built
 * at the visit is the person's trust).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, sandbox } from '../helpers/spawn.js';

const { home, env } = sandbox();
let n = 0;

async function run(mode: 'prep' | 'debrief', account: string, answers: Record<string, unknown>, date: string, extra: string[] = []) {
  const file = join(home, `s${++n}.json`);
  writeFileSync(file, JSON.stringify({ mode, account, date, answers }));
  const r = await runBin([mode, '--answers', file, ...extra], { env });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

const facts = { contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes' };

describe('one plan on each screen (issue 25)', () => {
  it("a debrief's 'trust built: yes' is the person's trust at the next prep", async () => {
    await run('prep', 'Trust Co', { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, persona: 'koala', trust_level: 'liked', perception: 'supplier', resources: [], internal_support: [], visit_focus: 'the pilot' }, '2026-11-17');
    await run('debrief', 'Trust Co', { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, persona: 'koala', asked_to_sign: 'no', trust_built: 'yes', not_asked_why: 'other', not_signed_reason: 'budget round', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes', next_meeting: '2026-11-24' }, '2026-11-17');
    const shown = await runBin(['account', 'show', 'Trust Co'], { env });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout.replace(/\s+/g, ' ')).toContain('Ms Chen: trust They like me (shallow trust) → They believe me (medium trust)');
    // the next prep starts from it: no step to build the trust already built
    const prep = await run('prep', 'Trust Co', { contact_name: 'Ms Chen', perception: 'supplier', resources: [], internal_support: [], visit_focus: 'the plan' }, '2026-11-24', []);
    expect(prep).not.toContain('From liked to believed');
  });

  it('the class "at your last session" is the one a debrief recorded: a prep records none', async () => {
    const prep = { contact_name: 'Mr Wu', contact_role: 'first_kp', ...facts, persona: 'commander', trust_level: 'none', perception: 'supplier', resources: [], internal_support: [], visit_focus: 'the plan' };
    await run('prep', 'Class Co', prep, '2026-11-24');
    const again = await run('prep', 'Class Co', prep, '2026-11-26');
    // no class was ever recorded: the first prep was not "provisional"
    expect(again).not.toContain('provisional');
    await run('debrief', 'Class Co', { contact_name: 'Mr Wu', contact_role: 'second_kp', approval_layers: 'one', ...facts, persona: 'commander', asked_to_sign: 'no', not_asked_why: 'other', not_signed_reason: 'the boss decides', polite_excuse: 'no', statement_changed: 'no' }, '2026-11-26');
    const zh = await run('prep', 'Class Co', prep, '2026-11-30', ['--dry-run', '--lang', 'zh-CN']);
    // said once, in the class's reason (the since-last line said it again)
    expect(zh.replace(/\s+/g, '')).toContain('预计是A类客户。在复盘说明实际情况之前，记录上仍是B类客户');
    expect(zh.replace(/\s+/g, '')).not.toContain('这次拜访预计是A类客户');
    const expected = await run('prep', 'Class Co', prep, '2026-11-30');
    expect(expected.replace(/\s+/g, ' ')).toContain('Expected: A. The account stays B on record until the debrief says what happened');
    expect(expected).not.toContain('this visit expects A');
  });

  it('a debrief with a second KP at the table ends "you know only the first KP"', async () => {
    await run('prep', 'KP Co', { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, contacts_known: 1, persona: 'commander', trust_level: 'liked', perception: 'supplier', resources: [], internal_support: [], visit_focus: 'the plan' }, '2026-11-17');
    const file = join(home, 'kp.yaml');
    writeFileSync(file, 'mode: debrief\naccount: KP Co\ndate: 2026-11-17\nanswers: { contact_name: Ms Chen, contact_role: first_kp, has_need: "yes", buying_power: "yes", sees_value: "yes", persona: commander, asked_to_sign: "no", not_asked_why: other, not_signed_reason: budget round, polite_excuse: "no", statement_changed: "no", plan_shared: "yes", next_meeting: 2026-11-24 }\nothers:\n  - { contact_name: Mr Li, contact_title: IT Manager, contact_role: second_kp, contact_stance: neutral }\n');
    const d = await runBin(['debrief', '--answers', file], { env });
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).not.toContain('You know only the first KP');
    const open = await runBin(['checklist', '--account', 'KP Co', '--today', '2026-11-18'], { env });
    expect(open.stdout).not.toContain('You know only the first KP');
  });

  it('a step for the deciding meeting takes the day the debrief agreed for it', async () => {
    await run('prep', 'Meet Co', { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, contacts_known: 3, persona: 'koala', trust_level: 'liked', perception: 'supplier', resources: [], internal_support: [], visit_focus: 'the plan' }, '2026-11-17');
    await run('debrief', 'Meet Co', { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, contacts_known: 3, persona: 'koala', asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'trust first', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes', next_meeting: '2026-12-01' }, '2026-11-17');
    const r = await runBin(['checklist', '--json', '--account', 'Meet Co', '--today', '2026-11-18'], { env });
    const steps = JSON.parse(r.stdout) as { text: string; due: string }[];
    expect(steps.find((s) => s.text.startsWith('Have the contract ready for the deciding meeting'))?.due).toBe('2026-12-01');
  });

  it('account set ends the steps whose reason it answered, as a session would', async () => {
    // Qian stands against us: the prep issues "Plan how to answer Qian's concerns"
    await run('prep', 'Set Co', { contact_name: 'Qian', contact_role: 'second_kp', approval_layers: 'one', contacts_known: 3, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'commander', contact_stance: 'opponent', personal_win: 'a smooth audit this year', trust_level: 'liked', perception: 'supplier', resources: ['success_case'], internal_support: ['manager'], visit_focus: 'x' }, '2026-11-26');
    const steps = async () => (JSON.parse((await runBin(['checklist', '--json', '--account', 'Set Co', '--today', '2026-11-26'], { env })).stdout) as { text: string }[]).map((x) => x.text);
    const concerns = (list: string[]) => list.filter((x) => x.startsWith("Plan how to answer Qian's concerns"));
    expect(concerns(await steps())).toHaveLength(1);
    const set = await runBin(['account', 'set', 'Set Co', '--person', 'Qian', 'stance=neutral', '--date', '2026-11-27'], { env });
    expect(set.code, set.stderr).toBe(0);
    // before: the step stayed open (and overdue) until the next session; the README says it ends
    expect(concerns(await steps())).toEqual([]);
    expect(set.stderr.replace(/\s+/g, ' ')).toContain("Plan how to answer Qian's concerns");
  });
});
