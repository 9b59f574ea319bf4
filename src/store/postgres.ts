/**
 * The team store: a PostgreSQL database that a whole team shares, one database role per rep. The
 * same contract and the same queries as the embedded store (sql-store.ts, over kysely), the same
 * rules: none, the engine decides. What is PostgreSQL's own lives here: every row has an owner (the
 * rep's role) and the database itself (row-level security, migrations.ts) lets a rep see and change
 * only their rows and a manager read their team's; the visits kept while the server was away; and
 * the team's administration, its review and its notes (a TeamStore, reached through isTeamStore).
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { nameKey } from '../engine/names.js';
import { CompiledQuery, Kysely, PostgresDialect, type RawBuilder, type SqlBool, sql } from './kysely.js';
import { ATTENTION_ORDER, PG_SCHEMA, PG_SCHEMA_VERSION, pending, REP_ROLE } from './migrations.js';
import { type PoolOptions, type StartedPool, teamPool } from './pg-pool.js';
import { DamagedRow, readLabels } from './rows.js';
import { type AccountDb, accountRow, eventData, PackedVisits, type RawHistory, STATS_COLUMNS, StatsRows } from './shape.js';
import { flagConditions, flagExpressions, liveNextStep, type Q, type Runnable, SqlStore, withLiveNext } from './sql-store.js';
import type { AccountDbRow, DB } from './schema.js';
import {
  type AccountTimeline,
  type ChecklistRow,
  type Damaged,
  type ImportCounts,
  type ImportOptions,
  type ImportRow,
  PIPELINE_FLAGS,
  type PipelineFlag,
  type PushCounts,
  type SavedVisit,
  type SaveVisit,
  type StatsAccount,
  type StatsQuery,
  type StepsDueQuery,
  type StoredAccountEvent,
  type StoredEvent,
  StoreError,
  type TeamReviewData,
  type TeamStore,
  type KeptVisit,
  type OutboxTarget,
  type VisitOutbox,
} from './types.js';

export type { KeptVisit, OutboxTarget, VisitOutbox };

/** Names PostgreSQL will not give a role (CREATE ROLE refuses them as reserved), and `public`. */
const RESERVED_ROLES = new Set(['none', 'public', 'current_user', 'current_role', 'session_user']);

export interface PgOptions extends PoolOptions {
  /** Where a visit goes when the server cannot be reached at the end of a session. */
  outbox?: VisitOutbox;
  /** The pool, already connecting (pg-pool.ts startPool: begun while the store's modules loaded); made here when absent. */
  started?: StartedPool;
}

const sameTarget = (a: OutboxTarget, b: OutboxTarget | undefined) => b !== undefined && a.server === b.server && a.database === b.database && a.role === b.role;

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

/** What `work` reads, or undefined when the row cannot be read (told to `skip`, with what it is). */
function readable<T>(work: () => T, skip?: (what: string) => void): T | undefined {
  try {
    return work();
  } catch (err) {
    if (!(err instanceof DamagedRow)) throw err;
    skip?.(err.what);
    return undefined;
  }
}

/** The server could not be reached or went away: a visit is kept for later rather than lost. */
class Unreachable extends StoreError {}
const unreachable = (err: unknown): boolean => err instanceof Unreachable || isConnectionError(err);

function describePgError(err: unknown, where: string): StoreError | undefined {
  if (err instanceof StoreError) return err;
  const code = (err as { code?: string }).code ?? '';
  const msg = err instanceof Error ? err.message : String(err);
  if (/client password must be a string/.test(msg)) return new StoreError(`the team database ${where} asks for a password, and none was given`, 'set PGPASSWORD, add a line to ~/.pgpass, or name a passwordFile in the config (never the address)', { key: 'pgNoPassword', params: { where } });
  if (code === '28P01' || code === '28000') return new StoreError(`the team database ${where} refused the password for this user`, 'check PGPASSWORD, ~/.pgpass or the passwordFile in the config; the password is never shown', { key: 'pgBadPassword', params: { where } });
  if (code === '3D000') return new StoreError(`the team database ${where} does not exist`, 'ask the team admin for the database URL, or create it and run: sales-coach team init', { key: 'pgNoDatabase', params: { where } });
  if (code === '42501') return new StoreError(`the team database ${where} refused this (permission denied: ${msg.replace(/^permission denied (for )?/, '')})`, 'a rep may change only their own accounts, and a manager read their team\'s; the team admin grants access with sales-coach team add', {
      key: 'pgPermission',
      params: { where, detail: msg.replace(/^permission denied (for )?/, '') },
    });
  if (code === '42939') return new StoreError(`the team database ${where} refused the name (${msg})`, 'choose the person\'s own name, e.g. alice_wong', { key: 'pgBadName', params: { where, detail: msg } });
  if (code === '23514') return new StoreError(`the team database ${where} refused a row sales-coach could not read back (${msg})`, 'nothing of this command was saved; export what is readable with sales-coach export --json', { key: 'pgBadRow', params: { where, detail: msg } });
  if (code === '57014') return new StoreError(`the team database ${where} took too long to answer (statement timeout); nothing was changed`, 'try again; if it persists, ask the team admin', { key: 'pgTimeout', params: { where } });
  if (/\bSSL\b/i.test(msg)) return new StoreError(`cannot open a secure connection to the team database ${where} (${msg})`, 'check sslmode in the address against what the server offers', { key: 'pgSsl', params: { where, detail: msg } });
  if (isConnectionError(err)) return new Unreachable(`cannot reach the team database ${where} (${code || msg})`, 'check the address (--db, SALES_COACH_DB or store: in the config) and that the server is running', {
      key: 'pgUnreachable',
      params: { where, detail: code || msg },
    });
  return undefined;
}

/**
 * A SCRAM-SHA-256 verifier for a password (RFC 5802, 7677; what PostgreSQL stores and psql's
 * \\password sends): the server can check a login with it and cannot recover the password. The
 * password is normalised as SASLprep does for ordinary text (NFKC).
 */
export function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();
  const storedKey = createHash('sha256').update(hmac(salted, 'Client Key')).digest();
  const serverKey = hmac(salted, 'Server Key');
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

export async function openPostgresStore(opts: PgOptions): Promise<PostgresStore> {
  const where = describeUrl(opts.url);
  const { pool, ready } = opts.started ?? { pool: teamPool(opts), ready: Promise.resolve() };
  const store = new PostgresStore(pool, where, opts.outbox);
  try {
    await ready;
    await store.checkSchema();
    await store.learnTarget();
  } catch (err) {
    await pool.end().catch(() => {});
    throw describePgError(err, where) ?? err;
  }
  return store;
}

export class PostgresStore extends SqlStore implements TeamStore {
  readonly team = true;
  protected readonly scoped = true;

