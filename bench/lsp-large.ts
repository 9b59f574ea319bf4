/**
 * Issue 22: every language-server request is linear in the document, and a 4 MB playbook answers
 * hover, definition and completion within 100 ms after it is parsed. A generated playbook of about
 * 4 MB (and one of 1 MB, to see that the cost grows with the size and no faster) is parsed once, then
 * each request is timed on a fresh analysis: nothing is built after a parse any more (the index of
 * every id took 1.6 s and the first request waited for it); a request walks the playbook once and
 * places only the symbol under its cursor (the node there from the parse's events). The first parse records every node's position as it reads
 * (PlaybookHost.allPositions): its cost is printed beside a parse without it.
 * Prints the figures (worst of several different requests); the target is 100 ms each.
 *   npx tsx bench/lsp-large.ts
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { completionsAt, hoverFor, symbolAt, Workspace } from '../src/lsp/workspace.js';
import { loadPlaybook } from '../src/playbook/load.js';
import { generatePlaybook } from './lib.mjs';

const dir = mkdtempSync(join(tmpdir(), 'sc-bench-lsp-large-'));
const ms = (t: number) => `${t.toFixed(1)} ms`;

/** A generated playbook of at least `bytes`. */
function sized(bytes: number): { n: number; text: string } {
  let n = 1000;
  for (;;) {
    const text = (generatePlaybook as (n: number) => string)(n);
    if (text.length >= bytes) return { n, text };
    n = Math.ceil(n * (bytes / text.length) * 1.02);
  }
}

function run(bytes: number): Map<string, number> {
  const { n, text } = sized(bytes);
  const file = join(dir, `gen-${n}.yaml`);
  writeFileSync(file, text);
  const lines = text.split('\n');
  /** 1-based line and column of the `k`th character of `needle` on the first line holding it. */
  const at = (needle: string, k = 1, whole = false): [number, number] => {
    const i = whole ? lines.indexOf(needle) : lines.findIndex((l) => l.includes(needle));
    if (i < 0) throw new Error(`no line holds ${needle}`);
    return [i + 1, lines[i].indexOf(needle) + k];
  };
  // wall time is what the trainer waits; CPU time (this process, every thread) is what a machine
  // shared with other work changes least
  const walls = new Map<string, number[]>();
  const cpus = new Map<string, number[]>();
  const time = <T>(what: string, f: () => T): T => {
    const c = process.cpuUsage();
    const t = performance.now();
    const r = f();
    const took = performance.now() - t;
    const cpu = process.cpuUsage(c);
    walls.set(what, [...(walls.get(what) ?? []), took]);
    cpus.set(what, [...(cpus.get(what) ?? []), (cpu.user + cpu.system) / 1000]);
    return r;
  };
  // the cost of recording positions during the parse: the loader alone, with and without
  const bytesOf = new TextEncoder().encode(text);
  for (const allPositions of [false, true]) {
    for (let i = 0; i < 3; i++) time(allPositions ? 'parse and check, positions recorded' : 'parse and check, without', () => loadPlaybook(file, { read: () => bytesOf, findById: () => undefined, allPositions }));
  }
  const ws = new Workspace(() => undefined);
  ws.setDocument(file, text);
  const targets = [0.1, 0.3, 0.5, 0.7, 0.9].map((f) => Math.max(2, Math.floor(n * f)));
  for (const q of targets) {
    // each request on an analysis just made, as after an edit: nothing is ready but the parse
    const fresh = () => ws.analyse(file);
    const [useLine, useCol] = at(`question: q${q},`, 12);
    const [defLine, defCol] = at(`  - id: q${q}`, 9, true);
    const a = time('analysis again (the file\'s parse cached, the checks run)', fresh);
    if (a.result.diagnostics.length > 0) throw new Error(`the generated playbook has ${a.result.diagnostics.length} diagnostics`);
    time('hover on a question id (first request after the parse)', () => {
      const s = symbolAt(a, file, useLine, useCol);
      if (s?.id !== `q${q}` || s.definition?.line !== defLine) throw new Error(`hover at ${useLine}:${useCol} found ${s?.kind} ${s?.id} at ${s?.definition?.line}`);
      return hoverFor(s, (f) => f);
    });
    const b = fresh();
    time('definition of a question id', () => {
      const d = symbolAt(b, file, useLine, useCol)?.definition;
      if (d?.line !== defLine || d.col !== defCol) throw new Error(`definition at ${useLine}:${useCol} is ${d?.line}:${d?.col}, not ${defLine}:${defCol}`);
      return d;
    });
    time('hover again at the same place', () => hoverFor(symbolAt(b, file, useLine, useCol) as never, (f) => f));
    const c = fresh();
    time('completion of a question id', () => completionsAt(c, '    when: { question: '));
    // an option value that every question has: one place per use of it in the whole file
    const [optLine, optCol] = at(`{ question: q${q - 1}, equals: a }`, `{ question: q${q - 1}, equals: `.length + 1);
    const d = fresh();
    time('hover on an option value every question has', () => {
      const s = symbolAt(d, file, optLine, optCol);
      if (s?.kind !== 'option' || s.question !== `q${q - 1}`) throw new Error(`no option at ${optLine}:${optCol}`);
      return hoverFor(s, (f) => f);
    });
  }
  console.log(`lsp, ${n} questions (${(text.length / (1 << 20)).toFixed(1)} MB): wall median / worst, CPU median / worst`);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const worst = new Map<string, number>();
  for (const [w, ts] of walls) {
    const cpu = cpus.get(w) ?? [];
    worst.set(w, Math.max(...ts));
    const over = !w.startsWith('parse') && Math.max(...ts) > 100 ? '  OVER the 100 ms target' : '';
    console.log(`  ${w}: ${ms(median(ts))} / ${ms(Math.max(...ts))}, CPU ${ms(median(cpu))} / ${ms(Math.max(...cpu))}${over}`);
  }
  return worst;
}

const small = run(1 << 20);
const large = run(4 << 20);
// linear: four times the document, about four times the time (noise on small figures aside; the worst of each)
for (const [w, t] of large) if (!w.startsWith('parse') && !w.includes('again')) console.log(`  ${w}: 4 MB / 1 MB = ${(t / (small.get(w) ?? Number.NaN)).toFixed(1)}x`);
