/**
 * The rep's calendar (`today --calendar FILE`): an .ics file read with ical.js (Mozilla's RFC 5545
 * parser, the one Thunderbird uses), its events placed on the rep's local days, recurring ones
 * expanded over the period only. Loaded only when a calendar is given.
 */
import ICAL from 'ical.js';
import { said, UserError } from './errors.js';
import { readFileBounded } from './files.js';
import type { CalendarEvent } from '../ui/views/today.js';

/** A calendar export of several years is a few MB; anything far larger is not the file meant. */
const MAX_BYTES = 32 * 1024 * 1024;
/**
 * Occurrences looked at per recurring event before giving up on reaching the period. A rule that can be
 * moved forward (below) starts near the period, so this is reached only by a COUNT rule or an
 * hourly one that began long ago; such an event is named as skipped, never dropped in silence.
 */
const MAX_OCCURRENCES = 10_000;
/** Days in each unit a rule can be moved forward by whole periods without changing which occurrences fall after. */
const DAYS_OF = { DAILY: 1, WEEKLY: 7 } as const;

/** Days from the civil date a to the civil date b. */
const daysBetween = (a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }) =>
  Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);

/**
 * A start for expanding a recurring event that lies a whole number of its periods after its own
 * start and at least a period before `from`: the occurrences from there on are the series' own, so a
 * daily meeting set up in 2020 is not walked day by day through six years (2,000 of them took 106 s).
 * Undefined when the rule cannot be moved so: a COUNT counts from the first occurrence, several rules
 * or an hourly one, or a monthly or yearly one on a day some months lack (the 29th to the 31st).
 */
export function startNear(e: ICAL.Event, from: string): ICAL.Time | undefined {
  const rules = e.component.getAllProperties('rrule');
  if (rules.length !== 1) return undefined;
  const rule = rules[0]?.getFirstValue() as ICAL.Recur | undefined;
  if (!rule || rule.count) return undefined;
  const interval = Math.max(1, rule.interval || 1);
  const start = e.startDate;
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  // two days' margin: a zoned start may fall on the day before or after on the rep's clock
  const target = { year: y, month: m, day: d - 2 };
  const moved = start.clone();
  if (rule.freq === 'DAILY' || rule.freq === 'WEEKLY') {
    const period = DAYS_OF[rule.freq] * interval;
    const steps = Math.floor(daysBetween(start, target) / period) - 1;
    if (steps <= 0) return undefined;
    moved.adjust(steps * period, 0, 0, 0);
  } else if (rule.freq === 'MONTHLY' || rule.freq === 'YEARLY') {
    if (start.day > 28) return undefined;
    const months = (target.year - start.year) * 12 + (target.month - start.month);
    const period = (rule.freq === 'MONTHLY' ? 1 : 12) * interval;
    const steps = Math.floor(months / period) - 1;
    if (steps <= 0) return undefined;
    const month = start.year * 12 + (start.month - 1) + steps * period;
    moved.year = Math.floor(month / 12);
    moved.month = (month % 12) + 1;
  } else return undefined;
  return moved;
}

