/**
 * The embedded store: one SQLite file (better-sqlite3), WAL, every command's writes in one
 * transaction. The store's queries are sql-store.ts's, written once for both databases; what is
 * SQLite's own is here: opening a file safely (ours, not damaged, not newer), the migrations' lock,
 * and the two passes where raw SQL pays (statsHistory's packed index reads, the import's TEMP tables).
 */
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { nameKey } from '../engine/names.js';
import { Kysely, type RawBuilder, SqliteDialect, sql } from './kysely.js';
import type { pending } from './migrations.js';
import { SQLITE_SCHEMA_VERSION as SCHEMA_VERSION } from './schema-version.js';
import type { DB } from './schema.js';
import { type AccountDb, PackedVisits, type RawHistory, STATS_COLUMNS } from './shape.js';
import { StatsRows } from './shape.js';
import { type Q, type Runnable, SqlStore } from './sql-store.js';
import { type ImportCounts, type ImportOptions, type ImportRow, type StatsAccount, type StatsQuery, StoreError } from './types.js';

export interface OpenOptions {
  /** How long to wait for another sales-coach that holds the database. */
  busyTimeoutMs?: number;
  /**
   * The migrations (migrations.ts), for a database older than this program or new: without them such
   * a database is closed and MigrationsNeeded thrown, so that a command loads their text (34 KB of
   * the bundle) only then (cli/store.ts). sqlite.ts openSqliteStore always gives them.
   */
  migrations?: { pending: typeof pending };
}

/** The database lacks migrations and none were given (OpenOptions.migrations): open it again with them. */
export class MigrationsNeeded extends Error {
  constructor(readonly path: string) {
    super(`the database ${path} needs migrating`);
  }
}

export { nameKey };

const SQLITE_MAGIC = 'SQLite format 3\0';
/** PRAGMA application_id of our databases ("SCoa"): how a SQLite file says it is sales-coach's. */
export const APPLICATION_ID = 0x53436f61;
/** Databases up to this size are checked (PRAGMA quick_check) each time they are opened. */
export const INTEGRITY_CHECK_MAX_BYTES = 64 * 1024 * 1024;
/** The tables of the first schema: a database from before the marker has them all. */
const OUR_TABLES = ['accounts', 'contacts', 'visits', 'checklist_items', 'class_history'];

/**
 * Which file to name when SQLite says "read-only": the database, its folder (where the -wal and
 * -shm files must be created), or a stale -wal/-shm left by another user. `canWrite` is injected for tests.
 */
export function readOnlyCulprit(path: string, canWrite: (p: string) => boolean = writable, exists: (p: string) => boolean = existsSync): { file: string; what: string } {
  if (exists(path) && !canWrite(path)) return { file: path, what: 'the database file' };
  const dir = dirname(path);
  if (!canWrite(dir)) return { file: dir, what: 'the folder holding the database (it must be able to create coach.db-wal and coach.db-shm there)' };
  for (const side of [`${path}-shm`, `${path}-wal`]) if (exists(side) && !canWrite(side)) return { file: side, what: 'a file left beside the database by another user or an older run' };
  return { file: path, what: 'the database file' };
}

function writable(p: string): boolean {
  try {
    accessSync(p, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function describeError(err: unknown, path: string): StoreError | undefined {
  const code = (err as { code?: string }).code ?? '';
  const msg = err instanceof Error ? err.message : String(err);
  if (err instanceof StoreError) return err;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(`the database ${path} is in use by another sales-coach (waited, then gave up)`, 'finish or close the other sales-coach, then run this again; nothing was changed', { key: 'busy', params: { path } });
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
    const c = readOnlyCulprit(path);
    return new StoreError(`cannot write ${c.file}: ${c.what} is read-only here; nothing was changed`, c.file === path ? "check the file's permissions, or point --db (SALES_COACH_DB) at a writable place" : `make ${c.file} writable (or remove it if no sales-coach is running), or point --db at a writable place`, {
      key: 'readOnly',
      params: { file: c.file, what: c.file === path ? 'file' : c.file === dirname(path) ? 'folder' : 'side' },
    });
  }
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') {
    return new StoreError(`the disk holding ${path} is full; nothing was changed`, 'free some space and run this again', { key: 'diskFull', params: { path } });
  }
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return new StoreError(`${path} is not a sales-coach database, or it is damaged; it was left untouched`, `to save what can be saved: sqlite3 ${shellQuote(path)} .recover | sqlite3 recovered.db, then --db recovered.db`, { key: 'notADatabaseOrDamaged', params: { path } });
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return new StoreError(`cannot create the folder for the database ${path}: a part of that path is a file, not a folder`, 'point --db (SALES_COACH_DB) at a file inside a folder', { key: 'parentIsAFile', params: { path } });
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) {
    if (code.startsWith('SQLITE_CANTOPEN') && !writable(dirname(path))) return describeError(Object.assign(new Error(msg), { code: 'SQLITE_READONLY' }), path);
    return new StoreError(`cannot open or write the database ${path} (${msg})`, 'check that the folder exists and is writable', { key: 'cannotOpen', params: { path, detail: msg } });
  }
  return undefined;
}

