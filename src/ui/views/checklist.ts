/** Open next steps (`checklist`) as a view model and its renderers. */
import type { ChalkInstance } from 'chalk';
import { dueWhen, isOpenStep, stepText } from '../../core/steps.js';
import type { Locale } from '../../playbook/types.js';
import type { ChecklistRow } from '../../store/types.js';
import { formatDate, UI } from '../messages.js';
import { sanitize } from '../sanitize.js';
import { hanging } from '../layout.js';
import { VIEW_MESSAGES } from './messages.js';

export interface ChecklistItemView {
  id: number;
  account: string;
  due: string;
  text: string;
  when: 'overdue' | 'today' | 'later';
  byRep: boolean;
}

export interface ChecklistView {
  locale: Locale;
  today: string;
  items: ChecklistItemView[];
}

export function checklistView(rows: ChecklistRow[], locale: Locale, today: string): ChecklistView {
  return {
    locale,
    today,
    // open steps only, whatever the caller read: a closed or superseded step is not a next step
    items: rows.filter(isOpenStep).map((r) => ({ id: r.id, account: r.account, due: r.due, text: stepText(r, locale), when: dueWhen(r, today), byRep: r.byRep })),
  };
}

export function renderChecklistTerminal(v: ChecklistView, c: ChalkInstance, width: number): string {
  const m = VIEW_MESSAGES[v.locale];
  if (v.items.length === 0) return `${m.noOpenSteps}\n`;
  const out: string[] = [];
  const idw = Math.max(...v.items.map((i) => String(i.id).length));
  for (const i of v.items) {
    const date = formatDate(i.due, v.locale);
    const aside = UI[v.locale].aside;
    const when = i.when === 'overdue' ? c.red(`${date}${aside(m.overdue)}`) : i.when === 'today' ? c.yellow(`${date}${aside(m.dueToday)}`) : date;
    out.push(hanging(`${c.dim(String(i.id).padStart(idw))}  `, `${when}  ${UI[v.locale].label(c.bold(sanitize(i.account)), sanitize(i.text))}`, width));
  }
  return `${out.join('\n')}\n`;
}

export function checklistJson(v: ChecklistView): unknown {
  return v.items.map((i) => ({ id: i.id, account: i.account, due: i.due, text: i.text, overdue: i.when === 'overdue', byRep: i.byRep }));
}

export interface DraftView {
  mode: string;
  account?: string;
  answers: number;
  savedAt: string;
  resume: string;
}

export function renderDraftsTerminal(list: DraftView[], locale: Locale, c: ChalkInstance, width: number): string {
  const m = VIEW_MESSAGES[locale];
  if (list.length === 0) return `${m.noDrafts}\n`;
  const out: string[] = [];
  for (const d of list) {
    out.push(hanging('  ', m.draftLine(m.visit[d.mode] ?? d.mode, d.account ? c.bold(sanitize(d.account)) : m.noAccount, d.answers, d.savedAt.slice(0, 16).replace('T', ' ')), width));
    out.push(hanging('    ', c.dim(m.resumeWith(d.resume)), width));
  }
  return `${out.join('\n')}\n`;
}

export function draftViews(drafts: { mode: string; account?: string; answers: object; savedAt: string }[], quote: (s: string) => string): DraftView[] {
  return drafts.map((d) => ({ mode: d.mode, ...(d.account ? { account: d.account } : {}), answers: Object.keys(d.answers).length, savedAt: d.savedAt, resume: `sales-coach ${d.mode} --resume${d.account ? ` --account ${quote(d.account)}` : ''}` }));
}
