/**
 * The rep's calendar (`today --calendar FILE`): an .ics file read with ical.js (Mozilla's RFC 5545
 * parser, the one Thunderbird uses), its events placed on the rep's local days, recurring ones
 * expanded over the period only. Loaded only when a calendar is given.
 */
import ICAL from 'ical.js';
import { UserError } from './errors.js';
import { readFileBounded } from './files.js';
import type { CalendarEvent } from '../ui/views/today.js';

/** A calendar export of several years is a few MB; anything far larger is not the file meant. */
const MAX_BYTES = 32 * 1024 * 1024;
/** Occurrences looked at per recurring event before giving up on reaching the period (a daily event over 25 years). */
const MAX_OCCURRENCES = 10_000;

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
export function calendarEvents(text: string, file: string, from: string, to: string): CalendarEvent[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (err) {
    throw new UserError(`the calendar ${file} is not an iCalendar file: ${err instanceof Error ? err.message : String(err)}`, 'export it from your calendar as .ics (iCalendar)');
  }
  if (root.name !== 'vcalendar') throw new UserError(`the calendar ${file} holds no VCALENDAR`, 'export it from your calendar as .ics (iCalendar)');
  for (const tz of root.getAllSubcomponents('vtimezone')) {
    const id = tz.getFirstPropertyValue('tzid');
    if (typeof id === 'string' && !ICAL.TimezoneService.has(id)) ICAL.TimezoneService.register(tz);
  }
  const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  // a changed occurrence (RECURRENCE-ID) belongs to its series, which shows it instead of the rule's
  const series = new Map<string, ICAL.Event>();
  for (const e of events) if (!e.isRecurrenceException() && e.uid) series.set(e.uid, e);
  for (const e of events) if (e.isRecurrenceException() && series.has(e.uid)) series.get(e.uid)?.relateException(e);
  const out: CalendarEvent[] = [];
  const push = (item: ICAL.Event, start: ICAL.Time) => {
    if (String(item.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') return;
    const at = local(start);
    if (at.date < from || at.date > to) return;
    const location = item.location;
    out.push({ ...at, summary: item.summary ?? '', ...(location ? { location } : {}) });
  };
  for (const e of events) {
    if (!e.startDate) continue;
    if (e.isRecurrenceException() && series.has(e.uid)) continue; // shown through its series
    if (!e.isRecurring()) {
      push(e, e.startDate);
      continue;
    }
    const it = e.iterator();
    for (let i = 0; i < MAX_OCCURRENCES; i++) {
      const next = it.next();
      if (!next) break;
      const details = e.getOccurrenceDetails(next);
      if (local(details.startDate).date > to && local(next).date > to) break;
      push(details.item, details.startDate);
    }
  }
  return out;
}

/** The calendar file's events in [from, to]; a file that cannot be read is a UserError naming it. */
export function readCalendar(path: string, from: string, to: string): CalendarEvent[] {
  let bytes: Buffer;
  try {
    bytes = readFileBounded(path, MAX_BYTES, 'the calendar');
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`cannot read the calendar ${path}`, 'check --calendar (or calendar: in the config)');
  }
  return calendarEvents(bytes.toString('utf8').replace(/^\uFEFF/, ''), path, from, to);
}
