import type { Answers, AnswerValue } from '../../engine/answers.js';
import { evaluateCondition, questionsIn } from '../../engine/conditions.js';
import { domainOf } from '../../engine/domain.js';
import type { Mode, Question } from '../../engine/model.js';
import type { Rule } from './rule.js';

export const MAX_COMBINATIONS = 200_000;

export const reachableQuestions: Rule = {
  id: 'reachable-questions',
  docs: 'Every question with a condition can be asked: some answers to what it reads make the condition hold.',
  stage: 'analysis',
  check({ pb, report, questions, personaIds, constants, unreachable }) {
    // a question is read by many conditions: its values are listed once (one found unreachable is
    // only ever tried unanswered)
    const domainCache = new Map<string, (AnswerValue | undefined)[]>();
    const domainFor = (id: string) => {
      if (unreachable.has(id)) return [undefined];
      let d = domainCache.get(id);
      if (!d) {
        d = domainOf(questions.get(id) as Question, personaIds, constants().get(id));
        domainCache.set(id, d);
      }
      return d;
    };
    const personas = [undefined, ...personaIds];
    const bothModes: Mode[] = ['prep', 'debrief'];
    for (const q of pb.questions) {
      if (!q.when) continue;
      const reads = [...questionsIn(q.when)];
      const domains = reads.map(domainFor);
      const modes: Mode[] = q.modes ?? bothModes;
      let reachable = false;
      let count = 0;
      const complete = enumerate(reads, domains, (answers) => {
        for (const mode of modes) {
          for (const persona of personas) {
            if (evaluateCondition(q.when, { answers, questions, mode, persona }) !== false) {
              reachable = true;
              return false;
            }
          }
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

/** Calls visit for each combination; stops when visit returns false. Returns false if the space was too large. */
function enumerate(ids: string[], domains: (AnswerValue | undefined)[][], visit: (a: Answers) => boolean): boolean {
  const size = domains.reduce((n, d) => n * d.length, 1);
  if (size > MAX_COMBINATIONS) return false;
  const answers: Answers = {};
  const go = (i: number): boolean => {
    if (i === ids.length) return visit(answers);
    for (const v of domains[i]) {
      if (v === undefined) delete answers[ids[i]];
      else answers[ids[i]] = v;
      if (!go(i + 1)) return false;
    }
    delete answers[ids[i]];
    return true;
  };
  go(0);
  return true;
}
