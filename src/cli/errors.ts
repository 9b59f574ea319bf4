import { lazyWords } from './lazy-words.js';
import type { Locale } from '../engine/model.js';
import type { CliKey, CliParams, CliSaid, Inner } from '../ui/cli-said.js';

/** The few ways a command ends, as exit codes a script can rely on (see README, "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** findings: an invalid playbook, a failing playbook test */
  findings: 1,
  /** usage or input error: bad flag, unreadable answers file, no terminal to ask on */
  usage: 2,
  /** a bug: printed with a "please report" line */
  internal: 3,
  /** interrupted: the answers so far are kept as a draft */
  interrupted: 130,
} as const;

/**
 * What a message says, as a key and the values it echoes (src/ui/cli-said.ts): main says it in the
 * session's language from them (src/ui/cli-messages.ts), as it says a StoreError. Typed, so a key's
 * values cannot be forgotten and each language's catalogue must word every key.
 */
export const said = <K extends CliKey>(key: K, params: CliParams[K]): CliSaid => ({ key, params }) as CliSaid;

/**
 * A user's mistake: printed as one message (and a hint), never with a stack trace. `message` and
 * `hint` are the English; `said` is the same as a key and values, for the other languages. Null only
 * for a message the command already worded in the session's language (UserError.worded).
 */
export class UserError extends Error {
  constructor(
    readonly said: CliSaid | null,
    message: string,
    readonly hint?: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'UserError';
  }

  /** A message already in the session's language (taken from a catalogue of the locale the command chose). */
  static worded(message: string, hint?: string, exitCode: number = EXIT.usage): UserError {
    return new UserError(null, message, hint, exitCode);
  }
}

/** The rep pressed Ctrl-C or the terminal closed; what they typed is already saved. */
export class Interrupted extends Error {
  constructor(readonly note?: string) {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/** An error said first by the store or by a UserError, to be said again inside another (said.ts's Inner). */
export function innerOf(err: Error & { hint?: string; said?: unknown }): Inner {
  const base = { message: err.message, ...(err.hint ? { hint: err.hint } : {}) };
  if (err instanceof UserError) return { ...base, ...(err.said ? { cli: err.said } : {}) };
  return err.name === 'StoreError' && err.said ? { ...base, store: err.said as Inner['store'] } : base;
}

/*
 * The command line's words in Chinese (src/ui/cli-messages.ts) are loaded apart from the program's
 * start, as the store's are (store-words.ts): most runs say no error, and a confirmation is said once
 * the work is done. Loaded when an error or a confirmation is to be said in another language than
 * English. Kept here, beside UserError, so the first question's start reads no other module for them.
 */
const cliWords = lazyWords(() => import('../ui/cli-messages.js'));

export const loadCliWords = cliWords.load;
export const loadedCliWords = cliWords.loaded;

/** A confirmation in `locale`: `english` as the command wrote it, else worded from `said`. */
export async function sayDone(locale: Locale, said: CliSaid, english: string): Promise<string> {
  if (locale === 'en') return english;
  await loadCliWords();
  const words = loadedCliWords();
  return words ? words.cliText(said, locale).message : english;
}

/** A message and its hint in `locale` (a diagnostic's, say): `english` as the command wrote it, else worded from `said`. */
export async function sayText(locale: Locale, said: CliSaid, english: { message: string; hint?: string }): Promise<{ message: string; hint?: string }> {
  if (locale === 'en') return english;
  await loadCliWords();
  const words = loadedCliWords();
  return words ? words.cliText(said, locale) : english;
}
