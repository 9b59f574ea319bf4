// Small helpers shared by the bench scripts: whole-process timing by median of several runs.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bin = fileURLToPath(new URL('../bin/sales-coach.js', import.meta.url));

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median wall time in ms of `node ...args`, after one warm-up run. Fails loudly on an unexpected exit. */
export function timeNode(args, { runs = 15, expectCode = 0, env = {}, input } = {}) {
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env: { ...process.env, NO_COLOR: '1', ...env }, input, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== expectCode) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i > 0) times.push(ms);
  }
  return median(times);
}

export function fmt(ms) {
  return `${ms.toFixed(1)} ms`;
}

/** A clean generated playbook of n chained single-choice questions (no error, no warning). */
export function generatePlaybook(n) {
  const lines = ['id: generated', 'title: Generated', 'questions:'];
  for (let i = 0; i < n; i++) {
    lines.push(`  - id: q${i}`, '    kind: single', `    text: "Question ${i}?"`, '    options:', '      - { value: a, label: A }', '      - { value: b, label: B }');
    if (i > 0) lines.push(`    when: { any: [ { question: q${i - 1}, equals: a }, { question: q${Math.floor(i / 2)}, in: [a, b] } ] }`);
  }
  lines.push('classes:', '  - id: A', '    name: A', '    priority: 1', '    when: { question: q0, equals: a }', '  - id: D', '    name: D', '    priority: 2', '    when: { question: q0, equals: b }');
  lines.push('flags:');
  for (let i = 0; i < n; i += 10) lines.push(`  - { id: f${i}, when: { question: q${i}, equals: b }, message: "q${i} is {answers.q${i}}" }`);
  // read the last question too, so that the playbook is clean: no warning, no error
  lines.push(`  - { id: last, when: { question: q${n - 1}, equals: b }, message: "last" }`);
  return `${lines.join('\n')}\n`;
}
