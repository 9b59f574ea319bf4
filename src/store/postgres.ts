/**
 * The team store: a PostgreSQL database that a whole team shares, one database role per rep. The
 * same contract as the embedded store (types.ts), the same columns (shape.ts), and the same rules:
 * none, the engine decides. What is PostgreSQL's own: every row has an owner (the rep's role), and
 * the database itself (row-level security, pg-migrations.ts) lets a rep see and change only their
 * rows and a manager read their team's. The only file besides sqlite.ts that speaks SQL.
 */
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';
import { type AccountState, nameKey } from '../engine/account.js';
import { type ContactDbRow, planContactMerge } from './merge-contacts.js';
import { latestNotUndoneAsync, undoMark } from './undo.js';
import { PG_MIGRATIONS, PG_SCHEMA, PG_SCHEMA_VERSION, REP_ROLE } from './migrations.js';
import { readLabels } from './rows.js';
import { type AccountDb, accountRow, type RawHistory, CHECKLIST_SELECT, type ChecklistDb, checklistRow, contactOf, EVENT_SELECT, type EventDb, eventData, foldGroups, accountStateOf, StatsRows, storedEvent, type VisitDb, visitRow } from './shape.js';
import {
  type AccountRow,
  type AccountTimeline,
  type ChecklistRow,
  type Contact,
  type ImportCounts,
  type ImportOptions,
  type ImportRow,
  PIPELINE_FLAGS,
  type Pipeline,
  type PipelineFlag,
  type PipelineGroup,
  type PipelineQuery,
  type SavedVisit,
  type SaveVisit,
  type Store,
  type StoredAccountEvent,
  type StatsAccount,
  type StatsQuery,
  type StepsDueQuery,
  type StoredEvent,
  StoreError,
} from './types.js';
import type { Mode } from '../playbook/types.js';

export interface PgOptions {
  /** postgres://user@host:port/database (no password: it comes from `password`). */
  url: string;
  password?: string;
  /** How long to wait for the server to answer a connection (the issue: a clear error within 5 s). */
  connectTimeoutMs?: number;
  /** No statement may run longer than this (a stuck lock never hangs a rep's terminal). */
  statementTimeoutMs?: number;
  /** Where a visit goes when the server cannot be reached at the end of a session. */
  outbox?: VisitOutbox;
}

/** The local journal of visits waiting for the team database (cli/outbox.ts keeps it in files). */
export type KeptVisit = SaveVisit & { origin: string; /** The database and role it is for (user@host:port/db). */ target: string };
export interface VisitOutbox {
  put(visit: KeptVisit): void;
  list(): { id: string; visit: KeptVisit }[];
  remove(id: string): void;
  /** Moves a visit the database refused out of the way; where it now is. */
  setAside(id: string): string;
}

/** The server's address as it may be shown: never the password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'the team database';
  }
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

/** Whether an error means the server could not be reached or went away (so a visit is kept for later). */
export function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  const msg = err instanceof Error ? err.message : '';
  return CONNECTION_CODES.has(code) || /Connection terminated|connection timeout|timeout expired|Client has encountered a connection error|not queryable/i.test(msg);
}

/** The server could not be reached or went away: a visit is kept for later rather than lost. */
class Unreachable extends StoreError {}
const unreachable = (err: unknown): boolean => err instanceof Unreachable || isConnectionError(err);

function describePgError(err: unknown, where: string): StoreError | undefined {
  if (err instanceof StoreError) return err;
  const code = (err as { code?: string }).code ?? '';
  const msg = err instanceof Error ? err.message : String(err);
  if (/client password must be a string/.test(msg)) return new StoreError(`the team database ${where} asks for a password, and none was given`, 'set PGPASSWORD, add a line to ~/.pgpass, or name a passwordFile in the config (never the address)');
  if (code === '28P01' || code === '28000') return new StoreError(`the team database ${where} refused the password for this user`, 'check PGPASSWORD, ~/.pgpass or the passwordFile in the config; the password is never shown');
  if (code === '3D000') return new StoreError(`the team database ${where} does not exist`, 'ask the team admin for the database URL, or create it and run: sales-coach team init');
  if (code === '42501') return new StoreError(`the team database ${where} refused this (permission denied: ${msg.replace(/^permission denied (for )?/, '')})`, 'a rep may change only their own accounts, and a manager read their team\'s; the team admin grants access with sales-coach team add');
  if (code === '57014') return new StoreError(`the team database ${where} took too long to answer (statement timeout); nothing was changed`, 'try again; if it persists, ask the team admin');
  if (/\bSSL\b/i.test(msg)) return new StoreError(`cannot open a secure connection to the team database ${where} (${msg})`, 'check sslmode in the address against what the server offers');
  if (isConnectionError(err)) return new Unreachable(`cannot reach the team database ${where} (${code || msg})`, 'check the address (--db, SALES_COACH_DB or store: in the config) and that the server is running');
  return undefined;
}

type Queryable = pg.Pool | pg.PoolClient;

/** Events with their writer: the role PostgreSQL recorded (by_user), not what the row's data says. */
const PG_EVENT_SELECT = EVENT_SELECT.replace('e.at FROM', 'e.at, e.by_user FROM');
function pgEvent(r: EventDb & { by_user?: string }): StoredEvent {
  const e = storedEvent(r);
  if ((e.event.kind === 'class-validated' || e.event.kind === 'class-challenged') && r.by_user) e.event.by = r.by_user;
  return e;
}

export async function openPostgresStore(opts: PgOptions): Promise<PostgresStore> {
  const where = describeUrl(opts.url);
  const connectTimeoutMs = opts.connectTimeoutMs ?? 5000;
  // the URL's parts, then the password apart: pg lets a connection string override what is given beside it
  const parts = Object.fromEntries(Object.entries(parseConnectionString(opts.url)).filter(([k, v]) => v !== undefined && v !== null && v !== '' && k !== 'password')) as pg.PoolConfig;
  const pool = new pg.Pool({
    ...parts,
    ...(opts.password !== undefined ? { password: opts.password } : {}),
    max: 4,
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: opts.statementTimeoutMs ?? 30_000,
    idle_in_transaction_session_timeout: 60_000,
    application_name: 'sales-coach',
    options: `-c search_path=${PG_SCHEMA}`,
  });
  // an idle client whose server went away must not crash the process: the next query says so
  pool.on('error', () => {});
  // a client whose server goes away while it is checked out emits an error too: the query it was
  // running rejects with it, and that is where it is handled
  pool.on('connect', (client) => client.on('error', () => {}));
  const store = new PostgresStore(pool, where, opts.outbox);
  try {
    await store.checkSchema();
  } catch (err) {
    await pool.end().catch(() => {});
    throw describePgError(err, where) ?? err;
  }
  return store;
}

interface TeamGroupDb {
  rep: string;
  class: string | null;
  class_status: string | null;
  rank: number | null;
  labels: string | null;
  dropped: number;
  n: number;
  [flag: string]: unknown;
}

/** What `store push` moved: rows added, and rows already there that it brought up to date. */
export interface PushCounts {
  accounts: number;
  accountsUpdated: number;
  contacts: number;
  visits: number;
  steps: number;
  stepsUpdated: number;
  events: number;
}

/** What a manager's review reads (see PostgresStore.teamReview). */
export interface TeamReviewData {
  groups: (PipelineGroup & { rep: string; flagCounts: Record<PipelineFlag, number> })[];
  /** Accounts that need attention, each with the number of such accounts its rep has. */
  attention: { rep: string; total: number; row: Pipeline['rows'][number] }[];
  events: { rep: string; event: StoredEvent }[];
}

