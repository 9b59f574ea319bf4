/**
 * The keyboard driver: asks the engine for the next question, asks the rep, feeds the answer back.
 * Every answer is handed to onAnswer at once (the caller saves the draft synchronously), so an
 * interrupt loses nothing. Going back re-asks the previous question with its answer as default.
 */
import type { AnswerValue, Answers } from '../engine/answers.js';
import { type KnownState, nextStep, walkInterview } from '../engine/interview.js';
import { localize } from '../engine/text.js';
import { ownerOf } from '../engine/model.js';
import { nameKey } from '../engine/names.js';
import type { Locale, Mode, Playbook } from '../playbook/types.js';
import type { PromptOutcome, QuestionView } from './prompt.js';

export interface InterviewDriver {
  ask(view: QuestionView): Promise<PromptOutcome>;
  showHelp(text: string): void | Promise<void>;
  onAnswer(answers: Answers, order: string[]): void;
}

export interface InterviewOptions {
  mode: Mode;
  locale: Locale;
  /** Answers already given (a resumed draft, an answers file): not asked again. */
  answers: Answers;
  /** Order in which they were given (for going back). */
  order?: string[];
  /**
   * Suggested answers (the last visit's): offered as defaults, still asked. A function is read again
   * at each question with the answers so far: what is offered of a person is that person's, and a
   * person named anew (going back to the name) is offered their own, not the one named before.
   */
  defaults?: Answers | ((answers: Answers) => Answers);
  /** The visit date, for date questions bounded relative to it. */
  visitDate?: string;
  /** Stop early once this holds (e.g. once the person met is named, to look up what is known of them). */
  until?: (answers: Answers) => boolean;
  /** Fills {answers.x} in a question's text from the answers so far. */
  lookup: (answers: Answers) => (name: string) => string | undefined;
  /** The account's story beyond the answers (signed already): questions it ends are not asked. */
  known?: KnownState;
  /** Answers carried from earlier sessions: the rep is not asked them, so the counter does not count them. */
  notCounted?: readonly string[];
  /** Going back from the first question leaves this part of the interview (BackedOut), for the caller to reopen the part before it. */
  canLeaveBack?: boolean;
}

/** The rep went back from the first question of a part that allows it (canLeaveBack). */
export class BackedOut extends Error {
  constructor() {
    super('went back before the first question');
    this.name = 'BackedOut';
  }
}

export async function runInterview(pb: Playbook, opts: InterviewOptions, driver: InterviewDriver): Promise<Answers> {
  const answers: Answers = { ...opts.answers };
  const order = [...(opts.order ?? Object.keys(answers))];
  const previous: Record<string, AnswerValue> = {};
  // whose answer each kept one was: a person's fact given for one person is not offered for another
  const personQ = pb.roles.person;
  const whoseAnswer: Record<string, string | undefined> = {};
  const who = () => (personQ && typeof answers[personQ] === 'string' ? nameKey(answers[personQ] as string) : undefined);
  const offered = (id: string): AnswerValue | undefined => {
    const q = pb.questions.find((x) => x.id === id);
    const kept = Object.hasOwn(previous, id) && (!q || ownerOf(q) !== 'person' || whoseAnswer[id] === who()) ? previous[id] : undefined;
    return kept ?? (typeof opts.defaults === 'function' ? opts.defaults(answers) : opts.defaults)?.[id];
  };
  for (let guard = 0; guard < 10_000; guard++) {
    if (opts.until?.(answers)) return answers;
    const step = nextStep(pb, opts.mode, answers, opts.known);
    if (step.done) return answers;
    const q = step.question;
    // "question 3 of 12" counts what the rep answers: facts carried from the last visit would make it
    // jump from 1 to 11 once the person met is named
    const skip = new Set(opts.notCounted ?? []);
    const counted = walkInterview(pb, opts.mode, answers, opts.known).questions.filter((x) => !skip.has(x.id) || !Object.hasOwn(answers, x.id));
    // the position is how many of them are answered, plus this one: it moves by one with each answer,
    // whatever the questions' order (a place in the list jumped past answers already given further on,
    // "4/16 -> 11/17"; and a question asked in its session's own words, a copy, was found nowhere: "0/15")
    const answered = counted.filter((x) => Object.hasOwn(answers, x.id)).length;
    const outcome = await driver.ask({
      question: q,
      locale: opts.locale,
      position: answered + 1,
      total: Math.max(counted.length, answered + 1),
      canGoBack: order.length > 0 || opts.canLeaveBack === true,
      default: offered(q.id),
      ...(opts.visitDate ? { visitDate: opts.visitDate } : {}),
      lookup: opts.lookup(answers),
    });
    if (outcome.kind === 'help') {
      if (outcome.keep !== undefined) {
        previous[q.id] = outcome.keep;
        whoseAnswer[q.id] = who();
      }
      await driver.showHelp(q.help ? localize(q.help, opts.locale) : '');
      continue;
    }
    if (outcome.kind === 'back') {
      if (order.length === 0 && opts.canLeaveBack) throw new BackedOut();
      const last = order.pop();
      if (last !== undefined) {
        previous[last] = answers[last];
        whoseAnswer[last] = who();
        delete answers[last];
        driver.onAnswer(answers, order);
      }
      continue;
    }
    answers[q.id] = outcome.value;
    order.push(q.id);
    delete previous[q.id];
    driver.onAnswer(answers, order);
  }
  throw new Error('the interview did not end: the playbook asks the same question forever');
}
