import type { Answers, AnswerValue } from '../../engine/answers.js';
import { type ConditionContext, evaluateCondition, questionsIn } from '../../engine/conditions.js';
import { domainOf } from '../../engine/domain.js';
import type { Condition, Mode, Question } from '../../engine/model.js';
import type { Rule } from './rule.js';

export const MAX_COMBINATIONS = 200_000;

const BOTH_MODES: readonly Mode[] = ['prep', 'debrief'];

export const reachableQuestions: Rule = {
  id: 'reachable-questions',
  docs: 'Every question with a condition can be asked: some answers to what it reads make the condition hold.',
  stage: 'analysis',
  check({ pb, report, questions, personaIds, constants, unreachable }) {
    // a question is read by many conditions: its values are listed once (one found unreachable is
    // only ever tried unanswered). Unanswered is tried last: whether some combination holds does not
    // depend on the order they are tried in, and a condition most often holds for an answer, so the
    // search of a reachable question (nearly all of them) ends at its first combination or so.
    const domainCache = new Map<string, (AnswerValue | undefined)[]>();
    const domainFor = (id: string) => {
      if (unreachable.has(id)) return [undefined];
      let d = domainCache.get(id);
      if (!d) {
        const values = domainOf(questions.get(id) as Question, personaIds, constants().get(id));
        d = [...values.filter((v) => v !== undefined), ...values.filter((v) => v === undefined)];
        domainCache.set(id, d);
      }
      return d;
    };
    const personas = [undefined, ...personaIds];
    // one answers object for every question, each answer undefined again once tried: a fresh object
    // per question keyed by its own ids costs a new object shape for each (most of this rule's time)
    const answers: Record<string, AnswerValue | undefined> = {};
    for (const q of pb.questions) {
      if (!q.when) continue;
      const reads = [...questionsIn(q.when)];
      const domains = reads.map(domainFor);
      const holds = canHold(q.when, q.modes ?? BOTH_MODES, personas, questions);
      let reachable = false;
      let count = 0;
      const complete = enumerate(answers, reads, domains, (answers) => {
        if (holds(answers)) {
          reachable = true;
          return false;
        }
        count++;
        return count < MAX_COMBINATIONS;
      });
      if (complete && !reachable) {
        unreachable.add(q.id);
        report(q, ['when'], 'unreachable-question', 'error', `the question "${q.id}" can never be asked: no answers make its condition hold`, 'check the values it compares with and the questions it reads');
      }
    }
  },
};

/** Whether the condition may hold for these answers in some mode with some persona (or none). */
function canHold(when: Condition, modes: readonly Mode[], personas: readonly (string | undefined)[], questions: ReadonlyMap<string, Question>): (answers: Answers) => boolean {
  // one context, its mode and persona set in turn: this runs for each combination of each question
  const ctx: ConditionContext = { answers: {}, questions, mode: modes[0] ?? 'prep', persona: undefined };
  return (answers) => {
    ctx.answers = answers;
    for (const mode of modes) {
      ctx.mode = mode;
      for (const persona of personas) {
        ctx.persona = persona;
        if (evaluateCondition(when, ctx) !== false) return true;
      }
    }
    return false;
  };
}

/**
 * Calls visit for each combination, set in `answers` (left undefined again); stops when visit returns
 * false. Returns false if the space was too large.
 */
function enumerate(answers: Record<string, AnswerValue | undefined>, ids: string[], domains: (AnswerValue | undefined)[][], visit: (a: Answers) => boolean): boolean {
  let size = 1;
  for (const d of domains) size *= d.length;
  if (size > MAX_COMBINATIONS) return false;
  const go = (i: number): boolean => {
    // read as Answers: an undefined answer is no answer to every test
    if (i === ids.length) return visit(answers as Answers);
    for (const v of domains[i]) {
      answers[ids[i]] = v;
      if (!go(i + 1)) return false;
    }
    answers[ids[i]] = undefined;
    return true;
  };
  go(0);
  return true;
}
