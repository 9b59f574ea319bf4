import { suggest } from '../../core/diagnostic.js';
import { choiceValues, UNKNOWN } from '../../engine/answers.js';
import type { Condition, PathSegment, Question } from '../../engine/model.js';
import { type QuestionTest, questionTestOf } from './conditions.js';
import type { Report, Rule } from './rule.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const conditionValues: Rule = {
  id: 'condition-values',
  docs: 'A question test fits the question: values it can take, includes: for multiple choice, gt/lt for numbers and dates, unknown: only where "don\'t know" is offered.',
  stage: 'reference',
  check({ report, eachCondition, questions, personaIds, damaged }) {
    // a question is read by many conditions: its values are listed once
    const choicesOf = new Map<Question, string[] | undefined>();
    eachCondition((c, site) => {
      const { item, path } = site;
      const t = questionTestOf(c, site);
      const q = t && questions.get(t.id);
      // a question kept without a faulty options: or allowUnknown: cannot say which values it takes
      if (!t || !q || damaged(q, 'options', 'allowUnknown')) return;
      let choices = choicesOf.get(q);
      if (choices === undefined && !choicesOf.has(q)) {
        choices = choiceValues(q, personaIds);
        choicesOf.set(q, choices);
      }
      checkTest(c, t.test, q, choices, { item, path, report });
    });
  },
};

function checkTest(c: Condition, test: QuestionTest, q: Question, choices: readonly string[] | undefined, where: { item: object; path: PathSegment[]; report: Report }): void {
  const { item, path, report } = where;
  // the path is built only for a report: most tests are sound
  const at = (): PathSegment[] => [...path, test];
  const impossible = (v: unknown, i?: number) => {
    const p = i === undefined ? at() : [...at(), i];
    report(item, p, 'impossible-value', 'error', `"${q.id}" can never be ${JSON.stringify(v)}`, choices ? suggest(String(v), choices, 'one of') : `"${q.id}" is a ${q.kind} question`);
  };
  const fitsChoice = (v: unknown) => {
    if (q.kind === 'yes-no' && typeof v === 'boolean') return true;
    if (v === UNKNOWN && q.allowUnknown) return true;
    return typeof v === 'string' && (choices?.includes(v) ?? false);
  };
  switch (test) {
    case 'equals':
    case 'in': {
      const values = test === 'equals' ? [c.equals] : (c.in ?? []);
      if (q.kind === 'multiple') {
        report(item, at(), 'bad-condition', 'error', `"${q.id}" takes several answers; test one option with includes:`, `write { question: ${q.id}, includes: VALUE }`, true);
        return;
      }
      values.forEach((v, i) => {
        const idx = test === 'in' ? i : undefined;
        if (v === UNKNOWN && q.allowUnknown) {
          report(item, idx === undefined ? at() : [...at(), idx], 'bad-condition', 'error', `"don't know" is not a value to compare with`, `write { question: ${q.id}, unknown: true }`);
        } else if (choices) {
          if (!fitsChoice(v)) impossible(v, idx);
        } else if (q.kind === 'number' && typeof v !== 'number') impossible(v, idx);
        else if (q.kind === 'date' && !(typeof v === 'string' && DATE.test(v))) impossible(v, idx);
      });
      return;
    }
    case 'includes':
      if (q.kind !== 'multiple') report(item, at(), 'bad-condition', 'error', `includes: tests a multiple-choice question; "${q.id}" is ${q.kind}`, 'use equals: or in:', true);
      else if (!choices?.includes(c.includes as string)) impossible(c.includes);
      return;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const v = c[test];
      if (q.kind === 'number') {
        if (typeof v !== 'number') report(item, at(), 'bad-condition', 'error', `"${q.id}" is a number; compare it with a number, not ${JSON.stringify(v)}`);
      } else if (q.kind === 'date') {
        if (!(typeof v === 'string' && DATE.test(v))) report(item, at(), 'bad-condition', 'error', `"${q.id}" is a date; compare it with a date written YYYY-MM-DD`);
      } else {
        report(item, at(), 'bad-condition', 'error', `${test}: compares numbers and dates; "${q.id}" is a ${q.kind} question`, 'use equals: or in:', true);
      }
      return;
    }
    case 'unknown':
      if (c.unknown && !q.allowUnknown) report(item, at(), 'impossible-value', 'error', `"${q.id}" does not offer "don't know", so this never holds`, `add allowUnknown: true to "${q.id}"`);
      return;
    case 'answered':
      return;
  }
}
