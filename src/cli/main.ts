/**
 * The program: declares commands and options, tidies them, and lazily imports the one command that
 * runs, so `--help` and `--version` stay fast. Returns an exit code; only bin/ calls process.exit.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { controlCharIn, controlCharMessage } from '../core/control.js';
import { isValidDate, YEARS } from '../engine/dates.js';
import { EXIT, Interrupted, UserError } from './errors.js';
import type { StoreError } from '../store/types.js';
import type { GlobalOptions, IO } from './io.js';
import type { Locale } from '../engine/model.js';

import { sanitize, sanitizeBlock } from '../ui/sanitize.js';
import { closeAllStores } from './open-stores.js';
import { configFlag, internalErrorLines, langFlag, readyToReport, sayUsageErrorsInLanguage, storeErrorLines, userErrorLines } from './usage-errors.js';
import { VERSION } from './version.js';
import { localeFromEnv, pickLocale } from './locale.js';

/** bin/ calls it before exit: native handles must be closed while Node's environment is still alive. */
export const closeAll = closeAllStores;

/** Option values checked while parsing, so a typo is a usage error (exit 2) saying what was expected. */
export const parseDay = (v: string): string => {
  if (!isValidDate(v)) throw new InvalidArgumentError(`expected a calendar date YYYY-MM-DD between ${YEARS.min} and ${YEARS.max}, e.g. 2026-11-26`);
  return v;
};
export const parseSince = (v: string): string => {
  const m = /^(\d{1,5})\s*([dwm])$/i.exec(v.trim());
  const days = m ? Number(m[1]) * ({ d: 1, w: 7, m: 30 } as Record<string, number>)[m[2].toLowerCase()] : undefined;
  if ((days !== undefined && days <= 36_500) || (!m && isValidDate(v))) return v;
  throw new InvalidArgumentError(`expected a period such as 7d, 2w or 1m (at most 100 years), or a date YYYY-MM-DD between ${YEARS.min} and ${YEARS.max}`);
};
export const parseLimit = (v: string): string => {
  if (!/^\d{1,6}$/.test(v.trim()) || Number(v) < 1) throw new InvalidArgumentError('expected a whole number from 1 to 999999');
  return v.trim();
};

/**
 * A name given on the command line (an account, a person): refused with a control character in it,
 * as the answers file, the CSV import and the prompts refuse one. "Zeta\u0000Corp" would be stored,
 * shown as "ZetaCorp" and never found again under the name the rep can type.
 */
export const parseName =
  (field: string) =>
  (v: string): string => {
    const code = controlCharIn(v);
    if (code) throw new InvalidArgumentError(controlCharMessage(field, code));
    return v;
  };

type Action = (io: IO, global: GlobalOptions) => Promise<number>;
type TestOptionsLike = { paths: string[]; json?: boolean; update?: boolean; coverage?: boolean; explore?: boolean; seed?: string };

export async function main(argv: string[], io: IO): Promise<number> {
  let action: Action | undefined;
  const program = buildProgram(
    io,
    (a) => {
      action = a;
    },
    argv,
  );
  sayUsageErrorsInLanguage(program, argv, io);
  if (helpAsked(program, argv)) {
    const locale = await helpLocale(argv, io);
    if (locale !== 'en') (await import('./help.js')).sayHelpIn(program, locale);
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    throw err;
  }
  if (!action) return EXIT.ok;
  const global = program.opts<GlobalOptions>();
  try {
    return await action(io, global);
  } catch (err) {
    return reportFailure(err, io, global);
  }
}

/**
 * Whether commander will print help for these arguments: -h or --help before `--`, the help command
 * (`help prep`), or a command of subcommands named without one (`playbook`, or no command at all, which
 * commander answers with its help). Only then are the help's words in another language loaded.
 */
export function helpAsked(program: Command, argv: readonly string[]): boolean {
  let cmd = program;
  let operands = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg === '-h' || arg === '--help') return true;
    // the version is printed as it is asked for, in no language: nothing to load for it
    if (arg === '-V' || arg === '--version') return false;
    if (GLOBAL_VALUES.has(arg)) i++;
    else if (!arg.startsWith('-')) {
      if (operands++ === 0 && arg === 'help') return true;
      const sub = cmd.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
      if (!sub) return false;
      cmd = sub;
    }
  }
  // commander prints the help of a command that has subcommands and no action of its own when none is
  // named: `playbook`, and the program itself (`sales-coach` alone)
  return cmd.commands.length > 0 && !(cmd as unknown as { _actionHandler: unknown })._actionHandler;
}

/**
 * The language of the help, decided as a session decides it: --lang, SALES_COACH_LANG, the config's
 * lang:, then LANG and LC_*. The config is read only here, when help is asked for; one that cannot be
 * read, or a language the program does not speak, leaves the help to the environment's language.
 */
async function helpLocale(argv: readonly string[], io: IO): Promise<Locale> {
  try {
    const flag = langFlag(argv);
    if (flag !== undefined || io.env.SALES_COACH_LANG !== undefined) return pickLocale(flag, io.env, {});
    const { loadConfig } = await import('./config.js');
    return pickLocale(undefined, io.env, loadConfig(io.env, configFlag(argv)));
  } catch {
    return localeFromEnv(io.env);
  }
}

