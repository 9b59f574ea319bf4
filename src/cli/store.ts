/** Opens the store the user chose: --db, SALES_COACH_DB, or the default under $XDG_DATA_HOME. */
import { join, resolve } from 'node:path';
import type { Store } from '../store/types.js';
import type { GlobalOptions, IO } from './io.js';
import { dataDir } from './paths.js';

/** Every store this process opened and has not closed: bin/ closes them before exit (Node 24 aborts otherwise). */
const open = new Set<Store>();

export function dbPath(io: IO, g: GlobalOptions): string {
  const p = g.db ?? io.env.SALES_COACH_DB;
  return p ? resolve(io.cwd, p) : join(dataDir(io.env), 'coach.db');
}

export async function openStore(io: IO, g: GlobalOptions): Promise<Store> {
  // loaded only by the commands that need it: the native module costs start-up time
  const { openSqliteStore } = await import('../store/sqlite.js');
  const timeout = Number(io.env.SALES_COACH_DB_TIMEOUT_MS);
  const store = openSqliteStore(dbPath(io, g), { busyTimeoutMs: Number.isFinite(timeout) && timeout >= 0 ? timeout : 5000 });
  const close = store.close.bind(store);
  store.close = async () => {
    open.delete(store);
    await close();
  };
  open.add(store);
  // drafts kept in the database by an earlier version move to the journal beside it, once
  const legacy = store.takeLegacyDrafts();
  if (legacy.length) {
    const { DraftStore, draftsDirFor, isDraft } = await import('./drafts.js');
    const journal = new DraftStore(draftsDirFor(dbPath(io, g)));
    for (const d of legacy) if (isDraft(d) && !journal.find(d.mode, d.account)) journal.save(d);
  }
  return store;
}

/** Closes what is still open (after an error, an interruption): called by bin/ just before it exits. */
export function closeAllStores(): void {
  // the native close runs at once, inside the call: nothing to wait for before exit
  for (const store of [...open]) void store.close();
}
