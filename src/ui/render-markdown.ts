/** The result as Markdown (`--out FILE.md`): to keep, print or paste into a CRM note. */
import type { CoachingResult } from '../engine/evaluate.js';
import { classHead, classHeadLines } from './class-head.js';
import { formatDate, othersLine, UI } from './messages.js';
import { sanitize, sanitizeBlock } from './sanitize.js';

/**
 * Markdown-special characters in user text would restyle it, and `<`, `&` would open HTML or an
 * entity where Markdown is rendered: escape them all. One line: a newline would start a new block.
 */
function md(text: string): string {
  return sanitize(text).replace(/([\\`*_[\]<>#|&!~])/g, '\\$1');
}

export function renderMarkdown(r: CoachingResult): string {
  const m = UI[r.locale];
  const cls = r.classification;
  const lines: string[] = [];
  const title = [r.account, `${m.modeName[r.mode]} ${formatDate(r.visitDate, r.locale)}`].filter(Boolean).map((x) => md(String(x))).join(' · ');
  lines.push(`# ${title}`, '');
  // once signed, the signature is said, not the class's window and the reasons for a deal still to win
  const signed = cls.signed || cls.signedBefore;
  // the class's label once, in the heading: the name's rest beside it and the reasons' lists under it
  const { rest } = classHead(r);
  const label = md(cls.label ?? cls.class ?? '');
  const head = cls.status === 'classified' ? (signed || !rest ? label : m.label(label, md(rest))) : cls.status === 'provisional' ? m.provisionalBadge(md((cls.candidateLabels ?? cls.candidates).join(' / '))) : m.unclassified;
  lines.push(`## ${head}`, '');
  if (signed) lines.push(md(cls.signed ? m.signedNow : m.signedBefore), '');
  else for (const line of classHeadLines(r, false)) lines.push(md(line), '');
  for (const o of r.others ?? []) lines.push(md(`${m.label(m.alsoMet, othersLine(o, r.locale))}${o.ledClass ? `${m.listSep}${m.classFollows(o.name)}` : ''}`), '');
  if (cls.summary && !signed) lines.push(md(cls.summary), '');
  if (cls.cycle && cls.class) lines.push(`**${m.signBy(formatDate(cls.cycle.deadline, r.locale), m.window(cls.cycle.minDays, cls.cycle.maxDays))}**`, '');
  if (r.selfQuestions.forward.length || r.selfQuestions.reverse.length) {
    lines.push(`## ${m.askYourself}`, '');
    for (const q of r.selfQuestions.forward) lines.push(`- ${m.label(m.forward, md(q))}`);
    for (const q of r.selfQuestions.reverse) lines.push(`- ${m.label(m.reverse, md(q))}`);
    lines.push('');
  }
  if (r.visitPlan) {
    lines.push(`## ${m.plan}`, '', `- ${m.label(m.objective, md(r.visitPlan.objective))}`, `- ${m.label(m.commitment, md(r.visitPlan.commitment))}`, `- ${m.label(m.minimum, md(r.visitPlan.minimum))}`, '');
  }
  if (r.persona) {
    lines.push(`## ${m.label(m.persona, md(r.persona.name))}`, '');
    if (r.persona.summary) lines.push(md(r.persona.summary), '');
    if (r.persona.observed.length) lines.push(`- ${m.label(m.observedCues, md(r.persona.observed.join(m.listSep)))}`);
    const persona = r.persona;
    // the cues the rep has not seen yet: those seen are listed just above
    const toCheck = persona.cues.filter((cue) => !persona.observed.includes(cue));
    if (toCheck.length) lines.push(`- ${m.label(m.cues, md(toCheck.join(m.listSep)))}`);
    if (r.persona.traits.length) lines.push(`- ${m.label(m.traits, md(r.persona.traits.join(m.listSep)))}`);
    // a file is read once, later: the whole profile and every piece of advice
    for (const d of [...r.persona.do, ...(r.persona.doNow ?? [])]) lines.push(`- ${m.label(m.do, md(d))}`);
    for (const d of [...r.persona.dont, ...(r.persona.dontNow ?? [])]) lines.push(`- ${m.label(m.dont, md(d))}`);
    lines.push('');
  }
  lines.push(`## ${m.flags}`, '');
  if (r.flags.length === 0) lines.push(m.noFlags);
  for (const f of r.flags) lines.push(`- **${f.severity}**: ${md(f.message)}${f.subtext ? ` (${md(f.subtext)})` : ''}`);
  lines.push('');
  if (r.checklist.length) {
    lines.push(`## ${m.nextSteps}`, '');
    for (const item of r.checklist) lines.push(`- [ ] ${formatDate(item.due, r.locale)}: ${md(item.text)}`);
    lines.push('');
  }
  const tips = [...r.tips, ...(r.moreTips ?? [])];
  if (tips.length) {
    lines.push(`## ${m.tips}`, '');
    for (const t of tips) lines.push(`- ${md(t.text)}`);
    lines.push('');
  }
  const quote = (text: string) => sanitizeBlock(text).split('\n').map((l) => `> ${l.replace(/([\\`*_[\]<>#|&!~])/g, '\\$1')}`.trimEnd());
  if (r.recap) lines.push(`## ${r.mode === 'prep' ? m.recap : m.recapAfter}`, '', ...quote(r.recap), '');
  if (r.followUp) lines.push(`## ${m.followUp}`, '', ...quote(r.followUp), '');
  return `${lines.join('\n').trimEnd()}\n`;
}
