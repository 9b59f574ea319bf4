/**
 * One account (`account show`) as a view model built from the stored timeline, and its renderers.
 * Every line is words in the session's language: events become sentences, ids become labels.
 */
import type { ChalkInstance } from 'chalk';
import { reasonsAbout, reasonsIn, type WithReasons } from '../../core/reasons.js';
import { isLapsed, isOverdue, stepText } from '../../core/steps.js';
import type { AnswerValue } from '../../engine/answers.js';
import { assertNever, type Locale } from '../../engine/model.js';
import type { AccountTimeline, ChecklistRow, StoredAccountEvent } from '../../store/types.js';
import { formatDate, UI } from '../messages.js';
import { sanitize } from '../sanitize.js';
import { hanging, stringWidth } from '../layout.js';
import type { Labeler } from './labels.js';
import { VIEW_MESSAGES } from './messages.js';
import { formatMoney } from '../money.js';

export interface PersonView {
  name: string;
  title?: string;
  role?: string;
  type?: string;
  /** The buying map (seed 003): where they stand, and their personal win. */
  stance?: string;
  personalWin?: string;
  met?: string;
  email?: string;
  phone?: string;
}

export interface StepView {
  id: number;
  state: ChecklistRow['state'];
  due: string;
  text: string;
  /** Open and due before today (core/steps.ts), as the checklist says it. */
  overdue: boolean;
  /** Why a session closed it (the timeline's words): the visit took place, the account was dropped… */
  closedBy?: string;
  /**
   * An open step past its last day (core/steps.ts isLapsed: "confirm the meeting of 25 Nov" seen on
   * 7 Dec): that day. Every list leaves it out and the next session closes it; here it is said so.
   */
  lapsed?: string;
}

export interface AccountView {
  locale: Locale;
  name: string;
  classTitle?: string;
  status: 'classified' | 'provisional' | 'unclassified' | 'new';
  signed: boolean;
  dropped: boolean;
  /** The deal's value, as money in the reader's language, and the day the customer expects to sign. */
  value?: string;
  closeDate?: string;
  people: PersonView[];
  timeline: { date: string; text: string }[];
  steps: StepView[];
}

/** One fact's change in the timeline's words, its owner named: "Mr Zhao: stance Neutral → A supporter"; the account's own without one. */
export function factChangeText(label: Labeler, locale: Locale, c: { person?: string; question: string; before: AnswerValue; after: AnswerValue }): string {
  const m = VIEW_MESSAGES[locale];
  const value = (v: AnswerValue) => (v === null ? m.unknownValue : label.answer(c.question, v));
  return m.factChange(c.person, label.question(c.question), value(c.before), value(c.after));
}

