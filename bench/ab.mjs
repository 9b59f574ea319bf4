// Whole-process A/B: the same command under two builds (or any commands), run alternately so that the
// machine's load falls on all alike, after `node -e 0` in each round. Prints the load average before
// and after, and per command the median wall time, the median CPU time (user + system of the child,
// every thread) and the fastest run. A figure taken at another time, at another load, is no comparison.
// Run: node bench/ab.mjs 15 "old=node /path/to/old/bin/sales-coach.js accounts --today 2026-11-25" \
//        "new=node bin/sales-coach.js accounts --today 2026-11-25"     (SALES_COACH_DB=… in the environment)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { median } from './lib.mjs';

const runs = Number(process.argv[2]);
const commands = process.argv.slice(3).map((s) => {
  const i = s.indexOf('=');
  return [s.slice(0, i), s.slice(i + 1).split(' ')];
});
if (!runs || !commands.length || commands.some(([label]) => !label)) throw new Error('usage: node bench/ab.mjs RUNS "label=command args" ...');
commands.unshift(['node -e 0', [process.execPath, '-e', '0']]);
/** CPU time of this process's finished children in ms (Linux: /proc/self/stat, 100 ticks a second). */
const childrenCpu = () => {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[13]) + Number(f[14])) * 10;
};
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const results = new Map(commands.map(([label]) => [label, { wall: [], cpu: [] }]));
const before = load();
// round 0 warms the file cache and is not counted
for (let round = 0; round <= runs; round++) {
  for (const [label, [command, ...args]] of commands) {
    const c0 = childrenCpu();
    const t0 = process.hrtime.bigint();
    const r = spawnSync(command, args, { env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const c1 = childrenCpu();
    if (r.status !== 0) throw new Error(`${label} exited ${r.status}: ${r.stderr}`);
    if (round > 0) {
      results.get(label).wall.push(ms);
      results.get(label).cpu.push(c1 - c0);
    }
  }
}
console.log(`load ${before} -> ${load()}, ${runs} alternating runs, medians`);
for (const [label, { wall, cpu }] of results) {
  console.log(`${label.padEnd(20)} wall ${median(wall).toFixed(1).padStart(7)} ms  cpu ${median(cpu).toFixed(0).padStart(5)} ms  fastest ${Math.min(...wall).toFixed(1)} ms`);
}
