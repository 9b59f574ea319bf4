/**
 * What moved, as the report, `accounts`, the team review and `account show` say it: one row per move
 * (a drop to D is "dropped: A → D", not also "downgraded A → D"), "new" only for an account first seen
 * in the period, and the reasons in the reader's language when the event stored them in every
 * language (`reasons`), else in the words they were stored with (`because`).
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { computeWeeklyReport } from '../../src/stats/stats.js';
import type { TeamReviewData } from '../../src/store/types.js';
import { readEvent, readStatsEvent } from '../../src/store/rows.js';
import type { Pipeline, StatsAccount, StatsEvent, StoredAccountEvent, StoredEvent } from '../../src/store/types.js';
import { accountView, renderAccountTerminal } from '../../src/ui/views/account.js';
import { labelerFor } from '../../src/ui/views/labels.js';
import { pipelineView, renderPipelineTerminal } from '../../src/ui/views/pipeline.js';
import { reportView } from '../../src/ui/views/report.js';
import { renderTeamTerminal, teamReviewView } from '../../src/ui/views/team.js';
import { builtin } from '../helpers/playbook.js';

const plain = new Chalk({ level: 0 });
const flat = (s: string) => s.replace(/\s+/g, ' ');
const L = (id: string) => ({ en: id, 'zh-CN': `${id}类客户`, 'zh-TW': `${id}類客戶` });
/** The engine's new field, on a hand-made event: the reasons in every language. */
const NO_POWER = { en: ['no buying power'], 'zh-CN': ['没有购买能力'], 'zh-TW': ['沒有購買能力'] };
const withReasons = <T extends StoredAccountEvent>(e: T, reasons: Record<string, string[]>): T => Object.assign(e, { reasons });

// today 2026-11-25; the week is 11-19 to 11-25; accounts' whole class histories
//   Fab     A on 11-02, dropped to D on 11-20 (saved by a zh-CN session, with reasons in every language)
//   Old     provisional on 11-12 (a prep), its first class B on 11-21: it moved, it is not new
//   Fresh   first seen on 11-22, class B: new
//   Legacy  A on 11-01, C on 11-23, stored before `reasons` existed: its words as stored
function history(): Record<string, StatsEvent[]> {
  return {
    Fab: [
      { kind: 'class-changed', date: '2026-11-02', to: 'A', labels: L('A'), status: 'classified', movement: 'new', because: ['你见到了第一KP'] },
      withReasons({ kind: 'class-changed', date: '2026-11-20', from: 'A', to: 'D', fromStatus: 'classified', fromLabels: L('A'), labels: L('D'), status: 'classified', movement: 'downgraded', because: ['没有购买能力'] }, NO_POWER),
      withReasons({ kind: 'dropped', date: '2026-11-20', class: 'D', because: ['没有购买能力'] }, NO_POWER),
    ],
    Old: [
      { kind: 'class-changed', date: '2026-11-12', status: 'provisional', movement: 'provisional', because: ['budget not known'] },
      { kind: 'class-changed', date: '2026-11-21', to: 'B', fromStatus: 'provisional', labels: L('B'), status: 'classified', movement: 'new', because: ['you met a second KP'] },
    ],
    Fresh: [{ kind: 'class-changed', date: '2026-11-22', to: 'B', labels: L('B'), status: 'classified', movement: 'new', because: ['you met a second KP'] }],
    Legacy: [
      { kind: 'class-changed', date: '2026-11-01', to: 'A', labels: L('A'), status: 'classified', movement: 'new', because: ['you met the first KP'] },
      { kind: 'class-changed', date: '2026-11-23', from: 'A', to: 'C', fromStatus: 'classified', fromLabels: L('A'), labels: L('C'), status: 'classified', movement: 'downgraded', because: ['审批要三层'] },
    ],
  };
}

const accounts = (): StatsAccount[] =>
  Object.entries(history()).map(([name, events]) => ({ name, playbookId: 'abcd', signed: false, dropped: name === 'Fab', contacts: 2, openItems: 1, events, visits: [] }));

const stored = (since: string): StoredEvent[] =>
  Object.entries(history()).flatMap(([account, events]) => events.filter((e) => e.date >= since).map((event, i) => ({ id: i, account, at: 'x', event })));

describe('the weekly report: what moved', () => {
  const report = () => computeWeeklyReport(accounts(), { today: '2026-11-25', playbooks: new Map([['abcd', builtin()]]), steps: [] });

  it('one row per move, "new" only for an account first seen this week', () => {
    const rows = reportView(report(), 'en').moved.rows;
    const what = Object.fromEntries(rows.map((r) => [r[1], r[2]]));
    expect(rows).toHaveLength(4);
    expect(what).toEqual({ Fab: 'dropped: A → D', Old: 'changed: provisional → B', Fresh: 'new: B', Legacy: 'downgraded: A → C' });
  });

  it('reasons in the reader\'s language when stored in every language; older ones as stored', () => {
    const why = (locale: 'en' | 'zh-CN' | 'zh-TW') => Object.fromEntries(reportView(report(), locale).moved.rows.map((r) => [r[1], r[3]]));
    expect(why('en').Fab).toBe('no buying power');
    expect(why('zh-CN').Fab).toBe('没有购买能力');
    expect(why('zh-TW').Fab).toBe('沒有購買能力');
    expect(why('en').Legacy).toBe('审批要三层');
  });
});

