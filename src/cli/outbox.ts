/**
 * Visits that could not reach the team database, kept on this machine until they can: one file per
 * visit in `coach.outbox/` beside the local database, written and renamed into place like a draft.
 * The next command that reaches the team database sends them (PostgresStore.flushOutbox), each once.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { KeptVisit, VisitOutbox } from '../store/postgres.js';
import { writeFileAtomic } from './files.js';

export function outboxDirFor(localDbPath: string): string {
  return join(dirname(localDbPath), `${basename(localDbPath, extname(localDbPath)) || 'coach'}.outbox`);
}

type Kept = KeptVisit;

export class FileOutbox implements VisitOutbox {
  constructor(readonly dir: string) {}

  put(visit: Kept): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
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
      try {
        out.push({ id, visit: JSON.parse(readFileSync(join(this.dir, id), 'utf8')) as Kept });
      } catch {
        // a file that cannot be read is left where it is, for the rep to look at: never deleted
      }
    }
    return out;
  }

  remove(id: string): void {
    rmSync(join(this.dir, id), { force: true });
  }

  setAside(id: string): string {
    const to = join(this.dir, `${id}.refused`);
    renameSync(join(this.dir, id), to);
    return to;
  }
}
