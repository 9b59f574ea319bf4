/**
 * The CLI's only clock: the rep's calendar day (default visit dates, "overdue") and the moment a
 * record is written (stamps). The engine and the store never read it: they are given these.
 *
 * The clock is input like a file: a day outside the years every date is held to (YEARS, the same
 * range as --today and --date) is the clock's problem, said as such, before anything is stored.
 */
import { YEARS } from '../engine/dates.js';
import { said, UserError } from './errors.js';

function checked(d: Date): Date {
  const y = d.getFullYear();
  if (!Number.isFinite(d.getTime()) || y < YEARS.min || y > YEARS.max) {
    const shown = Number.isFinite(d.getTime()) ? day(d) : 'no date at all';
    throw new UserError(said('clockOutOfRange', { shown, min: YEARS.min, max: YEARS.max }), `the system clock says ${shown}, outside the years ${YEARS.min}-${YEARS.max} that sales-coach works with; nothing was done`, "set the computer's date and time, or give the day: --today YYYY-MM-DD (--date for a session)");
  }
  return d;
}

function day(d: Date): string {
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function now(): string {
  return checked(new Date()).toISOString();
}

export function localToday(): string {
  return day(checked(new Date()));
}
