/**
 * `playbook test [PATH...]`: runs each playbook's test cases (NAME.test.yaml beside it, and those of
 * the playbooks it extends, against the resolved playbook), in the manner of vitest. --coverage lists
 * what no case exercises; --explore walks the interview's paths; --update fills new cases' expectations.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { type Diagnostic, hasErrors } from '../core/diagnostic.js';
import { decodeSource, MAX_FILE_BYTES, parseYamlSource, type YamlSource } from '../core/yaml-source.js';
import { readFileBounded, writeFileAtomic } from './files.js';
import { exploreInterview } from '../engine/explore.js';
import { checkTestFile, type ParsedTestFile, parseTestFile } from '../playbook/test-file.js';
import { asserted, type CaseOutcome, coverageItems, exercised, expectationsFrom, runCase } from '../playbook/test-run.js';
import type { Playbook } from '../playbook/types.js';
import { sanitize, sanitizeDeep, shellCommand } from '../ui/sanitize.js';
import { type Context, makeContext, printDiagnostics } from './context.js';
import { EXIT, said, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { loadPlaybookFile } from './playbook-files.js';
import { displayPath, type PlaybookEntry, peekId } from './registry.js';

export interface TestOptions {
  paths: string[];
  json?: boolean;
  update?: boolean;
  coverage?: boolean;
  explore?: boolean;
  seed?: string;
}

const TEST_FILE = /\.test\.ya?ml$/i;

/** A test file's bytes, bounded while reading (a FIFO or /dev/zero named *.test.yaml must not hang). */
function readTestFile(file: string): Uint8Array {
  return readFileBounded(file, MAX_FILE_BYTES, 'the test file');
}

function peekTarget(file: string): string | undefined {
  try {
    const head = Buffer.from(readTestFile(file)).toString('utf8', 0, 4096);
    return /^playbook:[ \t]*["']?([A-Za-z][A-Za-z0-9_-]*)/m.exec(head)?.[1];
  } catch {
    return undefined;
  }
}

function listTestFiles(dir: string, depth = 0): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const full = join(dir, n);
    if (TEST_FILE.test(n)) return [full];
    if (depth < 2 && !n.startsWith('.') && n !== 'node_modules') {
      try {
        if (statSync(full).isDirectory()) return listTestFiles(full, depth + 1);
      } catch {
        return [];
      }
    }
    return [];
  });
}

/** The test files of one playbook entry: beside it (NAME.test.yaml, NAME/…), or any naming its id. */
function testFilesOf(entry: PlaybookEntry): string[] {
  const dir = dirname(entry.file);
  const base = basename(entry.file).replace(/\.ya?ml$/i, '');
  return listTestFiles(dir).filter((f) => {
    const target = peekTarget(f);
    if (target !== undefined) return target === entry.id;
    return basename(f).startsWith(`${base}.`) || f.startsWith(`${join(dir, base)}/`);
  });
}

interface Suite {
  entry: PlaybookEntry;
  playbook: Playbook;
  files: ParsedTestFile[];
  /** Inherited cases replaced by a case of the same name in the playbook's own test files. */
  overridden: { file: string; name: string; by: string }[];
}

/** `:line` of a case in its test file, for messages that point at it. */
function lineOf(f: ParsedTestFile, index: number): string {
  return `:${f.source.locate(['cases', index]).line}`;
}