/** A command's error, said in the session's language once its words are loaded. */
export async function reportFailure(err: unknown, io: IO, global: GlobalOptions): Promise<number> {
  await readyToReport(err, io, global);
  return reportError(err, io, global);
}

export function reportError(err: unknown, io: IO, global: GlobalOptions): number {
  // messages echo names and arguments the user typed or the database holds: one line each, no controls
  if (err instanceof Error && err.name === 'StoreError') {
    io.stderr.write(storeErrorLines(err as StoreError, io, global));
    return EXIT.usage;
  }
  if (err instanceof UserError) {
    io.stderr.write(userErrorLines(err, io, global));
    if (global.debug && err.stack) io.stderr.write(`${err.stack}\n`);
    return err.exitCode;
  }
  if (err instanceof Interrupted) {
    if (err.note) io.stderr.write(`\n${sanitizeBlock(err.note)}\n`);
    return EXIT.interrupted;
  }
  // a prompt ended by Ctrl-C, Ctrl-D, SIGTERM or SIGHUP that no caller turned into its own words is
  // still an interruption (130), never an internal error (inquirer's names, see src/ui/prompts.ts)
  if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) return EXIT.interrupted;
  const e = err instanceof Error ? err : new Error(String(err));
  io.stderr.write(internalErrorLines(e, io, global));
  return EXIT.internal;
}

/** The top-level commands, each declared by its own section of buildProgram. */
const COMMANDS = ['playbook', 'lsp', 'prep', 'debrief', 'plan', 'accounts', 'stats', 'forecast', 'report', 'account', 'team', 'store', 'checklist', 'drafts', 'export', 'import', 'today', 'demo'];
/** The global options that take a value: their value is not the command's name. */
const GLOBAL_VALUES = new Set(['--lang', '--playbooks', '--config', '--db']);

/**
 * The command the arguments name, when only it needs declaring: a session's first question then waits
 * for one command's options, not all 36 (about 7 ms of its start on a slow machine). Undefined, and every
 * command is declared, for the program's own help, an unknown command (commander suggests a near one),
 * and completion, which lists them all.
 */
export function commandNamed(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') return undefined;
    if (GLOBAL_VALUES.has(arg)) i++;
    else if (!arg.startsWith('-')) return COMMANDS.includes(arg) ? arg : undefined;
  }
  return undefined;
}

