/**
 * The checks on a merged playbook, in the order they run. A new check is a new file here: a Rule with
 * its id, docs line and a golden fixture at tests/fixtures/rules/<id>.yaml (a test insists on both).
 * Analyses come last: they run only when the reference rules found no error.
 */
import { choiceOptions } from './choice-options.js';
import { classCoverage } from './class-coverage.js';
import { conditionForm } from './condition-form.js';
import { conditionOrder } from './condition-order.js';
import { conditionReferences } from './condition-references.js';
import { conditionValues } from './condition-values.js';
import { findOut } from './find-out.js';
import { hasClasses } from './has-classes.js';
import { optionValues } from './option-values.js';
import { personaQuestion } from './persona-question.js';
import { placeholders } from './placeholders.js';
import { precedence } from './precedence.js';
import { reachableQuestions } from './reachable-questions.js';
import { roles } from './roles.js';
import type { Rule } from './rule.js';
import { textControl } from './text-control.js';
import { textLocales } from './text-locales.js';
import { uniqueIds } from './unique-ids.js';
import { unusedQuestions } from './unused-questions.js';

export type { Rule, RuleContext } from './rule.js';

export const RULES: readonly Rule[] = [
  uniqueIds,
  hasClasses,
  choiceOptions,
  optionValues,
  personaQuestion,
  findOut,
  conditionForm,
  conditionReferences,
  conditionOrder,
  conditionValues,
  roles,
  precedence,
  textLocales,
  textControl,
  placeholders,
  // analyses: reachable-questions fills ctx.unreachable, which class-coverage reads
  reachableQuestions,
  classCoverage,
  unusedQuestions,
];
