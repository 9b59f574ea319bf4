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
        d = [];
        for (const v of values) if (v !== undefined) d.push(v);
        for (let k = values.length - d.length; k > 0; k--) d.push(undefined);
        domainCache.set(id, d);
      }
      return d;
    };
    const personas = [undefined, ...personaIds];
    // the class on record (onRecord) is the account's, not an answer: none, or any class the playbook has
    const records = [undefined, ...pb.classes.map((c) => c.id)];
    // one answers object and one context for every question, each answer undefined again once tried:
    // a fresh object per question keyed by its own ids costs a new object shape for each
    const answers: Record<string, AnswerValue | undefined> = {};
    const ctx: ConditionContext = { answers: answers as Answers, questions, mode: 'prep', persona: undefined };
    for (const q of pb.questions) {
      if (!q.when) continue;
      const reads = [...questionsIn(q.when)];
      const domains = reads.map(domainFor);
      let size = 1;
      for (const d of domains) size *= d.length;
      // too many combinations to try: the question is not judged
      if (size > MAX_COMBINATIONS) continue;
      if (!someHolds({ when: q.when, modes: q.modes ?? BOTH_MODES, personas, records, reads, domains, answers, ctx }, 0)) {
        unreachable.add(q.id);
        report(q, ['when'], 'unreachable-question', 'error', `the question "${q.id}" can never be asked: no answers make its condition hold`, 'check the values it compares with and the questions it reads');
      }
    }
  },
};

interface Search {
  when: Condition;
  modes: readonly Mode[];
  personas: readonly (string | undefined)[];
  records: readonly (string | undefined)[];
  reads: string[];
  domains: (AnswerValue | undefined)[][];
  /** The answers being tried, read by the conditions through ctx; left as they were found. */
  answers: Record<string, AnswerValue | undefined>;
  ctx: ConditionContext;
}

/** Whether some combination of the values of reads[i..] makes the condition hold (not false) in some mode, with some persona or none. */
function someHolds(s: Search, i: number): boolean {
  if (i === s.reads.length) {
    for (const mode of s.modes) {
      s.ctx.mode = mode;
      for (const persona of s.personas) {
        s.ctx.persona = persona;
        for (const onRecord of s.records) {
          if (onRecord === undefined) delete s.ctx.onRecord;
          else s.ctx.onRecord = onRecord;
          if (evaluateCondition(s.when, s.ctx) !== false) return true;
        }
      }
    }
    return false;
  }
  const id = s.reads[i];
  let found = false;
  for (const v of s.domains[i]) {
    s.answers[id] = v;
    found = someHolds(s, i + 1);
    if (found) break;
  }
  s.answers[id] = undefined;
  return found;
}
