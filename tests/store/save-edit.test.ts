/**
 * `account set` on both stores: Store.saveEdit writes the account's facts, its people and the events,
 * and no visit; a save based on an older revision writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { editFacts } from '../../src/engine/account.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { recordVisit } from '../../src/cli/record-visit.js';
import { builtin } from '../helpers/playbook.js';
import { BOTH_STORES, closeStoresAfterEach } from '../helpers/stores.js';

closeStoresAfterEach();
const STORES = BOTH_STORES;

describe.each(STORES)('saveEdit: $name', (impl) => {
  it("keeps a person's new facts and the account's, with their events, and writes no visit", async () => {
    const s = await impl.open();
    const pb = builtin();
    const result = evaluateSession(pb, { mode: 'debrief', answers: { contact_name: 'Li', contact_role: 'first_kp', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'trust', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' }, visitDate: '2026-11-20', locale: 'en', account: { name: 'Acme' } });
    await recordVisit(s, pb, 'Acme', result, { at: '2026-11-20T18:00:00Z' });
    const before = await s.accountState('Acme');
    if (!before) throw new Error('no state');
    const revision = await s.accountRevision('Acme');
    expect(revision).toBeDefined();
    const person = editFacts(pb, before, { person: 'li', facts: { trust_level: 'believed' } }, '2026-11-22');
    await s.saveEdit({ account: 'Acme', state: person.state, events: person.events, at: '2026-11-22T09:00:00Z', ...(revision !== undefined ? { basedOn: revision } : {}) });
    const mid = await s.accountState('Acme');
    // Li's trust set to believed ends no step: the buying roles' wins are still to find out (a session
    // words it "besides Li…"), and the A window's step reads no trust; both stay with their number
    expect(person.events.filter((e) => e.kind === 'step-closed')).toEqual([]);
    expect(mid?.openSteps.map((x) => [x.id, x.text.slice(0, 40)])).toEqual(before.openSteps.map((x) => [x.id, x.text.slice(0, 40)]));
    const account = editFacts(pb, mid ?? before, { facts: { buying_power: 'no' } }, '2026-11-23');
    await s.saveEdit({ account: 'Acme', state: account.state, events: account.events, at: '2026-11-23T09:00:00Z' });

    const after = await s.accountState('Acme');
    expect(after?.people.find((p) => p.name === 'Li')?.facts.trust_level).toBe('believed');
    expect(after?.facts.buying_power).toBe('no');
    // the class is a session's to move, not an edit's
    expect(after?.class).toBe('A');
    const t = await s.timeline('Acme');
    expect(t?.visits).toHaveLength(1);
    const kinds = t?.events.map((e) => e.event.kind) ?? [];
    expect(kinds.filter((k) => k === 'person-updated' || k === 'facts-updated').slice(-2)).toEqual(['person-updated', 'facts-updated']);
    // based on a revision the account has moved on from: nothing is written
    {
      const stale = editFacts(pb, before, { person: 'Li', facts: { trust_level: 'liked' } }, '2026-11-24');
      await expect(s.saveEdit({ account: 'Acme', state: stale.state, events: stale.events, at: '2026-11-24T09:00:00Z', basedOn: revision })).rejects.toThrow(/changed/);
      expect((await s.accountState('Acme'))?.people.find((p) => p.name === 'Li')?.facts.trust_level).toBe('believed');
    }
  });
});
