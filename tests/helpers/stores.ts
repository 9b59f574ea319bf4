/**
 * Both stores for a test that runs the same story on each: a fresh SQLite file and a fresh PostgreSQL
 * database (the test server), closed after each test. Call `closeStoresAfterEach()` once per file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { closePgStores, freshDatabase, pgStore } from './pg.js';

const sqliteOpen: SqliteStore[] = [];

export function closeStoresAfterEach(): void {
  afterEach(async () => {
    for (const s of sqliteOpen.splice(0)) await s.close();
    await closePgStores();
  });
}

export const BOTH_STORES: { name: string; open(): Promise<Store> }[] = [
  {
    name: 'SQLite',
    async open() {
      const s = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'sc-store-')), 'coach.db'));
      sqliteOpen.push(s);
      return s;
    },
  },
  { name: 'PostgreSQL', open: async () => pgStore(await freshDatabase()) },
];

/** A SQLite store a test opened itself, closed with the others after the test. */
export function closeAfterTest(...stores: SqliteStore[]): void {
  sqliteOpen.push(...stores);
}
