/**
 * Visits that could not reach the team database, kept on this machine until they can: one file per
 * visit in `coach.outbox/` beside the local database, written and renamed into place like a draft.
 * The next command that reaches the team database sends them (PostgresStore.flushOutbox), each once.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { KeptVisit, VisitOutbox } from '../store/types.js';
import { writeFileAtomic } from './files.js';
import { journalFolder, KeptVisitSchema, readJournalFile, setAside, setAsideLine } from './journal.js';

export function outboxDirFor(localDbPath: string): string {
  return join(dirname(localDbPath), `${basename(localDbPath, extname(localDbPath)) || 'coach'}.outbox`);
}

type Kept = KeptVisit;

export class FileOutbox implements VisitOutbox {
  /**
   * @param report told one line for each damaged file set aside (`NAME.json.damaged`: never deleted,
   *   never sent, never in the way of the next command)
   */
  constructor(
    readonly dir: string,
    private readonly report?: (line: string) => void,
  ) {}

  put(visit: Kept): void {
    journalFolder(this.dir, 'the visit for the team database');
    // named by the time it was saved, then its origin: sent in the order the rep saved them
    const name = `${visit.at.replace(/[^0-9TZ]/g, '')}-${visit.origin.replace(/[^\w-]/g, '_')}.json`;
    // on disk before the session says it is kept: a crash right after loses nothing
    writeFileAtomic(join(this.dir, name), JSON.stringify(visit), { force: true, mode: 0o600 });
  }

  list(): { id: string; visit: Kept }[] {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => n.endsWith('.json')).sort();
    } catch {
      return [];
    }
    const out: { id: string; visit: Kept }[] = [];
    for (const id of names) {
      const file = join(this.dir, id);
      // through the one reader of our own files: `null`, a cut-short file or a foreign one is set aside
      const r = readJournalFile(file, KeptVisitSchema);
      if (r.ok) out.push({ id, visit: r.value as unknown as Kept });
      // gone since it was listed: another command sent it, or set it aside
      else if (!existsSync(file)) continue;
      else this.report?.(setAsideLine('the visit kept for the team database in', file, r.reason, setAside(file)));
    }
    return out;
  }

  remove(id: string): void {
    rmSync(join(this.dir, id), { force: true });
  }

  setAside(id: string): string | undefined {
    const to = join(this.dir, `${id}.refused`);
    try {
      renameSync(join(this.dir, id), to);
    } catch (err) {
      // another command flushing at the same time moved or sent it first
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return to;
  }
}
