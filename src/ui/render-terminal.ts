/** The result screen: class and why, self-questions, the persona's do / don't, flags, dated next steps, the recap. */
import type { ChalkInstance } from 'chalk';
import type { CoachingResult } from '../engine/evaluate.js';
import { formatDate, formatShortDate, othersLine, UI, withAside } from './messages.js';
import { classHeadLines } from './class-head.js';
import { sanitize, sanitizeBlock } from './sanitize.js';
import { hanging, wrap } from './layout.js';

/** What the session means for the account, beside the engine's result (from applyVisit). */
export interface AccountNotes {
  /** "Class moved from B to A because you met the first KP" (already in words). */
  moved?: string;
  /** Steps still open from earlier sessions, kept open. */
  stillOpen: { text: string; due: string }[];
  /** The day the session is run: a step due before it is overdue, and said so (colour alone was lost without it). */
  today?: string;
  /** A session dated before the account's latest visit: said so, since it moves nothing. */
  backfilled?: string;
}

export interface RenderOptions {
  /** Everything: the persona's whole profile every time, and every tip that held. */
  full?: boolean;
}

export function renderResult(r: CoachingResult, c: ChalkInstance, width = 80, notes?: AccountNotes, opts: RenderOptions = {}): string {
  const m = UI[r.locale];
  // names and labels are single lines; advice, reasons and the recap are paragraphs
  const s = (text: string) => sanitize(text);
  const b = (text: string) => sanitizeBlock(text);
  const out: string[] = [];
  const heading = (text: string) => {
    out.push('', c.bold.underline(text));
  };
  // colour goes on after sanitising: sanitising coloured text would strip the colour with the escapes
  const para = (text: string, indent = '  ', colour = (x: string) => x) => out.push(colour(wrap(b(text), width, indent)));
  const bullet = (mark: string, text: string, indent = '  ') => out.push(hanging(`${indent}${mark} `, b(text), width));

  const cls = r.classification;
  const badge =
    r.mode === 'plan'
      ? c.inverse.bold(` ${m.modeName.plan} `)
      : cls.signed || cls.signedBefore
      ? c.inverse.green(` ${m.signedBadge} `)
      : cls.status === 'classified'
      ? c.inverse.bold(` ${s(cls.label ?? cls.class ?? '')} `)
      : cls.status === 'provisional'
        ? c.inverse.yellow(` ${m.provisionalBadge(s((cls.candidateLabels ?? cls.candidates).join('/')))} `)
        : c.inverse.red(` ${m.unclassified} `);
  const title = [r.account ? s(r.account) : undefined, `${m.modeName[r.mode]} ${formatDate(r.visitDate, r.locale)}`].filter(Boolean).join(' · ');
  out.push(`${badge} ${c.bold(title)}`);
  // "A: signs within 7-10 days" says what the sign-by line says, with its date: one of them; a signed
  // account says so instead
  if (cls.signedBefore) out.push(c.green(`  ${m.signedBefore}`));
  // why it is an A argues for a deal still to win: once signed, the signature says it (the timeline
  // keeps the reasons), not "signs within 7-10 days" and its reasons under "signed, well done"; the
  // class's label is the badge's alone (class-head.ts)
  else if (!cls.signed) for (const line of classHeadLines(r, cls.name !== undefined && !(cls.cycle && cls.class))) para(line);
  for (const o of r.others ?? []) para(`${m.label(m.alsoMet, othersLine(o, r.locale))}${o.ledClass ? `${m.listSep}${m.classFollows(o.name)}` : ''}`, '  ', c.dim);
  // what the class means, when it is news: a first class, a new one, or --full; not at every visit
  // what the class means, when it moved (a first class is explained by its self-questions and window)
  if (cls.summary && (notes?.moved || opts.full)) para(cls.summary);
  // a window that ran out is the first flag's to say, not a deadline still to come
  if (cls.cycle && cls.class && !cls.cycle.overdue) para(m.signBy(formatDate(cls.cycle.deadline, r.locale), m.window(cls.cycle.minDays, cls.cycle.maxDays)), '  ', c.cyan);

  if (cls.signed) para(m.signedNow, '  ', c.green);
  if (notes?.backfilled) para(notes.backfilled, '  ', c.yellow);
  else if (notes?.moved) para(notes.moved, '  ', c.cyan);
  // a plan has no class of its own: nothing to compare with the last visit
  else if (r.previous && r.mode !== 'plan') {
    // no move: the class is the same as last time (a move is said by notes.moved, with its reason)
    // the same class as last time is no news: said only when it changed
    const now = cls.label ?? cls.class ?? m.provisional;
    // a prep's expected class is said by its reason already (预计是A类…记录上仍是B类): not a second time
    if (r.previous.class !== cls.class && !cls.expectedFrom) para(m.sinceLast(formatDate(r.previous.date, r.locale), r.previous.class ?? m.provisionalInline, now, r.mode === 'prep'), '  ', c.dim);
  }
  if (r.changes.length) {
    heading(m.changes);
    for (const ch of r.changes) bullet('~', ch.text);
  }

  if (r.selfQuestions.forward.length || r.selfQuestions.reverse.length) {
    heading(m.askYourself);
    for (const q of r.selfQuestions.forward) bullet(c.green('→'), q);
    for (const q of r.selfQuestions.reverse) bullet(c.magenta('←'), q);
  }

  if (r.visitPlan) {
    heading(m.plan);
    bullet('•', m.label(m.objective, r.visitPlan.objective));
    bullet('•', m.label(m.commitment, r.visitPlan.commitment));
    bullet('•', m.label(m.minimum, r.visitPlan.minimum));
  }

  // the profile once per person, then this visit's advice alone; no advice at all (a D): no section
  const personaBrief = r.persona?.known === true && !opts.full;
  const personaSays = r.persona ? [...(personaBrief ? [] : [...r.persona.do, ...r.persona.dont]), ...(r.persona.doNow ?? []), ...(r.persona.dontNow ?? [])].length > 0 : false;
  if (r.persona && (personaSays || opts.full)) {
    const p = r.persona;
    heading(m.label(m.persona, withAside(s(p.name), p.source === 'observed' ? m.observed : m.chosen, r.locale)));
    const brief = personaBrief;
    if (!brief) {
      if (p.summary) para(p.summary);
      // the guess shows what it rests on, and the seed's cues to check it against at the next visit
      if (p.observed.length) para(m.label(m.observedCues, p.observed.join(m.listSep)));
      // how to recognise the type matters while it is a guess; a type the rep named is recognised already
      // less what the rep saw already, said just above ("你观察到的：X" then "怎么识别：X")
      const toCheck = p.cues.filter((cue) => !p.observed.includes(cue));
      if (toCheck.length && (p.source === 'observed' || opts.full)) para(m.label(m.cues, toCheck.join(m.listSep)));
      // what the type is like is what the do and don't below come from: the whole of it with --full
      if (p.traits.length && opts.full) para(m.label(m.traits, p.traits.join(m.listSep)));
    }
    const dos = [...(brief ? [] : p.do), ...(p.doNow ?? [])];
    const donts = [...(brief ? [] : p.dont), ...(p.dontNow ?? [])];
    // the whole profile under its headings; after that, this visit's advice alone, marked + and -
    if (dos.length && !brief) out.push(c.green(`  ${m.do}`));
    for (const d of dos) bullet(c.green('+'), d, brief ? '  ' : '   ');
    if (donts.length && !brief) out.push(c.red(`  ${m.dont}`));
    for (const d of donts) bullet(c.red('-'), d, brief ? '  ' : '   ');
  }

  // no flags, no section: a rep reads what is there
  if (r.flags.length) heading(m.flags);
  for (const f of r.flags) {
    const mark = f.severity === 'critical' ? c.red.bold('!!') : f.severity === 'warning' ? c.yellow('! ') : c.blue('i ');
    bullet(mark, f.message);
    if (f.subtext) out.push(c.dim(wrap(b(f.subtext), width, '       ')));
  }

  // one list of what is open, by date: this session's steps and those still open from earlier visits
  // (a step carried from earlier keeps its first date: overdue stays overdue)
  const steps = [...r.checklist.map((i) => ({ text: i.text, due: i.due })), ...(notes?.stillOpen ?? [])].map((x, i) => ({ ...x, i })).sort((a, b) => a.due.localeCompare(b.due) || a.i - b.i);
  if (steps.length) {
    heading(m.nextSteps);
    const dates = steps.map((i) => formatShortDate(i.due, r.locale, r.visitDate));
    const w = Math.max(...dates.map((d) => d.length));
    steps.forEach((item, i) => {
      const late = item.due < r.visitDate;
      const overdue = notes?.today !== undefined && item.due < notes.today;
      out.push(hanging(`  [ ] ${(late ? c.red : c.cyan)(dates[i].padEnd(w))}  `, `${b(item.text)}${overdue ? c.red(m.overdueMark) : ''}`, width));
    });
  }

  const tips = opts.full ? [...r.tips, ...(r.moreTips ?? [])] : r.tips;
  if (tips.length) {
    heading(m.tips);
    if (!opts.full && r.moreTips?.length) out[out.length - 1] += c.dim(m.aside(m.moreWithFull(r.moreTips.length)));
    for (const t of tips) bullet('•', opts.full ? t.text : (t.short ?? t.text));
  }

  if (r.recap) {
    heading(r.mode === 'prep' ? m.recap : m.recapAfter);
    out.push(wrap(b(r.recap), width, '  │ '));
  }
  if (r.followUp) {
    heading(m.followUp);
    out.push(wrap(b(r.followUp), width, '  │ '));
  }
  return `${out.join('\n')}\n`;
}

