/**
 * What changed since the last visit (asAtLastVisit, changesSince): every fact of the account and of
 * each person, whoever was met at the last visit or this one; each once, its owner named; a fact set
 * and set back says nothing; a first answer is not a change.
 */
import { describe, expect, it } from 'vitest';
import { type AccountEvent, type AccountState, applyVisit, asAtLastVisit, changesSince, editFacts, emptyAccount, likelyRole } from '../../src/engine/account.js';
import type { Answers } from '../../src/engine/answers.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import type { Mode } from '../../src/playbook/types.js';
import { builtin } from '../helpers/playbook.js';

const pb = builtin();
const visit = (state: AccountState, answers: Answers, date: string, mode: Mode = 'debrief', others?: { name: string; answers: Answers }[]) =>
  applyVisit(pb, state, { result: evaluateSession(pb, { mode, answers, visitDate: date, locale: 'en', account: { name: state.name }, ...(others ? { others } : {}) }) });
const chen: Answers = { contact_name: 'Ms Chen', contact_role: 'first_kp', contacts_known: 3, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'trust', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'no' };
const prepChen: Answers = { contact_name: 'Ms Chen', contact_role: 'first_kp', contacts_known: 3, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', trust_level: 'liked', perception: 'supplier', resources: [], internal_support: [], visit_focus: 'the plan' };

/** The account after a debrief with Ms Chen (Mr Zhao at the meeting too), then edits between visits. */
function afterEdits(...edits: { person?: string; facts: Answers }[]): { state: AccountState; edits: AccountEvent[] } {
  let state = visit(emptyAccount('Hengda'), chen, '2026-12-01', 'debrief', [{ name: 'Mr Zhao', answers: { contact_role: 'second_kp', contact_stance: 'neutral' } }]).state;
  const events: AccountEvent[] = [];
  for (const e of edits) {
    const r = editFacts(pb, state, e, '2026-12-02');
    state = r.state;
    events.push(...r.events);
  }
  return { state, edits: events };
}

const since = (state: AccountState, edits: AccountEvent[], answers: Answers) => changesSince(pb, asAtLastVisit(pb, state, edits), visit(state, answers, '2026-12-04', 'prep').state);

describe('changes since the last visit', () => {
  it('names a change set for a person other than the one met, with the owner, once', () => {
    const { state, edits } = afterEdits({ person: 'Mr Zhao', facts: { contact_stance: 'supporter' } }, { person: 'Ms Chen', facts: { persona: 'thinker' } });
    expect(since(state, edits, { ...prepChen, persona: 'thinker' })).toEqual([
      { person: 'Ms Chen', question: 'persona', before: 'koala', after: 'thinker' },
      { person: 'Mr Zhao', question: 'contact_stance', before: 'neutral', after: 'supporter' },
    ]);
    // the same whoever the prep is with
    expect(since(state, edits, { ...prepChen, contact_name: 'Mr Zhao', contact_role: 'second_kp', approval_layers: 'one', persona: 'thinker' }).map((c) => [c.person, c.question])).toEqual([
      ['Ms Chen', 'persona'],
      ['Mr Zhao', 'contact_stance'],
    ]);
  });

  it('says nothing of a fact changed and changed back, and nothing of a first answer', () => {
    const { state, edits } = afterEdits({ person: 'Mr Zhao', facts: { contact_stance: 'supporter' } }, { person: 'Mr Zhao', facts: { contact_stance: 'neutral' } });
    // trust_level is first said at this prep: news, not a change
    expect(since(state, edits, prepChen)).toEqual([]);
  });

  it('a fact not known at the last visit and set since reads "not known → …"; the account\'s own facts are named without an owner', () => {
    const { state, edits } = afterEdits({ person: 'Ms Chen', facts: { trust_level: 'believed' } }, { facts: { buying_power: 'no' } });
    expect(since(state, edits, { ...prepChen, trust_level: 'believed', buying_power: 'no' })).toEqual([
      { question: 'buying_power', before: 'yes', after: 'no' },
      { person: 'Ms Chen', question: 'trust_level', before: null, after: 'believed' },
    ]);
  });

  it("this visit's own answers count too: the person met, against themselves as last recorded", () => {
    const { state, edits } = afterEdits();
    expect(since(state, edits, { ...prepChen, persona: 'commander' })).toEqual([{ person: 'Ms Chen', question: 'persona', before: 'koala', after: 'commander' }]);
  });
});

describe('the role offered for a person not known yet', () => {
  it('is not the first KP when the account knows its first KP: the next role in the playbook\'s order', () => {
    const { state } = afterEdits();
    // Ms Chen is the first KP, Mr Zhao a second KP: a new person is offered the third
    expect(likelyRole(pb, state, 'Mr Sun')).toBe('third_kp');
    // at a meeting with Mr Sun named a third KP already, the next one is offered "not known"
    expect(likelyRole(pb, state, 'Ms Qian', [{ name: 'Mr Sun', answers: { contact_role: 'third_kp' } }])).toBe('unknown');
    // a person whose own role is on record carries it: nothing is made up for them
    expect(likelyRole(pb, state, 'Mr Zhao')).toBeUndefined();
    // a new account: the first KP, as before
    expect(likelyRole(pb, undefined, 'Mr Sun')).toBe('first_kp');
    expect(likelyRole(pb, emptyAccount('New'), 'Mr Sun', [{ name: 'Ms Chen', answers: { contact_role: 'first_kp' } }])).toBe('second_kp');
  });
});
