/**
 * The team database's connection pool, apart from the store (postgres.ts) and its query builder, so
 * that a command starts connecting (TCP, the SCRAM exchange, the server's new process) while kysely
 * and the store's modules load, not after them.
 */
import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';
import { PG_SCHEMA } from './migrations.js';

export interface PoolOptions {
  /** postgres://user@host:port/database (no password: it comes from `password`). */
  url: string;
  password?: string;
  /** How long to wait for the server to answer a connection (the issue: a clear error within 5 s). */
  connectTimeoutMs?: number;
  /** No statement may run longer than this (a stuck lock never hangs a rep's terminal). */
  statementTimeoutMs?: number;
}

/** A pool whose first connection is on its way: `ready` settles once it is made (and back in the pool) or has failed. */
export interface StartedPool {
  pool: pg.Pool;
  ready: Promise<void>;
}

/** PostgreSQL's bigint (int8). */
const INT8_OID = 20;

export function teamPool(opts: PoolOptions): pg.Pool {
  // the URL's parts, then the password apart: pg lets a connection string override what is given beside it
  const parts = Object.fromEntries(Object.entries(parseConnectionString(opts.url)).filter(([k, v]) => v !== undefined && v !== null && v !== '' && k !== 'password')) as pg.PoolConfig;
  const pool = new pg.Pool({
    ...parts,
    ...(opts.password !== undefined ? { password: opts.password } : {}),
    max: 4,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
    statement_timeout: opts.statementTimeoutMs ?? 30_000,
    idle_in_transaction_session_timeout: 60_000,
    application_name: 'sales-coach',
    options: `-c search_path=${PG_SCHEMA}`,
    // ids are bigint (migration 12) and counts are bigint: numbers here, as SQLite gives them (pg
    // reads int8 as a string by default); far below 2^53 either way
    types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text')) } as pg.CustomTypesConfig,
  });
  // an idle client whose server went away must not crash the process: the next query says so
  pool.on('error', () => {});
  // a client whose server goes away while it is checked out emits an error too: the query it was
  // running rejects with it, and that is where it is handled
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/** The pool, its first connection begun at once (openPostgresStore awaits it and says why it failed). */
export function startPool(opts: PoolOptions): StartedPool {
  const pool = teamPool(opts);
  const ready = pool.connect().then((client) => client.release());
  // handled where it is awaited; until then a refusal must not count as an unhandled rejection
  ready.catch(() => {});
  return { pool, ready };
}
