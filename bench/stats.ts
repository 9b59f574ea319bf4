// Issue 15 figures: `stats` and `report` over 100,000 accounts and 1,000,000 visits, each timed as a
// whole process (targets: under 2 s each), and the size of the report's HTML (target: under 2 MB).
// Run: npm run build && npx tsx bench/stats.ts
import { mkdtempSync, statSync } from 'node:fs';
import { generate } from './history.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, fmt, timeNode } from './lib.mjs';

const TODAY = '2026-12-01';
const dir = mkdtempSync(join(tmpdir(), 'sc-bench-stats-'));

const path = join(dir, 'coach.db');
await generate(path, false);

const env = { SALES_COACH_DB: path, HOME: dir, XDG_CACHE_HOME: join(dir, 'cache') };
const stats = timeNode([bin, 'stats', '--today', TODAY], { env, runs: 3 });
console.log(`sales-coach stats --today ${TODAY} (100k accounts, 1M visits): ${fmt(stats)} whole process, median of 3  (target < 2000 ms)`);
const statsSince = timeNode([bin, 'stats', '--today', TODAY, '--since', '90d', '--json'], { env, runs: 3 });
console.log(`sales-coach stats --since 90d --json: ${fmt(statsSince)}  (target < 2000 ms)`);
const out = join(dir, 'week.html');
const report = timeNode([bin, 'report', '--today', TODAY, '--out', out, '--force'], { env, runs: 3 });
console.log(`sales-coach report --out week.html: ${fmt(report)} whole process, median of 3  (target < 2000 ms)`);
console.log(`report HTML: ${(statSync(out).size / 1024).toFixed(0)} KB  (target < 2048 KB)`);

// the same numbers where nothing repeats but the classes: told apart, not a target of its own
const variedPath = join(dir, 'varied.db');
await generate(variedPath, true);
const variedEnv = { ...env, SALES_COACH_DB: variedPath };
const variedStats = timeNode([bin, 'stats', '--today', TODAY], { env: variedEnv, runs: 3 });
console.log(`sales-coach stats, visits over three years and every event's reasons its own: ${fmt(variedStats)} whole process, median of 3  (target < 2000 ms)`);
const variedReport = timeNode([bin, 'report', '--today', TODAY, '--out', out, '--force'], { env: variedEnv, runs: 3 });
console.log(`sales-coach report over the same: ${fmt(variedReport)} whole process, median of 3  (target < 2000 ms)`);
