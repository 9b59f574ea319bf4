// Issue 10 figure: time to the first interactive question, in a real pseudo-terminal (util-linux
// `script`), as a ratio to a bare `node` script printing one line in the same terminal. Medians of
// alternating runs, so a busy machine slows both sides alike. Target: <= 1.6x.
// Run: npm run build && node bench/first-question.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, median } from './lib.mjs';

const RUNS = Number(process.env.RUNS ?? 21);
const home = mkdtempSync(join(tmpdir(), 'sc-bench-fq-'));
const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1', TERM: 'xterm', LANG: 'C.UTF-8' };

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
// with --account on a new account, the first question is the person met: the database is opened and
// the playbook loaded before it (reported too, not the target)
const accountCmd = `${prepCmd} --account 'Bench Co'`;
const account = [];
const bare2 = [];
for (let i = 0; i < Math.ceil(RUNS / 2); i++) {
  bare2.push(await timeToText(bareCmd, 'Which account'));
  account.push(await timeToText(accountCmd, 'Who do you meet'));
}
const b = median(bare);
const p = median(prep);
console.log(`bare node printing a line in a pty: ${b.toFixed(1)} ms (median of ${RUNS})`);
console.log(`sales-coach prep, first question on screen: ${p.toFixed(1)} ms (median of ${RUNS})`);
console.log(`ratio ${(p / b).toFixed(2)}x  (target <= 1.6x)`);
console.log(`sales-coach prep --account NEW, first question (database opened, playbook loaded): ${median(account).toFixed(1)} ms, ratio ${(median(account) / median(bare2)).toFixed(2)}x`);
