// Issue 25 figure: `today` (the rep's morning screen) as a whole process, on a rep's store of
// ACCOUNTS accounts with 10 debriefs each over the last year (each debrief with a next meeting), and a
// calendar of 200 events. Target: under a second. Run: npm run build && npx tsx bench/today.ts [accounts...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/store/sqlite.js';
import { bin, fmt, timeNode } from './lib.mjs';

const TODAY = '2026-12-01';
const VISITS = 10;
const day = (offset: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);

/** A debrief as a session stores it (its result is read back by the timeline): made once, through the binary. */
function realVisit(): { answers: Record<string, unknown>; result: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sc-bench-today-one-'));
  const path = join(dir, 'coach.db');
  const answers = join(dir, 'a.yaml');
  writeFileSync(answers, 'mode: debrief\nanswers:\n  contact_name: Li\n  contact_role: first_kp\n  contacts_known: 1\n  has_need: "yes"\n  buying_power: "yes"\n  sees_value: "yes"\n  persona: koala\n  asked_to_sign: "yes"\n  signed: "no"\n  not_signed_kind: obstacle\n  not_signed_reason: board\n  polite_excuse: "no"\n  statement_changed: "no"\n  plan_shared: "yes"\n  next_meeting: 2026-11-20\n');
  const r = spawnSync(process.execPath, [bin, 'debrief', '--account', 'One', '--date', '2026-11-15', '--answers', answers], { env: { ...process.env, SALES_COACH_DB: path, HOME: dir }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const store = openSqliteStore(path);
  const row = store.db.prepare('SELECT answers, result FROM visits').get() as { answers: string; result: string };
  void store.close();
  return { answers: JSON.parse(row.answers), result: row.result };
}

function generate(path: string, accounts: number) {
  const one = realVisit();
  const store = openSqliteStore(path);
  const db = store.db;
  db.transaction(() => {
    const acc = db.prepare("INSERT INTO accounts (id, name, name_key, created_at, playbook_id, class, class_status, class_since, class_rank, class_labels, class_deadline, dropped, last_visit, signed, contacts_count, open_items, next_due) VALUES (?, ?, ?, '2026-01-01', 'abcd', 'A', 'classified', ?, 1, '{\"en\":\"A\"}', ?, 0, ?, 0, 1, 1, ?)");
    const visit = db.prepare("INSERT INTO visits (account_id, mode, date, playbook_id, playbook_hash, answers, result, created_at, habit_answers) VALUES (?, 'debrief', ?, 'abcd', 'h', ?, ?, 'x', '{}')");
    const item = db.prepare("INSERT INTO checklist_items (account_id, item_key, text, due, state, added_on) VALUES (?, 'k', ?, ?, 'open', ?)");
    for (let i = 1; i <= accounts; i++) {
      const start = i % 310;
      const last = day(start + (VISITS - 1) * 3);
      acc.run(i, `Account ${i}`, `account ${i}`, day(start), day(start + 10), last, day(start + 30));
      for (let v = 0; v < VISITS; v++) visit.run(i, day(start + v * 3), JSON.stringify({ ...one.answers, contact_name: `Person ${i}`, next_meeting: day(start + v * 3 + 5) }), one.result);
      item.run(i, `Next step for account ${i}`, day(start + 30), last);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return store.close();
}

const ics = (accounts: number) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n${Array.from({ length: 200 }, (_, k) => `BEGIN:VEVENT\r\nUID:${k}@bench\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:${day(300 + (k % 60)).replace(/-/g, '')}T0${k % 9}0000Z\r\nSUMMARY:Visit Account ${1 + ((k * 37) % accounts)}\r\nEND:VEVENT\r\n`).join('')}END:VCALENDAR\r\n`;

for (const accounts of (process.argv.slice(2).length ? process.argv.slice(2) : ['1000', '10000']).map(Number)) {
  const dir = mkdtempSync(join(tmpdir(), 'sc-bench-today-'));
  const path = join(dir, 'coach.db');
  await generate(path, accounts);
  writeFileSync(join(dir, 'cal.ics'), ics(accounts));
  const env = { SALES_COACH_DB: path, HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), XDG_CONFIG_HOME: join(dir, 'config'), TZ: 'UTC' };
  const t = timeNode([bin, 'today', '--today', TODAY, '--calendar', join(dir, 'cal.ics')], { env, runs: 5 });
  console.log(`sales-coach today --calendar (200 events), ${accounts} accounts x ${VISITS} visits: ${fmt(t)} whole process, median of 5  (target < 1000 ms)`);
}
