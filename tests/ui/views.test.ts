/** One renderer per view, each over a typed view model: what a rep reads, in words, wrapped, aligned. */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { AccountTimeline, Pipeline, StoredEvent } from '../../src/store/types.js';
import { stringWidth } from '../../src/ui/layout.js';
import { accountView, renderAccountMarkdown, renderAccountTerminal } from '../../src/ui/views/account.js';
import { checklistJson, checklistView, draftViews, renderChecklistTerminal, renderDraftsTerminal } from '../../src/ui/views/checklist.js';
import { labelerFor } from '../../src/ui/views/labels.js';
import { PIPELINE_CSV_HEADER, pipelineCsvRows, pipelineJson, pipelineView, renderPipelineTerminal } from '../../src/ui/views/pipeline.js';
import { builtin } from '../helpers/playbook.js';

const plain = new Chalk({ level: 0 });
const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));
const HOSTILE = 'Evil\u001b[31m Co\u0007\u009b2J';

const row = (over: Partial<Pipeline['rows'][number]>): Pipeline['rows'][number] => ({
  id: 1,
  name: 'Acme',
  createdAt: '2026-11-01',
  signed: false,
  dropped: false,
  contacts: 2,
  openItems: 1,
  flags: [],
  ...over,
});

function pipeline(): Pipeline {
  return {
    groups: [
      { key: 'commit', class: 'commit', rank: 1, labels: { en: 'Commit' }, dropped: false, count: 1 },
      { key: 'best_case', class: 'best_case', rank: 2, labels: { en: 'Best case', 'zh-CN': '最好情况' }, dropped: false, count: 2 },
      { key: 'provisional', dropped: false, count: 1 },
    ],
    rows: [
      row({ id: 1, name: 'Northwind', class: 'commit', classStatus: 'classified', classSince: '2026-11-20', nextDue: '2026-11-28', nextItem: 'Send the contract for signature to the economic buyer and confirm the date', flags: ['window'] }),
      row({ id: 2, name: '上海恒达物流有限公司', class: 'best_case', classStatus: 'classified', classSince: '2026-11-30', nextDue: '2026-11-29', nextItem: '带上同类型项目的成功案例：它能降低客户的工作难度，是客户最看重的资源' }),
      row({ id: 3, name: HOSTILE, classStatus: 'provisional', classSince: '2026-11-10' }),
    ],
    total: 4,
    flagCounts: { window: 1, no_next: 0, one_contact: 0, provisional: 1, overdue: 0 },
  };
}