export class PostgresStore implements Store {
  constructor(
    readonly pool: pg.Pool,
    readonly where: string,
    private readonly outbox?: VisitOutbox,
  ) {}

  private async q<T = Record<string, unknown>>(sql: string, params: unknown[] = [], on: Queryable = this.pool): Promise<T[]> {
    try {
      return (await on.query(sql, params)).rows as T[];
    } catch (err) {
      throw describePgError(err, this.where) ?? err;
    }
  }

  private async tx<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    let c: pg.PoolClient;
    try {
      c = await this.pool.connect();
    } catch (err) {
      throw describePgError(err, this.where) ?? err;
    }
    let broken = false;
    try {
      await c.query('BEGIN');
      const out = await work(c);
      await c.query('COMMIT');
      return out;
    } catch (err) {
      try {
        await c.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw describePgError(err, this.where) ?? err;
    } finally {
      c.release(broken);
    }
  }

  /** The schema's version: refuses a newer one, and applies what an older one lacks (if this role may). */
  async checkSchema(): Promise<void> {
    const found = await this.q<{ version: number }>(`SELECT version FROM ${PG_SCHEMA}.schema_version`).catch((err) => {
      if ((err as { code?: string }).code === '42P01' || (err as { code?: string }).code === '3F000') return undefined; // no schema yet
      throw err;
    });
    const version = found?.[0]?.version ?? 0;
    if (version > PG_SCHEMA_VERSION) {
      throw new StoreError(`the team database ${this.where} was made by a newer sales-coach (schema ${version}; this one knows up to ${PG_SCHEMA_VERSION})`, 'upgrade sales-coach; the database is left as it is');
    }
    if (version < PG_SCHEMA_VERSION) {
      try {
        await this.migrate();
      } catch (err) {
        if ((err as { code?: string }).code === '42501' || (err instanceof StoreError && /permission denied/.test(err.message))) {
          throw new StoreError(
            `the team database ${this.where} is ${version === 0 ? 'not set up for sales-coach yet' : `at schema ${version}, older than this sales-coach (${PG_SCHEMA_VERSION})`}, and this user may not ${version === 0 ? 'set it up' : 'upgrade it'}`,
            `the team admin runs: sales-coach team init --db ${this.where}`,
          );
        }
        throw err;
      }
    }
  }

