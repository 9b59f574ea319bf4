/** `accounts`: the weekly pipeline review. Parses options, asks the store, renders the view. */
import { addDays, isValidDate } from '../engine/dates.js';
import { isTeamStore, PIPELINE_FLAGS, type PipelineFlag, type PipelineQuery } from '../store/types.js';
import { csvLine } from '../ui/csv.js';
import { sanitize, sanitizeDeep } from '../ui/sanitize.js';
import { widthOf } from '../ui/style.js';
import { mustManage } from './account-names.js';
import { managerPointer } from './manager-pointer.js';
import { PIPELINE_CSV_HEADER, pipelineCsvRows, pipelineJson, pipelineView, renderPipelineTerminal } from '../ui/views/pipeline.js';
import { localToday } from './clock.js';
import { localeOf, makeContext } from './context.js';
import { EXIT, said, sayDone, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { openStore } from './store.js';

export interface AccountsOptions {
  since?: string;
  class?: string[];
  flag?: string[];
  overdue?: boolean;
  sort?: string;
  limit?: string;
  all?: boolean;
  json?: boolean;
  csv?: boolean;
  today?: string;
  /** A manager reads one rep's review (team database). */
  rep?: string;
}

export const FLAG_IDS = PIPELINE_FLAGS;

/** "7d", "2w", "1m" or a date -> the first date of the period. */
export function sinceDate(since: string, today: string): string {
  const m = /^(\d{1,4})\s*([dwm])$/i.exec(since.trim());
  if (m) return addDays(today, -Number(m[1]) * (m[2].toLowerCase() === 'w' ? 7 : m[2].toLowerCase() === 'm' ? 30 : 1));
  if (isValidDate(since)) {
    // a period that starts after the review's day holds nothing yet: said, not an empty screen
    if (since > today) throw new UserError(said('sinceAfterToday', { since, today }), `--since ${since} is after the day of the review (${today})`, 'give a day on or before it, or a period such as 7d');
    return since;
  }
  throw new UserError(said('sinceNotAPeriod', { since }), `--since ${since} is not a period`, 'use a number of days, weeks or months (7d, 2w, 1m; up to 9999) or a date YYYY-MM-DD');
}

export async function accountsCommand(opts: AccountsOptions, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  const today = opts.today ?? localToday();
  if (!isValidDate(today)) throw new UserError(said('notADate', { flag: '--today', value: today, example: '--today 2026-11-26' }), `--today ${today} is not a date`, 'write it as YYYY-MM-DD, e.g. --today 2026-11-26');
  const flags = [...(opts.flag ?? []), ...(opts.overdue ? ['overdue'] : [])];
  for (const f of flags) if (!(FLAG_IDS as readonly string[]).includes(f)) throw new UserError(said('unknownFlag', { flag: f, flags: [...FLAG_IDS] }), `unknown flag "${f}"`, `one of ${FLAG_IDS.join(', ')}`);
  const limit = opts.limit ? Number(opts.limit) : 20;
  if (!/^\d{1,6}$/.test(opts.limit ?? '20') || !Number.isInteger(limit) || limit < 1) throw new UserError(said('limitNotCount', { value: String(opts.limit) }), `--limit ${opts.limit} is not a whole number from 1 to 999999`);
  const sort = opts.sort ?? 'class';
  if (!['class', 'age', 'due', 'name', 'value'].includes(sort)) throw new UserError(said('badSort', { value: sort }), `--sort ${sort}: expected class, age, due, name or value`);
  const since = opts.since ? sinceDate(opts.since, today) : undefined;
  // "?" is the provisional group; any other value is a class id as the playbook wrote it
  const groups = opts.class?.map((k) => (k === '?' ? 'provisional' : k));

  const store = await openStore(io, g);
  try {
    const rep = opts.rep;
    if (rep !== undefined) await mustManage(store, rep);
    const owner = rep !== undefined ? { owner: rep } : {};
    const all = opts.all || opts.json || opts.csv;
    const p = await store.pipeline({ today, ...(groups ? { groups } : {}), flags: flags as PipelineFlag[], sort: sort as PipelineQuery['sort'], ...(all ? {} : { limitPerGroup: limit }), ...owner });
    // what moved between --since and the review's day: a session dated later (tomorrow's prep) has not happened yet
    const events = since ? (await store.eventsSince(since, ['class-changed', 'signed', 'dropped'], rep)).filter((e) => e.event.date <= today) : undefined;
    if (groups?.length && p.total === 0 && !flags.length) {
      // a class that no account has (a typo, or another playbook's class): say which ones there are
      const all = await store.pipeline({ today, limitPerGroup: 1, ...owner });
      const known = all.groups.map((x) => (x.key === 'provisional' ? '?' : x.key));
      // not an error: the class may exist and be empty; but a typo should not look like an empty class
      if (!opts.json && !opts.csv && !groups.some((k) => known.includes(k === 'provisional' ? '?' : k))) {
        const english = `no account is in ${groups.map((k) => (k === 'provisional' ? '"?"' : `"${k}"`)).join(' or ')}${known.length ? `; the classes in use are ${known.join(', ')} (? is provisional)` : ''}`;
        io.stderr.write(`sales-coach: ${await sayDone(locale, said('noAccountInGroups', { groups, known }), english)}\n`);
      }
    }
    // a manager's notes (team database) since the review's period, or the last two weeks
    // with their threads: a question still open is listed however old
    const notes = isTeamStore(store) && rep === undefined ? await store.reviewNotes() : [];
    const view = pipelineView(p, { locale, today, ...(all ? {} : { limit }), filtered: Boolean(groups?.length || flags.length), ...(since ? { since } : {}), ...(events ? { events } : {}), ...(rep !== undefined ? { rep } : {}) });
    const { noteLines, isOpen, lastWord } = notes.length ? await import('../ui/views/team.js') : { noteLines: undefined, isOpen: () => false, lastWord: () => '' };
    const threads = notes.length && isTeamStore(store) ? await (await import('./questions.js')).threadsOf(store, notes, today) : [];
    const noted = threads.filter((n) => isOpen(n) || lastWord(n) >= (since ?? addDays(today, -14)));
    if (opts.json) io.stdout.write(`${JSON.stringify(sanitizeDeep({ ...(pipelineJson(view) as object), ...(noted.length ? { notes: noted } : {}) }), null, 2)}\n`);
    else if (opts.csv) {
      // CSV keeps the data exactly for a file or a pipe; on a terminal it is shown, so it is sanitised
      const shown = (io.stdout as { isTTY?: boolean }).isTTY ? (cells: unknown[]) => cells.map((x) => (typeof x === 'string' ? sanitize(x) : x)) : (cells: unknown[]) => cells;
      io.stdout.write([csvLine(PIPELINE_CSV_HEADER), ...pipelineCsvRows(view).map((r) => csvLine(shown(r)))].join(''));
    }
    else {
      io.stdout.write(renderPipelineTerminal(view, ctx.out, widthOf(io.stdout)));
      const pointer = view.total === 0 && !view.filtered && rep === undefined ? await managerPointer(store, locale) : undefined;
      if (pointer) io.stdout.write(`${ctx.out.dim(pointer)}\n`);
      if (noted.length && noteLines) {
        const { VIEW_MESSAGES } = await import('../ui/views/messages.js');
        io.stdout.write(`\n${ctx.out.bold.underline(VIEW_MESSAGES[locale].managerNotes)}\n${noteLines(noted, locale, ctx.out, widthOf(io.stdout), { indent: '  ', account: true, own: true }).join('\n')}\n`);
      }
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
