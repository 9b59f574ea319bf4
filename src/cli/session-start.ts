/**
 * The first moments of `prep` and `debrief`: when the rep starts a session in a terminal without
 * naming the account, the first question ("Which account?") goes on screen before the session's
 * machinery (engine, store, playbook) is loaded; with an account, its first question does too when
 * what it needs is at hand (first-question.ts), and the store is opened after the answer. Measured
 * by bench/first-question.mjs.
 */
import { controlCharIn } from '../core/control.js';
import { Interrupted } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { existsSync } from 'node:fs';
import { pickLocale } from './locale.js';
import { configFile } from './paths.js';
import { UI } from '../ui/messages.js';
import type { Locale, Mode } from '../engine/model.js';

export async function startSession(mode: Mode, rawOpts: Record<string, unknown>, io: IO, g: GlobalOptions): Promise<number> {
  let opts = rawOpts;
  const interactive = Boolean((io.stdin as { isTTY?: boolean }).isTTY) && opts.input !== false && !opts.demo;
  if (!interactive || opts.answers || opts.resume || opts.dryRun) return (await import('./session.js')).sessionCommand(mode, opts, io, g);
  const bare = isBare(io, g);
  if (opts.account === undefined) {
    const account = await askAccount(io, await firstQuestionLocale(io, g, bare));
    opts = { ...opts, account, accountAsked: true };
  }
  // the account's first question, when what it needs is at hand: before the store and the session load
  const locale = bare && opts.account !== undefined ? pickLocale(g.lang, io.env, {}) : undefined;
  const early = locale ? await (await import('./first-question.js')).askFirstQuestion(mode, opts, io, g, locale) : undefined;
  if (!early) return (await import('./session.js')).sessionCommand(mode, opts, io, g);
  try {
    return await (await import('./session.js')).sessionCommand(mode, { ...opts, early }, io, g);
  } catch (err) {
    if (err instanceof Interrupted || early.loaded || early.draftsOff || (!Object.keys(early.answers).length && !Object.keys(early.stepDecisions).length)) throw err;
    // the store or the playbook failed once the rep had answered: said as ever, then what is kept
    const code = await (await import('./main.js')).reportFailure(err, io, g);
    const { resumeCommand } = await import('./session.js');
    const n = Object.keys(early.answers).length + (Object.keys(early.stepDecisions).length ? 1 : 0);
    io.stderr.write(`${UI[locale as Locale].answersKept(n, resumeCommand(mode, opts.account as string))}\n`);
    return code;
  }
}

/**
 * No config file and no user playbook folder: the language comes from --lang and the environment,
 * and the built-in playbooks are the only ones (what the config could change is not there).
 */
function isBare(io: IO, g: GlobalOptions): boolean {
  return !g.config && !g.playbooks && !io.env.SALES_COACH_PLAYBOOKS && !existsSync(configFile(io.env));
}

/**
 * The language of "Which account?". Without a config file or a user playbook folder, it comes from
 * --lang and the environment alone, so the config reader (zod, the YAML source: about a third of the
 * code loaded before the question) loads after the question; with one, the config is read first, as
 * before, so that a bad config or folder is said before the rep types anything.
 */
async function firstQuestionLocale(io: IO, g: GlobalOptions, bare: boolean): Promise<Locale> {
  if (bare) return pickLocale(g.lang, io.env, {});
  const { localeOf, makeContext } = await import('./context.js');
  return localeOf(makeContext(io, g), g);
}

/** "Which account?": an empty answer runs the session without saving it (said at the end). */
export async function askAccount(io: IO, locale: Locale): Promise<string | undefined> {
  const { input } = await import('../ui/prompts.js');
  const output = (io.stdout as { isTTY?: boolean }).isTTY ? io.stdout : io.stderr;
  try {
    // the rule --account and the answers file follow: a name with a control character is asked again
    const validate = (v: string) => (controlCharIn(v) ? UI[locale].typeNoControl : true);
    const name = await input({ message: UI[locale].whichAccount, validate }, { input: io.stdin, output } as never);
    return name.trim() || undefined;
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') throw new Interrupted();
    throw err;
  }
}
