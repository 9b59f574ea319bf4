// Issue 10 figure: time to the first interactive question, in a real pseudo-terminal (util-linux
// `script`), as a ratio to a bare `node` script printing one line in the same terminal. Medians of
// alternating runs, so a busy machine slows both sides alike. Target: <= 1.6x, without and with
// --account (issue 25).
// Run: npm run build && node bench/first-question.mjs
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, median, root } from './lib.mjs';

const RUNS = Number(process.env.RUNS ?? 21);
const home = mkdtempSync(join(tmpdir(), 'sc-bench-fq-'));
const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'), NO_COLOR: '1', TERM: 'xterm', LANG: 'C.UTF-8' };

/** ms from spawn until `marker` shows on the terminal; the process is then ended. */
function timeToText(command, marker) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "${marker}" within 10 s; saw: ${seen.slice(-300)}`));
    }, 10_000);
    child.stdout.on('data', (d) => {
      seen += d.toString();
      if (seen.includes(marker)) {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve(ms);
      }
    });
  });
}

const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const bareCmd = `${q(process.execPath)} -e ${q("console.log('Which account (customer company)?')")}`;
const prepCmd = `${q(process.execPath)} ${q(bin)} prep`;
const bare = [];
const prep = [];
await timeToText(prepCmd, 'Which account'); // warm the file cache
for (let i = 0; i < RUNS; i++) {
  bare.push(await timeToText(bareCmd, 'Which account'));
  prep.push(await timeToText(prepCmd, 'Which account'));
}
// with --account: a new account's first question is the person met ("Who do you meet?"); an existing
// one's, with history (a debrief saved, steps still open), is its open steps ("Which are done?"). Both
// are asked before the store is opened when what they need is at hand (src/cli/first-question.ts):
// the first session on the database writes that file, so the warm-up runs below do.
const debrief = spawnSync(process.execPath, [bin, 'debrief', '--account', 'Bench Old Co', '--answers', join(root, 'examples', 'debrief.yaml')], { env, encoding: 'utf8' });
if (debrief.status !== 0) throw new Error(`the history could not be saved: ${debrief.stderr}`);
const newCmd = `${prepCmd} --account 'Bench Co'`;
const oldCmd = `${prepCmd} --account 'Bench Old Co'`;
await timeToText(newCmd, 'Who do you meet');
await timeToText(oldCmd, 'Which are done');
// OLD=path/to/bin/sales-coach.js: another checkout measured in the same runs, alternately (A/B)
const other = process.env.OLD ? `${q(process.execPath)} ${q(process.env.OLD)} prep` : undefined;
const bare2 = [];
const fresh = [];
const known = [];
const otherFresh = [];
const otherKnown = [];
for (let i = 0; i < RUNS; i++) {
  bare2.push(await timeToText(bareCmd, 'Which account'));
  fresh.push(await timeToText(newCmd, 'Who do you meet'));
  known.push(await timeToText(oldCmd, 'Which are done'));
  if (!other) continue;
  otherFresh.push(await timeToText(`${other} --account 'Bench Co'`, 'Who do you meet'));
  otherKnown.push(await timeToText(`${other} --account 'Bench Old Co'`, 'Which are done'));
}
// the file at hand gone (as after another command changed the database): the store opens first
const atHand = join(home, 'cache', 'sales-coach', 'at-hand');
const bare3 = [];
const cold = [];
for (let i = 0; i < Math.ceil(RUNS / 2); i++) {
  bare3.push(await timeToText(bareCmd, 'Which account'));
  rmSync(atHand, { recursive: true, force: true });
  cold.push(await timeToText(oldCmd, 'Which are done'));
}
const b = median(bare);
const p = median(prep);
const b2 = median(bare2);
const line = (what, xs, base) => `${what}: ${median(xs).toFixed(1)} ms, ratio ${(median(xs) / base).toFixed(2)}x`;
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);
console.log(`bare node printing a line in a pty: ${b.toFixed(1)} ms (median of ${RUNS})`);
console.log(`sales-coach prep, first question on screen: ${p.toFixed(1)} ms (median of ${RUNS})`);
console.log(`ratio ${(p / b).toFixed(2)}x  (target <= 1.6x)`);
console.log(`bare node, alternating with the two below: ${b2.toFixed(1)} ms (median of ${RUNS})`);
console.log(`${line('sales-coach prep --account NEW, "Who do you meet?"', fresh, b2)}  (target <= 1.6x)`);
console.log(`${line('sales-coach prep --account EXISTING (history, open steps), "Which are done?"', known, b2)}  (target <= 1.6x)`);
if (other) console.log(`${line(`OLD=${process.env.OLD}: --account NEW`, otherFresh, b2)}; ${line('EXISTING', otherKnown, b2)}`);
console.log(`${line('the same without the file at hand (store opened, playbook loaded first)', cold, median(bare3))}  (median of ${cold.length}; not the target)`);
