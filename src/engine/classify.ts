/**
 * classifyAccount: the class rules tried in priority order, in three-valued logic. The first rule that
 * holds decides, unless a rule before it could not be decided because of a "don't know": then the
 * class is provisional, and the answers that keep it so are named.
 */
import type { ClassRule, Playbook } from './model.js';
import { type Answers, isUnknown } from './answers.js';
import { type ConditionContext, evaluateCondition, questionsOf } from './conditions.js';

export type Classification =
  | { status: 'classified'; rule: ClassRule; undecided: ClassRule[] }
  | { status: 'provisional'; rule?: ClassRule; undecided: ClassRule[]; unknownQuestions: string[] }
  | { status: 'unclassified'; undecided: ClassRule[] };

export function orderedRules(pb: Pick<Playbook, 'classes'>): ClassRule[] {
  // stable: equal priorities keep the written order
  return pb.classes.map((c, i) => ({ c, i })).sort((a, b) => a.c.priority - b.c.priority || a.i - b.i).map((x) => x.c);
}

export function classifyAccount(rules: readonly ClassRule[], ctx: ConditionContext): Classification {
  const undecided: ClassRule[] = [];
  for (const rule of rules) {
    const r = evaluateCondition(rule.when, ctx);
    if (r === true) {
      if (undecided.length === 0) return { status: 'classified', rule, undecided };
      return { status: 'provisional', rule, undecided, unknownQuestions: unknownsIn(undecided, ctx) };
    }
    if (r === 'unknown') undecided.push(rule);
  }
  if (undecided.length > 0) return { status: 'provisional', undecided, unknownQuestions: unknownsIn(undecided, ctx) };
  return { status: 'unclassified', undecided };
}

function unknownsIn(rules: readonly ClassRule[], ctx: ConditionContext): string[] {
  const ids = new Set<string>();
  for (const rule of rules) for (const id of questionsOf(rule.when)) ids.add(id);
  return [...ids].filter((id) => {
    const q = ctx.questions.get(id);
    return q !== undefined && isUnknown(q, ctx.answers[id]);
  });
}

export type { Answers };
