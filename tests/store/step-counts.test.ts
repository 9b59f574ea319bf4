/**
 * Every screen and export counts steps the same way (core/steps.ts): a step is overdue when it is
 * open and due before today, whatever the account's state. The trial found the report's overdue count
 * below the checklist's: the report and the review's flag left out a dropped account's open steps.
 */
import { Chalk } from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { toIcs } from '../../src/cli/transfer.js';
import { recordVisit } from '../../src/cli/record-visit.js';
import { countSteps, dueWhen, hasOverdueStep, isLapsed, isOverdue } from '../../src/core/steps.js';
import { addDays } from '../../src/engine/dates.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { computeWeeklyReport, REPORT_DAYS } from '../../src/stats/stats.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { ChecklistRow, Store } from '../../src/store/types.js';
import { accountView, renderAccountMarkdown, renderAccountTerminal } from '../../src/ui/views/account.js';
import { checklistView, renderChecklistTerminal } from '../../src/ui/views/checklist.js';
import { labelerFor } from '../../src/ui/views/labels.js';
import { pipelineView, renderPipelineTerminal } from '../../src/ui/views/pipeline.js';
import { reportView } from '../../src/ui/views/report.js';
import { closePgStores, freshDatabase, pgStore } from '../helpers/pg.js';
import { builtin } from '../helpers/playbook.js';

const plain = new Chalk({ level: 0 });
const A = { contact_name: 'Li', contact_role: 'first_kp', contacts_known: 1, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'commander', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'board', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };

const STORES: { name: string; open: () => Promise<Store> }[] = [
  { name: 'SQLite', open: async () => openSqliteStore(':memory:') },
  { name: 'PostgreSQL', open: async () => pgStore(await freshDatabase()) },
];

afterEach(async () => {
  await closePgStores();
});

describe('the one definition', () => {
  const step = (state: ChecklistRow['state'], due: string) => ({ state, due });
  it('open and due before today; due today is not overdue; closed and superseded steps never are', () => {
    expect(isOverdue(step('open', '2026-11-27'), '2026-12-04')).toBe(true);
    expect(isOverdue(step('open', '2026-12-04'), '2026-12-04')).toBe(false);
    expect(dueWhen(step('open', '2026-12-04'), '2026-12-04')).toBe('today');
    for (const s of ['done', 'skipped', 'superseded'] as const) expect(isOverdue(step(s, '2026-11-01'), '2026-12-04')).toBe(false);
    expect(hasOverdueStep({ nextDue: '2026-12-03' }, '2026-12-04')).toBe(true);
    expect(hasOverdueStep({}, '2026-12-04')).toBe(false);
    expect(countSteps([{ ...step('open', '2026-11-01'), account: 'a' }, { ...step('open', '2026-11-02'), account: 'a' }, { ...step('superseded', '2026-11-01'), account: 'b' }, { ...step('open', '2026-12-24'), account: 'b' }], '2026-12-04')).toEqual({ open: 3, overdue: 2, overdueAccounts: 1 });
  });
});