export function buildProgram(io: IO, setAction: (a: Action) => void, argv: readonly string[] = []): Command {
  const named = commandNamed(argv);
  const wants = (...names: string[]) => named === undefined || names.includes(named);
  const program = new Command('sales-coach');
  program
    .description('A coach for B2B sales reps (prep before a visit, debrief after it) and for the trainers who write its playbooks.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--lang <locale>', 'language: en, zh-CN or zh-TW (default: from LANG, SALES_COACH_LANG or the config)')
    .option('--playbooks <dir>', 'a folder of user playbooks (or SALES_COACH_PLAYBOOKS, or the config)')
    .option('--config <file>', 'the config file (or SALES_COACH_CONFIG; default $XDG_CONFIG_HOME/sales-coach/config.yaml)')
    .option('--db <file|url>', 'the database: a SQLite file, or a team database postgres://USER@HOST/DB (or SALES_COACH_DB, or store: in the config; default $XDG_DATA_HOME/sales-coach/coach.db)')
    .option('--no-color', 'no colour (also NO_COLOR, or when output is not a terminal)')
    .option('--debug', 'show stack traces for errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      // commander echoes the arguments it refuses, in quotes: each echo is one line
      writeErr: (s) => io.stderr.write(sanitizeBlock(s.replace(/'[^']*'/g, (quoted) => sanitize(quoted)))),
    })
    .addHelpText(
      'after',
      `
Examples:
  $ sales-coach demo                          a complete example, no set-up
  $ sales-coach prep --account "Acme Ltd"     prepare tomorrow's visit
  $ sales-coach debrief --account "Acme Ltd"  right after the visit
  $ sales-coach playbook validate my.yaml     check a playbook you wrote

Exit codes: 0 ok, 1 findings (invalid playbook), 2 usage or input error, 3 internal error,
130 interrupted (answers kept as a draft; continue with --resume).`,
    );

  if (wants('playbook')) {
    const playbook = program.command('playbook').description('trainer tools: validate, list, show, schema, init').exitOverride();

    playbook
      .command('validate')
      .description('check playbook files (all built-in and user playbooks when no path is given)')
      .argument('[paths...]', 'playbook files or folders')
      .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
      .option('--strict', 'treat warnings as errors (exit 1)')
      .action((paths: string[], opts: { format: 'pretty' | 'json'; strict?: boolean }) => {
        setAction(async (io, g) => (await import('./playbook-validate.js')).validateCommand({ paths, ...opts }, io, g));
      });

    playbook
      .command('test')
      .description('run the playbooks\' test cases (NAME.test.yaml beside each playbook), like vitest')
      .argument('[paths...]', 'playbook files, test files, folders or playbook ids (default: all playbooks)')
      .option('--json', 'print the results as JSON')
      .option('--update', 'fill the expectations of new cases (those without expect:) from the actual result')
      .option('--coverage', 'list the rules, flags, checklist items, advice and questions no case exercises')
      .option('--explore', 'walk the paths through the interview and report dead ends, gaps and crashes')
      .option('--seed <n>', 'the seed for --explore when it samples', '1')
      .action((paths: string[], opts: Omit<TestOptionsLike, 'paths'>) => {
        setAction(async (io, g) => (await import('./playbook-test.js')).testCommand({ paths, ...opts }, io, g));
      });

    playbook
      .command('list')
      .description('list the built-in and user playbooks, and where each comes from')
      .option('--json', 'print JSON')
      .action((opts: { json?: boolean }) => {
        setAction(async (io, g) => (await import('./playbook-list.js')).listCommand(opts, io, g));
      });

    playbook
      .command('show')
      .description('print a playbook as resolved (includes and extends applied)')
      .argument('<id-or-file>', 'a playbook id or a file')
      .option('--json', 'print JSON')
      .action((target: string, opts: { json?: boolean }) => {
        setAction(async (io, g) => (await import('./playbook-show.js')).showCommand({ target, ...opts }, io, g));
      });

    playbook
      .command('schema')
      .description('print a JSON Schema (for editors): of playbooks, test files or answers files')
      .addOption(new Option('--for <kind>', 'which schema').choices(['playbook', 'test', 'answers']).default('playbook'))
      .option('--out <file>', 'write it to a file instead')
      .option('--force', 'let --out replace a file that exists')
      .action((opts: { out?: string; for?: string; force?: boolean }) => {
        setAction(async (io, g) => (await import('./playbook-schema.js')).schemaCommand(opts, io, g));
      });

    playbook
      .command('init')
      .description('write a starter playbook that teaches the format, or a complete one of a sales methodology, with its tests')
      .argument('[file]', 'where to write it', 'my-playbook.yaml')
      .option('--from <template>', 'start from a methodology: meddicc, bant, spin or abcd (see --list)')
      .option('--list', 'list the methodology templates')
      .option('--force', 'overwrite an existing file')
      .action((file: string, opts: { force?: boolean; from?: string; list?: boolean }) => {
        setAction(async (io, g) => (await import('./playbook-init.js')).initCommand({ file, ...opts }, io, g));
      });

    playbook
      .command('try')
      .description('preview a playbook as a rep sees it: run the interview (answers from a file, the rest asked) and show the result; nothing is saved')
      .argument('<file>', 'the playbook (a file or an id)')
      .option('--answers <file>', 'pre-fill the answers from a YAML or JSON answers file')
      .option('--from <question>', 'ask again from this question on (the file\'s answers as defaults)')
      .addOption(new Option('--mode <mode>', 'the kind of session (default: the answers file\'s, else debrief)').choices(['prep', 'debrief', 'plan']))
      .option('--date <YYYY-MM-DD>', 'the visit date (default: the answers file\'s, else today)', parseDay)
      .option('--persona <id>', 'the persona of the person met')
      .option('--no-input', 'never ask: fail on missing answers instead')
      .option('--full', 'show everything (the whole persona profile, every tip)')
      .option('--json', 'print the result as JSON')
      .action((file: string, opts: Record<string, unknown>) => {
        setAction(async (io, g) => (await import('./playbook-try.js')).tryCommand({ file, ...opts } as import('./playbook-try.js').TryOptions, io, g));
      });

    playbook
      .command('graph')
      .description('print the playbook\'s logic (questions -> conditions -> classes, flags, steps, tips) as a Mermaid flowchart')
      .argument('<file>', 'the playbook (a file or an id)')
      .option('--markdown', 'wrap it in a ```mermaid block, ready to paste into Markdown')
      .action((file: string, opts: { markdown?: boolean }) => {
        setAction(async (io, g) => (await import('./playbook-graph.js')).graphCommand({ file, ...opts }, io, g));
      });

    const strings = playbook.command('strings').description('a translator\'s workflow: every text of a playbook out to PO or XLIFF, and the translations back in').exitOverride();
    strings
      .command('export')
      .description('write every text of the playbook (English source, the target language\'s text now) as PO or XLIFF for a translation tool')
      .argument('<file>', 'the playbook (a file or an id)')
      .addOption(new Option('--format <format>', 'the file format translation tools read').choices(['po', 'xliff']).makeOptionMandatory())
      .option('--lang <locale>', 'the language to translate into: zh-CN or zh-TW (default: the playbook\'s first locale other than en)')
      .option('--from <locale>', 'zh-TW only: pre-fill the texts from zh-CN, converted as the built-in playbook is (to review)')
      .option('--out <file>', 'write it to a file instead of stdout')
      .option('--force', 'let --out replace a file that exists')
      .action((file: string, opts: { format: 'po' | 'xliff'; lang?: string; from?: string; out?: string; force?: boolean }) => {
        setAction(async (io, g) => (await import('./playbook-strings.js')).exportCommand({ file, ...opts }, io, g));
      });
    strings
      .command('import')
      .description('write the translations of a PO or XLIFF file into the playbook\'s YAML files, in place; report missing and stale texts (exit 1)')
      .argument('<file>', 'the playbook file')
      .argument('<translations>', 'the translated PO or XLIFF file')
      .option('--dry-run', 'report what would be written, and write nothing')
      .action((file: string, translations: string, opts: { dryRun?: boolean }) => {
        setAction(async (io, g) => (await import('./playbook-strings.js')).importCommand({ file, translations, ...opts }, io, g));
      });
  }

  if (wants('lsp')) {
    program
      .command('lsp')
      .description('run the language server for playbook files over stdio (for VS Code, Neovim and other editors)')
      .option('--stdio', 'talk over stdin and stdout (the default and only transport; accepted because editors pass it)')
      .action(() => {
        setAction(async (io, g) => (await import('./lsp.js')).lspCommand(io, g));
      });
  }

  const collect = (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((x) => x.trim()).filter(Boolean)];
  if (wants('prep', 'debrief', 'plan')) {
    const sessionHelp = {
      prep: 'prepare a customer visit: a short interview, then class, persona advice, checklist and a recap to send',
      debrief: 'debrief right after a visit: what happened, the class and why, flags and next steps',
      plan: 'plan a key account (strategic account management): ideal-customer fit, what you sell to whom, the goal agreed with their key players, investment, strategy and execution, each with a date',
    } as const;
    for (const mode of ['prep', 'debrief', 'plan'] as const) {
      program
        .command(mode)
        .description(sessionHelp[mode])
        .option('--account <name>', 'the account (customer company)', parseName('the account name'))
        .option('--persona <id>', 'the persona of the person you meet, e.g. koala')
        .option('--playbook <id-or-file>', 'the playbook to use (default: the answers file\'s, else abcd)')
        .option('--date <YYYY-MM-DD>', 'the visit date (default: today for debrief and plan, tomorrow for prep)', parseDay)
        .option('--answers <file>', 'take the answers from a YAML or JSON file (or - for stdin) instead of asking')
        .option('--no-input', 'never ask: fail on missing answers instead')
        .option('--resume', 'continue the interrupted interview (draft)')
        .option('--json', 'print the result as JSON')
        .option('--out <file.md>', 'also write the result as Markdown')
        .option('--force', 'let --out replace a file that exists')
        .option('--copy', 'put the message to send on the clipboard: the follow-up after a debrief, the recap before a visit')
        .option('--dry-run', 'show the result without saving it to the account')
        .option('--review', 'ask again the facts carried over from the last visit (contact, role, needs…)')
        .option('--full', 'show everything: the persona\'s whole profile and every tip, even what you read last time')
        .option('--demo', 'run a complete example with built-in answers')
        .action((opts: Record<string, unknown>) => {
          setAction(async (io, g) => (await import('./session-start.js')).startSession(mode, opts, io, g));
        });
    }

  }

  if (wants('accounts')) {
    program
      .command('accounts')
      .description('the weekly pipeline review: accounts by class, how old each class is, the next step, and what needs you')
      .option('--since <period>', 'also show what moved (new, upgraded, downgraded, signed, dropped) since 7d, 2w, 1m or a date', parseSince)
      .option('--class <ids>', 'only these classes (A,B or ? for provisional)', collect)
      .option('--flag <ids>', 'only accounts with these flags: window, no_next, one_contact, provisional, overdue', collect)
      .option('--overdue', 'only accounts with an overdue next step')
      .addOption(new Option('--sort <key>', 'order within a class (value: the largest deal first)').choices(['class', 'age', 'due', 'name', 'value']).default('class'))
      .option('--limit <n>', 'accounts shown per class', parseLimit, '20')
      .option('--all', 'show every account')
      .option('--json', 'print JSON (every account)')
      .option('--csv', 'print CSV (every account)')
      .option('--rep <role>', "a manager reads one rep's review, as the rep sees it (team database; read-only)")
      .option('--today <YYYY-MM-DD>', 'count windows and overdue steps as of this day, over the accounts as they are now (default: today)', parseDay)
      .addHelpText(
        'after',
        `
  Classes are grouped, named and ordered as the playbook that gave them: a trainer's own classes
  (say commit / best_case / pipeline) show as themselves. An account is past its window when the
  signing deadline its class set at the visit has passed; a class that means "will not buy" (the
  playbook's roles.willNotBuy) is dropped and needs no next step.

  Examples:
    $ sales-coach accounts                       the review, at most 20 accounts per class
    $ sales-coach accounts --since 7d            and what moved this week, with why
    $ sales-coach accounts --flag window,no_next what needs you now
    $ sales-coach accounts --csv > pipeline.csv  every account, for a spreadsheet
    $ sales-coach accounts --rep wang_li         a manager reads a rep's review (team database)`,
      )
      .action((opts: Record<string, unknown>) => {
        setAction(async (io, g) => (await import('./accounts.js')).accountsCommand(opts, io, g));
      });
  }

  if (wants('stats')) {
    program
      .command('stats')
      .description('your own evidence: how each class you gave turned out, and your habits, against your history')
      .option('--since <period>', 'count classes given and visits made since 90d, 12w, 6m or a date (default: all history)', parseSince)
      .option('--account <name>', 'only this account', parseName('the account name'))
      .option('--class <ids>', 'calibration only for these classes (e.g. A,B)', collect)
      .option('--json', 'print the numbers as JSON')
      .option('--today <YYYY-MM-DD>', 'count as of this day (default: today)', parseDay)
      .option('--rep <role>', "a manager reads one rep's stats (team database; read-only)")
      .addHelpText(
        'after',
        `
  Calibration: for each class as it was given (every time a visit gave it), the share signed within the
  class's window (the playbook's cycle, e.g. 10 days for an A) of those whose window is over, the median
  days to sign, how many were later given another class, and how many were dropped. Fewer than 5
  cases is not a rate: the counts are shown instead.

  Habits: on visits to an account in the best class, how often you asked for the signature (the
  playbook's roles.askedToSign) and the sign rate with and without; the share of visits that met the
  final decision-maker (roles.metFirstKp; the built-in playbook's first KP); visits and hours on accounts that ended
  "will not buy" (hours are an estimate, 3 a visit: no playbook records how long a visit took);
  accounts in play with one person on record.

  Examples:
    $ sales-coach stats                   everything you have recorded
    $ sales-coach stats --since 90d       the last 90 days
    $ sales-coach stats --class A --json  your A's, as JSON
    $ sales-coach stats --rep wang_li     a manager reads a rep's stats (team database)`,
      )
      .action((opts: Record<string, unknown>) => {
        setAction(async (io, g) => (await import('./stats.js')).statsCommand(opts, io, g));
      });
  }

  if (wants('forecast')) {
    program
      .command('forecast')
      .description('what your accounts in play are expected to sign this month, quarter or 30 days, and how each number is made')
      .option('--period <period>', 'month (to the end of this month), quarter (to the end of this quarter) or 30d', 'month')
      .option('--json', 'print the forecast as JSON')
      .option('--today <YYYY-MM-DD>', 'forecast as of this day (default: today)', parseDay)
      .option('--rep <role>', "a manager reads one rep's forecast (team database; read-only)")
      .option('--team', "a manager's forecast of their whole team: each rep's, on their own rates, and the team's in all (team database)")
      .option('--accuracy', 'how the kept forecasts of this kind of period turned out, once their period has ended')
      .option('--keep', 'keep this forecast for --accuracy although --today names another day (it reads the accounts as they are now)')
      .addHelpText(
        'after',
        `
  Which accounts: those in play (not signed, not dropped, with a class) whose day falls in the period:
  the day the customer expects to sign (the deal's expected signing date), else the end of the class's
  signing window. Their value is the deal value (asked at prep and debrief; account set NAME amount=…).

  The chance: your own rate for the class, signed within its window of the cases decided (as stats
  shows it), once 5 cases are decided; until then the playbook's default for the class. The screen says
  which, with the counts. Expected = value x chance, per currency (never converted).

  Commit, best case, pipeline: the playbook puts each class in one (the built-in: A, B, C); best case
  adds commit, pipeline adds both.

  Each forecast of today is kept, one a week for each kind of period (a manager's reading keeps none;
  another day only with --keep); --accuracy compares those whose period has ended with what their
  accounts signed in it, and names what signed without being forecast.

  Examples:
    $ sales-coach forecast                    this month
    $ sales-coach forecast --period quarter   to the end of the quarter
    $ sales-coach forecast --json             the numbers, as JSON
    $ sales-coach forecast --accuracy         how last months' forecasts turned out`,
      )
      .action((opts: Record<string, unknown>) => {
        setAction(async (io, g) => (await import('./forecast.js')).forecastCommand(opts, io, g));
      });
  }

  if (wants('report')) {
    program
      .command('report')
      .description('the weekly report as one HTML file: pipeline this week against last, what moved and why, calibration, next steps, flags')
      .option('--out <file.html>', 'where to write it (required)')
      .option('--force', 'overwrite the file if it exists (it is replaced whole, never half-written)')
      .option('--since <period>', 'the calibration counts classes given since 90d, 6m or a date (default: all history)', parseSince)
      .option('--today <YYYY-MM-DD>', 'the week ending on this day (default: today)', parseDay)
      .option('--rep <role>', "a manager's report of one rep of their team (team database)")
      .option('--team', "a manager's report of their whole team (team database; accounts named with their rep)")
      .addHelpText(
        'after',
        `
  The file needs nothing else: the charts are drawn as SVG when it is made, the styles are inside, it
  loads nothing from the network and runs no script. It prints on A4. Words in --lang (en, zh-CN, zh-TW).

  Example:
    $ sales-coach report --out week.html && xdg-open week.html`,
      )
      .action((opts: Record<string, unknown>) => {
        setAction(async (io, g) => (await import('./report.js')).reportCommand(opts, io, g));
      });
  }

  if (wants('account')) {
    const account = program.command('account').description('one account: show its timeline, rename, merge or delete it').exitOverride();
    account
      .command('show')
      .description('the timeline of visits and classes, the contacts and the checklist')
      .argument('<name>', 'the account')
      .option('--json', 'print JSON (everything stored: visits with their results, people, events, steps)')
      .option('--markdown', 'print Markdown (for notes or a CRM)')
      .option('--rep <role>', "a rep's account, for their manager (team database)")
      .option('--today <YYYY-MM-DD>', 'mark overdue steps as of this day (default: today)', parseDay)
      .action((name: string, opts: { json?: boolean; markdown?: boolean; rep?: string; today?: string }) => {
        setAction(async (io, g) => (await import('./account.js')).accountShow(name, opts, io, g));
      });
    account
      .command('set')
      .argument('<name>', 'the account')
      .argument('<changes...>', 'each change as question=value, e.g. trust_level=believed contact_stance=supporter')
      .description("change a fact between visits, without a session: a person's (with --person) or the account's own; the change is dated in the timeline and the next session starts from it")
      .option('--person <name>', 'the person whose facts change (their type, role, trust, stance…)', parseName('the person\'s name'))
      .option('--date <YYYY-MM-DD>', 'the day the fact changed (default: today)', parseDay)
      .option('--json', 'print the events as JSON')
      .option('--dry-run', 'show the change without saving it')
      .addHelpText(
        'after',
        `
  Values are checked against the playbook's options, as in an answers file. The class is not moved:
  the next prep or debrief classifies from every fact, this one included.

  Examples:
    $ sales-coach account set Hengda --person "Ms Chen" trust_level=believed contact_stance=supporter
    $ sales-coach account set Hengda buying_power=yes`,
      )
      .action((name: string, changes: string[], opts: { person?: string; date?: string; json?: boolean; dryRun?: boolean }) => {
        setAction(async (io, g) => (await import('./account.js')).accountSet(name, changes, opts, io, g));
      });
    account
      .command('rename')
      .argument('<name>', 'the account')
      .argument('<new-name>', 'its new name', parseName('the new name'))
      .description('rename an account')
      .action((name: string, to: string) => {
        setAction(async (io, g) => (await import('./account.js')).accountRename(name, to, io, g));
      });
    account
      .command('merge')
      .argument('<from>', 'the account to fold in (it disappears)')
      .argument('<into>', 'the account that keeps everything')
      .description('join two accounts that are the same customer')
      .action((from: string, into: string) => {
        setAction(async (io, g) => (await import('./account.js')).accountMerge(from, into, io, g));
      });
    account
      .command('delete')
      .argument('<name>', 'the account')
      .option('--yes', 'do not ask for confirmation (for scripts)')
      .description('delete an account with its visits, contacts and checklist')
      .action((name: string, opts: { yes?: boolean }) => {
        setAction(async (io, g) => (await import('./account.js')).accountDelete(name, opts, io, g));
      });

    account
      .command('validate')
      .argument('<name>', 'the account')
      .description("a manager confirms a rep's class (team database): an event in the account's history, with who and when")
      .option('--rep <role>', 'the rep whose account it is')
      .option('--note <text>', 'what the rep reads at their next prep')
      .option('--today <YYYY-MM-DD>', 'the date of the note (default: today)', parseDay)
      .action((name: string, opts: { rep?: string; note?: string; today?: string }) => {
        setAction(async (io, g) => (await import('./team.js')).accountReview('class-validated', name, opts, io, g));
      });
    account
      .command('challenge')
      .argument('<name>', 'the account')
      .description("a manager questions a rep's class (team database; the seed's \"why is this an A? then why was it not signed?\"); the rep sees it at the next prep")
      .option('--rep <role>', 'the rep whose account it is')
      .option('--note <text>', 'the question the rep should answer')
      .option('--today <YYYY-MM-DD>', 'the date of the note (default: today)', parseDay)
      .action((name: string, opts: { rep?: string; note?: string; today?: string }) => {
        setAction(async (io, g) => (await import('./team.js')).accountReview('class-challenged', name, opts, io, g));
      });
    account
      .command('reply')
      .argument('<name>', 'the account')
      .description("answer your manager's open question on one of your accounts (team database); the question stays open until they close it")
      .option('--note <text>', 'your answer')
      .option('--today <YYYY-MM-DD>', 'the date of the answer (default: today)', parseDay)
      .action((name: string, opts: { note?: string; today?: string }) => {
        setAction(async (io, g) => (await import('./team.js')).accountReply(name, opts, io, g));
      });
    account
      .command('resolve')
      .argument('<name>', 'the account')
      .description("a manager closes the open questions on a rep's account (team database), answered or not, with a last word if they like")
      .option('--rep <role>', 'the rep whose account it is')
      .option('--note <text>', 'a last word the rep reads (optional)')
      .option('--today <YYYY-MM-DD>', 'the date of the close (default: today)', parseDay)
      .action((name: string, opts: { rep?: string; note?: string; today?: string }) => {
        setAction(async (io, g) => (await import('./team.js')).accountResolve(name, opts, io, g));
      });
  }

  if (wants('team')) {
    const team = program
      .command('team')
      .description('a team database on PostgreSQL: set it up, add reps, and review every rep\'s pipeline')
      .exitOverride()
      .addHelpText(
        'after',
        `
  The team database is given as --db postgres://USER@HOST[:PORT]/DATABASE, SALES_COACH_DB, or store: in
  the config. The password comes from PGPASSWORD, ~/.pgpass, or passwordFile: in the config, never from
  the address. Each rep is a database role; PostgreSQL itself (row-level security) lets a rep see and
  change only their own accounts, and a manager read their team's.

  Set-up (the team admin, a role that may create roles):
    $ createdb sales                                          (or any empty database)
    $ sales-coach team init --db postgres://admin@db.example/sales
    $ sales-coach team add wang_li --manager chen_jing --password-file wang.txt --db ...
  A rep then connects with: SALES_COACH_DB=postgres://wang_li@db.example/sales sales-coach prep ...
  and moves what is on their laptop with: sales-coach store push --to postgres://wang_li@db.example/sales`,
      );
    team
      .command('init')
      .description('set up (or upgrade) the team database: tables, row-level security, the rep role (the team admin: a role that owns the database and may create roles; --db names it)')
      .action(() => {
        setAction(async (io, g) => (await import('./team.js')).teamInit(io, g));
      });
    team
      .command('add')
      .argument('<role>', 'the rep\'s database role (lower-case letters, digits and _), created if new')
      .description('add a rep (or a manager) to the team: a new database role is created; an existing one is given the rep role (its password is changed only if it is already in the team)')
      .option('--manager <role>', 'the manager who reviews this rep\'s pipeline')
      .option('--password-file <file>', 'set the rep\'s password from this file (never on the command line)')
      .action((role: string, opts: { manager?: string; passwordFile?: string }) => {
        setAction(async (io, g) => (await import('./team.js')).teamAdd(role, opts, io, g));
      });
    team
      .command('remove')
      .argument('<role>', 'the member to take out of the team')
      .description('take a member out of the team (their accounts stay; the database role is left to the admin)')
      .action((role: string) => {
        setAction(async (io, g) => (await import('./team.js')).teamRemove(role, io, g));
      });
    team
      .command('reassign')
      .argument('<from>', 'the role whose accounts move (a rep who left, or is leaving)')
      .argument('<to>', 'the member of the team who takes them')
      .description("move every account of one role to a member of the team, with its people, visits, steps and history (a removed rep's accounts are otherwise seen by no one)")
      .action((from: string, to: string) => {
        setAction(async (io, g) => (await import('./team.js')).teamReassign(from, to, io, g));
      });
    team
      .command('list')
      .description('the members of the team, their manager and how many accounts each has')
      .option('--json', 'print JSON')
      .action((opts: { json?: boolean }) => {
        setAction(async (io, g) => (await import('./team.js')).teamList(opts, io, g));
      });
    team
      .command('review')
      .description("a manager's review: every rep's pipeline by class, what needs attention, what moved")
      .option('--since <period>', 'what moved since 7d (default), 2w, 1m or a date', parseSince)
      .option('--rep <roles>', 'only these reps (comma-separated)', collect)
      .option('--limit <n>', 'accounts needing attention shown per rep', parseLimit, '5')
      .option('--all', 'every account that needs attention')
      .option('--json', 'print JSON (everything: every account, with its flags)')
      .option('--csv', 'print CSV: one line per account (everything)')
      .option('--today <YYYY-MM-DD>', 'count windows and overdue steps as of this day, over the accounts as they are now (default: today)', parseDay)
      .option('--untouched <days>', 'an account in play not visited for this many days is untouched (default: the config\'s untouchedDays, else 14)')
      .action((opts: Record<string, unknown>) => {
        setAction(async (io, g) => (await import('./team.js')).teamReview(opts, io, g));
      });
  }

  if (wants('store')) {
    program
      .command('store')
      .description('the database itself: push this machine\'s accounts into a team database')
      .exitOverride()
      .command('push')
      .description('move the accounts on this machine (visits, steps, history) into a team database: all or nothing, and pushing twice changes nothing')
      .option('--to <url>', "the team database, postgres://USER@HOST/DATABASE (password from PGPASSWORD, the config's passwordFile or ~/.pgpass)")
      .option('--json', 'print what was moved as JSON')
      .action((opts: { to?: string; json?: boolean }) => {
        setAction(async (io, g) => (await import('./team.js')).storePush(opts, io, g));
      });
  }

  if (wants('checklist')) {
    const checklist = program
      .command('checklist')
      .description('open next steps by due date; done, skip, reopen or undo one; add your own')
      .option('--account <name>', 'only this account', parseName('the account name'))
      .option('--json', 'print JSON')
      .option('--today <YYYY-MM-DD>', 'what counts as overdue (default: today)', parseDay)
      .action((opts: { account?: string; json?: boolean; today?: string }) => {
        setAction(async (io, g) => (await import('./checklist.js')).checklistList(opts, io, g));
      });
    for (const [verb, state, what] of [
      ['done', 'done', 'mark a next step done'],
      ['skip', 'skipped', 'drop a next step (no longer needed)'],
      ['reopen', 'open', 'open a step again that was marked done or dropped'],
    ] as const) {
      checklist
        .command(verb)
        .argument('<id>', 'the item number shown by sales-coach checklist (or account show)')
        .description(what)
        // the day it happened, as prep and debrief take it (a step done on Friday, ticked on Monday)
        .option('--date <YYYY-MM-DD>', 'the day it happened (default: today)', parseDay)
        .action((id: string, opts: { date?: string }) => {
          setAction(async (io, g) => (await import('./checklist.js')).checklistSet(state, id, io, g, opts));
        });
    }
    checklist
      .command('undo')
      .description('undo the last done, skip or reopen')
      .option('--date <YYYY-MM-DD>', 'the day the undoing is dated (default: today)', parseDay)
      .action((opts: { date?: string }) => {
        setAction(async (io, g) => (await import('./checklist.js')).checklistUndo(io, g, opts));
      });
    checklist
      .command('add')
      .argument('<text>', 'what to do')
      .option('--account <name>', 'the account it is for (required)', parseName('the account name'))
      .option('--due <YYYY-MM-DD>', 'when it is due (default: today)')
      .description('add a step of your own to an account')
      .action((text: string, opts: { account?: string; due?: string }) => {
        // `checklist --account` (the listing's filter) takes the option when it comes after `add` too
        const account = opts.account ?? checklist.opts<{ account?: string }>().account;
        setAction(async (io, g) => (await import('./checklist.js')).checklistAdd(text, { ...opts, ...(account ? { account } : {}) }, io, g));
      });
  }

  if (wants('drafts')) {
    const drafts = program
      .command('drafts')
      .description('the unfinished sessions (interrupted interviews), each with the command that continues it')
      .option('--json', 'print JSON')
      .action((opts: { json?: boolean }) => {
        setAction(async (io, g) => (await import('./drafts-command.js')).draftsList(opts, io, g));
      });
    drafts
      .command('discard')
      .argument('<mode>', 'prep, debrief or plan')
      .option('--account <name>', 'the account of the draft (none: the draft without an account)', parseName('the account name'))
      .description('delete an unfinished session for good')
      .action((mode: string, opts: { account?: string }) => {
        setAction(async (io, g) => (await import('./drafts-command.js')).draftsDiscard(mode, opts, io, g));
      });
  }

  if (wants('export')) {
    program
      .command('export')
      .description('open next steps as calendar events (Google, Outlook, Apple Calendar), or everything as CSV or JSON')
      .option('--ics <file>', 'write the open next steps as an .ics calendar')
      .option('--csv <dir>', 'write accounts, contacts, visits, checklist and class history as CSV files')
      .option('--json', 'print everything as JSON')
      .option('--force', 'overwrite files that already exist (they are replaced whole, never half-written)')
      .action((opts: { ics?: string; csv?: string; json?: boolean; force?: boolean }) => {
        setAction(async (io, g) => (await import('./transfer.js')).exportCommand(opts, io, g));
      });
  }

  if (wants('import')) {
    program
      .command('import')
      .description('accounts and contacts from a CRM export (Salesforce, HubSpot, Pipedrive, Zoho, Excel; CSV with a header row)')
      .option('--csv <file>', 'the CSV file (comma, semicolon or tab, found from the header row; UTF-8 unless --encoding)')
      .option('--dry-run', 'check the file and say what would change; write nothing')
      .option('--json', 'print the summary (or the bad rows) as JSON')
      .option('--map-role <word=value>', 'what a role word of your CRM means, e.g. "decision maker=first_kp" (repeatable; also map_role: in the config)', (v: string, prev: string[] = []) => [...prev, v])
      .option('--playbook <id|file>', 'the playbook whose roles and personas the file uses', 'abcd')
      .option('--encoding <name>', 'the file\'s text encoding, e.g. gb18030 or utf-16le (default: UTF-8, or UTF-16 by its byte-order mark)')
      .addHelpText(
        'after',
        `
  Columns are found by their header names, in English and Chinese: account ("Account Name", "Company",
  "Company Name", "Organization", 公司, 客户名称), the person ("Name", "Full Name", or "First Name" and
  "Last Name"; 姓名, or 姓 and 名), "Title"/"Job Title" (职位), "Phone"/"Phone Number"/"Mobile" (电话, 手机),
  "Email" (邮箱), "Role"/"Buying Role" (角色), "Reports To" (上级), "Persona". Every column that is not
  read is listed. A contact with the same name in the same account is updated, not added twice; an
  empty cell keeps what is stored.

  All or nothing: every bad row is reported as file:line:col, and then nothing is written (exit 2).

  Examples:
    $ sales-coach import --csv contacts.csv --dry-run
    $ sales-coach import --csv hubspot.csv --map-role "decision maker=first_kp" --map-role "influencer=third_kp"
    $ sales-coach import --csv 客户.csv --encoding gb18030 --json`,
      )
      .action((opts: { csv?: string; dryRun?: boolean; json?: boolean; mapRole?: string[]; playbook?: string; encoding?: string }) => {
        setAction(async (io, g) => (await import('./import.js')).importCommand(opts, io, g));
      });
  }

  if (wants('today')) {
    program
      .command('today')
      .description('the morning screen: visits planned today and tomorrow (with the prep to run), steps due and overdue, accounts past their window, notes from your manager, unfinished sessions')
      .option('--week', 'the seven days ahead instead of today and tomorrow')
      .option('--calendar <file.ics>', 'your calendar (an .ics export): its events are matched to accounts by name (or calendar: in the config)')
      .option('--json', 'print JSON')
      .option('--today <YYYY-MM-DD>', 'the day to show (default: today)', parseDay)
      .action((opts: import('./today.js').TodayOptions) => {
        setAction(async (io, g) => (await import('./today.js')).todayCommand(opts, io, g));
      });
  }

  if (wants()) {
    program
      .command('completion')
      .description('print the shell completion script for bash, zsh or fish (README: "Shell completion" says where to put it)')
      .argument('<shell>', 'bash, zsh or fish')
      .action((shell: string) => {
        setAction(async (io, g) => (await import('./completion.js')).completionCommand(shell, program, io, g));
      });
    program
      .command('__complete', { hidden: true })
      .argument('<what>', 'accounts, playbooks or classes')
      .action((what: string) => {
        setAction(async (io, g) => (await import('./completion.js')).completeValues(what, io, g));
      });
  }

  if (wants('demo')) {
    program
      .command('demo')
      .description('a complete example, with no set-up: what the tool does in one minute')
      .option('--json', 'print the result as JSON')
      .action((opts: { json?: boolean }) => {
        setAction(async (io, g) => (await import('./session.js')).sessionCommand('prep', { ...opts, demo: true }, io, g));
      });
  }

  return program;
}