export async function testCommand(opts: TestOptions, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const seed = opts.seed === undefined ? 1 : Number(opts.seed);
  if (!Number.isInteger(seed)) throw new UserError(said('seedNotInteger', { seed: String(opts.seed) }), `--seed ${opts.seed} is not a whole number`);
  const entries = selectEntries(ctx, opts.paths);
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const suites: Suite[] = [];
  for (const entry of entries) {
    const r = loadPlaybookFile(ctx.registry, entry.file);
    for (const [f, t] of r.sources) sources.set(f, t);
    if (!r.playbook || hasErrors(r.diagnostics)) {
      diagnostics.push(...r.diagnostics.filter((d) => d.severity === 'error'));
      continue;
    }
    const pb = r.playbook;
    // the playbook's own tests, and those of every playbook it is built on
    const owners = ctx.registry.entries.filter((e) => pb.files.includes(e.file));
    const own = new Set(testFilesOf(entry));
    const files = [...new Set([entry, ...owners].flatMap(testFilesOf))];
    const parsed: ParsedTestFile[] = [];
    for (const file of files) {
      const t = parseTestFile(file, readTestFile(file));
      if (t.text !== undefined) sources.set(file, t.text);
      diagnostics.push(...t.diagnostics);
      if (!t.parsed) continue;
      const d = checkTestFile(t.parsed, pb);
      diagnostics.push(...d);
      if (!hasErrors(d)) parsed.push(t.parsed);
    }
    // a case in the playbook's own test files replaces an inherited case of the same name
    const ownNames = new Map<string, { file: string; index: number; source: ParsedTestFile }>();
    for (const f of parsed) if (own.has(f.file)) for (const c of f.cases) ownNames.set(c.name, { file: f.file, index: c.index, source: f });
    const overridden: Suite['overridden'] = [];
    for (const f of parsed) {
      if (own.has(f.file)) continue;
      const kept = f.cases.filter((c) => {
        const by = ownNames.get(c.name);
        if (by) overridden.push({ file: f.file, name: c.name, by: `${displayPath(by.file, io.cwd)}${lineOf(by.source, by.index)}` });
        return !by;
      });
      f.cases = kept;
    }
    suites.push({ entry, playbook: pb, files: parsed, overridden });
  }
  if (hasErrors(diagnostics)) {
    await printDiagnostics(ctx, diagnostics, sources);
    io.stderr.write('the tests cannot run until the problems above are fixed\n');
    return EXIT.findings;
  }

  const clock = () => performance.now();
  const report: { file: string; playbook: string; cases: CaseOutcome[]; at: string[] }[] = [];
  const coverage: { playbook: string; total: number; uncovered: { kind: string; id: string; where: string }[]; unasserted: { kind: string; id: string; where: string }[] }[] = [];
  const explore: (ReturnType<typeof exploreInterview> & { playbook: string; ms: number })[] = [];
  let updated = 0;
  for (const s of suites) {
    const hits = new Set<string>();
    // exercised and named by an expectation of the same case: a case without expect: tests nothing
    const checked = new Set<string>();
    for (const f of s.files) {
      const outcomes = f.cases.map((c) => {
        const o = runCase(s.playbook, c, clock);
        if (o.result) {
          const says = asserted(s.playbook, c, o.result);
          for (const h of exercised(s.playbook, c, o.result)) {
            hits.add(h);
            if (says.has(h)) checked.add(h);
          }
        }
        return o;
      });
      report.push({ file: f.file, playbook: s.playbook.id, cases: outcomes, at: f.cases.map((c) => `${displayPath(f.file, io.cwd)}${lineOf(f, c.index)}`) });
      if (opts.update) updated += updateFile(f, outcomes);
    }
    if (opts.coverage) {
      const items = coverageItems(s.playbook);
      const shown = (i: (typeof items)[number]) => ({ kind: i.kind, id: i.id, where: where(s.playbook, i.item, i.path, io.cwd) });
      const uncovered = items.filter((i) => !hits.has(`${i.kind}:${i.id}`)).map(shown);
      const unasserted = items.filter((i) => hits.has(`${i.kind}:${i.id}`) && !checked.has(`${i.kind}:${i.id}`)).map(shown);
      coverage.push({ playbook: s.playbook.id, total: items.length, uncovered, unasserted });
    }
    if (opts.explore) {
      const t0 = clock();
      const r = exploreInterview(s.playbook, { seed });
      explore.push({ ...r, playbook: s.playbook.id, ms: clock() - t0 });
    }
  }

  const passed = report.reduce((n, f) => n + f.cases.filter((c) => c.passed).length, 0);
  const failed = report.reduce((n, f) => n + f.cases.filter((c) => !c.passed).length, 0);
  const gaps = coverage.reduce((n, c) => n + c.uncovered.length, 0);
  const findings = explore.reduce((n, e) => n + e.unclassified.length + e.deadEnds.length + e.crashes.length + e.neverAsked.length + e.conflicts.length, 0);
  const code = failed > 0 || gaps > 0 || findings > 0 ? EXIT.findings : EXIT.ok;

  if (opts.json) {
    const payload = {
      passed,
      failed,
      files: report.map((f) => ({ file: displayPath(f.file, io.cwd), playbook: f.playbook, cases: f.cases.map(({ result: _r, ...c }, i) => ({ ...c, at: f.at[i] })) })),
      overridden: suites.flatMap((x) => x.overridden.map((o) => ({ ...o, file: displayPath(o.file, io.cwd) }))),
      ...(opts.coverage ? { coverage } : {}),
      ...(opts.explore ? { explore } : {}),
    };
    io.stdout.write(`${JSON.stringify(sanitizeDeep(payload), null, 2)}\n`);
    return code;
  }
  const c = ctx.out;
  for (const f of report) {
    const name = displayPath(f.file, io.cwd);
    f.cases.forEach((o, i) => {
      const mark = o.passed ? c.green('✓') : c.red('✗');
      io.stdout.write(` ${mark} ${c.dim(`${name} >`)} ${sanitize(o.name)} ${c.dim(`${o.ms.toFixed(1)}ms`)}\n`);
      if (!o.passed) io.stdout.write(c.dim(`     at ${f.at[i]}\n`));
      if (o.error) io.stdout.write(c.red(`     crashed: ${sanitize(o.error)}\n`));
      for (const m of o.mismatches) {
        io.stdout.write(`     ${c.bold(m.what)}\n`);
        io.stdout.write(c.green(`       - expected: ${sanitize(m.expected)}\n`));
        io.stdout.write(c.red(`       + actual:   ${sanitize(m.actual)}\n`));
      }
    });
  }
  for (const x of suites) {
    for (const o of x.overridden) io.stdout.write(` ${c.yellow('↷')} ${c.dim(`${displayPath(o.file, io.cwd)} >`)} ${sanitize(o.name)} ${c.dim(`overridden by ${o.by}`)}\n`);
  }
  for (const x of suites) {
    if (x.files.some((f) => f.cases.length > 0)) continue;
    const beside = join(dirname(x.entry.file), `${basename(x.entry.file).replace(/\.ya?ml$/i, '')}.test.yaml`);
    io.stdout.write(`\n${c.yellow(`no test cases for ${x.playbook.id}`)}: write the first one in ${displayPath(beside, io.cwd)}:\n`);
    io.stdout.write(`${FIRST_CASE_HINT.replace('QUESTION', x.playbook.questions[0]?.id ?? 'QUESTION_ID')}\n`);
    // the command names this playbook: without it, `playbook test --update` would test every playbook
    const target = x.entry.origin === 'built-in' ? x.playbook.id : displayPath(x.entry.file, io.cwd);
    io.stdout.write(`then run  ${shellCommand(['sales-coach', 'playbook', 'test', '--update', target])}  to fill in what the playbook does now, and review it\n`);
  }
  for (const cov of coverage) {
    const done = cov.total - cov.uncovered.length;
    io.stdout.write(`\n${c.bold(`Coverage of ${cov.playbook}`)}: ${done}/${cov.total} (${((done / Math.max(1, cov.total)) * 100).toFixed(0)}%)\n`);
    for (const u of cov.uncovered) io.stdout.write(`  ${u.where}  ${c.yellow(`${u.kind} ${u.id}`)} is exercised by no case\n`);
    // counted above as exercised, but a case that runs an item without naming it in expect: checks nothing of it
    if (cov.unasserted.length) {
      io.stdout.write(`  ${cov.unasserted.length} of the exercised ${cov.unasserted.length === 1 ? 'is' : 'are'} asserted by no case (no expect: names ${cov.unasserted.length === 1 ? 'it' : 'them'}):\n`);
      for (const u of cov.unasserted) io.stdout.write(`  ${u.where}  ${c.dim(`${u.kind} ${u.id}`)} is exercised, never asserted\n`);
    }
  }
  for (const e of explore) {
    io.stdout.write(`\n${c.bold(`Explore ${e.playbook}`)}: ${e.paths} paths, ${e.exhaustive ? 'all of them' : `a seeded sample (seed ${e.seed}; --seed N for another)`}, ${(e.ms / 1000).toFixed(1)} s\n`);
    const show = (label: string, list: { mode: string; answers: object; detail?: string }[]) => {
      io.stdout.write(`  ${label}: ${list.length === 0 ? c.green('none') : c.red(String(list.length))}\n`);
      for (const x of list) io.stdout.write(`    ${x.mode}${x.detail ? ` (${sanitize(x.detail)})` : ''}: ${sanitize(JSON.stringify(x.answers))}\n`);
    };
    show('unclassified', e.unclassified);
    show('dead ends', e.deadEnds);
    show('crashes', e.crashes);
    io.stdout.write(`  never asked: ${e.neverAsked.length === 0 ? c.green('none') : c.red(e.neverAsked.join(', '))}\n`);
    show('contradictions left on one screen (conflicts: with no excludes)', e.conflicts);
    // what precedence did, for the trainer to check it is what they meant: informational, never a failure
    io.stdout.write(`  left out by precedence: ${e.resolved.length === 0 ? 'none' : `${e.resolved.length} pair${e.resolved.length === 1 ? '' : 's'}`}\n`);
    for (const x of e.resolved) io.stdout.write(`    ${sanitize(x.pair[0])} excludes ${sanitize(x.pair[1])} (first seen in a ${x.mode}; --json gives the answers)\n`);
  }
  if (updated) io.stderr.write(`filled the expectations of ${updated} new case(s) from the actual results: review them\n`);
  io.stdout.write(`\n Test files  ${report.length}\n`);
  io.stdout.write(`${passed} passed, ${failed} failed\n`);
  return code;
}

