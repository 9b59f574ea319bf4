/**
 * Lines said before a session's first question that need no playbook (the window's notice, which
 * names the class's reclassification, is window-over.ts). Kept apart from the engine's modules: the
 * first question's path prints them before anything heavy has loaded.
 */
import type { AccountState } from '../engine/account.js';
import type { Locale, Mode } from '../engine/model.js';
import { formatDate, UI } from '../ui/messages.js';
import { sanitize } from '../ui/sanitize.js';

/**
 * What a rep should know before the first question that needs no playbook: an account dropped
 * earlier (prepared again without a word before), and a visit date on a weekend (a prep made on a
 * Friday is dated Saturday by default). Said by the first question's path or by the session, once.
 */
export function noticesBefore(state: AccountState | undefined, date: string, locale: Locale, mode?: Mode): string[] {
  const m = UI[locale];
  const out: string[] = [];
  // a prep records no class (it expects): only a debrief can reopen a dropped account
  if (state?.dropped && state.class) out.push((mode === 'prep' ? m.droppedBeforePrep : m.droppedBefore)(sanitize(state.name), state.classLabels?.[locale] ?? state.class, formatDate(state.classSince ?? state.lastVisit ?? date, locale)));
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) out.push(m.weekendVisit(formatDate(date, locale)));
  return out;
}
