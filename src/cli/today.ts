/**
 * `today`: the rep's morning screen. Reads the store (the pipeline, open steps, a manager's notes, the
 * visits that plan meetings), the drafts beside it and, when one is given, the rep's calendar; the
 * view model (ui/views/today.ts) decides what is shown.
 */
import { isLapsed } from '../core/steps.js';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { addDays, isValidDate } from '../engine/dates.js';
import { type AccountRow, isTeamStore, type Pipeline, type Store, type StoredEvent } from '../store/types.js';
import { sanitizeDeep, shellQuote } from '../ui/sanitize.js';
import { widthOf } from '../ui/style.js';
import { draftViews } from '../ui/views/checklist.js';
import { TODAY_MESSAGES } from '../ui/views/today-messages.js';
import { managerPointer } from './manager-pointer.js';
import { type AccountPlans, type CalendarEvent, periodEnd, renderTodayTerminal, todayJson, todayView } from '../ui/views/today.js';
import { localToday } from './clock.js';
import { type Context, localeOf, makeContext } from './context.js';
import { loadPlaybookCached } from './playbook-cache.js';
import { withStoredPlaybooks } from './stats-data.js';
import type { Playbook } from '../engine/model.js';
import { DraftStore, draftsDirFor } from './drafts.js';
import { EXIT, said, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { dbPath, openStore, storeTarget } from './store.js';

/** `today`'s options, as the program parsed them. */
export interface TodayOptions {
  /** The day to show (default: the rep's calendar day), e.g. `2026-12-02`. */
  today?: string;
  /** The seven days from today instead of today and tomorrow. */
  week?: boolean;
  /** An .ics file of the rep's calendar (default: `calendar:` in the config). */
  calendar?: string;
  json?: boolean;
}

/**
 * How far back a debrief may have agreed the meeting: an account last visited longer ago than this
 * is not read for planned visits (a year covers every rhythm of visits a rep keeps, and keeps `today`
 * from reading every account of a long history).
 */
export const MEETING_LOOKBACK_DAYS = 366;

/**
 * The accounts that may have a visit planned, in one read of the store (Store.plannedVisits: the
 * latest session's answer to each playbook's next-meeting question, and the days preps were saved
 * for), not one account's state at a time: that took 4.5 s for 10,000 accounts.
 */
async function accountPlans(store: Store, rows: readonly AccountRow[], today: string, nextMeetingQuestion: (playbookId: string | undefined) => Promise<string | undefined>): Promise<AccountPlans[]> {
  const since = addDays(today, -MEETING_LOOKBACK_DAYS);
  // which answer is the next meeting is each account's playbook's to say (roles.nextMeeting)
  const questionOf = new Map<string | undefined, string | undefined>();
  for (const r of rows) if (!questionOf.has(r.playbookId)) questionOf.set(r.playbookId, await nextMeetingQuestion(r.playbookId));
  const ids = [...new Set([...questionOf.values()].filter((q): q is string => q !== undefined))];
  return (await store.plannedVisits({ since, answers: ids })).map((a) => {
    const q = questionOf.has(a.playbookId) ? questionOf.get(a.playbookId) : undefined;
    const next = q ? a.answers[q] : undefined;
    return { name: a.name, dropped: a.dropped === true, ...(a.lastVisit ? { lastVisit: a.lastVisit } : {}), ...(typeof next === 'string' ? { nextMeeting: next } : {}), preparedFor: a.preparedFor };
  });
}

/** Each account's playbook, read once per playbook (an unknown or broken one: none). */
function playbooksOf(ctx: Context, store: Store): (playbookId: string | undefined) => Promise<Playbook | undefined> {
  const known = new Map<string, Promise<Playbook | undefined>>();
  // a playbook the rep gave as a file (--playbook FILE) and no longer has: the one kept with the history
  let kept: Promise<Map<string, Playbook>> | undefined;
  return (playbookId) => {
    const id = playbookId ?? 'abcd';
    let found = known.get(id);
    if (!found) {
      const entry = ctx.registry.find(id);
      if (entry) found = loadPlaybookCached(ctx.registry, entry.file, ctx.io.env).then((r) => r.playbook).catch(() => undefined);
      else {
        kept ??= withStoredPlaybooks(new Map(), store).catch(() => new Map<string, Playbook>());
        found = kept.then((m) => m.get(id));
      }
      known.set(id, found);
    }
    return found;
  };
}

/** The calendar's file: --calendar, else `calendar:` in the config (relative to the folder it is run in). */
function calendarFile(opts: TodayOptions, config: object, cwd: string): string | undefined {
  const fromConfig = (config as { calendar?: unknown }).calendar;
  const given = opts.calendar ?? (typeof fromConfig === 'string' ? fromConfig : undefined);
  return given ? (isAbsolute(given) ? given : resolve(cwd, given)) : undefined;
}

export async function todayCommand(opts: TodayOptions, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  if (opts.today !== undefined && !isValidDate(opts.today)) throw new UserError(said('notADate', { flag: '--today', value: opts.today, example: '2026-12-02' }), `--today ${opts.today} is not a date`, 'write it as YYYY-MM-DD, e.g. 2026-12-02');
  const today = opts.today ?? localToday();
  const week = Boolean(opts.week);
  const to = periodEnd(today, week);
  const calendar = calendarFile(opts, ctx.config, io.cwd);
  // the calendar first: a wrong path is said before the store is opened
  let events: CalendarEvent[] | undefined;
  const warnings: string[] = [];
  if (calendar) {
    const read = (await import('./calendar.js')).readCalendar(calendar, today, to);
    events = read.events;
    // an event whose occurrences could not be walked to the period is named, never dropped in silence
    if (read.skipped.length) warnings.push(TODAY_MESSAGES[locale].calendarSkipped(read.skipped.length, read.skipped.slice(0, 3).join(', ') + (read.skipped.length > 3 ? ', …' : '')));
    // an event ical.js cannot read is left out and named at its line; the rest of the day is still shown
    for (const u of read.unreadable.slice(0, 5)) warnings.push(TODAY_MESSAGES[locale].calendarUnreadable(u.line ? `${calendar}:${u.line}` : calendar, u.summary, u.why));
    if (read.unreadable.length > 5) warnings.push(TODAY_MESSAGES[locale].calendarUnreadableMore(read.unreadable.length - 5));
  }

  let rows: Pipeline['rows'] = [];
  let accounts: AccountPlans[] = [];
  let steps: Awaited<ReturnType<Store['stepsDue']>> = [];
  let notes: StoredEvent[] = [];
  let pointer: string | undefined;
  // a first run on a new machine has no database yet: nothing to read, and none is created for it
  if (storeTarget(io, g).kind === 'postgres' || existsSync(dbPath(io, g))) {
    const store = await openStore(io, g);
    try {
      rows = (await store.pipeline({ today })).rows;
      const playbookOf = playbooksOf(ctx, store);
      accounts = await accountPlans(store, rows, today, async (id) => (await playbookOf(id))?.roles.nextMeeting);
      // (not the steps that prepared a visit already made: moot, closed by the next session)
      steps = (await store.stepsDue({ to })).filter((s) => !isLapsed(s, today));
      // an account past its window is said once, in its own section: not again as its window's step
      // ("The B signing cycle ends: signed, or reclassify", overdue) among the steps due
      const past = rows.filter((r) => r.flags.includes('window'));
      if (past.length) {
        const windowSteps = new Map<string, Set<string>>();
        for (const r of past) {
          const pb = await playbookOf(r.playbookId);
          const items = pb ? [...pb.checklist, ...pb.personas.flatMap((p) => p.checklist ?? [])] : [];
          windowSteps.set(r.name, new Set(items.filter((i) => i.due === 'deadline').map((i) => i.id)));
        }
        // (a step's key is its item's id, then '#' and the answers it was filled with: engine/account.ts stepIdOf,
        // not imported: `today` does not load the engine)
        steps = steps.filter((s) => !windowSteps.get(s.account)?.has(s.key.split('#')[0] as string));
      }
      notes = isTeamStore(store) ? await store.reviewNotes(undefined, { unseen: true }) : [];
      if (rows.length === 0 && steps.length === 0 && !opts.json) pointer = await managerPointer(store, locale);
    } finally {
      await store.close();
    }
  }
  const drafts = draftViews(new DraftStore(draftsDirFor(dbPath(io, g)), (line) => io.stderr.write(`${line}\n`)).list(), shellQuote);
  const { noteViews } = notes.length ? await import('../ui/views/team.js') : { noteViews: () => [] };
  const view = todayView({
    locale,
    today,
    week,
    accounts,
    accountNames: rows.map((r) => r.name),
    ...(events ? { events } : {}),
    steps,
    pastWindow: rows.filter((r) => r.flags.includes('window')),
    notes: noteViews(notes),
    drafts,
    warnings,
  });
  io.stdout.write(opts.json ? `${JSON.stringify(sanitizeDeep(todayJson(view)), null, 2)}\n` : renderTodayTerminal(view, ctx.out, widthOf(io.stdout)));
  if (pointer) io.stdout.write(`${ctx.out.dim(pointer)}\n`);
  return EXIT.ok;
}
