/**
 * The errors of the command line itself (commander's: an unknown option, a missing argument, an
 * invalid value) and the StoreErrors a command reports, in the session's language. Commander words its
 * errors in English and passes each a code to `error()`: every command's `error` is wrapped to say the
 * same, by that code, in zh-CN and zh-TW, with the language taken as the first question takes it, from
 * --lang and the environment before the config is read. English passes through as commander wrote it.
 */
import { type Command, CommanderError } from 'commander';
import { YEARS } from '../engine/dates.js';
import type { Locale } from '../engine/model.js';
import type { StoreError } from '../store/types.js';
import { sanitize } from '../ui/sanitize.js';
import { loadedStoreWords, loadStoreWords } from './store-words.js';
import { type RefusedAt, type RefusedBecause, USAGE_MESSAGES, type UsageMessages } from '../ui/usage-messages.js';
import { loadCliWords, loadedCliWords, type UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { forgetPickedLocale, localeFromEnv, pickedLocale, pickLocale } from './locale.js';

/** --lang as typed anywhere on the line ("--lang zh-CN", "--lang=zh-CN"), the last one winning, as commander reads it. */
export const langFlag = (argv: readonly string[]): string | undefined => optionValue(argv, '--lang');

/** --config as typed anywhere on the line, the last one winning. */
export const configFlag = (argv: readonly string[]): string | undefined => optionValue(argv, '--config');

function optionValue(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === name && i + 1 < argv.length) value = argv[++i];
    else if (argv[i].startsWith(`${name}=`)) value = argv[i].slice(name.length + 1);
  }
  return value;
}

/** The language before the config is read: --lang, else the environment; one it does not know is English's mistake to say. */
function earlyLocale(flag: string | undefined, io: IO): Locale {
  try {
    return pickLocale(flag, io.env, {});
  } catch {
    return localeFromEnv(io.env);
  }
}

/** Commander's English message for `code`, said in `m`; undefined when its shape is not one known here. */
export function sayUsageError(code: string, message: string, m: UsageMessages): string | undefined {
  const [first, ...rest] = message.replace(/^error: /, '').split('\n');
  const q = (re: RegExp) => re.exec(first);
  const similar = /^\(Did you mean (?:one of )?(.*)\?\)$/.exec(rest.join('\n'));
  const suggestion = similar ? `\n${m.didYouMean(similar[1].split(', '))}` : rest.length ? undefined : '';
  if (suggestion === undefined) return undefined;
  let said: string | null | undefined;
  switch (code) {
    case 'commander.unknownOption': {
      const x = q(/^unknown option '(.*)'$/s);
      said = x && m.unknownOption(x[1]);
      break;
    }
    case 'commander.unknownCommand': {
      const x = q(/^unknown command '(.*)'$/s);
      said = x && m.unknownCommand(x[1]);
      break;
    }
    case 'commander.missingArgument': {
      const x = q(/^missing required argument '(.*)'$/s);
      said = x && m.missingArgument(x[1]);
      break;
    }
    case 'commander.optionMissingArgument': {
      const x = q(/^option '(.*)' argument missing$/s);
      said = x && m.optionMissingArgument(x[1]);
      break;
    }
    case 'commander.missingMandatoryOptionValue': {
      const x = q(/^required option '(.*)' not specified$/s);
      said = x && m.missingMandatoryOptionValue(x[1]);
      break;
    }
    case 'commander.conflictingOption': {
      const x = q(/^(option|environment variable) '(.*)' cannot be used with (option|environment variable) '(.*)'$/s);
      const side = (kind: string, name: string) => (kind === 'option' ? { option: name } : { env: name });
      said = x && m.conflictingOption(side(x[1], x[2]), side(x[3], x[4]));
      break;
    }
    case 'commander.excessArguments': {
      const x = q(/^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s);
      said = x && m.excessArguments(x[1], Number(x[2]), Number(x[3]));
      break;
    }
    case 'commander.invalidArgument': {
      const option = q(/^option '(.*)' argument '(.*)' is invalid\. (.*)$/s);
      const env = q(/^option '(.*)' value '(.*)' from env '(.*)' is invalid\. (.*)$/s);
      const argument = q(/^command-argument value '(.*)' is invalid for argument '(.*)'\. (.*)$/s);
      const at: [string, RefusedAt, string] | undefined = env
        ? [env[2], { option: env[1], env: env[3] }, env[4]]
        : option
          ? [option[2], { option: option[1] }, option[3]]
          : argument
            ? [argument[1], { argument: argument[2] }, argument[3]]
            : undefined;
      said = at && m.invalidArgument(at[0], at[1], refusedBecause(at[2]));
      break;
    }
  }
  return said ? said + suggestion : undefined;
}

/** Why a parser refused a value, from its message (main.ts's parsers, core/control.ts, commander's choices). */
function refusedBecause(text: string): RefusedBecause {
  if (text.startsWith('expected a calendar date YYYY-MM-DD')) return { kind: 'date', ...YEARS };
  if (text.startsWith('expected a period such as 7d')) return { kind: 'period', ...YEARS };
  if (text === 'expected a whole number from 1 to 999999') return { kind: 'count' };
  const control = /^(.*) holds a control character \((.*)\), which cannot be shown or typed back$/s.exec(text);
  if (control) return { kind: 'control', field: control[1], code: control[2] };
  const choices = /^Allowed choices are (.*)\.$/s.exec(text);
  if (choices) return { kind: 'choices', choices: choices[1].split(', ') };
  return { kind: 'other', text };
}

