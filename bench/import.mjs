// Issue 10 figures: `import --csv` of a 1M-row contact export (Salesforce headers, 100k accounts of
// 10 contacts, roles, some Chinese names), whole process: wall time and peak RSS (target < 500 MB).
// Run: npm run build && node bench/import.mjs [rows]
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin } from './lib.mjs';

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'sc-bench-import-'));
const csv = join(dir, 'contacts.csv');
const db = join(dir, 'coach.db');

async function writeCsv() {
  const out = createWriteStream(csv);
  const write = (s) => (out.write(s) ? undefined : new Promise((r) => out.once('drain', r)));
  await write('"First Name","Last Name","Title","Account Name","Phone","Mobile","Email","Buying Role","Lead Source","Contact Owner"\r\n');
  const roles = ['first kp', 'second_kp', '第三KP', ''];
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const acct = Math.floor(i / 10);
    const cjk = i % 7 === 0;
    const first = cjk ? '伟' : `Person${i}`;
    const last = cjk ? `李${i}` : 'Smith';
    chunk += `${first},${last},"Manager, Ops",Account ${acct} Ltd,+86 21 5555 ${String(i % 10000).padStart(4, '0')},,p${i}@example.com,${roles[i % 4]},Web,Jane Rep\r\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise((r) => out.end(r));
}

/** Runs the binary and reports wall time and peak RSS (from /usr/bin/time -v, else /proc VmHWM polling). */
function measure(args) {
  const haveTime = existsSync('/usr/bin/time');
  const t0 = process.hrtime.bigint();
  if (haveTime) {
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
    const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1]);
    if (r.status !== 0) throw new Error(`import exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
    return Promise.resolve({ ms, cpu, mb: kb / 1024, stdout: r.stdout });
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let peak = 0;
    child.stdout.on('data', (d) => (stdout += d));
    const poll = setInterval(() => {
      try {
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0));
      } catch {}
    }, 20);
    child.on('close', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`import exited ${code}`));
      resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, cpu: Number.NaN, mb: peak / 1024, stdout });
    });
  });
}

const t0 = Date.now();
// wall time depends on what else the machine runs: the load average is printed beside it
console.log(`load average before: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} on ${(await import('node:os')).availableParallelism()} cores`);
await writeCsv();
console.log(`generated ${rows.toLocaleString('en')} rows (${(statSync(csv).size / 1e6).toFixed(0)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const runs = [
  ['dry run, empty database', ['import', '--csv', csv, '--db', db, '--dry-run']],
  ['import, empty database', ['import', '--csv', csv, '--db', db]],
  ['import again (every contact matched, none changed)', ['import', '--csv', csv, '--db', db]],
];
for (const [name, args] of runs) {
  const r = await measure(args);
  const counts = r.stdout.split('\n').filter((l) => /^\s+(accounts|contacts)/.test(l)).map((l) => l.trim().replace(/\s+/g, ' ')).join(', ');
  console.log(`${name}: ${(r.ms / 1000).toFixed(1)} s wall, ${r.cpu.toFixed(1)} s CPU, peak RSS ${r.mb.toFixed(0)} MB (target < 500 MB) [${counts}]`);
}
console.log(`database: ${(statSync(db).size / 1e6).toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });
