/**
 * A visit is a day and a person: the prep the evening before and the debrief after are one visit in
 * `stats` (its count, the hours it estimates, and every per-visit figure), on both stores. The trial
 * counted them twice (and 6 "hours spent" on a D met once).
 */
import { Chalk } from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { recordVisit } from '../../src/cli/record-visit.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { answersNeeded, computeStats } from '../../src/stats/stats.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { renderStatsTerminal, statsView } from '../../src/ui/views/stats.js';
import { closePgStores, freshDatabase, pgStore } from '../helpers/pg.js';
import { builtin } from '../helpers/playbook.js';

const plain = new Chalk({ level: 0 });
const A = { contact_name: 'Li', contact_role: 'first_kp', contacts_known: 1, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'commander', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'board', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };

const STORES: { name: string; open: () => Promise<Store> }[] = [
  { name: 'SQLite', open: async () => openSqliteStore(':memory:') },
  { name: 'PostgreSQL', open: async () => pgStore(await freshDatabase()) },
];

afterEach(async () => {
  await closePgStores();
});

describe.each(STORES)('stats counts visits, not sessions: $name', ({ open }) => {
  it('a prep and a debrief of one day and person are one visit; a prep or a debrief alone is one; two people met on a day are two', async () => {
    const pb = builtin();
    const store = await open();
    const session = async (mode: 'prep' | 'debrief', account: string, date: string, answers: Record<string, unknown>) => {
      const result = evaluateSession(pb, { mode, answers: answers as never, visitDate: date, locale: 'en', account: { name: account } });
      await recordVisit(store, pb, account, result, { at: `${date}T${mode === 'prep' ? '08' : '18'}:00:00Z` });
    };
    // Gamma: Li on 11-03 (prep and debrief), then on 11-10 (debrief: no buying power, dropped to D): 2 visits
    await session('prep', 'Gamma', '2026-11-03', A);
    await session('debrief', 'Gamma', '2026-11-03', A);
    await session('debrief', 'Gamma', '2026-11-10', { ...A, buying_power: 'no' });
    // Acme: a prep alone (11-02); Li and Wu on 11-05 (two people); Li on 11-06, named "LI" at the prep
    // and " li " at the debrief (one person, as names are matched everywhere): 4 visits
    await session('prep', 'Acme', '2026-11-02', A);
    await session('debrief', 'Acme', '2026-11-05', A);
    await session('debrief', 'Acme', '2026-11-05', { ...A, contact_name: 'Wu', contact_role: 'second_kp', approval_layers: 'one' });
    await session('prep', 'Acme', '2026-11-06', { ...A, contact_name: 'LI' });
    await session('debrief', 'Acme', '2026-11-06', { ...A, contact_name: ' li ' });

    const playbooks = new Map([['abcd', pb]]);
    const rows = await store.statsHistory({ answers: answersNeeded(playbooks.values()) });
    expect(rows.flatMap((r) => r.visits)).toHaveLength(8);
    const stats = computeStats(rows, { today: '2026-11-30', playbooks });
    expect(stats.visits).toBe(6);
    expect(stats.habits.endedDropped).toMatchObject({ accounts: 1, visits: 2, hoursEstimate: 6 });
    // each visit read once for the first KP: six visits, five of them with Li (the first KP)
    expect(stats.habits.metFirstKp).toMatchObject({ k: 5, n: 6 });

    const text = renderStatsTerminal(statsView(stats, 'en'), plain, 100);
    expect(text).toContain('all history to 2026-11-30: 2 accounts, 6 visits');
    expect(text).toContain('1 account ended D: 2 visits, about 6 hours');
    await store.close();
  });
});
