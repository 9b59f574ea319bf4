/**
 * The command line's errors and confirmations in the session's language (src/ui/cli-said.ts lists what
 * each says). English is said where it happens, as it always was; the other languages are worded here
 * from the key and its values. One typed catalogue per locale: zh-CN beside this file, zh-TW generated
 * from it (scripts/zh-tw.mjs); a key missing from one fails to compile. Loaded only when something is
 * to be said in Chinese (src/cli/errors.ts, loadCliWords), so the first question's start does not carry it.
 */
import type { CliKey, CliParams, CliSaid, Inner } from './cli-said.js';
import type { Locale } from '../engine/model.js';
import type { StoreError } from '../store/types.js';
import { zhCN } from './cli-messages.zh-CN.js';
import { zhTW } from './cli-messages.zh-TW.generated.js';
import { storeErrorText } from './store-messages.js';

/** What one message says: its line, and the hint under it if it has one. */
export interface CliText {
  message: string;
  hint?: string;
}

/** Says an error another part of the program said first (wrapped by a key such as saveFailed). */
export type SayInner = (inner: Inner) => CliText;

export type CliMessages = { [K in CliKey]: (p: CliParams[K], say: SayInner) => CliText };

export const CLI_CATALOGUES: Record<Exclude<Locale, 'en'>, CliMessages> = { 'zh-CN': zhCN, 'zh-TW': zhTW };

/** `said` in `locale` (not English: English is said where it happens). */
export function cliText(said: CliSaid, locale: Exclude<Locale, 'en'>): CliText {
  const say: SayInner = (inner) =>
    inner.cli
      ? cliText(inner.cli, locale)
      : inner.store
        ? storeErrorText({ message: inner.message, hint: inner.hint, said: inner.store as StoreError['said'] }, locale)
        : { message: inner.message, ...(inner.hint ? { hint: inner.hint } : {}) };
  const word = CLI_CATALOGUES[locale][said.key] as (p: typeof said.params, s: SayInner) => CliText;
  return word(said.params, say);
}
