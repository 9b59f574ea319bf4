// Issue 26 figure: `forecast` over 100,000 accounts and 1,000,000 visits on SQLite, whole process
// (target: under 1 s), with half the accounts valued, and the ratio to `node -e 0`.
// Run: npm run build && npx tsx bench/forecast.ts
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from './history.js';
import { bin, fmt, timeNode } from './lib.mjs';

const TODAY = '2026-12-01';
const dir = mkdtempSync(join(tmpdir(), 'sc-bench-forecast-'));
const path = join(dir, 'coach.db');
await generate(path, false);
const env = { SALES_COACH_DB: path, HOME: dir, XDG_CACHE_HOME: join(dir, 'cache') };
const load = () => `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;
const bare = timeNode(['-e', '0']);
console.log(`node -e 0: ${fmt(bare)}`);
for (const period of ['month', 'quarter']) {
  const t = timeNode([bin, 'forecast', '--today', TODAY, '--period', period], { env, runs: 5 });
  console.log(`sales-coach forecast --period ${period} (100k accounts, 1M visits, 50k valued): ${fmt(t)} whole process, median of 5, ratio ${(t / bare).toFixed(2)}x  (target < 1000 ms), ${load()}`);
}
const json = timeNode([bin, 'forecast', '--today', TODAY, '--json'], { env, runs: 5 });
console.log(`sales-coach forecast --json: ${fmt(json)}  (target < 1000 ms), ${load()}`);
