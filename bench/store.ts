// Issue 6 figures: `accounts` over 100,000 accounts with 1,000,000 visits and checklist items (whole
// process time and peak memory, and the ratio to `node -e 0`), and saving one debrief.
// Run: npm run build && npx tsx bench/store.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlaybookFile } from '../src/cli/playbook-files.js';
import { afterStepSql } from '../src/store/after-step.js';
import { recordVisit } from '../src/cli/record-visit.js';
import { PlaybookRegistry } from '../src/cli/registry.js';
import { evaluateSession } from '../src/engine/evaluate.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { bin, fmt, median, timeNode } from './lib.mjs';

const ACCOUNTS = 100_000;
const VISITS = 400_000;
const ITEMS = 600_000;
const dir = mkdtempSync(join(tmpdir(), 'sc-bench-store-'));
const path = join(dir, 'coach.db');

const t0 = performance.now();
const store = openSqliteStore(path);
const db = store.db;
const classes = ['A', 'B', 'C', 'D', null];
const windows: Record<string, number> = { A: 10, B: 20, C: 30 };
const ranks: Record<string, number> = { A: 1, B: 2, C: 3, D: 4 };
db.transaction(() => {
  const acc = db.prepare(
    "INSERT INTO accounts (id, name, name_key, created_at, playbook_id, class, class_status, class_since, class_rank, class_labels, class_deadline, dropped, last_visit, signed, contacts_count) VALUES (?, ?, ?, ?, 'abcd', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  for (let i = 1; i <= ACCOUNTS; i++) {
    const k = classes[i % 5];
    const since = `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const deadline = k && windows[k] ? new Date(Date.parse(`${since}T00:00:00Z`) + windows[k] * 86_400_000).toISOString().slice(0, 10) : null;
    const labels = k ? JSON.stringify({ en: k, 'zh-CN': `${k}类客户` }) : null;
    acc.run(i, `Account ${i}`, `account ${i}`, '2026-01-01', k, k ? 'classified' : 'provisional', since, k ? ranks[k] : null, labels, deadline, k === 'D' ? 1 : 0, since, i % 13 === 0 ? 1 : 0, 1 + (i % 4));
  }
  const visit = db.prepare("INSERT INTO visits (account_id, mode, date, playbook_id, playbook_hash, answers, result, created_at) VALUES (?, 'debrief', ?, 'abcd', 'h', '{}', '{}', 'x')");
  for (let i = 0; i < VISITS; i++) visit.run(1 + (i % ACCOUNTS), `2026-${String(1 + (i % 11)).padStart(2, '0')}-10`);
  // in one account of fifty, one step (its first) prepares a meeting and lives until its due day: about
  // 2% of the accounts' next steps have lapsed by the review's day (a prep not debriefed), and the
  // review reads the step after it (sql-store.ts liveDue, lapsedCounts)
  const item = db.prepare('INSERT INTO checklist_items (account_id, item_key, text, due, state, lives_until) VALUES (?, ?, ?, ?, ?, ?)');
  for (let i = 0; i < ITEMS; i++) {
    const due = `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`;
    item.run(1 + (i % ACCOUNTS), `k${i % 7}`, `Next step ${i}`, due, i % 3 === 0 ? 'done' : 'open', i % 50 === 1 && i < ACCOUNTS ? due : null);
  }
  db.exec(`UPDATE accounts SET
    open_items = (SELECT count(*) FROM checklist_items i WHERE i.account_id = accounts.id AND i.state = 'open'),
    next_due = (SELECT min(due) FROM checklist_items i WHERE i.account_id = accounts.id AND i.state = 'open'),
    next_item = (SELECT text FROM checklist_items i WHERE i.account_id = accounts.id AND i.state = 'open' ORDER BY due, id LIMIT 1),
    next_until = (SELECT lives_until FROM checklist_items i WHERE i.account_id = accounts.id AND i.state = 'open' ORDER BY due, id LIMIT 1)`);
  db.exec(`UPDATE accounts SET after_due = ${afterStepSql('due')}, after_until = ${afterStepSql('lives_until')} WHERE next_until IS NOT NULL`);
})();
db.pragma('wal_checkpoint(TRUNCATE)');
console.log(`generated ${ACCOUNTS} accounts, ${VISITS} visits, ${ITEMS} checklist items in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const env = { SALES_COACH_DB: path, HOME: dir, XDG_CACHE_HOME: join(dir, 'cache') };
// the machine's load with every figure: on 2 shared cores a figure taken at another load is no comparison
const load = () => `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;
console.log(load());
const bare = timeNode(['-e', '0']);
const accounts = timeNode([bin, 'accounts', '--today', '2026-11-25'], { env, runs: 9 });
console.log(`node -e 0: ${fmt(bare)}`);
console.log(`sales-coach accounts (100k accounts, 1M visits + items): ${fmt(accounts)} whole process, ratio ${(accounts / bare).toFixed(2)}x  (target < 300 ms), ${load()}`);
if (existsSync('/usr/bin/time')) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'accounts', '--today', '2026-11-25'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const kb = Number(r.stderr.trim().split('\n').pop());
  console.log(`peak memory (max RSS): ${(kb / 1024).toFixed(0)} MB  (target < 150 MB)`);
}

// saving one debrief into this large database
const registry = new PlaybookRegistry();
const pb = loadPlaybookFile(registry, registry.find('abcd')!.file).playbook!;
const answers = { contact_name: 'Li', contact_title: null, contact_role: 'first_kp', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', asked_to_sign: 'yes', signed: 'no', not_signed_reason: 'board', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes', next_meeting: null };
const times: number[] = [];
for (let i = 0; i < 60; i++) {
  const result = evaluateSession(pb, { mode: 'debrief', answers, visitDate: '2026-11-25', locale: 'en', account: { name: `Account ${1 + i * 997}` } });
  const s0 = performance.now();
  // the whole path a session takes: read the account's state, apply the visit, write state and events
  await recordVisit(store, pb, `Account ${1 + i * 997}`, result, { at: '2026-11-25T18:00:00Z' });
  if (i >= 10) times.push(performance.now() - s0);
}
await store.close();
console.log(`saving one debrief (state read, applyVisit, one transaction, WAL): median ${median(times).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms  (target < 5 ms), ${load()}`);