describe('the review (pipeline view)', () => {
  it('groups by the playbook\'s own classes and names; a planned visit is "planned", never a negative age', () => {
    const v = pipelineView(pipeline(), { locale: 'en', today: '2026-11-25', limit: 1, filtered: false });
    expect(v.groups.map((g) => g.title)).toEqual(['Commit', 'Best case', 'Provisional']);
    expect(v.groups[1].hidden).toBe(1);
    const cjk = v.groups[1].rows[0];
    expect(cjk.classAgeDays).toBeUndefined();
    expect(cjk.plannedFor).toBe('2026-11-30');
    const text = renderPipelineTerminal(v, plain, 60);
    expect(text).toContain('Pipeline  Commit 1   Best case 2   Provisional 1');
    expect(text).toContain('classed at the visit of');
    expect(text).toContain('5 days in this class');
    expect(text).toContain('past its signing window: sign or reclassify');
    expect(text).toContain('… 1 more in this group');
    expect(text).not.toMatch(/-\d+d|best_case|no_next|\[window\]|\[-\]/);
    expect(widest(text)).toBeLessThanOrEqual(60);
    expect(text).not.toMatch(/[\u001b\u0007\u009b]/);
  });

  it('in Chinese, with the playbook\'s Chinese name where it has one', () => {
    const text = renderPipelineTerminal(pipelineView(pipeline(), { locale: 'zh-CN', today: '2026-11-25', filtered: false }), plain, 50);
    expect(text).toContain('最好情况 2');
    expect(text).toContain('已过签单周期');
    expect(widest(text)).toBeLessThanOrEqual(50);
  });

  it('moves read as words, a drop as one line with where from and why', () => {
    const ev = (account: string, event: StoredEvent['event']): StoredEvent => ({ id: 1, account, at: 'x', event });
    const events = [
      ev('Fab', { kind: 'class-changed', date: '2026-11-20', from: 'commit', to: 'out', fromLabels: { en: 'Commit' }, labels: { en: 'Out' }, status: 'classified', movement: 'downgraded', because: ['identified pain: no'] }),
      ev('Fab', { kind: 'dropped', date: '2026-11-20', class: 'out', because: ['identified pain: no'] }),
      ev('Contoso', { kind: 'signed', date: '2026-11-21', class: 'commit' }),
    ];
    const v = pipelineView(pipeline(), { locale: 'en', today: '2026-11-25', filtered: false, since: '2026-11-18', events });
    expect(v.moved).toEqual([
      // the class it dropped to by its label, as the class change named it: never the id
      { date: '2026-11-20', account: 'Fab', movement: 'dropped', from: 'Commit', to: 'Out', because: ['identified pain: no'] },
      { date: '2026-11-21', account: 'Contoso', movement: 'signed', to: 'Commit', because: [] },
    ]);
    expect(renderPipelineTerminal(v, plain, 80)).toMatch(/dropped {2}Fab Commit → Out, because identified pain: no/);
  });

  it('JSON and CSV render the same model: every account, names as data', () => {
    const v = pipelineView(pipeline(), { locale: 'en', today: '2026-11-25', filtered: false });
    const json = pipelineJson(v) as { counts: Record<string, number>; accounts: { name: string }[] };
    expect(json.counts).toEqual({ commit: 1, best_case: 2, provisional: 1 });
    expect(json.accounts.map((a) => a.name)).toEqual(['Northwind', '上海恒达物流有限公司', HOSTILE]);
    const csv = pipelineCsvRows(v);
    expect(csv).toHaveLength(3);
    expect(csv[0]).toHaveLength(PIPELINE_CSV_HEADER.length);
    expect(csv[1][PIPELINE_CSV_HEADER.indexOf('planned_for')]).toBe('2026-11-30');
  });
});

describe('one account (account view)', () => {
  const timeline = (): AccountTimeline => ({
    account: { id: 1, name: 'Acme', createdAt: 'x', class: 'A', classStatus: 'classified', classLabels: { en: 'A', 'zh-CN': 'A类客户' }, signed: false, dropped: false, contacts: 2, openItems: 1 },
    contacts: [
      { name: 'Li', title: 'General Manager', role: 'first_kp', persona: 'koala', firstMet: '2026-11-20', lastMet: '2026-11-27', facts: {} },
      { name: HOSTILE, role: 'second_kp', facts: {} },
    ],
    visits: [],
    events: [
      { id: 1, account: 'Acme', at: 'x', event: { kind: 'class-changed', date: '2026-11-20', to: 'B', labels: { en: 'B' }, status: 'classified', movement: 'new', because: ['you met a second KP'] } },
      { id: 2, account: 'Acme', at: 'x', event: { kind: 'class-changed', date: '2026-11-27', from: 'B', fromLabels: { en: 'B' }, to: 'A', labels: { en: 'A' }, status: 'classified', movement: 'upgraded', because: ['you met the first KP'] } },
      { id: 3, account: 'Acme', at: 'x', event: { kind: 'person-updated', date: '2026-11-27', person: 'Li', changes: [{ field: 'persona', before: 'thinker', after: 'koala' }, { field: 'trust_level', before: 'liked', after: 'believed' }] } },
      { id: 4, account: 'Acme', at: 'x', event: { kind: 'step-carried', date: '2026-11-27', stepId: 9, text: 'x', due: '2026-11-30' } },
    ],
    checklist: [
      { id: 9, account: 'Acme', key: 'k', text: 'Bring the success case', due: '2026-11-30', state: 'open', since: '2026-11-20', byRep: false },
      { id: 10, account: 'Acme', key: 'k2', text: 'Old step', due: '2026-11-21', state: 'skipped', since: '2026-11-20', byRep: false },
    ],
  });

  it('people, the timeline in words and the checklist with a legend: labels, never ids', () => {
    const v = accountView(timeline(), labelerFor(builtin(), 'en'), 'en');
    const text = renderAccountTerminal(v, plain, 70);
    const flat = text.replace(/\s+/g, ' ');
    expect(text).toMatch(/Li {2}General Manager · First KP · Coordinator/);
    expect(flat).toContain('class moved from B to A because you met the first KP');
    expect(flat).toContain('Li: type Thinker → Coordinator and trust They like me (shallow trust) → They believe me (medium trust)');
    expect(text).toContain('[ ] open   [x] done   [-] dropped');
    expect(text).not.toMatch(/first_kp|second_kp|trust_level|thinker\b/);
    expect(text).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(widest(text)).toBeLessThanOrEqual(70);
  });

  it('Markdown escapes what could be markup', () => {
    const t = timeline();
    t.account.name = '<b>Acme</b> *bold*';
    const md = renderAccountMarkdown(accountView(t, labelerFor(builtin(), 'en'), 'en'));
    expect(md).toContain('# &lt;b&gt;Acme&lt;/b&gt; \\*bold\\*');
    expect(md).toContain('- [ ] 2026-11-30: Bring the success case');
    expect(md).toContain('~~Old step~~');
  });

  it('without the playbook, ids are at least readable', () => {
    const text = renderAccountTerminal(accountView(timeline(), labelerFor(undefined, 'en'), 'en'), plain, 70);
    expect(text).toContain('first kp');
    expect(text).not.toContain('first_kp');
  });
});

