/**
 * The seeds' rules as scenarios, in the seeds' own terms: answers in, class, reasons, flags and
 * checklist items out. Classification is checked in English and in Chinese.
 */
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers.js';
import { type CoachingResult, evaluateSession } from '../../src/engine/evaluate.js';
import type { Locale, Mode } from '../../src/playbook/types.js';
import { builtin } from '../helpers/playbook.js';

const VISIT = '2026-11-25';
const met = (role: string, extra: Answers = {}): Answers => ({
  contact_name: 'Wang Li',
  contact_role: role,
  contacts_known: 3,
  has_need: 'yes',
  buying_power: 'yes',
  sees_value: 'yes',
  persona: 'commander',
  ...extra,
});
const run = (answers: Answers, mode: Mode = 'debrief', locale: Locale = 'en'): CoachingResult =>
  evaluateSession(builtin(), { mode, answers, visitDate: VISIT, locale, account: { name: 'Acme' } });
// tips: the three shown and the rest --full shows (what the playbook says, before the screen's cap)
const ids = (r: CoachingResult, key: 'flags' | 'checklist' | 'tips') => (key === 'tips' ? [...r.tips, ...(r.moreTips ?? [])] : r[key]).map((x) => x.id);
const item = (r: CoachingResult, id: string) => r.checklist.find((c) => c.id === id);

