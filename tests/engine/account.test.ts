/** The account model: what a session means for an account, as pure data, for any playbook. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type AccountState, applyVisit, carriedAnswers, emptyAccount, LAPSED_FACT, stepIdOf, withCarriedDates } from '../../src/engine/account.js';
import type { Answers } from '../../src/engine/answers.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { loadPlaybookFile } from '../../src/cli/playbook-files.js';
import { PlaybookRegistry } from '../../src/cli/registry.js';
import type { Mode, Playbook } from '../../src/playbook/types.js';
import { builtin } from '../helpers/playbook.js';

function meddicc(): Playbook {
  const r = loadPlaybookFile(new PlaybookRegistry(), fileURLToPath(new URL('../fixtures/playbooks/meddicc.yaml', import.meta.url)));
  if (!r.playbook) throw new Error(JSON.stringify(r.diagnostics));
  return r.playbook;
}

const run = (pb: Playbook, state: AccountState, answers: Answers, date: string, mode: Mode = 'debrief', stepDecisions?: Record<number, 'done' | 'keep' | 'drop'>) =>
  applyVisit(pb, state, { result: evaluateSession(pb, { mode, answers, visitDate: date, locale: 'en', account: { name: state.name } }), ...(stepDecisions ? { stepDecisions } : {}) });

/** The store's part, faked: open steps get ids as a store would give them. */
function stored(state: AccountState, nextId = { n: 1 }): AccountState {
  return { ...state, openSteps: state.openSteps.map((s) => (s.id === undefined ? { ...s, id: nextId.n++ } : s)) };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

const abcdA: Answers = { contact_name: 'Li', contact_title: 'GM', contact_role: 'first_kp', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'board', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };
const meddA: Answers = { met_person: 'Li', met_title: 'GM', influence: 'eb', pain: 'yes', economic_buyer: 'met', metrics: 'yes', outcome: 'open' };

describe('applyVisit', () => {
  it('a playbook whose ids all differ keeps people, signing and dropping exactly as the built-in does', () => {
    const kinds = (pb: Playbook, first: Answers, signed: Answers, dropped: Answers) => {
      const a = run(pb, emptyAccount('Acme'), first, '2026-11-20');
      const b = run(pb, stored(a.state), signed, '2026-11-24');
      const c = run(pb, stored(b.state), dropped, '2026-11-28');
      return {
        events: [a, b, c].map((x) => x.events.filter((e) => !e.kind.startsWith('step-')).map((e) => e.kind)),
        people: c.state.people.map((p) => [p.name, p.title]),
        signed: c.state.signed,
        dropped: c.state.dropped,
      };
    };
    const abcd = kinds(builtin(), abcdA, { ...abcdA, signed: 'yes' }, { ...abcdA, contact_name: 'Wu', contact_title: null, buying_power: 'no' });
    const other = kinds(meddicc(), meddA, { ...meddA, outcome: 'won' }, { ...meddA, met_person: 'Wu', met_title: null, pain: 'no' });
    expect(other).toEqual(abcd);
    expect(abcd).toEqual({
      events: [['person-added', 'class-changed'], ['signed'], ['person-added', 'class-changed', 'dropped']],
      people: [['Li', 'GM'], ['Wu', undefined]],
      signed: true,
      dropped: true,
    });
  });

  it('is pure: the state it is given is never changed, and the same input gives the same output', () => {
    const pb = builtin();
    const state = deepFreeze(stored(run(pb, emptyAccount('Acme'), abcdA, '2026-11-20').state));
    const once = run(pb, state, { ...abcdA, buying_power: 'no' }, '2026-11-24');
    const twice = run(pb, state, { ...abcdA, buying_power: 'no' }, '2026-11-24');
    expect(once).toEqual(twice);
  });

  it('says what moved the class: meeting the first KP after a second KP', () => {
    const pb = builtin();
    const asB = { ...abcdA, contact_name: 'Wu', contact_role: 'second_kp', approval_layers: 'one' };
    const first = run(pb, emptyAccount('Acme'), asB, '2026-11-20');
    const second = run(pb, stored(first.state), abcdA, '2026-11-27');
    expect(second.events.find((e) => e.kind === 'class-changed')).toMatchObject({ from: 'B', to: 'A', movement: 'upgraded', because: ['you met the first KP'] });
    // meeting another person is not a contradiction of the last visit
    expect(second.events.some((e) => e.kind === 'person-updated')).toBe(false);
  });

  it('a person\'s facts stay theirs; an update of the same person is an event', () => {
    const pb = builtin();
    const first = run(pb, emptyAccount('Acme'), abcdA, '2026-11-20');
    const again = run(pb, stored(first.state), { ...abcdA, contact_name: 'LI', persona: 'thinker' }, '2026-11-27');
    expect(again.state.people).toHaveLength(1);
    expect(again.events.find((e) => e.kind === 'person-updated')).toMatchObject({ person: 'Li', changes: [{ field: 'persona', before: 'koala', after: 'thinker' }] });
  });

  it('never closes a step behind the rep\'s back: kept unless the rep says done or drop; a repeated step is carried, not doubled', () => {
    const pb = builtin();
    const first = stored(run(pb, emptyAccount('Acme'), abcdA, '2026-11-20').state);
    const [done, dropped, ...kept] = first.openSteps;
    const next = run(pb, first, abcdA, '2026-11-22', 'debrief', { [done.id as number]: 'done', [dropped.id as number]: 'drop' });
    expect(next.events.filter((e) => e.kind === 'step-closed')).toEqual([
      expect.objectContaining({ stepId: done.id, state: 'done' }),
      expect.objectContaining({ stepId: dropped.id, state: 'skipped' }),
    ]);
    for (const k of kept) expect(next.state.openSteps).toContainEqual(k);
    const keys = next.state.openSteps.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a back-filled visit (dated before the latest) adds its person but does not move the class', () => {
    const pb = builtin();
    const latest = stored(run(pb, emptyAccount('Acme'), abcdA, '2026-11-20').state);
    const old = run(pb, latest, { ...abcdA, contact_name: 'Wu', buying_power: 'no' }, '2026-11-01');
    expect(old.state.class).toBe('A');
    expect(old.events.some((e) => e.kind === 'class-changed')).toBe(false);
    expect(old.state.people.map((p) => p.name)).toEqual(['Li', 'Wu']);
  });

  it('a class of a playbook without a signing window, or provisional, sets no deadline', () => {
    const pb = meddicc();
    const out = run(pb, emptyAccount('Acme'), { ...meddA, pain: 'no' }, '2026-11-20');
    expect(out.state).toMatchObject({ class: 'out', dropped: true, classDeadline: undefined, classLabels: { en: 'Out' } });
    const unsure = run(pb, emptyAccount('Beta'), { ...meddA, pain: 'unknown' }, '2026-11-20');
    expect(unsure.state).toMatchObject({ class: undefined, classStatus: 'provisional', classDeadline: undefined });
  });
});

describe('carriedAnswers', () => {
  it('carries the account\'s facts always, a person\'s facts only to that same person', () => {
    const pb = builtin();
    const state = stored(run(pb, emptyAccount('Acme'), abcdA, '2026-11-20').state);
    const same = carriedAnswers(pb, state, ' li ');
    expect(same.answers).toMatchObject({ has_need: 'yes', buying_power: 'yes', contact_role: 'first_kp', persona: 'koala', contact_title: 'GM' });
    const other = carriedAnswers(pb, state, 'Zhang');
    expect(other.answers).toMatchObject({ has_need: 'yes', buying_power: 'yes' });
    // never another person's type or role
    expect(other.answers.persona).toBeUndefined();
    expect(other.answers.contact_role).toBeUndefined();
  });

  it('a type recognised from what the rep saw is carried, not the "not sure" the rep answered', () => {
    const pb = builtin();
    const out = run(pb, emptyAccount('Acme'), { ...abcdA, persona: 'not-sure', observed: ['takes_notes', 'coordinates'] }, '2026-11-20');
    expect(out.state.people[0]?.persona).toBe('koala');
    expect(carriedAnswers(pb, stored(out.state), 'Li').answers.persona).toBe('koala');
  });

  it('an imported contact pre-fills the next prep with what the import knew of them', () => {
    const pb = builtin();
    const state: AccountState = { ...emptyAccount('Acme'), people: [{ name: 'Wang Fang', title: 'Purchasing manager', role: 'second_kp', facts: {} }] };
    expect(carriedAnswers(pb, state, 'wang fang').answers).toEqual({ contact_title: 'Purchasing manager', contact_role: 'second_kp' });
  });
});

describe('reasons of negated and compared conditions', () => {
  it('name the value the rule tested, not the answer given', () => {
    const pb = meddicc();
    const r = evaluateSession(pb, { mode: 'debrief', answers: { ...meddA, economic_buyer: 'known', metrics: 'no' }, visitDate: '2026-11-20', locale: 'en' });
    expect(r.classification.class).toBe('best_case');
    expect(r.classification.reasons[0].text).toContain('economic buyer is not Met them');
    expect(r.classification.reasons[0].text).not.toContain('Know who');
    expect(r.classification.reasons[0].text).not.toContain('≠');
  });

  it('read in Chinese too', () => {
    const r = evaluateSession(builtin(), { mode: 'debrief', answers: { ...abcdA, contact_role: 'second_kp', approval_layers: 'one' }, visitDate: '2026-11-20', locale: 'zh-CN' });
    expect(r.classification.reasons[0].text).not.toMatch(/[≠=]/);
  });
});

describe('what the trial of the accounts found', () => {
  it('a step the rep closes at the start of a session is not handed straight back by that session', () => {
    const pb = builtin();
    const first = stored(run(pb, emptyAccount('Acme'), abcdA, '2026-11-20').state);
    const [done, dropped] = first.openSteps;
    // the same answers would issue the same steps again
    const next = run(pb, first, abcdA, '2026-11-22', 'debrief', { [done.id as number]: 'done', [dropped.id as number]: 'drop' });
    expect(next.state.openSteps.map((s) => s.key)).not.toContain(done.key);
    expect(next.state.openSteps.map((s) => s.key)).not.toContain(dropped.key);
    expect(next.events.filter((e) => e.kind === 'step-opened' && (e.key === done.key || e.key === dropped.key))).toEqual([]);
  });

  it('a step issued again for something else (a new obstacle) replaces the old one: one step, the new words and date', () => {
    const pb = builtin();
    const first = stored(run(pb, emptyAccount('Acme'), { ...abcdA, not_signed_reason: 'needs board approval' }, '2026-11-09').state);
    const before = first.openSteps.find((s) => s.text.includes('needs board approval'));
    expect(before).toBeDefined();
    const next = run(pb, first, { ...abcdA, not_signed_reason: 'legal review' }, '2026-11-16');
    const same = next.state.openSteps.filter((s) => stepIdOf(s.key) === stepIdOf(before?.key ?? ''));
    expect(same).toHaveLength(1);
    expect(same[0]).toMatchObject({ text: expect.stringContaining('legal review'), due: '2026-11-18' });
    expect(next.events).toContainEqual(expect.objectContaining({ kind: 'step-closed', stepId: before?.id, state: 'superseded' }));
  });

  it('the same step issued again keeps its first date: overdue stays overdue', () => {
    const pb = builtin();
    const first = stored(run(pb, emptyAccount('Acme'), { ...abcdA, not_signed_reason: 'needs board approval' }, '2026-11-09').state);
    const before = first.openSteps.find((s) => s.text.includes('needs board approval'));
    const next = run(pb, first, { ...abcdA, not_signed_reason: 'needs board approval' }, '2026-11-16');
    const same = next.state.openSteps.filter((s) => stepIdOf(s.key) === stepIdOf(before?.key ?? ''));
    expect(same).toEqual([expect.objectContaining({ id: before?.id, due: before?.due })]);
    expect(before?.due).toBe('2026-11-11');
    expect(next.events).toContainEqual(expect.objectContaining({ kind: 'step-carried', stepId: before?.id, due: '2026-11-11' }));
  });

  it('a prep names the person to be met: planned, not met; the debrief meets them', () => {
    const pb = builtin();
    const prep = run(pb, emptyAccount('Acme'), abcdA, '2026-11-30', 'prep');
    expect(prep.state.people[0]).toMatchObject({ name: 'Li', plannedFor: '2026-11-30' });
    expect(prep.state.people[0].firstMet).toBeUndefined();
    expect(prep.events).toContainEqual(expect.objectContaining({ kind: 'person-added', planned: true }));
    const met = run(pb, stored(prep.state), abcdA, '2026-11-30');
    expect(met.state.people[0]).toMatchObject({ firstMet: '2026-11-30', lastMet: '2026-11-30', plannedFor: undefined });
  });

  it('a back-filled visit opens no steps of its own', () => {
    const pb = builtin();
    const latest = stored(run(pb, emptyAccount('Acme'), abcdA, '2026-11-16').state);
    const old = run(pb, latest, { ...abcdA, has_need: 'no' }, '2026-10-20');
    expect(old.events.filter((e) => e.kind === 'step-opened')).toEqual([]);
    expect(old.state.openSteps).toEqual(latest.openSteps);
  });

  it('the sign-by date runs from the classification: a visit that confirms the class keeps it; signing ends it', () => {
    const pb = builtin();
    const again = evaluateSession(pb, { mode: 'debrief', answers: abcdA, visitDate: '2026-11-16', locale: 'en', account: { name: 'Acme', history: { class: 'A', classDeadline: '2026-11-19' } } });
    expect(again.classification.cycle?.deadline).toBe('2026-11-19');
    expect(again.checklist.find((i) => i.id === 'a_window')?.due).toBe('2026-11-19');
    const other = evaluateSession(pb, { mode: 'debrief', answers: abcdA, visitDate: '2026-11-16', locale: 'en', account: { name: 'Acme', history: { class: 'B', classDeadline: '2026-11-19' } } });
    expect(other.classification.cycle?.deadline).toBe('2026-11-26');
    const won = evaluateSession(pb, { mode: 'debrief', answers: { ...abcdA, signed: 'yes' }, visitDate: '2026-11-16', locale: 'en' });
    expect(won.classification).toMatchObject({ class: 'A', signed: true });
    expect(won.classification.cycle).toBeUndefined();
  });
});

describe('the buying map (seed 003)', () => {
  const base = { ...abcdA, contact_name: 'Wu', contact_role: 'second_kp', approval_layers: 'one' };
  const flagsOf = (answers: Answers, people?: { name: string; stance?: string }[]) =>
    evaluateSession(builtin(), { mode: 'prep', answers: { ...answers, trust_level: 'liked', perception: 'supplier', visit_focus: 'x' }, visitDate: '2026-11-26', locale: 'en', account: { name: 'Acme', ...(people ? { people } : {}) } });

  it('reads every person of the account: a supporter met earlier means no "no supporter" flag', () => {
    expect(flagsOf({ ...base, contact_stance: 'neutral' }).flags.map((f) => f.id)).toContain('no-supporter');
    expect(flagsOf({ ...base, contact_stance: 'neutral' }, [{ name: 'Li', stance: 'supporter' }]).flags.map((f) => f.id)).not.toContain('no-supporter');
  });

  it('an opponent met earlier is flagged by name, with one step to answer their concerns', () => {
    const r = flagsOf({ ...base, contact_stance: 'supporter' }, [{ name: 'Zhao', stance: 'opponent' }, { name: 'wu', stance: 'opponent' }]);
    // Wu's stance is what this session says now (supporter), not what was on record
    expect(r.flags.map((f) => f.id)).toEqual(expect.arrayContaining(['opponent:Zhao']));
    expect(r.flags.map((f) => f.id)).not.toContain('opponent:wu');
    expect(r.checklist.filter((i) => i.id.startsWith('address-opponent:')).map((i) => i.id)).toEqual(['address-opponent:zhao']);
  });

  it('nothing known, nothing said; and nothing for an account that will not buy', () => {
    expect(flagsOf(base).flags.map((f) => f.id)).not.toContain('no-supporter');
    const d = flagsOf({ ...base, has_need: 'no', contact_stance: 'opponent' });
    expect(d.classification.class).toBe('D');
    expect(d.flags.some((f) => f.id === 'no-supporter' || f.id.startsWith('opponent:'))).toBe(false);
  });
});

describe('one plan: words as data, whose fact, the life of a step', () => {
  it('a class move stores its reasons in every language: a zh-CN session reads in English in an English review', () => {
    const pb = builtin();
    const result = evaluateSession(pb, { mode: 'debrief', answers: { ...abcdA, buying_power: 'no' }, visitDate: '2026-11-20', locale: 'zh-CN', account: { name: 'Acme' } });
    const { events } = applyVisit(pb, emptyAccount('Acme'), { result });
    const move = events.find((e) => e.kind === 'class-changed');
    expect(move?.kind === 'class-changed' && move.because).toEqual(['对方公司没有购买能力']);
    expect(move?.kind === 'class-changed' && move.reasons?.en).toEqual(['their company cannot pay']);
    const drop = events.find((e) => e.kind === 'dropped');
    expect(drop?.kind === 'dropped' && drop.reasons?.en).toEqual(['their company cannot pay']);
  });

  it("another person's refusal marks that person's stance, and the first KP's A holds", () => {
    const pb = builtin();
    const a = stored(run(pb, emptyAccount('Acme'), abcdA, '2026-11-16').state);
    const zhao = { contact_name: 'Zhao', contact_role: 'second_kp', approval_layers: 'one', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', polite_excuse: 'yes', statement_changed: 'no', plan_shared: 'yes' };
    const decider = { name: 'Li', facts: a.people[0].facts };
    const result = evaluateSession(pb, { mode: 'debrief', answers: zhao, visitDate: '2026-11-18', locale: 'en', account: { name: 'Acme', decider, history: { class: 'A', classDeadline: a.classDeadline } } });
    expect(result.classification).toMatchObject({ class: 'A', heldBy: { decider: 'Li', person: 'Zhao', wouldBe: 'D', refused: true } });
    const next = applyVisit(pb, a, { result });
    expect(next.state.class).toBe('A');
    expect(next.state.dropped).toBe(false);
    expect(next.state.people.find((p) => p.name === 'Zhao')?.facts.contact_stance).toBe('opponent');
  });

  it('a refusal outweighs a "neutral" said of the same person at the same visit (the trial\'s Mr Ortiz stayed neutral)', () => {
    const pb = builtin();
    const a = stored(run(pb, emptyAccount('Acme'), abcdA, '2026-11-16').state);
    const ortiz = { contact_name: 'Ortiz', contact_role: 'second_kp', approval_layers: 'one', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', contact_stance: 'neutral', polite_excuse: 'yes', statement_changed: 'no', plan_shared: 'yes' };
    const decider = { name: 'Li', facts: a.people[0].facts };
    const result = evaluateSession(pb, { mode: 'debrief', answers: ortiz, visitDate: '2026-11-18', locale: 'en', account: { name: 'Acme', decider, history: { class: 'A', classDeadline: a.classDeadline } } });
    expect(result.classification.heldBy?.refused).toBe(true);
    expect(applyVisit(pb, a, { result }).state.people.find((p) => p.name === 'Ortiz')?.facts.contact_stance).toBe('opponent');
  });

  it("meeting the first KP's colleague inside the A window keeps the A on the first KP's word; after the window, it reclassifies", () => {
    const pb = builtin();
    const a = stored(run(pb, emptyAccount('Acme'), abcdA, '2026-11-16').state);
    const zhao = { contact_name: 'Zhao', contact_role: 'second_kp', approval_layers: 'one', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'thinker', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };
    const decider = { name: 'Li', facts: a.people[0].facts };
    const within = evaluateSession(pb, { mode: 'debrief', answers: zhao, visitDate: '2026-11-18', locale: 'en', account: { name: 'Acme', decider, history: { class: 'A', classDeadline: a.classDeadline } } });
    expect(within.classification).toMatchObject({ class: 'A', heldBy: { decider: 'Li', person: 'Zhao', wouldBe: 'B' } });
    expect(within.classification.heldBy?.refused).toBeUndefined();
    expect(within.classification.reasons[0].text).toBe('You met Zhao, not the first KP: the account stays A on the word of Li');
    // the B's steps are not this visit's: no "book the first KP through Zhao" when she is already met
    expect(within.checklist.map((i) => i.id)).not.toContain('meet_first_kp');
    const kept = applyVisit(pb, a, { result: within });
    expect(kept.state.class).toBe('A');
    expect(kept.state.classDeadline).toBe(a.classDeadline);
    // the window ran out unsigned: whom the rep met says how the account is reclassified (seed 001)
    const after = evaluateSession(pb, { mode: 'debrief', answers: zhao, visitDate: '2026-11-30', locale: 'en', account: { name: 'Acme', decider, history: { class: 'A', classDeadline: a.classDeadline } } });
    expect(after.classification).toMatchObject({ class: 'B' });
    expect(after.classification.heldBy).toBeUndefined();
  });

  it('a debrief after the A window ran out unsigned reclassifies it (seed 001): one class, its own questions, a new window; a prep is the last chance', () => {
    const pb = builtin();
    const a = stored(run(pb, emptyAccount('Lotus'), abcdA, '2026-11-18').state);
    expect(a.classDeadline).toBe('2026-11-27');
    const history = { class: 'A', classDeadline: a.classDeadline };
    const decider = { name: 'Li', facts: a.people[0].facts };
    const late = evaluateSession(pb, { mode: 'debrief', answers: abcdA, visitDate: '2026-12-01', locale: 'en', account: { name: 'Lotus', decider, history } });
    expect(late.classification).toMatchObject({ class: 'B', lapsed: { from: 'A', deadline: '2026-11-27' }, cycle: { deadline: '2026-12-21' } });
    expect(late.classification.reasons.map((r) => r.text)).toEqual(['The A window ended on Fri 27 Nov without a signature, so the account is reclassified']);
    // no "window over" flag beside it, no A question asking to decide within the 10 days, no B step to meet the first KP already met
    expect(late.flags.map((f) => f.id)).not.toContain('window-over');
    expect([...late.selfQuestions.forward, ...late.selfQuestions.reverse].join(' ')).not.toMatch(/10 days|not the first KP/);
    expect(late.selfQuestions.reverse[0]).toContain('Why is this no longer A?');
    expect(late.checklist.map((i) => i.id)).not.toContain('meet_first_kp');
    const moved = applyVisit(pb, a, { result: late });
    expect(moved.state.class).toBe('B');
    expect(a.openSteps.map((x) => stepIdOf(x.key))).toContain('a_window');
    expect(moved.state.openSteps.map((x) => stepIdOf(x.key))).not.toContain('a_window');
    // the next visit, same facts: still a B, not an A with a new 10 days (the trial's Hengda went back to A)
    expect(moved.state.facts[LAPSED_FACT]).toEqual(['A']);
    const next = evaluateSession(pb, { mode: 'debrief', answers: abcdA, visitDate: '2026-12-07', locale: 'en', account: { name: 'Lotus', decider, history: { class: 'B', classDeadline: moved.state.classDeadline, lapsedFrom: ['A'] } } });
    expect(next.classification).toMatchObject({ class: 'B', cycle: { deadline: '2026-12-21' } });
    expect(next.classification.reasons[0].text).toBe('The A window ran out unsigned, and the same facts do not make it A again');
    expect(next.checklist.map((i) => i.id)).not.toContain('meet_first_kp');
    // and when the B's own window runs out in turn, it moves on (C), as seed 001 says
    const later = evaluateSession(pb, { mode: 'debrief', answers: abcdA, visitDate: '2026-12-22', locale: 'en', account: { name: 'Lotus', decider, history: { class: 'B', classDeadline: moved.state.classDeadline, lapsedFrom: ['A'] } } });
    expect(later.classification).toMatchObject({ class: 'C', lapsed: { from: 'B' } });
    // signed at that debrief: no reclassification; a prep the evening before keeps the A (its last chance)
    expect(evaluateSession(pb, { mode: 'debrief', answers: { ...abcdA, signed: 'yes' }, visitDate: '2026-12-01', locale: 'en', account: { name: 'Lotus', decider, history } }).classification.class).toBe('A');
    const prep = evaluateSession(pb, { mode: 'prep', answers: { ...abcdA, visit_focus: 'x' }, visitDate: '2026-11-30', locale: 'en', account: { name: 'Lotus', decider, history } });
    expect(prep.classification.class).toBe('A');
    expect(prep.selfQuestions.forward).toEqual(['Why did it not sign within the A window? Which of your reasons for the A was a hope rather than something you heard?']);
    // a koala whose trust is not built is still not pushed to sign; the window says what follows if it does not
    const koala = evaluateSession(pb, { mode: 'prep', answers: { ...abcdA, trust_level: 'liked', visit_focus: 'x' }, visitDate: '2026-11-30', locale: 'en', account: { name: 'Lotus', decider, history } });
    expect(koala.visitPlan).toMatchObject({ objective: 'Build trust first, listen, and agree the plan to the decision', commitment: 'Agreement on the plan; without a signature at this visit, reclassify it as B or D after it' });
    expect(koala.flags.find((f) => f.id === 'window-over')?.message).toBe('The A window ended on Fri 27 Nov without a signature: unless it signs at this visit, reclassify it as B or D');
    // the zh-CN screen says it in Chinese
    const zh = evaluateSession(pb, { mode: 'debrief', answers: abcdA, visitDate: '2026-12-01', locale: 'zh-CN', account: { name: 'Lotus', decider, history } });
    // the badge names the class (B类客户): the reason says why, without naming it again
    expect(zh.classification.label).toBe('B类客户');
    expect(zh.classification.reasons[0].text).toMatch(/^A类客户的签单周期已在.*结束，仍未签单$/);
  });

  it('a drop ends every open step and opens none; a signature ends the window and opens what follows it', () => {
    const pb = builtin();
    const a = stored(run(pb, emptyAccount('Acme'), abcdA, '2026-11-16').state);
    expect(a.openSteps.some((s) => stepIdOf(s.key) === 'a_window')).toBe(true);
    const dropped = run(pb, a, { ...abcdA, has_need: 'no' }, '2026-11-18');
    expect(dropped.state.openSteps).toEqual([]);
    expect(dropped.events.filter((e) => e.kind === 'step-closed').every((e) => e.kind === 'step-closed' && e.state === 'superseded' && e.by === 'dropped')).toBe(true);
    const signed = run(pb, a, { ...abcdA, signed: 'yes' }, '2026-11-18');
    expect(signed.events).toContainEqual(expect.objectContaining({ kind: 'step-closed', state: 'done', by: 'signed', text: expect.stringContaining('A signing cycle') }));
    expect(signed.state.openSteps.map((s) => stepIdOf(s.key))).toEqual(expect.arrayContaining(['kickoff', 'service_check', 'koala_referrals']));
    expect(signed.state.openSteps.some((s) => stepIdOf(s.key) === 'a_window')).toBe(false);
  });
});

describe('what the trial of a fortnight found', () => {
  const pb = builtin();
  const meeting = (date: string): Answers => {
    const { signed: _s, not_signed_kind: _k, ...rest } = abcdA;
    return { ...rest, asked_to_sign: 'no', not_signed_reason: 'trust first', trust_built: 'no', next_meeting: date };
  };

  it('a step the rep closed is not handed back by a later session, nor shown as one to do', () => {
    const a = stored(run(pb, emptyAccount('Acme'), meeting('2026-11-20'), '2026-11-16').state);
    const confirm = a.openSteps.find((s) => stepIdOf(s.key) === 'confirm_next_meeting');
    expect(confirm).toBeDefined();
    // the rep ticks it done at the next session, which would issue the same step again
    const closed: AccountState = { ...a, openSteps: a.openSteps.filter((s) => s !== confirm), closedSteps: [{ key: confirm?.key ?? '', text: confirm?.text ?? '' }] };
    const result = evaluateSession(pb, { mode: 'debrief', answers: meeting('2026-11-20'), visitDate: '2026-11-18', locale: 'en', account: { name: 'Acme' } });
    expect(result.checklist.map((c) => c.id)).toContain('confirm_next_meeting');
    const next = applyVisit(pb, closed, { result });
    expect(next.state.openSteps.some((s) => stepIdOf(s.key) === 'confirm_next_meeting')).toBe(false);
    expect(withCarriedDates(result, next.state).checklist.map((c) => c.id)).not.toContain('confirm_next_meeting');
    // a new meeting is another step: opened
    const later = applyVisit(pb, closed, { result: evaluateSession(pb, { mode: 'debrief', answers: meeting('2026-11-27'), visitDate: '2026-11-18', locale: 'en', account: { name: 'Acme' } }) });
    expect(later.state.openSteps.find((s) => stepIdOf(s.key) === 'confirm_next_meeting')?.text).toContain('Fri 27 Nov');
  });

  it('a session in another language carries the same step (new words, first date), never a second one', () => {
    const a = stored(run(pb, emptyAccount('Acme'), meeting('2026-11-20'), '2026-11-16').state);
    const before = a.openSteps.find((s) => stepIdOf(s.key) === 'confirm_next_meeting');
    const zh = evaluateSession(pb, { mode: 'debrief', answers: meeting('2026-11-20'), visitDate: '2026-11-18', locale: 'zh-CN', account: { name: 'Acme' } });
    const next = applyVisit(pb, a, { result: zh });
    const same = next.state.openSteps.filter((s) => stepIdOf(s.key) === 'confirm_next_meeting');
    expect(same).toEqual([expect.objectContaining({ id: before?.id, due: before?.due, text: expect.stringContaining('书面确认') })]);
    expect(next.events.some((e) => e.kind === 'step-closed' && e.stepId === before?.id)).toBe(false);
  });

  it('the people on record count among the contacts known', () => {
    const a = stored(run(pb, emptyAccount('Acme'), { ...abcdA, contacts_known: 1 }, '2026-11-16').state);
    expect(carriedAnswers(pb, a, 'Zhao').answers.contacts_known).toBe(2);
    expect(carriedAnswers(pb, a, 'Li').answers.contacts_known).toBe(1);
  });
});

describe('a step ends when its reason no longer holds (the trial of a fortnight with several people)', () => {
  const pb = builtin();
  const keys = (st: AccountState) => st.openSteps.map((x) => stepIdOf(x.key));

  it('"find out whether they see the value" ends once it is known', () => {
    const a = stored(run(pb, emptyAccount('Lotus'), { ...abcdA, sees_value: 'unknown' }, '2026-11-16').state);
    expect(keys(a)).toContain('find-out:sees_value');
    const b = run(pb, a, { ...abcdA, contact_name: 'Zhang', sees_value: 'yes' }, '2026-11-18');
    expect(keys(b.state)).not.toContain('find-out:sees_value');
    expect(b.events).toContainEqual(expect.objectContaining({ kind: 'step-closed', state: 'superseded', by: 'changed' }));
  });

  it('"you know only the first KP" ends once more people are known; a step about the same facts of another person stays', () => {
    const a = stored(run(pb, emptyAccount('Hengda'), { ...abcdA, contacts_known: 1 }, '2026-11-16').state);
    expect(keys(a)).toContain('map_contacts_below_kp');
    const b = run(pb, a, { ...abcdA, contacts_known: 4 }, '2026-11-20', 'prep');
    expect(keys(b.state)).not.toContain('map_contacts_below_kp');
  });

  it("answering an opponent's concerns ends once that person no longer stands against; another opponent's step stays", () => {
    const a = stored(run(pb, emptyAccount('Brightway'), { ...abcdA, contact_name: 'Ortiz', contact_role: 'second_kp', approval_layers: 'one', contact_stance: 'opponent' }, '2026-11-16').state);
    const b = stored(run(pb, a, { ...abcdA, contact_name: 'Qian', contact_role: 'third_kp', contact_stance: 'opponent' }, '2026-11-17').state);
    expect(keys(b)).toEqual(expect.arrayContaining(['address-opponent:ortiz', 'address-opponent:qian']));
    // the rep set Ortiz's stance to neutral between visits (account set); the next visit is with Li
    const edited: AccountState = { ...b, people: b.people.map((p) => (p.name === 'Ortiz' ? { ...p, facts: { ...p.facts, contact_stance: 'neutral' } } : p)) };
    const c = run(pb, edited, { ...abcdA, contact_stance: 'supporter' }, '2026-11-20');
    expect(keys(c.state)).not.toContain('address-opponent:ortiz');
    expect(keys(c.state)).toContain('address-opponent:qian');
  });

  it('a step read on one person is not ended by a visit with another of whom that fact is not known', () => {
    const a = stored(run(pb, emptyAccount('Acme'), { ...abcdA, contact_name: 'Wang', trust_level: 'believed' }, '2026-11-16', 'prep').state);
    expect(keys(a)).toContain('trust_indispensable');
    // Chen, met next, was not asked about trust: Wang still believes, so the step to become indispensable to him stays
    const b = stored(run(pb, a, { ...abcdA, contact_name: 'Chen', contact_role: 'second_kp', approval_layers: 'one' }, '2026-11-18').state);
    expect(keys(b)).toContain('trust_indispensable');
  });
});

describe('a step carried across sessions (issue 25)', () => {
  it('the same task reworded as people become known is the step the rep has, once, with its first date', async () => {
    const pb = await builtin();
    const { signed: _s, not_signed_kind: _k, ...rest } = abcdA;
    const second: Answers = { ...rest, contact_role: 'second_kp', approval_layers: 'one', persona: 'thinker', asked_to_sign: 'no', not_asked_why: 'other', not_signed_reason: 'the boss' };
    const a = stored(run(pb, emptyAccount('Acme'), second, '2026-11-10').state);
    const first = a.openSteps.find((s) => s.key.startsWith('role_wins_to_first_kp#'));
    expect(first?.key).toBe('role_wins_to_first_kp#Li|the first KP');
    // the first KP is named since: the step names her, and is still the one the rep left open
    const result = evaluateSession(pb, { mode: 'debrief', answers: second, visitDate: '2026-11-16', locale: 'en', account: { name: 'Acme', decider: { name: 'Ms Chen', facts: { contact_role: 'first_kp' } } } });
    const b = applyVisit(pb, a, { result });
    const wins = b.state.openSteps.filter((s) => s.key.startsWith('role_wins_to_first_kp#'));
    expect(wins).toHaveLength(1);
    expect(wins[0]).toMatchObject({ id: first?.id, due: first?.due, key: 'role_wins_to_first_kp#Li|Ms Chen (the first KP)' });
    expect(wins[0]?.text).toContain('Ms Chen');
    expect(b.events.some((e) => e.kind === 'step-opened' && e.key.startsWith('role_wins_to_first_kp#'))).toBe(false);
  });
});

describe("a manager's reading (issue 26)", () => {
  it('a class event keeps its reasons as the manager reads them: the rep in the third person, only where they differ', () => {
    const pb = builtin();
    const met = run(pb, emptyAccount('Acme'), abcdA, '2026-11-20').events.find((e) => e.kind === 'class-changed');
    expect(met).toMatchObject({ reasons: { en: expect.arrayContaining(['you met the first KP']) }, about: { en: expect.arrayContaining(['{rep} met the first KP']), 'zh-CN': expect.arrayContaining(['{rep}见的是第一KP']) } });
    // what they do not know yet, said of them
    const unknown = run(pb, emptyAccount('Beta'), { ...abcdA, buying_power: 'unknown' }, '2026-11-20').events.find((e) => e.kind === 'class-changed');
    expect(unknown?.kind === 'class-changed' && unknown.status).toBe('provisional');
    expect(JSON.stringify(unknown)).toContain('{rep} does not know');
    // reasons that never speak of the rep keep no second copy
    const signed = run(pb, emptyAccount('Gamma'), { ...abcdA, signed: 'yes' }, '2026-11-20').events.filter((e) => e.kind === 'class-changed' && e.about === undefined && JSON.stringify(e.reasons).includes('you'));
    expect(signed).toEqual([]);
  });
});

describe('the deal value moves in the history (issue 26)', () => {
  it("a session that gives or changes the deal's value or day records the change as an event, as account set does; the same value records nothing", () => {
    const pb = builtin();
    const first = run(pb, emptyAccount('Acme'), { ...abcdA, deal_value: 120000 }, '2026-11-20');
    expect(first.events.filter((e) => e.kind === 'facts-updated')).toEqual([{ kind: 'facts-updated', date: '2026-11-20', changes: [{ field: 'deal_value', before: null, after: 120000, currencies: {} }] }]);
    const same = run(pb, first.state, { ...abcdA, deal_value: 120000 }, '2026-11-24');
    expect(same.events.filter((e) => e.kind === 'facts-updated')).toEqual([]);
    const down = run(pb, same.state, { ...abcdA, deal_value: 90000, expected_close: '2026-12-01' }, '2026-11-26');
    expect(down.events.filter((e) => e.kind === 'facts-updated')).toEqual([
      { kind: 'facts-updated', date: '2026-11-26', changes: [{ field: 'deal_value', before: 120000, after: 90000, currencies: {} }, { field: 'expected_close', before: null, after: '2026-12-01' }] },
    ]);
  });
});
