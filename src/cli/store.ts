/** Opens the store the user chose: --db, SALES_COACH_DB, or the default under $XDG_DATA_HOME. */
import { join, resolve } from 'node:path';
import type { Store } from '../store/types.js';
import type { GlobalOptions, IO } from './io.js';
import { dataDir } from './paths.js';

export function dbPath(io: IO, g: GlobalOptions): string {
  const p = g.db ?? io.env.SALES_COACH_DB;
  return p ? resolve(io.cwd, p) : join(dataDir(io.env), 'coach.db');
}

export async function openStore(io: IO, g: GlobalOptions): Promise<Store> {
  // loaded only by the commands that need it: the native module costs start-up time
  const { openSqliteStore } = await import('../store/sqlite.js');
  const timeout = Number(io.env.SALES_COACH_DB_TIMEOUT_MS);
  return openSqliteStore(dbPath(io, g), { busyTimeoutMs: Number.isFinite(timeout) && timeout >= 0 ? timeout : 5000 });
}
