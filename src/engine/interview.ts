/**
 * The interview as a pure function of the answers so far: which questions apply, which comes next, and
 * which answers still count after the rep changed an earlier one.
 */
import type { Condition, Mode, Playbook, Question } from './model.js';
import { type Answers, NOT_SURE } from './answers.js';
import { type ConditionContext, evaluateCondition } from './conditions.js';

const indexes = new WeakMap<Playbook, Map<string, Question>>();

export function questionIndex(pb: Playbook): Map<string, Question> {
  let m = indexes.get(pb);
  if (!m) {
    m = new Map(pb.questions.map((q) => [q.id, q]));
    indexes.set(pb, m);
  }
  return m;
}

export interface PersonaPick {
  id: string;
  /** chosen: the rep named the type; observed: offered from the cues the rep saw. */
  source: 'chosen' | 'observed';
}

export function pickPersona(pb: Playbook, mode: Mode, answers: Answers): PersonaPick | undefined {
  const ids = new Set(pb.personas.map((p) => p.id));
  for (const q of pb.questions) {
    const v = answers[q.id];
    if (q.kind === 'persona' && typeof v === 'string' && v !== NOT_SURE && ids.has(v)) return { id: v, source: 'chosen' };
  }
  const ctx: ConditionContext = { answers, questions: questionIndex(pb), mode };
  // the persona with the most observed cues wins (ties: the playbook's order), so a koala who asks
  // about every detail is not taken for a thinker because both decide slowly
  let best: { id: string; score: number } | undefined;
  for (const p of pb.personas) {
    const score = recognitionScore(p.recognise, ctx);
    if (score > 0 && (!best || score > best.score)) best = { id: p.id, score };
  }
  return best ? { id: best.id, source: 'observed' } : undefined;
}

/** How many of a persona's cues hold: each branch of a top-level `any` is one cue; any other condition is one. */
function recognitionScore(c: Condition | undefined, ctx: ConditionContext): number {
  if (!c || evaluateCondition(c, ctx) !== true) return 0;
  return c.any ? c.any.filter((x) => evaluateCondition(x, ctx) === true).length : 1;
}

/** A question without modes belongs to the visits (prep and debrief); a plan asks only its own questions. */
export function asksInMode(q: Question, mode: Mode): boolean {
  return (q.modes ?? VISIT_MODES).includes(mode);
}

export const VISIT_MODES: readonly Mode[] = ['prep', 'debrief'];

/**
 * The questions that apply, in order, and the answers that still count. A condition left undecided by
 * a "don't know" asks the question: better one question too many than a gap in what the rep knows.
 */
export function walkInterview(pb: Playbook, mode: Mode, answers: Answers, known: KnownState = {}): { questions: Question[]; kept: Answers } {
  const kept: Answers = {};
  const questions: Question[] = [];
  const index = questionIndex(pb);
  for (const q of pb.questions) {
    if (!asksInMode(q, mode)) continue;
    // "did you ask for the signature?" has no meaning on an account signed already
    if (known.signed && q.closedBy?.includes('signed')) continue;
    if (q.when) {
      // recognising the persona scores every persona's cues: only worth it for a condition that reads it
      const persona = readsPersona(q.when) ? pickPersona(pb, mode, kept)?.id : undefined;
      if (evaluateCondition(q.when, { answers: kept, questions: index, mode, persona, ...(known.metBefore !== undefined ? { metBefore: known.metBefore } : {}), ...(known.onRecord !== undefined ? { onRecord: known.onRecord } : {}) }) === false) continue;
    }
    // asked in this session's own words where the playbook gives them ("Who did you meet?" at a debrief)
    const own = q.textIn?.[mode];
    questions.push(own !== undefined ? { ...q, text: own } : q);
    if (Object.hasOwn(answers, q.id)) kept[q.id] = answers[q.id];
  }
  return { questions, kept };
}

const personaReads = new WeakMap<Condition, boolean>();

function readsPersona(c: Condition): boolean {
  let r = personaReads.get(c);
  if (r === undefined) {
    r = c.persona !== undefined || (c.all ?? []).some(readsPersona) || (c.any ?? []).some(readsPersona) || (c.not !== undefined && readsPersona(c.not));
    personaReads.set(c, r);
  }
  return r;
}

/** What the account's story says beyond the answers: a signed account is not asked how to reach the signature. */
export interface KnownState {
  signed?: boolean;
  /** The person met was met before at this account (undefined: not known, as in a playbook test). */
  metBefore?: boolean;
  /** The account's class on record before this session (a D is not asked how to win the sale). */
  onRecord?: string;
}

export type Step =
  | { done: false; question: Question; position: number; answered: number }
  | { done: true; answered: number };

/** The next question without an answer, or done. `position` counts from 1 among the questions that apply now. */
export function nextStep(pb: Playbook, mode: Mode, answers: Answers, known: KnownState = {}): Step {
  const { questions, kept } = walkInterview(pb, mode, answers, known);
  const answered = Object.keys(kept).length;
  const i = questions.findIndex((q) => !Object.hasOwn(kept, q.id));
  if (i === -1) return { done: true, answered };
  return { done: false, question: questions[i], position: i + 1, answered };
}

/** The answers that still apply; the rest are dropped from the result. */
export function pruneAnswers(pb: Playbook, mode: Mode, answers: Answers, known: KnownState = {}): Answers {
  return walkInterview(pb, mode, answers, known).kept;
}
