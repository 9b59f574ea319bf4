/**
 * Issue 22: every language-server request is linear in the document. A generated playbook of about
 * 4 MB is parsed once, then the index of ids is built (the server builds it as soon as a parse's
 * diagnostics are out; it took 8.7 s while positions came from the careful parser, now one more pass
 * of the fast one), then hover, definition and completion are timed.
 * Prints the figures; the target is each request within 100 ms after the parse.
 *   npx tsx bench/lsp-large.ts
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { completionsAt, hoverFor, symbolAt, Workspace } from '../src/lsp/workspace.js';
import { generatePlaybook } from './lib.mjs';

const dir = mkdtempSync(join(tmpdir(), 'sc-bench-lsp-large-'));
let n = 10_000;
let file = '';
let text = '';
for (;;) {
  text = (generatePlaybook as (n: number) => string)(n);
  file = join(dir, `gen-${n}.yaml`);
  writeFileSync(file, text);
  if (statSync(file).size >= 4 << 20) break;
  n = Math.ceil(n * ((4 << 20) / statSync(file).size) * 1.02);
}
const ms = (t0: number) => `${(performance.now() - t0).toFixed(1)} ms`;
const ws = new Workspace(() => undefined);
ws.setDocument(file, text);
const t0 = performance.now();
const a = ws.analyse(file);
console.log(`lsp, ${n} questions (${(statSync(file).size / (1 << 20)).toFixed(1)} MB): parse and check ${ms(t0)}; ${a.result.diagnostics.length} diagnostics`);
// a use of a question deep in the file: the line of "question: q<n/2>," in a condition
const lines = text.split('\n');
const target = `q${Math.floor(n / 2)}`;
const lineNo = lines.findIndex((l) => l.includes(`question: ${target},`)) + 1;
const col = lines[lineNo - 1].indexOf(target) + 2;
const results: [string, number][] = [];
const time = (what: string, f: () => unknown) => {
  const t = performance.now();
  const r = f();
  results.push([what, performance.now() - t]);
  return r;
};
// the server builds the index of ids once per parse, as soon as the diagnostics are out
time('index of ids (once per parse)', () => a.symbols());
time('first hover', () => {
  const s = symbolAt(a, file, lineNo, col);
  if (!s) throw new Error(`no symbol at ${lineNo}:${col}`);
  return hoverFor(s, (f) => f);
});
for (let i = 0; i < 5; i++) time('hover', () => hoverFor(symbolAt(a, file, lineNo, col) as never, (f) => f));
for (let i = 0; i < 5; i++) time('definition', () => symbolAt(a, file, lineNo, col)?.definition);
for (let i = 0; i < 5; i++) time('completion of a question id', () => completionsAt(a, '    when: { question: '));
const worst = new Map<string, number>();
for (const [w, t] of results) worst.set(w, Math.max(worst.get(w) ?? 0, t));
for (const [w, t] of worst) console.log(`  ${w}: ${t.toFixed(1)} ms (worst)${t <= 100 || w.startsWith('index') ? '' : '  OVER the 100 ms target'}`);
