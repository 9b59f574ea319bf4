/**
 * A check on the merged playbook is a Rule: an id, one line of docs and a function that reports.
 * Rules know nothing of each other; the shared walks (every condition, every text) and the lookups
 * live in the context, so a new check is a new file added to the list in index.ts.
 */
import type { DiagnosticCode, Severity } from '../../core/diagnostic.js';
import type { AnswerValue } from '../../engine/answers.js';
import type { Condition, PathSegment, Playbook, Question, Text } from '../../engine/model.js';
import type { ConditionForm, QuestionTest } from './conditions.js';

export interface Rule {
  /** Stable, kebab-case; shown in `--format json` as `rule` and in docs/rules.md. */
  id: string;
  /** One line for docs/rules.md: what the rule refuses. */
  docs: string;
  /**
   * `reference`: checks items and what they name, and always runs. `analysis`: reasons about the whole
   * playbook (which questions can be asked, whether the rules classify everything) and runs only when
   * nothing was dropped and no rule reported an error, since it would otherwise report ghosts.
   */
  stage: 'reference' | 'analysis';
  check(ctx: RuleContext): void;
}

/** Report at an item's own file:line:col; `sub` is the path inside the item, `onKey` points at the key. */
export type Report = (
  item: object | undefined,
  sub: PathSegment[],
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  hint?: string,
  onKey?: boolean,
) => void;

/** Where a condition sits and what it may read. */
export interface ConditionSite {
  /** The node's forms and question tests, read once by the walk (a sound node has exactly one form). */
  forms: readonly ConditionForm[];
  tests: readonly QuestionTest[];
  item: object;
  path: PathSegment[];
  /** Only outcomes (flags, checklist, tips, self-questions, recap) may test the class. */
  classAllowed: boolean;
  /** For a question's own condition: its index, since it may read only questions asked before it. */
  beforeIndex?: number;
}

/** Where a text sits and which placeholders it may use: null = none are filled in (plain text). */
export interface TextSite {
  item: object;
  path: PathSegment[];
  placeholders: readonly string[] | null;
}

export interface RuleContext {
  pb: Playbook;
  /** Some items were dropped for their own errors (their ids are in pb.brokenIds). */
  partial: boolean;
  report: Report;
  /** Where an item (or a path inside it) was written, for messages that point at another place. */
  locate(item: object, sub: PathSegment[]): { file: string; line: number } | undefined;
  /**
   * The item was kept without some optional fields that had their own errors (already reported): a
   * rule that would read one of them (any, when none is named) says nothing rather than a consequence.
   */
  damaged(item: object, ...fields: string[]): boolean;
  /** First question of each id, and its index in the interview. */
  questions: Map<string, Question>;
  questionOrder: Map<string, number>;
  personaIds: string[];
  classIds: string[];
  /** Every condition node (nested ones too, under a well-formed all/any/not), in document order. */
  eachCondition(visit: (c: Condition, site: ConditionSite) => void): void;
  /** Every text of the playbook with where it is. */
  eachText(visit: (text: Text, site: TextSite) => void): void;
  /** Shared between analyses: questions found never asked (filled by reachable-questions). */
  unreachable: Set<string>;
  /** Constants that conditions compare each open question with (computed on first use). */
  constants(): Map<string, AnswerValue[]>;
}
