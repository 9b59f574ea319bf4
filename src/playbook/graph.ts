/**
 * The logic of a playbook as a Mermaid flowchart: questions -> conditions -> classes, flags, steps and
 * tips, in the trainer's locale. Pure: a playbook in, the Mermaid text out. A leaf test is the label of
 * the arrow from its question; all / any / not are small junction nodes.
 */
import type { Condition, Locale, Playbook } from './types.js';
import { localize } from '../engine/text.js';

const TESTS = ['equals', 'in', 'includes', 'gt', 'gte', 'lt', 'lte', 'answered', 'unknown'] as const;
const OPS: Record<(typeof TESTS)[number], string> = { equals: '=', in: 'in', includes: 'includes', gt: '>', gte: '>=', lt: '<', lte: '<=', answered: 'answered', unknown: "don't know" };

/** A label as Mermaid reads it inside quotes: no quotes, no line breaks, not too long. */
function label(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  const cut = one.length > max ? `${one.slice(0, max - 1)}…` : one;
  return cut.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
}

/** A node id Mermaid accepts whatever the item's id holds (ids may hold '-'). */
const nodeId = (kind: string, id: string) => `${kind}_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;

export function playbookGraph(pb: Playbook, locale: Locale = 'en'): string {
  const lines = ['flowchart LR'];
  const t = (text: Parameters<typeof localize>[0]) => localize(text, locale);
  let junctions = 0;
  for (const q of pb.questions) lines.push(`  ${nodeId('q', q.id)}["${label(`${q.id}: ${t(q.text)}`)}"]`);
  for (const c of pb.classes) lines.push(`  ${nodeId('class', c.id)}(["${label(`class ${t(c.name)}`)}"])`);
  for (const p of pb.personas) lines.push(`  ${nodeId('persona', p.id)}(("${label(`persona ${t(p.name)}`)}"))`);
  const flags = [...pb.flags, ...pb.personas.flatMap((p) => p.flags ?? [])];
  const steps = [...pb.checklist, ...pb.personas.flatMap((p) => p.checklist ?? [])];
  for (const f of flags) lines.push(`  ${nodeId('flag', f.id)}{{"${label(`flag ${f.id}: ${t(f.message)}`)}"}}`);
  for (const s of steps) lines.push(`  ${nodeId('step', s.id)}[/"${label(`step ${s.id}: ${t(s.text)}`)}"/]`);
  for (const tip of pb.tips) lines.push(`  ${nodeId('tip', tip.id)}>"${label(`tip ${tip.id}: ${t(tip.text)}`)}"]`);

  /** Draws the arrows that lead from what a condition reads into `target`. */
  const wire = (c: Condition, target: string) => {
    if (c.all || c.any || c.not) {
      const kind = c.all ? 'all' : c.any ? 'any' : 'not';
      const j = `j${++junctions}`;
      lines.push(`  ${j}{"${kind}"}`, `  ${j} --> ${target}`);
      for (const part of c.all ?? c.any ?? (c.not ? [c.not] : [])) wire(part, j);
      return;
    }
    if (c.question !== undefined) {
      const test = TESTS.find((k) => c[k] !== undefined);
      const value = test ? c[test] : undefined;
      const shown = test === 'answered' || test === 'unknown' ? `${value === false ? 'not ' : ''}${OPS[test]}` : `${test ? OPS[test] : ''} ${Array.isArray(value) ? value.join(', ') : String(value)}`;
      lines.push(`  ${nodeId('q', c.question)} -- "${label(shown.trim(), 30)}" --> ${target}`);
    } else if (c.class !== undefined) lines.push(`  ${nodeId('class', c.class)} --> ${target}`);
    else if (c.persona !== undefined) lines.push(`  ${nodeId('persona', c.persona)} --> ${target}`);
    else if (c.mode !== undefined) lines.push(`  ${nodeId('mode', c.mode)}(["in a ${c.mode}"]) --> ${target}`);
  };
  for (const q of pb.questions) if (q.when) wire(q.when, nodeId('q', q.id));
  for (const c of [...pb.classes].sort((a, b) => a.priority - b.priority)) wire(c.when, nodeId('class', c.id));
  for (const f of flags) wire(f.when, nodeId('flag', f.id));
  for (const s of steps) if (s.when) wire(s.when, nodeId('step', s.id));
  for (const tip of pb.tips) if (tip.when) wire(tip.when, nodeId('tip', tip.id));
  return `${lines.join('\n')}\n`;
}
