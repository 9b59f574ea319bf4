/**
 * Databases on the run's PostgreSQL server (tests/helpers/postgres-server.ts): each test gets a new
 * database, so tests never see each other's rows. Connections name no password in the URL: it is
 * passed apart, as the CLI takes it (PGPASSWORD, ~/.pgpass or a password file).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgresStore, type PgOptions, type PostgresStore } from '../../src/store/postgres.js';
import { SUPERUSER, SUPERUSER_PASSWORD } from './postgres-server.js';

export const ADMIN_PASSWORD = SUPERUSER_PASSWORD;

export function serverUrl(user = SUPERUSER, database = 'postgres'): string {
  return `postgres://${user}@127.0.0.1:${inject('pgPort')}/${database}`;
}

/** Runs SQL as the server's superuser, on the given database. */
export async function adminSql<T = Record<string, unknown>>(database: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ host: '127.0.0.1', port: inject('pgPort'), user: SUPERUSER, database, password: SUPERUSER_PASSWORD });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** A new, empty database on the test server; its name. */
export async function freshDatabase(): Promise<string> {
  const name = `sc_${randomBytes(6).toString('hex')}`;
  await adminSql('postgres', `CREATE DATABASE ${name}`);
  return name;
}

/** A unique role name for this test (roles are shared by every database of a server). */
export function roleName(base: string): string {
  return `${base}_${randomBytes(3).toString('hex')}`;
}

const opened: PostgresStore[] = [];
export async function pgStore(database: string, user = SUPERUSER, password = SUPERUSER_PASSWORD, extra: Partial<PgOptions> = {}): Promise<PostgresStore> {
  const s = await openPostgresStore({ url: serverUrl(user, database), password, ...extra });
  opened.push(s);
  return s;
}
export async function closePgStores(): Promise<void> {
  for (const s of opened.splice(0)) await s.close();
}
