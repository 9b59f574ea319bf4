/**
 * Cross-checks on a merged playbook. The checks themselves are small rules (./rules); this module
 * builds what they share (lookups, the walks over every condition and text, positions) and runs them.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { YamlSource } from '../core/yaml-source.js';
import { collectConstants } from '../engine/domain.js';
import type { AnswerValue } from '../engine/answers.js';
import type { Condition, PathSegment, Playbook, Question, Text } from '../engine/model.js';
import type { ConditionSite, TextSite } from './rules/rule.js';
import { eachCondition, eachText } from './walk.js';
import { RULES, type Rule, type RuleContext } from './rules/index.js';

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
  // walked once into parallel lists, then replayed for each rule that asks
  let conditions: { nodes: Condition[]; sites: ConditionSite[] } | undefined;
  let texts: { nodes: Text[]; sites: TextSite[] } | undefined;
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
    eachCondition: (visit) => {
      if (!conditions) {
        const all: { nodes: Condition[]; sites: ConditionSite[] } = { nodes: [], sites: [] };
        eachCondition(pb, (c, site) => {
          all.nodes.push(c);
          all.sites.push(site);
        });
        conditions = all;
      }
      const { nodes, sites } = conditions;
      for (let i = 0; i < nodes.length; i++) visit(nodes[i], sites[i]);
    },
    eachText: (visit) => {
      if (!texts) {
        const all: { nodes: Text[]; sites: TextSite[] } = { nodes: [], sites: [] };
        eachText(pb, (t, site) => {
          all.nodes.push(t);
          all.sites.push(site);
        });
        texts = all;
      }
      const { nodes, sites } = texts;
      for (let i = 0; i < nodes.length; i++) visit(nodes[i], sites[i]);
    },
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
