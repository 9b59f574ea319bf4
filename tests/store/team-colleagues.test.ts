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
import { FileOutbox } from '../../src/cli/outbox.js';
import { recordVisit } from '../../src/cli/record-visit.js';
import { emptyAccount } from '../../src/engine/account.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { aDebriefAnswers } from '../helpers/answers.js';
import { runCli } from '../helpers/cli.js';
import { ADMIN_PASSWORD, adminSql, closePgStores, freshDatabase, roleName, serverUrl } from '../helpers/pg.js';
import { builtin } from '../helpers/playbook.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

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
const proxies: TcpProxy[] = [];
afterEach(async () => {
  await closePgStores();
  for (const p of proxies.splice(0)) await p.cut();
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

/** A team admin as the README recommends: a role that may create roles and owns its database, not a superuser. */
async function readmeAdmin(): Promise<{ admin: string; database: string }> {
  const adminRole = roleName('adm');
  const database = `sc_t_${roleName('db').replace(/^db_/, '')}`;
  await adminSql('postgres', `CREATE ROLE ${adminRole} LOGIN CREATEROLE PASSWORD '${PASSWORD}'`);
  await adminSql('postgres', `CREATE DATABASE ${database} OWNER ${adminRole}`);
  return { admin: adminRole, database };
}

function answersOf(name: string, change: (yaml: string) => string): string {
  const f = join(dir, name);
  writeFileSync(f, `mode: debrief\nanswers:\n${change(aDebriefAnswers('Li'))}`);
  return f;
}

describe('the smaller defects (issue 21)', () => {
  it("under the README's admin: team list counts each rep's accounts, the team line orders classes as the playbook, and a reserved name is a user error", async () => {
    const { admin: adm, database } = await readmeAdmin();
    const run = as(adm, PASSWORD, database);
    expect((await run(['team', 'init'])).code).toBe(0);
    for (const r of [rep1, rep2]) {
      const added = await run(['team', 'add', r, '--manager', boss, '--password-file', join(dir, 'pw.txt')]);
      expect([added.code, added.stderr]).toEqual([0, '']);
    }
    expect((await run(['team', 'add', boss, '--password-file', join(dir, 'pw.txt')])).code).toBe(0);
    const rep = (who: string) => as(who, PASSWORD, database);
    expect((await rep(rep1)(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', answersFile('a.yaml')])).code).toBe(0);
    expect((await rep(rep1)(['debrief', '--account', 'Dusty', '--date', '2026-11-20', '--answers', answersOf('d.yaml', (y) => y.replace('has_need: "yes"', 'has_need: "no"'))])).code).toBe(0);
    expect((await rep(rep2)(['debrief', '--account', 'Beta', '--date', '2026-11-20', '--answers', answersOf('b.yaml', (y) => y.replace('contact_role: first_kp', 'contact_role: second_kp\n  approval_layers: one'))])).code).toBe(0);

    const list = await run(['team', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toEqual(expect.arrayContaining([{ rep: rep1, manager: boss, accounts: 2 }, { rep: rep2, manager: boss, accounts: 1 }]));

    const review = await rep(boss)(['team', 'review', '--today', '2026-11-22']);
    expect(review.code, review.stderr).toBe(0);
    // the team's line: A, B, D (rep1's A and D, then rep2's B, once came out "A D B")
    expect(review.stdout.split('\n')[0]).toMatch(/ A 1 +B 1 +D 1$/);

    for (const name of ['none', 'current_role', 'public']) {
      const r = await run(['team', 'add', name]);
      expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('a name PostgreSQL or sales-coach keeps for itself')]);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it('team review --json and --csv are everything: the accounts that need no attention too', async () => {
    await setUpTeam();
    await as(rep1)(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', answersFile('a.yaml')]);
    await as(rep2)(['debrief', '--account', 'Beta', '--date', '2026-11-20', '--answers', answersFile('b.yaml', 'Wu')]);
    // on 22 November both A's are inside their window and have a next step: nothing needs attention
    const json = await as(boss)(['team', 'review', '--json', '--today', '2026-11-22']);
    const v = JSON.parse(json.stdout) as { reps: { rep: string; attention: unknown[]; accounts: { name: string }[] }[] };
    expect(v.reps.map((r) => [r.rep, r.attention.length, r.accounts.map((a) => a.name)])).toEqual([
      [rep1, 0, ['Acme']],
      [rep2, 0, ['Beta']],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    const csv = await as(boss)(['team', 'review', '--csv', '--today', '2026-11-22']);
    const lines = csv.stdout.trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(',')).sort()).toEqual([`${rep1},Acme`, `${rep2},Beta`].sort());
  });

  it("a removed rep's accounts go to a member of the team with team reassign, history and all", async () => {
    await setUpTeam();
    await as(rep2)(['debrief', '--account', 'Beta', '--date', '2026-11-20', '--answers', answersFile('b.yaml', 'Wu')]);
    await as(rep2)(['checklist', 'add', '--account', 'Beta', '--due', '2026-12-20', 'Send the quote']);
    await as(rep1)(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', answersFile('a.yaml')]);
    expect((await as(boss)(['account', 'challenge', 'Beta', '--rep', rep2, '--note', 'Why an A?', '--today', '2026-11-21'])).code).toBe(0);
    const removed = await admin()(['team', 'remove', rep2]);
    expect(removed.stdout).toContain(`sales-coach team reassign ${rep2} ROLE`);
    const unknown = await admin()(['team', 'reassign', rep2, 'nobody_here']);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('nobody_here is not in the team')]);
    const moved = await admin()(['team', 'reassign', rep2, rep1]);
    expect([moved.code, moved.stdout]).toEqual([0, expect.stringContaining(`Moved 1 account of ${rep2} to ${rep1}`)]);
    const accounts = JSON.parse((await as(rep1)(['accounts', '--json', '--today', '2026-11-22'])).stdout) as { accounts: { name: string }[] };
    expect(accounts.accounts.map((a) => a.name).sort()).toEqual(['Acme', 'Beta']);
    const shown = await as(rep1)(['account', 'show', 'Beta']);
    expect(shown.stdout).toContain('Send the quote');
    expect(shown.stdout.replace(/\s+/g, ' ')).toContain(`${boss} questioned the class A: Why an A?`);
    // the new owner works on it as on their own: a step closed, a session saved
    const steps = JSON.stringify(JSON.parse((await as(rep1)(['checklist', '--json'])).stdout));
    const id = Number(/"id":(\d+)[^}]*"text":"Send the quote"/.exec(steps)?.[1]);
    expect((await as(rep1)(['checklist', 'done', String(id)])).code).toBe(0);
    expect((await as(rep1)(['debrief', '--account', 'Beta', '--date', '2026-11-23', '--answers', answersFile('b2.yaml', 'Wu')])).code).toBe(0);
    // the team's manager sees it under rep1; rows of the tables row-level security holds were moved too
    expect((await as(boss)(['team', 'review', '--json', '--today', '2026-11-24'])).stdout).toContain('Beta');
    expect(await adminSql(db, 'SELECT count(*)::int AS n FROM sales_coach.visits WHERE owner = $1', [rep2])).toEqual([{ n: 0 }]);
    // a name taken on both sides is refused before anything moves
    expect((await admin()(['team', 'add', rep2, '--manager', boss])).code).toBe(0);
    expect((await as(rep2)(['debrief', '--account', 'Acme', '--date', '2026-11-24', '--answers', answersFile('a3.yaml')])).code).toBe(0);
    const clash = await admin()(['team', 'reassign', rep2, rep1]);
    expect([clash.code, clash.stderr]).toEqual([2, expect.stringContaining(`${rep1} already has an account of the same name: "Acme"; nothing was moved`)]);
    expect(await adminSql(db, 'SELECT count(*)::int AS n FROM sales_coach.accounts WHERE owner = $1', [rep2])).toEqual([{ n: 1 }]);
  });
});

describe('access per database (issue 21)', () => {
  it("a rep of team 1 cannot save into team 2's database, leaving team 2 keeps team 1, and team 2's admin adds people", async () => {
    // team 1: set up by the server's superuser; team 2: by its own admin, as the README says
    await setUpTeam();
    const { admin: adm2, database: db2 } = await readmeAdmin();
    const admin2 = as(adm2, PASSWORD, db2);
    expect((await admin2(['team', 'init'])).code).toBe(0);
    const carl = roleName('carl');
    const added = await admin2(['team', 'add', carl, '--password-file', join(dir, 'pw.txt')]);
    expect([added.code, added.stderr]).toEqual([0, '']);
    // rep1 is of team 1 only: team 2's tables are not theirs to read or write
    const intruder = await as(rep1, PASSWORD, db2)(['debrief', '--account', 'Planted', '--date', '2026-11-20', '--answers', answersFile('p.yaml')]);
    expect(intruder.code).toBe(2);
    expect(intruder.stderr).toMatch(/permission denied|not set up|refused/);
    await expect(rawAs(rep1, 'SELECT 1 FROM sales_coach.accounts', [], db2)).rejects.toThrow(/permission denied/);
    // rep2 joins team 2 too, then leaves it: team 1 is still theirs
    expect((await admin2(['team', 'add', rep2])).code).toBe(0);
    expect((await as(rep2, PASSWORD, db2)(['debrief', '--account', 'Two', '--date', '2026-11-20', '--answers', answersFile('t.yaml')])).code).toBe(0);
    expect((await admin2(['team', 'remove', rep2])).code).toBe(0);
    const stillTeam1 = await as(rep2)(['debrief', '--account', 'One', '--date', '2026-11-21', '--answers', answersFile('o.yaml')]);
    expect([stillTeam1.code, stillTeam1.stderr]).toEqual([0, expect.stringContaining('Saved to the account "One"')]);
    await expect(rawAs(rep2, 'SELECT 1 FROM sales_coach.accounts', [], db2)).rejects.toThrow(/permission denied/);
  });
});

describe('store push (issue 21)', () => {
  it('a second push never puts back what the team database moved on from: a step reopened there, a newer title there', async () => {
    await setUpTeam();
    const local = join(dir, 'local.db');
    const env = { HOME: join(dir, 'h'), XDG_DATA_HOME: join(dir, 'h', 'd'), SALES_COACH_DB: local, PGPASSWORD: PASSWORD };
    const laptop = (args: string[]) => runCli(args, { env });
    expect((await laptop(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', answersFile('a.yaml')])).code).toBe(0);
    expect((await laptop(['checklist', 'add', '--account', 'Acme', '--due', '2026-12-20', 'Send the quote'])).code).toBe(0);
    const localId = Number(/"id":(\d+)[^}]*"text":"Send the quote"/.exec(JSON.stringify(JSON.parse((await laptop(['checklist', '--json'])).stdout)))?.[1]);
    expect((await laptop(['checklist', 'done', String(localId)])).code).toBe(0);
    const { default: Database } = await import('better-sqlite3');
    const file = new Database(local);
    file.prepare("UPDATE contacts SET title = 'Buyer', planned_for = '2026-11-25' WHERE name = 'Li'").run();
    file.close();
    expect((await laptop(['store', 'push', '--to', serverUrl(rep1, db)])).code).toBe(0);

    // on the team database the rep reopens the step, and learns Li's new title and next meeting
    const [step] = await adminSql<{ id: number }>(db, "SELECT id FROM sales_coach.checklist_items WHERE text = 'Send the quote'");
    expect((await as(rep1)(['checklist', 'reopen', String(step.id)])).code).toBe(0);
    await rawAs(rep1, "UPDATE sales_coach.contacts SET title = 'CFO', planned_for = '2026-12-03' WHERE name = 'Li'");

    const again = await laptop(['store', 'push', '--to', serverUrl(rep1, db)]);
    expect([again.code, again.stdout]).toEqual([0, expect.stringContaining('Nothing to push')]);
    expect(await adminSql(db, "SELECT state FROM sales_coach.checklist_items WHERE text = 'Send the quote'")).toEqual([{ state: 'open' }]);
    expect(await adminSql(db, "SELECT title, planned_for FROM sales_coach.contacts WHERE name = 'Li'")).toEqual([{ title: 'CFO', planned_for: '2026-12-03' }]);
  });

  it('a damaged row on this machine is refused by name, and nothing is pushed', async () => {
    await setUpTeam();
    const local = join(dir, 'local.db');
    const env = { HOME: join(dir, 'h'), XDG_DATA_HOME: join(dir, 'h', 'd'), SALES_COACH_DB: local, PGPASSWORD: PASSWORD };
    await runCli(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', answersFile('a.yaml')], { env });
    await runCli(['debrief', '--account', 'Zeta', '--date', '2026-11-21', '--answers', answersFile('z.yaml', 'Wu')], { env });
    const { default: Database } = await import('better-sqlite3');
    const file = new Database(local);
    file.prepare("UPDATE accounts SET class_labels = '{broken' WHERE name = 'Zeta'").run();
    file.prepare("UPDATE visits SET result = '{}' WHERE account_id = (SELECT id FROM accounts WHERE name = 'Acme')").run();
    file.close();
    const push = await runCli(['store', 'push', '--to', serverUrl(rep1, db)], { env });
    expect(push.code).toBe(2);
    expect(push.stderr).toContain('the stored class of "Zeta" cannot be read');
    expect(push.stderr).toContain('the stored visit of 2026-11-20 to "Acme" cannot be read');
    expect(push.stderr).toContain('2 rows of');
    expect(push.stderr).toContain('nothing was pushed');
    expect(push.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(await adminSql(db, 'SELECT count(*)::int AS n FROM sales_coach.accounts')).toEqual([{ n: 0 }]);
  });
});

describe('the outbox (issue 21)', () => {
  const A = { contact_name: 'Li', contact_role: 'first_kp', contacts_known: 1, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', asked_to_sign: 'yes', signed: 'no', not_signed_reason: 'board', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };
  /** A visit to `account` kept on this machine because the server went away mid-session, through `url`. */
  async function keep(url: string, proxy: TcpProxy, outbox: FileOutbox, account: string, at: string): Promise<void> {
    const store = await openPostgresStore({ url, password: PASSWORD, outbox, connectTimeoutMs: 1000 });
    const pb = builtin();
    const result = evaluateSession(pb, { mode: 'debrief', answers: A, visitDate: '2026-11-20', locale: 'en', account: { name: account } });
    await proxy.cut();
    expect((await recordVisit(store, pb, account, result, { at, state: emptyAccount(account) })).pending).toBe(true);
    await store.close();
  }
  const names = async (user: string) => (await rawAs<{ name: string }>(user, 'SELECT name FROM sales_coach.accounts ORDER BY name')).map((r) => r.name);

  it('a kept visit names the server, database and role: sent through another address, never into the pipeline of another PGUSER', async () => {
    await setUpTeam();
    const proxy = new TcpProxy(inject('pgPort'));
    proxies.push(proxy);
    const port = await proxy.open();
    const outbox = new FileOutbox(join(dir, 'outbox'));
    const before = process.env.PGUSER;
    try {
      // the address names no user: the role is PGUSER's, as libpq takes it
      process.env.PGUSER = rep1;
      await keep(`postgres://127.0.0.1:${port}/${db}`, proxy, outbox, 'Acme', '2026-11-20T18:00:00Z');
      await proxy.open(port);
      process.env.PGUSER = rep2;
      const other = await openPostgresStore({ url: `postgres://127.0.0.1:${port}/${db}`, password: PASSWORD, outbox });
      expect((await other.flushOutbox()).sent).toBe(0);
      await other.close();
      expect(await names(rep2)).toEqual([]);
      // rep1 again, through another address of the same server (not the proxy it was kept through)
      process.env.PGUSER = rep1;
      const mine = await openPostgresStore({ url: `postgres://localhost:${inject('pgPort')}/${db}`, password: PASSWORD, outbox });
      expect((await mine.flushOutbox()).sent).toBe(1);
      expect((await mine.flushOutbox()).sent).toBe(0);
      await mine.close();
    } finally {
      if (before === undefined) delete process.env.PGUSER;
      else process.env.PGUSER = before;
    }
    expect(await names(rep1)).toEqual(['Acme']);
    expect(await rawAs(rep1, 'SELECT count(*)::int AS n FROM sales_coach.visits')).toEqual([{ n: 1 }]);
  });

  it('four commands flushing at once: each visit sent once, a damaged entry set aside with one line, no ENOENT', async () => {
    await setUpTeam();
    const proxy = new TcpProxy(inject('pgPort'));
    proxies.push(proxy);
    const port = await proxy.open();
    const dirOf = join(dir, 'outbox');
    const url = `postgres://${rep1}@127.0.0.1:${port}/${db}`;
    for (let i = 0; i < 4; i++) {
      await keep(url, proxy, new FileOutbox(dirOf), `Account ${i}`, `2026-11-20T18:00:0${i}Z`);
      await proxy.open(port);
    }
    writeFileSync(join(dirOf, '20261121T000000Z-journal_x.json'), 'null');
    const lines: string[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, async () => {
        const s = await openPostgresStore({ url, password: PASSWORD, outbox: new FileOutbox(dirOf, (l) => lines.push(l)) });
        try {
          return await s.flushOutbox();
        } finally {
          await s.close();
        }
      }),
    );
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const flushed = results.map((r) => (r as PromiseFulfilledResult<{ sent: number; refused: unknown[] }>).value);
    expect(flushed.reduce((n, f) => n + f.sent, 0)).toBe(4);
    expect(flushed.flatMap((f) => f.refused)).toEqual([]);
    expect(lines.filter((l) => l.includes('journal_x'))).toHaveLength(1);
    expect(await rawAs(rep1, 'SELECT count(*)::int AS n FROM sales_coach.visits')).toEqual([{ n: 4 }]);
  });
});

describe('upgrading a team database of schema 3 (issue 21)', () => {
  it('its reps move to the database\'s own rep role, keep their accounts, and a damaged row of before is kept and named', async () => {
    // a database as sales-coach left it at schema 3: the server-wide rep role, a rep, a damaged row
    await adminSql(db, `CREATE SCHEMA sales_coach; SET search_path = sales_coach; CREATE TABLE schema_version (version integer NOT NULL); ${PG_MIGRATIONS.slice(0, 3).join(';\n')}; INSERT INTO schema_version VALUES (3)`);
    await adminSql(db, `CREATE ROLE ${rep1} LOGIN PASSWORD '${PASSWORD}'; GRANT sales_coach_rep TO ${rep1}; CREATE ROLE ${boss} LOGIN PASSWORD '${PASSWORD}'; GRANT sales_coach_rep TO ${boss}`);
    await adminSql(db, "INSERT INTO sales_coach.team_members (rep, manager, added_at) VALUES ($1, $2, 'x'), ($2, NULL, 'x')", [rep1, boss]);
    await rawAs(rep1, "INSERT INTO sales_coach.accounts (name, name_key, created_at, class, class_labels) VALUES ('Old', 'old', 'x', 'A', '{broken')");
    // the admin's next command upgrades it
    expect((await admin()(['team', 'list'])).code).toBe(0);
    expect(await adminSql(db, 'SELECT version FROM sales_coach.schema_version')).toEqual([{ version: PG_SCHEMA_VERSION }]);
    const [{ r }] = await adminSql<{ r: string }>(db, 'SELECT sales_coach.rep_role() AS r');
    expect(r).toBe(`sales_coach_rep_${db}`);
    expect(await adminSql(db, 'SELECT pg_has_role($1, $2, $3) AS m', [rep1, r, 'MEMBER'])).toEqual([{ m: true }]);
    // the rep works on as before, the damaged row is still there, and the manager's review names it
    const saved = await as(rep1)(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', answersFile('a.yaml')]);
    expect([saved.code, saved.stderr]).toEqual([0, expect.stringContaining('Saved to the account "Acme"')]);
    const review = await as(boss)(['team', 'review', '--today', '2026-12-05']);
    expect([review.code, review.stderr]).toEqual([0, expect.stringContaining(`left out ${rep1}'s class of "Old"`)]);
    // the server-wide role of before holds no right here any more
    expect(await adminSql(db, "SELECT has_schema_privilege('sales_coach_rep', 'sales_coach', 'USAGE') AS u")).toEqual([{ u: false }]);
  });
});

describe("the forecast's kept cases on the team database (migration 18)", () => {
  it('follow each rep’s own saves, are read by the rep and their manager alone, and a rep writes none for another', async () => {
    await setUpTeam();
    await as(rep1)(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', answersFile('a.yaml')]);
    await as(rep1)(['debrief', '--account', 'Gamma', '--date', '2026-11-21', '--answers', answersFile('g.yaml', 'Zhou')]);
    await as(rep2)(['debrief', '--account', 'Beta', '--date', '2026-11-22', '--answers', answersFile('b.yaml', 'Wu')]);
    const cases = (user: string) => rawAs<{ owner: string; n: number }>(user, 'SELECT owner, count(*)::int AS n FROM sales_coach.class_cases GROUP BY owner ORDER BY owner');
    // each debrief gave its account a class A: one case each, kept as the rep saved it
    expect(await cases(rep1)).toEqual([{ owner: rep1, n: 2 }]);
    expect(await cases(rep2)).toEqual([{ owner: rep2, n: 1 }]);
    expect(await cases(boss)).toEqual([
      { owner: rep1, n: 2 },
      { owner: rep2, n: 1 },
    ].sort((x, y) => (x.owner < y.owner ? -1 : 1)));
    await expect(rawAs(rep2, `INSERT INTO sales_coach.class_cases (owner, account_id, pos, date, cls) SELECT '${rep1}', id, 9, '2026-11-20', 'A' FROM sales_coach.accounts WHERE name = 'Beta'`)).rejects.toThrow(/row-level security/);
    await expect(rawAs(rep2, `DELETE FROM sales_coach.class_cases WHERE owner = '${rep1}' RETURNING 1`)).resolves.toEqual([]);
    // a merge moves Gamma's events to Acme, and its case with them, as the rep made it
    expect((await as(rep1)(['account', 'merge', 'Gamma', 'Acme'])).code).toBe(0);
    expect(await rawAs(boss, 'SELECT a.name, count(*)::int AS n FROM sales_coach.class_cases c JOIN sales_coach.accounts a ON a.id = c.account_id GROUP BY a.name ORDER BY a.name')).toEqual([
      { name: 'Acme', n: 2 },
      { name: 'Beta', n: 1 },
    ]);
  });
});
