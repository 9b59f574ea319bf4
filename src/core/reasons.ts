/**
 * The reasons of a stored class-changed or dropped event, in the reader's language. Events store,
 * beside `because` (the texts in the language of the session that saved them), `reasons`: the same
 * reasons in every language. A view prints `reasons[locale]` when the event has it; an event stored
 * before (or without that language) keeps the words it was stored with. Nothing stored is rewritten.
 */
import type { Locale } from '../engine/model.js';

export type Reasons = Partial<Record<Locale, string[]>>;

/** What an event carries of its reasons (events written before `reasons` have `because` only). */
export interface WithReasons {
  because: string[];
  reasons?: Reasons;
  /** The same as a manager reads them, where they differ ("{rep} met the first KP"). */
  about?: Reasons;
}

/** How the rep is named in a reason a manager reads (engine/messages.ts notKnownOf; a playbook option's `about`). */
export const REP_PLACEHOLDER = '{rep}';

/** An event's reasons in every language, if it has them. */
export function reasonsOf(e: WithReasons): Reasons | undefined {
  return e.reasons;
}

/**
 * The reasons to print for `locale`: that language's when stored, else the words stored with the event.
 * @example reasonsIn({ because: ['没有购买能力'], reasons: { en: ['no buying power'] } }, 'en') // ['no buying power']
 */
export function reasonsIn(e: WithReasons, locale: Locale): string[] {
  return e.reasons?.[locale] ?? e.because;
}

/**
 * The reasons as `rep`'s manager reads them: in the third person where the event has them so, the rep
 * named; else as the rep reads them (an event stored before, or one that never spoke of the rep).
 * @example reasonsAbout({ because: ['you met the first KP'], about: { en: ['{rep} met the first KP'] } }, 'en', 'wang_li') // ['wang_li met the first KP']
 */
export function reasonsAbout(e: WithReasons, locale: Locale, rep: string): string[] {
  const about = e.about?.[locale];
  return about ? about.map((t) => t.split(REP_PLACEHOLDER).join(rep)) : reasonsIn(e, locale);
}
