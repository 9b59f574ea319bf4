/** Reading a condition's form once, so each condition rule agrees on what a node is. */
import { QUESTION_TESTS } from '../../engine/conditions.js';
import type { Condition } from '../../engine/model.js';

export const CONDITION_FORMS = ['all', 'any', 'not', 'question', 'persona', 'mode', 'class'] as const;
export type ConditionForm = (typeof CONDITION_FORMS)[number];
export type QuestionTest = (typeof QUESTION_TESTS)[number];

/** The forms and the question tests a node carries; a sound node has exactly one form. */
export function formsOf(c: Condition): { forms: ConditionForm[]; tests: QuestionTest[] } {
  const forms: ConditionForm[] = [];
  const tests: QuestionTest[] = [];
  for (const f of CONDITION_FORMS) if (c[f] !== undefined) forms.push(f);
  for (const t of QUESTION_TESTS) if (c[t] !== undefined) tests.push(t);
  return { forms, tests };
}

/** The one form of a sound node, else undefined (condition-form reports why). */
export function formOf(c: Condition, shape: { forms: readonly ConditionForm[] } = formsOf(c)): ConditionForm | undefined {
  return shape.forms.length === 1 ? shape.forms[0] : undefined;
}

/** A question test that other rules may judge: one form (question) and exactly one test. */
export function questionTestOf(c: Condition, shape: { forms: readonly ConditionForm[]; tests: readonly QuestionTest[] } = formsOf(c)): { id: string; test: QuestionTest } | undefined {
  const { forms, tests } = shape;
  if (forms.length !== 1 || forms[0] !== 'question' || tests.length !== 1) return undefined;
  return { id: c.question as string, test: tests[0] };
}
