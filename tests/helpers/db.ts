/**
 * A raw better-sqlite3 connection for tests that poke at the file directly. Its statements are
 * kept alive like the store's own (see keepStatements): on Node 24 a statement collected at exit
 * aborts the test worker.
 */
import Database from 'better-sqlite3';
import { keepStatements } from '../../src/store/sqlite.js';

export function rawDb(path: string, options?: Database.Options): Database.Database {
  const db = new Database(path, options);
  keepStatements(db);
  return db;
}
