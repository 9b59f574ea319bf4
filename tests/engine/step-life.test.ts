/**
 * What the second trial of a rep's fortnight found, each at its root: a signed account asked how the
 * close went, steps that outlive the visit they prepared, the signature recording steps as done that
 * nobody did, steps due on a weekend or before the prep was made, engine steps in one language only,
 * two "personal win" steps on one account.
 */
import { describe, expect, it } from 'vitest';
import { type AccountState, applyVisit, emptyAccount, stepIdOf } from '../../src/engine/account.js';
import type { Answers } from '../../src/engine/answers.js';
import { isHoliday, isWeekend } from '../../src/engine/dates.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { walkInterview } from '../../src/engine/interview.js';
import type { Mode, Playbook } from '../../src/playbook/types.js';
import { builtin } from '../helpers/playbook.js';

const facts: Answers = { contact_name: 'Chen', contact_role: 'first_kp', contacts_known: 3, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala' };
const quiet: Answers = { polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };

function run(pb: Playbook, state: AccountState, answers: Answers, date: string, mode: Mode = 'debrief', today?: string) {
  const history = state.class ? { class: state.class, ...(state.classDeadline ? { classDeadline: state.classDeadline } : {}), ...(state.signed ? { signed: true } : {}) } : undefined;
  const result = evaluateSession(pb, { mode, answers, visitDate: date, locale: 'en', ...(today ? { today } : {}), account: { name: state.name, ...(history ? { history } : {}) } });
  const applied = applyVisit(pb, state, { result });
  let n = 100;
  return { result, events: applied.events, state: { ...applied.state, openSteps: applied.state.openSteps.map((s) => (s.id === undefined ? { ...s, id: n++ } : s)) } };
}

describe('the life of a step, and what a signed account is asked', () => {
  it('a debrief of an account signed before does not ask whether the rep asked for the signature, nor whether they signed', () => {
    const pb = builtin();
    const ids = (signed: boolean) => walkInterview(pb, 'debrief', { ...facts, ...quiet }, signed ? { signed: true } : {}).questions.map((q) => q.id);
    expect(ids(false)).toContain('asked_to_sign');
    expect(ids(true)).not.toContain('asked_to_sign');
    expect(ids(true)).not.toContain('signed');
    expect(ids(true)).not.toContain('not_signed_reason');
    // what follows a signature is still asked
    expect(ids(true)).toContain('next_meeting');
  });

  it('the signature does the window step; the steps that led to it are closed as moot, not recorded as done', () => {
    const pb = builtin();
    const first = run(pb, emptyAccount('Hengda'), { ...facts, asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'trust first', ...quiet, next_meeting: '2026-11-24' }, '2026-11-16');
    expect(first.state.openSteps.map((s) => stepIdOf(s.key))).toEqual(expect.arrayContaining(['a_window', 'role_wins_first_kp']));
    const signed = run(pb, first.state, { ...facts, asked_to_sign: 'yes', signed: 'yes', ...quiet }, '2026-11-24');
    const closed = new Map(signed.events.flatMap((e) => (e.kind === 'step-closed' ? [[e.text.slice(0, 20), e]] : [])));
    const window = [...closed.values()].find((e) => e.text.startsWith('The A signing cycle'));
    const wins = [...closed.values()].find((e) => e.text.startsWith("Find out each buying role's personal win"));
    expect(window).toMatchObject({ state: 'done', by: 'signed' });
    expect(wins).toMatchObject({ state: 'superseded', by: 'signed' });
  });

  it('what they asked for to decide ends with the signature; a request made at the signing meeting is still owed', () => {
    const pb = builtin();
    const asked = run(pb, emptyAccount('Acme'), { ...facts, asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'think_over', customer_asked: 'a price comparison sheet', ...quiet }, '2026-11-24');
    const requests = (s: AccountState) => s.openSteps.filter((x) => stepIdOf(x.key) === 'answer_request').map((x) => x.text);
    expect(requests(asked.state)).toEqual(['Send them what they asked for: a price comparison sheet']);
    // signed with nothing more asked: the sheet was for deciding, and they have decided
    const signed = run(pb, asked.state, { ...facts, asked_to_sign: 'yes', signed: 'yes', ...quiet }, '2026-12-02');
    expect(requests(signed.state)).toEqual([]);
    expect(signed.events).toContainEqual(expect.objectContaining({ kind: 'step-closed', state: 'superseded', by: 'signed', text: 'Send them what they asked for: a price comparison sheet' }));
    // signed, and asked at that meeting for the onboarding schedule: owed, and open
    const owed = run(pb, asked.state, { ...facts, asked_to_sign: 'yes', signed: 'yes', customer_asked: 'the onboarding schedule', ...quiet }, '2026-12-02');
    expect(requests(owed.state)).toEqual(['Send them what they asked for: the onboarding schedule']);
    // and one made after the signature
    const after = run(pb, signed.state, { ...facts, customer_asked: 'a training plan', ...quiet }, '2026-12-09');
    expect(requests(after.state)).toEqual(['Send them what they asked for: a training plan']);
  });

  it('a signing window\'s step lives until the window\'s last day: after it the window-over flag speaks alone', async () => {
    const pb = builtin();
    const { isLapsed } = await import('../../src/core/steps.js');
    const a = run(pb, emptyAccount('Orion'), { ...facts, asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'trust first', ...quiet }, '2026-11-16');
    const window = a.state.openSteps.find((x) => stepIdOf(x.key) === 'a_window');
    expect(window).toMatchObject({ until: window?.due });
    expect(isLapsed(window as { until?: string }, window?.due as string)).toBe(false);
    expect(isLapsed(window as { until?: string }, '2026-12-08')).toBe(true);
    const prep = run(pb, a.state, { ...facts, trust_level: 'liked', perception: 'supplier', visit_focus: 'the plan' }, '2026-12-08', 'prep');
    expect(prep.result.flags.map((f) => f.id)).toContain('window-over');
  });

  it('a prep keeps no signing window: it expects a class, it does not record one (a debrief\'s window stays)', () => {
    const pb = builtin();
    const windows = (st: AccountState) => st.openSteps.filter((x) => stepIdOf(x.key).endsWith('_window'));
    const prepOnly = run(pb, emptyAccount('Delta'), { ...facts, trust_level: 'liked', perception: 'supplier', visit_focus: 'the plan' }, '2026-11-27', 'prep');
    expect(prepOnly.result.classification.class).toBe('A');
    expect(windows(prepOnly.state)).toEqual([]);
    const debriefed = run(pb, emptyAccount('Echo'), { ...facts, asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'trust first', ...quiet }, '2026-11-16');
    const prep = run(pb, debriefed.state, { ...facts, trust_level: 'liked', perception: 'supplier', visit_focus: 'the plan' }, '2026-11-20', 'prep');
    expect(windows(prep.state).map((x) => x.due)).toEqual(windows(debriefed.state).map((x) => x.due));
    expect(windows(prep.state)).toHaveLength(1);
  });

  it('"confirm the meeting of 1 Dec" lives until 1 Dec: a prep the day before keeps it, the debrief on the day ends it', () => {
    const pb = builtin();
    const a = run(pb, emptyAccount('Hengda'), { ...facts, asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'trust first', ...quiet, next_meeting: '2026-12-01' }, '2026-11-24');
    const confirm = (s: AccountState) => s.openSteps.filter((x) => stepIdOf(x.key) === 'confirm_next_meeting');
    expect(confirm(a.state)).toHaveLength(1);
    const prep = run(pb, a.state, { ...facts, trust_level: 'liked', perception: 'supplier', visit_focus: 'the plan' }, '2026-11-30', 'prep');
    expect(confirm(prep.state)).toHaveLength(1);
    const debrief = run(pb, prep.state, { ...facts, asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'trust first', ...quiet }, '2026-12-01');
    expect(confirm(debrief.state)).toHaveLength(0);
    expect(debrief.events).toContainEqual(expect.objectContaining({ kind: 'step-closed', state: 'superseded', by: 'visited', text: expect.stringContaining('Confirm the meeting of Tue 1 Dec') }));
  });

  it('what to bring to a visit ends with that visit: the trust rung of a prep is not open after its debrief', () => {
    const pb = builtin();
    const prep = run(pb, emptyAccount('Acme'), { ...facts, trust_level: 'liked', perception: 'supplier', visit_focus: 'the plan' }, '2026-11-20', 'prep');
    expect(prep.state.openSteps.map((s) => stepIdOf(s.key))).toContain('trust_get_believed');
    const debrief = run(pb, prep.state, { ...facts, asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'trust first', ...quiet }, '2026-11-20');
    expect(debrief.state.openSteps.map((s) => stepIdOf(s.key))).not.toContain('trust_get_believed');
  });

  it('no step falls due on a Saturday or a Sunday, whatever the day of the visit, and the window ends on a working day', () => {
    const pb = builtin();
    for (let day = 16; day <= 22; day++) {
      const date = `2026-11-${day}`;
      for (const mode of ['prep', 'debrief'] as const) {
        const answers = mode === 'prep' ? { ...facts, contacts_known: 1, trust_level: 'none', perception: 'supplier', internal_support: [], resources: [], visit_focus: 'x' } : { ...facts, contacts_known: 1, asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'x', ...quiet, next_meeting: '2026-11-30' };
        const r = evaluateSession(pb, { mode, answers, visitDate: date, locale: 'en', account: { name: 'Acme' } });
        expect(r.checklist.length).toBeGreaterThan(2);
        // a visit the rep holds on a Saturday has its own steps on that day; no other step is put there
        for (const step of r.checklist) if (step.due !== date) expect(isWeekend(step.due) || isHoliday(step.due), `${mode} ${date}: ${step.id} due ${step.due}`).toBe(false);
        if (r.classification.cycle) expect(isWeekend(r.classification.cycle.deadline)).toBe(false);
      }
    }
  });

  it('a step due the day before the visit is never due before the day the prep is made', () => {
    const pb = builtin();
    const answers = { ...facts, persona: 'commander', trust_level: 'liked', perception: 'supplier', internal_support: [], resources: ['success_case'], visit_focus: 'x' };
    const due = (today?: string) => evaluateSession(pb, { mode: 'prep', answers, visitDate: '2026-11-26', locale: 'en', ...(today ? { today } : {}) }).checklist.find((c) => c.id === 'line_up_contracts')?.due;
    expect(due()).toBe('2026-11-25');
    expect(due('2026-11-24')).toBe('2026-11-25');
    // the prep made on the morning of the visit: "before the visit" is today, not yesterday
    expect(due('2026-11-26')).toBe('2026-11-26');
  });

  it("the engine's own steps are worded in every language, as the playbook's are", () => {
    const pb = builtin();
    const r = evaluateSession(pb, { mode: 'debrief', answers: { ...facts, buying_power: 'unknown', contact_stance: 'opponent', asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'x', ...quiet }, visitDate: '2026-11-18', locale: 'en', account: { name: 'Acme' } });
    const engine = r.checklist.filter((c) => c.id.startsWith('find-out:') || c.id.startsWith('address-opponent:'));
    expect(engine.length).toBeGreaterThan(0);
    for (const step of engine) {
      expect(step.texts?.en).toBe(step.text);
      expect(step.texts?.['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(step.texts?.['zh-TW']).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('one "personal win of each buying role" step per account: the newer replaces the older, whoever was met', () => {
    const pb = builtin();
    const prep = run(pb, emptyAccount('Acme'), { ...facts, contact_name: 'Li', contact_role: 'second_kp', approval_layers: 'one', trust_level: 'liked', perception: 'supplier', visit_focus: 'x' }, '2026-11-20', 'prep');
    const debrief = run(pb, prep.state, { ...facts, asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'x', ...quiet }, '2026-11-23');
    const wins = debrief.state.openSteps.filter((s) => stepIdOf(s.key).startsWith('role_wins'));
    expect(wins).toHaveLength(1);
    expect(stepIdOf(wins[0].key)).toBe('role_wins_first_kp');
    // the same task reworded keeps its first date (the prep's, 27 Nov), as a step issued again does
    expect(prep.state.openSteps.find((s) => stepIdOf(s.key) === 'role_wins_to_first_kp')?.due).toBe('2026-11-27');
    expect(wins[0].due).toBe('2026-11-27');
  });
});

describe('{account.decider}', () => {
  it('names the decider on record with their part, else says the part: a step can name the people it is about', () => {
    const base = builtin();
    const pb: Playbook = { ...base, checklist: [...base.checklist, { id: 'ask_decider', text: { en: 'Ask {account.decider} for the date', 'zh-CN': '向{account.decider}确认日期' } }] };
    const text = (locale: 'en' | 'zh-CN', decider?: string) =>
      evaluateSession(pb, { mode: 'prep', answers: { ...facts, contact_name: 'Li', contact_role: 'second_kp', approval_layers: 'one', trust_level: 'liked', perception: 'supplier', visit_focus: 'x' }, visitDate: '2026-11-18', locale, account: { name: 'Acme', ...(decider ? { decider: { name: decider, facts: {} } } : {}) } }).checklist.find((c) => c.id === 'ask_decider')?.text;
    expect(text('en')).toBe('Ask the first KP for the date');
    expect(text('en', 'Ms Wang')).toBe('Ask Ms Wang (the first KP) for the date');
    expect(text('zh-CN', '王女士')).toBe('向王女士（第一KP）确认日期');
  });
});

describe('a window that ran out, met with someone other than the first KP', () => {
  it('reclassifies from the first KP\'s class, and never sends the rep to "meet the first KP" already met', () => {
    const pb = builtin();
    const decider = { name: 'Ms Park', facts: { contact_role: 'first_kp', persona: 'koala', contact_stance: 'supporter' } };
    const history = { class: 'A', classDeadline: '2026-11-27' };
    const ortiz = { ...facts, contact_name: 'Mr Ortiz', contact_role: 'second_kp', approval_layers: 'one' };
    const debrief = evaluateSession(pb, { mode: 'debrief', answers: { ...ortiz, ...quiet }, visitDate: '2026-11-30', locale: 'en', account: { name: 'Blue Harbor', decider, history } });
    expect(debrief.classification).toMatchObject({ class: 'B', lapsed: { from: 'A', deadline: '2026-11-27' } });
    expect(debrief.classification.heldBy).toBeUndefined();
    const prep = evaluateSession(pb, { mode: 'prep', answers: { ...ortiz, trust_level: 'liked', perception: 'supplier', visit_focus: 'x' }, visitDate: '2026-11-30', locale: 'en', account: { name: 'Blue Harbor', decider, history } });
    for (const r of [debrief, prep]) {
      const said = [...r.checklist.map((c) => c.text), ...r.selfQuestions.forward, ...r.selfQuestions.reverse, r.visitPlan?.commitment ?? ''].join(' | ');
      expect(said).not.toMatch(/meeting with the first KP|meet the first KP|not the first KP\?/i);
    }
  });
});

describe('the window and the meetings', () => {
  it('a next meeting booked after the window ends is said; a window already over is a flag, not a step dated in the past', () => {
    const pb = builtin();
    const late = evaluateSession(pb, { mode: 'debrief', answers: { ...facts, persona: 'commander', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'think_over', not_signed_reason: 'x', ...quiet, next_meeting: '2026-11-30' }, visitDate: '2026-11-16', locale: 'en', account: { name: 'Blue Harbor' } });
    expect(late.classification.cycle?.deadline).toBe('2026-11-26');
    expect(late.flags.find((f) => f.id === 'meeting-after-window')?.message).toBe('The next meeting, Mon 30 Nov, is after the A window ends (Thu 26 Nov): bring it forward, or plan to sign before it');
    const inTime = evaluateSession(pb, { mode: 'debrief', answers: { ...facts, persona: 'commander', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'think_over', not_signed_reason: 'x', ...quiet, next_meeting: '2026-11-24' }, visitDate: '2026-11-16', locale: 'en', account: { name: 'Blue Harbor' } });
    expect(inTime.flags.map((f) => f.id)).not.toContain('meeting-after-window');
    const over = evaluateSession(pb, { mode: 'prep', answers: { ...facts, persona: 'commander', trust_level: 'believed', perception: 'supplier', visit_focus: 'x' }, visitDate: '2026-11-30', locale: 'en', account: { name: 'Blue Harbor', history: { class: 'A', classDeadline: '2026-11-27' } } });
    expect(over.flags.map((f) => f.id)).toContain('window-over');
    expect(over.checklist.map((c) => c.id)).not.toContain('a_window');
  });
});

describe('a polite excuse from someone other than the first KP, after the window ran out', () => {
  it('the window still moves the class; the refusal is that person\'s stance, with the step to answer it', () => {
    const pb = builtin();
    const decider = { name: 'Mr Liu', facts: { contact_role: 'first_kp', persona: 'commander' } };
    const sun = { ...facts, contact_name: 'Sun', contact_role: 'third_kp', approval_layers: 'two', persona: 'koala', polite_excuse: 'yes', statement_changed: 'no', plan_shared: 'yes' };
    const r = evaluateSession(pb, { mode: 'debrief', answers: sun, visitDate: '2026-11-27', locale: 'en', account: { name: 'Yuanjing', decider, history: { class: 'A', classDeadline: '2026-11-26' } } });
    expect(r.classification).toMatchObject({ class: 'B', lapsed: { from: 'A' } });
    expect(r.classification.reasons.map((x) => x.text).join(' ')).not.toContain('stays A');
    expect(r.flags.find((f) => f.id === 'person-refused')?.message).toBe("Sun's refusal is Sun's own stance, not the account's verdict. Find out what Sun would need");
    expect(r.checklist.map((c) => c.id)).toContain('address-opponent:sun');
    expect(r.flags.map((f) => f.id)).not.toContain('opponent:Sun');
  });
});

describe('"last time" is said only to someone met before', () => {
  it('a prep for a first meeting with a new person drafts no recap thanking them for last time, and asks nothing of it', () => {
    const pb = builtin();
    const answers = { ...facts, contact_name: 'Sun', persona: 'koala', trust_level: 'liked', perception: 'supplier', last_discussed: 'the service terms', visit_focus: 'x', visit_topic: 'the pilot' };
    const recap = (metBefore: boolean) => evaluateSession(pb, { mode: 'prep', answers, visitDate: '2026-11-27', locale: 'en', account: { name: 'Yuanjing', metBefore } });
    expect(recap(true).recap).toContain('thank you for your time last time');
    expect(recap(false).recap).toBeUndefined();
    expect(recap(false).checklist.map((c) => c.id)).not.toContain('koala_send_recap');
    expect(walkInterview(pb, 'prep', answers, { metBefore: false }).questions.map((q) => q.id)).not.toContain('last_discussed');
    expect(walkInterview(pb, 'prep', answers, { metBefore: true }).questions.map((q) => q.id)).toContain('last_discussed');
  });
});

describe('the D reverse question', () => {
  it('names the reason that made the D, not the three as if all were missing', () => {
    const r = evaluateSession(builtin(), { mode: 'debrief', answers: { ...facts, persona: 'thinker', sees_value: 'no', polite_excuse: 'no', statement_changed: 'no' }, visitDate: '2026-11-18', locale: 'zh-CN', account: { name: '东方零售' } });
    expect(r.classification.class).toBe('D');
    expect(r.selfQuestions.reverse[0]).toMatch(/^为什么他不是A类客户？因为(对方)?不认可产品价值——/);
    expect(r.selfQuestions.reverse[0]).not.toContain('没有需求');
  });
});
