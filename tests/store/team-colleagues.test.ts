/**
 * Issue 21, "nothing a rep does can break a colleague or the team": the defects left after the first
 * round, each tried as the user meets it (the CLI) and as a rep attacks it (raw SQL with the rep's
 * own credentials), on the run's real PostgreSQL server.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { aDebriefAnswers } from '../helpers/answers.js';
import { runCli } from '../helpers/cli.js';
import { ADMIN_PASSWORD, adminSql, closePgStores, freshDatabase, roleName, serverUrl } from '../helpers/pg.js';

const PASSWORD = 'rep-secret-Ω-2';
let dir: string;
let db: string;
let rep1: string;
let rep2: string;
let boss: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sc-team21-'));
  db = await freshDatabase();
  [rep1, rep2, boss] = [roleName('alice'), roleName('bob'), roleName('carol')];
  writeFileSync(join(dir, 'pw.txt'), `${PASSWORD}\n`, { mode: 0o600 });
});
afterEach(async () => {
  await closePgStores();
});

/** The CLI as `user` on `database` (the password given as PGPASSWORD, as a user would). */
function as(user: string, password = user === 'sc_admin' ? ADMIN_PASSWORD : PASSWORD, database = db) {
  const home = join(dir, `home-${user}`);
  return (args: string[], extra: Record<string, string> = {}) =>
    runCli(args, { env: { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), SALES_COACH_DB: serverUrl(user, database), PGPASSWORD: password, ...extra } });
}
const admin = (database = db) => as('sc_admin', ADMIN_PASSWORD, database);

function answersFile(name: string, contact = 'Li'): string {
  const f = join(dir, name);
  writeFileSync(f, `mode: debrief\nanswers:\n${aDebriefAnswers(contact)}`);
  return f;
}

async function setUpTeam(): Promise<void> {
  expect((await admin()(['team', 'init'])).code).toBe(0);
  for (const r of [rep1, rep2]) expect((await admin()(['team', 'add', r, '--manager', boss, '--password-file', join(dir, 'pw.txt')])).code).toBe(0);
  expect((await admin()(['team', 'add', boss, '--password-file', join(dir, 'pw.txt')])).code).toBe(0);
}

async function rawAs<T = Record<string, unknown>>(user: string, sql: string, params: unknown[] = [], database = db): Promise<T[]> {
  const c = new pg.Client({ host: '127.0.0.1', port: inject('pgPort'), user, database, password: PASSWORD });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

describe('a damaged row (issue 21)', () => {
  it('a rep cannot write a row the program cannot read, on their own account: the database refuses it', async () => {
    await setUpTeam();
    await as(rep1)(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', answersFile('a.yaml')]);
    const acme = "(SELECT id FROM sales_coach.accounts WHERE name = 'Acme')";
    const refused = [
      [`INSERT INTO sales_coach.account_events (account_id, date, kind, data, at) SELECT ${acme}, '2026-11-21', 'class-changed', '{broken', 'x'`, /events_readable/],
      [`INSERT INTO sales_coach.account_events (account_id, date, kind, data, at) SELECT ${acme}, '2026-11-21', 'class-changed', '{"to":"A"}', 'x'`, /events_readable/],
      [`INSERT INTO sales_coach.account_events (account_id, date, kind, data, at) SELECT ${acme}, '2026-11-21', 'made-up', '{}', 'x'`, /events_readable/],
      [`UPDATE sales_coach.accounts SET class_labels = '{"en": 1}' WHERE name = 'Acme'`, /accounts_readable/],
      [`UPDATE sales_coach.accounts SET facts = 'not json' WHERE name = 'Acme'`, /accounts_readable/],
      [`UPDATE sales_coach.contacts SET facts = '[1]'`, /contacts_readable/],
      [`INSERT INTO sales_coach.visits (account_id, mode, date, playbook_id, playbook_hash, answers, result, created_at) SELECT ${acme}, 'prep', '2026-11-21', 'abcd', 'h', '{}', '{}', 'x'`, /visits_readable/],
    ] as const;
    for (const [sql, constraint] of refused) await expect(rawAs(rep1, sql), sql).rejects.toThrow(constraint);
    // what sales-coach itself writes passes: a second session, a step closed, a manager's note
    expect((await as(rep1)(['debrief', '--account', 'Acme', '--date', '2026-11-22', '--answers', answersFile('a2.yaml')])).code).toBe(0);
    expect((await as(boss)(['account', 'challenge', 'Acme', '--rep', rep1, '--note', 'Why an A?', '--today', '2026-11-23'])).code).toBe(0);
    expect((await as(rep1)(['account', 'show', 'Acme'])).code).toBe(0);
  });

  it("one unreadable row written before the check is named and left out of the manager's review and report, not the team's", async () => {
    await setUpTeam();
    await as(rep1)(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', answersFile('a.yaml')]);
    await as(rep1)(['debrief', '--account', 'Gamma', '--date', '2026-11-21', '--answers', answersFile('g.yaml', 'Zhou')]);
    await as(rep2)(['debrief', '--account', 'Beta', '--date', '2026-11-22', '--answers', answersFile('b.yaml', 'Wu')]);
    // as a database of schema 3 let it be written (the rep's own rows, the rep's own credentials)
    await adminSql(db, 'ALTER TABLE sales_coach.accounts DROP CONSTRAINT IF EXISTS accounts_readable; ALTER TABLE sales_coach.account_events DROP CONSTRAINT IF EXISTS events_readable');
    await rawAs(rep1, `UPDATE sales_coach.accounts SET class_labels = '{"en":1}' WHERE name = 'Gamma'`);
    await rawAs(rep1, "INSERT INTO sales_coach.account_events (account_id, date, kind, data, at) SELECT id, '2026-11-23', 'class-changed', '{broken', 'x' FROM sales_coach.accounts WHERE name = 'Acme'");

    const review = await as(boss)(['team', 'review', '--today', '2026-12-05', '--since', '2026-11-01']);
    // one line per damaged row, and the rest of the team's review
    expect(review.code).toBe(0);
    expect(review.stderr.split('\n').filter(Boolean)).toEqual(
      expect.arrayContaining([expect.stringContaining(`left out ${rep1}'s class of "Gamma": it cannot be read`), expect.stringContaining(`left out ${rep1}'s history of "Acme": it cannot be read`)]),
    );
    expect(review.stderr.split('\n').filter(Boolean)).toHaveLength(2);
    expect(review.stdout).toContain(`${rep2}: 1 account`);
    expect(review.stdout).toContain('Acme');
    expect(review.stdout).not.toContain('internal error');
    const json = await as(boss)(['team', 'review', '--json', '--today', '2026-12-05']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { reps: { rep: string }[] }).reps.map((r) => r.rep)).toEqual([rep1, rep2].sort());

    const out = join(dir, 'team.html');
    const report = await as(boss)(['report', '--team', '--out', out, '--today', '2026-11-24']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toContain(`left out ${rep1}'s class of "Gamma"`);
    expect(report.stderr).toContain(`left out ${rep1}'s history of "Acme"`);
    expect(readFileSync(out, 'utf8')).toContain(`Beta (${rep2})`);
  });
});