describe('checklist and drafts views', () => {
  it('overdue and today are said in words; JSON keeps the ids', () => {
    const rows = [
      { id: 3, account: 'Acme', key: 'a', text: 'Call Li', due: '2026-11-20', state: 'open' as const, since: '2026-11-10', byRep: true },
      { id: 12, account: '上海恒达', key: 'b', text: '发送报价单，并确认签字人和签约日期，在签单周期内完成', due: '2026-11-25', state: 'open' as const, since: '2026-11-10', byRep: false },
    ];
    const v = checklistView(rows, 'en', '2026-11-25');
    const text = renderChecklistTerminal(v, plain, 50);
    expect(text).toContain('(overdue)');
    expect(text).toContain('(today)');
    expect(widest(text)).toBeLessThanOrEqual(50);
    expect(checklistJson(v)).toEqual([expect.objectContaining({ id: 3, overdue: true, byRep: true }), expect.objectContaining({ id: 12, overdue: false })]);
    expect(renderChecklistTerminal(checklistView([], 'zh-CN', '2026-11-25'), plain, 80)).toBe('没有待办的下一步。\n');
  });

  it('each draft with the command that continues it, quoted for the shell', () => {
    const list = draftViews([{ mode: 'prep', account: "O'Brien & Co", answers: { a: 1, b: 2 }, savedAt: '2026-11-25T10:00:00Z' }], (s) => `'${s.replace(/'/g, `'\\''`)}'`);
    const text = renderDraftsTerminal(list, 'en', plain, 80);
    expect(text).toContain("prep of O'Brien & Co: 2 answers, saved 2026-11-25 10:00");
    expect(text).toContain("sales-coach prep --resume --account 'O'\\''Brien & Co'");
  });
});

describe('today view', () => {
  it('keeps a command whole: too long for the line, on a line of its own, never broken at a space', async () => {
    const { renderTodayTerminal } = await import('../../src/ui/views/today.js');
    const plain = new Chalk({ level: 0 });
    const line = "sales-coach prep --account '远景制造有限公司' --date 2026-11-27";
    const view = { locale: 'zh-TW' as const, today: '2026-11-26', to: '2026-11-27', week: false, undebriefed: [], steps: [], pastWindow: [], notes: [], drafts: [], unmatchedEvents: 0, warnings: [], visits: [{ account: '远景制造有限公司', date: '2026-11-27', when: 'tomorrow' as const, sources: ['next-meeting' as const], prepared: false, command: { kind: 'prep' as const, line } }] };
    for (const width of [40, 50, 60, 80]) {
      const out = renderTodayTerminal(view as never, plain, width);
      expect(out.split('\n').some((l) => l.includes(line)), `width ${width}:\n${out}`).toBe(true);
    }
  });
});
