/** Reading a condition's form once, so each condition rule agrees on what a node is. */
import { QUESTION_TESTS } from '../../engine/conditions.js';
import type { Condition } from '../../engine/model.js';

export const CONDITION_FORMS = ['all', 'any', 'not', 'question', 'persona', 'mode', 'class', 'metBefore', 'deciderWin', 'othersWin', 'onRecord'] as const;
export type ConditionForm = (typeof CONDITION_FORMS)[number];
export type QuestionTest = (typeof QUESTION_TESTS)[number];

// A key's rank in CONDITION_FORMS (as 0..6) or QUESTION_TESTS (as 100..108): the lists are read in
// that order whatever order the keys were written in.
const RANK = new Map<string, number>([...CONDITION_FORMS.map((f, i) => [f, i] as const), ...QUESTION_TESTS.map((t, i) => [t, 100 + i] as const)]);
// A sound node has one form and at most one test: those lists are shared, not built for each of a
// large playbook's tens of thousands of nodes (the walk's allocations were most of its time).
const NONE: readonly never[] = Object.freeze([]);
const ONE_FORM = new Map(CONDITION_FORMS.map((f) => [f, Object.freeze([f]) as readonly ConditionForm[]]));
const ONE_TEST = new Map(QUESTION_TESTS.map((t) => [t, Object.freeze([t]) as readonly QuestionTest[]]));

/** The forms and the question tests a node carries; a sound node has exactly one form. */
export function formsOf(c: Condition): { forms: readonly ConditionForm[]; tests: readonly QuestionTest[] } {
  // a node has a few keys of the sixteen it may have: read those rather than probe for each
  let form: ConditionForm | undefined;
  let test: QuestionTest | undefined;
  let forms: ConditionForm[] | undefined;
  let tests: QuestionTest[] | undefined;
  for (const key in c) {
    const rank = RANK.get(key);
    if (rank === undefined || (c as Record<string, unknown>)[key] === undefined) continue;
    if (rank < 100) {
      const f = CONDITION_FORMS[rank];
      if (form === undefined) form = f;
      else if (forms) forms.push(f);
      else forms = [form, f];
    } else {
      const t = QUESTION_TESTS[rank - 100];
      if (test === undefined) test = t;
      else if (tests) tests.push(t);
      else tests = [test, t];
    }
  }
  const byRank = (a: string, b: string) => (RANK.get(a) ?? 0) - (RANK.get(b) ?? 0);
  return {
    forms: forms ? forms.sort(byRank) : form === undefined ? NONE : (ONE_FORM.get(form) ?? NONE),
    tests: tests ? tests.sort(byRank) : test === undefined ? NONE : (ONE_TEST.get(test) ?? NONE),
  };
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
