/**
 * The embedded store with its migrations: opens any database, migrating an older or new one at once.
 * Tests, benches and the team commands use this; the commands that open the rep's own file go through
 * sqlite-store.ts and load the migrations' text only when the file needs them (cli/store.ts).
 */
import * as migrations from './migrations.js';
import { type OpenOptions, openSqlite, type SqliteStore } from './sqlite-store.js';

export * from './sqlite-store.js';

export function openSqliteStore(path: string, opts: OpenOptions = {}): SqliteStore {
  return openSqlite(path, { migrations, ...opts });
}
