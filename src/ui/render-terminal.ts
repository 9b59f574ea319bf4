/** The result screen: class and why, self-questions, the persona's do / don't, flags, dated next steps, the recap. */
import type { ChalkInstance } from 'chalk';
import type { CoachingResult } from '../engine/evaluate.js';
import { formatDate, UI } from './messages.js';
import { sanitize, sanitizeBlock } from './sanitize.js';
import { hanging, wrap } from './style.js';

export function renderResult(r: CoachingResult, c: ChalkInstance, width = 80): string {
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
    cls.status === 'classified'
      ? c.inverse.bold(` ${s(cls.class ?? '?')} `)
      : cls.status === 'provisional'
        ? c.inverse.yellow(` ${m.provisional}: ${s(cls.candidates.join('/'))} `)
        : c.inverse.red(` ${m.unclassified} `);
  const title = [r.account ? s(r.account) : undefined, `${m[r.mode]} ${formatDate(r.visitDate, r.locale)}`].filter(Boolean).join(' · ');
  out.push(`${badge} ${c.bold(title)}`);
  if (cls.name) out.push(c.bold(`  ${s(cls.name)}`));
  for (const reason of cls.reasons) para(reason.text);
  if (cls.summary) para(cls.summary);
  if (cls.cycle && cls.class) para(m.signBy(formatDate(cls.cycle.deadline, r.locale), cls.class, m.window(cls.cycle.minDays, cls.cycle.maxDays)), '  ', c.cyan);

  if (r.previous) {
    const now = cls.class ?? (cls.status === 'provisional' ? '?' : '-');
    const before = r.previous.class ?? '?';
    para(m.sinceLast(formatDate(r.previous.date, r.locale), before, now), '  ', c.dim);
  }
  if (r.changes.length) {
    heading(m.changes);
    for (const ch of r.changes) bullet('~', `${ch.question}: ${JSON.stringify(ch.before)} → ${JSON.stringify(ch.after)}`);
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

  if (r.persona) {
    const p = r.persona;
    heading(`${m.label(m.persona, s(p.name))} ${m.aside(p.source === 'observed' ? m.observed : m.chosen)}`);
    if (p.summary) para(p.summary);
    if (p.do.length) {
      out.push(c.green(`  ${m.do}`));
      for (const d of p.do) bullet('+', d, '   ');
    }
    if (p.dont.length) {
      out.push(c.red(`  ${m.dont}`));
      for (const d of p.dont) bullet('-', d, '   ');
    }
  }

  heading(m.flags);
  if (r.flags.length === 0) out.push(c.dim(`  ${m.noFlags}`));
  for (const f of r.flags) {
    const mark = f.severity === 'critical' ? c.red.bold('!!') : f.severity === 'warning' ? c.yellow('! ') : c.blue('i ');
    bullet(mark, f.message);
    if (f.subtext) out.push(c.dim(wrap(b(f.subtext), width, '       ')));
  }

  if (r.checklist.length) {
    heading(m.nextSteps);
    const dates = r.checklist.map((i) => formatDate(i.due, r.locale));
    const w = Math.max(...dates.map((d) => d.length));
    r.checklist.forEach((item, i) => {
      out.push(hanging(`  [ ] ${c.cyan(dates[i].padEnd(w))}  `, b(item.text), width));
    });
  }

  if (r.tips.length) {
    heading(m.tips);
    for (const t of r.tips) bullet('•', t.text);
  }

  if (r.recap) {
    heading(m.recap);
    out.push(wrap(b(r.recap), width, '  │ '));
  }
  return `${out.join('\n')}\n`;
}
