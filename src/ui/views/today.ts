/**
 * `today`: the rep's morning screen as a view model, built from plain rows by pure functions, and its
 * renderers. What counts as overdue is core/steps' one definition; which visit is planned is read from
 * accounts' state (a debrief's next-meeting answer, a prep saved for a day) and the rep's calendar.
 */
import type { ChalkInstance } from 'chalk';
import { addDays } from '../../engine/dates.js';
import { nameKey } from '../../engine/names.js';
import { dueWhen, isOpenStep, stepText } from '../../core/steps.js';
import type { Locale } from '../../playbook/types.js';
import type { AccountRow, ChecklistRow } from '../../store/types.js';
import { formatDate, UI } from '../messages.js';
import { hanging, stringWidth } from '../layout.js';
import { sanitize, shellCommand } from '../sanitize.js';
import type { DraftView } from './checklist.js';
import { VIEW_MESSAGES } from './messages.js';
import { type NoteView, noteLabel } from './team.js';
import { TODAY_MESSAGES } from './today-messages.js';

/**
 * The question whose answer is the next meeting's date. The built-in playbook's id: playbooks do not
 * yet declare it as a role (as they declare `roles.signed`), so a trainer's playbook that names it
 * otherwise gets its planned visits from its preps and the calendar only.
 */

/**
 * What an account's state says of its next visits: the latest session's answers (a debrief's
 * next-meeting date among them) and the days a prep named a person to be met (a debrief on that day
 * clears it: the visit took place).
 */
export interface AccountPlans {
  name: string;
  dropped: boolean;
  lastVisit?: string;
  /** The next meeting the latest session agreed (the playbook's roles.nextMeeting answer). */
  nextMeeting?: string;
  /** The days preps were saved for and not yet debriefed (each person's `plannedFor`). */
  preparedFor: readonly string[];
}

/** An event of the rep's calendar, on the rep's local day. */
export interface CalendarEvent {
  date: string;
  /** HH:MM, local; absent for an all-day event. */
  time?: string;
  summary: string;
  location?: string;
}

export type VisitSource = 'next-meeting' | 'prep' | 'calendar';

export interface PlannedVisitView {
  account: string;
  date: string;
  when: 'today' | 'tomorrow' | 'later';
  time?: string;
  /** The calendar event's title. */
  title?: string;
  sources: VisitSource[];
  /** A prep for this visit is saved already. */
  prepared: boolean;
  /** The command to run for it: the prep, or, once prepared, the debrief of a visit today. */
  command?: { kind: 'prep' | 'debrief'; line: string };
}

export interface StepView {
  id: number;
  account: string;
  due: string;
  text: string;
  when: 'overdue' | 'today' | 'later';
}

export interface WindowView {
  account: string;
  class: string;
  deadline: string;
}

/** A visit a prep was saved for, on a day gone, with no debrief of the person prepared for since. */
export interface UndebriefedView {
  account: string;
  date: string;
  command: string;
  /** Not prepared: the meeting the last visit agreed, whose day has gone with no session since. */
  agreed?: boolean;
}

/** How far back a prepared visit without its debrief is recalled: a fortnight, then it is history. */
export const UNDEBRIEFED_DAYS = 14;

export interface TodayView {
  locale: Locale;
  today: string;
  /** The last day shown: tomorrow, or six days on with --week. */
  to: string;
  week: boolean;
  visits: PlannedVisitView[];
  /** Visits prepared on a day gone and not debriefed: the rep's debrief is what closes their steps. */
  undebriefed: UndebriefedView[];
  steps: StepView[];
  pastWindow: WindowView[];
  notes: NoteView[];
  drafts: DraftView[];
  /** Calendar events in the period that named no account. */
  unmatchedEvents: number;
  /** Problems met on the way (a calendar that could not be read), each one line. */
  warnings: string[];
}

export interface TodayInput {
  locale: Locale;
  today: string;
  week: boolean;
  /** Accounts that may have a visit planned in the period. */
  accounts: readonly AccountPlans[];
  /** Every account's name, to match calendar events against. */
  accountNames: readonly string[];
  /** Calendar events in the period (any order). */
  events?: readonly CalendarEvent[];
  /** Open steps due on or before the period's last day. */
  steps: readonly ChecklistRow[];
  /** Accounts past their signing window (the store's `window` flag). */
  pastWindow: readonly AccountRow[];
  notes: readonly NoteView[];
  drafts: readonly DraftView[];
  warnings?: readonly string[];
}

