/** Seed 001's notice: an A past its window is to be reclassified, said before the first question. */
import type { AccountState } from '../engine/account.js';
import { classLabel } from '../engine/evaluate.js';
import { missedMeeting } from '../engine/present.js';
import { MESSAGES } from '../engine/messages.js';
import type { Locale, Playbook } from '../engine/model.js';
import { formatDate, UI } from '../ui/messages.js';
import { sanitize } from '../ui/sanitize.js';

/** The line said before the first question when the account's class window ran out unsigned. */
export function windowOver(pb: Playbook, state: AccountState, date: string, locale: Locale): string | undefined {
  if (!state.class || !state.classDeadline || state.signed || state.dropped || state.classDeadline >= date) return undefined;
  const rule = pb.classes.find((c) => c.id === state.class);
  const label = (id: string) => classLabel(pb.classes.find((c) => c.id === id)?.name ?? id, locale) || id;
  const then = (rule?.cycle?.reclassifyAs ?? []).map(label).join(MESSAGES[locale].or);
  return UI[locale].windowOverBefore(sanitize(state.name), state.classLabels?.[locale] ?? label(state.class), formatDate(state.classDeadline, locale), then);
}

/**
 * The line said before a prep's first question when the meeting the last debrief agreed passed with no
 * debrief (though prepared for): said first, before the window's notice, as the result's flag says it.
 */
export function meetingMissedBefore(state: AccountState | undefined, date: string, locale: Locale, mode: string): string | undefined {
  const agreed = mode === 'prep' ? missedMeeting(state, date) : undefined;
  return agreed === undefined ? undefined : MESSAGES[locale].meetingNotDebriefed(MESSAGES[locale].date(agreed), agreed);
}
