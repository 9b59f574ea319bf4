/**
 * The review's totals kept by the database (issue 21: SQLite migration 11, PostgreSQL 10). `accounts`
 * reads its header (the groups, their counts, the flag totals) from them instead of counting every
 * account; after every kind of change they must say what the accounts themselves say. The accounts'
 * own flags (computed row by row by the review's query) are the reference here.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { recordVisit } from '../../src/cli/record-visit.js';
import type { Answers } from '../../src/engine/answers.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { PIPELINE_FLAGS, type Pipeline, type Store, type TeamStore } from '../../src/store/types.js';
import { freshDatabase, pgStore, roleName } from '../helpers/pg.js';
import { builtin } from '../helpers/playbook.js';
import { BOTH_STORES, closeAfterTest, closeStoresAfterEach } from '../helpers/stores.js';

closeStoresAfterEach();

const A: Answers = { contact_name: 'Li', contact_role: 'first_kp', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', asked_to_sign: 'yes', signed: 'no', not_signed_reason: 'board', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };
function save(s: Store, account: string, answers: Answers, date = '2026-11-20') {
  const pb = builtin();
  const result = evaluateSession(pb, { mode: 'debrief', answers, visitDate: date, locale: 'en', account: { name: account } });
  return recordVisit(s, pb, account, result, { at: `${date}T18:00:00Z` });
}
async function* stream<T>(rows: T[]): AsyncGenerator<T> {
  for (const r of rows) yield r;
}

/** The review's header as the accounts themselves give it: every row (no limit) with its own flags. */
function countedFromRows(p: Pipeline) {
  const groups = new Map<string, number>();
  for (const r of p.rows) {
    const key = r.signed ? 'signed' : (r.class ?? r.classStatus ?? 'new');
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return {
    total: p.rows.length,
    groups: Object.fromEntries(groups),
    flagCounts: Object.fromEntries(PIPELINE_FLAGS.map((f) => [f, p.rows.filter((r) => r.flags.includes(f)).length])),
  };
}

/** The header the review shows, read from the kept totals, against the accounts' rows; returns it. */
async function header(s: Store, today: string) {
  const p = await s.pipeline({ today });
  const shown = { total: p.total, groups: Object.fromEntries(p.groups.map((g) => [g.key, g.count])), flagCounts: p.flagCounts };
  expect(shown).toEqual(countedFromRows(p));
  return shown;
}

describe.each(BOTH_STORES)("the review's kept totals: $name", (impl) => {
  it('agree with the accounts after saves, a reclassification, signing, dropping, steps, an import, rename, merge and delete', async () => {
    const s = await impl.open();
    await save(s, 'Acme', A, '2026-11-01');
    await save(s, 'Beta', A, '2026-11-02');
    await save(s, 'Gamma', { ...A, has_need: 'unknown' }, '2026-11-03');
    expect(await header(s, '2026-11-05')).toMatchObject({ total: 3, groups: { A: 2, provisional: 1 } });
    // the window flag is counted up to the review's day: none yet on the 5th, both A accounts after their deadline
    const late = await header(s, '2026-12-31');
    expect(late.flagCounts.window).toBe(2);
    expect((await header(s, '2026-11-05')).flagCounts.window).toBe(0);

    await save(s, 'Gamma', A, '2026-11-10'); // reclassified: provisional -> A
    expect(await header(s, '2026-11-20')).toMatchObject({ groups: { A: 3 } });
    await save(s, 'Beta', { ...A, signed: 'yes' }, '2026-11-11');
    await save(s, 'Acme', { ...A, buying_power: 'no' }, '2026-11-12'); // D, dropped
    expect(await header(s, '2026-11-20')).toMatchObject({ total: 3, groups: { A: 1, D: 1, signed: 1 } });

    // steps move the account's next step and its count of open ones
    const step = await s.addChecklistItem('Gamma', 'Send the quote', '2026-11-15', '2026-11-13T09:00:00Z', '2026-11-13');
    const before = await header(s, '2026-11-20');
    await s.setChecklistState(step.id, 'done', '2026-11-14T09:00:00Z', '2026-11-14');
    for (const open of (await s.openChecklist('Gamma')).map((r) => r.id)) await s.setChecklistState(open, 'done', '2026-11-14T09:00:00Z', '2026-11-14');
    const after = await header(s, '2026-11-20');
    expect(after.flagCounts.no_next).toBe(before.flagCounts.no_next + 1);

    await s.importRows(stream([{ line: 2, account: 'Nova' }, { line: 3, account: 'Omega' }]), { at: '2026-11-15T00:00:00Z' });
    expect(await header(s, '2026-11-20')).toMatchObject({ total: 5, groups: { new: 2 } });
    await s.renameAccount('Nova', 'Nova Group');
    await s.mergeAccounts('Omega', 'Gamma');
    expect(await header(s, '2026-11-20')).toMatchObject({ total: 4, groups: { A: 1, D: 1, signed: 1, new: 1 } });
    await s.deleteAccount('Acme');
    await s.deleteAccount('Nova Group');
    expect(await header(s, '2026-11-20')).toMatchObject({ total: 2, groups: { A: 1, signed: 1 } });
    for (const name of ['Gamma', 'Beta']) await s.deleteAccount(name);
    expect(await header(s, '2026-11-20')).toEqual({ total: 0, groups: {}, flagCounts: Object.fromEntries(PIPELINE_FLAGS.map((f) => [f, 0])) });
  });
});

describe('the kept totals of an older embedded database', () => {
  it('are counted from its accounts as it upgrades (a database of version 10)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sc-counts-')), 'coach.db');
    const s = openSqliteStore(path);
    await save(s, 'Acme', A, '2026-11-01');
    await save(s, 'Gamma', { ...A, has_need: 'unknown' }, '2026-11-03');
    await s.importRows(stream([{ line: 2, account: 'Nova' }]), { at: '2026-11-15T00:00:00Z' });
    const expected = await header(s, '2026-11-20');
    await s.close();
    // back to version 10: the tables and triggers of 11 gone (and the columns of 12 and 13, the index of 14,
    // the deal's columns and index of 15, the forecasts of 16, the classes' cases of 17), as an older sales-coach left the file
    const raw = new Database(path);
    for (const t of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]) raw.exec(`DROP TRIGGER ${t}`);
    raw.exec('DROP INDEX accounts_next_until; ALTER TABLE accounts DROP COLUMN after_due; ALTER TABLE accounts DROP COLUMN after_until; DROP TABLE account_counts; DROP TABLE account_dates; ALTER TABLE checklist_items DROP COLUMN lives_until; ALTER TABLE accounts DROP COLUMN next_until; DROP INDEX accounts_amount; ALTER TABLE accounts DROP COLUMN amount; ALTER TABLE accounts DROP COLUMN currency; ALTER TABLE accounts DROP COLUMN close_date; DROP TABLE forecast_snapshots; DROP TABLE class_cases;');
    raw.pragma('user_version = 10');
    raw.close();
    const upgraded = openSqliteStore(path);
    closeAfterTest(upgraded);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(await header(upgraded, '2026-11-20')).toEqual(expected);
  });
});

