/**
 * Opens the store the user chose: --db, SALES_COACH_DB, `store:` in the config, or the default
 * SQLite file under $XDG_DATA_HOME. A postgres:// URL opens the team database; its password comes
 * from PGPASSWORD, the config's passwordFile or ~/.pgpass, never from the command line.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store, TeamStore } from '../store/types.js';
import { sanitize } from '../ui/sanitize.js';
import { loadConfig, pickLocale, storeAddressProblem } from './config.js';
import { said, sayDone, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { openStores } from './open-stores.js';
import { dataDir } from './paths.js';

/** Every store this process opened and has not closed: bin/ closes them before exit (Node 24 aborts otherwise). */

export type StoreTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; shown: string; passwordFile?: string };

export function isPostgresUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//i.test(s);
}

/** The config, read once per environment and --config: a session asks where its store is several times. */
const configs = new WeakMap<object, Map<string, ReturnType<typeof loadConfig>>>();
function configOf(io: IO, g: GlobalOptions): ReturnType<typeof loadConfig> {
  let byFlag = configs.get(io.env);
  if (!byFlag) {
    byFlag = new Map();
    configs.set(io.env, byFlag);
  }
  const key = g.config ?? '';
  let config = byFlag.get(key);
  if (!config) {
    // with --lang: the config's notices speak it, and so does every error after (reading the config
    // picks the session's language; without the flag it picked the environment's, English, mid-command)
    config = loadConfig(io.env, g.config, g.lang);
    byFlag.set(key, config);
  }
  return config;
}

/** Where the store is, as given (flag, environment, config), without opening it. */
export function storeTarget(io: IO, g: GlobalOptions): StoreTarget {
  const named = g.db ?? io.env.SALES_COACH_DB;
  // the config is read when no flag or variable named the store, or for the team database's password file
  const config = !named || isPostgresUrl(named) ? configOf(io, g) : undefined;
  const given = named ?? config?.store;
  if (given && isPostgresUrl(given)) return teamTarget(given, config?.passwordFile);
  const problem = given ? storeAddressProblem(given) : undefined;
  if (problem) {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(given as string)?.[1] ?? '';
    const close = /did you mean "(.*):\/\/"\?/.exec(problem.hint)?.[1];
    throw new UserError(said('unknownStore', { scheme, ...(close ? { close } : {}) }), problem.message, problem.hint);
  }
  return { kind: 'sqlite', path: given ? resolve(io.cwd, given) : join(dataDir(io.env), 'coach.db') };
}