const FIRST_CASE_HINT = `  cases:
    - name: "what this case checks, in a sentence"
      mode: debrief
      answers: { QUESTION: … }
      # expect: left out: --update fills it from the actual result`;

/** The playbook a test file tests: the one it names, else the one beside it (NAME.test.yaml -> NAME.yaml). */
function playbookForTestFile(ctx: Context, file: string): PlaybookEntry | undefined {
  const target = peekTarget(file);
  if (target) return ctx.registry.find(target);
  const sibling = file.replace(/\.test\.ya?ml$/i, '.yaml');
  const id = existsSync(sibling) ? peekId(sibling) : undefined;
  if (id) return ctx.registry.entries.find((e) => e.file === sibling) ?? { id, file: sibling, origin: 'user' };
  return ctx.registry.entries.find((e) => testFilesOf(e).includes(file));
}

/** For `playbook validate FILE.test.yaml`: the test file checked against the playbook it tests. */
export function validateTestFile(ctx: Context, file: string): { id?: string; diagnostics: Diagnostic[]; sources: Map<string, string> } {
  const sources = new Map<string, string>();
  const target = peekTarget(file);
  const entry = playbookForTestFile(ctx, file);
  const t = parseTestFile(file, readTestFile(file));
  if (t.text !== undefined) sources.set(file, t.text);
  const diagnostics = [...t.diagnostics];
  if (!entry) {
    diagnostics.push({ file, line: 1, col: 1, code: 'unknown-reference', severity: 'error', message: `no playbook ${target ? `"${target}"` : 'beside this test file'} to check it against`, hint: 'add `playbook: ID` at the top, or put it beside the playbook as NAME.test.yaml' });
    return { diagnostics, sources };
  }
  const r = loadPlaybookFile(ctx.registry, entry.file);
  if (r.playbook && t.parsed) diagnostics.push(...checkTestFile(t.parsed, r.playbook));
  return { id: entry.id, diagnostics, sources };
}

