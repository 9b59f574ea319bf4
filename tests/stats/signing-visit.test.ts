/**
 * A signature is counted by the visit that signed (the manager's Monday trial): an A visited first
 * without an ask, then asked and signed at the next visit, is "signed after you asked", not "signed
 * without asking" because of the earlier visit.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { recordVisit } from '../../src/cli/record-visit.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { answersNeeded, computeStats } from '../../src/stats/stats.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { renderStatsTerminal, statsView } from '../../src/ui/views/stats.js';
import { builtin } from '../helpers/playbook.js';

const A = { contact_name: 'Li', contact_role: 'first_kp', contacts_known: 1, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'commander', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'board', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };

describe('stats: signed with or without asking, by the visit that signed', () => {
  it('an earlier A visit with no ask does not make a signature asked for at the signing visit "signed without asking"', async () => {
    const pb = builtin();
    const store = openSqliteStore(':memory:');
    const visit = async (date: string, answers: Record<string, unknown>) => {
      const result = evaluateSession(pb, { mode: 'debrief', answers: answers as never, visitDate: date, locale: 'en', account: { name: 'Acme' } });
      await recordVisit(store, pb, 'Acme', result, { at: `${date}T18:00:00Z` });
    };
    // 11-02: an A, the rep did not ask; 11-05: asked, and the customer signed
    await visit('2026-11-02', { ...A, asked_to_sign: 'no' });
    await visit('2026-11-05', { ...A, signed: 'yes', not_signed_kind: undefined, not_signed_reason: undefined });
    const playbooks = new Map([['abcd', pb]]);
    const stats = computeStats(await store.statsHistory({ answers: answersNeeded(playbooks.values()) }), { today: '2026-11-30', playbooks });
    expect(stats.habits.askedOnTop).toMatchObject({ k: 1, n: 2 });
    expect(stats.habits.signedWhenAsked).toMatchObject({ k: 1, n: 1 });
    expect(stats.habits.signedWhenNotAsked).toMatchObject({ k: 0, n: 1 });
    const text = renderStatsTerminal(statsView(stats, 'en'), new Chalk({ level: 0 }), 100).replace(/ +/g, ' ');
    expect(text).toMatch(/signed after you asked 1 of 1/);
    expect(text).toMatch(/signed without asking \(usually about 10%\) 0 of 1/);
    await store.close();
  });
});