/** The 1-based line of each BEGIN:VEVENT, in one pass over the text (not a split per event: 20,000 of them). */
function eventLines(text: string): number[] {
  const lines: number[] = [];
  const begin = /^BEGIN:VEVENT[ \t]*\r?$/gim;
  let line = 1;
  let at = 0;
  for (let m = begin.exec(text); m; m = begin.exec(text)) {
    for (let i = text.indexOf('\n', at); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    at = m.index;
    lines.push(line);
  }
  return lines;
}

/** An event ical.js could not read: where it begins in the file (1-based), its title if readable, and why. */
export interface UnreadableEvent {
  line?: number;
  summary?: string;
  why: string;
}

/** The events in the period, the recurring ones that could not be walked to it, and those that could not be read. */
export interface CalendarRead {
  events: CalendarEvent[];
  skipped: string[];
  unreadable: UnreadableEvent[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ICAL.Time on the rep's local day (and time, unless it is a whole day). */
function local(t: ICAL.Time): { date: string; time?: string } {
  if (t.isDate) return { date: `${String(t.year).padStart(4, '0')}-${pad(t.month)}-${pad(t.day)}` };
  const d = t.toJSDate(); // a zoned or UTC time becomes an instant; a floating one is read as local
  return { date: `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/**
 * The events of an iCalendar text that start on a local day in [from, to], cancelled ones left out.
 * Throws a UserError naming the file when the text is not iCalendar.
 */
export function calendarEvents(text: string, file: string, from: string, to: string): CalendarRead {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (err) {
    throw new UserError(said('notICalendar', { file, detail: err instanceof Error ? err.message : String(err) }), `the calendar ${file} is not an iCalendar file: ${err instanceof Error ? err.message : String(err)}`, 'export it from your calendar as .ics (iCalendar)');
  }
  if (root.name !== 'vcalendar') throw new UserError(said('noVcalendar', { file }), `the calendar ${file} holds no VCALENDAR`, 'export it from your calendar as .ics (iCalendar)');
  for (const tz of root.getAllSubcomponents('vtimezone')) {
    const id = tz.getFirstPropertyValue('tzid');
    if (typeof id === 'string' && !ICAL.TimezoneService.has(id)) ICAL.TimezoneService.register(tz);
  }
  // exceptions: [] so that ical.js does not scan every VEVENT of the file for each event's exceptions (20,000
  // events took 86 s); they are related to their series below, once, by UID
  const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c, { exceptions: [] }));
  // ical.js reads a value when it is first asked for: a DTSTART, RRULE or EXDATE it cannot read throws
  // then. Such an event is left out and named at its line; the rest of the calendar is still shown
  const unreadable: UnreadableEvent[] = [];
  const begins = eventLines(text);
  const lineOf = new Map(events.map((e, i) => [e, events.length === begins.length ? begins[i] : undefined]));
  const leftOut = (e: ICAL.Event, err: unknown) => {
    let summary: string | undefined;
    try {
      summary = e.summary ?? undefined;
    } catch {
      // the summary is what could not be read
    }
    // ical.js's own messages show the value ("invalid date-time value"); a TypeError from inside it shows nothing the rep wrote
    const why = err instanceof TypeError ? 'a property could not be read (its DTSTART, RRULE, RDATE or EXDATE?)' : err instanceof Error ? err.message : String(err);
    unreadable.push({ ...(lineOf.get(e) ? { line: lineOf.get(e) } : {}), ...(summary ? { summary } : {}), why });
  };
  // a changed occurrence (RECURRENCE-ID) belongs to its series, which shows it instead of the rule's
  const series = new Map<string, ICAL.Event>();
  const bad = new Set<ICAL.Event>();
  for (const e of events) if (!e.isRecurrenceException() && e.uid) series.set(e.uid, e);
  for (const e of events) {
    if (!e.isRecurrenceException() || !series.has(e.uid)) continue;
    try {
      series.get(e.uid)?.relateException(e);
    } catch (err) {
      bad.add(e);
      leftOut(e, err);
    }
  }
  const out: CalendarEvent[] = [];
  const skipped: string[] = [];
  const push = (item: ICAL.Event, start: ICAL.Time) => {
    if (String(item.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') return;
    const at = local(start);
    if (at.date < from || at.date > to) return;
    const location = item.location;
    out.push({ ...at, summary: item.summary ?? '', ...(location ? { location } : {}) });
  };
  for (const e of events) {
    if (bad.has(e)) continue;
    const before = out.length;
    try {
      occurrences(e);
    } catch (err) {
      out.length = before; // all of an event or none of it
      leftOut(e, err);
    }
  }
  return { events: out, skipped, unreadable };

  function occurrences(e: ICAL.Event): void {
    if (!e.startDate) return;
    if (e.isRecurrenceException() && series.has(e.uid)) return; // shown through its series
    if (!e.isRecurring()) {
      push(e, e.startDate);
      return;
    }
    const near = startNear(e, from);
    const it = e.iterator(near);
    let reached = false;
    for (let i = 0; i < MAX_OCCURRENCES; i++) {
      const next = it.next();
      if (!next) {
        reached = true;
        break;
      }
      const details = e.getOccurrenceDetails(next);
      if (local(details.startDate).date > to && local(next).date > to) {
        reached = true;
        break;
      }
      push(details.item, details.startDate);
    }
    if (!reached) skipped.push(e.summary ?? e.uid ?? '');
    // an occurrence of the part passed over, moved into the period (RECURRENCE-ID), is still shown
    if (near) for (const x of Object.values(e.exceptions)) if (x.recurrenceId && x.recurrenceId.compare(near) < 0) push(x, x.startDate);
  }
}

/** The calendar file's events in [from, to]; a file that cannot be read is a UserError naming it. */
export function readCalendar(path: string, from: string, to: string): CalendarRead {
  let bytes: Buffer;
  try {
    bytes = readFileBounded(path, MAX_BYTES, 'the calendar');
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(said('calendarUnreadable', { file: path }), `cannot read the calendar ${path}`, 'check --calendar (or calendar: in the config)');
  }
  return calendarEvents(bytes.toString('utf8').replace(/^\uFEFF/, ''), path, from, to);
}
