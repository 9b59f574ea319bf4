/**
 * The weekly review as a view model (built from the store's pipeline and events, pure) and its
 * renderers: terminal, JSON and CSV read the same model. Classes are named and ordered as the
 * playbook that gave them named and ranked them: a review needs no knowledge of A/B/C/D.
 */
import { stepText } from '../../core/steps.js';
import type { ChalkInstance } from 'chalk';
import { reasonsAbout, reasonsIn, type WithReasons } from '../../core/reasons.js';
import { daysBetween } from '../../engine/dates.js';
import type { Locale } from '../../playbook/types.js';
import type { Pipeline, PipelineFlag, StoredEvent } from '../../store/types.js';
import { formatDate, UI } from '../messages.js';
import { sanitize } from '../sanitize.js';
import { hanging, stringWidth } from '../layout.js';
import { VIEW_MESSAGES } from './messages.js';
import { formatMoney, formatTotals, sumMoney } from '../money.js';
import type { DealValue } from '../../engine/account.js';

export interface PipelineRowView {
  name: string;
  class?: string;
  classLabel: string;
  status: 'classified' | 'provisional' | 'unclassified' | 'new';
  classSince?: string;
  /** Days in the class; negative never: a class given for a planned visit is "planned". */
  classAgeDays?: number;
  plannedFor?: string;
  lastVisit?: string;
  signed: boolean;
  /** A signed account's day of signature: its age on screen counts from it, not from its class. */
  signedOn?: string;
  dropped: boolean;
  contacts: number;
  openItems: number;
  nextDue?: string;
  nextStep?: string;
  flags: PipelineFlag[];
  /** The deal's value, in the currency it was given in, and the day the customer expects to sign. */
  value?: DealValue;
  closeDate?: string;
}

export interface PipelineGroupView {
  key: string;
  title: string;
  class?: string;
  rank?: number;
  count: number;
  hidden: number;
  rows: PipelineRowView[];
  /** The group's accounts' values added up per currency, and how many have one. */
  values: { amount: number; currency?: string }[];
  valued: number;
}

export interface MovedView {
  date: string;
  account: string;
  movement: string;
  from?: string;
  to?: string;
  because: string[];
}

export interface PipelineView {
  locale: Locale;
  today: string;
  total: number;
  limit?: number;
  filtered: boolean;
  groups: PipelineGroupView[];
  flagCounts: Partial<Record<PipelineFlag, number>>;
  since?: string;
  moved?: MovedView[];
  /** Whose review a manager reads (accounts --rep); absent: the reader's own. */
  rep?: string;
  /** The accounts in play (a class or provisional or new; not signed, not dropped): their values per currency, how many have one, of how many. */
  inPlay: { values: { amount: number; currency?: string }[]; valued: number; accounts: number };
}

