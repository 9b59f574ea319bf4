/**
 * `playbook strings export FILE --format po|xliff` and `playbook strings import FILE TRANSLATIONS`:
 * a playbook's texts out to the files translation tools read, and the translations back into the
 * playbook's YAML in place, with a report of what is missing or stale.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { hasErrors } from '../core/diagnostic.js';
import { LOCALES, type Locale } from '../engine/model.js';
import { loadPlaybook, type LoadResult, type PlaybookHost } from '../playbook/load.js';
import { applyWrites, collectUnits, type ImportPlan, ownFiles, planImport, type SourceFile, type StringsFormat, type StringUnit } from '../playbook/strings.js';
import { readTranslations, writeTranslations } from '../playbook/strings-format.js';
import { forTerminal, sanitize } from '../ui/sanitize.js';
import { type Context, makeContext, printDiagnostics, resolvePlaybookTarget } from './context.js';
import { pickLocale } from './config.js';
import { EXIT, said, sayDone, UserError } from './errors.js';
import { readFileBounded, writeFileAtomic } from './files.js';
import type { GlobalOptions, IO } from './io.js';
import { readPlaybookBytes } from './playbook-files.js';
import { displayPath, type PlaybookRegistry } from './registry.js';

export interface ExportOptions {
  file: string;
  format: StringsFormat;
  /** The target locale, e.g. zh-CN (default: the playbook's first locale other than en). */
  lang?: string;
  /** zh-TW only: pre-fill the targets with no zh-TW text from their zh-CN text, converted. */
  from?: string;
  out?: string;
  /** --out may replace a file that exists. */
  force?: boolean;
}

export interface ImportOptions {
  file: string;
  translations: string;
  dryRun?: boolean;
}

/** The playbook loaded from disk, or from edited texts (to validate an import before writing it). */
function load(registry: PlaybookRegistry, entry: string, edited?: Map<string, string>): LoadResult {
  const host: PlaybookHost = {
    read: (path) => (edited?.has(path) ? new TextEncoder().encode(edited.get(path)) : readPlaybookBytes(path)),
    realpath: (path) => {
      try {
        return realpathSync(path);
      } catch {
        return path;
      }
    },
    findById: (id, fromFile) => {
      const self = registry.entries.find((e) => e.file === fromFile);
      return registry.find(id, self?.id === id ? self.file : undefined)?.file;
    },
  };
  return loadPlaybook(entry, host);
}

async function loadValid(ctx: Context, target: string) {
  const entry = resolve(resolvePlaybookTarget(ctx, target));
  const r = load(ctx.registry, entry);
  if (!r.playbook || hasErrors(r.diagnostics)) {
    await printDiagnostics(ctx, r.diagnostics, r.sources);
    throw new UserError(said('playbookInvalid', { target, command: `sales-coach playbook validate ${target}` }), `the playbook ${target} is invalid; fix it first`, `sales-coach playbook validate ${target}`, EXIT.findings);
  }
  const files = ownFiles(entry, (f) => r.sources.get(f));
  return { entry, playbook: r.playbook, files };
}

function targetLocale(value: string | undefined, fallback: Locale | undefined): Locale {
  const v = value ?? fallback;
  if (!v) throw new UserError(said('whichLanguage', {}), 'which language to translate into?', 'add --lang zh-CN or --lang zh-TW');
  const locale = LOCALES.find((l) => l.toLowerCase() === v.toLowerCase());
  if (!locale || locale === 'en') throw new UserError(said('cannotTranslateInto', { value: v, locales: LOCALES.filter((l) => l !== 'en') }), `cannot translate into "${v}": the texts are translated from English into ${LOCALES.filter((l) => l !== 'en').join(' or ')}`);
  return locale;
}

export async function exportCommand(opts: ExportOptions, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const { playbook, files } = await loadValid(ctx, opts.file);
  const locale = targetLocale(opts.lang ?? g.lang, playbook.locales.find((l) => l !== 'en'));
  const units = collectUnits(playbook, files, locale);
  if (opts.from !== undefined) {
    if (locale !== 'zh-TW' || opts.from.toLowerCase() !== 'zh-cn') throw new UserError(said('fromOnlyZhTW', { from: opts.from, locale }), `--from ${opts.from} with --lang ${locale}: only zh-TW can start from zh-CN`, 'use --lang zh-TW --from zh-CN');
    const n = await prefillTraditional(units, files);
    io.stderr.write(`${await sayDone(readerLocale(ctx), said('prefilled', { count: n }), `pre-filled ${n} zh-TW text(s) from zh-CN (marked for review)`)}\n`);
  }
  const text = await writeTranslations(opts.format, units, { playbookId: playbook.id, locale, display: (f) => displayPath(f, io.cwd) });
  if (opts.out) {
    const out = resolve(io.cwd, opts.out);
    // a translator's file of the same name may hold work not yet imported: replaced only with --force
    writeFileAtomic(out, text, { force: opts.force === true, shown: opts.out });
    const done = units.filter((u) => u.target && !u.fuzzy).length;
    io.stderr.write(`${await sayDone(readerLocale(ctx), said('wroteTexts', { count: units.length, file: opts.out, done, locale }), `wrote ${units.length} text(s) to ${opts.out} (${done} already in ${locale}, ${units.length - done} to translate)`)}\n`);
  } else io.stdout.write(forTerminal(io.stdout, text)); // exact to a pipe, as the translator's file needs
  return EXIT.ok;
}