export function accountView(t: AccountTimeline, label: Labeler, locale: Locale, map?: { stance?: string; personalWin?: string; today?: string; about?: string }): AccountView {
  const m = VIEW_MESSAGES[locale];
  // a manager reads a rep's account: the reasons in the third person, the rep named
  const reasons = (e: WithReasons) => (map?.about ? reasonsAbout(e, locale, map.about) : reasonsIn(e, locale));
  const a = t.account;
  const classTitle = (id: string | undefined, labels?: Partial<Record<Locale, string>>) => (id ? (labels?.[locale] ?? (id === a.class ? a.classLabels?.[locale] : undefined) ?? id) : m.provisional);
  const why = (list: string[]) => list.join(m.and);
  const changesText = (changes: { field: string; before: AnswerValue; after: AnswerValue; currencies?: { before?: string; after?: string } }[]) =>
    changes
      .map((ch) => {
        const name = label.question(ch.field);
        const value = (v: typeof ch.before, currency: string | undefined) => (v === null ? m.unknownValue : ch.field === 'role' ? label.role(String(v)) : ch.field === 'persona' ? label.persona(String(v)) : ch.field === 'title' ? String(v) : label.answer(ch.field, v, currency));
        // an amount in the currency it was given in, where the event kept it (a config changed since)
        // ('' when it had none: never the account's present one)
        return `${name} ${value(ch.before, ch.currencies ? (ch.currencies.before ?? '') : undefined)} → ${value(ch.after, ch.currencies ? (ch.currencies.after ?? '') : undefined)}`;
      })
      .join(m.and);
  const eventText = (e: StoredAccountEvent, atVisit = false): string | undefined => {
    switch (e.kind) {
      case 'class-changed':
        if (e.status === 'provisional') return m.ev.classProvisional(why(reasons(e)));
        if (!e.to) return undefined;
        return e.from ? m.ev.classMoved(classTitle(e.from, e.fromLabels), classTitle(e.to, e.labels), why(reasons(e))) : m.ev.classNew(classTitle(e.to, e.labels), why(reasons(e)));
      case 'signed':
        return m.ev.signed;
      case 'dropped':
        return m.ev.dropped;
      case 'person-added':
        return (e.planned ? m.ev.personPlanned : m.ev.personAdded)(e.person, [e.title, e.role ? label.role(e.role) : undefined].filter(Boolean).join(UI[locale].tickSep));
      case 'person-updated':
        return m.ev.personUpdated(e.person, changesText(e.changes));
      case 'facts-updated':
        // a session's (the deal's value, its day) is said as what it is: not "set between visits"
        return atVisit ? m.ev.dealChanged(changesText(e.changes)) : m.ev.factsUpdated(changesText(e.changes));
      case 'step-opened':
        return m.ev.stepOpened(stepText(e, locale), formatDate(e.due, locale));
      case 'step-closed':
        return m.ev.stepClosed(stepText(e, locale), e.state, e.by);
      case 'step-reopened':
        return m.ev.stepReopened(e.text);
      case 'step-added':
        return m.ev.stepAdded(e.text, formatDate(e.due, locale));
      case 'step-carried':
        // a step still open at a later visit is no news; one carried to the visit it now prepares is
        // (its new date: not "new step" with its old one, as before)
        return e.until !== undefined ? m.ev.stepCarried(stepText(e, locale), formatDate(e.due, locale)) : undefined;
      case 'class-validated':
        return m.ev.classValidated(e.by, classTitle(e.class), e.note);
      case 'class-challenged':
        return m.ev.classChallenged(e.by, classTitle(e.class), e.note);
      case 'note-replied':
        // the rep's own account: their answer, "you"; a manager reads it by name
        return map?.about ? m.ev.noteReplied(e.by, e.note) : m.ev.noteRepliedOwn(e.note);
      case 'note-resolved':
        return m.ev.noteResolved(e.by, e.note);
      default:
        // a new kind of event is a compile error here until it is said in words
        return assertNever(e, 'account event');
    }
  };
  // a class's name in this language: from the account or from the events that named it
  const known = new Map<string, Partial<Record<Locale, string>>>();
  for (const e of t.events) {
    if (e.event.kind !== 'class-changed') continue;
    if (e.event.to && e.event.labels) known.set(e.event.to, e.event.labels);
    if (e.event.from && e.event.fromLabels) known.set(e.event.from, e.event.fromLabels);
  }
  if (a.class && a.classLabels) known.set(a.class, a.classLabels);
  const labelOf = (id: string | undefined) => (id ? known.get(id)?.[locale] : undefined);
  // a visit's events follow it, whatever else happened that day: the prep's "classified B" before the
  // debrief that moved it to A; an event of no visit (account set) falls when it was written
  const timeline: { date: string; text: string; at: string; order: number }[] = [];
  const visitAt = new Map(t.visits.map((v) => [v.id, v.createdAt]));
  t.visits.forEach((v, i) => {
    const c = v.result.classification;
    // the label the session stored is in the session's language: a zh-CN prep's "C类客户" on an English
    // screen was that; the class id names it where neither the account nor the visit has this language's
    const own = v.result.locale === locale ? c.label : undefined;
    const klass = c.status === 'classified' ? (labelOf(c.class) ?? c.labels?.[locale] ?? own ?? c.class ?? '') : c.status === 'provisional' ? m.provisional : '—';
    const flags = v.result.flags.length ? ` · ${m.flags(v.result.flags.length)}` : '';
    // an account plan has no class of its own: it is the plan, and its steps
    const text = v.mode === 'plan' ? (m.visit.plan ?? v.mode) : m.visitLine(m.visit[v.mode] ?? v.mode, v.person, klass);
    timeline.push({ date: v.date, text: `${text}${flags}`, at: v.createdAt, order: i });
  });
  t.events.forEach((e, i) => {
    const text = eventText(e.event, e.visitId !== undefined);
    if (text) timeline.push({ date: e.event.date, text, at: (e.visitId !== undefined ? visitAt.get(e.visitId) : undefined) ?? e.at, order: 1_000_000 + i });
  });
  timeline.sort((x, y) => x.date.localeCompare(y.date) || x.at.localeCompare(y.at) || x.order - y.order);
  // a step a session closed says why, as the timeline does: "superseded" read as another step had
  // replaced it, beside a timeline that said the visit took place (the rep's trial)
  const closedBy = new Map<number, string>();
  for (const e of t.events) if (e.event.kind === 'step-closed' && e.event.state === 'superseded') closedBy.set(e.event.stepId, m.closedBecause(e.event.by));
  return {
    locale,
    name: a.name,
    ...(a.class ? { classTitle: classTitle(a.class, a.classLabels) } : {}),
    status: a.classStatus ?? 'new',
    signed: a.signed,
    dropped: a.dropped,
    ...(a.value ? { value: formatMoney(a.value.amount, a.value.currency, locale) } : {}),
    ...(a.closeDate && !a.signed && !a.dropped ? { closeDate: a.closeDate } : {}),
    people: t.contacts.map((p) => ({
      name: p.name,
      ...(p.title ? { title: p.title } : {}),
      ...(p.role ? { role: label.role(p.role) } : {}),
      ...(p.persona ? { type: label.persona(p.persona) } : {}),
      ...(map?.stance && typeof p.facts?.[map.stance] === 'string' ? { stance: label.answer(map.stance, p.facts[map.stance]) } : {}),
      ...(map?.personalWin && typeof p.facts?.[map.personalWin] === 'string' ? { personalWin: p.facts[map.personalWin] as string } : {}),
      met: p.firstMet ? m.met(formatDate(p.firstMet, locale), formatDate(p.lastMet ?? p.firstMet, locale)) : p.plannedFor ? m.plannedMeeting(formatDate(p.plannedFor, locale), map?.today !== undefined && p.plannedFor < map.today) : m.notMet,
      ...(p.email ? { email: p.email } : {}),
      ...(p.phone ? { phone: p.phone } : {}),
    })),
    timeline: timeline.map(({ date, text }) => ({ date, text })),
    steps: t.checklist.map((s) => ({ id: s.id, state: s.state, due: s.due, text: stepText(s, locale), overdue: map?.today !== undefined && isOverdue(s, map.today) && !isLapsed(s, map.today), ...(s.state === 'open' && s.until !== undefined && map?.today !== undefined && isLapsed(s, map.today) ? { lapsed: s.until } : {}), ...(s.state === 'superseded' && closedBy.has(s.id) ? { closedBy: closedBy.get(s.id) } : {}) })),
  };
}

