/**
 * The bundle's entry (bin/sales-coach.js loads it): the README's own command, `prep --account NAME`
 * (and `debrief`, and both without an account), starts its session without commander, whose module and the 36 commands' declarations
 * cost about a fifth of the wait for the first question on this machine (bench/first-question.mjs).
 * Every other command line, and every error, goes through the program in main.ts as before.
 *
 * What this shadows is pinned: tests/cli/entry.test.ts checks that commander gives the same options
 * for each command line taken here, and that every other shape is left to it.
 */
import { controlCharIn } from '../core/control.js';
import type { Mode } from '../engine/model.js';
import type { GlobalOptions, IO } from './io.js';

export { closeAllStores as closeAll } from './open-stores.js';

/** The session commands taken here: plan's interview is long anyway, and its first question is not at hand. */
const MODES = new Set<string>(['prep', 'debrief']);

/**
 * The session a command line starts, when it is exactly `prep|debrief`, `prep|debrief --account NAME`
 * or `--account=NAME`, with options as commander would give them; undefined for anything else: another
 * option, a name commander might read otherwise (empty, starting with "-") or refuse (a control
 * character: commander's parser says why).
 */
export function sessionShortcut(argv: readonly string[]): { mode: Mode; opts: Record<string, unknown>; global: GlobalOptions } | undefined {
  const [mode, flag, value, ...rest] = argv;
  if (!MODES.has(mode) || rest.length) return undefined;
  // commander's defaults: --no-input gives input: true, --no-color gives color: true
  if (flag === undefined) return { mode: mode as Mode, opts: { input: true }, global: { color: true } };
  let name: string | undefined;
  if (flag === '--account' && value !== undefined) name = value;
  else if (value === undefined && flag?.startsWith('--account=')) name = flag.slice('--account='.length);
  if (name === undefined || name === '' || name.startsWith('-') || controlCharIn(name)) return undefined;
  return { mode: mode as Mode, opts: { input: true, account: name }, global: { color: true } };
}

export async function main(argv: string[], io: IO): Promise<number> {
  const shortcut = sessionShortcut(argv);
  if (!shortcut) return (await import('./main.js')).main(argv, io);
  try {
    return await (await import('./session-start.js')).startSession(shortcut.mode, shortcut.opts, io, shortcut.global);
  } catch (err) {
    // said exactly as main.ts says a command's error
    return (await import('./main.js')).reportFailure(err, io, shortcut.global);
  }
}

/** bin/'s last resort, for an error thrown outside any command. */
export async function reportError(err: unknown, io: IO, global: GlobalOptions): Promise<number> {
  return (await import('./main.js')).reportError(err, io, global);
}
