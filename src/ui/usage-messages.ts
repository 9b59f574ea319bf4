/**
 * The command line's own mistakes (commander's errors: an unknown option or command, a missing or
 * invalid argument) in the session's language, by commander's error code (src/cli/usage-errors.ts).
 * English is commander's own text, printed as it wrote it. The echoed flags, names and values stay as
 * typed. One typed catalogue per locale: zh-CN beside this file, zh-TW generated (scripts/zh-tw.mjs).
 */
import type { Locale } from '../engine/model.js';
import { zhCN } from './usage-messages.zh-CN.js';
import { zhTW } from './usage-messages.zh-TW.generated.js';

/** Why a value was refused while parsing (main.ts's parsers, or commander's choices). */
export type RefusedBecause =
  | { kind: 'date'; min: number; max: number }
  | { kind: 'period'; min: number; max: number }
  | { kind: 'count' }
  | { kind: 'control'; field: string; code: string }
  | { kind: 'choices'; choices: string[] }
  | { kind: 'other'; text: string };

/** Where the refused value was given: an option (on the command line or from an environment variable), or an argument. */
export type RefusedAt = { option: string; env?: string } | { argument: string };

export interface UsageMessages {
  unknownOption: (flag: string) => string;
  unknownCommand: (name: string) => string;
  /** commander's "(Did you mean …?)" under the two above */
  didYouMean: (words: string[]) => string;
  missingArgument: (name: string) => string;
  optionMissingArgument: (flags: string) => string;
  missingMandatoryOptionValue: (flags: string) => string;
  /** an option, or an environment variable that set one */
  conflictingOption: (a: { option?: string; env?: string }, b: { option?: string; env?: string }) => string;
  excessArguments: (command: string | undefined, expected: number, got: number) => string;
  invalidArgument: (value: string, at: RefusedAt, because: RefusedBecause) => string;
  /** the line under each: how to see the usage */
  seeHelp: string;
  /** the label of a hint under an error (a StoreError's) */
  hint: string;
  /** --lang, SALES_COACH_LANG or the config's lang: a language the program does not speak */
  unknownLanguage: (value: string) => string;
  unknownLanguageHint: string;
  /** a bug's three lines (main.ts): the error's own words stay in English, for the report */
  internalError: (message: string) => string;
  runWithDebug: string;
  pleaseReport: string;
}

export const USAGE_MESSAGES: Record<Exclude<Locale, 'en'>, UsageMessages> = { 'zh-CN': zhCN, 'zh-TW': zhTW };
