/**
 * The command line's words in Chinese (src/ui/cli-messages.ts) are loaded apart from the program's
 * start, as the store's are (store-words.ts): most runs say no error, and a confirmation is said once
 * the work is done. Loaded when an error or a confirmation is to be said in another language than English.
 */
import type { Locale } from '../engine/model.js';
import type { CliSaid } from './said.js';

type CliWords = typeof import('../ui/cli-messages.js');

let loaded: CliWords | undefined;
let loading: Promise<void> | undefined;

export function loadCliWords(): Promise<void> {
  loading ??= import('../ui/cli-messages.js').then(
    (m) => {
      loaded = m;
    },
    () => {
      // not there (a broken install): said in English, as the command wrote it
    },
  );
  return loading;
}

export const loadedCliWords = (): CliWords | undefined => loaded;

/** A confirmation in `locale`: `english` as the command wrote it, else worded from `said`. */
export async function sayDone(locale: Locale, said: CliSaid, english: string): Promise<string> {
  if (locale === 'en') return english;
  await loadCliWords();
  return loaded ? loaded.cliText(said, locale).message : english;
}

/** A message and its hint in `locale` (a diagnostic's, say): `english` as the command wrote it, else worded from `said`. */
export async function sayText(locale: Locale, said: CliSaid, english: { message: string; hint?: string }): Promise<{ message: string; hint?: string }> {
  if (locale === 'en') return english;
  await loadCliWords();
  return loaded ? loaded.cliText(said, locale) : english;
}
