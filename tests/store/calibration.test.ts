/**
 * The forecast's calibration is counted by the database (Store.classCalibration); `stats` counts it in
 * the program (computeStats). Over a few hundred made-up histories (classes given, changed, signed
 * early, late or never, dropped, on the same day or not), the two must give every class the same
 * decided and signed-within-the-window counts, on any day they are read.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/engine/dates.js';
import { computeStats } from '../../src/stats/stats.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { builtin } from '../helpers/playbook.js';

/** A small deterministic generator: the same histories on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('the calibration counted by the database', () => {
  it("gives each class the same decided and signed-within-the-window counts as stats' own", async () => {
    const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'sc-cal-')), 'coach.db'));
    const db = store.db;
    const next = random(26);
    const classes = ['A', 'B', 'C', 'D'];
    db.transaction(() => {
      const acc = db.prepare("INSERT INTO accounts (id, name, name_key, created_at, playbook_id, signed, dropped) VALUES (?, ?, ?, '2026-01-01', 'abcd', ?, ?)");
      const ev = db.prepare('INSERT INTO account_events (account_id, date, kind, data, at) VALUES (?, ?, ?, ?, ?)');
      for (let i = 1; i <= 400; i++) {
        let day = addDays('2026-09-01', Math.floor(next() * 60));
        let signed = 0;
        let dropped = 0;
        const events: [string, string, unknown][] = [];
        const moves = 1 + Math.floor(next() * 3);
        for (let k = 0; k < moves && !dropped; k++) {
          const to = classes[Math.floor(next() * 4)];
          // now and then a provisional class, which is not a class given
          const status = next() < 0.1 ? 'provisional' : 'classified';
          events.push([day, 'class-changed', { to, status, movement: 'new', because: [] }]);
          if (to === 'D' && status === 'classified') {
            events.push([day, 'dropped', { class: 'D', because: [] }]);
            dropped = 1;
          }
          // a signature 0-40 days later, on the same day as the class at times
          if (!dropped && !signed && next() < 0.3) {
            events.push([addDays(day, Math.floor(next() * 40)), 'signed', { class: to }]);
            signed = 1;
          }
          day = addDays(day, Math.floor(next() * 25));
        }
        acc.run(i, `Account ${i}`, `account ${i}`, signed, dropped);
        // recorded out of date order now and then, as a back-filled debrief is
        const order = next() < 0.1 ? [...events].reverse() : events;
        for (const [date, kind, data] of order) ev.run(i, date, kind, JSON.stringify(data), `${date}T10:00:00Z`);
      }
    })();
    const pb = builtin();
    const playbooks = new Map([['abcd', pb]]);
    const windows = pb.classes.flatMap((c) => (c.cycle ? [{ playbookId: 'abcd', class: c.id, max: c.cycle.max }] : []));
    const history = await store.classHistory();
    for (const today of ['2026-09-15', '2026-10-20', '2026-12-31']) {
      const theirs = computeStats(history, { today, playbooks }).calibration.filter((c) => c.window).map((c) => ({ class: c.class, given: c.given, decided: c.signedInWindow.n, inWindow: c.signedInWindow.k }));
      const ours = await store.classCalibration(windows, today);
      expect(ours.sort((x, y) => (x.class < y.class ? -1 : 1))).toEqual(theirs.sort((x, y) => (x.class < y.class ? -1 : 1)));
      // and not a trivial agreement: some cases decided, some signed in the window, some still open
      expect(ours.some((c) => c.inWindow > 0 && c.decided > c.inWindow)).toBe(true);
    }
    expect((await store.classCalibration(windows, '2026-09-15')).some((c) => c.decided < c.given)).toBe(true);
    // the kept cases follow the events as they change afterwards: an event's day moved, events moved
    // to another account (a merge), events deleted, an account deleted with its events
    db.transaction(() => {
      db.prepare("UPDATE account_events SET date = date(date, '+12 days') WHERE account_id % 7 = 0 AND kind = 'signed'").run();
      db.prepare('UPDATE account_events SET account_id = account_id + 1 WHERE account_id % 11 = 0').run();
      db.prepare("DELETE FROM account_events WHERE account_id % 13 = 0 AND kind = 'class-changed'").run();
      db.prepare('DELETE FROM account_events WHERE account_id = 17').run();
      db.prepare('DELETE FROM accounts WHERE id = 17').run();
    })();
    const after = await store.classHistory();
    for (const today of ['2026-10-20', '2026-12-31']) {
      const theirs = computeStats(after, { today, playbooks }).calibration.filter((c) => c.window).map((c) => ({ class: c.class, given: c.given, decided: c.signedInWindow.n, inWindow: c.signedInWindow.k }));
      const ours = await store.classCalibration(windows, today);
      expect(ours.sort((x, y) => (x.class < y.class ? -1 : 1))).toEqual(theirs.sort((x, y) => (x.class < y.class ? -1 : 1)));
    }
    expect(db.prepare('SELECT count(*) AS n FROM class_cases WHERE account_id = 17').get()).toEqual({ n: 0 });
    await store.close();
  });
});