/** A path as a POSIX shell word, for hints meant to be pasted. */
function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * Node 24's ObjectWrap unregisters an environment cleanup hook in its destructor, and aborts the
 * process (SIGABRT, "RemoveEnvironmentCleanupHook ... (env) != nullptr") when V8 collects a
 * better-sqlite3 statement outside any JavaScript context, as it does at exit. So statements are
 * never left for the collector: each SQL text is prepared once per connection and kept, with the
 * connection, for the life of the process (a bounded set: the program has a fixed list of queries).
 */
const keptForever: unknown[] = [];
export function keepStatements(db: Database.Database): void {
  const cache = new Map<string, Database.Statement>();
  keptForever.push(db, cache);
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const hit = cache.get(sql);
    if (hit) return hit.reader ? hit.pluck(false).raw(false).expand(false) : hit;
    const stmt = prepare(sql);
    cache.set(sql, stmt);
    return stmt;
  }) as typeof db.prepare;
  // pragma() prepares through the native object directly: route it through the cache as well
  db.pragma = ((source: string, options?: { simple?: boolean }) => {
    const stmt = db.prepare(`PRAGMA ${source}`);
    if (!stmt.reader) {
      stmt.run();
      return options?.simple ? undefined : [];
    }
    return options?.simple ? stmt.pluck().get() : stmt.all();
  }) as typeof db.pragma;
}

export function openSqlite(path: string, opts: OpenOptions = {}): SqliteStore {
  if (path !== ':memory:') {
    if (existsSync(path)) {
      const st = statSync(path);
      if (st.isDirectory()) throw new StoreError(`${path} is a folder, not a database file`, 'give --db the path of a file', { key: 'isAFolder', params: { path } });
      if (!st.isFile()) throw new StoreError(`${path} is not a database file (a device, a pipe or a socket); it was left untouched`, 'give --db the path of a file', { key: 'notAFile', params: { path } });
      if (st.size > 0) {
        // refuse anything that is not SQLite before SQLite opens it: never write into someone's file
        const fd = openSync(path, 'r');
        const head = Buffer.alloc(16);
        readSync(fd, head, 0, 16, 0);
        closeSync(fd);
        if (head.toString('latin1') !== SQLITE_MAGIC) {
          throw new StoreError(`${path} is not a sales-coach database (it is not SQLite); it was left untouched`, 'point --db (SALES_COACH_DB) at another file, or move this one away', { key: 'notSqlite', params: { path } });
        }
      }
    } else {
      try {
        mkdirSync(dirname(path), { recursive: true });
      } catch (err) {
        throw describeError(err, path) ?? err;
      }
    }
  }
  let db: Database.Database;
  try {
    const nativeBinding = addonPath();
    db = new Database(path, { timeout: opts.busyTimeoutMs ?? 5000, ...(nativeBinding ? { nativeBinding } : {}) });
    keepStatements(db);
  } catch (err) {
    throw describeError(err, path) ?? err;
  }
  const store = new SqliteStore(db, path, opts.migrations);
  // SQLite answers "busy" at once, without waiting, where waiting could deadlock: two first runs
  // both switching a new file to WAL. Every step below can be taken again, so a busy answer is
  // retried until the busy timeout has passed.
  // elapsed time, not the time of day: the store never reads the clock
  const deadline = performance.now() + (opts.busyTimeoutMs ?? 5000);
  for (let attempt = 0; ; attempt++) {
    try {
      // nothing is written before the file is known to be ours (or empty): not even the journal mode
      // one read transaction: another first run committing its schema between two of these reads
      // made a new file look like someone else's (its marker read before, its tables after)
      db.transaction(() => {
        store.checkVersion();
        store.checkOwnership();
      })();
      store.checkIntegrity();
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      // reading through a memory map halves the time of the pipeline's full pass over 100,000 accounts
      db.pragma('mmap_size = 268435456');
      if (path !== ':memory:') db.pragma('journal_mode = WAL');
      store.migrate();
      return store;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_BUSY') && performance.now() < deadline) {
        if (db.inTransaction) db.exec('ROLLBACK');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20 + Math.floor(Math.random() * 40) + Math.min(attempt, 10) * 10);
        continue;
      }
      db.close();
      throw describeError(err, path) ?? err;
    }
  }
}

