/**
 * Several people at one debrief (issue 25): each other person is recorded on the account with their
 * role, type and stance; the class follows the highest role present (seed 001: the first KP's word
 * counts); the follow-up greets them all.
 */
import { describe, expect, it } from 'vitest';
import { applyVisit, emptyAccount } from '../../src/engine/account.js';
import type { Answers } from '../../src/engine/answers.js';
import { evaluateSession, type OtherPerson } from '../../src/engine/evaluate.js';
import type { Locale } from '../../src/engine/model.js';
import { builtin } from '../helpers/playbook.js';

/** Ms Chen, a second KP with one approval above her, who has the need, the budget and sees the value. */
const chen: Answers = {
  contact_name: 'Ms Chen', contact_role: 'second_kp', approval_layers: 'one', contacts_known: 3, has_need: 'yes', buying_power: 'yes', sees_value: 'yes',
  persona: 'koala', contact_stance: 'supporter', asked_to_sign: 'yes', trust_built: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'board',
  polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes', next_meeting: '2026-12-08', next_topic: 'the contract',
};
const wang: OtherPerson = { name: 'Mr Wang', answers: { contact_title: 'General manager', contact_role: 'first_kp', persona: 'commander', contact_stance: 'supporter' } };
const li: OtherPerson = { name: 'Li Na', answers: { contact_role: 'third_kp', persona: 'not-sure', observed: ['talkative'], contact_stance: 'opponent' } };

const debrief = (others: OtherPerson[], locale: Locale = 'en', answers: Answers = chen) =>
  evaluateSession(builtin(), { mode: 'debrief', answers, visitDate: '2026-12-03', locale, account: { name: 'Hengda' }, others });

describe('several people at one debrief', () => {
  it('a second KP alone is a B; with the first KP in the room the class is read as a meeting with the first KP, an A', () => {
    expect(debrief([]).classification.class).toBe('B');
    const r = debrief([wang, li]);
    expect(r.classification.class).toBe('A');
    expect(r.classification.reasons[0]?.text).toContain('you met the first KP');
    expect(r.others?.find((o) => o.name === 'Mr Wang')).toMatchObject({ ledClass: true, words: ['General manager', 'First KP', 'Commander', 'A supporter'] });
    // the person the visit is about keeps her own answers: she is a second KP
    expect(r.answers.contact_role).toBe('second_kp');
  });

  it('a lower role present moves nothing; a type is recognised from what the rep saw of each person', () => {
    const r = debrief([li]);
    expect(r.classification.class).toBe('B');
    expect(r.others).toEqual([expect.objectContaining({ name: 'Li Na', persona: 'socializer', words: ['Third KP', 'Socializer', 'Against'] })]);
    expect(r.others?.[0]?.ledClass).toBeUndefined();
    // the buying map hears her: an opponent nobody plans to address is flagged
    expect(r.flags.map((f) => f.id)).toContain('opponent:Li Na');
  });

  it('the follow-up greets everyone met, in each language', () => {
    expect(debrief([wang, li]).followUp).toMatch(/^Hello Mr Wang, Ms Chen and Li Na, thank you for your time today\./);
    expect(debrief([wang], 'zh-CN').followUp).toMatch(/^Mr Wang、Ms Chen，各位好！感谢各位今天抽出时间。/);
    expect(debrief([]).followUp).toMatch(/^Hello Ms Chen, thank you/);
  });

  it('no follow-up of a greeting alone: a visit that agreed nothing and owes nothing has nothing to send', () => {
    // the manager's second trial: "Hello Ms Wu, thank you for your time today. / Best regards"
    const { next_meeting: _m, next_topic: _t, ...nothingAgreed } = chen;
    const r = debrief([], 'en', { ...nothingAgreed, persona: 'commander' });
    expect(r.checklist.filter((i) => i.id === 'answer_request' || i.id === 'confirm_next_meeting')).toEqual([]);
    expect(r.followUp).toBeUndefined();
    // one thing agreed is enough to write
    expect(debrief([], 'en', { ...nothingAgreed, persona: 'commander', customer_asked: 'a reference site' }).followUp).toContain('a reference site');
  });

  it('each other person is put on the account with their facts; the same person named twice, or the person met, is one person', () => {
    const pb = builtin();
    const result = debrief([wang, { ...wang, name: 'MR WANG' }, { name: 'ms chen', answers: { contact_role: 'first_kp' } }, li]);
    const { state, events } = applyVisit(pb, emptyAccount('Hengda'), { result });
    expect(state.people.map((p) => [p.name, p.role, p.persona])).toEqual([
      ['Ms Chen', 'second_kp', 'koala'],
      ['Mr Wang', 'first_kp', 'commander'],
      ['Li Na', 'third_kp', 'socializer'],
    ]);
    expect(state.people.find((p) => p.name === 'Mr Wang')).toMatchObject({ title: 'General manager', firstMet: '2026-12-03', facts: { contact_stance: 'supporter' } });
    expect(events.filter((e) => e.kind === 'person-added').map((e) => (e as { person: string }).person)).toEqual(['Ms Chen', 'Mr Wang', 'Li Na']);
  });

  it('a prep has no others (it is the evening before), and a question not about a person is not taken from another person', () => {
    const prep = evaluateSession(builtin(), { mode: 'prep', answers: { contact_name: 'Ms Chen' }, visitDate: '2026-12-03', locale: 'en', others: [wang] });
    expect(prep.others).toBeUndefined();
    const r = debrief([{ name: 'Mr Wang', answers: { contact_role: 'first_kp', has_need: 'no' } }]);
    expect(r.others?.[0]?.answers).toEqual({ contact_role: 'first_kp' });
    expect(r.classification.class).toBe('A');
  });
});
