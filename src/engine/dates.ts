/** Calendar dates as YYYY-MM-DD strings, computed in UTC so a due date never shifts with the time zone. */
export function addDays(date: string, days: number): string {
  return new Date(utc(date) + days * 86_400_000).toISOString().slice(0, 10);
}

function utc(date: string): number {
  // YYYY-MM-DD read digit by digit, the same numbers as the split below without its three strings and
  // two arrays: `stats` compares a million visit dates
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digits(date, 0, 4);
    const m = digits(date, 5, 2);
    const d = digits(date, 8, 2);
    if (y >= 0 && m >= 0 && d >= 0) return Date.UTC(y, m - 1, d);
  }
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** The number written by n decimal digits at from, or -1 if any of them is not a digit. */
function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The years a visit, a due date or "today" can fall in: outside them a date is a typo, and date arithmetic breaks. */
export const YEARS = { min: 1900, max: 2200 } as const;

/** A real calendar day (no 2026-02-30) between 1900 and 2200, written YYYY-MM-DD. */
export function isValidDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  if (y < YEARS.min || y > YEARS.max) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Saturday or Sunday, the days a customer is not met nor a step worked on. */
export function isWeekend(date: string): boolean {
  const day = new Date(utc(date)).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * New Year's Day and Christmas Day, the fixed-date holidays a customer is least likely to answer on: a
 * service check "a month after" a signature of 2 Dec fell on 1 January, a B's window opened on 7 Dec on
 * "Sign by Fri 25 Dec". (Other holidays move with the calendar and the country; they are the rep's to see.)
 */
export function isHoliday(date: string): boolean {
  const md = date.slice(4);
  return md === '-01-01' || md === '-12-25';
}

/**
 * The date itself on a working day; on a weekend or New Year's Day, the next working day (`later`) or the
 * last one before (`earlier`): a step due on a Saturday is a step nobody does, and a window ending on a
 * Sunday ends, for the customer, on the Friday.
 */
export function workingDay(date: string, move: 'later' | 'earlier'): string {
  let d = date;
  // at most three days off in a row (Fri 1 Jan, then the weekend)
  for (let i = 0; i < 3 && (isWeekend(d) || isHoliday(d)); i++) d = addDays(d, move === 'later' ? 1 : -1);
  return d;
}

/**
 * The meeting the latest visit agreed (the answer to the playbook's roles.nextMeeting question),
 * when it is today or later: the day a prep is for unless the rep names another. Kept whatever the
 * class: a D's debrief that booked one (a koala's polite "see you on the 24th") still has it ahead.
 */
export function agreedMeeting(nextMeetingId: string | undefined, lastAnswers: Readonly<Record<string, unknown>> | undefined, today: string): string | undefined {
  const v = nextMeetingId !== undefined ? lastAnswers?.[nextMeetingId] : undefined;
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && v >= today ? v : undefined;
}