/**
 * better-sqlite3's native addon, by its path where an install puts it: without one, the package asks
 * `bindings` to find it, which loads that package and tries a dozen places as the first database
 * opens. Undefined (the package's own search) when it is elsewhere (a debug build).
 */
function addonPath(): string | undefined {
  try {
    const file = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** A JSON value as SQLite's -> gives it: plain strings without JSON.parse (the common case). */
export class SqliteStore extends SqlStore {
  protected readonly scoped = false;

  constructor(
    readonly db: Database.Database,
    readonly path: string,
    private readonly migrations?: OpenOptions['migrations'],
  ) {
    // kysely builds and compiles the queries; exec and write run them (see there)
    super(new Kysely<DB>({ dialect: new SqliteDialect({ database: db }) }));
  }

  protected describe(err: unknown): StoreError | undefined {
    return describeError(err, this.path);
  }

  protected async exec<R>(query: Runnable<R>): Promise<R[]> {
    const { sql: text, parameters } = query.compile();
    const stmt = this.db.prepare(text);
    if (stmt.reader) return stmt.all(...parameters) as R[];
    stmt.run(...parameters);
    return [];
  }

  private writing: Promise<unknown> = Promise.resolve();

  /**
   * One write transaction, begun at once (BEGIN IMMEDIATE: two sales-coach processes saving at the
   * same time wait for each other instead of failing to upgrade a read lock), one at a time in this
   * process too (its statements share the one connection).
   */
  protected override write<T>(work: (q: Q) => Promise<T>): Promise<T> {
    const run = this.writing.then(() =>
      this.run(async () => {
        this.db.exec('BEGIN IMMEDIATE');
        try {
          const out = await work(this.kdb);
          this.db.exec('COMMIT');
          return out;
        } catch (err) {
          // SQLite rolls back by itself on some errors (a full disk): the error that did so is the one to report
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
          throw err;
        }
      }),
    );
    this.writing = run.catch(() => {});
    return run;
  }

  protected bytewise(column: string) {
    return sql<string>`${sql.ref(column)}`;
  }

  protected jsonText(column: string, key: string) {
    return sql<string | null>`${sql.ref(column)} ->> ${`$.${JSON.stringify(key)}`}`;
  }

  protected daysSql(from: RawBuilder<unknown>, to: RawBuilder<unknown>) {
    return sql<number>`CAST(julianday(${to}) - julianday(${from}) AS INTEGER)`;
  }

  protected jsonField(column: string, key: string) {
    return sql<string | null>`${sql.ref(column)} -> ${`$.${JSON.stringify(key)}`}`;
  }

  /** Refuses a database made by a newer sales-coach: it is left as it is, never downgraded. */
  checkVersion(): number {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new StoreError(
        `the database ${this.path} was made by a newer sales-coach (schema ${version}; this one knows up to ${SCHEMA_VERSION})`,
        'upgrade sales-coach; the database is left as it is and never downgraded',
        { key: 'newerSchema', params: { path: this.path, version, known: SCHEMA_VERSION, team: false } },
      );
    }
    return version;
  }

  /**
   * Ours: marked with our application_id, or empty (a new file), or a database from before the
   * marker (our tables, a schema version). Anything else is someone else's SQLite file, and is
   * refused before a single byte of it changes.
   */
  checkOwnership(): void {
    const appId = this.db.pragma('application_id', { simple: true }) as number;
    if (appId === APPLICATION_ID) return;
    const tables = (this.db.pragma('table_list') as { name: string; schema: string }[]).filter((t) => t.schema === 'main' && !t.name.startsWith('sqlite_')).map((t) => t.name);
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (appId === 0 && tables.length === 0 && version === 0) return;
    if (appId === 0 && version >= 1 && OUR_TABLES.every((t) => tables.includes(t))) return;
    throw new StoreError(
      `${this.path} is a SQLite database, but not sales-coach's (${appId !== 0 ? `application id ${appId}` : `tables: ${tables.slice(0, 5).join(', ') || 'none'}${tables.length > 5 ? ', …' : ''}`}); it was left untouched`,
      'point --db (SALES_COACH_DB) at another file, or a new one',
      { key: 'foreignSqlite', params: { path: this.path, appId, tables } },
    );
  }

  /**
   * A damaged database is never written to: SQLite's quick check (the page structure, not every
   * index entry) before anything else. Reading it would mislead too, so it is refused whole.
   */
  checkIntegrity(): void {
    if (this.path === ':memory:') return;
    // the check reads every page: about 60 ms for 18 MB. Above the limit (a database far larger
    // than one rep's) it is left to SQLite, which refuses to write into a page it finds damaged
    if (statSync(this.path).size > INTEGRITY_CHECK_MAX_BYTES) return;
    let problems: string[];
    try {
      problems = (this.db.pragma('quick_check(3)') as { quick_check: string }[]).map((r) => r.quick_check);
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_CORRUPT') && !code.startsWith('SQLITE_NOTADB')) throw err;
      problems = [(err as Error).message];
    }
    if (problems.length === 1 && problems[0] === 'ok') return;
    const first = problems[0].replace(/\*\*\* in database \w+ \*\*\*\s*/, '').split('\n')[0];
    throw new StoreError(
      `the database ${this.path} is damaged (${first}); it was not written to`,
      `save what can be saved: sqlite3 ${shellQuote(this.path)} .recover | sqlite3 recovered.db, then run with --db recovered.db`,
      { key: 'damaged', params: { path: this.path, detail: first } },
    );
  }

  /**
   * Applies the migrations this database lacks (migrations.ts `pending`), all in one write
   * transaction that reads the version again once it holds the lock: of twenty first runs at once,
   * one migrates and the others find the work done.
   */
  migrate(): void {
    if (this.checkVersion() === SCHEMA_VERSION && this.db.pragma('application_id', { simple: true }) === APPLICATION_ID) return;
    if (!this.migrations) throw new MigrationsNeeded(this.path);
    const { pending } = this.migrations;
    // a migration that rebuilds a table others reference must not cascade deletes into them: foreign
    // keys are off for it (the pragma only takes effect outside a transaction), and checked before commit
    const rebuild = pending('sqlite', this.checkVersion()).some((m) => m.rebuild);
    if (rebuild) this.db.pragma('foreign_keys = OFF');
    try {
      this.db.transaction(() => {
        const version = this.checkVersion();
        for (const m of pending('sqlite', version)) this.db.exec(m.sql);
        if (rebuild && (this.db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new StoreError(`the database ${this.path} has broken references; it was left as it was`, `save what can be saved: sqlite3 ${shellQuote(this.path)} .recover | sqlite3 recovered.db`, {
            key: 'brokenReferences',
            params: { path: this.path },
          });
        }
        if (version < SCHEMA_VERSION) this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
        this.db.pragma(`application_id = ${APPLICATION_ID}`);
      }).immediate();
    } finally {
      if (rebuild) this.db.pragma('foreign_keys = ON');
    }
  }

  /** Every row as stored, for `store push` (which keeps the links between them: visit, step, event). */
  async rawHistory(): Promise<RawHistory> {
    return this.run(async () => {
      const q = this.kdb;
      return {
        accounts: await q.selectFrom('accounts').selectAll().orderBy('id').$call(this.all),
        contacts: await q.selectFrom('contacts').selectAll().orderBy('id').$call(this.all),
        visits: await q.selectFrom('visits').selectAll().orderBy('id').$call(this.all),
        checklist: await q.selectFrom('checklist_items').selectAll().orderBy('id').$call(this.all),
        events: await q.selectFrom('account_events').selectAll().orderBy('id').$call(this.all),
      };
    });
  }

  private runSync<T>(work: () => T): T {
    try {
      return work();
    } catch (err) {
      throw describeError(err, this.path) ?? err;
    }
  }

  async statsHistory(q: StatsQuery): Promise<StatsAccount[]> {
    const lapsed = new Map<number, StatsAccount>();
    const out = this.historyOf(q, lapsed);
    await this.putLiveDue(lapsed, q.today);
    return out;
  }

  private historyOf(q: StatsQuery, lapsed: Map<number, StatsAccount>): StatsAccount[] {
    return this.runSync(() => {
      const where: string[] = [];
      const params: Record<string, unknown> = {};
      if (q.account !== undefined) {
        where.push('name_key = @key');
        params.key = nameKey(q.account);
      }
      if (q.since !== undefined) {
        where.push('last_visit >= @since');
        params.since = q.since;
      }
      const accountWhere = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const byId = new Map<number, StatsAccount>();
      const out: StatsAccount[] = [];
      const rows = new StatsRows();
      const accounts = this.db.prepare(
        `SELECT ${STATS_COLUMNS}
         FROM accounts ${accountWhere}`,
      );
      for (const r of accounts.iterate(params) as Iterable<AccountDb>) {
        const a = rows.account(r);
        byId.set(r.id, a);
        out.push(a);
        if (q.today !== undefined && r.next_until && r.next_until < q.today) lapsed.set(r.id, a);
      }
      if (out.length === 0) return out;
      // the other tables are read for the same accounts, in the order of their (account, date, id) index
      const scope = where.length ? `AND account_id IN (SELECT id FROM accounts ${accountWhere})` : '';
      // read in the table's order (the order recorded, far faster than the index's for 100,000
      // accounts); an account whose events were not recorded in date order is put in order after
      const events = this.db.prepare(`SELECT account_id, date, kind, data FROM account_events WHERE kind IN ('class-changed', 'signed', 'dropped') ${scope}`).raw(true);
      const unordered = new Set<StatsAccount>();
      for (const [id, date, kind, data] of events.iterate(params) as Iterable<[number, string, string, string]>) {
        const a = byId.get(id);
        if (!a) continue;
        const list = a.events;
        if (list.length && list[list.length - 1].date > date) unordered.add(a);
        list.push(rows.event(kind, date, data, a.name));
      }
      // stable: events of the same day keep the order they were recorded in
      for (const a of unordered) a.events.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
      if (q.visits === false) return out;
      const ids = [...new Set(q.answers ?? [])];
      ids.forEach((x, i) => {
        params[`p${i}`] = `$.${JSON.stringify(x)}`;
      });
      // two passes: visits saved with their habit answers apart are read from the covering index
      // alone (never the rows, whose answers and results run to hundreds of bytes each), each with
      // its habit answers whole (one small JSON text); older ones from their answers, the values
      // asked for. An account with both has its visits put back in date order, the older kind first
      // on the same day (they were all recorded before the first of the new kind).
      const packed = (tail: string, where: string, index: string) => {
        // the person as hex: a name may hold any character, the separators too
        const fields = ['date', 'mode', 'playbook_id', "hex(coalesce(person, ''))", ...(tail ? [tail] : [])].join(' || char(31) || ');
        return this.db.prepare(`SELECT account_id, group_concat(${fields}, char(30)) FROM visits INDEXED BY ${index} WHERE ${where} ${scope} GROUP BY account_id`).raw(true);
      };
      const visits = new PackedVisits(rows, ids);
      const legacy = ids.map((_, i) => `coalesce(answers -> @p${i}, '')`).join(' || char(31) || ');
      for (const [id, text] of packed(ids.length ? 'habit_answers' : '', 'habit_answers IS NOT NULL', 'visits_habits').iterate(params) as Iterable<[number, string]>) {
        const a = byId.get(id);
        if (a) a.visits = visits.unpack(text, true);
      }
      for (const [id, text] of packed(legacy, 'habit_answers IS NULL', 'visits_without_habits').iterate(params) as Iterable<[number, string]>) {
        const a = byId.get(id);
        if (!a) continue;
        a.visits = visits.withOlder(a.visits, visits.unpack(text, false));
      }
      return out;
    });
  }

  /**
   * Drafts that a version before the journal kept in this database (table drafts): handed over once,
   * so an interview interrupted before an upgrade can still be resumed, then removed here.
   */
  takeLegacyDrafts(): unknown[] {
    return this.runSync(() => {
      const has = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'drafts'").get();
      if (!has) return [];
      const rows = this.db.prepare('SELECT data FROM drafts').all() as { data: string }[];
      if (rows.length === 0) return [];
      const out: unknown[] = [];
      for (const r of rows) {
        try {
          out.push(JSON.parse(r.data));
        } catch {
          // a draft that cannot be read was lost before this version; nothing to hand over
        }
      }
      this.db.prepare('DELETE FROM drafts').run();
      return out;
    });
  }

  async importRows(rows: AsyncIterable<ImportRow>, opts: ImportOptions): Promise<ImportCounts> {
    const dry = opts.dryRun === true;
    // One transaction held across awaits (this connection serves no one else meanwhile). A dry run
    // reads the database and writes only to TEMP tables, so it takes no write lock on the file.
    this.runSync(() => this.db.exec(dry ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE'));
    try {
      const target = new ImportTarget(this.db, dry, opts.at);
      let n = 0;
      for await (const row of rows) {
        this.runSync(() => target.apply(row));
        if (++n % 10_000 === 0) opts.onProgress?.(n);
      }
      opts.onProgress?.(n);
      this.runSync(() => {
        target.dispose();
        this.db.exec(dry ? 'ROLLBACK' : 'COMMIT');
      });
      return target.counts;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

type ContactFields = Record<(typeof CONTACT_FIELDS)[number], string | null>;
const CONTACT_FIELDS = ['title', 'role', 'reports_to', 'persona', 'email', 'phone'] as const;

/**
 * The work of one import: accounts by name key, contacts by (account, name key). Contacts' name keys
 * are loaded into a TEMP table the first time the file touches their account, so a look-up is one
 * index probe however many contacts an account has. A dry run keeps what it would write in TEMP
 * tables too (negative ids for what it would add), so later rows see the earlier ones.
 */
class ImportTarget {
  readonly counts: ImportCounts = { accounts: 0, contactsAdded: 0, contactsUpdated: 0, contactsUnchanged: 0 };
  private fakeIds = 0;
  private readonly s: Record<string, Database.Statement>;

  constructor(
    private readonly db: Database.Database,
    private readonly dry: boolean,
    private readonly at: string,
  ) {
    // the TEMP tables hold a key per contact touched: a larger cache keeps a million of them off the disk
    db.pragma('temp.cache_size = -65536');
    db.exec(`
      DROP TABLE IF EXISTS temp.import_loaded; DROP TABLE IF EXISTS temp.import_keys;
      DROP TABLE IF EXISTS temp.import_dry_accounts; DROP TABLE IF EXISTS temp.import_dry_contacts;
      CREATE TEMP TABLE import_loaded (account_id INTEGER PRIMARY KEY);
      CREATE TEMP TABLE import_keys (account_id INTEGER, name_key TEXT, contact_id INTEGER, PRIMARY KEY (account_id, name_key)) WITHOUT ROWID;
      CREATE TEMP TABLE import_dry_accounts (name_key TEXT PRIMARY KEY, id INTEGER) WITHOUT ROWID;
      CREATE TEMP TABLE import_dry_contacts (id INTEGER PRIMARY KEY, title TEXT, role TEXT, reports_to TEXT, persona TEXT, email TEXT, phone TEXT);`);
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      account: p('SELECT id FROM accounts WHERE name_key = ?'),
      dryAccount: p('SELECT id FROM temp.import_dry_accounts WHERE name_key = ?'),
      addAccount: p('INSERT INTO accounts (name, name_key, created_at) VALUES (?, ?, ?)'),
      addDryAccount: p('INSERT INTO temp.import_dry_accounts (name_key, id) VALUES (?, ?)'),
      loaded: p('INSERT OR IGNORE INTO temp.import_loaded (account_id) VALUES (?)'),
      contactsOf: p('SELECT id, name FROM contacts WHERE account_id = ?'),
      addKey: p('INSERT OR IGNORE INTO temp.import_keys (account_id, name_key, contact_id) VALUES (?, ?, ?)'),
      key: p('SELECT contact_id FROM temp.import_keys WHERE account_id = ? AND name_key = ?'),
      contact: p(`SELECT ${CONTACT_FIELDS.join(', ')} FROM contacts WHERE id = ?`),
      dryContact: p(`SELECT ${CONTACT_FIELDS.join(', ')} FROM temp.import_dry_contacts WHERE id = ?`),
      putDryContact: p(`INSERT OR REPLACE INTO temp.import_dry_contacts (id, ${CONTACT_FIELDS.join(', ')}) VALUES (@id, ${CONTACT_FIELDS.map((f) => `@${f}`).join(', ')})`),
      addContact: p(`INSERT INTO contacts (account_id, name, ${CONTACT_FIELDS.join(', ')}) VALUES (@account_id, @name, ${CONTACT_FIELDS.map((f) => `@${f}`).join(', ')})`),
      updateContact: p(`UPDATE contacts SET ${CONTACT_FIELDS.map((f) => `${f} = @${f}`).join(', ')} WHERE id = @id`),
      // once at the end, for the accounts the file gave contacts to (cheaper than once per contact)
      recount: p('UPDATE accounts SET contacts_count = (SELECT count(*) FROM contacts c WHERE c.account_id = accounts.id) WHERE id IN (SELECT account_id FROM temp.import_loaded)'),
    };
  }

  apply(row: ImportRow): void {
    const accountId = this.account(row.account);
    const c = row.contact;
    if (!c?.name.trim()) return;
    const given: ContactFields = { title: c.title ?? null, role: c.role ?? null, reports_to: c.reportsTo ?? null, persona: c.persona ?? null, email: c.email ?? null, phone: c.phone ?? null };
    this.loadKeys(accountId);
    const key = nameKey(c.name);
    const hit = this.s.key.get(accountId, key) as { contact_id: number } | undefined;
    if (!hit) {
      let id: number;
      if (this.dry) {
        id = -++this.fakeIds;
        this.s.putDryContact.run({ id, ...given });
      } else {
        id = Number(this.s.addContact.run({ account_id: accountId, name: c.name.trim(), ...given }).lastInsertRowid);
      }
      this.s.addKey.run(accountId, key, id);
      this.counts.contactsAdded++;
      return;
    }
    const id = hit.contact_id;
    const stored = ((this.dry ? this.s.dryContact.get(id) : undefined) ?? this.s.contact.get(id)) as ContactFields;
    // an empty cell keeps what is stored: a CRM export rarely knows everything the rep recorded
    const merged = { ...stored };
    let changed = false;
    for (const f of CONTACT_FIELDS) {
      if (given[f] !== null && given[f] !== stored[f]) {
        merged[f] = given[f];
        changed = true;
      }
    }
    if (!changed) {
      this.counts.contactsUnchanged++;
      return;
    }
    if (this.dry) this.s.putDryContact.run({ id, ...merged });
    else this.s.updateContact.run({ id, ...merged });
    this.counts.contactsUpdated++;
  }

  dispose(): void {
    if (!this.dry) this.s.recount.run();
    this.db.exec('DROP TABLE temp.import_loaded; DROP TABLE temp.import_keys; DROP TABLE temp.import_dry_accounts; DROP TABLE temp.import_dry_contacts;');
  }

  // exports are often sorted by account: the last one found saves a look-up per row
  private last?: { name: string; id: number };

  private account(name: string): number {
    if (this.last?.name === name) return this.last.id;
    const id = this.findOrAddAccount(name);
    this.last = { name, id };
    return id;
  }

  private findOrAddAccount(name: string): number {
    const key = nameKey(name);
    const found = (this.s.account.get(key) ?? (this.dry ? this.s.dryAccount.get(key) : undefined)) as { id: number } | undefined;
    if (found) return found.id;
    this.counts.accounts++;
    if (this.dry) {
      const id = -++this.fakeIds;
      this.s.addDryAccount.run(key, id);
      return id;
    }
    return Number(this.s.addAccount.run(name.trim(), key, this.at).lastInsertRowid);
  }

  private lastLoaded?: number;

  private loadKeys(accountId: number): void {
    if (accountId === this.lastLoaded) return;
    this.lastLoaded = accountId;
    if (accountId < 0 || this.s.loaded.run(accountId).changes === 0) return;
    for (const c of this.s.contactsOf.all(accountId) as { id: number; name: string }[]) this.s.addKey.run(accountId, nameKey(c.name), c.id);
  }
}