/**
 * Wraps `error` of the program and every command under it: in zh-CN and zh-TW the message and the line
 * under it are said in that language, then the run ends as commander ends it (a CommanderError with its
 * code, which exitOverride leaves to main). Also starts the run with no language chosen yet.
 */
export function sayUsageErrorsInLanguage(program: Command, argv: readonly string[], io: IO): void {
  forgetPickedLocale();
  const wrap = (cmd: Command) => {
    const english = cmd.error.bind(cmd);
    cmd.error = (message: string, options?: { code?: string; exitCode?: number }): never => {
      const locale = earlyLocale(langFlag(argv), io);
      const code = options?.code ?? 'commander.error';
      const m = locale === 'en' ? undefined : USAGE_MESSAGES[locale];
      const said = m && sayUsageError(code, message, m);
      if (!m || said === undefined) return english(message, options);
      const write = cmd.configureOutput().writeErr ?? ((s: string) => io.stderr.write(s));
      write(`${said}\n`);
      write(`${m.seeHelp}\n`);
      throw new CommanderError(options?.exitCode ?? 1, code, message);
    };
    for (const sub of cmd.commands) wrap(sub);
  };
  wrap(program);
}

/** The label of a hint main prints under a UserError: in Chinese when the hint is (the message was worded in the session's language). */
export function hintLabel(hint: string, io: IO, global: GlobalOptions): string {
  const locale = pickedLocale() ?? earlyLocale(global.lang, io);
  return locale !== 'en' && /\p{Script=Han}/u.test(hint) ? USAGE_MESSAGES[locale].hint : 'hint: ';
}

/** Before main reports an error: the words loaded when a StoreError or a UserError's key is to be said in another language than English. */
export async function readyToReport(err: unknown, io: IO, global: GlobalOptions): Promise<void> {
  if (!(err instanceof Error)) return;
  // an error found before the command chose its language (import's CSV, checked first, that is not
  // there) is said in the config's lang: as well, which comes before the environment's: a rep with
  // lang: zh-TW in the config read it in English
  if (pickedLocale() === undefined && global.lang === undefined && io.env.SALES_COACH_LANG === undefined) {
    try {
      const { loadConfig } = await import('./config.js');
      pickLocale(undefined, io.env, loadConfig(io.env, global.config));
    } catch {
      // a config that cannot be read, or names no language sales-coach speaks: the environment's, as before
    }
  }
  if ((pickedLocale() ?? earlyLocale(global.lang, io)) === 'en') return;
  if (err.name === 'StoreError') await loadStoreWords();
  else if (err.name === 'UserError' && (err as UserError).said) await loadCliWords();
}

/**
 * A UserError as main reports it: its key said in the language the command chose (else the early
 * one), or as the command worded it. The words are loaded apart (readyToReport): English until they are.
 */
export function userErrorLines(err: UserError, io: IO, global: GlobalOptions): string {
  const chosen = pickedLocale() ?? earlyLocale(global.lang, io);
  const words = loadedCliWords();
  if (chosen !== 'en' && err.said && words) {
    const { message, hint } = words.cliText(err.said, chosen);
    return `sales-coach: ${sanitize(message)}\n${hint ? `  ${USAGE_MESSAGES[chosen].hint}${sanitize(hint)}\n` : ''}`;
  }
  return `sales-coach: ${sanitize(err.message)}\n${err.hint ? `  ${hintLabel(err.hint, io, global)}${sanitize(err.hint)}\n` : ''}`;
}

/**
 * A StoreError as main reports it, in the language the command chose (else the early one): a line and
 * its hint. The words are loaded apart (readyToReport): English, as the store wrote it, until they are.
 */
export function storeErrorLines(err: StoreError, io: IO, global: GlobalOptions): string {
  const chosen = pickedLocale() ?? earlyLocale(global.lang, io);
  const words = loadedStoreWords();
  const locale = words ? chosen : 'en';
  const { message, hint } = words ? words.storeErrorText(err, locale) : { message: err.message, hint: err.hint };
  return `sales-coach: ${sanitize(message)}\n${hint ? `  ${locale === 'en' ? 'hint: ' : USAGE_MESSAGES[locale].hint}${sanitize(hint)}\n` : ''}`;
}

/** A bug as main reports it: its three lines in the session's language, the error's own words as they are (they go into the bug report). */
export function internalErrorLines(e: Error, io: IO, global: GlobalOptions): string {
  const locale = pickedLocale() ?? earlyLocale(global.lang, io);
  const m = locale === 'en' ? undefined : USAGE_MESSAGES[locale];
  const first = `sales-coach: ${m ? m.internalError(sanitize(e.message)) : `internal error: ${sanitize(e.message)}`}\n`;
  const debug = global.debug ? `${e.stack}\n` : `${m ? m.runWithDebug : 'Run again with --debug for details.'}\n`;
  return `${first}${debug}${m ? m.pleaseReport : 'This is a bug in sales-coach: please report it with the command you ran.'}\n`;
}
