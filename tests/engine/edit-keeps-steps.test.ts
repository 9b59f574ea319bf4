/**
 * Issue 25, the rep's fifth trial: `account set` ends only a step whose reason no longer holds, read
 * against the new facts; the others stay open with their number and date.
 */
import { describe, expect, it } from 'vitest';
import { type AccountState, applyVisit, editFacts, emptyAccount } from '../../src/engine/account.js';
import type { Answers } from '../../src/engine/answers.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { builtin } from '../helpers/playbook.js';

const pb = builtin();
let ids = 0;
/** A debrief applied, its new steps numbered as the store numbers them (an edit ends only numbered steps). */
function debrief(state: AccountState, answers: Answers, date: string): AccountState {
  const next = applyVisit(pb, state, { result: evaluateSession(pb, { mode: 'debrief', answers, visitDate: date, locale: 'en', account: { name: state.name } }) }).state;
  return { ...next, openSteps: next.openSteps.map((st) => (st.id === undefined ? { ...st, id: ++ids } : st)) };
}
const base = { contacts_known: 3, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', asked_to_sign: 'no', not_asked_why: 'other', polite_excuse: 'no', statement_changed: 'no' };
const closed = (r: ReturnType<typeof editFacts>) => r.events.flatMap((e) => (e.kind === 'step-closed' ? [e.text] : []));
const open = (s: AccountState) => s.openSteps.map((st) => `${st.id} ${st.due} ${st.text}`);

describe('account set re-checks each open step against the new facts', () => {
  it("another person's stance does not end the steps through Li, whose own stance is not known", () => {
    let s = debrief(emptyAccount('Acme'), { ...base, contact_name: 'Wang', contact_role: 'third_kp', approval_layers: 'two', persona: 'commander', not_signed_reason: 'timing' }, '2026-12-01');
    s = debrief(s, { ...base, contact_name: 'Li', contact_role: 'second_kp', approval_layers: 'one', persona: 'thinker', not_signed_reason: 'boss' }, '2026-12-02');
    expect(open(s).join('\n')).toContain('through Li');
    const r = editFacts(pb, s, { person: 'Wang', facts: { contact_stance: 'opponent' } }, '2026-12-03');
    expect(closed(r)).toEqual([]);
    expect(open(r.state)).toEqual(open(s));
    // Li set against you: the steps through him end (their reason is gone)
    const li = editFacts(pb, r.state, { person: 'Li', facts: { contact_stance: 'opponent' } }, '2026-12-03');
    expect(closed(li)).toEqual(expect.arrayContaining([expect.stringContaining('through Li'), expect.stringContaining('Equip Li')]));
  });

  it("Ms Chen's trust set to believed keeps the buying roles' wins: the others' are still to find out", () => {
    const s = debrief(emptyAccount('Hengda'), { ...base, contact_name: 'Ms Chen', contact_role: 'first_kp', persona: 'koala', trust_built: 'no', not_signed_reason: 'trust', plan_shared: 'no' }, '2026-12-01');
    expect(open(s).join('\n')).toContain("each buying role's personal win");
    const r = editFacts(pb, s, { person: 'Ms Chen', facts: { trust_level: 'believed' } }, '2026-12-03');
    expect(closed(r)).toEqual([]);
    expect(open(r.state)).toEqual(open(s));
  });
});