export function renderAccountTerminal(v: AccountView, c: ChalkInstance, width: number): string {
  const m = VIEW_MESSAGES[v.locale];
  const s = sanitize;
  const out: string[] = [];
  const badge = v.classTitle ? c.inverse(` ${s(v.classTitle)} `) : v.status === 'provisional' ? c.yellow(m.provisional) : '';
  const deal = [v.value, v.closeDate ? m.expectedClose(formatDate(v.closeDate, v.locale)) : undefined].filter(Boolean).join(' · ');
  out.push(`${c.bold(s(v.name))}  ${badge}${v.signed ? c.green(`  ${m.signed}`) : ''}${v.dropped ? c.dim(`  ${m.dropped}`) : ''}${deal ? `  ${deal}` : ''}`);
  out.push('', c.bold.underline(m.people));
  if (v.people.length === 0) out.push(c.dim(`  ${m.noPeople}`));
  for (const p of v.people) {
    const detail = [p.title, p.role, p.type, p.stance].filter(Boolean).map((x) => s(x as string)).join(' · ');
    out.push(hanging('  ', `${c.bold(s(p.name))}${detail ? `  ${detail}` : ''}${c.dim(UI[v.locale].aside(s(p.met ?? '')))}`, width));
    if (p.personalWin) out.push(hanging('    ', m.personalWin(s(p.personalWin)), width));
    const reach = [p.email, p.phone].filter(Boolean).map((x) => s(x as string)).join('  ');
    if (reach) out.push(hanging('    ', c.dim(reach), width));
  }
  out.push('', c.bold.underline(m.timeline));
  // dates padded to one width, so the texts line up whatever the day's digits
  const dates = v.timeline.map((e) => formatDate(e.date, v.locale));
  const dw = Math.max(0, ...dates.map((d) => stringWidth(d)));
  v.timeline.forEach((e, i) => {
    out.push(hanging(`  ${dates[i]}${' '.repeat(dw - stringWidth(dates[i]))}  `, s(e.text), width));
  });
  out.push('', c.bold.underline(m.checklist));
  if (v.steps.length === 0) out.push(c.dim(`  ${m.noSteps}`));
  else out.push(c.dim(`  ${m.legend}`));
  const due = v.steps.map((st) => formatDate(st.due, v.locale));
  const uw = Math.max(0, ...due.map((d) => stringWidth(d)));
  v.steps.forEach((st, i) => {
    // a superseded step reads as a dropped one, and says why it is closed
    const closed = st.state === 'skipped' || st.state === 'superseded';
    const mark = st.state === 'done' ? c.green('[x]') : closed ? c.dim('[-]') : '[ ]';
    const date = `${due[i]}${' '.repeat(uw - stringWidth(due[i]))}`;
    const aside = UI[v.locale].aside;
    const text = closed
      ? c.dim.strikethrough(s(st.text)) + (st.state === 'superseded' ? c.dim(aside(st.closedBy ?? m.superseded)) : '')
      : st.lapsed
        ? c.dim(`${s(st.text)}${aside(m.lapsed(formatDate(st.lapsed, v.locale)))}`)
        : st.overdue
          ? `${s(st.text)}${c.red(aside(m.overdue))}`
          : s(st.text);
    out.push(hanging(`  ${mark} ${String(st.id).padStart(4)}  ${date}  `, text, width));
  });
  return `${out.join('\n')}\n`;
}

