/**
 * The store's side of stats: statsHistory and stepsDue return plain rows (what a PostgreSQL store
 * must return too), and the core computes from rows alone: no clock, the same rows the same numbers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordVisit } from '../../src/cli/record-visit.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { computeStats, computeWeeklyReport } from '../../src/stats/stats.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { closePgStores, freshDatabase, pgStore } from '../helpers/pg.js';
import { builtin } from '../helpers/playbook.js';

const A = { contact_name: 'Li', contact_role: 'first_kp', contacts_known: 1, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'commander', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'board', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };

/** The same tests on both stores: the embedded SQLite file and the team's PostgreSQL. */
const STORES: { name: string; open: () => Promise<Store> }[] = [
  { name: 'SQLite', open: async () => openSqliteStore(':memory:') },
  { name: 'PostgreSQL', open: async () => pgStore(await freshDatabase()) },
];

async function world(open: () => Promise<Store> = STORES[0].open) {
  const pb = builtin();
  const store = await open();
  const visit = async (account: string, date: string, answers: Record<string, unknown>) => {
    const result = evaluateSession(pb, { mode: 'debrief', answers: answers as never, visitDate: date, locale: 'en', account: { name: account } });
    await recordVisit(store, pb, account, result, { at: `${date}T18:00:00Z` });
  };
  return { pb, store, visit };
}

afterEach(async () => {
  vi.useRealTimers();
  await closePgStores();
});

describe.each(STORES)('Store.statsHistory: $name', ({ open }) => {
  it('returns each account with its class events and its visits, with only the answers asked for', async () => {
    const { store, visit } = await world(open);
    // recorded out of date order: the later visit first (a back-filled debrief)
    await visit('Acme', '2026-11-06', { ...A, signed: 'yes', not_signed_kind: undefined, not_signed_reason: undefined });
    await visit('Acme', '2026-11-02', A);
    await visit('Beta', '2026-11-03', { ...A, buying_power: 'no' });
    const rows = await store.statsHistory({ answers: ['asked_to_sign', 'contact_role', 'no_such_question'] });
    const acme = rows.find((r) => r.name === 'Acme');
    expect(acme).toMatchObject({ playbookId: 'abcd', class: 'A', signed: true, dropped: false, contacts: 1 });
    expect(acme?.visits.map((v) => v.date)).toEqual(['2026-11-02', '2026-11-06']);
    expect(acme?.visits[0]).toEqual({ date: '2026-11-02', mode: 'debrief', playbookId: 'abcd', person: 'Li', answers: { asked_to_sign: 'yes', contact_role: 'first_kp' } });
    expect(acme?.events.map((e) => [e.date, e.kind])).toEqual([
      ['2026-11-06', 'class-changed'],
      ['2026-11-06', 'signed'],
    ]);
    const beta = rows.find((r) => r.name === 'Beta');
    expect(beta?.dropped).toBe(true);
    expect(beta?.events.map((e) => e.kind)).toEqual(['class-changed', 'dropped']);
    // no answers asked for: none read; visits: false, no visit at all
    expect((await store.statsHistory({})).find((r) => r.name === 'Acme')?.visits[0].answers).toEqual({});
    expect((await store.statsHistory({ visits: false })).every((r) => r.visits.length === 0)).toBe(true);
    await store.close();
  });

  it('narrows to one account (named as everywhere) or to accounts visited since a day', async () => {
    const { store, visit } = await world(open);
    await visit('Acme Ltd', '2026-11-02', A);
    await visit('Beta', '2026-11-20', A);
    expect((await store.statsHistory({ account: '  acme   LTD ' })).map((r) => r.name)).toEqual(['Acme Ltd']);
    expect((await store.statsHistory({ since: '2026-11-10' })).map((r) => r.name)).toEqual(['Beta']);
    expect(await store.statsHistory({ account: 'Nobody' })).toEqual([]);
    await store.close();
  });

  it('stepsDue: open steps in [from, to], overdue ones too when from is absent', async () => {
    const { store, visit } = await world(open);
    await visit('Acme', '2026-11-02', A);
    const all = await store.openChecklist();
    const due = all.map((s) => s.due).sort();
    const window = await store.stepsDue({ from: due[1], to: due[due.length - 1] });
    expect(window.map((s) => s.due)).toEqual(due.slice(1));
    expect((await store.stepsDue({ to: due[0] })).map((s) => s.due)).toEqual(due.filter((d) => d <= due[0]));
    await store.close();
  });
});

describe('Store.statsHistory: visits saved before the habit answers were kept apart', () => {
  it('are read from their answers, in date order with the newer ones', async () => {
    const { store, visit } = await world();
    await visit('Acme', '2026-11-02', A);
    await visit('Acme', '2026-11-09', { ...A, asked_to_sign: 'no' });
    await visit('Acme', '2026-11-05', { ...A, contact_role: 'second_kp' });
    const ask = { answers: ['asked_to_sign', 'contact_role'] };
    const saved = await store.statsHistory(ask);
    expect(saved[0].visits.map((v) => v.date)).toEqual(['2026-11-02', '2026-11-05', '2026-11-09']);
    // the first and last as an older sales-coach saved them: the same rows come back
    const db = (store as unknown as { db: import('better-sqlite3').Database }).db;
    expect(db.prepare("UPDATE visits SET habit_answers = NULL WHERE date IN ('2026-11-02', '2026-11-09')").run().changes).toBe(2);
    expect(await store.statsHistory(ask)).toEqual(saved);
    expect(db.prepare('UPDATE visits SET habit_answers = NULL').run().changes).toBe(3);
    expect(await store.statsHistory(ask)).toEqual(saved);
    await store.close();
  });
});

describe('the stats core is pure', () => {
  it('reads no clock: the same rows and today give the same numbers whatever the time', async () => {
    const { pb, store, visit } = await world();
    await visit('Acme', '2026-11-02', A);
    const rows = await store.statsHistory({ answers: ['asked_to_sign', 'contact_role'] });
    const o = { today: '2026-11-30', playbooks: new Map([['abcd', pb]]), steps: await store.openChecklist() };
    const first = computeWeeklyReport(rows, o);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-01-01T00:00:00Z'));
    expect(computeWeeklyReport(rows, o)).toEqual(first);
    expect(computeStats(rows, o)).toEqual(computeStats(structuredClone(rows), o));
    await store.close();
  });
});
