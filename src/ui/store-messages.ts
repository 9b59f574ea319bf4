/**
 * A StoreError in the session's language. The store says each error as a key and values (StoreError's
 * `said`, src/store/types.ts) beside its English message; English is printed as the store wrote it, and
 * the other languages are worded here from the values. One typed catalogue per locale: zh-CN beside this
 * file, zh-TW generated from it (scripts/zh-tw.mjs). Paths, names, commands and the server's own words
 * (a PostgreSQL message) stay as written: they are what the rep types or looks up.
 */
import type { Locale } from '../engine/model.js';
import type { StoreError, StoreErrorKey, StoreErrorParams } from '../store/types.js';
import { zhCN } from './store-messages.zh-CN.js';
import { zhTW } from './store-messages.zh-TW.generated.js';

/** What one StoreError says: its message, and a hint if it has one. */
export interface StoreErrorText {
  message: string;
  hint?: string;
}

export type StoreMessages = { [K in StoreErrorKey]: (p: StoreErrorParams[K]) => StoreErrorText };

const CATALOGUES: Record<Exclude<Locale, 'en'>, StoreMessages> = { 'zh-CN': zhCN, 'zh-TW': zhTW };

/** The error's message and hint in `locale`: English as the store wrote it. */
export function storeErrorText(err: Pick<StoreError, 'message' | 'hint' | 'said'>, locale: Locale): StoreErrorText {
  const said = err.said;
  if (locale === 'en' || !said) return { message: err.message, ...(err.hint ? { hint: err.hint } : {}) };
  const word = CATALOGUES[locale][said.key] as (p: typeof said.params) => StoreErrorText;
  return word(said.params);
}