  /**
   * Applies the migrations this database lacks in one transaction, under an advisory lock: of two
   * clients upgrading at once, one migrates and the other, once it holds the lock, finds the work done.
   */
  async migrate(): Promise<number> {
    return this.tx(async (c) => {
      await c.query("SELECT pg_advisory_xact_lock(hashtext('sales-coach schema'))");
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${PG_SCHEMA}`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${PG_SCHEMA}.schema_version (version integer NOT NULL)`);
      const rows = (await c.query(`SELECT version FROM ${PG_SCHEMA}.schema_version`)).rows as { version: number }[];
      const version = rows[0]?.version ?? 0;
      if (version > PG_SCHEMA_VERSION) throw new StoreError(`the team database ${this.where} was made by a newer sales-coach (schema ${version})`, 'upgrade sales-coach; the database is left as it is');
      for (let v = version; v < PG_SCHEMA_VERSION; v++) await c.query(PG_MIGRATIONS[v]);
      if (rows.length === 0) await c.query(`INSERT INTO ${PG_SCHEMA}.schema_version (version) VALUES ($1)`, [PG_SCHEMA_VERSION]);
      else await c.query(`UPDATE ${PG_SCHEMA}.schema_version SET version = $1`, [PG_SCHEMA_VERSION]);
      return PG_SCHEMA_VERSION - version;
    });
  }

  /**
   * Sends the visits kept on this machine while the server could not be reached, each in its own
   * transaction and each once (its origin is unique): a crash between the commit and the removal
   * of its file sends nothing twice.
   */
  async flushOutbox(): Promise<{ sent: number; refused: { file: string; reason: string }[] }> {
    const refused: { file: string; reason: string }[] = [];
    if (!this.outbox) return { sent: 0, refused };
    let sent = 0;
    // a visit is sent only where it was meant to go: the same role on the same database
    for (const { id, visit } of this.outbox.list().filter((k) => k.visit.target === this.where)) {
      try {
        await this.saveNow(visit);
      } catch (err) {
        // gone again: the rest waits for the next command
        if (unreachable(err)) throw err;
        // refused by the database itself (another rep's account, a changed schema): kept aside for the
        // rep to see, never lost and never blocking every later command
        refused.push({ file: this.outbox.setAside(id), reason: err instanceof Error ? err.message : String(err) });
        continue;
      }
      this.outbox.remove(id);
      sent++;
    }
    return { sent, refused };
  }

  async currentUser(): Promise<string> {
    return (await this.q<{ u: string }>('SELECT current_user AS u'))[0].u;
  }

  private async accountId(name: string, on: Queryable = this.pool): Promise<number | undefined> {
    const r = await this.q<{ id: number }>('SELECT id FROM accounts WHERE owner = current_user AND name_key = $1', [nameKey(name)], on);
    return r[0]?.id;
  }

  private async requireAccount(name: string, on: Queryable = this.pool): Promise<number> {
    const id = await this.accountId(name, on);
    if (id === undefined) throw new StoreError(`no account "${name}"`, 'sales-coach accounts lists them');
    return id;
  }

  private async refreshAccount(id: number, c: Queryable): Promise<void> {
    await this.q(
      `UPDATE accounts SET
        contacts_count = (SELECT count(*) FROM contacts WHERE account_id = $1),
        open_items = (SELECT count(*) FROM checklist_items WHERE account_id = $1 AND state = 'open'),
        next_due = (SELECT min(due) FROM checklist_items WHERE account_id = $1 AND state = 'open'),
        next_item = (SELECT text FROM checklist_items WHERE account_id = $1 AND state = 'open' ORDER BY due, id LIMIT 1)
      WHERE id = $1`,
      [id],
      c,
    );
  }

  private async addEvent(c: Queryable, accountId: number, visitId: number | null, e: StoredAccountEvent, at: string, origin?: string): Promise<void> {
    await this.q('INSERT INTO account_events (account_id, visit_id, date, kind, data, at, origin) VALUES ($1, $2, $3, $4, $5, $6, $7)', [accountId, visitId, e.date, e.kind, eventData(e), at, origin ?? null], c);
  }

  private async readState(c: Queryable, a: AccountDb): Promise<AccountState> {
    const people = (await this.q<Record<string, string | number | null>>('SELECT * FROM contacts WHERE account_id = $1 ORDER BY id', [a.id], c)).map((p) => contactOf(p, a.name));
    const openSteps = await this.q<ChecklistDb>(`${CHECKLIST_SELECT} WHERE i.account_id = $1 AND i.state = 'open' ORDER BY i.due, i.id`, [a.id], c);
    const last = (await this.q<{ answers: string }>("SELECT answers FROM visits WHERE account_id = $1 AND mode <> 'plan' ORDER BY date DESC, id DESC LIMIT 1", [a.id], c))[0];
    return accountStateOf(a, people, openSteps, last?.answers);
  }

  async accountState(account: string): Promise<AccountState | undefined> {
    const a = (await this.q<AccountDb>('SELECT * FROM accounts WHERE owner = current_user AND name_key = $1', [nameKey(account)]))[0];
    return a ? this.readState(this.pool, a) : undefined;
  }

  async getAccount(account: string): Promise<AccountRow | undefined> {
    const a = (await this.q<AccountDb>('SELECT * FROM accounts WHERE owner = current_user AND name_key = $1', [nameKey(account)]))[0];
    return a ? accountRow(a) : undefined;
  }

  async saveVisit(v: SaveVisit): Promise<SavedVisit> {
    // a visit that cannot reach the server is kept on this machine, never lost; it is sent by the next
    // command that reaches the server (the origin makes that send happen once)
    const visit = this.outbox && !v.origin ? { ...v, origin: `journal:${randomUUID()}` } : v;
    try {
      return await this.saveNow(visit);
    } catch (err) {
      if (!this.outbox || !unreachable(err)) throw err;
      this.outbox.put({ ...(visit as SaveVisit & { origin: string }), target: this.where });
      return { visitId: -1, accountId: -1, pending: true };
    }
  }

  private async saveNow(v: SaveVisit): Promise<SavedVisit> {
    return this.tx(async (c) => {
      if (v.origin) {
        const done = (await this.q<{ id: number; account_id: number }>('SELECT id, account_id FROM visits WHERE owner = current_user AND origin = $1', [v.origin], c))[0];
        if (done) return { visitId: done.id, accountId: done.account_id };
      }
      const key = nameKey(v.account);
      await this.q('INSERT INTO accounts (name, name_key, created_at) VALUES ($1, $2, $3) ON CONFLICT (owner, name_key) DO NOTHING', [v.account.trim(), key, v.at], c);
      const accountId = (await this.q<{ id: number }>('SELECT id FROM accounts WHERE owner = current_user AND name_key = $1 FOR UPDATE', [key], c))[0].id;
      const visit = v.visit;
      const visitId = (
        await this.q<{ id: number }>(
          'INSERT INTO visits (account_id, mode, date, playbook_id, playbook_hash, person, answers, result, created_at, origin, habit_answers) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id',
          [accountId, visit.mode, visit.date, visit.playbookId, visit.playbookHash, visit.person ?? null, JSON.stringify(visit.answers), JSON.stringify(visit.result), v.at, v.origin ?? null, visit.habitAnswers ? JSON.stringify(visit.habitAnswers) : null],
          c,
        )
      )[0].id;
      const s = v.state;
      await this.q(
        `UPDATE accounts SET playbook_id = $2, class = $3, class_status = $4, class_since = $5, class_rank = $6, class_labels = $7, class_deadline = $8,
           last_visit = $9, last_person = $10, signed = $11, dropped = $12, facts = $13, playbook_source = coalesce($14, playbook_source) WHERE id = $1`,
        [accountId, s.playbookId ?? null, s.class ?? null, s.classStatus ?? null, s.classSince ?? null, s.classRank ?? null, s.classLabels ? JSON.stringify(s.classLabels) : null, s.classDeadline ?? null, s.lastVisit ?? null, s.lastPerson ?? null, s.signed ? 1 : 0, s.dropped ? 1 : 0, JSON.stringify(s.facts), v.playbookSource ?? null],
        c,
      );
      for (const p of s.people as Contact[]) {
        const cols = [p.title ?? null, p.role ?? null, p.persona ?? null, JSON.stringify(p.facts ?? {}), p.firstMet ?? null, p.lastMet ?? null, p.plannedFor ?? null];
        if (p.id !== undefined) {
          await this.q('UPDATE contacts SET title = $1, role = $2, persona = $3, facts = $4, first_met = $5, last_met = $6, planned_for = $7 WHERE id = $8 AND account_id = $9', [...cols, p.id, accountId], c);
        } else {
          await this.q(
            `INSERT INTO contacts (account_id, name, title, role, persona, facts, first_met, last_met, planned_for) VALUES ($8, $9, $1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (account_id, name) DO UPDATE SET title = coalesce(excluded.title, contacts.title), role = coalesce(excluded.role, contacts.role), persona = coalesce(excluded.persona, contacts.persona),
               facts = excluded.facts, first_met = coalesce(contacts.first_met, excluded.first_met), last_met = coalesce(excluded.last_met, contacts.last_met), planned_for = excluded.planned_for`,
            [...cols, accountId, p.name.trim()],
            c,
          );
        }
      }
      for (const e of v.events) {
        if (e.kind === 'step-closed') await this.q("UPDATE checklist_items SET state = $1, state_at = $2 WHERE id = $3 AND account_id = $4 AND state = 'open'", [e.state, v.at, e.stepId, accountId], c);
        // a step issued again takes the new session's words and date
        if (e.kind === 'step-carried' && e.updated) await this.q("UPDATE checklist_items SET text = $1, due = $2 WHERE id = $3 AND account_id = $4 AND state = 'open'", [e.text, e.due, e.stepId, accountId], c);
      }
      for (const step of s.openSteps) {
        if (step.id === undefined) await this.q('INSERT INTO checklist_items (account_id, visit_id, item_key, text, due, added_on) VALUES ($1, $2, $3, $4, $5, $6)', [accountId, visitId, step.key, step.text, step.due, step.since], c);
      }
      for (const e of v.events) await this.addEvent(c, accountId, visitId, e, v.at);
      await this.refreshAccount(accountId, c);
      return { visitId, accountId };
    });
  }

  private flagExpressions(): Record<PipelineFlag, string> {
    return {
      window: '(signed = 0 AND dropped = 0 AND class_deadline IS NOT NULL AND class_deadline < $1)',
      no_next: '(signed = 0 AND dropped = 0 AND open_items = 0)',
      one_contact: '(contacts_count <= 1)',
      provisional: "(class_status = 'provisional')",
      // core/steps.ts hasOverdueStep in SQL: an open step due before today, whatever the account's state
      overdue: '(next_due IS NOT NULL AND next_due < $1)',
    };
  }

  /** The review of one rep's accounts (owner = the SQL that names them): the pipeline of the contract. */
  async pipeline(q: PipelineQuery): Promise<Pipeline> {
    const params: unknown[] = [q.today];
    const flags = this.flagExpressions();
    const flagNames = PIPELINE_FLAGS;
    const flagSelect = flagNames.map((k) => `(${flags[k]})::int AS f_${k}`).join(', ');
    const groupOf = "coalesce(class, class_status, 'new')";
    const where: string[] = ['owner = current_user'];
    if (q.groups?.length) {
      where.push(`${groupOf} IN (${q.groups.map((_, i) => `$${params.length + i + 1}`).join(', ')})`);
      params.push(...q.groups);
    }
    for (const f of q.flags ?? []) where.push(flags[f]);
    const whereSql = `WHERE ${where.join(' AND ')}`;
    const rows0 = await this.q<Record<string, number | string | null>>(
      `SELECT class, class_status, min(class_rank) AS rank, max(class_labels) AS labels, max(dropped) AS dropped, count(*)::int AS n, ${flagNames.map((k) => `sum((${flags[k]})::int)::int AS ${k}`).join(', ')}
       FROM accounts ${whereSql} GROUP BY class, class_status`,
      params,
    );
    const { groups, total, flagCounts } = foldGroups(rows0);
    const sortSql = q.sort === 'name' ? 'name_key COLLATE "C"' : q.sort === 'due' ? "coalesce(next_due, '9999'), id" : 'class_since, id';
    const rows: Pipeline['rows'] = [];
    for (const g of groups) {
      const inGroup = g.class !== undefined ? `class = $${params.length + 1}` : `class IS NULL AND coalesce(class_status, 'new') = $${params.length + 1}`;
      const limit = q.limitPerGroup ? ` LIMIT ${Math.floor(q.limitPerGroup)}` : '';
      const found = await this.q<AccountDb & Record<string, number>>(`SELECT *, ${flagSelect} FROM accounts WHERE ${[inGroup, ...where].join(' AND ')} ORDER BY ${sortSql}${limit}`, [...params, g.key]);
      rows.push(...found.map((r) => ({ ...accountRow(r), flags: flagNames.filter((f) => r[`f_${f}`] === 1) })));
    }
    return { groups, rows, total, flagCounts };
  }

  async eventsSince(date: string, kinds?: StoredAccountEvent['kind'][]): Promise<StoredEvent[]> {
    const kindSql = kinds?.length ? ` AND e.kind = ANY($2)` : '';
    return (await this.q<EventDb>(`${PG_EVENT_SELECT} WHERE e.owner = current_user AND e.date >= $1${kindSql} ORDER BY e.date, e.id`, kinds?.length ? [date, kinds] : [date])).map(pgEvent);
  }

  async timeline(account: string, owner?: string): Promise<AccountTimeline | undefined> {
    const a = (await this.q<AccountDb>(`SELECT * FROM accounts WHERE owner = ${owner ? '$2' : 'current_user'} AND name_key = $1`, owner ? [nameKey(account), owner] : [nameKey(account)]))[0];
    if (!a) return undefined;
    const contacts = (await this.q<Record<string, string | number | null>>('SELECT * FROM contacts WHERE account_id = $1 ORDER BY id', [a.id])).map((c) => contactOf(c, a.name));
    const visits = (await this.q<VisitDb>('SELECT * FROM visits WHERE account_id = $1 ORDER BY date, id', [a.id])).map((v) => visitRow(v, a.name));
    const events = (await this.q<EventDb>(`${PG_EVENT_SELECT} WHERE e.account_id = $1 ORDER BY e.date, e.id`, [a.id])).map(pgEvent);
    const checklist = (await this.q<ChecklistDb>(`${CHECKLIST_SELECT} WHERE i.account_id = $1 ORDER BY i.due, i.id`, [a.id])).map(checklistRow);
    return { account: accountRow(a), contacts, visits, events, checklist };
  }

  async renameAccount(from: string, to: string): Promise<void> {
    await this.tx(async (c) => {
      const id = await this.requireAccount(from, c);
      const clash = await this.accountId(to, c);
      if (clash !== undefined && clash !== id) throw new StoreError(`there is already an account "${to}"`, `to join the two, run: sales-coach account merge "${from}" "${to}"`);
      await this.q('UPDATE accounts SET name = $1, name_key = $2 WHERE id = $3', [to.trim(), nameKey(to), id], c);
    });
  }

  async mergeAccounts(from: string, into: string): Promise<void> {
    await this.tx(async (c) => {
      const src = await this.requireAccount(from, c);
      const dst = await this.requireAccount(into, c);
      if (src === dst) throw new StoreError(`"${from}" and "${into}" are the same account`);
      // one person by the import's rule (nameKey), and nothing either side knew dropped (merge-contacts.ts)
      const contactsOf = (id: number) => this.q<ContactDbRow>('SELECT * FROM contacts WHERE account_id = $1 ORDER BY id', [id], c);
      const plan = planContactMerge(await contactsOf(dst), await contactsOf(src));
      for (const id of plan.move) await this.q('UPDATE contacts SET account_id = $1 WHERE id = $2', [dst, id], c);
      for (const u of plan.update) {
        const cols = Object.keys(u.set);
        await this.q(`UPDATE contacts SET ${cols.map((col, i) => `${col} = $${i + 2}`).join(', ')} WHERE id = $1`, [u.id, ...cols.map((col) => u.set[col])], c);
      }
      for (const table of ['visits', 'checklist_items', 'account_events']) await this.q(`UPDATE ${table} SET account_id = $1 WHERE account_id = $2`, [dst, src], c);
      const a = (await this.q<AccountDb>('SELECT * FROM accounts WHERE id = $1', [src], c))[0];
      const b = (await this.q<AccountDb>('SELECT * FROM accounts WHERE id = $1', [dst], c))[0];
      if ((a.last_visit ?? '') > (b.last_visit ?? '')) {
        await this.q(
          'UPDATE accounts SET playbook_id = $1, class = $2, class_status = $3, class_since = $4, class_rank = $5, class_labels = $6, class_deadline = $7, last_visit = $8, last_person = $9, dropped = $10, facts = $11 WHERE id = $12',
          [a.playbook_id, a.class, a.class_status, a.class_since, a.class_rank, a.class_labels, a.class_deadline, a.last_visit, a.last_person, a.dropped, a.facts, dst],
          c,
        );
      }
      await this.q('UPDATE accounts SET signed = greatest(signed, $1), created_at = least(created_at, $2) WHERE id = $3', [a.signed, a.created_at, dst], c);
      await this.q('DELETE FROM accounts WHERE id = $1', [src], c);
      await this.refreshAccount(dst, c);
    });
  }

  async deleteAccount(account: string): Promise<void> {
    await this.tx(async (c) => {
      const id = await this.requireAccount(account, c);
      await this.q('DELETE FROM accounts WHERE id = $1', [id], c);
    });
  }

  async openChecklist(account?: string): Promise<ChecklistRow[]> {
    if (account) {
      const id = await this.requireAccount(account);
      return (await this.q<ChecklistDb>(`${CHECKLIST_SELECT} WHERE i.account_id = $1 AND i.state = 'open' ORDER BY i.due, i.id`, [id])).map(checklistRow);
    }
    return (await this.q<ChecklistDb>(`${CHECKLIST_SELECT} WHERE i.owner = current_user AND i.state = 'open' ORDER BY i.due, i.id`)).map(checklistRow);
  }

  async setChecklistState(id: number, state: 'open' | 'done' | 'skipped', at: string, today: string, undoes?: number): Promise<{ row: ChecklistRow; before: ChecklistRow['state'] }> {
    return this.tx(async (c) => {
      const row = (await this.q<ChecklistDb & { account_id: number }>(`${CHECKLIST_SELECT.replace('SELECT i.id,', 'SELECT i.id, i.account_id,')} WHERE i.id = $1 AND i.owner = current_user FOR UPDATE OF i`, [id], c))[0];
      if (!row) throw new StoreError(`no checklist item ${id}`, 'sales-coach checklist lists the open items with their numbers');
      const before = row.state;
      if (before !== state) {
        await this.q('UPDATE checklist_items SET state = $1, state_at = $2 WHERE id = $3', [state, state === 'open' ? null : at, id], c);
        const e: StoredAccountEvent =
          state === 'open' ? { kind: 'step-reopened', date: today, stepId: id, text: row.text, before: before as 'done' | 'skipped' } : { kind: 'step-closed', date: today, stepId: id, text: row.text, state };
        await this.addEvent(c, row.account_id, null, undoMark(e, undoes), at);
        await this.refreshAccount(row.account_id, c);
      }
      return { row: checklistRow((await this.q<ChecklistDb>(`${CHECKLIST_SELECT} WHERE i.id = $1`, [id], c))[0]), before };
    });
  }

  async addChecklistItem(account: string, text: string, due: string, at: string, today: string): Promise<ChecklistRow> {
    return this.tx(async (c) => {
      const accountId = await this.requireAccount(account, c);
      const id = (await this.q<{ id: number }>('INSERT INTO checklist_items (account_id, visit_id, item_key, text, due, added_on) VALUES ($1, NULL, $2, $3, $4, $5) RETURNING id', [accountId, 'rep', text, due, today], c))[0].id;
      await this.q('UPDATE checklist_items SET item_key = $1 WHERE id = $2', [`rep:${id}`, id], c);
      await this.addEvent(c, accountId, null, { kind: 'step-added', date: today, stepId: id, text, due }, at);
      await this.refreshAccount(accountId, c);
      return checklistRow((await this.q<ChecklistDb>(`${CHECKLIST_SELECT} WHERE i.id = $1`, [id], c))[0]);
    });
  }

  async lastChecklistChange(): Promise<{ id: number; before: ChecklistRow['state']; after: ChecklistRow['state']; event: number } | undefined> {
    // newest first, the undone ones skipped: read in pages, as few as the walk back needs (ids are integer)
    const pages = async function* (this: PostgresStore): AsyncGenerator<EventDb> {
      for (let before = 2147483647; ; ) {
        const rows = await this.q<EventDb>("SELECT e.*, a.name AS account FROM account_events e JOIN accounts a ON a.id = e.account_id WHERE e.owner = current_user AND e.by_user = current_user AND e.visit_id IS NULL AND e.kind IN ('step-closed', 'step-reopened') AND e.id < $1 ORDER BY e.id DESC LIMIT 200", [before]);
        yield* rows;
        if (rows.length < 200) return;
        before = rows[rows.length - 1].id;
      }
    };
    return latestNotUndoneAsync(pages.call(this));
  }

  /**
   * All rows or none in one transaction; a dry run does the same work and rolls it back (PostgreSQL
   * keeps what a transaction wrote invisible to others until it commits, so nobody sees it).
   */
  async importRows(rows: AsyncIterable<ImportRow>, opts: ImportOptions): Promise<ImportCounts> {
    let c: pg.PoolClient;
    try {
      c = await this.pool.connect();
    } catch (err) {
      throw describePgError(err, this.where) ?? err;
    }
    const counts: ImportCounts = { accounts: 0, contactsAdded: 0, contactsUpdated: 0, contactsUnchanged: 0 };
    const FIELDS = ['title', 'role', 'reports_to', 'persona', 'email', 'phone'] as const;
    const accounts = new Map<string, number>();
    const contacts = new Map<number, Map<string, Record<string, unknown>>>();
    const touched = new Set<number>();
    try {
      await this.q('BEGIN', [], c);
      let n = 0;
      for await (const row of rows) {
        const key = nameKey(row.account);
        let accountId = accounts.get(key);
        if (accountId === undefined) {
          const found = (await this.q<{ id: number }>('SELECT id FROM accounts WHERE owner = current_user AND name_key = $1', [key], c))[0];
          if (found) accountId = found.id;
          else {
            accountId = (await this.q<{ id: number }>('INSERT INTO accounts (name, name_key, created_at) VALUES ($1, $2, $3) RETURNING id', [row.account.trim(), key, opts.at], c))[0].id;
            counts.accounts++;
          }
          accounts.set(key, accountId);
        }
        const ct = row.contact;
        if (ct?.name.trim()) {
          let known = contacts.get(accountId);
          if (!known) {
            known = new Map();
            for (const r of await this.q<Record<string, unknown>>(`SELECT id, name, ${FIELDS.join(', ')} FROM contacts WHERE account_id = $1`, [accountId], c)) known.set(nameKey(String(r.name)), r);
            contacts.set(accountId, known);
          }
          const given: Record<string, string | null> = { title: ct.title ?? null, role: ct.role ?? null, reports_to: ct.reportsTo ?? null, persona: ct.persona ?? null, email: ct.email ?? null, phone: ct.phone ?? null };
          const ck = nameKey(ct.name);
          const stored = known.get(ck);
          if (!stored) {
            const id = (await this.q<{ id: number }>(`INSERT INTO contacts (account_id, name, ${FIELDS.join(', ')}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, [accountId, ct.name.trim(), ...FIELDS.map((f) => given[f])], c))[0].id;
            known.set(ck, { id, name: ct.name.trim(), ...given });
            touched.add(accountId);
            counts.contactsAdded++;
          } else {
            // an empty cell keeps what is stored: a CRM export rarely knows everything the rep recorded
            const merged = { ...stored };
            let changed = false;
            for (const f of FIELDS) {
              if (given[f] !== null && given[f] !== stored[f]) {
                merged[f] = given[f];
                changed = true;
              }
            }
            if (!changed) counts.contactsUnchanged++;
            else {
              await this.q(`UPDATE contacts SET ${FIELDS.map((f, i) => `${f} = $${i + 2}`).join(', ')} WHERE id = $1`, [stored.id, ...FIELDS.map((f) => merged[f])], c);
              known.set(ck, merged);
              counts.contactsUpdated++;
            }
          }
        }
        if (++n % 10_000 === 0) opts.onProgress?.(n);
      }
      opts.onProgress?.(n);
      if (touched.size) await this.q('UPDATE accounts SET contacts_count = (SELECT count(*) FROM contacts c WHERE c.account_id = accounts.id) WHERE id = ANY($1)', [[...touched]], c);
      await this.q(opts.dryRun ? 'ROLLBACK' : 'COMMIT', [], c);
      return counts;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {});
      throw describePgError(err, this.where) ?? err;
    } finally {
      c.release();
    }
  }

  async exportAll() {
    const accounts = (await this.q<AccountDb>('SELECT * FROM accounts WHERE owner = current_user ORDER BY name_key COLLATE "C"')).map(accountRow);
    const contacts = (await this.q<Record<string, string | number | null>>('SELECT c.*, a.name AS account FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE a.owner = current_user ORDER BY a.name_key COLLATE "C", c.id')).map((c) => ({ ...contactOf(c, String(c.account)), account: String(c.account) }));
    const visits = (await this.q<VisitDb & { account: string }>('SELECT v.*, a.name AS account FROM visits v JOIN accounts a ON a.id = v.account_id WHERE a.owner = current_user ORDER BY v.date, v.id')).map((v) => ({ ...visitRow(v, v.account), account: v.account }));
    const checklist = (await this.q<ChecklistDb>(`${CHECKLIST_SELECT} WHERE i.owner = current_user ORDER BY i.due, i.id`)).map(checklistRow);
    const events = (await this.q<EventDb>(`${PG_EVENT_SELECT} WHERE e.owner = current_user ORDER BY e.date, e.id`)).map(pgEvent);
    return { accounts, contacts, visits, checklist, events };
  }

  /**
   * The contract's statsHistory (see types.ts), for this rep, or for `owner` (a rep of the manager's
   * team: row-level security decides). Three passes, as the SQLite store: accounts, their class
   * events, their visits packed one row per account with only the answers asked for.
   */
  async statsHistory(q: StatsQuery, owner?: string): Promise<StatsAccount[]> {
    const params: unknown[] = [owner ?? null];
    const where = ['owner = coalesce($1, current_user)'];
    if (q.account !== undefined) {
      params.push(nameKey(q.account));
      where.push(`name_key = $${params.length}`);
    }
    if (q.since !== undefined) {
      params.push(q.since);
      where.push(`last_visit >= $${params.length}`);
    }
    const accountWhere = where.join(' AND ');
    const byId = new Map<number, StatsAccount>();
    const out: StatsAccount[] = [];
    const rows = new StatsRows();
    for (const r of await this.q<AccountDb>(
      `SELECT id, name, playbook_id, class, class_status, class_rank, class_labels, class_deadline, signed, dropped, contacts_count, open_items, next_due, last_visit FROM accounts WHERE ${accountWhere}`,
      params,
    )) {
      const a = rows.account(r);
      byId.set(r.id, a);
      out.push(a);
    }
    if (out.length === 0) return out;
    const scope = `account_id IN (SELECT id FROM accounts WHERE ${accountWhere})`;
    for (const e of await this.q<{ account_id: number; date: string; kind: string; data: string }>(
      `SELECT account_id, date, kind, data FROM account_events WHERE kind IN ('class-changed', 'signed', 'dropped') AND ${scope} ORDER BY account_id, date, id`,
      params,
    )) {
      const a = byId.get(e.account_id);
      if (a) a.events.push(rows.event(e.kind, e.date, e.data, a.name));
    }
    if (q.visits === false) return out;
    const ids = [...new Set(q.answers ?? [])];
    // the habit answers kept apart; a visit saved without them is read from all its answers
    const answerCols = ids.map((_, i) => `, coalesce((habit_answers::json) -> $${params.length + 1 + i}, (answers::json) -> $${params.length + 1 + i}) AS a${i}`).join('');
    for (const v of await this.q<Record<string, unknown> & { account_id: number; date: string; mode: Mode; playbook_id: string; person: string | null }>(
      `SELECT account_id, date, mode, playbook_id, person${answerCols} FROM visits WHERE ${scope} ORDER BY account_id, date, id`,
      [...params, ...ids],
    )) {
      const a = byId.get(v.account_id);
      if (!a) continue;
      // a stored null reads as not answered, which is what a missing answer means to stats
      a.visits.push(rows.visit(v.date, v.mode, v.playbook_id, rows.answers(ids, ids.map((_, i) => v[`a${i}`])), v.person));
    }
    return out;
  }

  async stepsDue(q: StepsDueQuery, owner?: string): Promise<ChecklistRow[]> {
    const params: unknown[] = [q.to, owner ?? null];
    const where = ["i.state = 'open'", 'i.due <= $1', 'i.owner = coalesce($2, current_user)'];
    if (q.from !== undefined) {
      params.push(q.from);
      where.push(`i.due >= $${params.length}`);
    }
    if (q.account !== undefined) {
      params.push(nameKey(q.account));
      where.push(`a.name_key = $${params.length}`);
    }
    return (await this.q<ChecklistDb>(`${CHECKLIST_SELECT} WHERE ${where.join(' AND ')} ORDER BY i.due, i.id`, params)).map(checklistRow);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }

  // -- the team: what only a shared database has ------------------------------------------------

  /** The reps this user manages (row-level security shows a manager exactly these). */
  async managedReps(): Promise<string[]> {
    return (await this.q<{ rep: string }>('SELECT rep FROM team_members WHERE manager = current_user ORDER BY rep')).map((r) => r.rep);
  }

  /**
   * What a manager's review reads, for the given reps, in three queries however large the team: each
   * rep's accounts counted by class and by flag; the accounts that need attention (past the window,
   * provisional, an overdue step, no next step), at most `limitPerRep` each; what moved since `since`
   * and the managers' notes. Row-level security would refuse another team's rows anyway.
   */
  async teamReview(reps: string[], today: string, since: string, limitPerRep?: number): Promise<TeamReviewData> {
    const flags = this.flagExpressions();
    const needs = `(${['window', 'provisional', 'overdue', 'no_next'].map((k) => flags[k as PipelineFlag]).join(' OR ')})`;
    const groups = await this.q<TeamGroupDb>(
      `SELECT owner AS rep, class, class_status, min(class_rank) AS rank, max(class_labels) AS labels, max(dropped) AS dropped, count(*)::int AS n, sum(${needs}::int)::int AS attention,
         ${PIPELINE_FLAGS.map((k) => `sum((${flags[k]})::int)::int AS ${k}`).join(', ')}
       FROM accounts WHERE owner = ANY($2) GROUP BY owner, class, class_status`,
      [today, reps],
    );
    const attentionOf = new Map<string, number>();
    for (const g of groups) attentionOf.set(g.rep, (attentionOf.get(g.rep) ?? 0) + Number(g.attention ?? 0));
    // each rep's first accounts needing attention, best class first: a short sort per rep, not one over the team
    const pick = `SELECT *, ${PIPELINE_FLAGS.map((k) => `(${flags[k]})::int AS f_${k}`).join(', ')} FROM accounts WHERE owner = r.rep AND ${needs}
       ORDER BY coalesce(class_rank, 999), class_deadline NULLS LAST, name_key COLLATE "C"${limitPerRep ? ` LIMIT ${Math.floor(limitPerRep)}` : ''}`;
    const attention = await this.q<AccountDb & { rep: string } & Record<string, number>>(
      `SELECT r.rep, x.* FROM unnest($2::name[]) WITH ORDINALITY AS r(rep, o) CROSS JOIN LATERAL (${pick}) x ORDER BY r.o, coalesce(x.class_rank, 999), x.class_deadline NULLS LAST, x.name_key COLLATE "C"`,
      [today, reps],
    );
    const events = await this.q<EventDb & { rep: string }>(
      `SELECT e.owner AS rep, e.id, a.name AS account, e.visit_id, e.date, e.kind, e.data, e.at, e.by_user FROM account_events e JOIN accounts a ON a.id = e.account_id
       WHERE e.owner = ANY($1) AND e.date >= $2 AND e.kind IN ('class-changed', 'signed', 'dropped', 'class-validated', 'class-challenged') ORDER BY e.owner, e.date, e.id`,
      [reps, since],
    );
    return {
      groups: groups.map((g) => ({
        rep: g.rep,
        key: String(g.class ?? g.class_status ?? 'new'),
        ...(g.class !== null ? { class: g.class } : {}),
        ...(g.rank !== null ? { rank: Number(g.rank) } : {}),
        ...(g.labels ? { labels: readLabels(g.labels, `class ${g.class}`) } : {}),
        dropped: Number(g.dropped) === 1,
        count: g.n,
        flagCounts: Object.fromEntries(PIPELINE_FLAGS.map((k) => [k, Number(g[k] ?? 0)])) as Record<PipelineFlag, number>,
      })),
      attention: attention.map((r) => ({ rep: r.rep, total: attentionOf.get(r.rep) ?? 0, row: { ...accountRow(r), flags: PIPELINE_FLAGS.filter((f) => r[`f_${f}`] === 1) } })),
      events: events.map((e) => ({ rep: e.rep, event: pgEvent(e) })),
    };
  }

  /** A rep's account as their manager sees it (read-only through row-level security). */
  async teamAccount(rep: string, account: string): Promise<AccountTimeline | undefined> {
    return this.timeline(account, rep);
  }

  /** The manager's note on a rep's account: an event with who and when, refused by the database for anyone else. */
  async reviewClass(rep: string, account: string, kind: 'class-validated' | 'class-challenged', note: string, at: string, today: string): Promise<{ by: string; class?: string; status?: string; name: string }> {
    return this.tx(async (c) => {
      const by = await this.currentUser();
      // the seed's question is the manager's to ask: never a rep's of their own class
      if (rep === by) throw new StoreError('a note on your own account is not a manager\'s review', 'your manager confirms or questions your classes; sales-coach accounts shows their notes');
      const managed = (await this.q('SELECT 1 FROM team_members WHERE rep = $1 AND manager = current_user', [rep], c)).length > 0;
      if (!managed) throw new StoreError(`${rep} is not a rep of your team`, 'sales-coach team review lists your team; the team admin adds reps with: sales-coach team add REP --manager YOU');
      const a = (await this.q<{ id: number; name: string; class: string | null; class_status: string | null }>('SELECT id, name, class, class_status FROM accounts WHERE owner = $1 AND name_key = $2', [rep, nameKey(account)], c))[0];
      if (!a) throw new StoreError(`${rep} has no account "${account}"`, `sales-coach team review --rep ${rep} --all lists their accounts`);
      const e: StoredAccountEvent = { kind, date: today, by, ...(a.class ? { class: a.class } : {}), note };
      await this.q('INSERT INTO account_events (owner, account_id, visit_id, date, kind, data, at) VALUES ($1, $2, NULL, $3, $4, $5, $6)', [rep, a.id, e.date, e.kind, eventData(e), at], c);
      return { by, name: a.name, ...(a.class ? { class: a.class } : {}), ...(a.class_status ? { status: a.class_status } : {}) };
    });
  }

  /**
   * Managers' notes on this rep's accounts, oldest first. With `unseen`, only those written since
   * the account's latest session was saved: what the rep has not had in front of them at a prep yet.
   */
  async reviewNotes(account?: string, opts: { unseen?: boolean } = {}): Promise<StoredEvent[]> {
    const unseen = opts.unseen ? " AND e.at > coalesce((SELECT max(v.created_at) FROM visits v WHERE v.account_id = e.account_id AND v.mode <> 'plan'), '')" : '';
    const sql = `${PG_EVENT_SELECT} WHERE e.owner = current_user AND e.kind IN ('class-validated', 'class-challenged')${account ? ' AND a.name_key = $1' : ''}${unseen} ORDER BY e.date, e.id`;
    return (await this.q<EventDb>(sql, account ? [nameKey(account)] : [])).map(pgEvent);
  }

  /**
   * `store push`: a rep's local history into the team database, all or nothing (one transaction),
   * and idempotent: each visit, step and event carries an origin made from what it is (its account,
   * when it was written, its content), so pushing twice changes nothing. Steps and events keep their
   * links (a step-closed event names the step's new id). What is already here and moved on is never
   * put back: an account takes the local state only if its local last visit is more recent, a step
   * only a local close or reopen made after its last change here.
   */
  async receive(h: RawHistory): Promise<PushCounts> {
    const counts: PushCounts = { accounts: 0, accountsUpdated: 0, contacts: 0, visits: 0, steps: 0, stepsUpdated: 0, events: 0 };
    const hash = (...parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
    return this.tx(async (c) => {
      const accountIds = new Map<number, number>();
      const keyOf = new Map<number, string>();
      for (const a of h.accounts) {
        keyOf.set(a.id, a.name_key);
        const found = (await this.q<{ id: number; last_visit: string | null }>('SELECT id, last_visit FROM accounts WHERE owner = current_user AND name_key = $1 FOR UPDATE', [a.name_key], c))[0];
        const cols = [a.playbook_id, a.playbook_source, a.class, a.class_status, a.class_since, a.class_rank, a.class_labels, a.class_deadline, a.last_visit, a.last_person, a.signed, a.dropped, a.facts];
        if (!found) {
          const id = (
            await this.q<{ id: number }>(
              'INSERT INTO accounts (name, name_key, created_at, playbook_id, playbook_source, class, class_status, class_since, class_rank, class_labels, class_deadline, last_visit, last_person, signed, dropped, facts) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id',
              [a.name, a.name_key, a.created_at, ...cols],
              c,
            )
          )[0].id;
          accountIds.set(a.id, id);
          counts.accounts++;
          continue;
        }
        accountIds.set(a.id, found.id);
        // the team's copy moved on since (a session there, a step closed there): it is kept as it is
        if ((a.last_visit ?? '') > (found.last_visit ?? '')) {
          const changed = await this.q(
            `UPDATE accounts SET playbook_id = $2, playbook_source = $3, class = $4, class_status = $5, class_since = $6, class_rank = $7, class_labels = $8, class_deadline = $9, last_visit = $10, last_person = $11, signed = $12, dropped = $13, facts = $14
             WHERE id = $1 AND (playbook_id, playbook_source, class, class_status, class_since, class_rank, class_labels, class_deadline, last_visit, last_person, signed, dropped, facts)
               IS DISTINCT FROM ($2, $3, $4, $5, $6, $7::integer, $8, $9, $10, $11, $12::integer, $13::integer, $14) RETURNING id`,
            [found.id, ...cols],
            c,
          );
          if (changed.length) counts.accountsUpdated++;
        }
      }
      for (const p of h.contacts) {
        const accountId = accountIds.get(p.account_id);
        if (accountId === undefined) continue;
        const fields = ['title', 'role', 'reports_to', 'approval_layers', 'persona', 'email', 'phone', 'facts', 'first_met', 'last_met', 'planned_for'] as const;
        const r = await this.q<{ inserted: boolean }>(
          `INSERT INTO contacts (account_id, name, ${fields.join(', ')}) VALUES ($1, $2, ${fields.map((_, i) => `$${i + 3}`).join(', ')})
           ON CONFLICT (account_id, name) DO UPDATE SET ${fields.map((f) => `${f} = coalesce(excluded.${f}, contacts.${f})`).join(', ')}
           WHERE (${fields.map((f) => `contacts.${f}`).join(', ')}) IS DISTINCT FROM (${fields.map((f) => `coalesce(excluded.${f}, contacts.${f})`).join(', ')})
           RETURNING (xmax = 0) AS inserted`,
          [accountId, p.name, ...fields.map((f) => p[f] ?? null)],
          c,
        );
        if (r.length) counts.contacts++;
      }
      const visitIds = new Map<number, number>();
      const visitOrigin = new Map<number, string>();
      for (const v of h.visits) {
        const accountId = accountIds.get(v.account_id);
        if (accountId === undefined) continue;
        const origin = `push:v:${hash(keyOf.get(v.account_id), v.created_at, v.mode, v.date, v.playbook_hash, v.answers)}`;
        visitOrigin.set(v.id, origin);
        const added = await this.q<{ id: number }>(
          'INSERT INTO visits (account_id, mode, date, playbook_id, playbook_hash, person, answers, result, created_at, origin, habit_answers) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (owner, origin) DO NOTHING RETURNING id',
          [accountId, v.mode, v.date, v.playbook_id, v.playbook_hash, v.person, v.answers, v.result, v.created_at, origin, v.habit_answers ?? null],
          c,
        );
        if (added.length) counts.visits++;
        visitIds.set(v.id, added[0]?.id ?? (await this.q<{ id: number }>('SELECT id FROM visits WHERE owner = current_user AND origin = $1', [origin], c))[0].id);
      }
      const stepIds = new Map<number, number>();
      for (const i of h.checklist) {
        const accountId = accountIds.get(i.account_id);
        if (accountId === undefined) continue;
        const origin = `push:c:${hash(keyOf.get(i.account_id), i.visit_id !== null ? visitOrigin.get(i.visit_id) : 'rep', i.item_key, i.added_on)}`;
        const r = await this.q<{ id: number; inserted: boolean }>(
          `INSERT INTO checklist_items (account_id, visit_id, item_key, text, due, state, state_at, added_on, origin) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (owner, origin) DO UPDATE SET state = excluded.state, state_at = excluded.state_at
           WHERE excluded.state_at IS NOT NULL AND excluded.state_at > coalesce(checklist_items.state_at, '')
           RETURNING id, (xmax = 0) AS inserted`,
          [accountId, i.visit_id !== null ? (visitIds.get(i.visit_id) ?? null) : null, i.item_key, i.text, i.due, i.state, i.state_at, i.added_on, origin],
          c,
        );
        if (r.length) {
          if (r[0].inserted) counts.steps++;
          else counts.stepsUpdated++;
        }
        stepIds.set(i.id, r[0]?.id ?? (await this.q<{ id: number }>('SELECT id FROM checklist_items WHERE owner = current_user AND origin = $1', [origin], c))[0].id);
      }
      for (const e of h.events) {
        const accountId = accountIds.get(e.account_id);
        if (accountId === undefined) continue;
        const origin = `push:e:${hash(keyOf.get(e.account_id), e.at, e.kind, e.date, e.data, e.visit_id !== null ? visitOrigin.get(e.visit_id) : null)}`;
        // the step an event names is the same step under its id here
        const data = JSON.parse(e.data) as { stepId?: number };
        if (typeof data.stepId === 'number' && stepIds.has(data.stepId)) data.stepId = stepIds.get(data.stepId);
        const r = await this.q(
          'INSERT INTO account_events (account_id, visit_id, date, kind, data, at, origin) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (owner, origin) DO NOTHING RETURNING id',
          [accountId, e.visit_id !== null ? (visitIds.get(e.visit_id) ?? null) : null, e.date, e.kind, JSON.stringify(data), e.at, origin],
          c,
        );
        if (r.length) counts.events++;
      }
      for (const id of new Set(accountIds.values())) await this.refreshAccount(id, c);
      return counts;
    });
  }

  // -- administration (the team admin: the role that owns the schema) ---------------------------

  /** Makes `name` a rep (a login role, member of the rep role) under `manager`, if given. */
  async addMember(name: string, opts: { manager?: string; password?: string; at: string }): Promise<{ created: boolean }> {
    const ROLE = /^[a-z_][a-z0-9_]{0,62}$/;
    for (const r of [name, ...(opts.manager !== undefined ? [opts.manager] : [])]) {
      if (!ROLE.test(r)) throw new StoreError(`"${r}" cannot be a database role here`, 'use lower-case letters, digits and _ (e.g. alice_wong), starting with a letter');
      if (r.startsWith('pg_') || r === REP_ROLE || r === 'public') throw new StoreError(`"${r}" is a name PostgreSQL or sales-coach keeps for itself`, 'choose the person\'s own name, e.g. alice_wong');
    }
    if (opts.manager === name) throw new StoreError(`${name} cannot be their own manager`);
    return this.tx(async (c) => {
      const me = await this.currentUser();
      if (name === me || opts.manager === me) throw new StoreError(`${me} is the role running this command (the team admin), not a member of the team`, 'add the people of the team by their own roles');
      const role = async (r: string) => (await this.q<{ super: boolean; member: boolean }>('SELECT r.rolsuper AS super, EXISTS (SELECT 1 FROM team_members m WHERE m.rep = r.rolname) AS member FROM pg_roles r WHERE r.rolname = $1', [r], c))[0];
      const existing = await role(name);
      // the team's roles are the team admin's to set up; someone else's role (a superuser, a
      // service) is never given a password or a place in the team here
      if (existing?.super) throw new StoreError(`${name} is a superuser of this server: it cannot be a member of the team`);
      if (existing && !existing.member && opts.password !== undefined) throw new StoreError(`${name} is a role of this server that is not in the team: its password is not sales-coach's to change`, `add it without --password-file, or choose another name`);
      if (opts.manager) {
        const boss = await role(opts.manager);
        if (boss?.super) throw new StoreError(`${opts.manager} is a superuser of this server: it cannot be a manager in the team`);
        // no loop: a rep cannot manage their own manager, however far up
        const chain = await this.q<{ manager: string }>(
          'WITH RECURSIVE up(r) AS (SELECT manager FROM team_members WHERE rep = $1 UNION SELECT m.manager FROM team_members m JOIN up ON m.rep = up.r) SELECT r AS manager FROM up WHERE r IS NOT NULL',
          [opts.manager],
          c,
        );
        if (chain.some((x) => x.manager === name)) throw new StoreError(`${name} already manages ${opts.manager} (directly or through others): ${opts.manager} cannot be ${name}'s manager`);
      }
      const ident = (await this.q<{ i: string }>('SELECT quote_ident($1) AS i', [name], c))[0].i;
      if (!existing) await this.q(`CREATE ROLE ${ident} LOGIN`, [], c);
      if (opts.password !== undefined) {
        // the password travels as a literal quoted by the server, never through a log line of ours
        const lit = (await this.q<{ l: string }>('SELECT quote_literal($1) AS l', [opts.password], c))[0].l;
        await this.q(`ALTER ROLE ${ident} PASSWORD ${lit}`, [], c);
      }
      await this.q(`GRANT ${REP_ROLE} TO ${ident}`, [], c);
      if (opts.manager) {
        const mi = (await this.q<{ i: string }>('SELECT quote_ident($1) AS i', [opts.manager], c))[0].i;
        if (!(await role(opts.manager))) await this.q(`CREATE ROLE ${mi} LOGIN`, [], c);
        await this.q(`GRANT ${REP_ROLE} TO ${mi}`, [], c);
        await this.q('INSERT INTO team_members (rep, manager, added_at) VALUES ($1, $2, $3) ON CONFLICT (rep) DO NOTHING', [opts.manager, null, opts.at], c);
      }
      await this.q('INSERT INTO team_members (rep, manager, added_at) VALUES ($1, $2, $3) ON CONFLICT (rep) DO UPDATE SET manager = coalesce(excluded.manager, team_members.manager)', [name, opts.manager ?? null, opts.at], c);
      return { created: !existing };
    });
  }

  /**
   * Takes `name` out of the team: their manager link and the reps they managed are freed, and the
   * role loses the rep role's rights. Their accounts stay in the database (the admin decides), and
   * the role itself is left to the admin (it may be used elsewhere on the server).
   */
  async removeMember(name: string): Promise<{ accounts: number }> {
    return this.tx(async (c) => {
      const found = (await this.q('SELECT 1 FROM team_members WHERE rep = $1', [name], c)).length > 0;
      if (!found) throw new StoreError(`${name} is not in the team`, 'sales-coach team list shows who is');
      await this.q('UPDATE team_members SET manager = NULL WHERE manager = $1', [name], c);
      await this.q('DELETE FROM team_members WHERE rep = $1', [name], c);
      const ident = (await this.q<{ i: string }>('SELECT quote_ident($1) AS i', [name], c))[0].i;
      await this.q(`REVOKE ${REP_ROLE} FROM ${ident}`, [], c);
      return { accounts: (await this.q<{ n: number }>('SELECT count(*)::int AS n FROM accounts WHERE owner = $1', [name], c))[0].n };
    });
  }

  async members(): Promise<{ rep: string; manager?: string; accounts: number }[]> {
    const rows = await this.q<{ rep: string; manager: string | null; accounts: number }>('SELECT m.rep, m.manager, (SELECT count(*)::int FROM accounts a WHERE a.owner = m.rep) AS accounts FROM team_members m ORDER BY m.rep');
    return rows.map((r) => ({ rep: r.rep, ...(r.manager ? { manager: r.manager } : {}), accounts: r.accounts }));
  }
}
