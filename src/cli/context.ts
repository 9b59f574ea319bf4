/** What most commands need first: config, language, colour, and the playbook registry. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../core/diagnostic.js';
import type { DiagnosticLabels } from '../ui/diagnostics.js';
import { makeChalk } from '../ui/style.js';
import { type Config, loadConfig, pickLocale } from './config.js';
import { said, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { displayPath, PlaybookRegistry } from './registry.js';

export interface Context {
  io: IO;
  config: Config;
  registry: PlaybookRegistry;
  out: ChalkInstance;
  err: ChalkInstance;
}

export function makeContext(io: IO, g: GlobalOptions): Context {
  const config = loadConfig(io.env, g.config, g.lang);
  const userDir = g.playbooks ?? io.env.SALES_COACH_PLAYBOOKS ?? config.playbooks;
  if (userDir && !(existsSync(userDir) && statSync(userDir).isDirectory())) {
    throw new UserError(said('userPlaybookFolderMissing', { dir: userDir }), `the user playbook folder ${userDir} does not exist`, 'check --playbooks, SALES_COACH_PLAYBOOKS or the config file');
  }
  // the playbook folders are scanned when a command first asks for a playbook: a review (accounts,
  // team review) reads none, and the scan reads every file of the built-in's folder (about 130 KB)
  let registry: PlaybookRegistry | undefined;
  return {
    io,
    config,
    get registry() {
      registry ??= new PlaybookRegistry(userDir ? resolve(io.cwd, userDir) : undefined);
      return registry;
    },
    out: makeChalk(io.stdout, io.env, g.color === false),
    err: makeChalk(io.stderr, io.env, g.color === false),
  };
}

export function localeOf(ctx: Context, g: GlobalOptions) {
  return pickLocale(g.lang, ctx.io.env, ctx.config);
}

/** A playbook named by id (built-in or user) or by a path to its file. */
export function resolvePlaybookTarget(ctx: Context, target: string): string {
  const byId = ctx.registry.find(target);
  if (byId) return byId.file;
  const path = resolve(ctx.io.cwd, target);
  if (existsSync(path) && statSync(path).isFile()) return path;
  const ids = ctx.registry.list().map((e) => e.id);
  throw new UserError(said('noPlaybook', { target, ids }), `no playbook "${target}": not an id, and no such file`, `the playbooks are: ${ids.join(', ')} (sales-coach playbook list)`);
}

export async function printDiagnostics(ctx: Context, diagnostics: Diagnostic[], sources: Map<string, string>, stream = ctx.io.stderr, c = ctx.err, labels?: DiagnosticLabels): Promise<void> {
  // the formatter measures display width: loaded only when there is something to print
  if (diagnostics.length === 0) return;
  const { formatDiagnostic } = await import('../ui/diagnostics.js');
  for (const d of diagnostics) {
    const shown = { ...d, file: displayPath(d.file, ctx.io.cwd) };
    stream.write(`${formatDiagnostic(shown, sources.get(d.file), c, labels)}\n\n`);
  }
}