  constructor(
    readonly pool: pg.Pool,
    readonly where: string,
    private readonly outbox?: VisitOutbox,
  ) {
    super(new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }));
  }

  protected describe(err: unknown): StoreError | undefined {
    return describePgError(err, this.where);
  }

  protected exec<R>(query: Runnable<R>): Promise<R[]> {
    return query.execute();
  }

  protected bytewise(column: string) {
    return sql<string>`${sql.ref(column)} COLLATE "C"`;
  }

  protected jsonText(column: string, key: string) {
    return sql<string | null>`(${sql.ref(column)}::json ->> ${key})`;
  }

  protected daysSql(from: RawBuilder<unknown>, to: RawBuilder<unknown>) {
    return sql<number>`(${to}::date - ${from}::date)`;
  }

  protected jsonField(column: string, key: string) {
    return sql<string | null>`(${sql.ref(column)}::json -> ${key})::text`;
  }

  /** A rep deletes only through delete_account (no rep may hold a table-wide DELETE: it would let them lock the table). */
  protected override async deleteAccountRow(q: Q, id: number): Promise<void> {
    await sql`SELECT delete_account(${id})`.execute(q);
  }

  private schemaVersion(q: Q): Promise<{ version: number }[]> {
    return this.q<{ version: number }>(`SELECT version FROM ${PG_SCHEMA}.schema_version`, [], q);
  }

  /** This database's rep role (migration 4: one per team database), as an identifier in SQL. */
  private async repRole(q: Q): Promise<string> {
    return (await this.q<{ i: string }>(`SELECT quote_ident(${PG_SCHEMA}.rep_role()) AS i`, [], q))[0].i;
  }

  /** A role's name as an identifier in SQL, quoted by the server. */
  private async ident(q: Q, role: string): Promise<string> {
    return (await this.q<{ i: string }>('SELECT quote_ident($1) AS i', [role], q))[0].i;
  }

  /** SQL of PostgreSQL's own (the team's administration, its review): run as written, with its parameters. */
  private async q<T = Record<string, unknown>>(text: string, params: unknown[] = [], on: Q = this.kdb): Promise<T[]> {
    return this.run(async () => (await on.executeQuery<T>(CompiledQuery.raw(text, params))).rows);
  }

  /** Where this store writes, as the server says (see OutboxTarget); known once it has connected. */
  target?: OutboxTarget;

  async learnTarget(): Promise<void> {
    const [who] = await this.q<{ role: string; database: string; addr: string }>("SELECT current_user AS role, current_database() AS database, coalesce(host(inet_server_addr()), 'local') || ':' || coalesce(inet_server_port()::text, '') AS addr");
    // the server's own identity, where this role may read it: the same server by any address
    const sysid = await this.q<{ id: string }>('SELECT system_identifier::text AS id FROM pg_control_system()').catch(() => []);
    this.target = { server: sysid[0]?.id ? `system ${sysid[0].id}` : who.addr, database: who.database, role: who.role };
  }

  /** The schema's version: refuses a newer one, and applies what an older one lacks (if this role may). */
  async checkSchema(): Promise<void> {
    const found = await this.schemaVersion(this.kdb).catch((err) => {
      if ((err as { code?: string }).code === '42P01' || (err as { code?: string }).code === '3F000') return undefined; // no schema yet
      throw err;
    });
    const version = found?.[0]?.version ?? 0;
    if (version > PG_SCHEMA_VERSION) {
      throw new StoreError(`the team database ${this.where} was made by a newer sales-coach (schema ${version}; this one knows up to ${PG_SCHEMA_VERSION})`, 'upgrade sales-coach; the database is left as it is', {
        key: 'newerSchema',
        params: { path: this.where, version, known: PG_SCHEMA_VERSION, team: true },
      });
    }
    if (version < PG_SCHEMA_VERSION) {
      try {
        await this.migrate();
      } catch (err) {
        if ((err as { code?: string }).code === '42501' || (err instanceof StoreError && /permission denied/.test(err.message))) {
          throw new StoreError(
            `the team database ${this.where} is ${version === 0 ? 'not set up for sales-coach yet' : `at schema ${version}, older than this sales-coach (${PG_SCHEMA_VERSION})`}, and this user may not ${version === 0 ? 'set it up' : 'upgrade it'}`,
            `the team admin runs: sales-coach team init --db ${this.where}`,
            { key: 'pgNotSetUp', params: { where: this.where, version, known: PG_SCHEMA_VERSION } },
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
    return this.write(async (c) => {
      await this.q("SELECT pg_advisory_xact_lock(hashtext('sales-coach schema'))", [], c);
      await this.q(`CREATE SCHEMA IF NOT EXISTS ${PG_SCHEMA}`, [], c);
      await this.q(`CREATE TABLE IF NOT EXISTS ${PG_SCHEMA}.schema_version (version integer NOT NULL)`, [], c);
      const rows = await this.schemaVersion(c);
      const version = rows[0]?.version ?? 0;
      if (version > PG_SCHEMA_VERSION) throw new StoreError(`the team database ${this.where} was made by a newer sales-coach (schema ${version})`, 'upgrade sales-coach; the database is left as it is', {
          key: 'newerSchema',
          params: { path: this.where, version, team: true },
        });
      for (const m of pending('postgres', version)) await this.q(m.sql, [], c);
      if (rows.length === 0) await this.q(`INSERT INTO ${PG_SCHEMA}.schema_version (version) VALUES ($1)`, [PG_SCHEMA_VERSION], c);
      else await this.q(`UPDATE ${PG_SCHEMA}.schema_version SET version = $1`, [PG_SCHEMA_VERSION], c);
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
    // a visit is sent only where it was meant to go: the same role on the same database of the same server
    for (const { id, visit } of this.outbox.list().filter((k) => (k.visit.to ? sameTarget(k.visit.to, this.target) : k.visit.target === this.where))) {
      let already = false;
      try {
        already = (await this.saveNow(visit)).already === true;
      } catch (err) {
        // gone again: the rest waits for the next command
        if (unreachable(err)) throw err;
        // refused by the database itself (another rep's account, a changed schema): kept aside for the
        // rep to see, never lost and never blocking every later command
        const file = this.outbox.setAside(id);
        if (file) refused.push({ file, reason: err instanceof Error ? err.message : String(err) });
        continue;
      }
      this.outbox.remove(id);
      if (!already) sent++;
    }
    return { sent, refused };
  }

  async currentUser(): Promise<string> {
    return (await this.q<{ u: string }>('SELECT current_user AS u'))[0].u;
  }

  override async saveVisit(v: SaveVisit): Promise<SavedVisit> {
    // a visit that cannot reach the server is kept on this machine, never lost; it is sent by the next
    // command that reaches the server (the origin makes that send happen once)
    const visit = this.outbox && !v.origin ? { ...v, origin: `journal:${randomUUID()}` } : v;
    try {
      return await this.saveNow(visit);
    } catch (err) {
      if (!this.outbox || !unreachable(err)) throw err;
      // sent later as it was recorded: the state it was applied to is long gone by then
      const { basedOn: _read, ...kept } = visit as SaveVisit & { origin: string };
      this.outbox.put({ ...kept, target: this.where, ...(this.target ? { to: this.target } : {}) });
      return { visitId: -1, accountId: -1, pending: true };
    }
  }

  /** `already`: the visit was there (sent by another command, or before a crash): nothing was written. */
  private async saveNow(v: SaveVisit): Promise<SavedVisit & { already?: boolean }> {
    return this.write(async (q) => {
      if (v.origin) {
        // of commands sending the same kept visit at once, one sends it and the others find it sent
        await sql`SELECT pg_advisory_xact_lock(hashtext(${v.origin}))`.execute(q);
        const done = await q.selectFrom('visits').select(['id', 'account_id']).where('origin', '=', v.origin).where(this.owned('owner')).executeTakeFirst();
        if (done) return { visitId: done.id, accountId: done.account_id, already: true };
      }
      return this.saveIn(q, v);
    });
  }

  /**
   * All rows or none in one transaction; a dry run does the same work and rolls it back (PostgreSQL
   * keeps what a transaction wrote invisible to others until it commits, so nobody sees it).
   */
  async importRows(rows: AsyncIterable<ImportRow>, opts: ImportOptions): Promise<ImportCounts> {
    const counts: ImportCounts = { accounts: 0, contactsAdded: 0, contactsUpdated: 0, contactsUnchanged: 0 };
    const FIELDS = ['title', 'role', 'reports_to', 'persona', 'email', 'phone'] as const;
    const accounts = new Map<string, number>();
    const contacts = new Map<number, Map<string, Record<string, unknown>>>();
    const touched = new Set<number>();
    // a dry run is rolled back at its end: this error carries its counts out of the transaction
    class DryRun extends Error {}
    try {
      await this.write(async (c) => {
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
      if (opts.dryRun) throw new DryRun();
      });
    } catch (err) {
      if (!(err instanceof DryRun)) throw err;
    }
    return counts;
  }

  /**
   * The contract's statsHistory (see types.ts), for this rep, or for `owner` (a rep of the manager's
   * team: row-level security decides). Three passes, as the SQLite store: accounts, their class
   * events, their visits packed one row per account with only the answers asked for.
   */
  async statsHistory(q: StatsQuery, owner?: string, damaged?: Damaged[]): Promise<StatsAccount[]> {
    return this.run(async () => {
      const lapsed = new Map<number, StatsAccount>();
      const out = await this.statsOf(q, lapsed, owner, damaged);
      await this.putLiveDue(lapsed, q.today);
      return out;
    });
  }

  private async statsOf(q: StatsQuery, lapsed: Map<number, StatsAccount>, owner?: string, damaged?: Damaged[]): Promise<StatsAccount[]> {
    // with a list to name them in, a row that cannot be read is left out; else it stops the read
    const skip = damaged ? (what: string) => damaged.push({ rep: owner ?? '', what }) : undefined;
    const read = <T>(work: () => T): T | undefined => (skip ? readable(work, skip) : work());
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
      `SELECT ${STATS_COLUMNS} FROM accounts WHERE ${accountWhere}`,
      params,
    )) {
      const a = read(() => rows.account(r));
      if (!a) continue;
      byId.set(r.id, a);
      out.push(a);
      if (q.today !== undefined && r.next_until && r.next_until < q.today) lapsed.set(r.id, a);
    }
    if (out.length === 0) return out;
    // the whole history of a rep read by its owner (the rows' own column, as the indexes of migration
    // 18 begin): each index then gives the rows in (account, date, id) order, with no sort of a million
    const scope = where.length === 1 ? (owner === undefined ? 'owner = current_user AND $1::name IS NULL' : 'owner = $1') : `account_id IN (SELECT id FROM accounts WHERE ${accountWhere})`;
    for (const e of await this.q<{ account_id: number; date: string; kind: string; data: string }>(
      `SELECT account_id, date, kind, data FROM account_events WHERE kind IN ('class-changed', 'signed', 'dropped') AND ${scope} ORDER BY account_id, date, id`,
      params,
    )) {
      const a = byId.get(e.account_id);
      const event = a && read(() => rows.event(e.kind, e.date, e.data, a.name));
      if (a && event) a.events.push(event);
    }
    if (q.visits === false) return out;
    const ids = [...new Set(q.answers ?? [])];
    // packed one text per account, as the embedded store reads them (shape.ts PackedVisits): a row a
    // visit, each answer taken from its JSON in the server, made `stats` over one rep's 1,000,000
    // visits 11.5 s. Visits saved with their habit answers apart give them whole (one small JSON
    // text, read once per distinct visit); older ones the values asked for from all their answers.
    const packed = (tail: string, where: string) => {
      const fields = ['date', 'mode', 'playbook_id', "encode(convert_to(coalesce(person, ''), 'UTF8'), 'hex')", ...(tail ? [tail] : [])].join(' || chr(31) || ');
      return `SELECT account_id, string_agg(${fields}, chr(30) ORDER BY date, id) AS visits FROM visits WHERE ${where} AND ${scope} GROUP BY account_id`;
    };
    const legacy = ids.map((_, i) => `coalesce(((answers::json) -> $${params.length + 1 + i})::text, '')`).join(' || chr(31) || ');
    const visits = new PackedVisits(rows, ids);
    for (const v of await this.q<{ account_id: number; visits: string }>(packed(ids.length ? 'habit_answers' : '', 'habit_answers IS NOT NULL'), params)) {
      const a = byId.get(v.account_id);
      const read1 = a && read(() => visits.unpack(v.visits, true));
      if (a && read1) a.visits = read1;
    }
    for (const v of await this.q<{ account_id: number; visits: string }>(packed(legacy, 'habit_answers IS NULL'), [...params, ...ids])) {
      const a = byId.get(v.account_id);
      const older = a && read(() => visits.unpack(v.visits, false));
      if (a && older) a.visits = visits.withOlder(a.visits, older);
    }
    return out;
  }

  override async stepsDue(q: StepsDueQuery, owner?: string): Promise<ChecklistRow[]> {
    return this.stepsDueOf(q, owner);
  }

  override async timeline(account: string, owner?: string): Promise<AccountTimeline | undefined> {
    return this.timelineOf(account, owner);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }

  // -- the team: what only a shared database has ------------------------------------------------

  /** The reps this user manages, at any depth (row-level security shows a manager exactly these). */
  async managedReps(): Promise<string[]> {
    return (await this.teamTree()).map((r) => r.rep);
  }

  /** The reps under this user with each one's manager: theirs directly, or one of their managers'. */
  async teamTree(): Promise<{ rep: string; manager: string }[]> {
    return this.q<{ rep: string; manager: string }>(`SELECT rep, manager FROM team_members WHERE rep = ANY (${PG_SCHEMA}.managed_reps()) ORDER BY rep`);
  }

  /**
   * What a manager's review reads, for the given reps, in three queries however large the team: each
   * rep's accounts counted by class and by flag; the accounts that need attention (past the window,
   * provisional, an overdue step, no next step), at most `limitPerRep` each; what moved since `since`
   * and the managers' notes. Row-level security would refuse another team's rows anyway.
   */
  /**
   * Each rep's accounts in play not visited since `since` (an account never visited, imported, is
   * untouched too), from the kept count by day of last session (migration 17, account_dates 'touched').
   * A prep dated ahead is not a visit: an account whose last session is after today (few) is untouched
   * unless a session of the period itself touched it (the trial's prep of 9 Dec hid an account nobody
   * had met since 20 Nov); those alone are read from the accounts, and only for the reps who have any.
   */
  private async untouchedCounts(team: string[], today: string, since: string): Promise<Map<string, number>> {
    const kept = await this.kdb
      .selectFrom('account_dates')
      .where('owner', 'in', team)
      .where('kind', '=', 'touched')
      .where((eb) => eb.or([eb('date', '<', since), eb('date', '>', today)]))
      .select((eb) => ['owner as rep', sql<boolean>`date > ${today}`.as('ahead'), eb.fn.sum<number>('n').as('n')])
      .groupBy(['owner', sql`2`])
      .execute();
    const counts = new Map<string, number>();
    for (const k of kept) if (!k.ahead) counts.set(String(k.rep), Number(k.n));
    const ahead = kept.filter((k) => k.ahead).map((k) => String(k.rep));
    if (!ahead.length) return counts;
    const unmet = await this.kdb
      .selectFrom('accounts')
      .where('owner', 'in', ahead)
      .where('signed', '=', 0)
      .where('dropped', '=', 0)
      .where('last_visit', '>', today)
      .where(sql<SqlBool>`NOT EXISTS (SELECT 1 FROM visits v WHERE v.account_id = accounts.id AND v.date >= ${since} AND v.date <= ${today})`)
      .select((eb) => ['owner as rep', eb.fn.countAll<number>().as('n')])
      .groupBy('owner')
      .execute();
    for (const u of unmet) counts.set(String(u.rep), (counts.get(String(u.rep)) ?? 0) + Number(u.n));
    return counts;
  }

  async teamReview(reps: string[], today: string, since: string, limitPerRep?: number, opts: { everyAccount?: boolean; untouchedSince?: string } = {}): Promise<TeamReviewData> {
    return this.run(async () => {
      const flags = flagExpressions(today);
      const needs = sql<number>`(CASE WHEN ${flags.window} + ${flags.provisional} + ${flags.overdue} + ${flags.no_next} > 0 THEN 1 ELSE 0 END)`;
      const team = reps.length ? reps : [''];
      // each rep's totals as the database keeps them (migrations 10 and 13), as a rep's own review
      // reads them: a few rows a rep, where counting the team's 100,000 accounts through row-level
      // security took 140-170 ms. Each class's labels (the playbook's, alike on its accounts) come with them.
      const groups = await this.kdb
        .selectFrom('account_counts')
        .where('owner', 'in', team)
        .where('n', '>', 0)
        .select((eb) => [
          'owner as rep',
          'class',
          'class_status',
          'signed',
          eb.fn.min('class_rank').as('rank'),
          eb.fn.max('dropped').as('dropped'),
          eb.fn.max('class_labels').as('labels'),
          eb.fn.sum<number>('n').as('n'),
          eb.fn.sum<number>('attention').as('attention'),
          eb.fn.sum<number>('provisional').as('provisional'),
          eb.fn.sum<number>('no_next').as('no_next'),
          eb.fn.sum<number>('one_contact').as('one_contact'),
        ])
        // a signed account is won, not in play: its own group, as in the rep's review (foldGroups);
        // counted under its class, it made 'A 3' of one A and two signed, whose rows no group showed
        .groupBy(['owner', 'class', 'class_status', 'signed'])
        .execute();
      // the flags that depend on the day, per rep: the days before today summed (the window's end,
      // the next step's due day, and the day from which an account needs attention)
      const dated = await this.kdb
        .selectFrom('account_dates')
        .where('owner', 'in', team)
        .where('date', '<', today)
        // 'touched' is the untouched count's (untouchedCounts)
        .where('kind', 'in', ['deadline', 'due', 'attention'])
        .select((eb) => ['owner as rep', 'kind', eb.fn.sum<number>('n').as('n')])
        .groupBy(['owner', 'kind'])
        .execute();
      // the kept day counts an account overdue (and so needing attention) from its kept next step's
      // due day; put right for the accounts whose kept step has lapsed since (sql-store.ts lapsedCounts)
      const conditions = flagConditions(today);
      const keptAttention = sql<SqlBool>`least(CASE WHEN signed = 0 AND dropped = 0 THEN class_deadline END, next_due) < ${today}`;
      const always = sql<SqlBool>`(class_status = 'provisional' OR (signed = 0 AND dropped = 0 AND open_items = 0))`;
      const lapsed = await this.kdb
        .selectFrom('accounts')
        .where('owner', 'in', team)
        .where('next_until', 'is not', null)
        .where('next_until', '<', today)
        .select((eb) => [
          'owner as rep',
          eb.fn.countAll<number>().filterWhere('next_due', '<', today).as('kept'),
          eb.fn.countAll<number>().filterWhere(conditions.overdue).as('live'),
          eb.fn.countAll<number>().filterWhere(sql<SqlBool>`NOT ${always} AND ${keptAttention}`).as('kept_attention'),
          eb.fn.countAll<number>().filterWhere(sql<SqlBool>`NOT ${always} AND (${conditions.window} OR ${conditions.overdue})`).as('live_attention'),
        ])
        .groupBy('owner')
        .execute();
      const attentionOf = new Map<string, number>();
      const repFlags = new Map<string, Partial<Record<PipelineFlag, number>>>();
      const add = (rep: string, n: number) => attentionOf.set(rep, (attentionOf.get(rep) ?? 0) + n);
      for (const g of groups) add(String(g.rep), Number(g.attention ?? 0));
      for (const d of dated) {
        const rep = String(d.rep);
        if (d.kind === 'attention') add(rep, Number(d.n));
        else repFlags.set(rep, { ...repFlags.get(rep), [d.kind === 'deadline' ? 'window' : 'overdue']: Number(d.n) });
      }
      for (const l of lapsed) {
        const rep = String(l.rep);
        repFlags.set(rep, { ...repFlags.get(rep), overdue: (repFlags.get(rep)?.overdue ?? 0) + Number(l.live) - Number(l.kept) });
        add(rep, Number(l.live_attention) - Number(l.kept_attention));
      }
      // a class's labels: any of its rows' (the playbook's, alike on its accounts)
      const labelTextOf = new Map<string, string | null>();
      for (const g of groups) {
        const k = `${g.rep}\u0000${g.class}`;
        if (g.class !== null && g.labels !== null && (labelTextOf.get(k) ?? '') < g.labels) labelTextOf.set(k, g.labels);
      }
      // each rep's first accounts needing attention, best class first, read in that order from the
      // index accounts_attention_v14 (migration 14: its expressions are this ORDER BY's, ATTENTION_ORDER)
      const live = liveNextStep(today);
      const flagCols = sql.join([...PIPELINE_FLAGS.map((k) => sql`${flags[k]} AS ${sql.ref(`f_${k}`)}`), ...Object.entries(live).map(([k, e]) => sql`${e} AS ${sql.ref(k)}`)]);
      const limit = limitPerRep ? sql`LIMIT ${Math.floor(limitPerRep)}` : sql``;
      const order = sql.raw(ATTENTION_ORDER);
      const attention = await sql<AccountDbRow & { rep: string; live_due: string | null; live_item: string | null; live_texts: string | null } & Record<`f_${PipelineFlag}`, number>>`
        SELECT r.rep, x.* FROM unnest(${reps}::name[]) WITH ORDINALITY AS r(rep, o) CROSS JOIN LATERAL (
          SELECT *, ${flagCols}, ${order} AS attention_order FROM accounts WHERE owner = r.rep AND ${opts.everyAccount ? sql`true` : sql`${needs} = 1`}
          ORDER BY ${order}, class_deadline NULLS LAST, name_key COLLATE "C" ${limit}) x
        ORDER BY r.o, x.attention_order, x.class_deadline NULLS LAST, x.name_key COLLATE "C"`.execute(this.kdb);
      // what moved, and the notes: with a limit, each rep's first moves of the period (the screen said
      // every move of every rep, 1,500 lines for a team of 50, each read and checked) and how many there
      // are; the notes all (a challenge is not cut off by a busy week)
      const note = sql<boolean>`e.kind IN ('class-validated', 'class-challenged')`;
      const period = this.eventQuery(this.kdb)
        .select('e.owner as rep')
        .select(sql<number>`row_number() OVER (PARTITION BY e.owner, ${note} ORDER BY e.date, e.id)`.as('rn'))
        .select(sql<number>`count(*) OVER (PARTITION BY e.owner, ${note})`.as('of'))
        .select(note.as('is_note'))
        .where('e.owner', 'in', reps.length ? reps : [''])
        .where('e.date', '>=', since)
        // up to the review's day: tomorrow's prep has not moved anything yet
        .where('e.date', '<=', today)
        .where('e.kind', 'in', ['class-changed', 'signed', 'dropped', 'class-validated', 'class-challenged']);
      const events = await this.kdb
        .selectFrom(period.as('x'))
        .selectAll()
        .$if(limitPerRep !== undefined, (qb) => qb.where((eb) => eb.or([eb('x.is_note', '=', true), eb('x.rn', '<=', Math.floor(limitPerRep ?? 0))])))
        .orderBy('x.rep')
        .orderBy('x.date')
        .orderBy('x.id')
        .execute();
      const movedTotal: Record<string, number> = {};
      for (const e of events) if (!e.is_note) movedTotal[String(e.rep)] = Number(e.of);
      // activity: each rep's debriefs in the period, and their accounts in play not visited since the
      // untouched day (an account never visited, imported, is untouched too)
      const debriefs = await this.kdb.selectFrom('visits').where('owner', 'in', team).where('mode', '=', 'debrief').where('date', '>=', since).where('date', '<=', today).select((eb) => ['owner as rep', eb.fn.countAll<number>().as('n')]).groupBy('owner').execute();
      const untouched = opts.untouchedSince ? await this.untouchedCounts(team, today, opts.untouchedSince) : new Map<string, number>();
      const activity = Object.fromEntries(team.map((r) => [r, { debriefs: Number(debriefs.find((d) => d.rep === r)?.n ?? 0), untouched: untouched.get(r) ?? 0 }]));
      // each rep's deals' values per group and currency: only valued accounts, read from their own index
      const values = await this.kdb
        .selectFrom('accounts')
        .where('owner', 'in', team)
        .where('amount', 'is not', null)
        .select((eb) => ['owner as rep', sql<string>`CASE WHEN signed = 1 THEN 'signed' ELSE coalesce(class, class_status, 'new') END`.as('g'), 'currency', eb.fn.sum<number>('amount').as('amount'), eb.fn.countAll<number>().as('n')])
        .groupBy(['owner', sql`2`, 'currency'])
        .execute();
      // the questions' threads, whenever asked: a question still open is shown however old
      const threads = await this.threadRows(team, today);
      const inPeriod = new Set(events.map((e) => Number(e.id)));
      // one row a rep damaged (changed outside sales-coach) is named and left out, never the whole team's review
      const damaged: Damaged[] = [];
      const badLabels = new Set<string>();
      const labelsOf = (g: { rep: unknown; class: string | null }) => {
        const text = g.class !== null ? labelTextOf.get(`${g.rep}\u0000${g.class}`) : undefined;
        if (!text) return undefined;
        const read = readable(() => readLabels(text, `class ${g.class}`));
        if (!read) badLabels.add(text);
        return read;
      };
      const out: TeamReviewData = {
        groups: groups.map((g) => {
          const signed = Number(g.signed) === 1;
          const labels = signed ? undefined : labelsOf(g);
          return {
            rep: String(g.rep),
            key: signed ? 'signed' : String(g.class ?? g.class_status ?? 'new'),
            ...(g.class !== null && !signed ? { class: g.class } : {}),
            ...(g.rank !== null && !signed ? { rank: Number(g.rank) } : {}),
            ...(labels ? { labels } : {}),
            dropped: Number(g.dropped) === 1,
            count: Number(g.n),
            // the date-free flags by group; window and overdue are the rep's, in repFlags
            flagCounts: { window: 0, overdue: 0, provisional: Number(g.provisional ?? 0), no_next: Number(g.no_next ?? 0), one_contact: Number(g.one_contact ?? 0) },
          };
        }),
        repFlags: Object.fromEntries(repFlags),
        attention: attention.rows.flatMap((r) => {
          const row = readable(() => accountRow(withLiveNext(r)), (what) => damaged.push({ rep: r.rep, what }));
          return row ? [{ rep: r.rep, total: attentionOf.get(r.rep) ?? 0, row: { ...row, flags: PIPELINE_FLAGS.filter((f) => Number(r[`f_${f}`]) === 1) } }] : [];
        }),
        events: [...events, ...threads.filter((e) => !inPeriod.has(Number(e.id)))].flatMap((e) => {
          const event = readable(() => this.event(e), (what) => damaged.push({ rep: String(e.rep), what }));
          return event ? [{ rep: String(e.rep), event }] : [];
        }),
        movedTotal,
        activity,
        values: values.map((v) => ({ rep: String(v.rep), group: String(v.g), ...(v.currency ? { currency: v.currency } : {}), amount: Number(v.amount), accounts: Number(v.n) })),
        damaged,
      };
      // the accounts whose labels spoiled their class's: named (their class still counts them)
      if (badLabels.size) {
        const named = new Set(damaged.map((d) => `${d.rep}\0${d.what}`));
        for (const a of await this.q<{ owner: string; name: string }>('SELECT owner, name FROM accounts WHERE owner = ANY($1) AND class_labels = ANY($2) ORDER BY owner, name_key COLLATE "C"', [reps, [...badLabels]])) {
          const what = `class of "${a.name}"`;
          if (!named.has(`${a.owner}\0${what}`)) damaged.push({ rep: a.owner, what });
        }
      }
      return out;
    });
  }

  /** Every question asked on these reps' accounts up to `today`, with its answers and close (from their own index). */
  private threadRows(reps: string[], today: string) {
    return this.eventQuery(this.kdb)
      .select('e.owner as rep')
      .where('e.owner', 'in', reps.length ? reps : [''])
      .where('e.kind', 'in', ['class-challenged', 'note-replied', 'note-resolved'])
      .where('e.date', '<=', today)
      .orderBy('e.date')
      .orderBy('e.id')
      .execute();
  }

  async teamThreads(reps: string[], today: string): Promise<{ rep: string; event: StoredEvent }[]> {
    return this.run(async () => (await this.threadRows(reps, today)).map((e) => ({ rep: String(e.rep), event: this.event(e) })));
  }

  /** The reps of `reps` who have an account of this name (as the store keys names), read through row-level security. */
  async ownersOf(account: string, reps: string[]): Promise<string[]> {
    return this.run(async () => (await this.q<{ owner: string }>('SELECT DISTINCT owner FROM accounts WHERE name_key = $1 AND owner = ANY($2) ORDER BY owner', [nameKey(account), reps])).map((r) => r.owner));
  }

  /**
   * The visits these reps prepared for a day in [from, today) and have not debriefed (a person's
   * plannedFor, cleared by the debrief that met them): what `today` recalls to the rep, for their manager.
   */
  async undebriefedVisits(reps: string[], from: string, today: string): Promise<{ rep: string; account: string; date: string }[]> {
    return this.run(async () =>
      this.q<{ rep: string; account: string; date: string }>(
        'SELECT DISTINCT c.owner AS rep, a.name AS account, c.planned_for AS date FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.owner = ANY($1) AND c.planned_for >= $2 AND c.planned_for < $3 ORDER BY c.owner, c.planned_for, a.name',
        [reps, from, today],
      ),
    );
  }

  /** Of these reps' accounts named, those signed by `today`, with the day of their signature. */
  async signedAccounts(reps: string[], names: string[], today: string): Promise<{ rep: string; account: string; date: string }[]> {
    if (!names.length) return [];
    return this.run(async () =>
      this.q<{ rep: string; account: string; date: string }>(
        "SELECT e.owner AS rep, a.name AS account, min(e.date) AS date FROM account_events e JOIN accounts a ON a.id = e.account_id WHERE e.owner = ANY($1) AND a.name = ANY($2) AND e.kind = 'signed' AND e.date <= $3 GROUP BY e.owner, a.name",
        [reps, names, today],
      ),
    );
  }

  /**
   * The accounts untouchedCounts counts, by name (the review's screen names them, its CSV and JSON
   * mark them): in play, last visited before `since` or never, or with only a prep dated ahead since
   * then. Each with its last session on or before `today`; oldest first, at most `limitPerRep` a rep.
   */
  async untouchedAccounts(reps: string[], today: string, since: string, limitPerRep?: number): Promise<{ rep: string; account: string; lastVisit?: string }[]> {
    if (!reps.length) return [];
    const seen = 'CASE WHEN a.last_visit > $2 THEN (SELECT max(v.date) FROM visits v WHERE v.account_id = a.id AND v.date <= $2) ELSE a.last_visit END';
    const limit = limitPerRep !== undefined ? `LIMIT ${Math.floor(limitPerRep)}` : '';
    const rows = await this.run(async () =>
      this.q<{ rep: string; account: string; last: string | null }>(
        `SELECT r.rep, x.name AS account, x.last FROM unnest($1::name[]) WITH ORDINALITY AS r(rep, o) CROSS JOIN LATERAL (
           SELECT a.name, a.name_key, ${seen} AS last FROM accounts a
           WHERE a.owner = r.rep AND a.signed = 0 AND a.dropped = 0
             AND (a.last_visit IS NULL OR a.last_visit < $3
               OR (a.last_visit > $2 AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.account_id = a.id AND v.date >= $3 AND v.date <= $2)))
           ORDER BY 3 NULLS FIRST, a.name_key COLLATE "C" ${limit}) x
         ORDER BY r.o, x.last NULLS FIRST, x.name_key COLLATE "C"`,
        [reps, today, since],
      ),
    );
    return rows.map((r) => ({ rep: r.rep, account: r.account, ...(r.last ? { lastVisit: String(r.last) } : {}) }));
  }

  async visitedBy(reps: string[], today: string): Promise<{ rep: string; account: string; lastVisit?: string }[]> {
    if (!reps.length) return [];
    const rows = await this.run(async () =>
      this.q<{ rep: string; account: string; last: string | null }>(
        'SELECT a.owner AS rep, a.name AS account, (SELECT max(v.date) FROM visits v WHERE v.account_id = a.id AND v.date <= $2) AS last FROM accounts a WHERE a.owner = ANY($1) AND a.last_visit > $2',
        [reps, today],
      ),
    );
    return rows.map((r) => ({ rep: r.rep, account: r.account, ...(r.last ? { lastVisit: String(r.last) } : {}) }));
  }

  /** A rep's account as their manager sees it (read-only through row-level security). */
  async teamAccount(rep: string, account: string): Promise<AccountTimeline | undefined> {
    return this.timeline(account, rep);
  }

  /** The manager's note on a rep's account: an event with who and when, refused by the database for anyone else. */
  /** A note, an answer or a close is never dated after the server's day (a day's grace for time zones). */
  private async notAhead(c: Q, today: string, what: string): Promise<void> {
    const latest = (await this.q<{ d: string }>("SELECT to_char(current_date + 1, 'YYYY-MM-DD') AS d", [], c))[0].d;
    if (today > latest) throw new StoreError(`${what} cannot be dated ${today}: that is after today on the team database`, 'leave --today out, or give a past day', { key: 'noteAfterToday', params: { date: today } });
  }

  async reviewClass(rep: string, account: string, kind: 'class-validated' | 'class-challenged', note: string, at: string, today: string): Promise<{ by: string; class?: string; status?: string; name: string; closed: boolean }> {
    return this.write(async (c) => {
      const by = await this.currentUser();
      await this.notAhead(c, today, 'a note');
      // the seed's question is the manager's to ask: never a rep's of their own class
      if (rep === by) throw new StoreError('a note on your own account is not a manager\'s review', 'your manager confirms or questions your classes; sales-coach accounts shows their notes', { key: 'noteOnOwnAccount', params: {} });
      const managed = (await this.q(`SELECT 1 WHERE $1 = ANY (${PG_SCHEMA}.managed_reps())`, [rep], c)).length > 0;
      if (!managed) throw new StoreError(`${rep} is not a rep of your team`, 'sales-coach team review lists your team; the team admin adds reps with: sales-coach team add REP --manager YOU', { key: 'notYourRep', params: { rep } });
      const a = (await this.q<{ id: number; name: string; class: string | null; class_status: string | null; signed: number; dropped: number }>('SELECT id, name, class, class_status, signed, dropped FROM accounts WHERE owner = $1 AND name_key = $2', [rep, nameKey(account)], c))[0];
      if (!a) throw new StoreError(`${rep} has no account "${account}"`, `sales-coach accounts --rep ${rep} --all lists their accounts`, { key: 'repHasNoAccount', params: { rep, account } });
      // a note speaks of the class the account had that day: before its first session it had none
      const first = (await this.q<{ d: string | null }>('SELECT min(date) AS d FROM visits WHERE account_id = $1', [a.id], c))[0]?.d;
      if (first && today < first) throw new StoreError(`a note on "${a.name}" cannot be dated ${today}: its first session was on ${first}`, `leave --today out, or give a day from ${first} on`, { key: 'noteBeforeAccount', params: { date: today, account: a.name, first } });
      const e: StoredAccountEvent = { kind, date: today, by, ...(a.class ? { class: a.class } : {}), note };
      await this.q('INSERT INTO account_events (owner, account_id, visit_id, date, kind, data, at) VALUES ($1, $2, NULL, $3, $4, $5, $6)', [rep, a.id, e.date, e.kind, eventData(e), at], c);
      return { by, name: a.name, ...(a.class ? { class: a.class } : {}), ...(a.class_status ? { status: a.class_status } : {}), closed: Number(a.signed) === 1 || Number(a.dropped) === 1 };
    });
  }

  /**
   * A rep's answer to the question their manager left open on their account: a note-replied event of
   * their own (row-level security: on their own account only), naming the question it answers.
   */
  async replyToNote(account: string, note: string, at: string, today: string): Promise<{ by: string; name: string; asked: string }> {
    return this.write(async (c) => {
      const by = await this.currentUser();
      await this.notAhead(c, today, 'an answer');
      const a = (await this.q<{ id: number; name: string }>('SELECT id, name FROM accounts WHERE owner = current_user AND name_key = $1', [nameKey(account)], c))[0];
      if (!a) throw new StoreError(`no account "${account}"`, 'sales-coach accounts lists them', { key: 'noAccount', params: { name: account } });
      const open = await this.openQuestions(c, a.id);
      const question = open.at(-1);
      if (!question) throw new StoreError(`"${a.name}" has no question from your manager waiting for an answer`, 'sales-coach accounts lists your manager\'s notes', { key: 'noOpenQuestion', params: { account: a.name } });
      const e: StoredAccountEvent = { kind: 'note-replied', date: today, by, to: question.id, note };
      await this.q('INSERT INTO account_events (owner, account_id, visit_id, date, kind, data, at) VALUES (current_user, $1, NULL, $2, $3, $4, $5)', [a.id, e.date, e.kind, eventData(e), at], c);
      return { by, name: a.name, asked: question.by };
    });
  }

  /** A manager closes the questions open on a rep's account (one note-resolved each), with a word or not. */
  async resolveNotes(rep: string, account: string, note: string | undefined, at: string, today: string): Promise<{ by: string; name: string; closed: number; answered: boolean }> {
    return this.write(async (c) => {
      const by = await this.currentUser();
      await this.notAhead(c, today, 'a note');
      const managed = (await this.q(`SELECT 1 WHERE $1 = ANY (${PG_SCHEMA}.managed_reps())`, [rep], c)).length > 0;
      if (!managed) throw new StoreError(`${rep} is not a rep of your team`, 'sales-coach team review lists your team; the team admin adds reps with: sales-coach team add REP --manager YOU', { key: 'notYourRep', params: { rep } });
      const a = (await this.q<{ id: number; name: string }>('SELECT id, name FROM accounts WHERE owner = $1 AND name_key = $2', [rep, nameKey(account)], c))[0];
      if (!a) throw new StoreError(`${rep} has no account "${account}"`, `sales-coach accounts --rep ${rep} --all lists their accounts`, { key: 'repHasNoAccount', params: { rep, account } });
      const open = await this.openQuestions(c, a.id);
      if (!open.length) throw new StoreError(`${rep}'s "${a.name}" has no open question`, `sales-coach account show "${a.name}" --rep ${rep} shows its notes`, { key: 'noOpenQuestion', params: { account: a.name, rep } });
      for (const question of open) {
        const e: StoredAccountEvent = { kind: 'note-resolved', date: today, by, to: question.id, ...(note ? { note } : {}) };
        await this.q('INSERT INTO account_events (owner, account_id, visit_id, date, kind, data, at) VALUES ($1, $2, NULL, $3, $4, $5, $6)', [rep, a.id, e.date, e.kind, eventData(e), at], c);
      }
      return { by, name: a.name, closed: open.length, answered: open.every((q) => q.answered) };
    });
  }

  /** The account's questions no one has closed, oldest first, and whether the rep has answered each. */
  private async openQuestions(c: Q, accountId: number): Promise<{ id: number; by: string; answered: boolean }[]> {
    const rows = await this.q<{ id: string; by_user: string; answered: boolean }>(
      `SELECT e.id, e.by_user, EXISTS (SELECT 1 FROM account_events r WHERE r.account_id = e.account_id AND r.kind = 'note-replied' AND r.data::jsonb ->> 'to' = e.id::text) AS answered
       FROM account_events e WHERE e.account_id = $1 AND e.kind = 'class-challenged'
       AND NOT EXISTS (SELECT 1 FROM account_events r WHERE r.account_id = e.account_id AND r.kind = 'note-resolved' AND r.data::jsonb ->> 'to' = e.id::text)
       ORDER BY e.date, e.id`,
      [accountId],
      c,
    );
    return rows.map((r) => ({ id: Number(r.id), by: r.by_user, answered: r.answered }));
  }

  /**
   * Managers' notes on this rep's accounts, oldest first. With `unseen`, only those written since
   * the account's latest session was saved: what the rep has not had in front of them at a prep yet.
   */
  async reviewNotes(account?: string, opts: { unseen?: boolean } = {}): Promise<StoredEvent[]> {
    return this.run(async () => {
      const rows = await this.eventQuery(this.kdb)
        .where(this.owned('e.owner'))
        .where('e.kind', 'in', ['class-validated', 'class-challenged', 'note-replied', 'note-resolved'])
        .$if(account !== undefined, (qb) => qb.where('a.name_key', '=', nameKey(account ?? '')))
        .$if(opts.unseen === true, (qb) =>
          qb.where(({ eb, selectFrom, fn }) =>
            eb('e.at', '>', fn.coalesce(selectFrom('visits as v').select((x) => x.fn.max('v.created_at').as('m')).whereRef('v.account_id', '=', 'e.account_id').where('v.mode', '<>', 'plan'), sql.lit(''))),
          ),
        )
        .orderBy('e.date')
        .orderBy('e.id')
        .execute();
      return rows.map((r) => this.event(r));
    });
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
    return this.write(async (c) => {
      const accountIds = new Map<number, number>();
      const keyOf = new Map<number, string>();
      // the team accounts this push may bring up to date: new here, or last visited later on this machine
      const laptopNewer = new Set<number>();
      for (const a of h.accounts) {
        keyOf.set(a.id, a.name_key);
        const found = (await this.q<{ id: number; last_visit: string | null }>('SELECT id, last_visit FROM accounts WHERE owner = current_user AND name_key = $1 FOR UPDATE', [a.name_key], c))[0];
        const cols = [a.playbook_id, a.playbook_source, a.class, a.class_status, a.class_since, a.class_rank, a.class_labels, a.class_deadline, a.last_visit, a.last_person, a.signed, a.dropped, a.facts, a.amount ?? null, a.currency ?? null, a.close_date ?? null];
        if (!found) {
          const id = (
            await this.q<{ id: number }>(
              'INSERT INTO accounts (name, name_key, created_at, playbook_id, playbook_source, class, class_status, class_since, class_rank, class_labels, class_deadline, last_visit, last_person, signed, dropped, facts, amount, currency, close_date) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id',
              [a.name, a.name_key, a.created_at, ...cols],
              c,
            )
          )[0].id;
          accountIds.set(a.id, id);
          laptopNewer.add(id);
          counts.accounts++;
          continue;
        }
        accountIds.set(a.id, found.id);
        // the team's copy moved on since (a session there, a step closed there): it is kept as it is
        if ((a.last_visit ?? '') > (found.last_visit ?? '')) {
          laptopNewer.add(found.id);
          const changed = await this.q(
            `UPDATE accounts SET playbook_id = $2, playbook_source = $3, class = $4, class_status = $5, class_since = $6, class_rank = $7, class_labels = $8, class_deadline = $9, last_visit = $10, last_person = $11, signed = $12, dropped = $13, facts = $14, amount = $15, currency = $16, close_date = $17
             WHERE id = $1 AND (playbook_id, playbook_source, class, class_status, class_since, class_rank, class_labels, class_deadline, last_visit, last_person, signed, dropped, facts, amount, currency, close_date)
               IS DISTINCT FROM ($2, $3, $4, $5, $6, $7::integer, $8, $9, $10, $11, $12::integer, $13::integer, $14, $15::double precision, $16, $17) RETURNING id`,
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
        // a person known here is brought up to date only from an account last visited later on this
        // machine: where the team's account moved on, their title and next meeting there are newer
        const update = laptopNewer.has(accountId)
          ? `DO UPDATE SET ${fields.map((f) => `${f} = coalesce(excluded.${f}, contacts.${f})`).join(', ')}
           WHERE (${fields.map((f) => `contacts.${f}`).join(', ')}) IS DISTINCT FROM (${fields.map((f) => `coalesce(excluded.${f}, contacts.${f})`).join(', ')})`
          : 'DO NOTHING';
        const r = await this.q<{ inserted: boolean }>(
          `INSERT INTO contacts (account_id, name, ${fields.join(', ')}) VALUES ($1, $2, ${fields.map((_, i) => `$${i + 3}`).join(', ')})
           ON CONFLICT (account_id, name) ${update}
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
          // with its words in every language and its last day: without them a pushed step read in English
          // only, and one past its last day (a meeting gone by, a window ended) was listed overdue
          `INSERT INTO checklist_items (account_id, visit_id, item_key, text, due, state, state_at, added_on, origin, texts, lives_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (owner, origin) DO UPDATE SET state = excluded.state, state_at = excluded.state_at
           WHERE excluded.state_at IS NOT NULL AND excluded.state_at > greatest(coalesce(checklist_items.state_at, ''), coalesce((
             -- a step reopened here has no state_at: its last close or reopen here is in its history
             SELECT max(e.at) FROM account_events e WHERE e.account_id = checklist_items.account_id AND e.kind IN ('step-closed', 'step-reopened')
               AND json_or_null(e.data) ->> 'stepId' = checklist_items.id::text), ''))
           RETURNING id, (xmax = 0) AS inserted`,
          [accountId, i.visit_id !== null ? (visitIds.get(i.visit_id) ?? null) : null, i.item_key, i.text, i.due, i.state, i.state_at, i.added_on, origin, i.texts ?? null, i.lives_until ?? null],
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
      for (const id of new Set(accountIds.values())) await this.refreshAccount(c, id);
      return counts;
    });
  }

  // -- administration (the team admin: the role that owns the schema) ---------------------------

  /** Makes `name` a rep (a login role, member of the rep role) under `manager`, if given. */
  async addMember(name: string, opts: { manager?: string; password?: string; at: string }): Promise<{ created: boolean }> {
    const ROLE = /^[a-z_][a-z0-9_]{0,62}$/;
    for (const r of [name, ...(opts.manager !== undefined ? [opts.manager] : [])]) {
      if (!ROLE.test(r)) throw new StoreError(`"${r}" cannot be a database role here`, 'use lower-case letters, digits and _ (e.g. alice_wong), starting with a letter', { key: 'badRoleName', params: { role: r } });
      if (r.startsWith('pg_') || r.startsWith(`${REP_ROLE}`) || RESERVED_ROLES.has(r)) throw new StoreError(`"${r}" is a name PostgreSQL or sales-coach keeps for itself`, 'choose the person\'s own name, e.g. alice_wong', { key: 'reservedRoleName', params: { role: r } });
    }
    if (opts.manager === name) throw new StoreError(`${name} cannot be their own manager`, undefined, { key: 'ownManager', params: { name } });
    return this.write(async (c) => {
      const me = await this.currentUser();
      if (name === me || opts.manager === me) throw new StoreError(`${me} is the role running this command (the team admin), not a member of the team`, 'add the people of the team by their own roles', { key: 'adminNotMember', params: { me } });
      // a role that bypasses row-level security would read every rep's rows: it is as good as a superuser here
      const role = async (r: string) => (await this.q<{ super: boolean; member: boolean }>('SELECT r.rolsuper OR r.rolbypassrls AS super, EXISTS (SELECT 1 FROM team_members m WHERE m.rep = r.rolname) AS member FROM pg_roles r WHERE r.rolname = $1', [r], c))[0];
      const existing = await role(name);
      // the team's roles are the team admin's to set up; someone else's role (a superuser, a
      // service) is never given a password or a place in the team here
      if (existing?.super) throw new StoreError(`${name} is a superuser of this server, or bypasses row-level security: it cannot be a member of the team`, undefined, { key: 'superuserMember', params: { name } });
      if (existing && !existing.member && opts.password !== undefined) throw new StoreError(`${name} is a role of this server that is not in the team: its password is not sales-coach's to change`, `add it without --password-file, or choose another name`, { key: 'foreignRolePassword', params: { name } });
      if (opts.manager) {
        const boss = await role(opts.manager);
        if (boss?.super) throw new StoreError(`${opts.manager} is a superuser of this server, or bypasses row-level security: it cannot be a manager in the team`, undefined, { key: 'superuserManager', params: { name: opts.manager } });
        // no loop: a rep cannot manage their own manager, however far up
        const chain = await this.q<{ manager: string }>(
          'WITH RECURSIVE up(r) AS (SELECT manager FROM team_members WHERE rep = $1 UNION SELECT m.manager FROM team_members m JOIN up ON m.rep = up.r) SELECT r AS manager FROM up WHERE r IS NOT NULL',
          [opts.manager],
          c,
        );
        if (chain.some((x) => x.manager === name)) throw new StoreError(`${name} already manages ${opts.manager} (directly or through others): ${opts.manager} cannot be ${name}'s manager`, undefined, {
            key: 'managerLoop',
            params: { name, manager: opts.manager },
          });
      }
      const ident = await this.ident(c, name);
      const group = await this.repRole(c);
      if (!existing) await this.q(`CREATE ROLE ${ident} LOGIN`, [], c);
      if (opts.password !== undefined) {
        // as psql's \password does: the server is sent a SCRAM verifier computed here, never the
        // password (a server that logs DDL would keep it in its log)
        await this.q(`ALTER ROLE ${ident} PASSWORD '${scramVerifier(opts.password)}'`, [], c);
      }
      await this.q(`GRANT ${group} TO ${ident}`, [], c);
      if (opts.manager) {
        const mi = await this.ident(c, opts.manager);
        if (!(await role(opts.manager))) await this.q(`CREATE ROLE ${mi} LOGIN`, [], c);
        await this.q(`GRANT ${group} TO ${mi}`, [], c);
        await this.q('INSERT INTO team_members (rep, manager, added_at) VALUES ($1, $2, $3) ON CONFLICT (rep) DO NOTHING', [opts.manager, null, opts.at], c);
      }
      await this.q('INSERT INTO team_members (rep, manager, added_at) VALUES ($1, $2, $3) ON CONFLICT (rep) DO UPDATE SET manager = coalesce(excluded.manager, team_members.manager)', [name, opts.manager ?? null, opts.at], c);
      return { created: !existing };
    });
  }

  /** A member of this database's team (a rep or a manager). */
  private async isMember(c: Q, name: string): Promise<boolean> {
    return (await this.q('SELECT 1 FROM team_members WHERE rep = $1', [name], c)).length > 0;
  }

  /**
   * Takes `name` out of the team: their manager link and the reps they managed are freed, and the
   * role loses this database's rep role (their other teams' databases are not this one's business). Their accounts stay in the database (the admin decides), and
   * the role itself is left to the admin (it may be used elsewhere on the server).
   */
  async removeMember(name: string): Promise<{ accounts: number }> {
    return this.write(async (c) => {
      if (!(await this.isMember(c, name))) throw new StoreError(`${name} is not in the team`, 'sales-coach team list shows who is', { key: 'notInTeam', params: { name } });
      await this.q('UPDATE team_members SET manager = NULL WHERE manager = $1', [name], c);
      await this.q('DELETE FROM team_members WHERE rep = $1', [name], c);
      const ident = await this.ident(c, name);
      await this.q(`REVOKE ${await this.repRole(c)} FROM ${ident}`, [], c);
      return { accounts: (await this.q<{ n: number }>('SELECT count(*)::int AS n FROM accounts WHERE owner = $1', [name], c))[0].n };
    });
  }

  /**
   * Moves every account of `from` (a rep who left, or is leaving) to `to`, a member of the team, with
   * their people, visits, steps and history: a removed rep's accounts are otherwise seen by no one.
   * The managers' notes keep their writer; the rep's own events become `to`'s (theirs to undo). An
   * account of the same name on both sides is refused before anything moves (merge or rename first).
   */
  async reassign(from: string, to: string): Promise<{ accounts: number }> {
    if (from === to) throw new StoreError(`${from} and ${to} are the same role`, undefined, { key: 'sameRole', params: { from, to } });
    return this.write(async (c) => {
      if (!(await this.isMember(c, to))) throw new StoreError(`${to} is not in the team`, `add them first: sales-coach team add ${to} --manager MANAGER`, { key: 'moveToNonMember', params: { to } });
      const clash = await this.q<{ name: string }>('SELECT a.name FROM accounts a JOIN accounts b ON b.name_key = a.name_key AND b.owner = $2 WHERE a.owner = $1 ORDER BY a.name_key COLLATE "C"', [from, to], c);
      if (clash.length) {
        throw new StoreError(`${to} already has ${clash.length === 1 ? 'an account' : 'accounts'} of the same name: ${clash.map((a) => `"${a.name}"`).join(', ')}; nothing was moved`, `sign in as ${from} to rename or merge them, or remove ${to}'s first`, {
          key: 'moveClash',
          params: { from, to, names: clash.map((a) => a.name) },
        });
      }
      // the rows of a rep's are held by row-level security even for their owner, the team admin
      // (FORCE): lifted in this transaction only, and put back before it commits
      for (const t of ['contacts', 'visits', 'checklist_items', 'account_events']) await this.q(`ALTER TABLE ${t} NO FORCE ROW LEVEL SECURITY`, [], c);
      const n = (await this.q<{ n: number }>('WITH moved AS (UPDATE accounts SET owner = $2 WHERE owner = $1 RETURNING 1) SELECT count(*)::int AS n FROM moved', [from, to], c))[0].n;
      for (const t of ['contacts', 'visits', 'checklist_items']) await this.q(`UPDATE ${t} SET owner = $2 WHERE owner = $1`, [from, to], c);
      await this.q('UPDATE account_events SET owner = $2, by_user = CASE WHEN by_user = $1 THEN $2 ELSE by_user END WHERE owner = $1', [from, to], c);
      for (const t of ['contacts', 'visits', 'checklist_items', 'account_events']) await this.q(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`, [], c);
      if (n === 0) throw new StoreError(`${from} has no account here: nothing was moved`, 'sales-coach team list shows how many accounts each member has', { key: 'nothingToMove', params: { from } });
      return { accounts: n };
    });
  }

  async members(): Promise<{ rep: string; manager?: string; accounts: number }[]> {
    const rows = await this.q<{ rep: string; manager: string | null; accounts: number }>('SELECT m.rep, m.manager, (SELECT count(*)::int FROM accounts a WHERE a.owner = m.rep) AS accounts FROM team_members m ORDER BY m.rep');
    return rows.map((r) => ({ rep: r.rep, ...(r.manager ? { manager: r.manager } : {}), accounts: r.accounts }));
  }
}
