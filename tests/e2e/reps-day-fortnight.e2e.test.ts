/**
 * Issue 25, the third rep's trial (a fortnight with the built binary) and the manager's: one plan from
 * the prep to the debrief, dates a customer can keep, and each screen in its own language.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DraftStore } from '../../src/cli/drafts.js';
import { BIN, runBin, sandbox, sessionRunner } from '../helpers/spawn.js';
import { hasTmux, tmuxSession } from '../helpers/tmux.js';

const { home, env, run } = sessionRunner();

const facts = { contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes' };
const prepOnly = { trust_level: 'none', perception: 'supplier', resources: [], internal_support: [], visit_focus: 'the pilot', visit_topic: 'the pilot' };
const signed = { contact_name: 'Mr Wu', contact_role: 'first_kp', ...facts, persona: 'commander', asked_to_sign: 'yes', signed: 'yes' };

describe("the rep's fortnight, the third trial's findings (issue 25)", () => {
  it("no step falls on New Year's Day: the month's service check after a signature of 2 Dec is due on Mon 4 Jan", async () => {
    const d = await run('debrief', 'New Year Co', { ...signed, next_meeting: '2026-12-09' }, '2026-12-02');
    // before: "Fri, 1 Jan 2027  A month after the signature, check with Mr Wu…"
    expect(d.out).not.toContain('1 Jan 2027');
    // nor is it written "Mon, 4 Jan 2027" below "Thu 3 Dec": one shape of date in the list
    expect(d.out).toMatch(/Mon 4 Jan 2027 A month after the signature/);
  });

  it('the prep and the debrief of one visit are one plan: hold back until trust is built, then the close is due', async () => {
    const chen = { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, persona: 'koala' };
    const p = await run('prep', 'Koala Co', { ...chen, ...prepOnly }, '2026-11-23');
    // before: "Do not ask for the signature at this visit", then the debrief's "you did not ask" when trust came
    expect(p.out).not.toContain('at this visit: build trust');
    expect(p.out).toContain('Do not ask for the signature before trust is built');
    expect(p.out).toContain('if by the last 20 minutes they have come to believe you, ask calmly');
    const d = await run('debrief', 'Koala Co', { ...chen, asked_to_sign: 'no', trust_built: 'yes', not_asked_why: 'other', not_signed_reason: 'timing', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes', next_meeting: '2026-11-30' }, '2026-11-23');
    expect(d.out).toContain('a koala is held back only until they believe you');
    expect(d.out).not.toContain('An A, and you did not ask for the signature');
    const zh = await run('prep', 'Koala Zh', { ...chen, ...prepOnly }, '2026-11-23', ['--lang', 'zh-CN']);
    expect(zh.raw.replace(/\s+/g, '')).toContain('如果对方已经信任你了，再平和地提出成交');
  });

  it("a B's reasons say the company can pay, not that the second KP has buying power (the final say is the first KP's)", async () => {
    const li = { contact_name: 'Ms Li', contact_role: 'second_kp', approval_layers: 'one', ...facts, persona: 'thinker', ...prepOnly };
    const p = await run('prep', 'Power Co', li, '2026-11-23');
    // before: "B because you meet a second KP, they have a need, they have buying power…"
    expect(p.out).toContain('2026 Because you meet a second KP, they have a need, their company can pay');
    expect(p.out).not.toContain('they have buying power');
    const zh = await run('prep', 'Power Zh', li, '2026-11-23', ['--lang', 'zh-CN']);
    expect(zh.raw.replace(/\s+/g, '')).toContain('有需求、对方公司有购买能力、认可产品价值');
  });

  it('a debrief does not ask about the close of someone whose role in the decision is not known', async () => {
    const sun = { contact_name: 'Mr Sun', contact_role: 'unknown', approval_layers: 'one', ...facts, persona: 'thinker', polite_excuse: 'no', statement_changed: 'no', next_meeting: '2026-12-01' };
    // before: refused, "no answer to asked_to_sign: In the last 20 minutes, did you ask for the signature?"
    const d = await run('debrief', 'Unknown Co', sun, '2026-11-23');
    expect(d.out).toContain('You do not know whether this is the first KP');
    expect(d.out).not.toContain('did not ask for the signature');
    const zh = await run('debrief', 'Unknown Zh', sun, '2026-11-23', ['--lang', 'zh-CN']);
    expect(zh.raw).toContain('你不清楚对方是不是第一KP');
    expect(zh.raw).not.toContain('A类客户却没有提出成交');
  });

  it('a signed account is coached for after the sale: no approvals, no polite-excuse question, no "ask plainly" for the decision', async () => {
    await run('debrief', 'After Co', { ...signed, next_meeting: '2026-11-30' }, '2026-11-23');
    const zhao = { contact_name: 'Mr Zhao', contact_role: 'second_kp', contacts_known: 3, persona: 'thinker' };
    // before: refused, "no answer to approval_layers"; then "when you ask for the decision, ask plainly"
    const p = await run('prep', 'After Co', { ...zhao, ...prepOnly, trust_level: 'liked' }, '2026-11-30');
    expect(p.out).toContain('Signed: the coaching is for after the sale now.');
    expect(p.out).toContain('Do not pressure them or overstate');
    expect(p.out).not.toContain('ask plainly');
    // before: refused, "no answer to polite_excuse: Did they end the meeting with a polite excuse"
    const d = await run('debrief', 'After Co', { ...zhao, statement_changed: 'no', next_meeting: '2026-12-07' }, '2026-11-30');
    expect(d.out).not.toContain('polite excuse');
  });

  it('a personal win the debrief records ends the step that was to find it out', async () => {
    const wu = { contact_name: 'Mr Wu', contact_role: 'first_kp', ...facts, persona: 'commander' };
    const p = await run('prep', 'Win Co', { ...wu, ...prepOnly, trust_level: 'believed', resources: ['success_case'], internal_support: ['contracts_finance'] }, '2026-11-23');
    expect(p.out).toContain('learn what would be a personal win for Mr Wu');
    const d = await run('debrief', 'Win Co', { ...wu, personal_win: 'a smooth audit', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'legal', polite_excuse: 'no', statement_changed: 'no', next_meeting: '2026-11-27' }, '2026-11-23');
    // before: "From believed to indispensable: learn what would be a personal win for Mr Wu" beside the win just given
    expect(d.out).not.toContain('learn what would be a personal win for Mr Wu');
    const shown = await runBin(['account', 'show', 'Win Co', '--today', '2026-11-24'], { env });
    expect(shown.stdout.replace(/\s+/g, ' ')).not.toMatch(/\[ \] [^[]*learn what would be a personal win for Mr Wu/);
  });

  it("an English timeline names a zh-CN session's class in English", async () => {
    const zhao = { contact_name: '赵总', contact_role: 'third_kp', approval_layers: 'two', ...facts, persona: 'thinker', ...prepOnly };
    await run('prep', 'Label Co', zhao, '2026-11-23', ['--lang', 'zh-CN']);
    const shown = await runBin(['account', 'show', 'Label Co', '--today', '2026-11-24'], { env });
    expect(shown.code, shown.stderr).toBe(0);
    // before: "prep with 赵总: C类客户" (the label the zh-CN session stored)
    expect(shown.stdout).toMatch(/prep with 赵总: C\b/);
    expect(shown.stdout).not.toContain('C类客户');
  });

  it("a step for the signing window lapses with it: 'agree the day you will hear back' is not overdue weeks after the window", async () => {
    const wu = { contact_name: 'Mr Wu', contact_role: 'first_kp', ...facts, persona: 'commander', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'think_over', not_signed_reason: 'budget', polite_excuse: 'no', statement_changed: 'no' };
    const d = await run('debrief', 'Hear Co', wu, '2026-11-23');
    expect(d.out).toContain('agree the day you will hear back');
    const r = await runBin(['today', '--today', '2026-12-14'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Hear Co\s+A, window ended/);
    // before: "due Tue, 24 Nov 2026, overdue  Hear Co: They want to think it over: agree the day you will hear back"
    expect(r.stdout.replace(/\s+/g, ' ')).not.toContain('Hear Co: They want to think it over');
    // on the window's last day it is still there
    const last = await runBin(['today', '--today', '2026-12-03'], { env });
    expect(last.stdout.replace(/\s+/g, ' ')).toContain('Hear Co: They want to think it over');
  });

  it('a step reworded by a later session keeps its first date: overdue stays overdue', async () => {
    const chen = { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, persona: 'commander' };
    const p = await run('prep', 'Reword Co', { ...chen, ...prepOnly, trust_level: 'liked' }, '2026-11-23');
    expect(p.out).toMatch(/Mon 30 Nov Find out each buying role's personal win/);
    const d = await run('debrief', 'Reword Co', { ...chen, personal_win: 'a result to show the board', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'legal', polite_excuse: 'no', statement_changed: 'no', next_meeting: '2026-12-04' }, '2026-12-02');
    // before: "Wed 9 Dec Besides Ms Chen, find out…": the reworded step took a new week, and was not overdue
    expect(d.out).toMatch(/Mon 30 Nov Besides Ms Chen, find out the personal win/);
    expect(d.out).not.toMatch(/Wed 9 Dec Besides Ms Chen/);
  });

  it('a prep after a missed agreed meeting says so, and a debrief back-filled for that meeting records its class', async () => {
    const chen = { contact_name: 'Ms Chen', contact_role: 'second_kp', approval_layers: 'one', ...facts, persona: 'thinker', polite_excuse: 'no', statement_changed: 'no' };
    await run('debrief', 'Missed Co', { ...chen, next_meeting: '2026-11-30' }, '2026-11-23');
    const prep = { contact_name: 'Ms Chen', ...prepOnly, trust_level: 'liked', last_discussed: 'the pilot' };
    const p = await run('prep', 'Missed Co', prep, '2026-12-02');
    // before: nothing about Mon 30 Nov
    expect(p.out).toContain('The meeting of Mon 30 Nov agreed at the last visit has no debrief');
    await run('debrief', 'Missed Zh', { ...chen, next_meeting: '2026-11-30' }, '2026-11-23');
    const zh = await run('prep', 'Missed Zh', prep, '2026-12-02', ['--lang', 'zh-CN']);
    expect(zh.raw.replace(/\s+/g, '')).toContain('上次约好的11月30日的见面还没有复盘');
    // the debrief of that meeting, entered late: the account is dropped, though a prep is dated after it
    const d = await run('debrief', 'Missed Co', { contact_name: 'Ms Chen', has_need: 'no', polite_excuse: 'no', statement_changed: 'no' }, '2026-11-30');
    expect(d.out).not.toContain('changes neither the class nor the open steps');
    const r = await runBin(['accounts', '--json', '--today', '2026-12-03'], { env });
    const { accounts } = JSON.parse(r.stdout) as { accounts: { name: string; class?: string }[] };
    // before: still B (the later prep outranked the debrief)
    expect(accounts.find((a) => a.name === 'Missed Co')?.class).toBe('D');
  });

  it("a prep's persona advice given at the last prep is not new again after the debrief between them", async () => {
    const chen = { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, persona: 'koala' };
    const prep = { ...chen, ...prepOnly, trust_level: 'liked', resources: ['success_case'], last_discussed: 'the pilot' };
    const debrief = { ...chen, asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'trust first', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };
    await run('debrief', 'Advice Co', debrief, '2026-11-20');
    const said: boolean[] = [];
    for (const day of ['2026-11-23', '2026-11-25', '2026-11-27']) {
      said.push((await run('prep', 'Advice Co', prep, day)).out.includes('Open with a short summary of the last visit'));
      await run('debrief', 'Advice Co', debrief, day);
    }
    // before: [true, true, true] (the debrief between two preps gave none of a prep's advice)
    expect(said).toEqual([true, false, false]);
  });

  it('"have the contract ready for the deciding meeting" is not moved onto a meeting agreed with someone who does not decide', async () => {
    const chen = { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, persona: 'koala' };
    await run('prep', 'Contract Co', { ...chen, ...prepOnly }, '2026-11-23');
    const d = await run('debrief', 'Contract Co', { ...chen, asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'trust first', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes', next_meeting: '2026-11-30' }, '2026-11-23');
    expect(d.out).toContain('Mon 30 Nov Have the contract ready for the deciding meeting');
    const zhao = await run('debrief', 'Contract Co', { contact_name: 'Mr Zhao', contact_role: 'second_kp', approval_layers: 'one', persona: 'thinker', polite_excuse: 'no', statement_changed: 'no', next_meeting: '2026-11-26' }, '2026-11-24');
    expect(zhao.out).toContain('the account stays A on the word of Ms Chen');
    // before: "Thu 26 Nov Have the contract ready…", the day of the meeting with Mr Zhao
    expect(zhao.out).toContain('Mon 30 Nov Have the contract ready for the deciding meeting');
    expect(zhao.out).not.toContain('Thu 26 Nov Have the contract ready');
  });

  it('a screen writes its dates in one shape: the title and "Sign by" as the steps, no comma after the weekday', async () => {
    const d = await run('debrief', 'Shape Co', { ...signed, signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'legal', polite_excuse: 'no', statement_changed: 'no', next_meeting: '2026-12-09' }, '2026-12-02');
    // before: "debrief Wed, 2 Dec 2026" and "Sign by Sat, 12 Dec 2026" above "Wed 9 Dec" in the steps
    expect(d.out).toContain('debrief Wed 2 Dec 2026');
    expect(d.out).toMatch(/Sign by \w{3} \d{1,2} Dec 2026 \(/);
    expect(d.out).not.toMatch(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d/);
  });

  it("a signed account's screen does not say what changed toward the sale: no \"contacts known 2 → 3\"", async () => {
    await run('debrief', 'Signed Facts Co', { ...signed, next_meeting: '2026-11-30' }, '2026-11-23');
    const wu = { contact_name: 'Mr Wu', contacts_known: 3, persona: 'commander', ...prepOnly, trust_level: 'believed' };
    const p = await run('prep', 'Signed Facts Co', wu, '2026-11-30');
    expect(p.out).toContain('Signed: the coaching is for after the sale now.');
    // before: "Changed since the last visit ~ contacts known: 2 → 3"
    expect(p.out).not.toContain('contacts known: 2 → 3');
    const d = await run('debrief', 'Signed Facts Co', { contact_name: 'Mr Wu', contacts_known: 4, has_need: 'no', persona: 'commander', statement_changed: 'no', next_meeting: '2026-12-07' }, '2026-11-30');
    expect(d.out).not.toContain('contacts known: 3 → 4');
    expect(d.out).not.toMatch(/has a need|need: Yes → No/i);
  });

  it("a second KP's personal win on record is not asked for again by the first KP's step on the buying roles' wins", async () => {
    const zhao = { contact_name: 'Mr Zhao', contact_role: 'second_kp', approval_layers: 'one', ...facts, persona: 'thinker', personal_win: 'credit for a sound choice', polite_excuse: 'no', statement_changed: 'no', next_meeting: '2026-11-30' };
    await run('debrief', 'Roles Win Co', zhao, '2026-11-20');
    const chen = { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, persona: 'commander', personal_win: 'a result to show the board', ...prepOnly, trust_level: 'liked', resources: ['success_case'], internal_support: ['contracts_finance', 'manager'] };
    const p = await run('prep', 'Roles Win Co', chen, '2026-11-23');
    // before: "Besides Ms Chen, find out the personal win of who runs the purchase and of the users", Mr Zhao's on record
    expect(p.out).not.toContain('Besides Ms Chen, find out the personal win of who runs the purchase');
    expect(p.out).toContain('Besides Ms Chen and Mr Zhao, whose wins you know, find out the personal win of the others in the purchase and of the users');
    const zh = await run('prep', 'Roles Win Co', chen, '2026-11-24', ['--lang', 'zh-CN']);
    expect(zh.raw.replace(/\s+/g, '')).toContain('除了MsChen和MrZhao（他们的“个人的赢”你已经知道）');
  });

  it('a step the rep already had is not issued again as new at each prep: "bring a success case" is carried, dated for the visit it prepares', async () => {
    const chen = { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, persona: 'koala' };
    const prep = { ...chen, ...prepOnly, internal_support: ['contracts_finance', 'manager'], last_discussed: 'the pilot' };
    const debrief = { ...chen, asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'trust first', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };
    const ids = async (day: string) => {
      const shown = await runBin(['checklist', '--json', '--today', day], { env });
      return (JSON.parse(shown.stdout) as { id: number; account: string; text: string; due: string }[]).filter((st) => st.account === 'Again Co' && st.text.startsWith('Bring a success case')).map((st) => `${st.id} ${st.due}`);
    };
    const first = await run('prep', 'Again Co', prep, '2026-11-23');
    expect(first.out).toContain('Mon 23 Nov Bring a success case');
    const [firstId] = (await ids('2026-11-23'))[0].split(' ');
    await run('debrief', 'Again Co', debrief, '2026-11-23');
    // the step prepares this visit: dated for it, not overdue at birth (the fourth trial: "Mon 23 Nov … (overdue)"
    // at the prep of 25 Nov), and the one step the rep had, its number kept
    const second = await run('prep', 'Again Co', prep, '2026-11-25');
    expect(second.out).toContain('Wed 25 Nov Bring a success case of a similar project');
    expect(second.out).not.toMatch(/Bring a success case[^[]*\(overdue\)/);
    expect(await ids('2026-11-25')).toEqual([`${firstId} 2026-11-25`]);
    // two preps with no debrief between: still the one step, carried to the later visit
    const third = await run('prep', 'Again Co', prep, '2026-11-27');
    expect(third.out).toContain('Fri 27 Nov Bring a success case');
    expect(await ids('2026-11-27')).toEqual([`${firstId} 2026-11-27`]);
  });

  it("a prep dates the contract for the deciding meeting on the meeting the last debrief agreed, not three days out", async () => {
    const chen = { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, persona: 'koala' };
    await run('debrief', 'Meeting Co', { ...chen, asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'trust first', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes', next_meeting: '2026-12-01' }, '2026-11-20');
    const p = await run('prep', 'Meeting Co', { ...chen, ...prepOnly, resources: ['success_case'], last_discussed: 'the pilot' }, '2026-11-23');
    // before: "Thu 26 Nov Have the contract ready for the deciding meeting", three days after the prep
    expect(p.out).toContain('Tue 1 Dec Have the contract ready for the deciding meeting');
    expect(p.out).not.toContain('Thu 26 Nov Have the contract ready');
  });
});


describe.runIf(hasTmux || process.env.CI)('the others at a meeting, in a terminal', () => {
  const { home, env } = sandbox();
  const { waitFor, keys, start, exitCode, kill, screen } = tmuxSession('sc-fortnight', env, home, 100);
  afterAll(() => kill());

  it('a person met before is not asked again what is on record of them (their personal win, type, stance)', async () => {
    const file = join(home, 'zhao.yaml');
    writeFileSync(file, 'mode: debrief\ndate: 2026-12-01\nanswers: { contact_name: Mr Zhao, contact_title: Buyer, contact_role: second_kp, approval_layers: one, contacts_known: 2, has_need: "yes", buying_power: "yes", sees_value: "yes", persona: thinker, contact_stance: supporter, personal_win: credit for a sound choice, polite_excuse: "no", statement_changed: "no" }\n');
    expect(spawnSync(process.execPath, [BIN, 'debrief', '--account', 'Others Co', '--no-input', '--answers', file], { env }).status).toBe(0);
    // a debrief with Ms Chen answered to its end, left as a draft: the others at the meeting are next
    const main = { contact_name: 'Ms Chen', contact_title: 'GM', contact_role: 'first_kp', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'commander', contact_stance: 'supporter', personal_win: null, deal_value: null, expected_close: null, asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'legal', obstacle_date: null, customer_asked: null, polite_excuse: 'no', statement_changed: 'no', next_meeting: null };
    new DraftStore(join(home, 'data', 'sales-coach', 'coach.drafts')).save({ version: 1, mode: 'debrief', account: 'Others Co', playbook: 'abcd', date: '2026-12-03', lang: 'en', answers: main, order: Object.keys(main), savedAt: '2026-12-03T10:00:00.000Z' });
    start("debrief --resume --account 'Others Co'");
    await waitFor('Was anyone else at the meeting?');
    keys('Mr Zhao', 'Enter');
    // before: "Mr Zhao's job title", "Where do they stand", "Which type is Mr Zhao?", … "What would be Mr Zhao's personal win?"
    await waitFor('Anyone else at the meeting?');
    expect(screen()).not.toContain("What would be Mr Zhao's personal win?");
    expect(screen()).not.toContain('Which type is Mr Zhao?');
    keys('C-c');
    expect(await exitCode()).toBe(130);
  }, 30_000);

  it('the first KP at the meeting as another person is asked about as the first KP met: "did you ask for the signature?"', async () => {
    // a debrief with Ms Chen, a second KP, answered to its end: the others at the meeting are next
    const main = { contact_name: 'Ms Chen', contact_title: 'Buyer', contact_role: 'second_kp', approval_layers: 'one', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'thinker', contact_stance: 'supporter', personal_win: null, deal_value: null, expected_close: null, polite_excuse: 'no', statement_changed: 'no', next_meeting: '2026-12-04', customer_asked: null, next_topic: null };
    new DraftStore(join(home, 'data', 'sales-coach', 'coach.drafts')).save({ version: 1, mode: 'debrief', account: 'Wang Co', playbook: 'abcd', date: '2026-12-01', lang: 'en', answers: main, order: Object.keys(main), savedAt: '2026-12-01T10:00:00.000Z' });
    start("debrief --resume --account 'Wang Co'");
    await waitFor('Was anyone else at the meeting?');
    keys('Mr Wang', 'Enter');
    await waitFor("What is Mr Wang's job title?");
    keys('General Manager', 'Enter');
    await waitFor('Where do they stand in the decision?');
    keys('Enter');
    await waitFor('Which type is Mr Wang?');
    keys('Down', 'Enter');
    await waitFor('Where does Mr Wang stand on your offer?');
    keys('Enter');
    await waitFor("What would be Mr Wang's personal win?");
    keys('Enter');
    await waitFor('Anyone else at the meeting?');
    keys('Enter');
    // before: the class moved to A "because you met the first KP", and the close was never asked about
    await waitFor('In the last 20 minutes, did you ask for the signature?');
    keys('C-c');
    expect(await exitCode()).toBe(130);
  }, 30_000);
});


describe("the rep's fortnight, the fourth trial's findings (issue 25)", () => {
  const zhou = { contact_name: 'Mr Zhou', contact_role: 'first_kp', ...facts, persona: 'commander' };
  const zhouPrep = { ...zhou, ...prepOnly, trust_level: 'liked', last_discussed: 'the pilot' };
  const zhouDebrief = { ...zhou, asked_to_sign: 'no', not_asked_why: 'feared_pushy', not_signed_reason: 'timing', polite_excuse: 'no', statement_changed: 'no', next_meeting: '2026-11-30' };

  it('a meeting agreed, prepared for and never debriefed is said though the window has lapsed too', async () => {
    await run('prep', 'Sunrise Co', { ...zhouPrep, last_discussed: undefined }, '2026-11-23');
    await run('debrief', 'Sunrise Co', zhouDebrief, '2026-11-23');
    await run('prep', 'Sunrise Co', zhouPrep, '2026-11-30');
    const p = await run('prep', 'Sunrise Co', zhouPrep, '2026-12-07', ['--lang', 'zh-CN']);
    expect(p.raw).toContain('A类客户的签单周期已在12月3日结束');
    // before: the window's flag alone (the 30 Nov prep hid that its meeting was never debriefed)
    expect(p.raw.replace(/\s+/g, '')).toContain('上次约好的11月30日的见面还没有复盘');
  });

  it('a step that prepares a visit is dated for it and stays one step across preps; one close step for one visit', async () => {
    const ask = async (day: string) => {
      const r = await runBin(['checklist', '--json', '--today', day], { env });
      return (JSON.parse(r.stdout) as { id: number; account: string; text: string; due: string }[]).filter((st) => st.account === 'Carry Co' && /ask for the signature/.test(st.text)).map((st) => `${st.id} ${st.due} ${st.text.slice(0, 30)}`);
    };
    await run('prep', 'Carry Co', { ...zhouPrep, last_discussed: undefined }, '2026-11-23');
    const [born] = await ask('2026-11-23');
    expect(born).toMatch(/^\d+ 2026-11-23 In the last 20 minutes, ask/);
    const d = await run('debrief', 'Carry Co', zhouDebrief, '2026-11-23');
    // before: "Wed 25 Nov Your fear of looking pushy…" (overdue in every today): its action is at the next meeting
    expect(d.out).toContain('Mon 30 Nov Your fear of looking pushy is unfounded');
    const p = await run('prep', 'Carry Co', zhouPrep, '2026-11-30');
    // before: "Mon 23 Nov In the last 20 minutes, ask for the signature on the spot … (overdue)", a new number,
    // beside "Wed 25 Nov Your fear of looking pushy … ask for the signature (overdue)"
    expect(p.out).toContain('Mon 30 Nov In the last 20 minutes, ask for the signature on the spot: a later follow-up signs only about 10% of the time [');
    expect(p.out).not.toMatch(/Mon 23 Nov In the last 20 minutes/);
    expect(p.out).not.toContain('Your fear of looking pushy');
    expect(await ask('2026-11-30')).toEqual([born.replace('2026-11-23', '2026-11-30')]);
    // before: the timeline's "Mon 30 Nov 2026 … (new step, by Mon 23 Nov 2026)"
    const shown = (await runBin(['account', 'show', 'Carry Co', '--today', '2026-11-30'], { env })).stdout.replace(/\s+/g, ' ');
    expect(shown).toContain('on the spot: a later follow-up signs only about 10% of the time (carried to this visit, by Mon 30 Nov 2026)');
    expect(shown).not.toMatch(/10% of the time \(new step, by Mon 23 Nov 2026\) Mon 30 Nov/);
    // the 30 Nov meeting never debriefed: the prep of 7 Dec carries the same step again, dated 7 Dec
    await run('prep', 'Carry Co', zhouPrep, '2026-12-07');
    expect(await ask('2026-12-07')).toEqual([born.replace('2026-11-23', '2026-12-07')]);
  });

  it("a thinker's \"ask plainly\" is under Do, not Don't, in either language", async () => {
    const li = { contact_name: 'Ms Li', contact_role: 'second_kp', approval_layers: 'one', ...facts, persona: 'thinker', ...prepOnly };
    const p = await run('prep', 'Plain Co', li, '2026-11-23');
    // before: "Don't − Do not pressure them or overstate − When you ask for the decision, ask plainly"
    expect(p.out).toMatch(/Do \+ Bring evidence[^−-]*\+ When you ask for the decision, ask plainly/);
    expect(p.out).not.toMatch(/Don't[^+]*ask plainly/);
    const zh = await run('prep', 'Plain Zh', li, '2026-11-23', ['--lang', 'zh-CN']);
    expect(zh.out).not.toMatch(/不要[^+]*平实地提/);
    expect(zh.out).toMatch(/\+ 提出成交时，平实地提/);
  });

  it('a first KP at the meeting as another person counts for the close: "why was it not signed today?" and the flag', async () => {
    const file = join(home, 'wang.json');
    const chen = { contact_name: 'Ms Chen', contact_role: 'second_kp', approval_layers: 'one', ...facts, persona: 'koala', contact_stance: 'supporter', asked_to_sign: 'no', not_asked_why: 'other', trust_built: 'yes', not_signed_reason: 'timing', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes', next_meeting: '2026-12-04' };
    writeFileSync(file, JSON.stringify({ mode: 'debrief', account: 'Wang Co', date: '2026-12-01', answers: chen, others: [{ contact_name: 'Mr Wang', contact_title: 'General Manager', contact_role: 'first_kp', persona: 'commander' }] }));
    const r = await runBin(['debrief', '--answers', file], { env });
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('Because you met the first KP');
    // before: the close's answers were dropped with Ms Chen's role: no question, no flag, the class A all the same
    expect(out).toContain('So why was it not signed today?');
    expect(out).toContain('You said: "timing"');
    expect(out).toMatch(/you did not ask|did not ask/);
  });

  it('an A whose window ran out moves to B once in words; the B window skips Christmas; a meeting weeks ahead is confirmed near it', async () => {
    const wu = { contact_name: 'Mr Wu', contact_role: 'first_kp', ...facts, persona: 'commander', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'legal', polite_excuse: 'no', statement_changed: 'no' };
    await run('debrief', 'Lapse Co', { ...wu, next_meeting: '2026-12-07' }, '2026-11-23');
    const d = await run('debrief', 'Lapse Co', { ...wu, next_meeting: '2027-01-12' }, '2026-12-07');
    expect(d.out).toContain('The A window ended on Thu 3 Dec without a signature');
    // before: "Class moved from A to B because The A window ended on Thu 3 Dec without a signature, so…"
    expect(d.out).toContain('Class moved from A to B.');
    expect(d.out).not.toContain('because The A window');
    // before: "Sign by Fri 25 Dec 2026" (Christmas Day)
    expect(d.out).toContain('Sign by Thu 24 Dec 2026');
    // before: "Tue 8 Dec Confirm the meeting of Tue 12 Jan in writing", five weeks ahead of it
    expect(d.out).toMatch(/Fri 8 Jan 2027 Confirm the meeting of Tue 12 Jan in writing/);
  });

  it("the buying roles' personal-win step is one step with one number as its wording changes", async () => {
    const wins = async (day: string) => {
      const r = await runBin(['checklist', '--json', '--today', day], { env });
      return (JSON.parse(r.stdout) as { id: number; account: string; text: string }[]).filter((st) => st.account === 'Win Group Co' && /personal win of|buying role's personal win/.test(st.text));
    };
    await run('prep', 'Win Group Co', { ...zhouPrep, last_discussed: undefined }, '2026-11-23');
    const [first] = await wins('2026-11-23');
    expect(first.text).toContain("Find out each buying role's personal win");
    await run('debrief', 'Win Group Co', { ...zhouDebrief, personal_win: 'a result for the board' }, '2026-11-23');
    await run('prep', 'Win Group Co', zhouPrep, '2026-11-30');
    // before: closed as superseded and opened again under a new number, at every session
    const now = await wins('2026-11-30');
    expect(now.map((st) => st.id)).toEqual([first.id]);
    expect(now[0].text).toContain('Besides Mr Zhou, find out the personal win');
  });
});