describe('the kept totals on the team database', () => {
  const PASSWORD = 'rep-counts-pw';
  async function team() {
    const db = await freshDatabase();
    const admin = await pgStore(db);
    const [rep1, rep2, boss] = [roleName('ann'), roleName('ben'), roleName('cat')];
    for (const r of [rep1, rep2]) await admin.addMember(r, { manager: boss, password: PASSWORD, at: '2026-11-01T00:00:00Z' });
    await admin.addMember(boss, { password: PASSWORD, at: '2026-11-01T00:00:00Z' });
    return { db, admin, rep1, rep2, boss };
  }
  async function raw(db: string, user: string, text: string): Promise<{ rows: Record<string, unknown>[] } | { code: string }> {
    const c = new pg.Client({ host: '127.0.0.1', port: inject('pgPort'), user, database: db, password: PASSWORD });
    await c.connect();
    try {
      return { rows: (await c.query(text)).rows };
    } catch (err) {
      return { code: (err as { code: string }).code };
    } finally {
      await c.end();
    }
  }

  it("a rep's review counts their own accounts only; a push counts the pushed ones, a reassignment moves them", async () => {
    const { db, admin, rep1, rep2 } = await team();
    const one = await pgStore(db, rep1, PASSWORD);
    const two = await pgStore(db, rep2, PASSWORD);
    await save(one, 'Acme', A, '2026-11-01');
    await save(two, 'Beta', A, '2026-11-02');
    await save(two, 'Gamma', { ...A, has_need: 'unknown' }, '2026-11-03');
    expect(await header(one, '2026-11-20')).toMatchObject({ total: 1, groups: { A: 1 } });
    expect(await header(two, '2026-11-20')).toMatchObject({ total: 2, groups: { A: 1, provisional: 1 } });
    const laptop = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'sc-counts-')), 'coach.db'));
    closeAfterTest(laptop);
    await save(laptop, 'Delta', { ...A, signed: 'yes' }, '2026-11-04');
    await save(laptop, 'Acme', { ...A, buying_power: 'no' }, '2026-11-05');
    await one.receive(await laptop.rawHistory());
    expect(await header(one, '2026-11-20')).toMatchObject({ total: 2, groups: { signed: 1 } });
    expect(await header(two, '2026-11-20')).toMatchObject({ total: 2 });
    await admin.reassign(rep2, rep1);
    expect(await header(one, '2026-11-20')).toMatchObject({ total: 4, groups: { A: 1, provisional: 1, signed: 1, D: 1 } });
    expect(await header(two, '2026-11-20')).toMatchObject({ total: 0, groups: {} });
  });

  /** Team review's header per rep, read from the kept totals, against every account's own flags (everyAccount). */
  async function teamHeader(boss: TeamStore, reps: string[], today: string) {
    const kept = await boss.teamReview(reps, today, today, 1);
    const rows = await boss.teamReview(reps, today, today, undefined, { everyAccount: true });
    const ATTENTION = ['window', 'provisional', 'overdue', 'no_next'];
    const out: Record<string, unknown> = {};
    for (const rep of reps) {
      const mine = rows.attention.filter((a) => a.rep === rep).map((a) => a.row);
      const counted = countedFromRows({ rows: mine, groups: [], total: mine.length, flagCounts: {} as Pipeline['flagCounts'] });
      const groups = kept.groups.filter((g) => g.rep === rep);
      const byKey: Record<string, number> = {};
      for (const g of groups) byKey[g.key] = (byKey[g.key] ?? 0) + g.count;
      const flagCounts = Object.fromEntries(PIPELINE_FLAGS.map((f) => [f, groups.reduce((n, g) => n + g.flagCounts[f], 0) + (kept.repFlags?.[rep]?.[f] ?? 0)]));
      const attention = kept.attention.find((a) => a.rep === rep)?.total ?? 0;
      expect({ total: groups.reduce((n, g) => n + g.count, 0), groups: byKey, flagCounts, attention }).toEqual({ ...counted, attention: mine.filter((r) => r.flags.some((f) => ATTENTION.includes(f))).length });
      out[rep] = { ...counted, attention };
    }
    return out;
  }

  it("team review reads each rep's kept totals, the accounts needing attention counted up to the review's day", async () => {
    const { db, rep1, rep2, boss } = await team();
    const one = await pgStore(db, rep1, PASSWORD);
    const two = await pgStore(db, rep2, PASSWORD);
    const manager = await pgStore(db, boss, PASSWORD);
    await save(one, 'Acme', A, '2026-11-01');
    await save(one, 'Beta', { ...A, has_need: 'unknown' }, '2026-11-02'); // provisional
    await save(two, 'Gamma', A, '2026-11-03');
    await save(two, 'Delta', { ...A, signed: 'yes' }, '2026-11-04');
    await save(two, 'Epsilon', { ...A, buying_power: 'no' }, '2026-11-05'); // D, dropped
    const days = ['2026-11-02', '2026-11-06', '2026-11-20', '2026-12-31', '2027-06-01'];
    const seen = [];
    for (const d of days) seen.push(await teamHeader(manager, [rep1, rep2], d));
    // the attention count moves with the day: the steps fall due, then the windows end
    expect(new Set(seen.map((x) => JSON.stringify(x))).size).toBeGreaterThan(2);
    // steps closed, added, an account with no next step; signed, reclassified, deleted
    for (const open of (await one.openChecklist('Acme')).map((r) => r.id)) await one.setChecklistState(open, 'done', '2026-11-14T09:00:00Z', '2026-11-14');
    await two.addChecklistItem('Gamma', 'Send the quote', '2027-01-15', '2026-11-13T09:00:00Z', '2026-11-13');
    await save(one, 'Beta', A, '2026-11-15');
    await save(two, 'Gamma', { ...A, signed: 'yes' }, '2026-11-16');
    await two.deleteAccount('Epsilon');
    for (const d of days) await teamHeader(manager, [rep1, rep2], d);
    expect((await teamHeader(manager, [rep1, rep2], '2026-11-20'))[rep1]).toMatchObject({ total: 2, flagCounts: { no_next: 1 } });
  });

  it('team review puts right an account whose kept next step has lapsed: overdue and needing attention only if a live step is', async () => {
    const { db, rep1, boss } = await team();
    const one = await pgStore(db, rep1, PASSWORD);
    const manager = await pgStore(db, boss, PASSWORD);
    // a second KP's debrief of 2 Dec that books 3 Dec: "confirm the meeting of Thu 3 Dec" lives until then
    await save(one, 'Lapse Co', { contact_name: 'Li', contact_role: 'second_kp', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'no', next_meeting: '2026-12-03' }, '2026-12-02');
    const steps = await one.openChecklist('Lapse Co');
    const lapsing = steps.find((x) => x.until === '2026-12-03');
    expect(lapsing).toBeDefined();
    // every other step due that day is done: on the 5th only the lapsed step is past its day
    for (const x of steps) if (x.id !== lapsing?.id && x.due <= '2026-12-05') await one.setChecklistState(x.id, 'done', '2026-12-03T18:00:00Z', '2026-12-03');
    const on5 = await teamHeader(manager, [rep1], '2026-12-05');
    expect(on5[rep1]).toMatchObject({ flagCounts: { overdue: 0 }, attention: 0 });
    // the rep's own review says the same
    expect((await header(one, '2026-12-05')).flagCounts.overdue).toBe(0);
    // a step added for later: once it is past its day the account is overdue and needs attention again
    await one.addChecklistItem('Lapse Co', 'Send the quote', '2027-01-15', '2026-12-05T09:00:00Z', '2026-12-05');
    expect((await teamHeader(manager, [rep1], '2027-01-20'))[rep1]).toMatchObject({ flagCounts: { overdue: 1 }, attention: 1 });
  });

  it('team review --limit shows the first accounts of the full list, in the order of its screen (the signed last)', async () => {
    const { db, rep1, boss } = await team();
    const one = await pgStore(db, rep1, PASSWORD);
    const manager = await pgStore(db, boss, PASSWORD);
    // an A signed on the 2nd (its next steps overdue by the 20th), and an A of the 3rd past its window
    await save(one, 'Aardvark Won', A, '2026-11-01');
    await save(one, 'Aardvark Won', { ...A, signed: 'yes' }, '2026-11-02');
    await save(one, 'Zebra Late', A, '2026-11-03');
    await save(one, 'Middle Prov', { ...A, has_need: 'unknown' }, '2026-11-04');
    const full = (await manager.teamReview([rep1], '2026-11-20', '2026-11-20')).attention.map((a) => a.row.name);
    expect(full).toEqual(['Zebra Late', 'Middle Prov', 'Aardvark Won']);
    for (const n of [1, 2]) expect((await manager.teamReview([rep1], '2026-11-20', '2026-11-20', n)).attention.map((a) => a.row.name)).toEqual(full.slice(0, n));
  });

  it("a rep cannot write the kept totals nor read a colleague's; their manager reads their reps'", async () => {
    const { db, rep1, rep2, boss } = await team();
    await save(await pgStore(db, rep1, PASSWORD), 'Acme', A, '2026-11-01');
    await save(await pgStore(db, rep2, PASSWORD), 'Beta', A, '2026-11-02');
    for (const t of ['account_counts', 'account_dates']) {
      expect(await raw(db, rep1, `SELECT DISTINCT owner FROM sales_coach.${t}`)).toEqual({ rows: [{ owner: rep1 }] });
      expect(await raw(db, rep2, `SELECT DISTINCT owner FROM sales_coach.${t}`)).toEqual({ rows: [{ owner: rep2 }] });
      expect(await raw(db, boss, `SELECT DISTINCT owner FROM sales_coach.${t} ORDER BY owner`)).toEqual({ rows: [rep1, rep2].sort().map((owner) => ({ owner })) });
      expect(await raw(db, rep1, `UPDATE sales_coach.${t} SET n = n + 100`)).toEqual({ code: '42501' });
      expect(await raw(db, rep1, `DELETE FROM sales_coach.${t}`)).toEqual({ code: '42501' });
      expect(await raw(db, rep1, `BEGIN; LOCK TABLE sales_coach.${t} IN ACCESS EXCLUSIVE MODE; COMMIT`)).toEqual({ code: '42501' });
    }
    expect(await raw(db, rep1, `INSERT INTO sales_coach.account_counts (owner, k, dropped, signed, n, provisional, no_next, one_contact) VALUES (current_user, 'x', 0, 0, 5, 0, 0, 0)`)).toEqual({ code: '42501' });
    expect(await raw(db, rep1, `INSERT INTO sales_coach.account_dates (owner, kind, date, n) VALUES (current_user, 'due', '2026-01-01', 5)`)).toEqual({ code: '42501' });
    // team review's own (migration 13): the accounts needing attention, by day and whatever the day
    expect(await raw(db, rep1, `INSERT INTO sales_coach.account_dates (owner, kind, date, n) VALUES (current_user, 'attention', '2026-01-01', 5)`)).toEqual({ code: '42501' });
    expect(await raw(db, rep1, 'UPDATE sales_coach.account_counts SET attention = attention + 5')).toEqual({ code: '42501' });
    expect(await raw(db, rep2, "SELECT owner FROM sales_coach.account_dates WHERE kind = 'attention' AND owner <> current_user")).toEqual({ rows: [] });
    const attention = (await raw(db, boss, "SELECT DISTINCT owner FROM sales_coach.account_dates WHERE kind = 'attention' ORDER BY owner")) as { rows: { owner: string }[] };
    expect(attention.rows.map((r) => r.owner)).toEqual([rep1, rep2].sort());
    expect(await raw(db, rep1, 'SELECT sales_coach.count_accounts()')).toMatchObject({ code: expect.stringMatching(/^(42501|0A000)$/) });
    // nothing a rep tried changed what the review says
    expect(await header(await pgStore(db, rep1, PASSWORD), '2026-11-20')).toMatchObject({ total: 1, groups: { A: 1 } });
  });
});
