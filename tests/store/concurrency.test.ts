/**
 * Saves that race on one account (issue 21), on both stores: a save that finds the account changed
 * since its state was read applies the visit again to the account as it is; nothing is lost or doubled.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordVisit } from '../../src/cli/record-visit.js';
import type { Answers } from '../../src/engine/answers.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { aDebriefAnswers } from '../helpers/answers.js';
import { builtin } from '../helpers/playbook.js';
import { BOTH_STORES, closeAfterTest, closeStoresAfterEach } from '../helpers/stores.js';

closeStoresAfterEach();
const IMPLEMENTATIONS = BOTH_STORES;

const A: Answers = { contact_name: 'Li', contact_role: 'first_kp', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', asked_to_sign: 'yes', signed: 'no', not_signed_reason: 'board', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };
const debrief = (account: string, answers: Answers, date = '2026-11-20') => evaluateSession(builtin(), { mode: 'debrief', answers, visitDate: date, locale: 'en', account: { name: account } });

async function shape(s: Store, account: string) {
  const t = await s.timeline(account);
  return {
    visits: t?.visits.length,
    open: t?.checklist.filter((i) => i.state === 'open').length,
    newClass: t?.events.filter((e) => e.event.kind === 'class-changed' && e.event.movement === 'new').length,
    signed: t?.account.signed,
    signedEvents: t?.events.filter((e) => e.event.kind === 'signed').length,
  };
}

describe.each(IMPLEMENTATIONS)('saves racing on one account: $name', (impl) => {
  it('a debrief that waited at a prompt while another saved "signed: yes" leaves the account signed', async () => {
    const s = await impl.open();
    const pb = builtin();
    await recordVisit(s, pb, 'Acme', debrief('Acme', A), { at: '2026-11-20T18:00:00Z' });
    // the interactive session reads the account when it begins…
    const basedOn = await s.accountRevision('Acme');
    const state = await s.accountState('Acme');
    // …a scripted debrief saves the signature meanwhile…
    await recordVisit(s, pb, 'Acme', debrief('Acme', { ...A, signed: 'yes' }, '2026-11-21'), { at: '2026-11-21T18:00:00Z' });
    // …and the interactive one saves last, with what it read
    await recordVisit(s, pb, 'Acme', debrief('Acme', A, '2026-11-21'), { at: '2026-11-21T18:05:00Z', ...(state ? { state } : {}), ...(basedOn !== undefined ? { basedOn } : {}) });
    expect(await shape(s, 'Acme')).toMatchObject({ visits: 3, signed: true, signedEvents: 1 });
  });

  it('five debriefs at once on a new account leave what five in a row leave: nothing lost, nothing doubled', async () => {
    const s = await impl.open();
    const pb = builtin();
    for (let i = 0; i < 5; i++) await recordVisit(s, pb, 'Sequential', debrief('Sequential', A), { at: `2026-11-20T18:00:0${i}Z` });
    await Promise.all(Array.from({ length: 5 }, (_, i) => recordVisit(s, pb, 'Racing', debrief('Racing', A), { at: `2026-11-20T18:00:0${i}Z` })));
    const sequential = await shape(s, 'Sequential');
    expect(sequential).toMatchObject({ visits: 5, newClass: 1 });
    expect(await shape(s, 'Racing')).toEqual(sequential);
  });
});

describe('fifty sales-coach processes saving on one account (SQLite)', () => {
  it('every visit is saved once, and the account is as saves in a row leave it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-race50-'));
    const answers = join(dir, 'a.yaml');
    writeFileSync(answers, `mode: debrief\nanswers:\n${aDebriefAnswers('Li')}`);
    // the built CLI, as reps run it: each process opens the file, reads the account, saves
    const bin = join(import.meta.dirname, '../../bin/sales-coach.js');
    const run = (db: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, 'debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', answers], { env: { ...process.env, SALES_COACH_DB: db, HOME: dir, SALES_COACH_DB_TIMEOUT_MS: '60000' }, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const N = 50;
    const racing = await Promise.all(Array.from({ length: N }, () => run(join(dir, 'racing.db'))));
    expect(racing.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    // the same debrief saved again and again reaches a steady account after the second: three in a row show it
    for (let i = 0; i < 3; i++) expect((await run(join(dir, 'sequential.db'))).code).toBe(0);
    const [a, b] = [openSqliteStore(join(dir, 'racing.db')), openSqliteStore(join(dir, 'sequential.db'))];
    closeAfterTest(a, b);
    const sequential = await shape(b, 'Acme');
    expect(sequential).toMatchObject({ visits: 3, newClass: 1 });
    expect(await shape(a, 'Acme')).toEqual({ ...sequential, visits: N });
  }, 300_000);
});
