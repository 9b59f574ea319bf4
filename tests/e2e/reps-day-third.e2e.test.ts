/**
 * Issue 25, the second rep's trial (what was left open): each screen says what the rep can trust, with
 * the built binary.
 */
import { describe, expect, it } from 'vitest';
import { runBin, sessionRunner } from '../helpers/spawn.js';

const { env, run } = sessionRunner();

const facts = { contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes' };
const prepOnly = { trust_level: 'none', perception: 'supplier', resources: [], internal_support: [], visit_focus: 'the pilot', visit_topic: 'the pilot' };
const secondKp = { contact_role: 'second_kp', approval_layers: 'one', ...facts, persona: 'koala' };
const notAsked = { asked_to_sign: 'no', not_asked_why: 'other', not_signed_reason: 'timing', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'no' };

describe("the rep's day, the second trial's findings (issue 25)", () => {
  it('a zh-CN prep lists the steps an English session left open in Chinese', async () => {
    await run('debrief', 'Lang Co', { contact_name: 'Ms Chen', ...secondKp, ...notAsked, next_meeting: '2026-11-30' }, '2026-11-23');
    const zh = await run('prep', 'Lang Co', { contact_name: 'Mr Zhao', contact_role: 'third_kp', approval_layers: 'two', contacts_known: 3, persona: 'thinker', ...prepOnly }, '2026-11-30', ['--lang', 'zh-CN']);
    // before: "Confirm the meeting of Mon 30 Nov in writing…" and "Tell Ms Chen the plan…" in English
    expect(zh.out).not.toContain('Confirm the meeting');
    expect(zh.out).not.toContain('Tell Ms Chen the plan');
    expect(zh.out).toContain('告诉Ms Chen接下来的节奏');
  });

  it('a prep after a prep says the class was recorded at the debrief, on its day', async () => {
    const excuse = { contact_name: 'Ms Lee', contact_role: 'first_kp', ...facts, persona: 'koala', observed: ['asks_details'], asked_to_sign: 'no', trust_built: 'no', not_asked_why: 'other', not_signed_reason: 'trust first', polite_excuse: 'yes', statement_changed: 'no', plan_shared: 'no' };
    await run('debrief', 'Record Co', excuse, '2026-11-23');
    // a D on record is asked what would make the visit worth it (the fifth trial)
    const prep = { contact_name: 'Ms Lee', ...prepOnly, worth_again: 'a budget of their own' };
    await run('prep', 'Record Co', prep, '2026-11-30');
    const again = await run('prep', 'Record Co', prep, '2026-11-30');
    // before: "D as recorded at the visit of Mon 30 Nov" (the prep's day: a prep records nothing)
    expect(again.out).toContain('The class stands as recorded at the debrief of Mon 23 Nov');
    expect(again.out).not.toContain('30 Nov: nothing you know');
  });

  it('a prep run again with the same answers expects what it expected, not the record read back', async () => {
    await run('debrief', 'Expect Again Co', { contact_name: 'Ms Chen', ...secondKp, ...notAsked }, '2026-11-23');
    const prep = { contact_name: 'Mr Zhao', contact_role: 'third_kp', approval_layers: 'two', contacts_known: 3, persona: 'thinker', ...prepOnly };
    const first = await run('prep', 'Expect Again Co', prep, '2026-11-30');
    expect(first.out).toContain('Expected: C. The account stays B on record');
    // said once, by the reason: no second line "B since …, this visit expects C" (issue 23)
    expect(first.out).not.toContain('this visit expects C');
    const again = await run('prep', 'Expect Again Co', prep, '2026-11-30');
    // before: "B as recorded at the visit of Mon 30 Nov: nothing you know has changed since"
    expect(again.out).toContain('Expected: C. The account stays B on record');
    expect(again.out).not.toContain('B as recorded');
  });

  it('a prep for someone other than the first KP on record says "You meet", not "You met"', async () => {
    await run('debrief', 'Held Co', { contact_name: 'Ms Li', contact_role: 'first_kp', ...facts, persona: 'commander', ...notAsked }, '2026-11-23');
    const p = await run('prep', 'Held Co', { contact_name: 'Mr Zhao', contact_role: 'second_kp', approval_layers: 'one', persona: 'thinker', ...prepOnly }, '2026-11-25');
    expect(p.out).not.toContain('You met Mr Zhao');
    expect(p.out).toContain('You meet Mr Zhao, not the first KP');
    // nor does a prep's class give as its reason a meeting not held yet
    const first = await run('prep', 'Ahead Co', { contact_name: 'Ms Wu', contact_role: 'first_kp', ...facts, persona: 'commander', ...prepOnly }, '2026-11-25');
    expect(first.out).toContain('Because you meet the first KP');
    expect(first.out).not.toContain('you met the first KP');
  });

  it("today says a window's end once: in its section, not again as the window's step", async () => {
    await run('debrief', 'Window Co', { contact_name: 'Ms Chen', ...secondKp, ...notAsked }, '2026-11-23');
    const r = await runBin(['today', '--today', '2026-12-14'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Past the signing window');
    expect(r.stdout).toMatch(/Window Co\s+B, window ended/);
    expect(r.stdout.replace(/\s+/g, ' ')).not.toContain('The B signing cycle (about 20 days)');
  });

  it("today recalls a D account's prep never debriefed, as every other class's", async () => {
    const d = await run('debrief', 'Dee Co', { contact_name: 'Ms Lee', contact_role: 'first_kp', ...facts, has_need: 'no', persona: 'commander', asked_to_sign: 'no', not_asked_why: 'other', not_signed_reason: 'no need', polite_excuse: 'no', statement_changed: 'no' }, '2026-11-23');
    expect(d.out).toMatch(/^ ?D /);
    await run('prep', 'Dee Co', { contact_name: 'Ms Lee', has_need: 'yes', ...prepOnly, worth_again: 'a need of their own' }, '2026-11-30');
    const r = await runBin(['today', '--today', '2026-12-01'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Not yet debriefed');
    expect(r.stdout).toMatch(/Dee Co\s+the visit of Mon 30 Nov 2026/);
  });

  it("the prep's recap says the topic the debrief agreed for this meeting", async () => {
    await run('debrief', 'Topic Co', { contact_name: 'Ms Chen', ...secondKp, ...notAsked, next_meeting: '2026-11-30', next_topic: 'the pilot plan' }, '2026-11-23');
    // the file leaves the topic out: before, the recap said nothing of it
    const p = await run('prep', 'Topic Co', { contact_name: 'Ms Chen', ...prepOnly, visit_topic: undefined, last_discussed: 'the budget' }, '2026-11-30');
    expect(p.out).toContain('At this visit I would like to focus on the pilot plan.');
  });

  it('the follow-up is addressed to the customer: what they asked is not said of them in the third person', async () => {
    const d = await run('debrief', 'Asked Co', { contact_name: 'Ms Chen', ...secondKp, ...notAsked, customer_asked: 'Ms Chen wants a reference site' }, '2026-11-23');
    expect(d.out).toContain('send you what you asked for: a reference site');
    expect(d.out).not.toContain('send you what you asked for: Ms Chen');
    const zh = await run('debrief', 'Asked Co', { contact_name: '陈总', ...secondKp, ...notAsked, customer_asked: '她想要一个参考案例' }, '2026-11-24', ['--lang', 'zh-CN']);
    expect(zh.out).toContain('把您要的资料发给您：一个参考案例');
    expect(zh.out).not.toContain('（她想要');
  });

  it('the same advice is not added visit after visit: one open step, and advice given last time is not listed as new', async () => {
    const chen = { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, persona: 'koala' };
    const prep = { contact_name: 'Ms Chen', trust_level: 'liked', perception: 'supplier', resources: [], internal_support: [], visit_focus: 'x' };
    const debrief = { ...chen, asked_to_sign: 'no', trust_built: 'no', not_asked_why: 'other', not_signed_reason: 'trust first', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };
    await run('prep', 'Same Co', { ...chen, ...prep }, '2026-11-23');
    const story: boolean[] = [];
    for (const [visit, next] of [['2026-11-23', '2026-11-25'], ['2026-11-25', '2026-11-27'], ['2026-11-27', '2026-11-30']]) {
      await run('debrief', 'Same Co', debrief, visit);
      story.push((await run('prep', 'Same Co', prep, next)).out.includes('Keep your story consistent'));
    }
    // before: added at each prep ("ask your manager to meet Ms Chen" three times)
    const shown = await runBin(['account', 'show', 'Same Co'], { env });
    expect(shown.stdout.replace(/\s+/g, ' ').match(/Ask your manager to meet or call Ms Chen[^(]*\(new step,/g)).toHaveLength(1);
    // before: "Keep your story consistent" at every session; now said once, then only with --full
    expect(story).toEqual([true, false, false]);
  });

  it("a new B deadline before the day the customer placed the obstacle is said, not left to contradict them", async () => {
    const wu = { contact_name: 'Mr Wu', contact_role: 'first_kp', ...facts, persona: 'commander', asked_to_sign: 'yes', signed: 'no', polite_excuse: 'no', statement_changed: 'no' };
    await run('debrief', 'January Co', { ...wu, not_signed_kind: 'obstacle', not_signed_reason: 'legal review' }, '2026-11-23');
    // the A window ran out: a B, signing by Thu 24 Dec; the customer's budget comes only in January
    const d = await run('debrief', 'January Co', { ...wu, not_signed_kind: 'obstacle_later', not_signed_reason: 'budget only in January', obstacle_date: '2027-01-11' }, '2026-12-07');
    expect(d.out).toContain('Sign by Thu 24 Dec 2026');
    expect(d.out).toContain('The B window ends on Thu 24 Dec, before Mon 11 Jan, the day the customer places "budget only in January"');
    // nor is a B told it "will not sign as an A" (the A's flag), beside the B's own window
    expect(d.out).not.toContain('will not sign as an A');
    const zh = await run('debrief', 'January Co', { ...wu, contact_name: 'Mr Wu', not_signed_kind: 'obstacle_later', not_signed_reason: '预算1月才下来', obstacle_date: '2027-01-11' }, '2026-12-08', ['--lang', 'zh-CN']);
    expect(zh.out.replace(/\s+/g, '')).toContain('早于客户说的“预算1月才下来”所在的');
  });
});