export function pipelineView(p: Pipeline, opts: { locale: Locale; today: string; limit?: number; filtered: boolean; since?: string; events?: StoredEvent[]; rep?: string; about?: string }): PipelineView {
  // a manager reads a rep's moves in the third person ("because wang_li met the first KP")
  const about = opts.about ?? opts.rep;
  const why = (ev: WithReasons) => (about ? reasonsAbout(ev, opts.locale, about) : reasonsIn(ev, opts.locale));
  const m = VIEW_MESSAGES[opts.locale];
  const titleOf = (key: string, labels?: Partial<Record<Locale, string>>, klass?: string) =>
    klass !== undefined ? (labels?.[opts.locale] ?? labels?.en ?? Object.values(labels ?? {})[0] ?? klass) : key === 'provisional' ? m.provisional : key === 'signed' ? m.signedGroup : m.newAccounts;
  const labelOf = new Map(p.groups.map((g) => [g.key, titleOf(g.key, g.labels, g.class)]));
  const groups = p.groups.map((g) => {
    const rows = p.rows
      .filter((r) => (r.signed ? 'signed' : (r.class ?? r.classStatus ?? 'new')) === g.key)
      .map((r): PipelineRowView => {
        const age = r.classSince ? daysBetween(r.classSince, opts.today) : undefined;
        return {
          name: r.name,
          ...(r.class ? { class: r.class } : {}),
          classLabel: labelOf.get(g.key) ?? g.key,
          status: r.classStatus ?? 'new',
          ...(r.classSince ? { classSince: r.classSince } : {}),
          ...(age !== undefined && age >= 0 ? { classAgeDays: age } : {}),
          ...(age !== undefined && age < 0 ? { plannedFor: r.classSince } : {}),
          ...(r.lastVisit ? { lastVisit: r.lastVisit } : {}),
          signed: r.signed,
          ...(r.signed && r.signedOn ? { signedOn: r.signedOn } : {}),
          dropped: r.dropped,
          contacts: r.contacts,
          openItems: r.openItems,
          ...(r.nextDue ? { nextDue: r.nextDue } : {}),
          ...(r.nextItem ? { nextStep: stepText({ text: r.nextItem, ...(r.nextItemTexts ? { texts: r.nextItemTexts } : {}) }, opts.locale) } : {}),
          flags: r.flags,
          ...(r.value ? { value: r.value } : {}),
          ...(r.closeDate ? { closeDate: r.closeDate } : {}),
        };
      });
    const values = (p.values ?? []).filter((v) => v.group === g.key);
    return {
      key: g.key,
      title: titleOf(g.key, g.labels, g.class),
      ...(g.class ? { class: g.class } : {}),
      ...(g.rank !== undefined ? { rank: g.rank } : {}),
      count: g.count,
      hidden: g.count - rows.length,
      rows,
      values: values.map((v) => ({ amount: v.amount, ...(v.currency ? { currency: v.currency } : {}) })),
      valued: values.reduce((n, v) => n + v.accounts, 0),
    };
  });
  // in play: every group but the signed and those that will not buy
  const playing = groups.filter((g, i) => g.key !== 'signed' && !p.groups[i].dropped);
  const inPlay = { values: sumMoney(playing.flatMap((g) => g.values)), valued: playing.reduce((n, g) => n + g.valued, 0), accounts: playing.reduce((n, g) => n + g.count, 0) };
  const flagCounts = Object.fromEntries(Object.entries(p.flagCounts).filter(([, n]) => n > 0)) as Partial<Record<PipelineFlag, number>>;
  // a move into a class that will not buy is one line: "dropped", with where from and why
  const events = opts.events?.filter((e, i, all) => !(e.event.kind === 'class-changed' && all[i + 1]?.event.kind === 'dropped' && all[i + 1].account === e.account && all[i + 1].event.date === e.event.date));
  const fromOf = new Map(opts.events?.flatMap((e, i, all) => (e.event.kind === 'dropped' && all[i - 1]?.event.kind === 'class-changed' && all[i - 1].account === e.account ? [[e, all[i - 1].event]] : [])) ?? []);
  // "new" is said of an account first seen in the period (its first class event has nothing before it);
  // an account seen before, provisional, that gets its first class now has moved from provisional
  const firstSeen = new Set(opts.events?.flatMap((e) => (e.event.kind === 'class-changed' && e.event.fromStatus === undefined && e.event.from === undefined ? [e.account] : [])));
  // and only of its first move: first seen provisional on 30 Nov, its class on 1 Dec is a change
  // from provisional, as the weekly report says it (it read "new" a day after the account appeared)
  const firstMove = new Map<string, StoredEvent>();
  for (const e of events ?? []) if (e.event.kind === 'class-changed' && !firstMove.has(e.account)) firstMove.set(e.account, e);
  const moved = events?.map((e): MovedView => {
    const ev = e.event;
    const label = (id: string | undefined, labels?: Partial<Record<Locale, string>>) => (id === undefined ? undefined : (labels?.[opts.locale] ?? labelOf.get(id) ?? id));
    if (ev.kind === 'class-changed') {
      const seen = ev.movement === 'new' && (!firstSeen.has(e.account) || firstMove.get(e.account) !== e);
      const from = ev.from ? label(ev.from, ev.fromLabels) : seen && ev.fromStatus === 'provisional' ? m.provisional : undefined;
      return { date: ev.date, account: e.account, movement: seen ? 'changed' : ev.movement, ...(from ? { from } : {}), ...(ev.to ? { to: label(ev.to, ev.labels) } : { to: m.provisional }), because: why(ev) };
    }
    if (ev.kind === 'dropped') {
      const before = fromOf.get(e);
      const change = before?.kind === 'class-changed' ? before : undefined;
      const from = change?.from ? label(change.from, change.fromLabels) : change?.fromStatus === 'provisional' ? m.provisional : undefined;
      return { date: ev.date, account: e.account, movement: 'dropped', ...(from ? { from } : {}), to: label(ev.class, change?.labels), because: why(ev) };
    }
    return { date: ev.date, account: e.account, movement: 'signed', ...(ev.kind === 'signed' && ev.class ? { to: label(ev.class) } : {}), because: [] };
  });
  return { locale: opts.locale, today: opts.today, total: p.total, ...(opts.limit ? { limit: opts.limit } : {}), filtered: opts.filtered, groups, flagCounts, ...(opts.since ? { since: opts.since } : {}), ...(moved ? { moved } : {}), ...(opts.rep ? { rep: opts.rep } : {}), inPlay };
}

