/**
 * Conditions are data evaluated in three-valued logic: an answer of "don't know" makes a test
 * `unknown` rather than false, so the engine can say the class is provisional and which answers keep
 * it so, instead of guessing.
 */
import type { Condition, Mode, Question } from './model.js';
import { type AnswerValue, type Answers, isUnknown } from './answers.js';

export type Tri = true | false | 'unknown';

export interface ConditionContext {
  answers: Answers;
  questions: ReadonlyMap<string, Question>;
  mode: Mode;
  persona?: string;
  klass?: string;
  /** The person met was met before at this account; undefined where no account is known (a test, a try): read as met. */
  metBefore?: boolean;
  /** The account's first KP has a personal win on record; undefined (no account, no first KP known) reads as none. */
  deciderWin?: boolean;
  /** Someone on the account besides the person met and the first KP has a personal win on record; undefined reads as none. */
  othersWin?: boolean;
  /** The account's class on record before this session; undefined (no account, none recorded) matches no class. */
  onRecord?: string;
  /**
   * A leaf the caller reads as undecided before it is tested ('unknown'), or undefined to test it: what
   * an account knows between visits leaves a visit's own answers, the mode and the type undecided.
   */
  open?: (leaf: Condition) => Tri | undefined;
}

export const QUESTION_TESTS = ['equals', 'in', 'includes', 'gt', 'gte', 'lt', 'lte', 'answered', 'unknown'] as const;

function compare(a: AnswerValue, b: number | string): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'string' && b.trim() !== '' && Number.isFinite(Number(b))) return a - Number(b);
  return undefined;
}

function same(a: AnswerValue, b: unknown): boolean {
  if (typeof b === 'boolean') return a === (b ? 'yes' : 'no');
  if (typeof a === 'number' && typeof b === 'string') return String(a) === b;
  return a === b;
}

function testQuestion(c: Condition, ctx: ConditionContext): Tri {
  const q = ctx.questions.get(c.question as string);
  const v = ctx.answers[c.question as string];
  const absent = v === undefined || v === null;
  const unknown = q ? isUnknown(q, v) : false;
  if (c.answered !== undefined) return c.answered === (!absent && !unknown);
  if (c.unknown !== undefined) return c.unknown === unknown;
  if (absent) return false;
  if (unknown) return 'unknown';
  if (c.equals !== undefined) return same(v, c.equals);
  if (c.in !== undefined) return c.in.some((x) => same(v, x));
  if (c.includes !== undefined) return Array.isArray(v) && v.includes(c.includes);
  const ops: [keyof Condition, (n: number) => boolean][] = [
    ['gt', (n) => n > 0],
    ['gte', (n) => n >= 0],
    ['lt', (n) => n < 0],
    ['lte', (n) => n <= 0],
  ];
  for (const [key, ok] of ops) {
    const ref = c[key] as number | string | undefined;
    if (ref !== undefined) {
      const d = compare(v, ref);
      return d !== undefined && ok(d);
    }
  }
  return false;
}

export function evaluateCondition(c: Condition | undefined, ctx: ConditionContext): Tri {
  if (!c) return true;
  if (c.all) {
    let result: Tri = true;
    for (const x of c.all) {
      const r = evaluateCondition(x, ctx);
      if (r === false) return false;
      if (r === 'unknown') result = 'unknown';
    }
    return result;
  }
  if (c.any) {
    let result: Tri = false;
    for (const x of c.any) {
      const r = evaluateCondition(x, ctx);
      if (r === true) return true;
      if (r === 'unknown') result = 'unknown';
    }
    return result;
  }
  if (c.not) {
    const r = evaluateCondition(c.not, ctx);
    return r === 'unknown' ? 'unknown' : !r;
  }
  const open = ctx.open?.(c);
  if (open !== undefined) return open;
  if (c.question !== undefined) return testQuestion(c, ctx);
  if (c.persona !== undefined) return ctx.persona === c.persona;
  if (c.mode !== undefined) return ctx.mode === c.mode;
  if (c.class !== undefined) return ctx.klass === c.class;
  // without an account (a playbook test, a try) the rep's own answers say there was a last time
  if (c.metBefore !== undefined) return (ctx.metBefore ?? true) === c.metBefore;
  if (c.deciderWin !== undefined) return (ctx.deciderWin ?? false) === c.deciderWin;
  if (c.othersWin !== undefined) return (ctx.othersWin ?? false) === c.othersWin;
  if (c.onRecord !== undefined) return ctx.onRecord === c.onRecord;
  return true;
}

/**
 * The question tests that made a condition true: the evidence behind a reason such as
 * "D because buying power = no". For `all` every part counts; for `any` only the parts that held.
 */
export function evidence(c: Condition | undefined, ctx: ConditionContext): Condition[] {
  if (!c || evaluateCondition(c, ctx) !== true) return [];
  if (c.all) return c.all.flatMap((x) => evidence(x, ctx));
  if (c.any) return c.any.filter((x) => evaluateCondition(x, ctx) === true).flatMap((x) => evidence(x, ctx));
  if (c.not) return negatedEvidence(c.not, ctx);
  return c.question !== undefined ? [c] : [];
}

function negatedEvidence(c: Condition, ctx: ConditionContext): Condition[] {
  // not(x) held, so x was false: the question tests inside x that were false explain it.
  if (c.question !== undefined) return [{ not: c }];
  if (c.any) return c.any.flatMap((x) => negatedEvidence(x, ctx));
  if (c.all) return c.all.filter((x) => evaluateCondition(x, ctx) === false).flatMap((x) => negatedEvidence(x, ctx));
  if (c.not) return evidence(c.not, ctx);
  return [];
}

const reads = new WeakMap<Condition, ReadonlySet<string>>();

/** The question ids a condition reads, computed once per condition (conditions never change once loaded). */
export function questionsOf(c: Condition): ReadonlySet<string> {
  let set = reads.get(c);
  if (!set) {
    set = questionsIn(c);
    reads.set(c, set);
  }
  return set;
}

/** Every question id a condition reads. */
export function questionsIn(c: Condition | undefined, out: Set<string> = new Set()): Set<string> {
  if (!c) return out;
  if (c.question !== undefined) out.add(c.question);
  for (const x of c.all ?? []) questionsIn(x, out);
  for (const x of c.any ?? []) questionsIn(x, out);
  if (c.not) questionsIn(c.not, out);
  return out;
}
