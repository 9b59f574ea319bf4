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
}

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
