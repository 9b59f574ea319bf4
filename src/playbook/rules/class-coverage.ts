import type { Answers } from '../../engine/answers.js';
import { classifyAccount, orderedRules } from '../../engine/classify.js';
import { type ConditionContext, evaluateCondition, questionsIn } from '../../engine/conditions.js';
import { domainOf } from '../../engine/domain.js';
import { MODES, type Mode } from '../../engine/model.js';
import { MAX_COMBINATIONS } from './reachable-questions.js';
import type { Rule } from './rule.js';

export const classCoverage: Rule = {
  id: 'class-coverage',
  docs: 'The class rules classify every interview, and no two rules of the same priority hold for the same answers.',
  stage: 'analysis',
  check({ pb, report, questions, personaIds, constants, unreachable }) {
    if (pb.classes.length === 0) return;
    const rules = orderedRules(pb);
    // the questions the rules read, and the questions that decide whether those are asked
    const relevant = new Set<string>();
    const add = (id: string) => {
      if (relevant.has(id)) return;
      relevant.add(id);
      for (const dep of questionsIn(questions.get(id)?.when)) add(dep);
    };
    for (const r of rules) for (const id of questionsIn(r.when)) add(id);
    const order = pb.questions.filter((q) => relevant.has(q.id));
    let gap: Answers | undefined;
    const overlaps = new Map<string, Answers>();
    let leaves = 0;
    const walk = (i: number, answers: Answers, mode: Mode): boolean => {
      if (leaves > MAX_COMBINATIONS) return false;
      if (i === order.length) {
        leaves++;
        const ctx: ConditionContext = { answers, questions, mode };
        const result = classifyAccount(rules, ctx);
        if (result.status === 'unclassified' && !gap) gap = { ...answers };
        if (result.status === 'classified') {
          for (const other of rules) {
            if (other !== result.rule && other.priority === result.rule.priority && evaluateCondition(other.when, ctx) === true) {
              const key = [result.rule.id, other.id].sort().join('|');
              if (!overlaps.has(key)) overlaps.set(key, { ...answers });
            }
          }
        }
        return true;
      }
      const q = order[i];
      const asked = !unreachable.has(q.id) && (!q.modes || q.modes.includes(mode)) && evaluateCondition(q.when, { answers, questions, mode }) !== false;
      if (!asked) return walk(i + 1, answers, mode);
      const domain = domainOf(q, personaIds, constants().get(q.id)).filter((v) => v !== undefined || q.required === false);
      for (const v of domain) {
        const next = { ...answers };
        if (v !== undefined) next[q.id] = v;
        if (!walk(i + 1, next, mode)) return false;
      }
      return true;
    };
    for (const mode of MODES) if (!walk(0, {}, mode)) return;
    const show = (a: Answers) => Object.entries(a).map(([k, v]) => `${k} = ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`).join(', ') || 'no answers';
    if (gap) {
      report(rules[rules.length - 1], [], 'unclassified-answers', 'error', `no class rule holds for: ${show(gap)}`, 'add a rule for these answers, or widen a rule (a last rule such as D often catches what the others leave)');
    }
    for (const [key, answers] of overlaps) {
      const [a, b] = key.split('|');
      const later = rules.find((r) => r.id === b) ?? rules[0];
      report(later, ['priority'], 'overlapping-rules', 'error', `the rules for ${a} and ${b} both hold for: ${show(answers)}, and share priority ${later.priority}`, 'give one of them a lower priority number so it is tried first');
    }
  },
};