describe('seed 001: A/B/C/D classification', () => {
  it('A = first KP + need + buying power + recognises the value; sign within 7-10 days or reclassify', () => {
    // 25 Nov + 10 days is a Saturday: the window ends, for the customer, on the Friday
    const r = run(met('first_kp', { asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'the board meets Friday' }));
    expect(r.classification).toMatchObject({ status: 'classified', class: 'A', rule: 'A', cycle: { minDays: 7, maxDays: 10, deadline: '2026-12-04' } });
    expect(r.classification.reasons[0].text).toBe('A because you met the first KP, they have a need, their company can pay and they recognise the value');
    expect(r.classification.reasons[0].because.map((e) => e.question)).toEqual(['contact_role', 'has_need', 'buying_power', 'sees_value']);
    expect(item(r, 'a_window')).toMatchObject({ due: '2026-12-04', text: 'The A signing cycle (7-10 days) ends: signed by then, or reclassify as B or D' });
  });

  it('forward self-questions: "why is this an A?", then "so why was it not signed today?"', () => {
    const r = run(met('first_kp', { asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'the board meets Friday' }));
    // the reasons stand under the class; the question asks the rep to test them, not to read them again
    expect(r.selfQuestions.forward[0]).toBe('Why is this an A? Is each reason above what you heard, not what you hoped?');
    expect(r.selfQuestions.forward[1]).toBe('So why was it not signed today?');
    expect(r.selfQuestions.forward[2]).toContain('"the board meets Friday"');
    expect(item(r, 'remove_obstacle')?.text).toBe('Remove what stopped the signature: the board meets Friday');
  });

  it('a signed A asks no "why not signed today" (nor "why is this an A?": it signed) and sets no reclassify date', () => {
    const r = run(met('first_kp', { asked_to_sign: 'yes', signed: 'yes' }));
    expect(r.classification.class).toBe('A');
    expect(r.selfQuestions).toEqual({ forward: [], reverse: [] });
    expect(ids(r, 'checklist')).not.toContain('a_window');
    expect(ids(r, 'flags')).not.toContain('no_next_step');
  });

  it('an A where the rep did not ask for the signature is a critical flag (later follow-up signs ~10%)', () => {
    const r = run(met('first_kp', { asked_to_sign: 'no', not_signed_reason: 'felt too pushy' }));
    const flag = r.flags.find((f) => f.id === 'no_close_attempt');
    expect(flag).toMatchObject({ severity: 'critical' });
    expect(flag?.message).toContain('10%');
    expect(r.flags[0].id).toBe('no_close_attempt'); // critical first
  });

  it('prep for an A: ask for the signature on site in the last 20 minutes, on the visit day', () => {
    const r = run(met('first_kp', { trust_level: 'believed', perception: 'supplier', resources: ['success_case'], internal_support: ['contracts_finance'], visit_focus: 'sign' }), 'prep');
    expect(item(r, 'ask_signature')).toMatchObject({ due: VISIT });
    expect(item(r, 'ask_signature')?.text).toContain('last 20 minutes');
    expect(r.visitPlan).toEqual({
      objective: 'Close at this visit, and get the signature on site',
      commitment: 'Sign at this visit; ask for it in the last 20 minutes',
      minimum: 'A signing date inside the 10-day window, and who signs',
    });
    expect(ids(r, 'tips')).toContain('a_first'); // 80/20: A accounts first
  });

  it('B = a second KP with need, power and value who takes it to the first KP: about 20 days', () => {
    const r = run(met('second_kp', { approval_layers: 'one' }));
    expect(r.classification).toMatchObject({ class: 'B', cycle: { maxDays: 20, deadline: '2026-12-15' } });
    expect(r.selfQuestions.reverse[0]).toBe('Why is this not an A? Because Wang Li is not the first KP. When and how will you meet the first KP?');
    expect(item(r, 'meet_first_kp')).toMatchObject({ due: '2026-12-02', text: 'Book a meeting with the first KP, through Wang Li' });
    expect(item(r, 'b_window')?.due).toBe('2026-12-15');
  });

  it('C = a third KP who needs two confirmations (direct leader, then first KP): about 30 days', () => {
    const r = run(met('third_kp', { approval_layers: 'two' }));
    expect(r.classification).toMatchObject({ class: 'C', cycle: { maxDays: 30, deadline: '2026-12-24' } });
    expect(r.classification.reasons[0].text).toContain('two must confirm (their direct leader, then the first KP)');
    expect(ids(r, 'checklist')).toEqual(expect.arrayContaining(['c_confirmations', 'meet_first_kp', 'c_window']));
    expect(r.selfQuestions.reverse[0]).toContain('their direct leader, then the first KP');
  });

  it.each([
    ['has_need', 'D because they have no need'],
    ['buying_power', 'D because their company cannot pay'],
    ['sees_value', 'D because they do not recognise the value'],
  ])('D when %s = no: any one is enough, even with the first KP', (question, reason) => {
    const r = run(met('first_kp', { [question]: 'no' }));
    expect(r.classification).toMatchObject({ status: 'classified', class: 'D' });
    expect(r.classification.reasons[0].text).toBe(reason);
    expect(r.classification.cycle).toBeUndefined();
    expect(r.classification.summary).toContain('Time on a D is time taken from an A');
    expect(ids(r, 'flags')).toContain('d_time');
    // a D has nothing left to do: "stop investing" is the flag's word, not a to-do that would fall overdue
    expect(r.checklist).toEqual([]);
    expect(r.flags.find((f) => f.id === 'd_time')?.message).toContain('stop investing in this account');
    // the class already says what a D costs: the flag does not say the hour taken from an A again
    expect(r.flags.find((f) => f.id === 'd_time')?.message).not.toMatch(/hour/);
    expect(ids(r, 'flags')).not.toContain('no_next_step');
  });

  it('D names every "no" that caused it', () => {
    const r = run(met('third_kp', { approval_layers: 'two', has_need: 'no', buying_power: 'no' }));
    expect(r.classification.reasons[0].text).toBe('D because they have no need and their company cannot pay');
  });

  it('"don\'t know" who was met: provisional, with what to find out and by when', () => {
    // approval_layers is asked too, since the person may not be the first KP
    const r = run(met('unknown', { approval_layers: 'one' }));
    expect(r.classification).toMatchObject({ status: 'provisional', candidates: ['A', 'B'], unknowns: [{ question: 'contact_role', text: 'their role in the decision' }] });
    expect(r.classification.class).toBeUndefined();
    expect(r.classification.reasons[0].text).toBe("Provisional: it could be A or B. It depends on their role in the decision, which you don't know yet");
    expect(item(r, 'find-out:contact_role')).toMatchObject({ due: '2026-11-27', text: 'Find out who the first KP is, and whether Wang Li is that person' });
    expect(ids(r, 'flags')).toContain('first_kp_unknown');
    expect(r.selfQuestions.reverse[0]).toMatch(/^Why is this not an A yet\? Because you don't know their role in the decision\. .*the first KP is travelling; I will meet them next week/);
  });

  // review #30: D is tried first (any one "no" makes a D), but the rep reads the candidates best first
  it('"don\'t know" the budget of a first KP: provisional between A and D, the better outcome first', () => {
    const r = run(met('first_kp', { buying_power: 'unknown' }));
    expect(r.classification).toMatchObject({ status: 'provisional', candidates: ['A', 'D'], candidateLabels: ['A', 'D'] });
    expect(r.classification.reasons[0].text).toBe("Provisional: it could be A or D. It depends on buying power, which you don't know yet");
    expect(run(met('first_kp', { buying_power: 'unknown' }), 'debrief', 'zh-CN').classification.reasons[0].text).toMatch(/^可能是A类客户或D类客户/);
    // a role and the value unknown: every class is still possible, and they read A, B, C, D
    expect(run(met('unknown', { approval_layers: 'unknown', sees_value: 'unknown' })).classification.candidates).toEqual(['A', 'B', 'C', 'D']);
    expect(item(r, 'find-out:buying_power')?.text).toBe('Find out whether the company can pay: is there a budget, and where does it come from?');
  });

  it('prep for a provisional account: the visit is for finding out, not for closing', () => {
    const r = run(met('first_kp', { buying_power: 'unknown', trust_level: 'liked', perception: 'supplier', visit_focus: 'x' }), 'prep');
    expect(r.visitPlan?.objective).toBe('Find out what decides the class: buying power');
    expect(ids(r, 'checklist')).not.toContain('ask_signature');
    expect(item(r, 'find-out:buying_power')?.due).toBe(VISIT); // during the visit itself
  });

  it('a known "no" settles it even when something else is unknown', () => {
    const r = run(met('unknown', { sees_value: 'no', has_need: 'unknown' }));
    expect(r.classification).toMatchObject({ status: 'classified', class: 'D' });
    // a D has nothing to do (seed 001's 3 hours): no "find out" that would invest more
    expect(ids(r, 'checklist')).toEqual([]);
  });

  it.each([
    ['A', met('first_kp', { asked_to_sign: 'yes', signed: 'yes' }), 'A类客户，因为见的是第一KP、有需求、对方公司有购买能力、认可产品价值'],
    ['B', met('second_kp', { approval_layers: 'one' }), 'B类客户，因为见的是第二KP、有需求、对方公司有购买能力、认可产品价值、只差第一KP确认'],
    ['C', met('third_kp', { approval_layers: 'two' }), 'C类客户，因为见的是第三KP、有需求、对方公司有购买能力、认可产品价值、要经过直属领导和第一KP两层确认'],
    ['D', met('first_kp', { buying_power: 'no' }), 'D类客户，因为对方公司没有购买能力'],
  ])('in Chinese: %s', (klass, answers, reason) => {
    const r = run(answers, 'debrief', 'zh-CN');
    expect(r.classification.class).toBe(klass);
    expect(r.classification.reasons[0].text).toBe(reason);
  });

  it('in Chinese: forward and reverse self-questions in the seed\'s words', () => {
    const a = run(met('first_kp', { asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: '要和老板商量' }), 'debrief', 'zh-CN');
    expect(a.selfQuestions.forward[0]).toBe('为什么他是A类客户？上面每一条理由，是你亲耳听到的，还是你一厢情愿的？');
    expect(a.selfQuestions.forward[1]).toBe('那你今天为什么没能签下来？');
    const b = run(met('second_kp', { approval_layers: 'one' }), 'debrief', 'zh-CN');
    expect(b.selfQuestions.reverse[0]).toMatch(/^为什么他不是A类客户？因为Wang Li不是第一KP。/);
    const p = run(met('unknown', { approval_layers: 'two' }), 'debrief', 'zh-CN');
    expect(p.classification.reasons[0].text).toBe('可能是A类客户或C类客户，关键在于对方在决策中的位置，这一点你还不清楚');
  });
});

describe('the buying map', () => {
  it('only one contact known: a step to name more, which says it once instead of a flag beside it', () => {
    const r = run(met('second_kp', { approval_layers: 'one', contacts_known: 1 }));
    expect(item(r, 'map_contacts')?.due).toBe('2026-11-30');
    expect(ids(r, 'flags')).not.toContain('only_one_contact');
    expect(r.excluded).toContainEqual({ id: 'only_one_contact', by: 'map_contacts' });
    // with a D, neither the flag nor the step
    expect(run(met('second_kp', { approval_layers: 'one', contacts_known: 1, has_need: 'no' })).flags.map((f) => f.id)).not.toContain('only_one_contact');
  });

  it('three or more approval layers: a flag that the cycle will be longer', () => {
    const r = run(met('third_kp', { approval_layers: 'more' }));
    expect(r.classification.class).toBe('C');
    expect(ids(r, 'flags')).toContain('many_layers');
  });
});

describe('seed 000: the koala (coordinator)', () => {
  const koalaPrep = (extra: Answers = {}) =>
    run(met('first_kp', { persona: 'koala', trust_level: 'believed', perception: 'supplier', resources: ['success_case'], internal_support: ['contracts_finance'], last_discussed: 'the pilot scope', still_differ: 'the rollout date', visit_focus: 'get them to agree the rollout plan', visit_topic: 'the rollout plan', ...extra }), 'prep');

  it('prep: send the recap the day before; open with a short summary of the last visit', () => {
    const r = koalaPrep();
    expect(item(r, 'koala_send_recap')).toMatchObject({ due: '2026-11-24', text: 'Before the visit, send Wang Li the recap by mail, phone or WeChat' });
    // advice of this visit (with a condition) comes apart from the type's standing advice
    expect(r.persona?.doNow).toEqual(expect.arrayContaining([expect.stringMatching(/^Open with a short summary of the last visit/)]));
    // "know the stage" is said by the tip that names the stage the rep wrote
    expect(r.excluded).toContainEqual({ id: 'koala_know_stage', by: 'stage_to_reach_recap' });
    expect(run(met('first_kp', { persona: 'koala', trust_level: 'believed', perception: 'supplier', resources: ['success_case'], internal_support: ['contracts_finance'] }), 'prep').persona?.doNow).toEqual(expect.arrayContaining([expect.stringMatching(/which stage this visit should move them to/)]));
    expect(r.recap).toBe('Hello Wang Li, thank you for your time last time. To recap, last time we discussed the pilot scope. We still need to agree on the rollout date. At this visit I would like to focus on the rollout plan. Best regards');
  });

  it('everything the seed says is in the advice: trust first, unhurried, listen, consistent, share the plan, loyal once won', () => {
    const r = koalaPrep({ trust_level: 'liked' });
    // said once: "no close before trust" is the flag's word when the flag fires, the don't's otherwise
    const all = [r.persona?.summary, ...(r.persona?.traits ?? []), ...(r.persona?.do ?? []), ...(r.persona?.doNow ?? []), ...(r.persona?.dont ?? []), ...(r.persona?.dontNow ?? []), ...(r.persona?.cues ?? []), ...r.flags.map((f) => f.message), ...r.checklist.map((c) => c.text)].join(' | ');
    for (const phrase of ['without trust', 'humble, professional', 'Listen', 'consistent', 'as you said them last time', 'how many meetings remain', 'Do not ask for the signature before trust is built', 'polite excuse', 'most loyal', 'referrals', 'rethinks']) {
      expect(all).toContain(phrase);
    }
  });

  it('a polite excuse to leave is a flag with its subtext', () => {
    const r = run(met('first_kp', { persona: 'koala', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'excuse', polite_excuse: 'yes' }));
    const f = r.flags.find((x) => x.id === 'koala_polite_refusal');
    expect(f?.message).toContain('usually saying no');
    expect(f?.subtext).toContain('I cannot hurt you');
  });

  it('a changed statement is critical with a koala', () => {
    const r = run(met('first_kp', { persona: 'koala', statement_changed: 'yes' }));
    expect(r.flags[0]).toMatchObject({ id: 'koala_inconsistent', severity: 'critical' });
  });

  it('the plan not shared: tell them how many meetings remain', () => {
    const r = run(met('second_kp', { approval_layers: 'one', persona: 'koala', plan_shared: 'no' }));
    expect(item(r, 'koala_share_plan')?.due).toBe('2026-11-26');
  });

  it('no close before trust is built: said once, by the step, not again by a flag and a don\'t beside it', () => {
    const liked = koalaPrep({ trust_level: 'liked' });
    expect(ids(liked, 'checklist')).toContain('koala_build_trust_before_close');
    expect(liked.excluded).toEqual(expect.arrayContaining([{ id: 'koala_no_early_close', by: 'koala_build_trust_before_close' }]));
    // a B koala's prep aims at a meeting, not a close: no warning of an early close (the fifth trial), the don't says the koala's way
    const b = run(met('second_kp', { approval_layers: 'one', persona: 'koala', trust_level: 'liked', perception: 'supplier', visit_focus: 'x' }), 'prep');
    expect(b.flags.map((f) => f.message).join('\n')).not.toMatch(/early close|Trust is not built/);
    expect(b.persona?.dontNow ?? []).toContain('Do not ask for the close before trust is built');
  });

  it('once signed: after-sale service, then referrals', () => {
    const r = run(met('first_kp', { persona: 'koala', asked_to_sign: 'yes', signed: 'yes' }));
    // after the month's service check (service_check, due 30): a koala served well refers
    expect(item(r, 'koala_referrals')?.due).toBe('2026-12-30');
    expect(r.persona?.doNow?.some((d) => d.includes('after-sale service'))).toBe(true);
  });

  it('koala-only advice stays with the koala', () => {
    const r = run(met('first_kp', { persona: 'commander', polite_excuse: 'yes' }));
    expect(ids(r, 'flags')).not.toContain('koala_polite_refusal');
    expect(r.persona?.do).toEqual(['Be brief: lead with results, give two or three options, and let them decide']);
  });
});

describe('the four types, from what the rep observed', () => {
  it.each([
    ['slow', 'people', 'koala'],
    ['fast', 'task', 'commander'],
    ['fast', 'people', 'socializer'],
    ['slow', 'task', 'thinker'],
  ])('%s + %s -> %s, offered as the likely type', (pace, focus, persona) => {
    const r = run(met('first_kp', { persona: 'not-sure', decision_pace: pace, focus }));
    expect(r.persona).toMatchObject({ id: persona, source: 'observed' });
  });

  it('a type the rep names is used as chosen', () => {
    expect(run(met('first_kp', { persona: 'thinker' })).persona).toMatchObject({ id: 'thinker', source: 'chosen' });
  });
});

describe('seeds 002-004: prep coaching', () => {
  const prep = (extra: Answers) => run(met('first_kp', { trust_level: 'believed', perception: 'supplier', visit_focus: 'x', ...extra }), 'prep');

  it('no success case in the bag: bring one (what customers value most), to this visit', () => {
    const r = prep({ resources: ['talking_points'] });
    // "bring it to this visit" is due on the visit day, as every step of what to bring is
    expect(item(r, 'bring_success_case')?.due).toBe('2026-11-25');
    expect(ids(r, 'flags')).toContain('weak_resources');
    expect(ids(prep({ resources: ['success_case'] }), 'checklist')).not.toContain('bring_success_case');
  });

  it('internal selling: line up contracts and finance to sign an A on site', () => {
    expect(ids(prep({ internal_support: ['presales'] }), 'checklist')).toContain('line_up_contracts');
    expect(ids(prep({ internal_support: ['contracts_finance'] }), 'checklist')).not.toContain('line_up_contracts');
  });

  it.each([
    ['none', 'trust_get_liked_commander', 'respect their time'],
    ['liked', 'trust_get_believed', 'From liked to believed'],
    ['believed', 'trust_indispensable', 'personal win'],
    ['indispensable', 'trust_interdependent', 'strategic account management'],
    ['interdependent', 'trust_keep', 'Keep it'],
  ])('trust level %s: the next step up (%s)', (level, id, phrase) => {
    const r = prep({ trust_level: level });
    expect(item(r, id)?.text).toContain(phrase);
    expect(r.checklist.filter((c) => c.id.startsWith('trust_'))).toHaveLength(1);
  });

  it('trust level none with a type other than a commander: get liked the usual way, small talk and all', () => {
    const r = prep({ trust_level: 'none', persona: 'socializer' });
    expect(item(r, 'trust_get_liked')?.text).toContain('Get liked first');
    expect(item(r, 'trust_get_liked_commander')).toBeUndefined();
  });

  it.each([
    ['broker', 'ladder_broker', 'differentiated supplier'],
    ['supplier', 'ladder_supplier', 'value adder'],
    ['value_adder', 'ladder_value_adder', 'business partner'],
    ['partner', 'ladder_partner', 'partner'],
  ])('perception ladder %s: the next rung', (rung, id, phrase) => {
    const r = prep({ perception: rung });
    expect(r.tips.find((t) => t.id === id)?.text).toContain(phrase);
  });

  it('conversation habits in every prep', () => {
    const r = prep({});
    expect([...r.tips, ...(r.moreTips ?? [])].find((t) => t.id === 'conversation_habits')?.text).toContain('do not argue');
  });
});

describe('what the trial of a fortnight found, in the result', () => {
  it('a signed account is no longer coached to close: no close advice, flags or tips about it', () => {
    const signedNow = run(met('first_kp', { persona: 'koala', trust_level: 'liked', asked_to_sign: 'yes', signed: 'yes' }));
    expect([...(signedNow.persona?.dontNow ?? [])].some((d) => /close/.test(d))).toBe(false);
    const later = evaluateSession(builtin(), { mode: 'prep', answers: met('first_kp', { persona: 'koala', trust_level: 'believed', perception: 'supplier', visit_focus: 'x' }), visitDate: '2026-12-02', locale: 'en', account: { name: 'Acme', history: { class: 'A', signed: true } } });
    expect(later.persona?.doNow ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/close is due/)]));
    expect([...later.tips, ...(later.moreTips ?? [])].map((t) => t.id)).not.toContain('a_first');
    expect(later.checklist.map((c) => c.id)).not.toEqual(expect.arrayContaining(['koala_ask_signature']));
  });

  it('a D gets no advice on selling to the person, and the prep asks nothing about what to bring', () => {
    const d = run(met('first_kp', { persona: 'socializer', buying_power: 'no' }));
    expect(d.persona?.do ?? []).toEqual([]);
    expect(d.persona?.dont ?? []).toEqual([]);
    const prepD = run(met('first_kp', { persona: 'socializer', buying_power: 'no', trust_level: 'liked', perception: 'supplier', visit_focus: 'x' }), 'prep');
    expect(prepD.answers.resources).toBeUndefined();
    expect(ids(prepD, 'flags')).not.toContain('weak_resources');
    // the first KP said it: "did you only meet the wrong person?" is not asked
    expect(d.selfQuestions.forward.join(' ')).not.toMatch(/wrong person/);
    expect(run(met('second_kp', { approval_layers: 'one', persona: 'thinker', buying_power: 'no' })).selfQuestions.forward.join(' ')).toMatch(/wrong person/);
  });

  it('someone other than the first KP who refuses is not asked the first KP\'s questions, and an opponent\'s known win starts the step', () => {
    const pb = builtin();
    const zhao = met('second_kp', { contact_name: 'Zhao', approval_layers: 'one', persona: 'koala', polite_excuse: 'yes', contact_stance: 'opponent', personal_win: 'keep his team on the current carrier' });
    const decider = { name: 'Li', facts: { contact_role: 'first_kp', has_need: 'yes', buying_power: 'yes', sees_value: 'yes' } };
    const r = evaluateSession(pb, { mode: 'debrief', answers: zhao, visitDate: '2026-11-20', locale: 'en', account: { name: 'Acme', decider, history: { class: 'A' } } });
    expect(r.classification).toMatchObject({ class: 'A', heldBy: { decider: 'Li', person: 'Zhao', wouldBe: 'D', refused: true } });
    expect(r.selfQuestions).toEqual({ forward: [], reverse: [] });
    expect(r.checklist.find((c) => c.id.startsWith('address-opponent:'))?.text).toContain('keep his team on the current carrier');
  });

  it('an A past its window is planned as sign now or reclassify, not as a signing date inside the 10 days', () => {
    const r = evaluateSession(builtin(), { mode: 'prep', answers: met('first_kp', { persona: 'commander', trust_level: 'liked', perception: 'supplier', visit_focus: 'x' }), visitDate: '2026-11-28', locale: 'en', account: { name: 'Acme', history: { class: 'A', classDeadline: '2026-11-26' } } });
    expect(r.flags[0]).toMatchObject({ id: 'window-over', severity: 'critical' });
    expect(r.visitPlan?.objective).toMatch(/window has run out.*reclassify as B or D/);
    expect(r.visitPlan?.minimum).not.toMatch(/10 days/);
  });
});
