/**
 * One contract, every store: the embedded SQLite store and the team PostgreSQL store pass the same
 * tests (a real server, started by the tests: tests/helpers/postgres-server.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StepDecision } from '../../src/engine/account.js';
import type { Answers } from '../../src/engine/answers.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { recordVisit } from '../../src/cli/record-visit.js';
import type { Mode } from '../../src/playbook/types.js';
import type { PostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { builtin } from '../helpers/playbook.js';
import { closePgStores, freshDatabase, pgStore } from '../helpers/pg.js';

const sqliteOpen: SqliteStore[] = [];
afterEach(async () => {
  for (const s of sqliteOpen.splice(0)) await s.close();
  await closePgStores();
});

interface Implementation {
  name: string;
  open(): Promise<Store>;
  count(s: Store, table: string): Promise<number>;
}
const IMPLEMENTATIONS: Implementation[] = [
  {
    name: 'SQLite',
    async open() {
      const s = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'sc-contract-')), 'coach.db'));
      sqliteOpen.push(s);
      return s;
    },
    async count(s, table) {
      return ((s as SqliteStore).db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      return pgStore(await freshDatabase());
    },
    async count(s, table) {
      return Number((await (s as PostgresStore).pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    },
  },
];

const A: Answers = { contact_name: 'Li', contact_role: 'first_kp', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', asked_to_sign: 'yes', signed: 'no', not_signed_reason: 'board', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };
function save(s: Store, account: string, answers: Answers, date = '2026-11-20', mode: Mode = 'debrief', stepDecisions?: Record<number, StepDecision>) {
  const pb = builtin();
  const result = evaluateSession(pb, { mode, answers, visitDate: date, locale: 'en', account: { name: account } });
  return recordVisit(s, pb, account, result, { at: `${date}T18:00:00Z`, ...(stepDecisions ? { stepDecisions } : {}) });
}

describe.each(IMPLEMENTATIONS)('the store contract: $name', (impl) => {
  it('stores a debrief: the visit, the person met, the checklist, the class and the events that say so', async () => {
    const s = await impl.open();
    await save(s, 'Acme', A);
    const t = await s.timeline('acme');
    expect(t?.account).toMatchObject({ name: 'Acme', class: 'A', classStatus: 'classified', classSince: '2026-11-20', classRank: 1, classLabels: { en: 'A', 'zh-CN': 'A类客户' }, classDeadline: '2026-11-30', contacts: 1, signed: false, dropped: false, lastPerson: 'Li' });
    expect(t?.visits).toHaveLength(1);
    expect(t?.visits[0]).toMatchObject({ person: 'Li', result: { classification: { class: 'A' } } });
    expect(t?.contacts).toEqual([expect.objectContaining({ name: 'Li', role: 'first_kp', persona: 'koala', firstMet: '2026-11-20', facts: expect.objectContaining({ contact_role: 'first_kp', persona: 'koala' }) })]);
    expect(t?.events.map((e) => e.event.kind)).toEqual(expect.arrayContaining(['person-added', 'class-changed', 'step-opened']));
    expect(t?.checklist.map((i) => i.key)).toContain('a_window');
    expect(t?.account.nextDue).toBe(t?.checklist[0].due);
    const state = await s.accountState('ACME');
    expect(state?.facts).toMatchObject({ has_need: 'yes', buying_power: 'yes', sees_value: 'yes' });
    expect(state?.facts.contact_role).toBeUndefined(); // a person's fact, not the account's
  });

  it('a later visit never closes earlier steps behind the rep\'s back; signing and dropping are events', async () => {
    const s = await impl.open();
    await save(s, 'Acme', A);
    const open1 = (await s.openChecklist('Acme')).map((i) => i.id);
    const first = open1[0];
    await save(s, 'Acme', { ...A, signed: 'yes' }, '2026-11-24', 'debrief', { [first]: 'done' });
    const t = await s.timeline('Acme');
    expect(t?.account.signed).toBe(true);
    expect(t?.checklist.find((i) => i.id === first)?.state).toBe('done');
    // every other step of the first visit is still open, kept, not silently skipped; only a step whose
    // item says the signature ends it (the A window) is done by it
    const endsWithSignature = new Set(builtin().checklist.filter((c) => c.closedBy?.includes('signed')).map((c) => c.id));
    for (const id of open1.slice(1)) {
      const step = t?.checklist.find((i) => i.id === id);
      expect(step?.state).toBe(endsWithSignature.has(step?.key.split('#')[0] ?? '') ? 'done' : 'open');
    }
    expect(t?.checklist.some((i) => i.state === 'skipped')).toBe(false);
    expect(t?.events.filter((e) => e.event.kind === 'signed')).toHaveLength(1);
    await save(s, 'Acme', { ...A, buying_power: 'no' }, '2026-11-28');
    expect(await s.getAccount('Acme')).toMatchObject({ class: 'D', dropped: true });
    const moved = await s.eventsSince('2026-11-25', ['class-changed', 'dropped']);
    expect(moved.map((e) => e.event)).toEqual([
      expect.objectContaining({ kind: 'class-changed', from: 'A', to: 'D', movement: 'downgraded', because: ['their company cannot pay'] }),
      expect.objectContaining({ kind: 'dropped', class: 'D' }),
    ]);
  });

  it.each([
    ['quotes', `O'Brien "Best" Ltd`],
    ['emoji', 'Rocket 🚀 Co'],
    ['CJK', '上海恒达物流有限公司'],
    ['SQL-looking', "x'); DROP TABLE accounts; --"],
  ])('names with %s round-trip unchanged', async (_, name) => {
    const s = await impl.open();
    await save(s, name, { ...A, contact_name: name });
    expect((await s.getAccount(name))?.name).toBe(name);
    const t = await s.timeline(name);
    expect(t?.contacts[0].name).toBe(name);
    expect((await s.pipeline({ today: '2026-11-21' })).rows.map((r) => r.name)).toEqual([name]);
  });

  it('keeps the playbook that classified a visit once, by its content, for later readers (issue 24)', async () => {
    const s = await impl.open();
    const pb = builtin();
    const kept = { hash: 'h-one', id: 'bant', source: '{"entry":"/x/bant.yaml"}' };
    for (const [i, date] of ['2026-11-20', '2026-11-21'].entries()) {
      const result = evaluateSession(pb, { mode: 'debrief', answers: A, visitDate: date, locale: 'en', account: { name: `Acme ${i}` } });
      await recordVisit(s, pb, `Acme ${i}`, result, { at: `${date}T18:00:00Z`, playbook: kept });
    }
    expect(await s.storedPlaybooks()).toEqual([kept]);
    expect(await impl.count(s, 'playbooks')).toBe(1);
  });

  it("today's planned visits in one read: the latest session's answers asked for, the days prepared for; a plan, a dropped or an old account left out (issue 25)", async () => {
    const s = await impl.open();
    await save(s, 'Acme', { ...A, next_meeting: '2026-12-02' }, '2026-11-20');
    await save(s, 'Acme', { ...A, next_meeting: '2026-12-05' }, '2026-11-25');
    await save(s, 'Beta', { contact_name: 'Wu', contact_role: 'second_kp' }, '2026-11-26', 'prep');
    await save(s, 'Old', { ...A, next_meeting: '2025-01-05' }, '2025-01-01');
    await save(s, 'Gone', { ...A, buying_power: 'no', next_meeting: '2026-12-03' }, '2026-11-21');
    const rows = (await s.plannedVisits({ since: '2026-01-01', answers: ['next_meeting', 'nope'] })).sort((x, y) => x.name.localeCompare(y.name));
    expect(rows.map((r) => r.name)).toEqual(['Acme', 'Beta']);
    expect(rows[0]).toMatchObject({ name: 'Acme', playbookId: 'abcd', lastVisit: '2026-11-25', answers: { next_meeting: '2026-12-05' } });
    expect(rows[1]).toMatchObject({ name: 'Beta', preparedFor: ['2026-11-26'] });
    // the same as each account's state says, one account at a time
    for (const r of rows) expect(r.answers.next_meeting).toBe((await s.accountState(r.name))?.lastAnswers?.next_meeting);
  });

  it('rename, merge and delete', async () => {
    const s = await impl.open();
    await save(s, 'Acme', A);
    await save(s, 'ACME Shanghai', { ...A, contact_name: 'Wu' }, '2026-11-22');
    await expect(s.renameAccount('Acme', 'acme shanghai')).rejects.toThrow(/already an account/);
    await s.mergeAccounts('ACME Shanghai', 'Acme');
    const t = await s.timeline('Acme');
    expect(t?.visits).toHaveLength(2);
    expect(t?.contacts.map((c) => c.name).sort()).toEqual(['Li', 'Wu']);
    expect(await s.getAccount('ACME Shanghai')).toBeUndefined();
    await s.renameAccount('Acme', 'Acme Group');
    expect((await s.getAccount('acme group'))?.contacts).toBe(2);
    await s.deleteAccount('Acme Group');
    expect(await s.timeline('Acme Group')).toBeUndefined();
    expect(await impl.count(s, 'visits')).toBe(0);
  });

  it('merge keeps the merged-away contact\'s title and email, and matches names as an import does (issue 22)', async () => {
    const s = await impl.open();
    await save(s, 'Acme', { ...A, contact_name: 'Mr Wu' });
    await save(s, 'Acme Beijing', { ...A, contact_name: 'Zhao' }, '2026-11-22');
    const at = '2026-11-23T00:00:00Z';
    await s.importRows(stream([
      { line: 2, account: 'Acme Beijing', contact: { name: 'MR WU', title: 'CFO', email: 'wu@acme.example' } },
      { line: 3, account: 'Acme Beijing', contact: { name: 'Zhao', title: 'Buyer', phone: '+86 2' } },
      { line: 4, account: 'Acme', contact: { name: 'zhao', email: 'zhao@acme.example' } },
    ]), { at });
    await s.mergeAccounts('Acme Beijing', 'Acme');
    const people = (await s.timeline('Acme'))?.contacts ?? [];
    expect(people.map((c) => c.name).sort()).toEqual(['Mr Wu', 'zhao']);
    expect(people.find((c) => c.name === 'Mr Wu')).toMatchObject({ title: 'CFO', email: 'wu@acme.example', role: 'first_kp' });
    // the kept contact's own value wins; what it did not know comes over
    expect(people.find((c) => c.name === 'zhao')).toMatchObject({ email: 'zhao@acme.example', title: 'Buyer', phone: '+86 2', role: 'first_kp' });
    expect((await s.getAccount('Acme'))?.contacts).toBe(2);
  });

  it('undo walks back the history: done 1, done 2, undo, undo reopens 2 then 1 (issue 22)', async () => {
    const s = await impl.open();
    await save(s, 'Acme', A);
    const one = await s.addChecklistItem('Acme', 'One', '2026-12-01', '2026-11-21T09:00:00Z', '2026-11-21');
    const two = await s.addChecklistItem('Acme', 'Two', '2026-12-01', '2026-11-21T09:00:00Z', '2026-11-21');
    const state = async (id: number) => (await s.exportAll()).checklist.find((i) => i.id === id)?.state;
    await s.setChecklistState(one.id, 'done', '2026-11-22T09:00:00Z', '2026-11-22');
    await s.setChecklistState(two.id, 'done', '2026-11-22T09:01:00Z', '2026-11-22');
    const undo = async () => {
      const last = await s.lastChecklistChange();
      if (last) await s.setChecklistState(last.id, last.before as 'open' | 'done' | 'skipped', '2026-11-22T10:00:00Z', '2026-11-22', last.event);
      return last?.id;
    };
    expect(await undo()).toBe(two.id);
    expect([await state(one.id), await state(two.id)]).toEqual(['done', 'open']);
    expect(await undo()).toBe(one.id);
    expect([await state(one.id), await state(two.id)]).toEqual(['open', 'open']);
    expect(await undo()).toBeUndefined();
    // a new change after the undos is the next to undo
    await s.setChecklistState(two.id, 'skipped', '2026-11-22T11:00:00Z', '2026-11-22');
    expect(await s.lastChecklistChange()).toMatchObject({ id: two.id, before: 'open', after: 'skipped' });
  });

  it('an import is all or nothing, and --dry-run writes nothing', async () => {
    const s = await impl.open();
    const rows = [
      { line: 2, account: 'Acme', contact: { name: 'Li' } },
      { line: 3, account: 'Beta', contact: { name: 'Wu' } },
    ];
    const none = { accounts: 0, contactsAdded: 0, contactsUpdated: 0, contactsUnchanged: 0 };
    expect(await s.importRows(stream(rows), { at: '2026-11-20T00:00:00Z', dryRun: true })).toEqual({ ...none, accounts: 2, contactsAdded: 2 });
    expect(await s.getAccount('Acme')).toBeUndefined();
    expect(await s.importRows(stream(rows), { at: '2026-11-20T00:00:00Z' })).toEqual({ ...none, accounts: 2, contactsAdded: 2 });
    expect(await s.importRows(stream(rows), { at: '2026-11-20T00:00:00Z' })).toEqual({ ...none, contactsUnchanged: 2 });
    // a failure halfway (a file that changed under us, a full disk) leaves nothing of the import
    await expect(s.importRows(stream([{ line: 2, account: 'Gamma', contact: { name: 'Zhou' } }], new Error('boom')), { at: '2026-11-20T00:00:00Z' })).rejects.toThrow('boom');
    expect(await s.getAccount('Gamma')).toBeUndefined();
  });

  it('an existing contact (same name, same account, any case or width) is updated, not added twice; an empty cell keeps what is stored', async () => {
    const s = await impl.open();
    await save(s, 'Acme', A);
    const at = '2026-11-21T00:00:00Z';
    const rows = [
      { line: 2, account: 'ACME', contact: { name: 'li', title: 'CEO', role: 'first_kp', email: 'li@acme.example' } },
      { line: 3, account: 'ａｃｍｅ', contact: { name: ' LI ', phone: '+86 1' } },
      { line: 4, account: 'Acme', contact: { name: 'Wu  Fang', title: 'Buyer' } },
      { line: 5, account: 'Acme', contact: { name: 'wu fang', title: 'Buyer' } },
    ];
    const dry = await s.importRows(stream(rows), { at, dryRun: true });
    expect(dry).toEqual({ accounts: 0, contactsAdded: 1, contactsUpdated: 2, contactsUnchanged: 1 });
    expect((await s.timeline('Acme'))?.contacts).toEqual([expect.objectContaining({ name: 'Li', role: 'first_kp' })]);
    expect((await s.timeline('Acme'))?.contacts[0].title).toBeUndefined();
    expect(await s.importRows(stream(rows), { at })).toEqual(dry);
    const t = await s.timeline('Acme');
    expect(t?.contacts).toEqual([
      expect.objectContaining({ name: 'Li', title: 'CEO', role: 'first_kp', email: 'li@acme.example', phone: '+86 1', persona: 'koala' }),
      expect.objectContaining({ name: 'Wu  Fang', title: 'Buyer' }),
    ]);
    expect(t?.account.contacts).toBe(2);
  });

  it('reports progress while it imports', async () => {
    const s = await impl.open();
    const seen: number[] = [];
    const rows = Array.from({ length: 12_000 }, (_, i) => ({ line: i + 2, account: `Account ${i % 50}`, contact: { name: `Person ${i}` } }));
    const r = await s.importRows(stream(rows), { at: '2026-11-21T00:00:00Z', onProgress: (n) => seen.push(n) });
    expect(r).toMatchObject({ accounts: 50, contactsAdded: 12_000 });
    expect(seen).toEqual([10_000, 12_000]);
    expect((await s.getAccount('Account 7'))?.contacts).toBe(240);
  });

  it('the checklist by hand: add, close, reopen, and the last change for undo', async () => {
    const s = await impl.open();
    await save(s, 'Acme', A);
    const added = await s.addChecklistItem('Acme', 'Send the revised quote', '2026-12-01', '2026-11-21T09:00:00Z', '2026-11-21');
    expect(added).toMatchObject({ account: 'Acme', key: `rep:${added.id}`, text: 'Send the revised quote', due: '2026-12-01', state: 'open', byRep: true, since: '2026-11-21' });
    const { row, before } = await s.setChecklistState(added.id, 'done', '2026-11-22T09:00:00Z', '2026-11-22');
    expect([before, row.state]).toEqual(['open', 'done']);
    expect(await s.lastChecklistChange()).toMatchObject({ id: added.id, before: 'open', after: 'done' });
    expect((await s.openChecklist('Acme')).map((i) => i.id)).not.toContain(added.id);
    await s.setChecklistState(added.id, 'open', '2026-11-22T10:00:00Z', '2026-11-22');
    expect(await s.lastChecklistChange()).toMatchObject({ id: added.id, before: 'done', after: 'open' });
    expect((await s.openChecklist()).map((i) => i.id)).toContain(added.id);
    await expect(s.setChecklistState(999_999, 'done', '2026-11-22T10:00:00Z', '2026-11-22')).rejects.toThrow(/no checklist item 999999/);
    const kinds = (await s.timeline('Acme'))?.events.map((e) => e.event.kind);
    expect(kinds).toEqual(expect.arrayContaining(['step-added', 'step-closed', 'step-reopened']));
  });

  it('the review: a signed account is won, not in play: its own group, last, whatever its class', async () => {
    const s = await impl.open();
    await save(s, 'Acme', A, '2026-11-01');
    await save(s, 'Delta', { ...A, signed: 'yes' }, '2026-11-04');
    const p = await s.pipeline({ today: '2026-11-20' });
    expect(p.groups.map((g) => [g.key, g.count])).toEqual([['A', 1], ['signed', 1]]);
    expect(p.rows.filter((r) => r.signed).map((r) => r.name)).toEqual(['Delta']);
    expect((await s.pipeline({ today: '2026-11-20', groups: ['A'] })).rows.map((r) => r.name)).toEqual(['Acme']);
    expect((await s.pipeline({ today: '2026-11-20', groups: ['signed'] })).rows.map((r) => r.name)).toEqual(['Delta']);
  });

  it('the review lists the unclassified groups in order: an imported account never visited is new, a visit that could not classify is provisional', async () => {
    const s = await impl.open();
    await s.importRows(stream([{ line: 2, account: 'Nova' }, { line: 3, account: 'Omega' }]), { at: '2026-11-01T00:00:00Z' });
    await save(s, 'Gamma', { ...A, has_need: 'unknown' }, '2026-11-03');
    await save(s, 'Acme', A, '2026-11-01');
    const p = await s.pipeline({ today: '2026-11-20' });
    expect(p.groups.map((g) => [g.key, g.count])).toEqual([['A', 1], ['provisional', 1], ['new', 2]]);
    expect(p.rows.map((r) => r.name)).toEqual(['Acme', 'Gamma', 'Nova', 'Omega']);
    expect(p.flagCounts.provisional).toBe(1);
    expect((await s.pipeline({ today: '2026-11-20', groups: ['new'] })).rows.map((r) => r.name)).toEqual(['Nova', 'Omega']);
    expect((await s.pipeline({ today: '2026-11-20', groups: ['provisional'], limitPerGroup: 1 })).rows.map((r) => r.name)).toEqual(['Gamma']);
  });

  it('the review: groups by the class as the playbook ranked it, with flags against today', async () => {
    const s = await impl.open();
    await save(s, 'Acme', A, '2026-11-01');
    await save(s, 'Beta', { ...A, buying_power: 'no' }, '2026-11-02');
    await save(s, 'Gamma', { ...A, has_need: 'unknown' }, '2026-11-03');
    const p = await s.pipeline({ today: '2026-11-20' });
    expect(p.total).toBe(3);
    expect(p.groups.map((g) => [g.key, g.count])).toEqual([['A', 1], ['D', 1], ['provisional', 1]]);
    expect(p.rows.find((r) => r.name === 'Acme')?.flags).toEqual(expect.arrayContaining(['window', 'one_contact', 'overdue']));
    expect(p.flagCounts.window).toBe(1);
    const onlyA = await s.pipeline({ today: '2026-11-20', groups: ['A'], flags: ['window'] });
    expect(onlyA.rows.map((r) => r.name)).toEqual(['Acme']);
    const exported = await s.exportAll();
    expect(exported.accounts.map((a) => a.name)).toEqual(['Acme', 'Beta', 'Gamma']);
    expect(exported.visits).toHaveLength(3);
    expect(exported.events.length).toBeGreaterThan(3);
  });
});

async function* stream<T>(rows: T[], failAtEnd?: Error): AsyncGenerator<T> {
  for (const r of rows) yield r;
  if (failAtEnd) throw failAtEnd;
}