function teamTarget(given: string, passwordFile: string | undefined): Extract<StoreTarget, { kind: 'postgres' }> {
  let u: URL;
  try {
    u = new URL(given);
  } catch {
    throw new UserError(said('badTeamUrl', {}), 'the team database address is not a valid URL', 'expected postgres://USER@HOST[:PORT]/DATABASE');
  }
  if (u.password) throw new UserError(said('passwordInUrl', {}), 'the team database address holds a password; it was not used', "put the password in PGPASSWORD, ~/.pgpass or the config's passwordFile, never in the address: it would show in the process list and the shell history");
  const shown = `${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  return { kind: 'postgres', url: given, shown, ...(passwordFile ? { passwordFile } : {}) };
}

/** A team database named by an option of its own (store push --to): the config's password file still applies. */
export function teamTargetOf(io: IO, g: GlobalOptions, url: string): Extract<StoreTarget, { kind: 'postgres' }> {
  if (!isPostgresUrl(url)) throw new UserError(said('notTeamAddress', { url }), `${url} is not a team database address`, 'expected postgres://USER@HOST[:PORT]/DATABASE');
  return teamTarget(url, configOf(io, g).passwordFile);
}

/** The SQLite file on this machine: --db or SALES_COACH_DB when they name a file, else the default. */
export function localDbPath(io: IO, g: GlobalOptions): string {
  const named = g.db ?? io.env.SALES_COACH_DB;
  return named && !isPostgresUrl(named) ? resolve(io.cwd, named) : join(dataDir(io.env), 'coach.db');
}

/**
 * The local SQLite file's path: the store itself, or, with a team database, the file beside which
 * the drafts and the visits waiting for the server are kept (they never go through the network).
 */
export function dbPath(io: IO, g: GlobalOptions): string {
  const t = storeTarget(io, g);
  return t.kind === 'sqlite' ? t.path : join(dataDir(io.env), 'coach.db');
}

/** Opens the team database at `target` (also for store push, whose --to names it apart from --db). */
export async function openTeamAt(io: IO, g: GlobalOptions, target: Extract<StoreTarget, { kind: 'postgres' }>): Promise<TeamStore> {
  return tracked(await openTeamStore(io, g, target));
}

export async function openStore(io: IO, g: GlobalOptions): Promise<Store> {
  const target = storeTarget(io, g);
  return tracked(target.kind === 'postgres' ? await openTeamStore(io, g, target) : await openLocalStore(io, g, target.path));
}

/** Kept in the set bin/ closes before exit, until closed. */
function tracked<S extends Store>(store: S): S {
  const close = store.close.bind(store);
  store.close = async () => {
    openStores.delete(store);
    await close();
  };
  openStores.add(store);
  return store;
}

async function openLocalStore(io: IO, g: GlobalOptions, path: string): Promise<Store> {
  // loaded only by the commands that need it: the native module costs start-up time
  const { MigrationsNeeded, openSqlite } = await import('../store/sqlite-store.js');
  const timeout = Number(io.env.SALES_COACH_DB_TIMEOUT_MS);
  const opts = { busyTimeoutMs: Number.isFinite(timeout) && timeout >= 0 ? timeout : 5000 };
  let store: Awaited<ReturnType<typeof openSqlite>>;
  try {
    store = openSqlite(path, opts);
  } catch (err) {
    // a new file, or one an older sales-coach made: the migrations' text is loaded for it alone
    if (!(err instanceof MigrationsNeeded)) throw err;
    store = openSqlite(path, { ...opts, migrations: await import('../store/migrations.js') });
  }
  // drafts kept in the database by an earlier version move to the journal beside it, once
  const legacy = store.takeLegacyDrafts();
  if (legacy.length) {
    const { DraftStore, draftsDirFor, isDraft } = await import('./drafts.js');
    const journal = new DraftStore(draftsDirFor(dbPath(io, g)));
    for (const d of legacy) if (isDraft(d) && !journal.find(d.mode, d.account)) journal.save(d);
  }
  return store;
}

async function openTeamStore(io: IO, g: GlobalOptions, target: Extract<StoreTarget, { kind: 'postgres' }>): Promise<TeamStore> {
  const password = await teamPassword(io, target);
  const timeout = Number(io.env.SALES_COACH_DB_TIMEOUT_MS);
  const connection = { url: target.url, ...(password !== undefined ? { password } : {}), connectTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 5000 };
  // the connection (TCP, SCRAM, the server's new process) is begun first, with pg alone loaded; the
  // store's modules (kysely's chunk, the store, the outbox) load meanwhile
  const { startPool } = await import('../store/pg-pool.js');
  const started = startPool(connection);
  const store = await Promise.all([import('../store/postgres.js'), import('./outbox.js')]).then(
    ([{ openPostgresStore }, { FileOutbox, outboxDirFor }]) => openPostgresStore({ ...connection, started, outbox: new FileOutbox(outboxDirFor(dbPath(io, g)), (line) => io.stderr.write(`${line}\n`)) }),
    async (err) => {
      // a module that failed to load: the pool, already connecting, is ended here (openPostgresStore ends it on its own failures)
      await started.pool.end().catch(() => {});
      throw err;
    },
  );
  try {
    const { sent, refused } = await store.flushOutbox();
    const locale = sent || refused.length ? pickLocale(g.lang, io.env, configOf(io, g)) : 'en';
    if (sent) {
      const english = `${sent === 1 ? '1 visit kept on this machine was' : `${sent} visits kept on this machine were`} sent to the team database`;
      io.stderr.write(`${await sayDone(locale, said('keptVisitsSent', { count: sent }), english)}\n`);
    }
    if (refused.length) {
      for (const r of refused) {
        const english = `a visit kept on this machine was refused by the team database (${sanitize(r.reason)}); it is kept in ${sanitize(r.file)}`;
        io.stderr.write(`sales-coach: ${await sayDone(locale, said('visitRefused', { reason: sanitize(r.reason), file: sanitize(r.file) }), english)}\n`);
      }
    }
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/** PGPASSWORD, then the config's passwordFile, then ~/.pgpass (PGPASSFILE), as libpq reads them. */
export async function teamPassword(io: IO, target: Extract<StoreTarget, { kind: 'postgres' }>): Promise<string | undefined> {
  if (io.env.PGPASSWORD !== undefined) return io.env.PGPASSWORD;
  const { readFileBounded } = await import('./files.js');
  if (target.passwordFile) {
    try {
      // like libpq's ~/.pgpass: a password others can read is no secret, and is not used
      if ((statSync(target.passwordFile).mode & 0o077) !== 0) {
        throw new UserError(said('passwordFileOpen', { file: target.passwordFile }), `the password file ${target.passwordFile} can be read by others; it was not used`, `make it yours alone: chmod 600 ${target.passwordFile}`);
      }
      return readFileBounded(target.passwordFile, 4096, 'the password file').toString('utf8').replace(/\r?\n$/, '');
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(said('passwordFileUnreadable', { file: target.passwordFile, newRep: false }), `cannot read the password file ${target.passwordFile}`, 'check passwordFile in the config');
    }
  }
  const file = io.env.PGPASSFILE ?? (io.env.HOME ? join(io.env.HOME, '.pgpass') : undefined);
  if (!file) return undefined;
  let text: string;
  try {
    // libpq ignores a .pgpass that others can read; so do we
    if ((statSync(file).mode & 0o077) !== 0) return undefined;
    text = readFileBounded(file, 1024 * 1024, 'the password file').toString('utf8');
  } catch {
    return undefined;
  }
  const u = new URL(target.url);
  return pgpassLookup(text, { host: u.hostname || 'localhost', port: u.port || '5432', database: decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username), user: decodeURIComponent(u.username) || io.env.USER || '' });
}

/** The first line of a .pgpass text that matches (fields host:port:database:user:password, * for any). */
export function pgpassLookup(text: string, want: { host: string; port: string; database: string; user: string }): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    const fields: string[] = [];
    let cur = '';
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch === '\\' && i + 1 < line.length) cur += line[++i];
      else if (ch === ':' && fields.length < 4) {
        fields.push(cur);
        cur = '';
      } else cur += ch;
    }
    fields.push(cur);
    if (fields.length !== 5) continue;
    const [host, port, database, user, password] = fields;
    const ok = (f: string, v: string) => f === '*' || f === v;
    if (ok(host, want.host) && ok(port, want.port) && ok(database, want.database) && ok(user, want.user)) return password;
  }
  return undefined;
}