function selectEntries(ctx: Context, paths: string[]): PlaybookEntry[] {
  if (paths.length === 0) return ctx.registry.list();
  const out: PlaybookEntry[] = [];
  for (const p of paths) {
    const full = resolve(ctx.io.cwd, p);
    let isDir = false;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      const byId = ctx.registry.find(p);
      if (byId) {
        out.push(byId);
        continue;
      }
      throw new UserError(said('noSuchTestTarget', { path: p }), `no such file, folder or playbook id: ${p}`);
    }
    if (isDir) {
      out.push(...ctx.registry.entries.filter((e) => e.file.startsWith(`${full}/`)));
      const known = new Set(out.map((e) => e.file));
      for (const f of readdirSync(full)) {
        const file = join(full, f);
        const id = /\.ya?ml$/.test(f) && !TEST_FILE.test(f) ? peekId(file) : undefined;
        if (id && !known.has(file)) out.push({ id, file, origin: 'user' });
      }
    } else if (TEST_FILE.test(full)) {
      const entry = playbookForTestFile(ctx, full);
      if (!entry) throw new UserError(said('whichPlaybookTested', { path: p }), `which playbook does ${p} test?`, 'add `playbook: ID` at its top, or put it beside the playbook as NAME.test.yaml');
      out.push(entry);
    } else {
      const id = peekId(full);
      if (!id) throw new UserError(said('notAPlaybook', { path: p }), `${p} is not a playbook (no id: at its top)`);
      out.push(ctx.registry.entries.find((e) => e.file === full) ?? { id, file: full, origin: 'user' });
    }
  }
  return [...new Map(out.map((e) => [e.file, e])).values()];
}

