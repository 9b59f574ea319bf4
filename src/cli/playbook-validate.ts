/** `playbook validate [FILE|DIR...]`: every problem of every file, like a compiler; exit 1 when invalid. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Diagnostic, hasErrors, sortDiagnostics } from '../core/diagnostic.js';
import { parsePlaybookFile } from '../playbook/load.js';
import { plural, summarize } from '../ui/counts.js';
import { sanitizeDeep } from '../ui/sanitize.js';
import { makeContext, printDiagnostics } from './context.js';
import { EXIT, said, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { loadPlaybookFile } from './playbook-files.js';
import { displayPath, peekId, scanFolder } from './registry.js';

export interface ValidateOptions {
  paths: string[];
  format: 'pretty' | 'json';
  strict?: boolean;
}

export async function validateCommand(opts: ValidateOptions, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const targets: string[] = [];
  if (opts.paths.length === 0) targets.push(...ctx.registry.list().map((e) => e.file));
  for (const p of opts.paths) {
    const full = resolve(io.cwd, p);
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(full);
    } catch {
      throw new UserError(said('noSuchPath', { path: p }), `no such file or folder: ${p}`);
    }
    if (st.isDirectory()) {
      const found = scanFolder(full, 'user').map((e) => e.file);
      if (found.length === 0) throw new UserError(said('noPlaybookIn', { path: p }), `no playbook in ${p}`, 'a playbook file is a .yaml file with id: at the top');
      targets.push(...found);
    } else targets.push(full);
  }

  const all: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const files: { file: string; id?: string; valid: boolean; errors: number; warnings: number }[] = [];
  for (const file of [...new Set(targets)]) {
    let diagnostics: Diagnostic[];
    let id: string | undefined;
    if (peekId(file) === undefined && !opts.paths.length) continue;
    if (/\.test\.ya?ml$/i.test(file)) {
      // a trainer's test file: checked against the playbook it tests
      const { validateTestFile } = await import('./playbook-test.js');
      const r = validateTestFile(ctx, file);
      for (const [f, t] of r.sources) sources.set(f, t);
      diagnostics = r.diagnostics;
      id = r.id;
    } else if (peekId(file) === undefined) {
      // no id at the top: maybe a fragment that another file includes; check its shape, and say so
      const { readPlaybookBytes } = await import('./playbook-files.js');
      const bytes = readPlaybookBytes(file);
      const r =
        bytes instanceof Uint8Array
          ? parsePlaybookFile(file, bytes)
          : { diagnostics: [bytes ?? { file, line: 0, col: 0, code: 'file-not-found' as const, severity: 'error' as const, message: `cannot read ${file}` }] };
      if ('text' in r && r.text !== undefined) sources.set(file, r.text);
      diagnostics = r.diagnostics;
      if ('parsed' in r && r.parsed && !hasErrors(diagnostics)) {
        diagnostics.push({ file, line: 1, col: 1, code: 'missing-field', severity: 'warning', message: 'no id: checked as a fragment (its shape only); validate the playbook that includes it for the full checks', hint: 'a playbook\'s main file starts with id:' });
      }
    } else {
      const r = loadPlaybookFile(ctx.registry, file);
      for (const [f, t] of r.sources) sources.set(f, t);
      diagnostics = r.diagnostics;
      id = r.playbook?.id;
    }
    const s = summarize(diagnostics);
    files.push({ file, id, valid: !hasErrors(diagnostics, opts.strict), ...s });
    all.push(...diagnostics);
  }
  const sorted = sortDiagnostics(dedupe(all));
  const invalid = files.some((f) => !f.valid);

  if (opts.format === 'json') {
    const payload = {
      valid: !invalid,
      files: files.map((f) => ({ ...f, file: displayPath(f.file, io.cwd) })),
      diagnostics: sorted.map((d) => ({ ...d, file: displayPath(d.file, io.cwd) })),
    };
    io.stdout.write(`${JSON.stringify(sanitizeDeep(payload), null, 2)}\n`);
    return invalid ? EXIT.findings : EXIT.ok;
  }
  await printDiagnostics(ctx, sorted, sources);
  const { errors, warnings } = summarize(sorted);
  const c = ctx.out;
  for (const f of files) {
    const mark = f.valid ? c.green('✓') : c.red('✗');
    const what = f.errors || f.warnings ? ` (${[f.errors ? plural(f.errors, 'error') : '', f.warnings ? plural(f.warnings, 'warning') : ''].filter(Boolean).join(', ')})` : '';
    io.stdout.write(`${mark} ${displayPath(f.file, io.cwd)}${f.id ? c.dim(` [${f.id}]`) : ''}${what}\n`);
  }
  io.stdout.write(`${plural(files.length, 'playbook')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${opts.strict && warnings ? ' (--strict: warnings count as errors)' : ''}\n`);
  return invalid ? EXIT.findings : EXIT.ok;
}

/** A file included by two validated playbooks would report its problems twice. */
function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}:${d.line}:${d.col}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