/** The terminal: groups by class, each account on two lines wrapped to the width, flags in words. */
export function renderPipelineTerminal(v: PipelineView, c: ChalkInstance, width: number): string {
  const m = VIEW_MESSAGES[v.locale];
  const s = sanitize;
  const out: string[] = [];
  const counts = v.groups.map((g) => `${s(g.title)} ${g.count}`).join('   ');
  out.push(hanging(`${c.bold(v.rep ? m.pipelineOf(s(v.rep)) : m.pipeline)}  `, `${counts}${counts ? '   ' : ''}${c.dim(UI[v.locale].aside(m.shown(v.total)).trimStart())}`, width));
  if (v.inPlay.valued > 0) out.push(hanging('  ', m.valueInPlay(formatTotals(v.inPlay.values, v.locale), v.inPlay.valued, v.inPlay.accounts), width));
  // a manager's `accounts --rep R`: "account show lists them" would show the manager's own people
  const flagText: Record<string, string> = v.rep ? { ...m.flag, one_contact: m.oneContactOf(s(v.rep)) } : m.flag;
  const fc = Object.entries(v.flagCounts) as [PipelineFlag, number][];
  for (const [k, n] of fc) out.push(hanging(`  ${c.yellow(String(n).padStart(4))}  `, flagText[k], width));
  for (const g of v.groups) {
    const worth = g.valued > 0 ? c.dim(`  ${formatTotals(g.values, v.locale)}`) : '';
    out.push('', `${c.bold.underline(`${s(g.title)}${UI[v.locale].aside(String(g.count))}`)}${worth}`);
    for (const r of g.rows) {
      const status = [
        r.signedOn ? undefined : r.plannedFor ? m.planned(formatDate(r.plannedFor, v.locale)) : r.classAgeDays !== undefined ? m.classAge(r.classAgeDays) : undefined,
        r.signed ? c.green(r.signedOn ? m.signedOn(formatDate(r.signedOn, v.locale)) : m.signed) : undefined,
        r.dropped ? m.dropped : undefined,
        r.value ? formatMoney(r.value.amount, r.value.currency, v.locale) : undefined,
      ].filter(Boolean);
      out.push(hanging('  ', `${c.bold(s(r.name))}${status.length ? c.dim(`  ${status.join(' · ')}`) : ''}`, width));
      const next = r.nextDue ? m.next(formatDate(r.nextDue, v.locale), s(r.nextStep ?? '')) : c.dim(m.noNext);
      out.push(hanging('    ', next, width));
      if (r.flags.length) out.push(hanging('    ', c.yellow(r.flags.map((f) => `! ${flagOnLine(flagText[f])}`).join('  ')), width));
    }
    if (g.hidden > 0 && v.limit) out.push(c.dim(hanging('  ', m.more(g.hidden, v.limit), width)));
  }
  if (v.total === 0) out.push('', c.dim(v.filtered ? m.noneMatch : m.noAccounts));
  if (v.moved && v.since) {
    out.push('', c.bold.underline(m.movedSince(formatDate(v.since, v.locale))));
    if (v.moved.length === 0) out.push(c.dim(`  ${m.none}`));
    const w = Math.max(0, ...v.moved.map((x) => stringWidth(m.movement[x.movement] ?? x.movement)));
    const dates = v.moved.map((x) => formatDate(x.date, v.locale));
    const dw = Math.max(0, ...dates.map((d) => stringWidth(d)));
    v.moved.forEach((x, i) => {
      const kind = m.movement[x.movement] ?? x.movement;
      const fromTo = x.from && x.to ? m.fromTo(s(x.from), s(x.to)) : s(x.to ?? '');
      const why = x.because.length ? `${m.clauseSep}${m.because(s(x.because.join(m.and)))}` : '';
      out.push(hanging(`  ${dates[i]}${' '.repeat(dw - stringWidth(dates[i]))}  ${kind}${' '.repeat(w - stringWidth(kind))}  `, `${c.bold(s(x.account))} ${fromTo}${why}`, width));
    });
  }
  return `${out.join('\n')}\n`;
}

export function pipelineJson(v: PipelineView): unknown {
  return {
    ...(v.rep ? { rep: v.rep } : {}),
    today: v.today,
    total: v.total,
    counts: Object.fromEntries(v.groups.map((g) => [g.key, g.count])),
    groups: v.groups.map((g) => ({ key: g.key, title: g.title, ...(g.class ? { class: g.class } : {}), ...(g.rank !== undefined ? { rank: g.rank } : {}), count: g.count, valued: g.valued, values: g.values })),
    inPlay: v.inPlay,
    flagCounts: v.flagCounts,
    accounts: v.groups.flatMap((g) => g.rows),
    ...(v.moved ? { since: v.since, moved: v.moved } : {}),
  };
}

export const PIPELINE_CSV_HEADER = ['account', 'class', 'class_name', 'status', 'class_since', 'class_age_days', 'planned_for', 'last_visit', 'signed', 'dropped', 'contacts', 'open_items', 'next_due', 'next_step', 'flags', 'signed_on', 'value', 'currency', 'expected_close'];

export function pipelineCsvRows(v: PipelineView): unknown[][] {
  return v.groups.flatMap((g) =>
    g.rows.map((r) => [r.name, r.class, r.classLabel, r.status, r.classSince, r.classAgeDays, r.plannedFor, r.lastVisit, r.signed ? 'yes' : 'no', r.dropped ? 'yes' : 'no', r.contacts, r.openItems, r.nextDue, r.nextStep, r.flags.join(' '), r.signedOn, r.value?.amount, r.value?.currency, r.closeDate]),
  );
}

/** A flag on an account's line: without the hint in brackets the header's count line already gives once. */
export function flagOnLine(text: string): string {
  return text.replace(/ \([^)]*\)$/, '');
}
