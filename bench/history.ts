// The history `stats`, `report` and `forecast` are measured over: 100,000 accounts with 10 visits each
// (1,000,000), their class events and signatures, and deal values on half the accounts.
import { statSync } from 'node:fs';
import { openSqliteStore } from '../src/store/sqlite.js';

export const ACCOUNTS = 100_000;
export const VISITS_PER_ACCOUNT = 10;

const day = (offset: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);
const ranks: Record<string, number> = { A: 1, B: 2, C: 3, D: 4 };
const windows: Record<string, number> = { A: 10, B: 20, C: 30 };
const labels = (k: string) => ({ en: k, 'zh-CN': `${k}类客户`, 'zh-TW': `${k}類客戶` });
// a debrief's answers as the abcd playbook stores them (about 400 bytes): the store reads two of them
const answers = (i: number, v: number) =>
  JSON.stringify({
    contact_name: `Person ${i}-${v % 3}`,
    contact_title: 'General manager',
    contact_role: v % 3 === 0 ? 'first_kp' : 'second_kp',
    approval_layers: 'one',
    contacts_known: 1 + (i % 4),
    has_need: 'yes',
    buying_power: i % 7 === 0 ? 'no' : 'yes',
    sees_value: 'yes',
    persona: 'koala',
    asked_to_sign: (i + v) % 2 ? 'yes' : 'no',
    signed: 'no',
    not_signed_kind: 'obstacle',
    not_signed_reason: 'the board meets next month',
    polite_excuse: 'no',
    statement_changed: 'no',
    plan_shared: 'yes',
  });

/**
 * The history: `varied` spreads the visits over three years instead of one and gives every event
 * reasons of its own (the engine's reasons come from the playbook's rules and repeat; this is the
 * case where nothing read can be shared).
 */
export async function generate(path: string, varied: boolean) {
  const t0 = performance.now();
  const store = openSqliteStore(path);
  const db = store.db;
  db.transaction(() => {
    const acc = db.prepare(
      "INSERT INTO accounts (id, name, name_key, created_at, playbook_id, class, class_status, class_since, class_rank, class_labels, class_deadline, dropped, last_visit, signed, contacts_count, open_items, next_due, amount, currency, close_date) VALUES (?, ?, ?, ?, 'abcd', ?, 'classified', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    // with the habit answers apart, as a session saves them (recordVisit)
    const visit = db.prepare("INSERT INTO visits (account_id, mode, date, playbook_id, playbook_hash, answers, result, created_at, habit_answers) VALUES (@id, 'debrief', @date, 'abcd', 'h', @answers, '{}', 'x', json_object('asked_to_sign', json_extract(@answers, '$.asked_to_sign'), 'contact_role', json_extract(@answers, '$.contact_role')))");
    const event = db.prepare('INSERT INTO account_events (account_id, visit_id, date, kind, data, at) VALUES (?, ?, ?, ?, ?, ?)');
    const item = db.prepare("INSERT INTO checklist_items (account_id, item_key, text, due, state, added_on) VALUES (?, 'k', ?, ?, 'open', ?)");
    for (let i = 1; i <= ACCOUNTS; i++) {
      const start = i % (varied ? 1000 : 300);
      const first = ['A', 'B', 'C', 'D'][i % 4];
      // a third of the accounts are given another class at their fourth visit
      const second = i % 3 === 0 ? ['B', 'D', 'A', 'C'][i % 4] : undefined;
      const klass = second ?? first;
      const signedAt = klass !== 'D' && i % 5 === 0 ? start + 8 + (i % 25) : undefined;
      const last = day(start + (VISITS_PER_ACCOUNT - 1) * 3);
      const due = day(300 + (i % 40));
      const deadline = windows[klass] ? day(start + (second ? 9 : 0) + windows[klass]) : null;
      acc.run(i, `Account ${i}`, `account ${i}`, '2026-01-01', klass, day(start), ranks[klass], JSON.stringify(labels(klass)), deadline, klass === 'D' ? 1 : 0, last, signedAt !== undefined ? 1 : 0, 1 + (i % 3), 1, due, i % 2 === 0 ? 10_000 * (1 + (i % 50)) : null, i % 2 === 0 ? 'CNY' : null, i % 14 === 0 ? day(320 + (i % 90)) : null);
      for (let v = 0; v < VISITS_PER_ACCOUNT; v++) {
        const date = day(start + v * 3);
        const id = Number(visit.run({ id: i, date, answers: answers(i, v) }).lastInsertRowid);
        if (v === 0) event.run(i, id, date, 'class-changed', JSON.stringify({ to: first, status: 'classified', movement: 'new', because: [varied ? `you met the first KP of account ${i}` : 'you met the first KP'], labels: labels(first) }), date);
        if (v === 3 && second) {
          const movement = ranks[second] < ranks[first] ? 'upgraded' : 'downgraded';
          event.run(i, id, date, 'class-changed', JSON.stringify({ from: first, to: second, status: 'classified', movement, because: [varied ? `account ${i} has no buying power` : 'they have no buying power'], labels: labels(second), fromLabels: labels(first) }), date);
        }
        if ((v === 0 && first === 'D') || (v === 3 && second === 'D')) event.run(i, id, date, 'dropped', JSON.stringify({ class: 'D', because: [varied ? `account ${i} has no buying power` : 'they have no buying power'] }), date);
      }
      if (signedAt !== undefined) event.run(i, null, day(signedAt), 'signed', JSON.stringify({ class: klass }), day(signedAt));
      item.run(i, `Next step for account ${i}`, due, last);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  console.log(`generated ${ACCOUNTS} accounts, ${ACCOUNTS * VISITS_PER_ACCOUNT} visits (answers as a debrief stores them${varied ? '; over three years, every event with reasons of its own' : ''}) in ${((performance.now() - t0) / 1000).toFixed(1)} s; database ${(statSync(path).size / 1048576).toFixed(0)} MB`);
}