function where(pb: Playbook, item: object, path: (string | number)[], cwd: string): string {
  const origin = pb.origins.get(item);
  if (!origin) return pb.id;
  return displayPath(origin.file, cwd) + locate(origin.file, [...origin.path, ...path]);
}

const located = new Map<string, YamlSource | undefined>();
function locate(file: string, path: (string | number)[]): string {
  if (!located.has(file)) {
    const d = decodeSource(file, readTestFile(file));
    located.set(file, d.text === undefined ? undefined : parseYamlSource(file, d.text).source);
  }
  const src = located.get(file);
  if (!src) return '';
  const p = src.locate(path);
  return `:${p.line}:${p.col}`;
}

/**
 * --update: new cases (no expect:) get expectations from the actual result. The file is edited, not
 * rewritten: each new expect: block is inserted after its case, so the trainer's own layout of every
 * other line (flow or block style, quotes, comments, blank lines) stays exactly as it was.
 */
function updateFile(f: ParsedTestFile, outcomes: CaseOutcome[]): number {
  const { parseDocument, Document, isMap } = requireYaml();
  const doc = parseDocument(f.text);
  const inserts: { at: number; text: string }[] = [];
  f.cases.forEach((c, i) => {
    const r = outcomes[i].result;
    if (c.expect || !r) return;
    const node = doc.getIn(['cases', c.index], true);
    if (!isMap(node) || !node.range) return;
    const expectYaml = new Document({ expect: expectationsFrom(r) }).toString({ lineWidth: 0 });
    if (node.flow) {
      // a one-line case: add the expectation inside its braces, in flow style
      const flow = new Document(expectationsFrom(r));
      (flow.contents as { flow?: boolean }).flow = true;
      const close = f.text.lastIndexOf('}', node.range[1]);
      const inner = f.text.slice(node.range[0] + 1, close).trimEnd();
      inserts.push({ at: node.range[0] + 1 + inner.length, text: `, expect: ${flow.toString({ lineWidth: 0 }).trim()}` });
      return;
    }
    // a block case: indent like its keys, and insert after its last value
    const firstKey = node.items[0]?.key as { range?: [number, number, number] } | undefined;
    const lineStart = f.text.lastIndexOf('\n', (firstKey?.range?.[0] ?? node.range[0]) - 1) + 1;
    const indent = ' '.repeat((firstKey?.range?.[0] ?? node.range[0]) - lineStart);
    const at = node.range[1];
    const block = expectYaml.trimEnd().split('\n').map((l) => `${indent}${l}`).join('\n');
    inserts.push({ at, text: f.text[at - 1] === '\n' ? `${block}\n` : `\n${block}` });
  });
  if (inserts.length === 0) return 0;
  let text = f.text;
  for (const x of inserts.sort((a, b) => b.at - a.at)) text = text.slice(0, x.at) + x.text + text.slice(x.at);
  writeFileAtomic(f.file, text, { force: true }); // the trainer's file: replaced whole or not at all
  return inserts.length;
}

// the yaml library keeps comments when it rewrites a file; loaded only for --update
const requireYaml = () => createRequire(import.meta.url)('yaml') as typeof import('yaml');