describe.each(STORES)('every screen counts the same overdue steps: $name', ({ open }) => {
  it('checklist, accounts, the report, account show and the calendar agree, a dropped account included', async () => {
    const pb = builtin();
    const store = await open();
    const visit = async (account: string, date: string, answers: Record<string, unknown>) => {
      const result = evaluateSession(pb, { mode: 'debrief', answers: answers as never, visitDate: date, locale: 'en', account: { name: account } });
      await recordVisit(store, pb, account, result, { at: `${date}T18:00:00Z` });
    };
    await visit('Acme', '2026-11-02', A);
    // Gamma is dropped (no buying power); a step of its own stays open, as the store keeps it
    await visit('Gamma', '2026-11-03', { ...A, buying_power: 'no' });
    await store.addChecklistItem('Gamma', 'Send the last brochure', '2026-11-05', '2026-11-03T19:00:00Z', '2026-11-03');
    const today = '2026-12-10';
    // every screen leaves out a step past its last day (the window's step once the window has ended)
    const steps = (await store.openChecklist()).filter((s) => !isLapsed(s, today));
    const overdue = steps.filter((s) => s.due < today);
    const overdueAccounts = new Set(overdue.map((s) => s.account)).size;
    expect(overdue.length).toBeGreaterThan(1);
    expect(overdue.some((s) => s.account === 'Gamma')).toBe(true);
    expect(overdueAccounts).toBe(2);

    // checklist: one "(overdue)" per overdue step
    const checklist = renderChecklistTerminal(checklistView(steps, 'en', today), plain, 200);
    expect(checklist.match(/\(overdue\)/g)).toHaveLength(overdue.length);

    // accounts: the flag on each account with an overdue step, the dropped one too
    const p = await store.pipeline({ today });
    expect(p.flagCounts.overdue).toBe(overdueAccounts);
    const review = renderPipelineTerminal(pipelineView(p, { locale: 'en', today, filtered: false }), plain, 200);
    expect(review).toMatch(new RegExp(`${overdueAccounts}  a next step is overdue`));

    // the report: the same steps, said as steps and accounts
    const rows = await store.statsHistory({ visits: false });
    const reportSteps = (await store.stepsDue({ to: addDays(today, REPORT_DAYS - 1) })).filter((s) => !isLapsed(s, today));
    const report = computeWeeklyReport(rows, { today, playbooks: new Map([['abcd', pb]]), steps: reportSteps });
    expect(report.flags.overdue).toBe(overdueAccounts);
    expect(reportView(report, 'en').steps.overdue).toBe(`${overdue.length} steps overdue, in ${overdueAccounts} accounts (sales-coach checklist lists them)`);
    // the steps in the reader's language (before: as they were first written, English in a Chinese report)
    const first = steps.filter((x) => x.texts?.['zh-CN']).map((x) => x.due).sort()[0];
    expect(first).toBeDefined();
    const week = await store.stepsDue({ from: first, to: addDays(first, REPORT_DAYS - 1) });
    const early = computeWeeklyReport(rows, { today: first, playbooks: new Map([['abcd', pb]]), steps: week });
    const zhItems = reportView(early, 'zh-CN').steps.days.flatMap((d) => d.items).join('\n');
    const worded = week.filter((x) => x.texts?.['zh-CN']);
    expect(worded.length).toBeGreaterThan(0);
    // under its account's label a step's own colon reads as a dash (one colon a line)
    for (const x of worded) expect(zhItems.replaceAll('——', '：')).toContain(x.texts?.['zh-CN']);
    // a manager's team report points to where a manager reads the steps (their own checklist is empty)
    expect(reportView(report, 'en', { team: ['ann'] }).steps.overdue).toBe(`${overdue.length} steps overdue, in ${overdueAccounts} accounts (sales-coach team review lists the accounts; account show NAME --rep REP their steps)`);

    // account show: the same steps marked overdue, in the terminal and in Markdown
    for (const name of ['Acme', 'Gamma']) {
      const t = await store.timeline(name);
      if (!t) throw new Error(name);
      const v = accountView(t, labelerFor(pb, 'en'), 'en', { today });
      const mine = overdue.filter((s) => s.account === name).length;
      expect(v.steps.filter((s) => s.overdue)).toHaveLength(mine);
      expect(renderAccountTerminal(v, plain, 200).match(/\(overdue\)/g) ?? []).toHaveLength(mine);
      expect(renderAccountMarkdown(v).match(/\(overdue\)/g) ?? []).toHaveLength(mine);
    }

    // the calendar: every open step, once
    expect(toIcs(steps, '20261210T000000Z').match(/BEGIN:VEVENT/g)).toHaveLength(steps.length);
    await store.close();
  });
});

describe('a superseded step (after a class change)', () => {
  const row = (id: number, state: ChecklistRow['state'], due: string): ChecklistRow => ({ id, account: 'Acme', key: `k${id}`, text: `Step ${id}`, due, state, since: '2026-11-01', byRep: false });

  it('is shown closed and marked, never open or overdue, in account show, its Markdown and the checklist', () => {
    const t = {
      account: { id: 1, name: 'Acme', createdAt: 'x', signed: false, dropped: false, contacts: 1, openItems: 1 },
      contacts: [],
      visits: [],
      events: [],
      checklist: [row(1, 'superseded', '2026-11-10'), row(2, 'open', '2026-11-20')],
    };
    // the brackets of the reader's language: (superseded), （已被取代）
    for (const [locale, word] of [['en', '(superseded)'], ['zh-CN', '（已被取代）'], ['zh-TW', '（已被取代）']] as const) {
      const v = accountView(t, labelerFor(builtin(), locale), locale, { today: '2026-12-01' });
      expect(v.steps.map((s) => s.overdue)).toEqual([false, true]);
      const text = renderAccountTerminal(v, plain, 100);
      // (a full-width bracket takes no space before it)
      const marked = word.replace(/[()]/g, '\\$&');
      expect(text).toMatch(new RegExp(`\\[-\\] +1 .*Step 1 ?${marked}`));
      expect(renderAccountMarkdown(v)).toMatch(new RegExp(`- \\[ \\] 2026-11-10: ~~Step 1~~ ?${marked}`));
    }
    expect(checklistView(t.checklist, 'en', '2026-12-01').items.map((i) => i.id)).toEqual([2]);
    expect(countSteps(t.checklist, '2026-12-01')).toEqual({ open: 1, overdue: 1, overdueAccounts: 1 });
  });
});
