/** Reading a condition's form once, so each condition rule agrees on what a node is. */
import { QUESTION_TESTS } from '../../engine/conditions.js';
import type { Condition } from '../../engine/model.js';

export const CONDITION_FORMS = ['all', 'any', 'not', 'question', 'persona', 'mode', 'class'] as const;
export type ConditionForm = (typeof CONDITION_FORMS)[number];
export type QuestionTest = (typeof QUESTION_TESTS)[number];

/** The forms and the question tests a node carries; a sound node has exactly one form. */
export function formsOf(c: Condition): { forms: ConditionForm[]; tests: QuestionTest[] } {
  return { forms: CONDITION_FORMS.filter((f) => c[f] !== undefined), tests: QUESTION_TESTS.filter((t) => c[t] !== undefined) };
}

/** The one form of a sound node, else undefined (condition-form reports why). */
export function formOf(c: Condition): ConditionForm | undefined {
  const { forms } = formsOf(c);
  return forms.length === 1 ? forms[0] : undefined;
}

/** A question test that other rules may judge: one form (question) and exactly one test. */
export function questionTestOf(c: Condition): { id: string; test: QuestionTest } | undefined {
  const { forms, tests } = formsOf(c);
  if (forms.length !== 1 || forms[0] !== 'question' || tests.length !== 1) return undefined;
  return { id: c.question as string, test: tests[0] };
}