/** Markdown for notes or a CRM: the same model, HTML escaped (a name is data, never markup). */
export function renderAccountMarkdown(v: AccountView): string {
  const m = VIEW_MESSAGES[v.locale];
  const e = (x: string) => sanitize(x).replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch] as string).replace(/([\\`*_[\]#|])/g, '\\$1');
  const deal = [v.value, v.closeDate ? m.expectedClose(formatDate(v.closeDate, v.locale)) : undefined].filter((x): x is string => x !== undefined);
  const out = [`# ${e(v.name)}${v.classTitle ? ` (${e(v.classTitle)})` : ''}`, '', ...(deal.length ? [e(deal.join(' · ')), ''] : []), `## ${m.people}`, ''];
  for (const p of v.people) out.push(`- **${e(p.name)}**${[p.title, p.role, p.type].filter(Boolean).map((x) => `, ${e(x as string)}`).join('')}`);
  out.push('', `## ${m.timeline}`, '');
  // no colon after the day: the event's text may hold one of its own (a step's title and detail)
  for (const t of v.timeline) out.push(`- ${t.date} ${e(t.text)}`);
  out.push('', `## ${m.checklist}`, '');
  for (const st of v.steps) {
    // the brackets of the reader's language, as on the terminal: (superseded), （已被取代）
    const aside = (x: string) => e(UI[v.locale].aside(x));
    const text =
      st.state === 'skipped'
        ? `~~${e(st.text)}~~`
        : st.state === 'superseded'
          ? `~~${e(st.text)}~~${aside(e(st.closedBy ?? m.superseded))}`
          : st.lapsed
            ? `${e(st.text)}${aside(m.lapsed(formatDate(st.lapsed, v.locale)))}`
            : st.overdue
              ? `${e(st.text)}${aside(m.overdue)}`
              : e(st.text);
    out.push(`- [${st.state === 'done' ? 'x' : ' '}] ${st.due}: ${text}`);
  }
  return `${out.join('\n')}\n`;
}
