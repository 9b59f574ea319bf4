/**
 * The embedded store: one SQLite file (better-sqlite3), WAL, every command's writes in one
 * transaction. The only file in the program that speaks SQL.
 */
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Answers } from '../engine/answers.js';
import type { CoachingResult } from '../engine/evaluate.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import {
  type AccountRow,
  type AccountTimeline,
  type ChecklistRow,
  type ClassChange,
  type Contact,
  type ImportRow,
  type PipelineQuery,
  type SaveVisit,
  type Store,
  StoreError,
  type VisitRow,
} from './types.js';

export interface OpenOptions {
  /** How long to wait for another sales-coach that holds the database. */
  busyTimeoutMs?: number;
}

/** Account names match whatever their case and width: "ACME", "Acme" and "Ａｃｍｅ" are one account. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

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
    return new StoreError(`the database ${path} is in use by another sales-coach (waited, then gave up)`, 'finish or close the other sales-coach, then run this again; nothing was changed');
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
    const c = readOnlyCulprit(path);
    return new StoreError(`cannot write ${c.file}: ${c.what} is read-only here; nothing was changed`, c.file === path ? "check the file's permissions, or point --db (SALES_COACH_DB) at a writable place" : `make ${c.file} writable (or remove it if no sales-coach is running), or point --db at a writable place`);
  }
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') {
    return new StoreError(`the disk holding ${path} is full; nothing was changed`, 'free some space and run this again');
  }
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return new StoreError(`${path} is not a sales-coach database, or it is damaged; it was left untouched`, `to save what can be saved: sqlite3 ${shellQuote(path)} .recover | sqlite3 recovered.db, then --db recovered.db`);
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return new StoreError(`cannot create the folder for the database ${path}: a part of that path is a file, not a folder`, 'point --db (SALES_COACH_DB) at a file inside a folder');
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) {
    if (code.startsWith('SQLITE_CANTOPEN') && !writable(dirname(path))) return describeError(Object.assign(new Error(msg), { code: 'SQLITE_READONLY' }), path);
    return new StoreError(`cannot open or write the database ${path} (${msg})`, 'check that the folder exists and is writable');
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

export function openSqliteStore(path: string, opts: OpenOptions = {}): SqliteStore {
  if (path !== ':memory:') {
    if (existsSync(path)) {
      const st = statSync(path);
      if (st.isDirectory()) throw new StoreError(`${path} is a folder, not a database file`, 'give --db the path of a file');
      if (!st.isFile()) throw new StoreError(`${path} is not a database file (a device, a pipe or a socket); it was left untouched`, 'give --db the path of a file');
      if (st.size > 0) {
        // refuse anything that is not SQLite before SQLite opens it: never write into someone's file
        const fd = openSync(path, 'r');
        const head = Buffer.alloc(16);
        readSync(fd, head, 0, 16, 0);
        closeSync(fd);
        if (head.toString('latin1') !== SQLITE_MAGIC) {
          throw new StoreError(`${path} is not a sales-coach database (it is not SQLite); it was left untouched`, 'point --db (SALES_COACH_DB) at another file, or move this one away');
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
    db = new Database(path, { timeout: opts.busyTimeoutMs ?? 5000 });
    keepStatements(db);
  } catch (err) {
    throw describeError(err, path) ?? err;
  }
  const store = new SqliteStore(db, path);
  try {
    // nothing is written before the file is known to be ours (or empty): not even the journal mode
    store.checkVersion();
    store.checkOwnership();
    store.checkIntegrity();
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // reading through a memory map halves the time of the pipeline's full pass over 100,000 accounts
    db.pragma('mmap_size = 268435456');
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    store.migrate();
  } catch (err) {
    db.close();
    throw describeError(err, path) ?? err;
  }
  return store;
}

interface AccountDb {
  id: number;
  name: string;
  created_at: string;
  class: string | null;
  class_status: string | null;
  class_since: string | null;
  last_visit: string | null;
  signed: number;
  contacts_count: number;
  open_items: number;
  next_due: string | null;
  next_item: string | null;
}

function accountRow(r: AccountDb): AccountRow {
  return {
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    ...(r.class ? { class: r.class } : {}),
    ...(r.class_status ? { classStatus: r.class_status as AccountRow['classStatus'] } : {}),
    ...(r.class_since ? { classSince: r.class_since } : {}),
    ...(r.last_visit ? { lastVisit: r.last_visit } : {}),
    signed: r.signed === 1,
    contacts: r.contacts_count,
    openItems: r.open_items,
    ...(r.next_due ? { nextDue: r.next_due } : {}),
    ...(r.next_item ? { nextItem: r.next_item } : {}),
  };
}

interface VisitDb {
  id: number;
  mode: 'prep' | 'debrief';
  date: string;
  playbook_id: string;
  playbook_hash: string;
  answers: string;
  result: string;
  created_at: string;
}

function visitRow(r: VisitDb): VisitRow {
  return {
    id: r.id,
    mode: r.mode,
    date: r.date,
    playbookId: r.playbook_id,
    playbookHash: r.playbook_hash,
    answers: JSON.parse(r.answers) as Answers,
    result: JSON.parse(r.result) as CoachingResult,
    createdAt: r.created_at,
  };
}

interface ChecklistDb {
  id: number;
  account: string;
  item_key: string;
  text: string;
  due: string;
  state: ChecklistRow['state'];
  state_at: string | null;
  visit_date: string | null;
}

function checklistRow(r: ChecklistDb): ChecklistRow {
  return { id: r.id, account: r.account, key: r.item_key, text: r.text, due: r.due, state: r.state, ...(r.state_at ? { stateAt: r.state_at } : {}), visitDate: r.visit_date ?? '' };
}

interface ClassHistoryDb {
  account: string;
  date: string;
  from_class: string | null;
  to_class: string | null;
  status: string;
  reason: string;
}

const CLASS_HISTORY_SELECT = 'SELECT a.name AS account, h.date, h.from_class, h.to_class, h.status, h.reason FROM class_history h JOIN accounts a ON a.id = h.account_id';

function classChange(r: ClassHistoryDb): ClassChange {
  return { account: r.account, date: r.date, ...(r.from_class ? { from: r.from_class } : {}), ...(r.to_class ? { to: r.to_class } : {}), status: r.status, reason: r.reason };
}

const CHECKLIST_SELECT = `SELECT i.id, a.name AS account, i.item_key, i.text, i.due, i.state, i.state_at, v.date AS visit_date
  FROM checklist_items i JOIN accounts a ON a.id = i.account_id LEFT JOIN visits v ON v.id = i.visit_id`;

export class SqliteStore implements Store {
  constructor(
    readonly db: Database.Database,
    readonly path: string,
  ) {}

  /** Refuses a database made by a newer sales-coach: it is left as it is, never downgraded. */
  checkVersion(): number {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new StoreError(
        `the database ${this.path} was made by a newer sales-coach (schema ${version}; this one knows up to ${SCHEMA_VERSION})`,
        'upgrade sales-coach; the database is left as it is and never downgraded',
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
    const tables = (this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (appId === 0 && tables.length === 0 && version === 0) return;
    if (appId === 0 && version >= 1 && OUR_TABLES.every((t) => tables.includes(t))) return;
    throw new StoreError(
      `${this.path} is a SQLite database, but not sales-coach's (${appId !== 0 ? `application id ${appId}` : `tables: ${tables.slice(0, 5).join(', ') || 'none'}${tables.length > 5 ? ', …' : ''}`}); it was left untouched`,
      'point --db (SALES_COACH_DB) at another file, or a new one',
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
    );
  }

  /**
   * Applies the migrations this database lacks, all in one write transaction that reads the
   * version again once it holds the lock: of twenty first runs at once, one migrates and the
   * others find the work done.
   */
  migrate(): void {
    if (this.checkVersion() === SCHEMA_VERSION && this.db.pragma('application_id', { simple: true }) === APPLICATION_ID) return;
    this.db.transaction(() => {
      const version = this.checkVersion();
      for (let v = version; v < SCHEMA_VERSION; v++) this.db.exec(MIGRATIONS[v]);
      if (version < SCHEMA_VERSION) this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
      this.db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
  }

  private run<T>(work: () => T): T {
    try {
      return work();
    } catch (err) {
      throw describeError(err, this.path) ?? err;
    }
  }

  private write<T>(work: () => T): T {
    return this.run(() => this.db.transaction(work).immediate());
  }

  private accountId(name: string): number | undefined {
    const r = this.db.prepare('SELECT id FROM accounts WHERE name_key = ?').get(nameKey(name)) as { id: number } | undefined;
    return r?.id;
  }

  private requireAccount(name: string): number {
    const id = this.accountId(name);
    if (id === undefined) throw new StoreError(`no account "${name}"`, 'sales-coach accounts lists them');
    return id;
  }

  private refreshAccount(id: number): void {
    this.db
      .prepare(
        `UPDATE accounts SET
          contacts_count = (SELECT count(*) FROM contacts WHERE account_id = @id),
          open_items = (SELECT count(*) FROM checklist_items WHERE account_id = @id AND state = 'open'),
          next_due = (SELECT min(due) FROM checklist_items WHERE account_id = @id AND state = 'open'),
          next_item = (SELECT text FROM checklist_items WHERE account_id = @id AND state = 'open' ORDER BY due, id LIMIT 1)
        WHERE id = @id`,
      )
      .run({ id });
  }

  private upsertContact(accountId: number, c: Contact): void {
    this.db
      .prepare(
        `INSERT INTO contacts (account_id, name, title, role, reports_to, approval_layers, persona, email, phone)
         VALUES (@account_id, @name, @title, @role, @reports_to, @approval_layers, @persona, @email, @phone)
         ON CONFLICT (account_id, name) DO UPDATE SET
           title = coalesce(excluded.title, title), role = coalesce(excluded.role, role),
           reports_to = coalesce(excluded.reports_to, reports_to), approval_layers = coalesce(excluded.approval_layers, approval_layers),
           persona = coalesce(excluded.persona, persona), email = coalesce(excluded.email, email), phone = coalesce(excluded.phone, phone)`,
      )
      .run({
        account_id: accountId,
        name: c.name,
        title: c.title ?? null,
        role: c.role ?? null,
        reports_to: c.reportsTo ?? null,
        approval_layers: c.approvalLayers ?? null,
        persona: c.persona ?? null,
        email: c.email ?? null,
        phone: c.phone ?? null,
      });
  }

  private ensureAccount(name: string, at: string): number {
    const existing = this.accountId(name);
    if (existing !== undefined) return existing;
    const r = this.db.prepare('INSERT INTO accounts (name, name_key, created_at) VALUES (?, ?, ?)').run(name.trim(), nameKey(name), at);
    return Number(r.lastInsertRowid);
  }

  async lastVisit(account: string): Promise<VisitRow | undefined> {
    return this.run(() => {
      const r = this.db
        .prepare('SELECT v.* FROM visits v JOIN accounts a ON a.id = v.account_id WHERE a.name_key = ? ORDER BY v.date DESC, v.id DESC LIMIT 1')
        .get(nameKey(account)) as VisitDb | undefined;
      return r ? visitRow(r) : undefined;
    });
  }

  async getAccount(account: string): Promise<AccountRow | undefined> {
    return this.run(() => {
      const r = this.db.prepare('SELECT * FROM accounts WHERE name_key = ?').get(nameKey(account)) as AccountDb | undefined;
      return r ? accountRow(r) : undefined;
    });
  }

  async saveVisit(v: SaveVisit): Promise<{ visitId: number; accountId: number }> {
    return this.write(() => {
      const accountId = this.ensureAccount(v.account, v.at);
      const visit = this.db
        .prepare('INSERT INTO visits (account_id, mode, date, playbook_id, playbook_hash, answers, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(accountId, v.mode, v.date, v.playbookId, v.playbookHash, JSON.stringify(v.answers), JSON.stringify(v.result), v.at);
      const visitId = Number(visit.lastInsertRowid);
      if (v.contact?.name) this.upsertContact(accountId, v.contact);

      // the latest visit's checklist is the plan: the steps earlier visits left open are superseded
      // (kept as skipped, for the record); a step still needed is in the new checklist again
      const before0 = this.db.prepare('SELECT last_visit FROM accounts WHERE id = ?').get(accountId) as { last_visit: string | null };
      if (!before0.last_visit || v.date >= before0.last_visit) {
        this.db.prepare("UPDATE checklist_items SET state = 'skipped', state_at = ? WHERE account_id = ? AND state = 'open' AND visit_id <> ?").run(v.at, accountId, visitId);
      }
      const add = this.db.prepare('INSERT INTO checklist_items (account_id, visit_id, item_key, text, due) VALUES (?, ?, ?, ?, ?)');
      for (const item of v.result.checklist) add.run(accountId, visitId, item.id, item.text, item.due);

      const before = this.db.prepare('SELECT class, class_status, signed, last_visit FROM accounts WHERE id = ?').get(accountId) as Pick<AccountDb, 'class' | 'class_status' | 'signed' | 'last_visit'>;
      const c = v.result.classification;
      const to = c.status === 'classified' ? (c.class ?? null) : null;
      const isLatest = !before.last_visit || v.date >= before.last_visit;
      if (isLatest && (to !== before.class || c.status !== before.class_status)) {
        this.db
          .prepare('INSERT INTO class_history (account_id, visit_id, date, from_class, to_class, status, reason) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(accountId, visitId, v.date, before.class, to, c.status, c.reasons.map((r) => r.text).join('; '));
        this.db.prepare('UPDATE accounts SET class = ?, class_status = ?, class_since = ? WHERE id = ?').run(to, c.status, v.date, accountId);
      }
      const signed = v.answers.signed === 'yes';
      if (signed && before.signed !== 1) {
        this.db
          .prepare("INSERT INTO class_history (account_id, visit_id, date, from_class, to_class, status, reason) VALUES (?, ?, ?, ?, ?, 'signed', 'signed')")
          .run(accountId, visitId, v.date, to ?? before.class, to ?? before.class);
      }
      this.db.prepare('UPDATE accounts SET last_visit = max(coalesce(last_visit, ?), ?), signed = max(signed, ?) WHERE id = ?').run(v.date, v.date, signed ? 1 : 0, accountId);
      this.refreshAccount(accountId);
      return { visitId, accountId };
    });
  }

  /**
   * The pipeline: each account with its flags computed here against `today`. Flags: window
   * (unsigned past its class's window), no_next (no open step), one_contact, provisional, overdue
   * (an open step past its date). The dates are compared as text (YYYY-MM-DD sorts as it reads), so
   * one pass over 100,000 accounts stays well under a tenth of a second.
   */
  private flagExpressions(q: PipelineQuery, params: Record<string, unknown>): Record<string, string> {
    params.today = q.today;
    const whens = Object.entries(q.windows).map(([c, days], i) => {
      params[`c${i}`] = c;
      params[`cut${i}`] = new Date(Date.parse(`${q.today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
      return `WHEN @c${i} THEN class_since < @cut${i}`;
    });
    const windowTest = whens.length ? `CASE class ${whens.join(' ')} ELSE 0 END` : '0';
    return {
      window: `(signed = 0 AND class IS NOT NULL AND ${windowTest})`,
      no_next: "(signed = 0 AND open_items = 0 AND coalesce(class, '') <> 'D')",
      one_contact: '(contacts_count <= 1)',
      provisional: "(class_status = 'provisional')",
      overdue: '(next_due IS NOT NULL AND next_due < @today)',
    };
  }

  async pipeline(q: PipelineQuery & { flags?: string[]; sort?: string; all?: boolean }): Promise<{ rows: (AccountRow & { flags: string[] })[]; total: number; byClass: Record<string, number>; flagCounts: Record<string, number> }> {
    return this.run(() => {
      const params: Record<string, unknown> = {};
      const flags = this.flagExpressions(q, params);
      const flagSelect = Object.entries(flags).map(([k, e]) => `${e} AS f_${k}`).join(', ');
      const where: string[] = [];
      const groupOf = "coalesce(class, class_status, 'new')";
      if (q.classFilter?.length) {
        q.classFilter.forEach((k, i) => {
          params[`k${i}`] = k === '?' ? 'provisional' : k;
        });
        where.push(`${groupOf} IN (${q.classFilter.map((_, i) => `@k${i}`).join(', ')})`);
      }
      for (const f of q.flags ?? []) where.push(flags[f] ?? '0');
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      // one pass over the covering index, grouped in its own order: counts per class and per flag
      const groups = this.db
        .prepare(`SELECT class, class_status, count(*) AS n, ${Object.entries(flags).map(([k, e]) => `sum(${e}) AS ${k}`).join(', ')} FROM accounts ${whereSql} GROUP BY class, class_status`)
        .all(params) as Record<string, number | string | null>[];
      const flagCounts: Record<string, number> = Object.fromEntries(Object.keys(flags).map((k) => [k, 0]));
      const byClass: Record<string, number> = {};
      let total = 0;
      for (const g of groups) {
        const key = String(g.class ?? g.class_status ?? 'new');
        byClass[key] = (byClass[key] ?? 0) + Number(g.n);
        total += Number(g.n);
        for (const k of Object.keys(flags)) flagCounts[k] += Number(g[k] ?? 0);
      }
      // ties broken by id, which every index carries: the first rows of a class come straight off the index
      const order = q.sort === 'name' ? 'name_key' : q.sort === 'due' ? "coalesce(next_due, '9999'), id" : 'class_since, id';
      const toRow = (r: AccountDb & Record<string, number>) => ({
        ...accountRow(r),
        flags: Object.keys(flags).filter((f) => r[`f_${f}`] === 1),
      });
      let rows: (AccountRow & { flags: string[] })[];
      if (q.all || !q.limitPerClass) {
        rows = (this.db.prepare(`SELECT *, ${flagSelect} FROM accounts ${whereSql} ORDER BY coalesce(class, 'Z'), ${order}`).all(params) as (AccountDb & Record<string, number>)[]).map(toRow);
      } else {
        // the first few of each class, each read through the (class, class_since) index
        const keys = Object.keys(byClass).sort((a, b) => (a.length === 1 ? a : `Z${a}`).localeCompare(b.length === 1 ? b : `Z${b}`));
        rows = [];
        for (const k of keys) {
          const inGroup = q.windows[k] !== undefined || k.length === 1 ? 'class = @grp' : `class IS NULL AND coalesce(class_status, 'new') = @grp`;
          const sql = `SELECT *, ${flagSelect} FROM accounts WHERE ${[inGroup, ...where].join(' AND ')} ORDER BY ${order} LIMIT ${Math.floor(q.limitPerClass)}`;
          rows.push(...(this.db.prepare(sql).all({ ...params, grp: k }) as (AccountDb & Record<string, number>)[]).map(toRow));
        }
      }
      return { rows, total, byClass, flagCounts };
    });
  }

  async classChangesSince(date: string): Promise<ClassChange[]> {
    return this.run(() => (this.db.prepare(`${CLASS_HISTORY_SELECT} WHERE h.date >= ? ORDER BY h.date, h.id`).all(date) as ClassHistoryDb[]).map(classChange));
  }

  async timeline(account: string): Promise<AccountTimeline | undefined> {
    return this.run(() => {
      const a = this.db.prepare('SELECT * FROM accounts WHERE name_key = ?').get(nameKey(account)) as AccountDb | undefined;
      if (!a) return undefined;
      const contacts = (this.db.prepare('SELECT * FROM contacts WHERE account_id = ? ORDER BY id').all(a.id) as Record<string, string | null>[]).map((c) => contactOf(c));
      const visits = (this.db.prepare('SELECT * FROM visits WHERE account_id = ? ORDER BY date, id').all(a.id) as VisitDb[]).map(visitRow);
      const classes = (this.db.prepare(`${CLASS_HISTORY_SELECT} WHERE h.account_id = ? ORDER BY h.date, h.id`).all(a.id) as ClassHistoryDb[]).map(classChange);
      const checklist = (this.db.prepare(`${CHECKLIST_SELECT} WHERE i.account_id = ? ORDER BY i.due, i.id`).all(a.id) as ChecklistDb[]).map(checklistRow);
      return { account: accountRow(a), contacts, visits, classes, checklist };
    });
  }

  async renameAccount(from: string, to: string): Promise<void> {
    this.write(() => {
      const id = this.requireAccount(from);
      const clash = this.accountId(to);
      if (clash !== undefined && clash !== id) throw new StoreError(`there is already an account "${to}"`, `to join the two, run: sales-coach account merge "${from}" "${to}"`);
      this.db.prepare('UPDATE accounts SET name = ?, name_key = ? WHERE id = ?').run(to.trim(), nameKey(to), id);
    });
  }

  async mergeAccounts(from: string, into: string): Promise<void> {
    this.write(() => {
      const src = this.requireAccount(from);
      const dst = this.requireAccount(into);
      if (src === dst) throw new StoreError(`"${from}" and "${into}" are the same account`);
      this.db.prepare('INSERT OR IGNORE INTO contacts (account_id, name, title, role, reports_to, approval_layers, persona, email, phone) SELECT ?, name, title, role, reports_to, approval_layers, persona, email, phone FROM contacts WHERE account_id = ?').run(dst, src);
      for (const table of ['visits', 'checklist_items', 'class_history']) this.db.prepare(`UPDATE ${table} SET account_id = ? WHERE account_id = ?`).run(dst, src);
      // the account whose last visit is more recent keeps its class
      const a = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(src) as AccountDb;
      const b = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(dst) as AccountDb;
      if ((a.last_visit ?? '') > (b.last_visit ?? '')) {
        this.db.prepare('UPDATE accounts SET class = ?, class_status = ?, class_since = ?, last_visit = ? WHERE id = ?').run(a.class, a.class_status, a.class_since, a.last_visit, dst);
      }
      this.db.prepare('UPDATE accounts SET signed = max(signed, ?), created_at = min(created_at, ?) WHERE id = ?').run(a.signed, a.created_at, dst);
      this.db.prepare('DELETE FROM accounts WHERE id = ?').run(src);
      this.refreshAccount(dst);
    });
  }

  async deleteAccount(account: string): Promise<void> {
    this.write(() => {
      const id = this.requireAccount(account);
      this.db.prepare('DELETE FROM accounts WHERE id = ?').run(id);
    });
  }

  async openChecklist(account?: string): Promise<ChecklistRow[]> {
    return this.run(() => {
      if (account) {
        const id = this.requireAccount(account);
        return (this.db.prepare(`${CHECKLIST_SELECT} WHERE i.account_id = ? AND i.state = 'open' ORDER BY i.due, i.id`).all(id) as ChecklistDb[]).map(checklistRow);
      }
      return (this.db.prepare(`${CHECKLIST_SELECT} WHERE i.state = 'open' ORDER BY i.due, i.id`).all() as ChecklistDb[]).map(checklistRow);
    });
  }

  async setChecklistState(id: number, state: 'done' | 'skipped', at: string): Promise<ChecklistRow> {
    return this.write(() => {
      const row = this.db.prepare('SELECT account_id, state FROM checklist_items WHERE id = ?').get(id) as { account_id: number; state: string } | undefined;
      if (!row) throw new StoreError(`no checklist item ${id}`, 'sales-coach checklist lists the open items with their numbers');
      this.db.prepare('UPDATE checklist_items SET state = ?, state_at = ? WHERE id = ?').run(state, at, id);
      this.refreshAccount(row.account_id);
      return checklistRow(this.db.prepare(`${CHECKLIST_SELECT} WHERE i.id = ?`).get(id) as ChecklistDb);
    });
  }

  async importRows(rows: ImportRow[], at: string, dryRun = false): Promise<{ accounts: number; contacts: number }> {
    const work = () => {
      let accounts = 0;
      let contacts = 0;
      const touched = new Set<number>();
      for (const r of rows) {
        const existed = this.accountId(r.account) !== undefined;
        const id = this.ensureAccount(r.account, at);
        if (!existed) accounts++;
        if (r.contact?.name) {
          const had = this.db.prepare('SELECT 1 FROM contacts WHERE account_id = ? AND name = ?').get(id, r.contact.name);
          this.upsertContact(id, r.contact);
          if (!had) contacts++;
        }
        touched.add(id);
      }
      for (const id of touched) this.refreshAccount(id);
      if (dryRun) throw new DryRun({ accounts, contacts });
      return { accounts, contacts };
    };
    try {
      return this.write(work);
    } catch (err) {
      if (err instanceof DryRun) return err.counts;
      throw err;
    }
  }

  async exportAll() {
    return this.run(() => {
      const accounts = (this.db.prepare('SELECT * FROM accounts ORDER BY name_key').all() as AccountDb[]).map(accountRow);
      const contacts = (this.db.prepare('SELECT c.*, a.name AS account FROM contacts c JOIN accounts a ON a.id = c.account_id ORDER BY a.name_key, c.id').all() as Record<string, string | null>[]).map((c) => ({ ...contactOf(c), account: c.account as string }));
      const visits = (this.db.prepare('SELECT v.*, a.name AS account FROM visits v JOIN accounts a ON a.id = v.account_id ORDER BY v.date, v.id').all() as (VisitDb & { account: string })[]).map((v) => ({ ...visitRow(v), account: v.account }));
      const checklist = (this.db.prepare(`${CHECKLIST_SELECT} ORDER BY i.due, i.id`).all() as ChecklistDb[]).map(checklistRow);
      const classes = (this.db.prepare(`${CLASS_HISTORY_SELECT} ORDER BY h.date, h.id`).all() as ClassHistoryDb[]).map(classChange);
      return { accounts, contacts, visits, checklist, classes };
    });
  }

  // -- drafts: written synchronously after every answer (a kill cannot wait for anything) -------------
  saveDraft(key: string, mode: string, account: string | undefined, data: unknown, at: string): void {
    this.run(() => this.db.prepare('INSERT INTO drafts (key, mode, account, data, saved_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at').run(key, mode, account ?? null, JSON.stringify(data), at));
  }

  findDraft(key: string | undefined, mode: string): unknown | undefined {
    return this.run(() => {
      const r = (key ? this.db.prepare('SELECT data FROM drafts WHERE key = ?').get(key) : this.db.prepare('SELECT data FROM drafts WHERE mode = ? ORDER BY saved_at DESC LIMIT 1').get(mode)) as { data: string } | undefined;
      return r ? JSON.parse(r.data) : undefined;
    });
  }

  removeDraft(key: string): void {
    this.run(() => this.db.prepare('DELETE FROM drafts WHERE key = ?').run(key));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

class DryRun extends Error {
  constructor(readonly counts: { accounts: number; contacts: number }) {
    super('dry run');
  }
}

function contactOf(c: Record<string, string | null>): Contact {
  const out: Contact = { name: c.name as string };
  if (c.title) out.title = c.title;
  if (c.role) out.role = c.role as Contact['role'];
  if (c.reports_to) out.reportsTo = c.reports_to;
  if (c.approval_layers) out.approvalLayers = c.approval_layers;
  if (c.persona) out.persona = c.persona;
  if (c.email) out.email = c.email;
  if (c.phone) out.phone = c.phone;
  return out;
}
