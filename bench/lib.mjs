// Small helpers shared by the bench scripts: whole-process timing by median of several runs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bin = fileURLToPath(new URL('../bin/sales-coach.js', import.meta.url));

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Median wall time in ms of `node ...args`, after one warm-up run. Fails loudly on an unexpected exit.
 * BENCH_CHRT=1: each timed process (never the bench itself, whose tsx and esbuild would spin) runs
 * under `chrt -f 50`, so the other work of a busy 2-core machine does not fall on it.
 */
export function timeNode(args, { runs = 15, expectCode = 0, env = {}, input } = {}) {
  const times = [];
  const [cmd, pre] = process.env.BENCH_CHRT === '1' ? ['chrt', ['-f', '50', process.execPath]] : [process.execPath, []];
  for (let i = 0; i <= runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, [...pre, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, input, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== expectCode) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i > 0) times.push(ms);
  }
  return median(times);
}

/**
 * CPU time (user + system, every thread) used so far by this process's finished children, in ms, from
 * /proc/self/stat (Linux, 100 clock ticks a second; undefined elsewhere).
 */
function childrenCpuMs() {
  try {
    // the fields after the command name, which is in parentheses and may hold spaces
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime: fields 16 and 17 of the line, so 14th and 15th after the name and the state
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/**
 * `node ...args` after one warm-up run: the median wall time and the median CPU time (user + system
 * of all its threads: the parser, the rules, the garbage collector's helpers) of `runs` runs, in ms.
 * CPU time is what a busy machine changes least; wall time is what the trainer waits.
 */
export function timeNodeCpu(args, { runs = 5, expectCode = 0 } = {}) {
  const wall = [];
  const cpu = [];
  for (let i = 0; i <= runs; i++) {
    const c0 = childrenCpuMs();
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const c1 = childrenCpuMs();
    if (r.status !== expectCode) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i === 0) continue;
    wall.push(ms);
    if (c0 !== undefined && c1 !== undefined) cpu.push(c1 - c0);
  }
  return { wallMs: median(wall), cpuMs: cpu.length === wall.length ? median(cpu) : undefined };
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

// the least result the team database admits (PostgreSQL migration 4's visits_readable: what rows.ts
// reads back is there), for the benches that write visits straight into it
export const READABLE_RESULT = JSON.stringify({
  playbook: { id: 'abcd', version: '1', hash: 'h' },
  mode: 'debrief',
  visitDate: '2026-01-10',
  locale: 'en',
  classification: { status: 'unclassified', candidates: [], reasons: [], unknowns: [] },
  selfQuestions: {},
  answers: {},
  flags: [],
  checklist: [],
  tips: [],
  changes: [],
  trace: [],
});
