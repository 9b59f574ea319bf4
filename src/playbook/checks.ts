/**
 * Cross-checks on a merged playbook. The checks themselves are small rules (./rules); this module
 * builds what they share (lookups, the walks over every condition and text, positions) and runs them.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { YamlSource } from '../core/yaml-source.js';
import { collectConstants } from '../engine/domain.js';
import type { AnswerValue } from '../engine/answers.js';
import { SELF_QUESTION_FIELDS } from '../engine/text.js';
import type { Condition, PathSegment, Playbook, Question, Text } from '../engine/model.js';
import { formOf } from './rules/conditions.js';
import { RULES, type Rule, type RuleContext } from './rules/index.js';
import type { ConditionSite, TextSite } from './rules/rule.js';

type SourceOf = (file: string) => YamlSource | undefined;

/**
 * `partial`: some items were dropped for their own errors. The analyses that reason about the whole
 * playbook (reachability, class coverage) would then report ghosts, so they are skipped.
 */
export function checkPlaybook(pb: Playbook, sourceOf: SourceOf, partial = false, rules: readonly Rule[] = RULES): Diagnostic[] {
  const out: Diagnostic[] = [];
  const position = (item: object | undefined, sub: PathSegment[], onKey = false) => {
    const origin = item ? pb.origins.get(item) : undefined;
    const file = origin?.file ?? pb.files[0];
    const src = sourceOf(file);
    const path = [...(origin?.path ?? []), ...sub];
    return { file, ...(src ? (onKey ? src.locateKey(path) : src.locate(path)) : { line: 1, col: 1 }) };
  };
  const questions = new Map<string, Question>();
  const questionOrder = new Map<string, number>();
  pb.questions.forEach((q, i) => {
    if (!questions.has(q.id)) {
      questions.set(q.id, q);
      questionOrder.set(q.id, i);
    }
  });
  let constants: Map<string, AnswerValue[]> | undefined;
  const base: Omit<RuleContext, 'report'> = {
    pb,
    partial,
    questions,
    questionOrder,
    personaIds: pb.personas.map((p) => p.id),
    classIds: pb.classes.map((c) => c.id),
    damaged: (item, ...fields) => {
      const dropped = pb.damaged?.get(item);
      return dropped !== undefined && (fields.length === 0 || fields.some((f) => dropped.has(f)));
    },
    locate: (item, sub) => (pb.origins.has(item) ? position(item, sub) : undefined),
    eachCondition: (visit) => eachCondition(pb, visit),
    eachText: (visit) => eachText(pb, visit),
    unreachable: new Set(),
    constants: () => {
      constants ??= collectConstants(pb);
      return constants;
    },
  };
  for (const rule of rules) {
    if (rule.stage === 'analysis' && (partial || out.some((d) => d.severity === 'error'))) continue;
    rule.check({
      ...base,
      report: (item, sub, code, severity, message, hint, onKey) => out.push({ ...position(item, sub, onKey), code, severity, message, hint, rule: rule.id }),
    });
  }
  return out;
}

function eachCondition(pb: Playbook, visit: (c: Condition, site: ConditionSite) => void): void {
  const walk = (c: Condition, site: ConditionSite) => {
    visit(c, site);
    const form = formOf(c);
    if (form === 'all' || form === 'any') (c[form] ?? []).forEach((x, i) => walk(x, { ...site, path: [...site.path, form, i] }));
    else if (form === 'not' && c.not) walk(c.not, { ...site, path: [...site.path, 'not'] });
  };
  const outcome = (item: object, path: PathSegment[], c: Condition | undefined) => {
    if (c) walk(c, { item, path, classAllowed: true });
  };
  pb.questions.forEach((q, i) => {
    if (q.when) walk(q.when, { item: q, path: ['when'], classAllowed: false, beforeIndex: i });
  });
  for (const c of pb.classes) walk(c.when, { item: c, path: ['when'], classAllowed: false });
  for (const p of pb.personas) if (p.recognise) walk(p.recognise, { item: p, path: ['recognise'], classAllowed: false });
  for (const f of [...pb.flags, ...pb.personas.flatMap((p) => p.flags ?? [])]) outcome(f, ['when'], f.when);
  for (const item of [...pb.checklist, ...pb.personas.flatMap((p) => p.checklist ?? [])]) outcome(item, ['when'], item.when);
  for (const t of pb.tips) outcome(t, ['when'], t.when);
  if (pb.recap) outcome(pb.recap, ['when'], pb.recap.when);
  for (const p of pb.personas) {
    for (const key of ['do', 'dont'] as const) {
      (p[key] ?? []).forEach((a, i) => {
        if (typeof a === 'object' && 'id' in a) outcome(p, [key, i, 'when'], a.when);
      });
    }
  }
  for (const c of pb.classes) {
    for (const key of ['forward', 'reverse'] as const) (c[key] ?? []).forEach((sq, i) => outcome(c, [key, i, 'when'], sq.when));
  }
}

function eachText(pb: Playbook, visit: (text: Text, site: TextSite) => void): void {
  const plain = null;
  const templated: readonly string[] = [];
  const at = (text: Text | undefined, item: object, path: PathSegment[], placeholders: readonly string[] | null) => {
    if (text !== undefined) visit(text, { item, path, placeholders });
  };
  const top = {};
  at(pb.title, top, ['title'], plain);
  at(pb.description, top, ['description'], plain);
  for (const q of pb.questions) {
    at(q.text, q, ['text'], plain);
    at(q.short, q, ['short'], plain);
    at(q.help, q, ['help'], plain);
    at(q.findOut, q, ['findOut'], templated);
    (q.options ?? []).forEach((o, i) => {
      at(o.label, q, ['options', i, 'label'], plain);
      at(o.short, q, ['options', i, 'short'], plain);
      at(o.help, q, ['options', i, 'help'], plain);
    });
  }
  for (const p of pb.personas) {
    at(p.name, p, ['name'], plain);
    at(p.summary, p, ['summary'], plain);
    for (const key of ['cues', 'traits'] as const) (p[key] ?? []).forEach((t, i) => at(t, p, [key, i], plain));
    for (const key of ['do', 'dont'] as const) {
      (p[key] ?? []).forEach((a, i) => {
        if (typeof a === 'object' && 'id' in a) at(a.text, p, [key, i, 'text'], templated);
        else at(a, p, [key, i], templated);
      });
    }
  }
  for (const c of pb.classes) {
    at(c.name, c, ['name'], plain);
    at(c.summary, c, ['summary'], templated);
    for (const key of ['forward', 'reverse'] as const) (c[key] ?? []).forEach((sq, i) => at(sq.text, c, [key, i, 'text'], SELF_QUESTION_FIELDS));
    if (c.visit) for (const key of ['objective', 'commitment', 'minimum'] as const) at(c.visit[key], c, ['visit', key], SELF_QUESTION_FIELDS);
  }
  for (const f of [...pb.flags, ...pb.personas.flatMap((p) => p.flags ?? [])]) {
    at(f.message, f, ['message'], templated);
    at(f.subtext, f, ['subtext'], templated);
  }
  for (const item of [...pb.checklist, ...pb.personas.flatMap((p) => p.checklist ?? [])]) at(item.text, item, ['text'], SELF_QUESTION_FIELDS);
  for (const t of pb.tips) at(t.text, t, ['text'], templated);
  if (pb.recap) at(pb.recap.text, pb.recap, ['text'], templated);
}
