/**
 * The one reader of the files sales-coach wrote itself (drafts, the visits kept for the team
 * database): they are input like any other. A file is read bounded, parsed, then held to a zod
 * schema; one that fails is set aside (renamed `NAME.damaged`, never deleted: the rep may want it)
 * and named in one line, so that one bad file never stops a command that reads the folder.
 */
import { existsSync, linkSync, mkdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import * as z from 'zod/mini';
import { isValidDate, YEARS } from '../engine/dates.js';
import { LOCALES } from '../engine/model.js';
import { sanitize } from '../ui/sanitize.js';
import { said, UserError } from './errors.js';
import { describeFsError, fsWhy, readFileBounded } from './files.js';

// as the playbook schema: no generated code
z.config({ jitless: true });

/**
 * The folder a journal is written to, made when missing. A file or a dangling path where the folder
 * should be is the rep's to move, said as such: mkdir's EEXIST or ENOTDIR was an "internal error".
 */
export function journalFolder(dir: string, what: 'the draft' | 'the visit for the team database'): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    let notFolder = code === 'EEXIST' || code === 'ENOTDIR';
    try {
      notFolder ||= !statSync(dir).isDirectory();
    } catch {
      // not there at all: the error from mkdir says why
    }
    if (notFolder) throw new UserError(said('journalBlocked', { what, dir: sanitize(dir) }), `cannot keep ${what} in ${sanitize(dir)}: something other than a folder is in its place`, 'move that file away (sales-coach keeps its journal in that folder, beside the database)');
    throw new UserError(said('journalUnwritable', { what, dir: sanitize(dir), why: fsWhy(err) }), `cannot keep ${what} in ${sanitize(dir)}: ${describeFsError(err)}`);
  }
}

/** What a draft or a kept visit can be at most: far more than a person types in one interview. */
export const JOURNAL_MAX_BYTES = 4 << 20;

export type JournalRead<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Reads `file` and checks it against `schema`; never throws for what the file holds. */
export function readJournalFile<T>(file: string, schema: z.ZodMiniType<T>, maxBytes = JOURNAL_MAX_BYTES): JournalRead<T> {
  let text: string;
  try {
    text = readFileBounded(file, maxBytes, 'the file').toString('utf8');
  } catch (err) {
    const e = err as Error & { code?: string };
    return { ok: false, reason: e.name === 'UserError' ? e.message.replace(/^the file \S+ /, 'it ') : `it cannot be read: ${describeFsError(err)}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not JSON (cut short, or changed by hand)' };
  }
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const where = issue.path.length ? issue.path.map(String).join('.') : 'the file';
  return { ok: false, reason: `${where}: ${issue.message}` };
}

/** Renames a damaged file out of the way (NAME.damaged, or NAME.damaged-2…); where it now is, or undefined if it could not move. */
export function setAside(file: string): string | undefined {
  for (let i = 1; i < 100; i++) {
    const to = i === 1 ? `${file}.damaged` : `${file}.damaged-${i}`;
    try {
      // a link then an unlink: an older damaged file of the same name is never overwritten
      linkSync(file, to);
      unlinkSync(file);
      return to;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code === 'ENOENT') return undefined; // gone meanwhile (another sales-coach set it aside)
      // a file system without hard links: a rename, when nothing has the name
      try {
        if (existsSync(to)) continue;
        renameSync(file, to);
        return to;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The one line that names a file set aside (or left in place when it could not even be moved). */
export function setAsideLine(what: string, file: string, reason: string, movedTo: string | undefined): string {
  return sanitize(movedTo ? `sales-coach: ${what} ${file} is damaged (${reason}); it was set aside as ${movedTo}` : `sales-coach: ${what} ${file} is damaged (${reason}); it was skipped`);
}

const text = z.string();
/** An answer, as a draft or a stored visit keeps it: the same four shapes as the store's (rows.ts). */
export const AnswerValueSchema = z.union([z.string(), z.number().check(z.refine(Number.isFinite)), z.array(z.string()), z.null()]);

export const DraftSchema = z.object({
  version: z.literal(1),
  mode: z.enum(['prep', 'debrief', 'plan']),
  account: z.optional(text.check(z.minLength(1))),
  playbook: text,
  // the day and the language a resumed session runs with: held to what --date and --lang accept, else a
  // draft's 9999-12-31 was reported as "--date 9999-12-31 is not a date" with no --date given
  date: text.check(z.refine(isValidDate, `expected a day between ${YEARS.min} and ${YEARS.max} (YYYY-MM-DD)`)),
  lang: z.enum(LOCALES, `expected one of ${LOCALES.join(', ')}`),
  answers: z.record(text, AnswerValueSchema),
  order: z.array(text),
  // a timestamp as Date#toISOString writes it: the draft prompt shows it, and text here could
  // carry an escape sequence to the terminal
  savedAt: text.check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/, 'expected a timestamp (YYYY-MM-DDTHH:MM:SS.sssZ)')),
  stepDecisions: z.optional(z.record(text.check(z.regex(/^\d{1,15}$/, 'expected a step number')), z.enum(['done', 'keep', 'drop'], 'expected done, keep or drop'))),
  // the other people of a debrief's meeting, asked after the interview (checked like an answers file's on resume)
  others: z.optional(z.array(z.object({ name: text, answers: z.record(text, AnswerValueSchema) }))),
  // the rep said the facts on record are not the same any more: a resumed session goes on asking them
  reviewing: z.optional(z.literal(true)),
});

/** A visit kept for the team database: the fields the outbox and the store read first; the store checks the rest when it sends it. */
export const KeptVisitSchema = z.looseObject({
  origin: text,
  target: text,
  to: z.optional(z.looseObject({ server: text, database: text, role: text })),
  account: text,
  at: text,
  visit: z.looseObject({ date: text, mode: text }),
  state: z.looseObject({}),
  events: z.array(z.looseObject({ kind: text })),
});