/** The built-in playbook's conversion (scripts/zh-tw.mjs): OpenCC cn -> twp, then the reviewed overrides. */
async function prefillTraditional(units: StringUnit[], files: readonly SourceFile[]): Promise<number> {
  const OpenCC = await import('opencc-js');
  const { overrides } = (await import('../../scripts/zh-TW-overrides.json', { with: { type: 'json' } })).default as { overrides: { from: string; to: string }[] };
  const toTW = OpenCC.Converter({ from: 'cn', to: 'twp' });
  const convert = (s: string) => overrides.reduce((out, o) => out.split(o.from).join(o.to), toTW(s));
  const byFile = new Map(files.map((f) => [f.file, f]));
  let n = 0;
  for (const u of units) {
    if (u.target) continue;
    const node = byFile.get(u.file)?.doc.getIn([...u.yamlPath, 'zh-CN']);
    if (typeof node !== 'string') continue;
    u.target = convert(node);
    u.fuzzy = true;
    n++;
  }
  return n;
}

export async function importCommand(opts: ImportOptions, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const { entry, playbook, files } = await loadValid(ctx, opts.file);
  const tPath = resolve(io.cwd, opts.translations);
  let tText: string;
  try {
    tText = new TextDecoder().decode(readFileBounded(tPath, 64 * 1024 * 1024, 'the translation file'));
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(said('translationsUnreadable', { file: opts.translations }), `cannot read ${opts.translations}: no such file, or not readable`);
  }
  const shown = displayPath(tPath, io.cwd);
  const read = await readTranslations(shown, tText);
  for (const p of read.problems) io.stderr.write(`${sanitize(`${p.file}:${p.line}:${p.col}: error: ${p.message}`)}\n`);
  if (!read.translations || read.problems.length) return EXIT.usage;
  if (!read.translations.locale) {
    io.stderr.write(`${shown}:1:1: error: the file names no target language (PO: a "Language:" header; XLIFF: target-language or trgLang)\n`);
    return EXIT.usage;
  }
  let locale: Locale;
  try {
    locale = targetLocale(read.translations.locale, undefined);
  } catch (err) {
    io.stderr.write(`${shown}:1:1: error: ${(err as Error).message}\n`);
    return EXIT.usage;
  }
  const units = collectUnits(playbook, files, locale);
  const plan = planImport(units, read.translations.units);

  // the edited files are validated as a playbook before any is written: all or nothing
  const edited = new Map<string, string>();
  for (const f of files) {
    const writes = plan.writes.filter((w) => w.unit.file === f.file);
    if (writes.length) edited.set(f.file, applyWrites(f, writes, locale));
  }
  if (edited.size) {
    const check = load(ctx.registry, entry, edited);
    if (!check.playbook || hasErrors(check.diagnostics)) {
      await printDiagnostics(ctx, check.diagnostics.filter((d) => d.severity === 'error'), check.sources);
      throw new UserError(said('translatedInvalid', {}), 'the translated playbook would be invalid; nothing was written', 'this is a bug in sales-coach: please report it', EXIT.internal);
    }
    if (!opts.dryRun) for (const [file, text] of edited) writeFileAtomic(file, text, { force: true, shown: displayPath(file, io.cwd) });
  }
  report(io, plan, locale, shown, opts.dryRun === true);
  return plan.missing.length || plan.stale.length || plan.broken.length ? EXIT.findings : EXIT.ok;
}

function report(io: IO, plan: ImportPlan, locale: Locale, shown: string, dryRun: boolean): void {
  const w = (s: string) => io.stdout.write(`${sanitize(s)}\n`);
  for (const s of plan.stale) w(`${shown}:${s.translated.line}:${s.translated.col}: stale: ${s.translated.id}: ${s.reason}; not written`);
  for (const b of plan.broken) w(`${shown}:${b.translated.line}:${b.translated.col}: error: ${b.translated.id}: ${b.reason}; not written`);
  for (const m of plan.missing) w(`missing: ${m.id} (${displayPath(m.file, io.cwd)}:${m.line}): no ${locale} translation`);
  const verb = dryRun ? 'would write' : 'wrote';
  w(`${verb} ${plan.writes.length} ${locale} text(s), ${plan.unchanged.length} unchanged, ${plan.missing.length} missing, ${plan.stale.length} stale${plan.broken.length ? `, ${plan.broken.length} with wrong placeholders` : ''}`);
}

/** The language the trainer reads (the environment's or the config's): here --lang names the language translated into, not theirs. */
function readerLocale(ctx: Context): Locale {
  return pickLocale(undefined, ctx.io.env, ctx.config);
}
