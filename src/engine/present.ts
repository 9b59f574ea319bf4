/**
 * Which session speaks for an account as it is now, said once for the session, its first question's
 * fast path and the account model (a module with no weight: the first question loads it before the rest).
 */
import type { Answers } from './answers.js';
import type { Mode } from './model.js';

/** The day of the latest debrief applied (kept among the facts, as LAPSED_FACT): a prep records no class. */
export const RECORDED_FACT = '@recorded';

/**
 * The next meeting the latest debrief agreed (kept among the facts as RECORDED_FACT): a prep after it
 * records none, and the prep of a meeting never debriefed must not hide that it was missed.
 */
export const AGREED_FACT = '@agreed';

/** The meeting the latest debrief agreed that has passed before `date` with no debrief since. */
export function missedMeeting(state: { facts: Answers } | undefined, date: string): string | undefined {
  const agreed = state?.facts[AGREED_FACT];
  const recorded = state?.facts[RECORDED_FACT];
  if (typeof agreed !== 'string' || typeof recorded !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(agreed)) return undefined;
  return agreed > recorded && agreed < date ? agreed : undefined;
}

/**
 * Whether a session dated `date` speaks for the account as it is now: it is the latest, or it is a
 * debrief no earlier than the latest debrief (a prep after it records no class: a debrief back-filled
 * before a later prep, which dropped the account, moved nothing). Accounts saved before the day was kept
 * read the day their class was recorded.
 */
export function speaksForPresent(state: { lastVisit?: string; classSince?: string; facts: Answers }, mode: Mode, date: string): boolean {
  if (!state.lastVisit || date >= state.lastVisit) return true;
  const kept = state.facts[RECORDED_FACT];
  const recorded = typeof kept === 'string' ? kept : state.classSince;
  return mode === 'debrief' && (recorded === undefined || date >= recorded);
}