/** The period's last day: tomorrow, or the seventh day with --week. */
export function periodEnd(today: string, week: boolean): string {
  return addDays(today, week ? 6 : 1);
}

const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * The visits an account has planned in [from, to]: each day a prep was saved for (prepared), and the
 * next meeting the latest debrief agreed, while no later session has taken place.
 */
export function plannedMeetings(a: AccountPlans, from: string, to: string): { date: string; source: 'next-meeting' | 'prep' }[] {
  const out = new Map<string, 'next-meeting' | 'prep'>();
  // a dropped account's visit is planned only by a prep: the rep chose to go back
  for (const d of a.preparedFor) if (d >= from && d <= to) out.set(d, 'prep');
  if (a.dropped) return [...out].map(([date, source]) => ({ date, source }));
  const next = a.nextMeeting;
  if (isDay(next) && next >= from && next <= to && (!a.lastVisit || next > a.lastVisit) && !out.has(next)) out.set(next, 'next-meeting');
  return [...out].map(([date, source]) => ({ date, source }));
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * The account a calendar event is for: the longest account name found in its title (or place), as
 * names match everywhere (case, width and spacing do not matter), and as a whole word where the name
 * starts or ends with a letter or digit ("Acme" is not found in "Acmes"); Chinese names match inside a
 * phrase (拜访恒达物流).
 */
export function matchAccount(event: Pick<CalendarEvent, 'summary' | 'location'>, names: readonly { name: string; key: string }[]): string | undefined {
  let best: { name: string; key: string } | undefined;
  for (const text of [event.summary, event.location ?? '']) {
    const hay = nameKey(text);
    if (!hay) continue;
    for (const n of names) {
      if (!n.key || (best && best.key.length >= n.key.length)) continue;
      let at = hay.indexOf(n.key);
      while (at >= 0) {
        const before = hay[at - 1];
        const after = hay[at + n.key.length];
        const latin = (ch: string | undefined) => ch !== undefined && WORD.test(ch) && !/\p{Script=Han}/u.test(ch);
        const okBefore = !(latin(before) && latin(n.key[0]));
        const okAfter = !(latin(after) && latin(n.key[n.key.length - 1]));
        if (okBefore && okAfter) {
          best = n;
          break;
        }
        at = hay.indexOf(n.key, at + 1);
      }
    }
    if (best) break;
  }
  return best?.name;
}

function whenOf(date: string, today: string): PlannedVisitView['when'] {
  return date === today ? 'today' : date === addDays(today, 1) ? 'tomorrow' : 'later';
}

export function todayView(input: TodayInput): TodayView {
  const { today, week, locale } = input;
  const to = periodEnd(today, week);
  const byKey = new Map<string, PlannedVisitView>();
  const add = (account: string, date: string, source: VisitSource, extra: { time?: string; title?: string } = {}) => {
    const key = `${nameKey(account)}\u0000${date}`;
    let v = byKey.get(key);
    if (!v) {
      v = { account, date, when: whenOf(date, today), sources: [], prepared: false };
      byKey.set(key, v);
    }
    if (!v.sources.includes(source)) v.sources.push(source);
    if (extra.time && (!v.time || extra.time < v.time)) v.time = extra.time;
    if (extra.title && !v.title) v.title = extra.title;
  };
  for (const a of input.accounts) {
    for (const m of plannedMeetings(a, today, to)) add(a.name, m.date, m.source);
  }
  let unmatchedEvents = 0;
  if (input.events?.length) {
    const names = input.accountNames.map((name) => ({ name, key: nameKey(name) }));
    for (const e of input.events) {
      if (e.date < today || e.date > to) continue;
      const account = matchAccount(e, names);
      if (account) add(account, e.date, 'calendar', { ...(e.time ? { time: e.time } : {}), title: e.summary });
      else unmatchedEvents++;
    }
  }
  const visits = [...byKey.entries()]
    .map(([, v]): PlannedVisitView => {
      const isPrepared = v.sources.includes('prep');
      const command = isPrepared
        ? v.date === today
          ? { kind: 'debrief' as const, line: shellCommand(['sales-coach', 'debrief', '--account', v.account]) }
          : undefined
        : { kind: 'prep' as const, line: shellCommand(['sales-coach', 'prep', '--account', v.account, '--date', v.date]) };
      return { ...v, prepared: isPrepared, ...(command ? { command } : {}) };
    })
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : (a.time ?? '99') !== (b.time ?? '99') ? ((a.time ?? '99') < (b.time ?? '99') ? -1 : 1) : a.account.localeCompare(b.account)));
  const recalled = (d: string) => d < today && d >= addDays(today, -UNDEBRIEFED_DAYS);
  const debrief = (account: string, date: string) => shellCommand(['sales-coach', 'debrief', '--account', account, '--date', date]);
  const undebriefed = input.accounts
    .flatMap((a): UndebriefedView[] => [
      // a D's prep too ("Not yet debriefed" said of every other class's): the rep went back to it
      ...a.preparedFor.filter(recalled).map((date) => ({ account: a.name, date, command: debrief(a.name, date) })),
      // a meeting agreed at the last visit whose day has gone with no session since (not prepared):
      // it left every screen the day after, and the rep's record of it with it
      ...(!a.dropped && isDay(a.nextMeeting) && recalled(a.nextMeeting) && !a.preparedFor.includes(a.nextMeeting) && (a.lastVisit === undefined || a.lastVisit < a.nextMeeting) ? [{ account: a.name, date: a.nextMeeting, command: debrief(a.name, a.nextMeeting), agreed: true }] : []),
    ])
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.account.localeCompare(b.account)));
  // open steps due today and overdue; with --week, also those due this week
  const steps = input.steps
    .filter((s) => isOpenStep(s) && s.due <= to && (week || dueWhen(s, today) !== 'later'))
    .map((s): StepView => ({ id: s.id, account: s.account, due: s.due, text: stepText(s, input.locale), when: dueWhen(s, today) }));
  const pastWindow = input.pastWindow
    .filter((r) => r.classDeadline !== undefined)
    .map((r): WindowView => ({ account: r.name, class: r.classLabels?.[locale] ?? r.class ?? '?', deadline: r.classDeadline as string }));
  // "not yet read": a question the rep has answered, or their manager has closed, has been read (a
  // closed thread was listed as unread, the answer and the close both written since the last visit)
  const notes = input.notes.filter((n) => n.kind !== 'class-challenged' || (!n.resolved && !n.replies?.length));
  return { locale, today, to, week, visits, undebriefed, steps, pastWindow, notes, drafts: [...input.drafts], unmatchedEvents, warnings: [...(input.warnings ?? [])] };
}