describe('accounts: what changed since', () => {
  const pipeline: Pipeline = { groups: [], rows: [], total: 0, flagCounts: { window: 0, no_next: 0, one_contact: 0, provisional: 0, overdue: 0 } };

  it('one line per move, "new" only for an account first seen in the period, reasons in the reader\'s language', () => {
    const v = pipelineView(pipeline, { locale: 'en', today: '2026-11-25', filtered: false, since: '2026-11-18', events: stored('2026-11-18') });
    expect(v.moved?.map((x) => [x.account, x.movement, x.from, x.to])).toEqual([
      ['Fab', 'dropped', 'A', 'D'],
      ['Old', 'changed', 'Provisional', 'B'],
      ['Fresh', 'new', undefined, 'B'],
      ['Legacy', 'downgraded', 'A', 'C'],
    ]);
    const text = flat(renderPipelineTerminal(v, plain, 100));
    expect(text).toContain('dropped Fab A → D, because no buying power');
    expect(text).not.toContain('没有购买能力');
    expect(text).toContain('Legacy A → C, because 审批要三层');
    // an account first seen in the period is new at its first move only: first seen provisional
    // (11-12), its first class (11-21) is a change from provisional, as the weekly report says it
    // (before: "new" again, nine days after the account appeared)
    const fromStart = pipelineView(pipeline, { locale: 'en', today: '2026-11-25', filtered: false, since: '2026-11-10', events: stored('2026-11-10') });
    expect(fromStart.moved?.filter((x) => x.account === 'Old').map((x) => [x.movement, x.from, x.to])).toEqual([
      ['provisional', undefined, 'Provisional'],
      ['changed', 'Provisional', 'B'],
    ]);
  });

  it('in Chinese: the stored Chinese reasons, the playbook\'s Chinese class names', () => {
    const text = flat(renderPipelineTerminal(pipelineView(pipeline, { locale: 'zh-CN', today: '2026-11-25', filtered: false, since: '2026-11-18', events: stored('2026-11-18') }), plain, 100));
    expect(text).toContain('Fab A类客户 → D类客户，因为没有购买能力');
  });
});

describe('the team review: what moved', () => {
  it('reads the same as the rep\'s own review', () => {
    const data: TeamReviewData = { groups: [], attention: [], events: stored('2026-11-18').map((event) => ({ rep: 'wang', event })) };
    const v = teamReviewView(data, { reps: ['wang'], locale: 'en', today: '2026-11-25', since: '2026-11-18' });
    expect(v.reps[0].moved.map((x) => x.movement)).toEqual(['dropped', 'changed', 'new', 'downgraded']);
    const text = flat(renderTeamTerminal(v, plain, 100));
    expect(text).toContain('dropped Fab A → D, because no buying power');
    expect(text).not.toMatch(/downgraded Fab/);
  });
});

describe('account show: the timeline', () => {
  it('says the reasons in the reader\'s language when stored, else as stored', () => {
    const events = [...history().Fab, ...history().Legacy].map((event, id): StoredEvent => ({ id, account: 'Fab', at: 'x', event }));
    const t = { account: { id: 1, name: 'Fab', createdAt: 'x', class: 'D', classStatus: 'classified' as const, classLabels: L('D'), signed: false, dropped: true, contacts: 1, openItems: 0 }, contacts: [], visits: [], events, checklist: [] };
    const en = flat(renderAccountTerminal(accountView(t, labelerFor(builtin(), 'en'), 'en'), plain, 100));
    expect(en).toContain('class moved from A to D because no buying power');
    expect(en).toContain('class moved from A to C because 审批要三层');
    const tw = flat(renderAccountTerminal(accountView(t, labelerFor(builtin(), 'zh-TW'), 'zh-TW'), plain, 100));
    expect(tw).toContain('因為沒有購買能力');
  });
});

describe('stored events with reasons are read back, and a damaged one is reported', () => {
  const data = { from: 'A', to: 'D', status: 'classified', movement: 'downgraded', because: ['没有购买能力'], reasons: NO_POWER };
  it('both readers keep `reasons`; an event without it reads as before', () => {
    expect(readEvent('class-changed', '2026-11-20', JSON.stringify(data), 'x')).toMatchObject({ reasons: NO_POWER });
    expect(readStatsEvent('class-changed', '2026-11-20', JSON.stringify(data), 'x')).toMatchObject({ reasons: NO_POWER });
    expect(readStatsEvent('dropped', '2026-11-20', JSON.stringify({ class: 'D', because: ['x'], reasons: NO_POWER }), 'x')).toMatchObject({ reasons: NO_POWER });
    const { reasons: _, ...old } = data;
    expect(readEvent('class-changed', '2026-11-20', JSON.stringify(old), 'x')).not.toHaveProperty('reasons');
  });
  it.each([
    ['a text instead of a list', { en: 'no buying power' }],
    ['a list of numbers', { en: [1] }],
    ['a list instead of a map', ['no buying power']],
  ])('%s is damage, named as such', (_name, reasons) => {
    const text = JSON.stringify({ ...data, reasons });
    expect(() => readEvent('class-changed', '2026-11-20', text, 'history of "Fab"')).toThrow(/cannot be read/);
    expect(() => readStatsEvent('class-changed', '2026-11-20', text, 'Fab')).toThrow(/cannot be read/);
  });
});
