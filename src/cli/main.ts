/**
 * The program: declares commands and options, tidies them, and lazily imports the one command that
 * runs, so `--help` and `--version` stay fast. Returns an exit code; only bin/ calls process.exit.
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT, Interrupted, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';

import { VERSION } from './version.js';

type Action = (io: IO, global: GlobalOptions) => Promise<number>;

export async function main(argv: string[], io: IO): Promise<number> {
  let action: Action | undefined;
  const program = buildProgram(io, (a) => {
    action = a;
  });
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
    return reportError(err, io, global);
  }
}

export function reportError(err: unknown, io: IO, global: GlobalOptions): number {
  if (err instanceof Error && err.name === 'StoreError') {
    const e = err as Error & { hint?: string };
    io.stderr.write(`sales-coach: ${e.message}\n`);
    if (e.hint) io.stderr.write(`  hint: ${e.hint}\n`);
    return EXIT.usage;
  }
  if (err instanceof UserError) {
    io.stderr.write(`sales-coach: ${err.message}\n`);
    if (err.hint) io.stderr.write(`  hint: ${err.hint}\n`);
    if (global.debug && err.stack) io.stderr.write(`${err.stack}\n`);
    return err.exitCode;
  }
  if (err instanceof Interrupted) {
    if (err.note) io.stderr.write(`\n${err.note}\n`);
    return EXIT.interrupted;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  io.stderr.write(`sales-coach: internal error: ${e.message}\n`);
  io.stderr.write(global.debug ? `${e.stack}\n` : 'Run again with --debug for details.\n');
  io.stderr.write('This is a bug in sales-coach: please report it with the command you ran.\n');
  return EXIT.internal;
}

function buildProgram(io: IO, setAction: (a: Action) => void): Command {
  const program = new Command('sales-coach');
  program
    .description('A coach for B2B sales reps (prep before a visit, debrief after it) and for the trainers who write its playbooks.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--lang <locale>', 'language: en, zh-CN or zh-TW (default: from LANG, SALES_COACH_LANG or the config)')
    .option('--playbooks <dir>', 'a folder of user playbooks (or SALES_COACH_PLAYBOOKS, or the config)')
    .option('--config <file>', 'the config file (or SALES_COACH_CONFIG; default $XDG_CONFIG_HOME/sales-coach/config.yaml)')
    .option('--db <file>', 'the database (or SALES_COACH_DB; default $XDG_DATA_HOME/sales-coach/coach.db)')
    .option('--no-color', 'no colour (also NO_COLOR, or when output is not a terminal)')
    .option('--debug', 'show stack traces for errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
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
    .description('print the JSON Schema of the playbook format (for editors)')
    .option('--out <file>', 'write it to a file instead')
    .action((opts: { out?: string }) => {
      setAction(async (io, g) => (await import('./playbook-schema.js')).schemaCommand(opts, io, g));
    });

  playbook
    .command('init')
    .description('write a starter playbook that teaches the format, with editor autocompletion')
    .argument('[file]', 'where to write it', 'my-playbook.yaml')
    .option('--force', 'overwrite an existing file')
    .action((file: string, opts: { force?: boolean }) => {
      setAction(async (io, g) => (await import('./playbook-init.js')).initCommand({ file, ...opts }, io, g));
    });

  for (const mode of ['prep', 'debrief'] as const) {
    program
      .command(mode)
      .description(mode === 'prep' ? 'prepare a customer visit: a short interview, then class, persona advice, checklist and a recap to send' : 'debrief right after a visit: what happened, the class and why, flags and next steps')
      .option('--account <name>', 'the account (customer company)')
      .option('--persona <id>', 'the persona of the person you meet, e.g. koala')
      .option('--playbook <id-or-file>', 'the playbook to use', 'abcd')
      .option('--date <YYYY-MM-DD>', 'the visit date (default: today for debrief, tomorrow for prep)')
      .option('--answers <file>', 'take the answers from a YAML or JSON file (or - for stdin) instead of asking')
      .option('--no-input', 'never ask: fail on missing answers instead')
      .option('--resume', 'continue the interrupted interview (draft)')
      .option('--json', 'print the result as JSON')
      .option('--out <file.md>', 'also write the result as Markdown')
      .option('--dry-run', 'show the result without saving it to the account')
      .option('--review', 'ask again the facts carried over from the last visit (contact, role, needs…)')
      .option('--demo', 'run a complete example with built-in answers')
      .action((opts: Record<string, unknown>) => {
        setAction(async (io, g) => (await import('./session.js')).sessionCommand(mode, opts, io, g));
      });
  }

  program
    .command('demo')
    .description('a complete example, with no set-up: what the tool does in one minute')
    .option('--json', 'print the result as JSON')
    .action((opts: { json?: boolean }) => {
      setAction(async (io, g) => (await import('./session.js')).sessionCommand('prep', { ...opts, demo: true }, io, g));
    });

  return program;
}
