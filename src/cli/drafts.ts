/**
 * Drafts of interrupted interviews: a small journal of files beside the database, written
 * synchronously after every answer (a kill from outside ends the process before any handler runs)
 * and never through the database, so another sales-coach holding the database's write lock cannot
 * cost the rep the answer just typed. Each draft is written to a temporary file and renamed into
 * place: a crash leaves the previous draft or the new one, never half of one.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { draftFileIn, draftKey } from './draft-files.js';
import type { Answers } from '../engine/answers.js';
import type { Mode } from '../engine/model.js';
import { DraftSchema, journalFolder, readJournalFile, setAside, setAsideLine } from './journal.js';

export interface Draft {
  version: 1;
  mode: Mode;
  account?: string;
  playbook: string;
  date: string;
  lang: string;
  answers: Answers;
  order: string[];
  savedAt: string;
  /** What the rep decided for the steps still open on the account (step id -> done/keep/drop). */
  stepDecisions?: Record<number, 'done' | 'keep' | 'drop'>;
  /** The other people at a debrief's meeting, as far as the rep got. */
  others?: { name: string; answers: Answers }[];
  /** The rep answered "no" to "still as recorded?": the facts on record are being asked again. */
  reviewing?: true;
}

export { draftKey, draftsDirFor } from './draft-files.js';

/** A draft as this version writes it (the same schema every draft is read through). */
export function isDraft(d: unknown): d is Draft {
  return DraftSchema.safeParse(d).success;
}

export class DraftStore {
  /** The damaged drafts set aside by this store so far, each as the line that names it. */
  readonly damaged: string[] = [];

  /**
   * @param report told one line for each damaged draft set aside (e.g. `(line) => io.stderr.write(`${line}\n`)`);
   *   the lines are also kept in `damaged`.
   */
  constructor(
    readonly dir: string,
    private readonly report?: (line: string) => void,
  ) {}

  /** The file that holds the draft of this session, whether or not there is one. */
  pathOf(mode: Mode, account?: string): string {
    return this.file(draftKey(mode, account));
  }

  private file(key: string): string {
    return draftFileIn(this.dir, key);
  }

  save(draft: Draft): void {
    journalFolder(this.dir, 'the draft');
    const target = this.file(draftKey(draft.mode, draft.account));
    const tmp = `${target}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      try {
        writeSync(fd, JSON.stringify(draft));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, target);
    } catch (err) {
      // a full disk leaves no half-written temporary file in the drafts folder, answer after answer
      rmSync(tmp, { force: true });
      throw err;
    }
  }

  /** The draft for this account, or, with no account, the most recent draft of this mode. */
  find(mode: Mode, account?: string): Draft | undefined {
    if (account !== undefined) return this.read(this.file(draftKey(mode, account)));
    return this.list()
      .filter((d) => d.mode === mode)
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
  }

  /** Every unfinished session, newest first. A damaged file is skipped, not fatal. */
  list(): Draft[] {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    return names
      .map((n) => this.read(join(this.dir, n)))
      .filter((d): d is Draft => d !== undefined)
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  remove(mode: Mode, account?: string): void {
    rmSync(this.file(draftKey(mode, account)), { force: true });
  }

  /** The draft in `file`, or undefined when there is none; a damaged one is set aside and named. */
  private read(file: string): Draft | undefined {
    if (!existsSync(file)) return undefined;
    const r = readJournalFile(file, DraftSchema);
    if (r.ok) return r.value as Draft;
    const line = setAsideLine('the draft', file, r.reason, setAside(file));
    this.damaged.push(line);
    this.report?.(line);
    return undefined;
  }
}