export function isEmptyDay(v: TodayView): boolean {
  return !v.visits.length && !v.undebriefed.length && !v.steps.length && !v.pastWindow.length && !v.notes.length && !v.drafts.length;
}

/** Lines of steps, or of accounts past their window, on the screen: the rest are counted, and --json has all. */
export const SECTION_LIMIT = 10;

export function renderTodayTerminal(v: TodayView, c: ChalkInstance, width: number): string {
  const m = TODAY_MESSAGES[v.locale];
  const vm = VIEW_MESSAGES[v.locale];
  const warnings = v.warnings.map((w) => `${c.yellow(sanitize(w))}\n`).join('');
  if (isEmptyDay(v)) return `${warnings}${v.week ? m.emptyWeek : m.emptyDay}\n`;
  const out: string[] = [c.bold(v.week ? m.weekTitle(formatDate(v.today, v.locale), formatDate(v.to, v.locale)) : m.title(formatDate(v.today, v.locale)))];
  const section = (title: string) => out.push('', c.bold.underline(title));
  if (v.visits.length) {
    section(m.visits);
    const labels = v.visits.map((x) => `${x.when === 'later' ? formatDate(x.date, v.locale) : m.when[x.when]}${x.time ? ` ${x.time}` : ''}`);
    const lw = Math.max(...labels.map(stringWidth));
    for (const [i, x] of v.visits.entries()) {
      const label = `  ${labels[i]}${' '.repeat(lw - stringWidth(labels[i]))}  `;
      const detail = [x.title ? UI[v.locale].quoted(sanitize(x.title)) : '', x.sources.map((s) => m.source[s]).join(UI[v.locale].tickSep)].filter(Boolean).join(' · ');
      out.push(hanging(label, `${c.bold(sanitize(x.account))}  ${c.dim(detail)}`, width));
      if (x.command) {
        // a command is copied whole: never broken at its spaces (the trial's '--date' ended a line
        // and its day began the next); too long for the line, it goes on a line of its own
        const say = x.command.kind === 'prep' ? m.prepWith : m.debriefWith;
        const whole = `      ${say(x.command.line)}`;
        if (stringWidth(whole) <= width) out.push(c.cyan(whole));
        else out.push(c.cyan(`      ${say('').trimEnd()}`), c.cyan(`        ${x.command.line}`));
      }
    }
  }
  if (v.undebriefed.length) {
    section(m.undebriefed);
    for (const u of v.undebriefed) {
      out.push(hanging('  ', `${c.bold(sanitize(u.account))}  ${(u.agreed ? m.agreedFor : m.preparedFor)(formatDate(u.date, v.locale))}`, width));
      // copied whole, as a visit's command above
      const whole = `      ${m.debriefWith(u.command)}`;
      if (stringWidth(whole) <= width) out.push(c.cyan(whole));
      else out.push(c.cyan(`      ${m.debriefWith('').trimEnd()}`), c.cyan(`        ${u.command}`));
    }
  }
  if (v.steps.length) {
    section(m.steps);
    const shown = v.steps.slice(0, SECTION_LIMIT);
    const idw = Math.max(...shown.map((s) => String(s.id).length));
    for (const s of shown) {
      const date = formatDate(s.due, v.locale);
      const when = s.when === 'overdue' ? c.red(m.overdueSince(date)) : s.when === 'today' ? c.yellow(m.dueToday) : m.dueOn(date);
      out.push(hanging(`  ${c.dim(String(s.id).padStart(idw))}  `, `${when}  ${UI[v.locale].label(c.bold(sanitize(s.account)), sanitize(s.text))}`, width));
    }
    if (v.steps.length > shown.length) out.push(c.dim(`  ${m.moreSteps(v.steps.length - shown.length)}`));
  }
  if (v.pastWindow.length) {
    section(m.pastWindow);
    for (const w of v.pastWindow.slice(0, SECTION_LIMIT)) out.push(hanging('  ', `${c.bold(sanitize(w.account))}  ${c.red(m.windowEnded(sanitize(w.class), formatDate(w.deadline, v.locale)))}`, width));
    if (v.pastWindow.length > SECTION_LIMIT) out.push(c.dim(`  ${m.moreWindow(v.pastWindow.length - SECTION_LIMIT)}`));
  }
  if (v.notes.length) {
    section(m.notes);
    for (const n of v.notes) out.push(hanging(`  ${formatDate(n.date, v.locale)}  `, noteLabel(v.locale, c.bold(sanitize(n.account)), (x) => sanitize(vm.managerNote(n.kind, n.by, n.class, x)), sanitize(n.note)), width));
  }
  if (v.drafts.length) {
    section(m.drafts);
    for (const d of v.drafts) {
      out.push(hanging('  ', vm.draftLine(vm.visit[d.mode] ?? d.mode, d.account ? c.bold(sanitize(d.account)) : vm.noAccount, d.answers, d.savedAt.slice(0, 16).replace('T', ' ')), width));
      out.push(hanging('      ', c.cyan(vm.resumeWith(d.resume)), width));
    }
  }
  if (v.unmatchedEvents) out.push('', c.dim(m.unmatched(v.unmatchedEvents)));
  return `${warnings}${out.join('\n')}\n`;
}

/** The same view as data for scripts: dates as YYYY-MM-DD, commands as lines to run. */
export function todayJson(v: TodayView): unknown {
  return {
    today: v.today,
    to: v.to,
    week: v.week,
    visits: v.visits.map((x) => ({ account: x.account, date: x.date, when: x.when, ...(x.time ? { time: x.time } : {}), ...(x.title ? { title: x.title } : {}), sources: x.sources, prepared: x.prepared, ...(x.command ? { command: x.command.line } : {}) })),
    undebriefed: v.undebriefed,
    steps: v.steps.map((s) => ({ id: s.id, account: s.account, due: s.due, text: s.text, overdue: s.when === 'overdue' })),
    pastWindow: v.pastWindow,
    notes: v.notes,
    drafts: v.drafts,
    unmatchedEvents: v.unmatchedEvents,
    ...(v.warnings.length ? { warnings: v.warnings } : {}),
    empty: isEmptyDay(v),
  };
}
