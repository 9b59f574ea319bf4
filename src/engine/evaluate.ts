/**
 * The result of a session: class and why, self-questions, persona advice, flags, a dated checklist,
 * the visit plan and a recap draft. Pure and deterministic: the visit date and the account's history
 * come in; the same input always gives the same output, and the trace says which rule fired.
 *
 * One plan, not the union of every rule that fired: each section gathers what fired, then the
 * playbook's precedence (excludes, findsOut) decides what stays, across sections (persona advice
 * may silence a tip, a "will not buy" step every investment item).
 */
import { type Advice, assertNever, type ChecklistItem, type ClassRule, type Condition, type Flag, LOCALES, type Locale, type Mode, type Persona, type Playbook, type Precedence, type Question, type Text, ownerOf } from './model.js';
import { type AnswerValue, type Answers, isUnknown, NOT_SURE, UNKNOWN } from './answers.js';
import { type Classification, classifyAccount, orderedRules } from './classify.js';
import { type ConditionContext, evaluateCondition, evidence, questionsIn } from './conditions.js';
import { addDays, workingDay } from './dates.js';
import { questionIndex, pickPersona, pruneAnswers } from './interview.js';
import { nameKey } from './names.js';
import { MESSAGES, type Messages } from './messages.js';
import { isAdvice, resolvePrecedence } from './precedence.js';
import { fillRecap, fillTemplate, localize } from './text.js';

export interface AccountHistory {
  /** The last stored visit: its date, class and answers (for defaults and "what changed"); expected: the class a prep expected (it records none); agreed: the next meeting a debrief agreed. */
  lastVisit?: { date: string; mode: Mode; class?: string; answers: Answers; expected?: string; agreed?: string };
  /** The account's class now and the sign-by date its window set when it was given: a visit that
   * confirms the class keeps that date (the window runs from the classification, not from each visit). */
  class?: string;
  /** The day the class on record (or its being provisional) was recorded, by a debrief: absent, none was ever recorded (a prep records none). */
  classSince?: string;
  /** Why the class on record was given (the debrief's reasons, in every language): a prep where it stands says them as any class's. */
  classReasons?: Partial<Record<Locale, string[]>>;
  classDeadline?: string;
  /** The account is signed already: no window runs any more. */
  signed?: boolean;
  /** The classes whose window ran out unsigned before (seed 001): the same facts do not give them back. */
  lapsedFrom?: string[];
  /** The meeting the latest debrief agreed, when a prep was made since and no debrief of it (present.ts's missedMeeting). */
  agreedMeeting?: { agreed: string; debriefed: string };
}

/** What the rep has already read at earlier sessions: the result shows what is new. */
export interface Seen {
  /** The persona's full profile was shown for the person met (at an earlier session with them). */
  personaProfile?: boolean;
  /** Tips shown at the account's last session. */
  tips?: string[];
  /** The ids of the persona's advice of the visit given at the last session with this person: said again only in full (--full), as the type's standing advice. */
  advice?: string[];
}

export interface SessionInput {
  mode: Mode;
  answers: Answers;
  /** The visit date, YYYY-MM-DD: the engine's notion of "now". */
  visitDate: string;
  /** The day the session is run, when a prep is made before the visit's day: a step due before the visit is never due before it. */
  today?: string;
  locale: Locale;
  /**
   * people: the account's other people, with where each stands (roles.stance), for the buying map.
   * decider: the account's first KP as last met (their person facts), when the account has one: the
   * class moves on their word and the account's facts, not on another person's.
   */
  account?: { name?: string; history?: AccountHistory; people?: { name: string; stance?: string; personalWin?: string }[]; decider?: { name: string; facts: Answers }; seen?: Seen; metBefore?: boolean };
  /** A persona named on the command line; a persona question's answer takes precedence. */
  persona?: string;
  /**
   * Other people met at the same meeting (roles.others): each by name with their answers to the
   * playbook's questions about a person. The class follows the highest role present.
   */
  others?: OtherPerson[];
}

export interface OtherPerson {
  name: string;
  answers: Answers;
}

export interface Evidence {
  question: string;
  answer: AnswerValue;
  text: string;
  /** The same text in every language, so that a stored reason reads in the reader's language. */
  texts?: Partial<Record<Locale, string>>;
  /** As a manager reads it, where it differs: the rep in the third person, {rep} for their name. */
  about?: Partial<Record<Locale, string>>;
}

export interface CoachingResult {
  playbook: { id: string; version: string; hash: string };
  mode: Mode;
  visitDate: string;
  locale: Locale;
  account?: string;
  classification: {
    status: 'classified' | 'provisional' | 'unclassified';
    class?: string;
    name?: string;
    /** The class's label in the session's language ("A" of "A: signs within 7-10 days"). */
    label?: string;
    /** The label in every language: a screen in another language than the session's says it in its own ("C" beside English, not "C类客户"). */
    labels?: Partial<Record<Locale, string>>;
    /** The session ended signed (the playbook's roles.signed held). */
    signed?: boolean;
    /** The account was signed at an earlier session. */
    signedBefore?: boolean;
    summary?: string;
    rank?: number;
    /** The rule that fired (a class id), for the record. */
    rule?: string;
    /** Provisional: the classes still possible, best first. */
    candidates: string[];
    /** The same, as the playbook names them in this locale ("A", "Best case"). */
    candidateLabels?: string[];
    reasons: { text: string; texts?: Partial<Record<Locale, string>>; about?: Partial<Record<Locale, string>>; because: Evidence[] }[];
    unknowns: { question: string; text: string }[];
    /** overdue: the window ran out before this visit, unsigned; reclassifyAs: the classes to reclassify as. */
    cycle?: { minDays?: number; maxDays: number; deadline: string; overdue?: boolean; reclassifyAs?: string[] };
    /**
     * The person met is not the first KP and the account has one: the class follows the first KP's
     * word. wouldBe: what this person's answers alone would have made it; refused: that was "will not buy".
     */
    heldBy?: { decider: string; person?: string; wouldBe?: string; refused?: boolean };
    /** A prep that knows nothing new since the last visit: the class is the one on record, not read again. */
    onRecord?: boolean;
    /** A prep whose answers make another class than the one on record: the class shown is what the rep expects, and the record keeps this one until a debrief. */
    expectedFrom?: string;
    /** Seed 001: the class's window ran out unsigned before this debrief, so the class moved as its playbook says (an A to a B). */
    lapsed?: { from: string; deadline?: string };
  };
  selfQuestions: { forward: string[]; reverse: string[] };
  persona?: {
    id: string;
    name: string;
    source: 'chosen' | 'observed';
    /** The rep has read this persona's profile for this person before: one line is enough. */
    known?: boolean;
    /** Observed: what the rep saw that points to this type (seed 000's cues), to show behind the guess. */
    observed: string[];
    summary?: string;
    cues: string[];
    traits: string[];
    do: string[];
    dont: string[];
    /** Advice of this visit (written with an id and a condition), apart from the type's standing advice. */
    doNow?: string[];
    dontNow?: string[];
  };
  flags: { id: string; severity: 'info' | 'warning' | 'critical'; message: string; subtext?: string; source: string }[];
  /** values: the answers the step's placeholders were filled with (as answered, not as worded); with its id, what makes it the same step in any language. */
  /** texts: the step in every language (the reader's is shown), where its words can be said in each. */
  checklist: { id: string; text: string; texts?: Partial<Record<Locale, string>>; due: string; source: string; values?: string[] }[];
  /** At most three, the most relevant first, none shown at the last session; short: the tip in a line. */
  tips: { id: string; text: string; short?: string }[];
  /** Tips that also held, left for --full. */
  moreTips?: { id: string; text: string; short?: string }[];
  /** Items that fired and were left out by precedence, with what left each out. */
  excluded: { id: string; by: string }[];
  /** The ids of the items that fired and stayed (flags, steps, tips, persona advice), for the explorer. */
  kept: string[];
  visitPlan?: { objective: string; commitment: string; minimum: string };
  recap?: string;
  /** After a debrief: the message to send the customer the same day (the playbook's followUp). */
  followUp?: string;
  answers: Answers;
  /** What reads differently from the last visit, in words: "buying power: don't know → yes". */
  changes: { question: string; before: AnswerValue; after: AnswerValue; text: string }[];
  /** The class on record (absent: provisional) and the day a debrief recorded it, to show what moved. */
  previous?: { date: string; class?: string };
  /**
   * The other people met at this meeting, with their answers (kept with the visit and recorded on the
   * account) and the words for their role, type and stance. ledClass: the class follows this person's
   * role, the highest present.
   */
  others?: { name: string; answers: Answers; persona?: string; words: string[]; ledClass?: boolean }[];
  trace: string[];
}

/** At most this many tips a session: a rep reads three, and skims ten. */
export const MAX_TIPS = 3;

/** What every section reads: the playbook, the answers, the language and the conditions' context. */
interface Scope {
  pb: Playbook;
  input: SessionInput;
  mode: Mode;
  locale: Locale;
  visitDate: string;
  msg: Messages;
  t: (text: Text | undefined) => string;
  questions: Map<string, Question>;
  answers: Answers;
  base: ConditionContext;
  /** The other people met at the meeting (a debrief's), their answers pruned to the playbook's roles.others. */
  others: (OtherPerson & { ledClass?: boolean })[];
  /**
   * The first KP met as another person at the meeting (the class follows their role), with their type: the
   * close and the trust it waits on are theirs, so flags and steps read their type, as for the person met.
   */
  lead?: { name: string; persona?: string };
  trace: string[];
  words: Words;
  fill: (text: Text | undefined, extra?: Record<string, string>) => string;
  lookup: (extra?: Record<string, string>) => (name: string) => string | undefined;
  /** The same in another language: answers worded as that language words them. */
  lookupIn: (locale: Locale, extra?: Record<string, string>) => (name: string) => string | undefined;
}

/** What the classification hands to the other sections. */
interface Settled {
  out: CoachingResult['classification'];
  rule?: ClassRule;
  /** The context with the class: flags, steps and tips test it. */
  ctx: ConditionContext;
  classExtra: Record<string, string>;
  /** The class's reasons as conditions that held, each with the questions it reads. */
  because: Evidence[];
  unknownList: string;
  /** What is not known yet, one phrase each (a language may count them). */
  unknownItems: string[];
  signedNow: boolean;
  /** Signed at an earlier session: what leads to a signature (its window, plan, steps, questions) is moot. */
  signedBefore: boolean;
  droppedNow: boolean;
}

/** An item that fired, before precedence: its declarations and what it says. */
interface Fired<T> extends Precedence {
  id: string;
  out: T;
}

export function evaluateSession(pb: Playbook, input: SessionInput): CoachingResult {
  const s = scopeOf(pb, input);
  const settled = classificationSection(s);
  const selfQuestions = selfQuestionsSection(s, settled);
  const flags = flagsSection(s, settled);
  const steps = checklistSection(s, settled, flags.opponents);
  const persona = personaSection(s, settled);
  const tips = tipsSection(s, settled);

  // -- precedence: one plan out of what fired ------------------------------------------------------------
  const fired: Fired<unknown>[] = [...flags.fired, ...steps, ...(persona?.advice ?? []), ...tips];
  const { excluded } = resolvePrecedence(fired, (q) => known(s, q));
  for (const [id, by] of excluded) s.trace.push(`${id} left out by ${by}`);
  const keep = <T>(list: Fired<T>[]) => list.filter((f) => !excluded.has(f.id)).map((f) => f.out);
  const keptTips = keep(tips);
  const seenTips = new Set(input.account?.seen?.tips ?? []);
  // the most relevant first (the most specific condition), and none the rep read at the last session
  const fresh = keptTips.filter((tip) => !seenTips.has(tip.id));
  const chosen = fresh.slice(0, MAX_TIPS);
  const moreTips = keptTips.filter((tip) => !chosen.includes(tip));
  const order = { critical: 0, warning: 1, info: 2 } as const;
  // a playbook that leaves out the class's sign-by step has said the window will not be met (an obstacle the
  // customer places beyond it): "plan to sign before it" would say the opposite beside it
  const windowLeftOut = steps.some((f) => f.byDeadline && excluded.has(f.id)) && !steps.some((f) => f.byDeadline && !excluded.has(f.id));
  const engineFlags = windowLeftOut ? flags.engine.filter((f) => f.id !== 'meeting-after-window') : flags.engine;
  const flagList = [...keep(flags.fired), ...engineFlags].sort((a, b) => order[a.severity] - order[b.severity]);
  // by due date; equal dates keep the playbook's order
  const checklist = keep(steps)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.due.localeCompare(b.c.due) || a.i - b.i)
    .map((x) => x.c);

  const plan = planSection(s, settled);
  const recap = pb.recap && evaluateCondition(pb.recap.when, settled.ctx) === true ? fillRecap(s.t(pb.recap.text), s.lookup()) : undefined;
  const followUp = followUpSection(s, settled, steps.filter((f) => !excluded.has(f.id)));
  const history = input.account?.history;
  const lastVisit = history?.lastVisit;
  return {
    playbook: { id: pb.id, version: pb.version, hash: pb.hash },
    mode: s.mode,
    visitDate: s.visitDate,
    locale: s.locale,
    ...(input.account?.name ? { account: input.account.name } : {}),
    classification: settled.out,
    selfQuestions,
    ...(persona ? { persona: { ...persona.out, ...splitAdvice(persona, excluded, new Set(input.account?.seen?.advice ?? [])) } } : {}),
    flags: flagList,
    checklist,
    tips: chosen,
    ...(moreTips.length ? { moreTips } : {}),
    excluded: [...excluded].map(([id, by]) => ({ id, by })),
    kept: fired.filter((f) => !excluded.has(f.id)).map((f) => f.id),
    ...(plan ? { visitPlan: plan } : {}),
    ...(recap ? { recap } : {}),
    ...(followUp ? { followUp } : {}),
    answers: s.answers,
    changes: changesSection(s),
    ...(s.others.length ? { others: othersSection(s) } : {}),
    // the class on record and the day a debrief recorded it: a prep's class was expected, never recorded
    ...(lastVisit && history?.classSince ? { previous: { date: history.classSince, ...(history.class ? { class: history.class } : {}) } } : {}),
    trace: s.trace,
  };
}

function scopeOf(pb: Playbook, input: SessionInput): Scope {
  const { mode, locale, visitDate } = input;
  const msg = MESSAGES[locale];
  const questions = questionIndex(pb);
  const recordedClass = input.account?.history?.class;
  const known = { ...(input.account?.history?.signed ? { signed: true } : {}), ...(input.account?.metBefore !== undefined ? { metBefore: input.account.metBefore } : {}), ...(recordedClass !== undefined ? { onRecord: recordedClass } : {}) };
  const answers = pruneAnswers(pb, mode, input.answers, known);
  const t = (text: Text | undefined) => localize(text, locale);
  const trace: string[] = [];
  const others = mode === 'debrief' ? othersOf(pb, input.others ?? [], answers) : [];
  // the people at the meeting are known: the count carried from before them does not fall behind
  // ("you know only the first KP" stood after a debrief with a second KP at the table)
  const contactsQ = pb.roles.contacts;
  if (contactsQ && others.length && !(typeof answers[contactsQ] === 'number' && answers[contactsQ] >= 1 + others.length)) answers[contactsQ] = 1 + others.length;
  // seed 001: the first KP's word counts. With them at the meeting, the visit reads as one with the
  // highest role present, though the person it is about keeps their own role on the account
  const lead = leadOf(pb, answers, others);
  // (from the answers as given: the close's, asked of the first KP only, were pruned away with the main
  // person's role, and a first KP at the meeting as another person was never asked about, nor coached)
  // (and with their type: a koala first KP's trust decides the close, as when they are the person met)
  const personaQ = pb.questions.find((q) => q.kind === 'persona')?.id;
  const leadPersona = lead && personaQ ? others.find((o) => o.name === lead.name)?.answers[personaQ] : undefined;
  const leadType = typeof leadPersona === 'string' && pb.personas.some((p) => p.id === leadPersona) ? leadPersona : undefined;
  const conditionAnswers = lead ? pruneAnswers(pb, mode, { ...input.answers, [pb.roles.decision as string]: lead.role, ...(personaQ && leadType ? { [personaQ]: leadType } : {}) }, known) : answers;
  if (lead) trace.push(`the class follows ${lead.name}'s role (${lead.role}), the highest at the meeting`);
  // what the meeting answered only because the first KP was there (the close: "did you ask?", "why was it
  // not signed?") is this visit's too: the reasons, steps and recap are filled from it
  for (const [id, v] of Object.entries(conditionAnswers)) if (id !== pb.roles.decision && id !== personaQ && answers[id] === undefined) answers[id] = v;
  const picked = pickPersona(pb, mode, answers) ?? (input.persona ? { id: input.persona, source: 'chosen' as const } : undefined);
  const persona = picked ? pb.personas.find((p) => p.id === picked.id) : undefined;
  if (persona && picked) trace.push(`persona ${persona.id} (${picked.source})`);
  const words = wordsFor(pb, locale, questions, mode);
  // the first KP's win on record: "find out each buying role's win" asks only for those not known
  const winOfDecider = pb.roles.personalWin ? input.account?.decider?.facts[pb.roles.personalWin] : undefined;
  const deciderWin = typeof winOfDecider === 'string' && winOfDecider.trim() !== '';
  // the wins on record of the others in the purchase (a second KP's "credit for a sound choice"): the
  // step that asks for "the win of who runs the purchase" asks only for those not known (the fortnight
  // trial: the second KP's win on record was asked for again at each prep with the first KP)
  const metName = pb.roles.person && typeof answers[pb.roles.person] === 'string' ? (answers[pb.roles.person] as string) : undefined;
  const othersWithWin = (input.account?.people ?? []).filter((p) => typeof p.personalWin === 'string' && p.personalWin.trim() !== '' && (metName === undefined || nameKey(p.name) !== nameKey(metName)) && (input.account?.decider === undefined || nameKey(p.name) !== nameKey(input.account.decider.name))).map((p) => p.name);
  const othersWin = othersWithWin.length > 0;
  const lookupIn =
    (l: Locale, extra: Record<string, string> = {}) =>
    (name: string): string | undefined => {
      if (name in extra) return extra[name];
      if (name === 'account.name') return input.account?.name ?? MESSAGES[l].thisAccount;
      // the decider by name once the account has one on record ("Ms Wang (the first KP)"), else by role
      if (name === 'account.decider') {
        const term = termOf(pb, 'decider', MESSAGES[l]);
        const decider = input.account?.decider?.name;
        return decider ? MESSAGES[l].named(decider, term) : term;
      }
      if (name === 'account.othersWithWin') return othersWithWin.length ? MESSAGES[l].list(othersWithWin) : undefined;
      if (name === 'visit.date') return visitDate;
      if (name === 'visit.people' || name === 'visit.you') {
        const names = peopleByRank(pb, answers, others);
        if (name === 'visit.you') return MESSAGES[l].you(names.length > 1);
        return names.length ? MESSAGES[l].list(names) : undefined;
      }
      if (name.startsWith('answers.')) {
        const q = questions.get(name.slice(8));
        const v = q ? answers[q.id] : undefined;
        return q && v !== undefined && v !== null && !isUnknown(q, v) ? (l === locale ? words : wordsFor(pb, l, questions, mode)).answerText(q, v) : undefined;
      }
      return undefined;
    };
  const lookup = (extra: Record<string, string> = {}) => lookupIn(locale, extra);
  return {
    pb,
    input,
    mode,
    locale,
    visitDate,
    msg,
    t,
    questions,
    answers,
    base: { answers: conditionAnswers, questions, mode, persona: persona?.id, ...(input.account?.metBefore !== undefined ? { metBefore: input.account.metBefore } : {}), ...(deciderWin ? { deciderWin } : {}), ...(othersWin ? { othersWin } : {}), ...(recordedClass !== undefined ? { onRecord: recordedClass } : {}) },
    others: others.map((o) => ({ ...o, ...(lead && o.name === lead.name ? { ledClass: true } : {}) })),
    ...(lead ? { lead: { name: lead.name, ...(leadType ? { persona: leadType } : {}) } } : {}),
    trace,
    words,
    lookup,
    lookupIn,
    fill: (text, extra) => fillTemplate(t(text), lookup(extra)),
  };
}

/** The others at the meeting as the result shows them: their answers in words, in the playbook's order. */
function othersSection(s: Scope): NonNullable<CoachingResult['others']> {
  const ids = s.pb.roles.others ?? [];
  return s.others.map((o) => {
    const picked = pickPersona(s.pb, s.mode, o.answers);
    const words = ids.flatMap((id) => {
      const q = s.questions.get(id);
      const v = o.answers[id];
      if (!q || v === undefined || v === null || v === '' || isUnknown(q, v) || (Array.isArray(v) && v.length === 0)) return [];
      // "not sure" with a type recognised from the cues: the type, as for the person met
      if (q.kind === 'persona' && v === NOT_SURE && picked) return [s.t(s.pb.personas.find((p) => p.id === picked.id)?.name) || picked.id];
      // what the rep ticked to recognise a type is said by the type
      if (q.kind === 'multiple') return [];
      // an option's name, not its explanation: "First KP", not "First KP: the final decision-maker (…)"
      const said = s.words.answerText(q, v);
      // a text other than their title says what it is: "personal win: a promotion", not a bare phrase
      if (q.kind === 'text') return [id === s.pb.roles.title ? said : s.msg.isValue(s.words.shortName(q), said)];
      return [(said.split(/[:：]/)[0] ?? said).trim()];
    });
    return { name: o.name, answers: o.answers, ...(picked ? { persona: picked.id } : {}), words, ...(o.ledClass ? { ledClass: true } : {}) };
  });
}

/** The other people of a debrief: named, not the person the visit is about twice, with only their person questions. */
function othersOf(pb: Playbook, list: readonly OtherPerson[], answers: Answers): OtherPerson[] {
  const ids = new Set(pb.roles.others ?? []);
  const main = pb.roles.person;
  const met = main ? answers[main] : undefined;
  // the person the visit is about is not another person, whatever case their name is written in
  const seen = new Set<string>(typeof met === 'string' && met.trim() ? [nameKey(met.trim())] : []);
  const out: OtherPerson[] = [];
  for (const o of list) {
    const name = o.name.trim();
    const key = nameKey(name);
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push({ name, answers: Object.fromEntries(Object.entries(o.answers).filter(([id, v]) => ids.has(id) && id !== main && v !== undefined && v !== null)) });
  }
  return out;
}

/** How high a role ranks: its place among roles.decision's options, the first the highest; no role ranks last. */
function roleRank(pb: Playbook): (v: AnswerValue | undefined) => number {
  const decision = pb.roles.decision;
  const options = decision ? (pb.questions.find((q) => q.id === decision)?.options ?? []) : [];
  return (v) => {
    const i = typeof v === 'string' ? options.findIndex((o) => o.value === v) : -1;
    return i < 0 ? options.length : i;
  };
}

/** The person present whose role ranks above the one the visit is about. */
export function leadOf(pb: Playbook, answers: Answers, others: readonly OtherPerson[]): { name: string; role: string } | undefined {
  const decision = pb.roles.decision;
  if (!decision) return undefined;
  const rank = roleRank(pb);
  let best: { name: string; role: string; rank: number } | undefined;
  for (const o of others) {
    const r = rank(o.answers[decision]);
    if (r < (best?.rank ?? rank(answers[decision]))) best = { name: o.name, role: String(o.answers[decision]), rank: r };
  }
  return best ? { name: best.name, role: best.role } : undefined;
}

/** Everyone met, the highest role first (a letter greets the general manager before their staff); the person met first among equals. */
function peopleByRank(pb: Playbook, answers: Answers, others: readonly OtherPerson[]): string[] {
  const decision = pb.roles.decision;
  const rank = roleRank(pb);
  const main = pb.roles.person ? answers[pb.roles.person] : undefined;
  const people = [
    ...(typeof main === 'string' && main.trim() ? [{ name: main.trim(), rank: rank(decision ? answers[decision] : undefined) }] : []),
    ...others.map((o) => ({ name: o.name, rank: rank(decision ? o.answers[decision] : undefined) })),
  ];
  return people.sort((a, b) => a.rank - b.rank).map((p) => p.name);
}

function known(s: Scope, id: string): boolean {
  const q = s.questions.get(id);
  const v = s.answers[id];
  return q !== undefined && v !== undefined && v !== null && v !== '' && !isUnknown(q, v) && !(Array.isArray(v) && v.length === 0);
}

/** How a locale says answers and reasons. */
interface Words {
  answerText: (q: Question, v: AnswerValue | undefined) => string;
  shortName: (q: Question) => string;
  /** A condition that held, as a reason: "no buying power", "contacts known: 1 (at most 1)". */
  describe: (c: Condition, answers: Answers) => Evidence;
}

/** The messages a manager reads: the rep in the third person where the rep's own say "you". */
function aboutTheRep(m: Messages): Messages {
  return { ...m, notKnown: m.notKnownOf, provisionalReason: m.provisionalReasonOf, classHeld: m.classHeldOf };
}

function wordsFor(pb: Playbook, locale: Locale, questions: ReadonlyMap<string, Question>, mode?: Mode, about = false): Words {
  const msg = about ? aboutTheRep(MESSAGES[locale]) : MESSAGES[locale];
  const t = (text: Text | undefined) => localize(text, locale);
  const answerText = (q: Question, v: AnswerValue | undefined): string => {
    if (v === undefined || v === null) return msg.skipped;
    if (isUnknown(q, v)) return msg.unknown;
    const label = (x: string) => {
      const o = q.options?.find((opt) => opt.value === x);
      return t(o?.label) || x;
    };
    switch (q.kind) {
      case 'yes-no':
        return t(q.options?.find((o) => o.value === v)?.label) || (v === 'yes' ? msg.yes : msg.no);
      case 'persona':
        return v === NOT_SURE ? msg.notSure : t(pb.personas.find((p) => p.id === v)?.name) || String(v);
      case 'single':
      case 'multiple':
        return Array.isArray(v) ? v.map(label).join(', ') : label(String(v));
      case 'date':
        return typeof v === 'string' ? msg.date(v) : String(v);
      case 'text':
      case 'number':
        return Array.isArray(v) ? v.join(', ') : String(v);
      default:
        return assertNever(q.kind, 'question kind');
    }
  };
  const shortName = (q: Question) => t(q.short) || q.id;
  // a reason names the value the rule tested, in words ("economic buyer is not Met them"), never the
  // answer given behind a ≠; comparisons read as "contacts known: 1 (at most 1)"
  const describe = (c: Condition, answers: Answers): Evidence => {
    const negated = c.not !== undefined;
    const leaf = (negated ? c.not : c) as Condition;
    const q = questions.get(leaf.question as string) as Question;
    const v = answers[q.id] ?? null;
    const name = shortName(q);
    const valueText = (x: string | number | boolean) => answerText(q, typeof x === 'boolean' ? (x ? 'yes' : 'no') : typeof x === 'number' && q.kind !== 'number' ? String(x) : x);
    // an option's short phrase reads as a reason on its own: "no buying power", "met the first KP"
    // (in the session's own words where the playbook gives them: a prep's meeting is ahead)
    const option = !negated && (leaf.equals !== undefined || leaf.in !== undefined) && typeof v === 'string' ? q.options?.find((o) => o.value === v) : undefined;
    const own = option ? ((mode !== undefined ? option.shortIn?.[mode] : undefined) ?? option.short) : undefined;
    const phrase = about ? (option?.about ?? own) : own;
    const text = (): string => {
      if (phrase) return t(phrase);
      if (leaf.equals !== undefined) return negated ? msg.isNotValue(name, valueText(leaf.equals)) : msg.isValue(name, answerText(q, v));
      if (leaf.in !== undefined) return negated ? msg.noneOf(name, leaf.in.map(valueText).join(msg.or)) : msg.isValue(name, answerText(q, v));
      if (leaf.includes !== undefined) {
        const opt = answerText(q, leaf.includes);
        return negated ? msg.without(name, opt) : msg.with(name, opt);
      }
      for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
        const ref = leaf[op];
        if (ref === undefined) continue;
        // not (x > 3) is x ≤ 3: say the bound that held
        const held = negated ? ({ gt: 'lte', gte: 'lt', lt: 'gte', lte: 'gt' } as const)[op] : op;
        return msg.compared(name, answerText(q, v), held, String(ref));
      }
      if (leaf.answered !== undefined || leaf.unknown !== undefined) {
        const unknownHeld = (leaf.unknown === true) !== negated || (leaf.answered === false) !== negated;
        return unknownHeld && isUnknown(q, v) ? msg.isValue(name, msg.unknown) : msg.isValue(name, answerText(q, v));
      }
      return msg.isValue(name, answerText(q, v));
    };
    return { question: q.id, answer: v, text: text() };
  };
  return { answerText, shortName, describe };
}

/** The words of every locale for the same reasons, so that a stored reason is rendered in the reader's language. */
function inEveryLocale(pb: Playbook, questions: ReadonlyMap<string, Question>, say: (w: Words, m: Messages) => string, mode?: Mode, about = false): Partial<Record<Locale, string>> {
  return Object.fromEntries(LOCALES.map((l) => [l, say(wordsFor(pb, l, questions, mode, about), about ? aboutTheRep(MESSAGES[l]) : MESSAGES[l])]));
}

/** The texts as a manager reads them, kept only where one language's differs from the rep's own. */
function aboutIfOther(texts: Partial<Record<Locale, string>>, about: Partial<Record<Locale, string>>): { about?: Partial<Record<Locale, string>> } {
  return LOCALES.some((l) => about[l] !== texts[l]) ? { about } : {};
}

// -- classification ------------------------------------------------------------------------------------

function classificationSection(s: Scope): Settled {
  const { pb, mode, locale, msg, trace, questions, words } = s;
  // the reasons in every language, in this session's words (a prep: "you meet the first KP")
  const everyLocale = (say: (w: Words, m: Messages) => string) => inEveryLocale(pb, questions, say, mode);
  // each text and, where it speaks of the rep, the same as their manager reads it
  const bothVoices = (say: (w: Words, m: Messages) => string) => {
    const texts = everyLocale(say);
    return { texts, ...aboutIfOther(texts, inEveryLocale(pb, questions, say, mode, true)) };
  };
  const rules = orderedRules(pb);
  // a plan is about the account as a whole, not a visit: the visits (prep and debrief) classify it
  const own: Classification = mode === 'plan' ? { status: 'unclassified', undecided: [] } : classifyAccount(rules, s.base);
  const held = heldByDecider(s, rules, own);
  const kept = held ? undefined : keptAfterLapse(s, rules, own);
  const recorded = held || kept ? undefined : onRecord(s, rules, own);
  const lapsed = lapsedWindow(s, rules, held?.classification ?? kept?.classification ?? recorded?.classification ?? own);
  const classification = lapsed?.classification ?? kept?.classification ?? held?.classification ?? recorded?.classification ?? own;
  const classCtx = held?.ctx ?? s.base;
  const settled = classification.status === 'classified' ? classification.rule : undefined;
  // a visit with someone other than the first KP does not move the class, and the class's own steps
  // and plan (ask for the signature, the window) are not this visit's: items see no class; nor are a
  // class's reached by a window running out (a B's "meet the first KP" when the first KP was met)
  const ctx: ConditionContext = { ...s.base, klass: held || lapsed || kept ? undefined : settled?.id };
  const reasons: CoachingResult['classification']['reasons'] = [];
  const unknowns: CoachingResult['classification']['unknowns'] = [];
  let candidates: string[] = [];
  let candidateLabels: string[] = [];
  const moved = lapsed ?? kept;
  if (moved) {
    // the window that ran out says why: at this debrief (the date it ended), or before it (kept)
    const label = (r: ClassRule, l: Locale) => classLabel(r.name, l) || r.id;
    const say = (m: Messages, l: Locale) => (lapsed ? m.windowLapsed(label(lapsed.to, l), label(lapsed.from, l), m.date(lapsed.deadline)) : m.keptAfterLapse(label(moved.to, l), label(moved.from, l)));
    reasons.push({ text: say(msg, locale), texts: everyLocale((_w, m) => say(m, localeOf(m))), because: [] });
    trace.push(lapsed ? `class ${lapsed.from.id} -> ${lapsed.to.id}: its window ended on ${lapsed.deadline} unsigned` : `class ${moved.to.id} kept: ${moved.from.id}'s window ran out before`);
  } else if (recorded && classification.status === 'classified') {
    // the class stands on what the visit that gave it heard (a polite excuse is not carried): a prep
    // that knows nothing new does not read it again from the carried facts alone
    // first the reasons it was given for, as any class says its own ("D because they ended the meeting
    // with a polite excuse"): a D's prep asked "did they say each reason above?" under no reason at all
    const given = s.input.account?.history?.classReasons;
    const why = (l: Locale) => given?.[l] ?? given?.en ?? [];
    const label = (l: Locale) => classLabel(recorded.rule.name, l) || recorded.rule.id;
    if (why(locale).length) {
      // what the debrief heard, said in its words: no answer of this prep is the evidence
      const because = why(locale).map((text, i) => ({ question: '', answer: null, text, texts: Object.fromEntries(LOCALES.map((l) => [l, why(l)[i] ?? text])) }));
      reasons.push({ text: msg.because(label(locale), msg.list(why(locale))), texts: everyLocale((_w, m) => m.because(label(localeOf(m)), m.list(why(localeOf(m))))), because });
    }
    const say = (m: Messages, l: Locale) => m.classOnRecord(label(l), m.date(recorded.since));
    reasons.push({ text: say(msg, locale), texts: everyLocale((_w, m) => say(m, localeOf(m))), because: [] });
    trace.push(`class ${recorded.rule.id} kept: nothing known has changed since the visit of ${recorded.since}`);
  } else if (held && classification.status === 'classified') {
    // the reason is whose word the class stands on, not "you met the first KP"
    const who = held.heldBy.person ?? msg.thisAccount;
    const label = classLabel(classification.rule.name, locale) || classification.rule.id;
    reasons.push({
      text: msg.classHeld(who, label, held.heldBy.decider, termOf(pb, 'decider', msg), s.mode === 'prep'),
      ...bothVoices((_w, m) => m.classHeld(who, classLabel(classification.rule.name, localeOf(m)) || classification.rule.id, held.heldBy.decider, termOf(pb, 'decider', m), s.mode === 'prep')),
      because: [],
    });
    trace.push(`class ${classification.rule.id} held on the first KP's word`);
  } else if (classification.status === 'classified') {
    const rule = classification.rule;
    const conditions = dedupeConditions(evidence(rule.when, classCtx), (c) => words.describe(c, classCtx.answers).text);
    const because = conditions.map((c) => ({ ...words.describe(c, classCtx.answers), ...bothVoices((w) => w.describe(c, classCtx.answers).text) }));
    const label = classLabel(rule.name, locale) || rule.id;
    reasons.push({
      text: msg.because(label, msg.list(because.map((e) => e.text))),
      ...bothVoices((w, m) => m.because(classLabel(rule.name, localeOf(m)) || rule.id, m.list(conditions.map((c) => w.describe(c, classCtx.answers).text)))),
      because,
    });
    trace.push(`class rule ${rule.id} (priority ${rule.priority}) held`);
  } else if (classification.status === 'provisional') {
    // best first, as a rep reads them (A, then B…; the class's rank, 1 the best), not in the order the
    // rules are tried: D is tried first because any one "no" makes a D, which says nothing of which
    // class is the better outcome. A class without a rank keeps its place after the ranked ones.
    const possible = bestFirst([...classification.undecided, ...(classification.rule ? [classification.rule] : [])]);
    candidates = possible.map((r) => r.id);
    candidateLabels = possible.map((r) => classLabel(r.name, locale) || r.id);
    const unknownQs = classification.unknownQuestions.map((id) => questions.get(id) as Question);
    for (const q of unknownQs) unknowns.push({ question: q.id, text: words.shortName(q) });
    reasons.push({
      text: msg.provisionalReason(candidateLabels.join(msg.or), unknowns.map((u) => u.text)),
      ...bothVoices((w, m) => m.provisionalReason(possible.map((r) => classLabel(r.name, localeOf(m)) || r.id).join(m.or), unknownQs.map(w.shortName))),
      because: unknownQs.map((q) => ({ question: q.id, answer: UNKNOWN, text: msg.notKnown(words.shortName(q)), ...bothVoices((w, m) => m.notKnown(w.shortName(q))) })),
    });
    trace.push(`provisional: rules ${classification.undecided.map((r) => r.id).join(', ')} undecided${classification.rule ? `, ${classification.rule.id} held after them` : ''}`);
  } else if (mode === 'plan') {
    reasons.push({ text: msg.planNoClass, because: [] });
    trace.push('plan: no classification');
  } else {
    reasons.push({ text: msg.unclassified, because: [] });
    trace.push('no class rule held');
  }
  // a prep is what the rep expects, not what happened: the class on record moves only at a debrief
  const onFile = s.input.account?.history?.class;
  const expected = mode === 'prep' && !held && !kept && !recorded && onFile !== undefined && settled !== undefined && settled.id !== onFile ? rules.find((r) => r.id === onFile) : undefined;
  if (expected && settled) {
    const say = (m: Messages, l: Locale) => m.classExpected(classLabel(settled.name, l) || settled.id, classLabel(expected.name, l) || expected.id);
    reasons.push({ text: say(msg, locale), texts: everyLocale((_w, m) => say(m, localeOf(m))), because: [] });
    trace.push(`prep expects ${settled?.id ?? classification.status}; ${expected.id} stays on record until a debrief`);
  }
  const unknownList = msg.unknownList(unknowns.map((u) => u.text));
  // signed: the window is closed, there is nothing left to sign by (at this session or an earlier one)
  const signedNow = pb.roles.signed !== undefined && evaluateCondition(pb.roles.signed, s.base) === true;
  const history = s.input.account?.history;
  const keptDeadline = settled && history?.class === settled.id ? history.classDeadline : undefined;
  const windowRuns = settled?.cycle && !signedNow && !history?.signed;
  const cycle =
    settled?.cycle && windowRuns
      ? {
          ...(settled.cycle.min !== undefined ? { minDays: settled.cycle.min } : {}),
          maxDays: settled.cycle.max,
          // a window ending on a weekend ends, for the customer, on the Friday before
          deadline: keptDeadline ?? workingDay(addDays(s.visitDate, settled.cycle.max), 'earlier'),
          ...(keptDeadline !== undefined && keptDeadline < s.visitDate ? { overdue: true } : {}),
          ...(settled.cycle.reclassifyAs?.length ? { reclassifyAs: settled.cycle.reclassifyAs } : {}),
        }
      : undefined;
  const reasonList = msg.list(reasons[0]?.because.map((e) => e.text) ?? []);
  const classExtra = { reasons: reasonList, class: (settled ? classLabel(settled.name, locale) || settled.id : undefined) ?? candidateLabels.join('/') };
  const droppedNow = settled !== undefined && (pb.roles.willNotBuy ?? []).includes(settled.id);
  const out: CoachingResult['classification'] = {
    status: classification.status,
    ...(settled
      ? {
          class: settled.id,
          name: s.t(settled.name),
          label: classLabel(settled.name, locale) || settled.id,
          labels: Object.fromEntries(LOCALES.map((l) => [l, classLabel(settled.name, l) || settled.id])),
          // a class's summary says how to reach the signature: an account signed already has it
          // nor is a class's definition (a second KP who must carry it…) when a window running out gave it
          ...(settled.summary && !history?.signed && !signedNow && !lapsed && !kept ? { summary: s.fill(settled.summary, classExtra) } : {}),
          ...(settled.rank !== undefined ? { rank: settled.rank } : {}),
          rule: settled.id,
        }
      : {}),
    ...(signedNow ? { signed: true } : {}),
    ...(history?.signed ? { signedBefore: true } : {}),
    candidates,
    ...(candidateLabels.length ? { candidateLabels } : {}),
    reasons,
    unknowns,
    ...(cycle ? { cycle } : {}),
    // a window that ran out moved the class: it no longer stands on the first KP's word
    // (a refusal by another person stays theirs: their stance, their flag)
    ...(held && (!lapsed || held.heldBy.refused) ? { heldBy: held.heldBy } : {}),
    ...(lapsed ? { lapsed: { from: lapsed.from.id, deadline: lapsed.deadline } } : kept ? { lapsed: { from: kept.from.id } } : {}),
    ...(recorded ? { onRecord: true } : {}),
    ...(expected ? { expectedFrom: expected.id } : {}),
  };
  return { out, rule: settled, ctx, classExtra, because: reasons[0]?.because ?? [], unknownList, unknownItems: unknowns.map((u) => u.text), signedNow, signedBefore: history?.signed === true, droppedNow };
}

/** A word the engine says about the playbook's content: the playbook's own term, else the neutral one. */
function termOf(pb: Playbook, key: keyof Messages['terms'], m: Messages): string {
  return localize(pb.terms[key], localeOf(m)) || m.terms[key];
}

function localeOf(m: Messages): Locale {
  return LOCALES.find((l) => MESSAGES[l] === m) ?? 'en';
}

/**
 * Seed 001: an A not signed within its 7-10 days is reclassified (B or D). A debrief after the window
 * ran out, unsigned, is that reclassification: the first of the class's `reclassifyAs`, unless the
 * visit itself says worse (a D rule held). A prep keeps the class: it is the last chance to sign.
 */
/** Classes best first by their rank (1 is best); unranked ones after, each group in its given order (the sort is stable). */
export function bestFirst(rules: readonly ClassRule[]): ClassRule[] {
  const rank = (c: ClassRule) => c.rank ?? Number.MAX_SAFE_INTEGER;
  return [...rules].sort((a, b) => rank(a) - rank(b));
}

function lapsedWindow(s: Scope, rules: ClassRule[], own: Classification): { classification: Classification; from: ClassRule; to: ClassRule; deadline: string } | undefined {
  const history = s.input.account?.history;
  if (s.mode !== 'debrief' || !history?.class || history.signed || own.status !== 'classified' || own.rule.id !== history.class) return undefined;
  const deadline = history.classDeadline;
  const to = rules.find((r) => r.id === own.rule.cycle?.reclassifyAs?.[0]);
  if (!deadline || deadline >= s.visitDate || !to) return undefined;
  if (s.pb.roles.signed !== undefined && evaluateCondition(s.pb.roles.signed, s.base) === true) return undefined;
  return { classification: { status: 'classified', rule: to, undecided: [] }, from: own.rule, to, deadline };
}

/**
 * An account reclassified because its window ran out unsigned keeps its new class when the same
 * facts would make it the lapsed class again (a B from a lapsed A is not an A at the next visit with
 * a new 10 days); the signature, a D or the new class's own window running out still move it.
 */
function keptAfterLapse(s: Scope, rules: ClassRule[], own: Classification): { classification: Classification; from: ClassRule; to: ClassRule } | undefined {
  const history = s.input.account?.history;
  if (!history?.lapsedFrom || !history.class || history.signed || own.status !== 'classified' || !history.lapsedFrom.includes(own.rule.id)) return undefined;
  const current = rules.find((r) => r.id === history.class);
  if (!current) return undefined;
  return { classification: { status: 'classified', rule: current, undecided: [] }, from: own.rule, to: current };
}

/**
 * A class changes only on new evidence. The class on record was given by a visit, partly on what that
 * visit alone heard (a koala's polite excuse, the answer to the close: `owner: visit`, never carried);
 * a prep reads the carried facts only, and without anything new it would read another class from
 * them (D, then A or C at the next prep, with nothing said in between). So a prep whose facts the
 * class rules read are as the last visit left them keeps the class on record; a fact that changed is
 * new evidence, and the prep shows the class it expects (the debrief records it).
 */
function onRecord(s: Scope, rules: ClassRule[], own: Classification): { classification: Classification; rule: ClassRule; since: string } | undefined {
  const history = s.input.account?.history;
  const last = history?.lastVisit;
  if (s.mode !== 'prep' || !history?.class || !last) return undefined;
  const current = rules.find((r) => r.id === history.class);
  if (!current || (own.status === 'classified' && own.rule.id === current.id)) return undefined;
  const read = new Set<string>();
  for (const r of rules) questionsIn(r.when, read);
  // (a rule's `persona:` leaf reads the person's type: a type said otherwise now is news too)
  const personaQ = s.pb.questions.find((q) => q.kind === 'persona');
  if (personaQ) read.add(personaQ.id);
  const sameAnswer = (a: AnswerValue | undefined, b: AnswerValue | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const news = [...read].some((id) => {
    const q = s.questions.get(id);
    return q !== undefined && ownerOf(q) !== 'visit' && !sameAnswer(s.answers[id], last.answers[id]);
  });
  if (news) return undefined;
  // a prep after a prep that expected another class, knowing nothing new: the same expectation, not
  // the record read back ("expects C", then "B as recorded" for the same answers)
  if (last.mode === 'prep' && last.expected !== undefined && last.expected !== current.id) return undefined;
  // the day the class was recorded is the debrief's that gave it, not the last session's (a prep records none)
  return { classification: { status: 'classified', rule: current, undecided: [] }, rule: current, since: history.classSince ?? last.date };
}

/**
 * Seed 001: the first KP decides. When the account has a first KP on record and this visit met
 * someone else, the class is read from the account's facts and the first KP's own facts; what this
 * person and this visit said (a polite excuse, a refusal) is that person's stance, not the account's.
 */
function heldByDecider(s: Scope, rules: ClassRule[], own: Classification): { classification: Classification; ctx: ConditionContext; heldBy: NonNullable<CoachingResult['classification']['heldBy']> } | undefined {
  const { pb, input, mode } = s;
  const decider = input.account?.decider;
  if (mode === 'plan' || !decider || !pb.roles.metFirstKp) return undefined;
  if (evaluateCondition(pb.roles.metFirstKp, s.base) !== false) return undefined;
  const person = pb.roles.person ? s.answers[pb.roles.person] : undefined;
  const met = typeof person === 'string' && person.trim() ? person.trim() : undefined;
  if (met && nameKey(met) === nameKey(decider.name)) return undefined;
  // the class stands on the first KP's word (seed 001): meeting their colleague, a second KP, does not
  // make the account a B once the first KP was met (the trial saw an A demoted, then its window
  // restarted when the first KP was met again); another person's "no" is their stance, not the
  // account's.
  const wouldBe = own.status === 'classified' ? own.rule.id : undefined;
  const willNotBuy = pb.roles.willNotBuy ?? [];
  const current = rules.find((r) => r.id === input.account?.history?.class);
  if (!current || willNotBuy.includes(current.id) || wouldBe === current.id) return undefined;
  // a window that ran out unsigned is the time to reclassify (seed 001), from the first KP's class,
  // not from this person's role (a second KP met after an A's window is not "meet the first KP")
  const refused = wouldBe !== undefined && willNotBuy.includes(wouldBe);
  s.trace.push(`class ${current.id} held: ${met ?? 'this person'} is not the first KP ${decider.name} (this visit alone: ${wouldBe ?? own.status})`);
  return { classification: { status: 'classified', rule: current, undecided: [] }, ctx: s.base, heldBy: { decider: decider.name, ...(met ? { person: met } : {}), ...(wouldBe ? { wouldBe } : {}), ...(refused ? { refused: true } : {}) } };
}

function selfQuestionsSection(s: Scope, c: Settled): CoachingResult['selfQuestions'] {
  const out = { forward: [] as string[], reverse: [] as string[] };
  // "why is this an A? why was it not signed?" has its answer once the account is signed; and it is
  // the first KP's to answer, not the person met when someone else was
  if (c.signedBefore || c.signedNow || c.out.heldBy) return out;
  // the window ran out before this prep: the question is why it did not sign in time, not how to within it
  if (c.out.cycle?.overdue && s.mode === 'prep' && c.out.label) {
    out.forward.push(s.msg.lapsedForward(c.out.label));
    return out;
  }
  // the class reached by a window running out: its own questions (why a B? the first KP?) do not fit
  if (c.out.lapsed) {
    const from = classLabel(s.pb.classes.find((r) => r.id === c.out.lapsed?.from)?.name ?? c.out.lapsed.from, s.locale) || c.out.lapsed.from;
    out.forward.push(s.msg.lapsedForward(from));
    out.reverse.push(s.msg.lapsedReverse(from, c.out.label ?? ''));
    return out;
  }
  if (c.rule) {
    for (const key of ['forward', 'reverse'] as const) {
      for (const sq of c.rule[key] ?? []) {
        if (evaluateCondition(sq.when, c.ctx) !== true) continue;
        // a question asked on some of the reasons names those only: "because no need: any one of the
        // three missing makes a D" is not followed by the excuse, which is not one of the three
        const reads = sq.when ? questionsIn(sq.when) : undefined;
        const named = reads ? c.because.filter((e) => reads.has(e.question)) : c.because;
        out[key].push(s.fill(sq.text, reads && named.length ? { ...c.classExtra, reasons: s.msg.list(named.map((e) => e.text)) } : c.classExtra));
      }
    }
  } else if (c.out.status === 'provisional') {
    const question = termOf(s.pb, 'provisionalQuestion', s.msg);
    out.reverse.push(s.mode === 'prep' ? s.msg.provisionalQuestionPrep(c.unknownItems, question, termOf(s.pb, 'provisionalVerdict', s.msg)) : s.msg.provisionalQuestionDebrief(c.unknownList, question, termOf(s.pb, 'decider', s.msg)));
  }
  return out;
}

// -- flags ---------------------------------------------------------------------------------------------

type FlagOut = CoachingResult['flags'][number];

function flagsSection(s: Scope, c: Settled): { fired: Fired<FlagOut>[]; engine: FlagOut[]; opponents: string[] } {
  const { pb, msg, trace } = s;
  const fired: Fired<FlagOut>[] = [];
  const signed = c.signedBefore || c.signedNow;
  const { ctx: closeCtx, lead, extra } = closeOf(s, c);
  const add = (list: Flag[], source: string, ctx: ConditionContext = closeCtx, names: Record<string, string> = {}) => {
    for (const f of list) {
      if (fired.some((x) => x.id === f.id) || evaluateCondition(f.when, ctx) !== true) continue;
      // about reaching the signature: moot once the account is signed
      if (signed && f.closedBy?.includes('signed')) continue;
      fired.push({ ...f, out: { id: f.id, severity: f.severity ?? 'warning', message: s.fill(f.message, names), ...(f.subtext ? { subtext: s.fill(f.subtext, names) } : {}), source } });
      trace.push(`flag ${f.id}`);
    }
  };
  add(pb.flags, 'playbook');
  const persona = personaOf(s);
  if (persona) add(persona.flags ?? [], `persona:${persona.id}`, c.ctx);
  if (lead && lead.id !== persona?.id) add(lead.flags ?? [], `persona:${lead.id}`, closeCtx, extra);
  const engine: FlagOut[] = [];
  const cls = c.out;
  const label = (id: string) => classLabel(pb.classes.find((r) => r.id === id)?.name ?? id, s.locale) || id;
  // seed 001: an A not signed in its window is reclassified, not kept open with a deadline in the past
  if (cls.cycle?.overdue && cls.class) {
    engine.push({ id: 'window-over', severity: 'critical', message: msg.windowOver(label(cls.class), msg.date(cls.cycle.deadline), (cls.cycle.reclassifyAs ?? []).map(label).join(msg.or)), source: 'engine' });
    trace.push('flag window-over');
  }
  // a prep after the meeting the last debrief agreed, with no session on or since that day: what
  // happened there is not on record, and this prep would plan past it in silence (the third trial)
  // (the latest debrief's, though a prep was made for that meeting since: the rep prepared it, and then
  // the debrief never came; the fourth trial's prep of 7 Dec said nothing of the 30 Nov prepared for)
  const last = s.input.account?.history?.lastVisit;
  const kept = s.input.account?.history?.agreedMeeting;
  const agreed = kept?.agreed ?? (last?.mode === 'debrief' ? last.agreed : undefined);
  const debriefed = kept?.debriefed ?? last?.date;
  if (s.mode === 'prep' && debriefed !== undefined && agreed !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(agreed) && agreed > debriefed && agreed < s.visitDate) {
    engine.push({ id: 'meeting-not-debriefed', severity: 'warning', message: msg.meetingNotDebriefed(msg.date(agreed), agreed), source: 'engine' });
    trace.push('flag meeting-not-debriefed');
  }
  // a debrief that books the next meeting after the window ends has no meeting left to sign at
  const next = pb.roles.nextMeeting ? s.answers[pb.roles.nextMeeting] : undefined;
  if (s.mode === 'debrief' && cls.class && cls.cycle && !cls.cycle.overdue && typeof next === 'string' && next > cls.cycle.deadline) {
    engine.push({ id: 'meeting-after-window', severity: 'warning', message: msg.meetingAfterWindow(msg.date(next), label(cls.class), msg.date(cls.cycle.deadline)), source: 'engine' });
    trace.push('flag meeting-after-window');
  }
  // the customer placed what stands in the way after the window's end ("budget only in January"): a
  // deadline before it contradicts what they said, unless it is said
  const obstacle = pb.roles.obstacleDate ? s.answers[pb.roles.obstacleDate] : undefined;
  if (s.mode === 'debrief' && cls.class && cls.cycle && !cls.cycle.overdue && !cls.signed && typeof obstacle === 'string' && obstacle > cls.cycle.deadline) {
    // the obstacle in the customer's words: the answer the date question is asked after
    const reasonId = s.questions.get(pb.roles.obstacleDate as string)?.when?.question;
    const said = reasonId ? s.answers[reasonId] : undefined;
    const reason = typeof said === 'string' ? said.trim() : '';
    engine.push({ id: 'obstacle-after-window', severity: 'warning', message: msg.obstacleAfterWindow(reason, msg.date(obstacle), label(cls.class), msg.date(cls.cycle.deadline), (cls.cycle.reclassifyAs ?? []).map(label).join(msg.or)), source: 'engine' });
    trace.push('flag obstacle-after-window');
  }
  // the class held on the first KP's word is said by the reason; a refusal is also this person's stance
  if (cls.heldBy?.refused && cls.class) {
    const who = cls.heldBy.person ?? msg.thisAccount;
    // after a window that ran out the class moved anyway: the refusal is only the person's stance
    const said = cls.lapsed ? msg.personRefusedStance(who) : msg.personRefused(who, label(cls.class), cls.heldBy.decider, termOf(pb, 'decider', msg));
    engine.push({ id: 'person-refused', severity: 'warning', message: said, source: 'engine' });
    trace.push('flag person-refused');
  }
  // -- the buying map (seed 003): who speaks for you, who is against; not worth it for "will not buy" --
  const opponents: string[] = [];
  const stance = pb.roles.stance;
  // the buying map is for reaching the decision: a signed account has its decision
  if (stance && !c.droppedNow && !c.signedBefore && !c.signedNow) {
    const met = pb.roles.person ? s.answers[pb.roles.person] : undefined;
    const here = typeof met === 'string' && met.trim() ? met.trim() : undefined;
    // a refusal at this visit is where the person stands now, whatever was answered before it
    const refusedHere = cls.heldBy?.refused && here !== undefined && cls.heldBy.person !== undefined && nameKey(cls.heldBy.person) === nameKey(here);
    const now = refusedHere && stance.opponent[0] !== undefined ? stance.opponent[0] : s.answers[stance.question];
    // the people at this meeting say where they stand now; the others as last known
    const present = new Set([here, ...s.others.map((o) => o.name)].filter((n): n is string => n !== undefined).map(nameKey));
    const map = [
      ...(s.input.account?.people ?? []).filter((p) => !present.has(nameKey(p.name))),
      ...s.others.map((o) => ({ name: o.name, ...(typeof o.answers[stance.question] === 'string' ? { stance: o.answers[stance.question] as string } : {}) })),
      ...(here ? [{ name: here, ...(typeof now === 'string' ? { stance: now } : {}) }] : []),
    ];
    // "don't know" is not a stance: the map counts only the people whose stance is known
    const knownStances = map.filter((p) => p.stance !== undefined && p.stance !== UNKNOWN);
    if (knownStances.length > 0 && !knownStances.some((p) => stance.supporter.includes(p.stance as string))) {
      engine.push({ id: 'no-supporter', severity: 'warning', message: msg.noSupporter(s.input.account?.name ?? msg.thisAccount), source: 'engine' });
      trace.push('flag no-supporter');
    }
    for (const p of knownStances) {
      if (!stance.opponent.includes(p.stance as string)) continue;
      opponents.push(p.name);
      // the refusal just flagged says it of this person already
      if (cls.heldBy?.refused && cls.heldBy.person && nameKey(cls.heldBy.person) === nameKey(p.name)) continue;
      engine.push({ id: `opponent:${p.name}`, severity: 'warning', message: msg.opponent(p.name), source: 'engine' });
      trace.push('flag opponent');
    }
  }
  return { fired, engine, opponents };
}

function personaOf(s: Scope) {
  return s.base.persona ? s.pb.personas.find((p) => p.id === s.base.persona) : undefined;
}

/**
 * The close's context: with the first KP at the meeting as another person, their type (a koala's trust
 * decides the close), their type's flags and steps, and their name in those; else the visit's own.
 */
function closeOf(s: Scope, c: Settled): { ctx: ConditionContext; lead?: Persona; extra: Record<string, string> } {
  const lead = s.lead?.persona !== undefined ? s.pb.personas.find((p) => p.id === s.lead?.persona) : undefined;
  if (!lead || !s.lead) return { ctx: c.ctx, extra: {} };
  return { ctx: { ...c.ctx, persona: lead.id }, lead, extra: s.pb.roles.person ? { [`answers.${s.pb.roles.person}`]: s.lead.name } : {} };
}

// -- the checklist ---------------------------------------------------------------------------------------

type StepOut = CoachingResult['checklist'][number];
/** byDeadline: a step due on the class's sign-by date (the window's own step). */
type StepFired = Fired<StepOut> & { byDeadline?: boolean };

function checklistSection(s: Scope, c: Settled, opponents: string[]): StepFired[] {
  const { pb, mode, visitDate, trace } = s;
  const out: StepFired[] = [];
  // what the customer is told the rep will do (a follow-up's promise) is due by the next meeting they
  // agreed, never after it: "we meet again on Fri 4 Dec" beside "I will come back to you by Mon 7 Dec"
  const nextMeeting = pb.roles.nextMeeting ? s.answers[pb.roles.nextMeeting] : undefined;
  const byMeeting = (item: ChecklistItem, due: string) => (item.tellCustomer && typeof nextMeeting === 'string' && nextMeeting > visitDate && nextMeeting < due ? nextMeeting : due);
  // a step for the meeting agreed weeks ahead ("confirm the meeting of 12 Jan in writing") falls due a few
  // days before it, not the day after this visit (it stood due five weeks ahead of the meeting)
  const nearMeeting = (item: ChecklistItem, due: string) => {
    if (item.beforeMeeting === undefined || typeof nextMeeting !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(nextMeeting)) return due;
    const near = workingDay(addDays(nextMeeting, -item.beforeMeeting), 'earlier');
    return near > due && near < nextMeeting ? near : due;
  };
  const dueOf = (item: ChecklistItem) => (item.due === 'deadline' ? (c.out.cycle?.deadline ?? workingDay(addDays(visitDate, 1), 'later')) : nearMeeting(item, byMeeting(item, dueDate(s, item.due ?? 1))));
  const signed = c.signedBefore || c.signedNow;
  // the step in every language, so a reader in another language reads it in theirs; a step that
  // quotes this session's reasons is said in this session's language only
  const textsOf = (text: Text, names: Record<string, string> = {}): { texts?: Partial<Record<Locale, string>> } => {
    if (typeof text === 'string' || localize(text, s.locale).includes('{reasons}')) return {};
    const cls = c.rule;
    return { texts: Object.fromEntries(LOCALES.map((l) => [l, fillTemplate(localize(text, l), s.lookupIn(l, { ...(l === s.locale ? c.classExtra : { class: cls ? classLabel(cls.name, l) || cls.id : (c.classExtra.class ?? '') }), ...names }))])) };
  };
  const { ctx: closeCtx, lead, extra } = closeOf(s, c);
  const add = (list: ChecklistItem[], source: string, ctx: ConditionContext = closeCtx, names: Record<string, string> = {}) => {
    for (const item of list) {
      if (out.some((x) => x.id === item.id) || evaluateCondition(item.when, ctx) !== true) continue;
      // a step the signature ends is moot on a signed account
      if (signed && item.closedBy?.includes('signed') && !item.owedAtSigning) continue;
      // "sign by <a day gone>" is not a step: the window-over flag says the window ran out
      if (item.due === 'deadline' && c.out.cycle?.overdue) continue;
      // the values as answered, not as worded: the same in every language
      const values: string[] = [];
      const text = fillTemplate(s.t(item.text), (name) => {
        const v = s.lookup({ ...c.classExtra, ...names })(name);
        if (v === undefined || name === 'account.name') return v;
        const raw = name in names ? names[name] : name.startsWith('answers.') ? s.answers[name.slice(8)] : undefined;
        values.push(raw === undefined || raw === null ? v : Array.isArray(raw) ? raw.join(',') : String(raw));
        return v;
      });
      out.push({ ...item, ...(item.due === 'deadline' ? { byDeadline: true } : {}), out: { id: item.id, text, ...textsOf(item.text, names), due: dueOf(item), source, ...(values.length ? { values } : {}) } });
      trace.push(`checklist ${item.id}`);
    }
  };
  add(pb.checklist, 'playbook');
  const persona = personaOf(s);
  if (persona) add(persona.checklist ?? [], `persona:${persona.id}`, c.ctx);
  if (lead && lead.id !== persona?.id) add(lead.checklist ?? [], `persona:${lead.id}`, closeCtx, extra);
  // an opponent is addressed by a plan: one step per person, the same step at every session (until signed)
  for (const name of signed ? [] : opponents) {
    const id = `address-opponent:${nameKey(name)}`;
    // what they want for themselves, when the rep knows it, is where the answer starts
    const win = s.input.account?.people?.find((p) => nameKey(p.name) === nameKey(name))?.personalWin ?? (pb.roles.personalWin && nameKey(String(s.answers[pb.roles.person ?? ''] ?? '')) === nameKey(name) ? text(s.answers[pb.roles.personalWin]) : undefined);
    const texts = inEveryLanguage((l) => (win ? MESSAGES[l].addressOpponentWin(name, win) : MESSAGES[l].addressOpponent(name)));
    out.push({ id, out: { id, text: texts[s.locale] as string, texts, due: mode === 'prep' ? visitDate : dueDate(s, 3), source: 'engine', values: [name] } });
  }
  // a "don't know" is worth a step only while it decides the class: once the class holds (a D above
  // all) it would send the rep to invest in a dead account
  for (const q of c.rule ? [] : pb.questions) {
    if (!isUnknown(q, s.answers[q.id])) continue;
    // before a visit, the visit itself is the chance to find out; after it, within findOutDue days
    const due = mode === 'prep' ? visitDate : dueDate(s, pb.findOutDue);
    const id = `find-out:${q.id}`;
    const texts = inEveryLanguage((l) => (q.findOut ? fillTemplate(localize(q.findOut, l), s.lookupIn(l)) : MESSAGES[l].findOut((l === s.locale ? s.words : wordsFor(pb, l, s.questions)).shortName(q))));
    // a person's fact is found out of that person: the step names them, so that it ends once their
    // answer is known (the account's own facts end it as before)
    const person = ownerOf(q) === 'person' && pb.roles.person ? s.answers[pb.roles.person] : undefined;
    out.push({ id, findsOut: q.id, out: { id, text: texts[s.locale] as string, texts, due, source: `question:${q.id}`, ...(typeof person === 'string' && person.trim() ? { values: [person] } : {}) } });
  }
  return out;
}

/** A step the engine words itself, in every language: a reader of another language reads it in theirs. */
function inEveryLanguage(say: (l: Locale) => string): Partial<Record<Locale, string>> {
  return Object.fromEntries(LOCALES.map((l) => [l, say(l)]));
}

/**
 * When a step is due, `days` after the visit. Before a visit (fewer than 0 days) it is never before
 * the day the prep is made (`today`, when given). Never on a weekend: later steps move to the Monday,
 * steps before a visit to the Friday before it.
 */
function dueDate(s: Scope, days: number): string {
  const { visitDate } = s;
  if (days > 0) return workingDay(addDays(visitDate, days), 'later');
  if (days === 0) return visitDate;
  const due = workingDay(addDays(visitDate, days), 'earlier');
  // a step due before the visit is due on the day the prep is made at the earliest: yesterday is gone
  const today = s.input.today;
  if (today === undefined) return due;
  // dates as YYYY-MM-DD order as text: the earlier of today and the visit, then the later of that and the due date
  const from = [today, visitDate].sort()[0];
  return [due, from].sort()[1];
}

// -- the follow-up -------------------------------------------------------------------------------------

/**
 * The message a debrief drafts for the customer: the playbook's paragraphs whose condition holds, then
 * the steps it tells the customer (tellCustomer), each with its date. Never for an account that will
 * not buy, and never the rep's own objective or the class: those are not in the customer's texts.
 */
function followUpSection(s: Scope, settled: Settled, steps: readonly Fired<{ due: string }>[]): string | undefined {
  const f = s.pb.followUp;
  if (!f || s.mode !== 'debrief' || settled.droppedNow) return undefined;
  if (settled.out.class && (s.pb.roles.willNotBuy ?? []).includes(settled.out.class)) return undefined;
  if (f.when && evaluateCondition(f.when, settled.ctx) !== true) return undefined;
  // the message is addressed to the people met: a note the rep wrote of them ("Ms Chen wants a
  // reference site") is quoted as what they asked, not said of them in the third person
  const people = peopleByRank(s.pb, s.answers, s.input.others ?? []);
  const base = s.lookup();
  const lookup = (name: string): string | undefined => {
    const v = base(name);
    const q = name.startsWith('answers.') ? s.questions.get(name.slice(8)) : undefined;
    return v !== undefined && q?.kind === 'text' ? addressedToThem(v, people) : v;
  };
  const fired = f.parts.filter((p) => evaluateCondition(p.when, settled.ctx) === true).map((p) => ({ framed: p.when === undefined, text: fillRecap(s.t(p.text), lookup) })).filter((p) => p.text);
  const paragraphs = fired.map((p) => p.text);
  const told = f.steps
    ? steps.flatMap((step) => {
        const text = (step as { tellCustomer?: Text }).tellCustomer;
        return text ? [`- ${s.msg.toldStep(fillRecap(s.t(text), lookup), s.msg.date(step.out.due))}`] : [];
      })
    : [];
  // a part with no condition is the frame (the greeting): a message of the frame alone ("Hello Ms Wu,
  // thank you for your time today. Best regards") has nothing to send after a visit that agreed nothing
  if (fired.every((p) => p.framed) && told.length === 0) return undefined;
  // one line each, as a chat message reads (WeChat, a text): the rep adds blank lines for a mail if wanted
  return [...paragraphs, ...(told.length ? [`${s.t(f.steps)}\n${told.join('\n')}`] : []), ...(f.closing ? [s.t(f.closing)] : [])].join('\n');
}

const THIRD_PERSON_EN = /^(?:she|he|they|the customer|the client)\s+/i;
const ASKS_EN = /^(?:wants?|needs?|asked(?: us| me)? for|asks? (?:us |me )?for|would like|requested|requests)\s+(?:to (?:see|have|get)\s+)?/i;
const THIRD_PERSON_ZH = /^(?:她|他|他们|她们|对方|客户)/;
const ASKS_ZH = /^(?:想要|想看|需要|希望|要求|要)/;

/**
 * A note of what the customer asked, as the rep wrote it of them ("she wants a reference site",
 * "Ms Chen asked for a trial", "对方想要参考案例"), said to them: the subject and its verb left out
 * ("a reference site"). A note without such a subject is kept as written.
 */
export function addressedToThem(note: string, people: readonly string[]): string {
  const text = note.trim();
  for (const name of [...people].sort((a, b) => b.length - a.length)) {
    if (!name || !text.toLowerCase().startsWith(name.toLowerCase())) continue;
    const rest = text.slice(name.length).trimStart();
    const en = ASKS_EN.exec(rest);
    if (en && rest.length > en[0].length) return rest.slice(en[0].length);
    const zh = ASKS_ZH.exec(rest);
    if (zh && rest.length > zh[0].length) return rest.slice(zh[0].length);
  }
  const who = THIRD_PERSON_EN.exec(text) ?? THIRD_PERSON_ZH.exec(text);
  if (!who) return note;
  const rest = text.slice(who[0].length);
  const verb = ASKS_EN.exec(rest) ?? ASKS_ZH.exec(rest);
  return verb && rest.length > verb[0].length ? rest.slice(verb[0].length) : note;
}

// -- persona, tips, plan, changes ----------------------------------------------------------------------------

type PersonaOut = NonNullable<CoachingResult['persona']>;
interface PersonaFired {
  out: Omit<PersonaOut, 'do' | 'dont' | 'doNow' | 'dontNow'>;
  /** The type's standing advice (plain texts): always true of the type. */
  standing: { do: string[]; dont: string[] };
  /** Advice with an id and a condition: of this visit, and subject to precedence. */
  advice: Fired<{ list: 'do' | 'dont'; text: string; now: boolean }>[];
}

function personaSection(s: Scope, c: Settled): PersonaFired | undefined {
  const persona = personaOf(s);
  const picked = persona ? (pickPersona(s.pb, s.mode, s.answers) ?? { id: persona.id, source: 'chosen' as const }) : undefined;
  if (!persona || !picked) return undefined;
  const standing = { do: [] as string[], dont: [] as string[] };
  const advice: PersonaFired['advice'] = [];
  // how to sell to this person is moot when the account will not buy
  for (const list of c.droppedNow ? [] : (['do', 'dont'] as const)) {
    for (const a of persona[list] ?? []) {
      if (!isAdvice(a)) {
        standing[list].push(s.fill(a));
        continue;
      }
      if (evaluateCondition((a as Advice).when, c.ctx) !== true) continue;
      if ((c.signedBefore || c.signedNow) && a.closedBy?.includes('signed')) continue;
      s.trace.push(`advice ${a.id}`);
      // advice without a condition is the type's, always true of it; with one, it is this visit's
      advice.push({ ...a, out: { list, text: s.fill(a.text), now: a.when !== undefined } });
    }
  }
  const observedCue = (cond: Condition): string => {
    const q = cond.question !== undefined ? s.questions.get(cond.question) : undefined;
    const o = q && cond.includes !== undefined ? q.options?.find((x) => x.value === cond.includes) : undefined;
    return o ? s.t(o.label) : s.words.describe(cond, s.answers).text;
  };
  return {
    out: {
      id: persona.id,
      name: s.t(persona.name),
      source: picked.source,
      ...(s.input.account?.seen?.personaProfile ? { known: true } : {}),
      observed: picked.source === 'observed' ? [...new Set(evidence(persona.recognise, s.base).map(observedCue))] : [],
      ...(persona.summary ? { summary: s.t(persona.summary) } : {}),
      cues: (persona.cues ?? []).map(s.t),
      traits: (persona.traits ?? []).map(s.t),
    },
    standing,
    advice,
  };
}

/** The persona's advice after precedence: the standing advice, and this visit's (conditional) advice apart. */
function splitAdvice(p: PersonaFired, excluded: ReadonlyMap<string, string>, given: ReadonlySet<string>): Pick<PersonaOut, 'do' | 'dont' | 'doNow' | 'dontNow'> {
  const now = { do: [] as string[], dont: [] as string[] };
  const always = { do: [...p.standing.do], dont: [...p.standing.dont] };
  // only what is new: advice of the visit given at the last session with this person is not listed as
  // new again ("keep your story consistent" at every session); it stays with the type's, for --full
  for (const a of p.advice) if (!excluded.has(a.id)) (a.out.now && !given.has(a.id) ? now : always)[a.out.list].push(a.out.text);
  return { do: always.do, dont: always.dont, ...(now.do.length ? { doNow: now.do } : {}), ...(now.dont.length ? { dontNow: now.dont } : {}) };
}

type TipOut = CoachingResult['tips'][number];

function tipsSection(s: Scope, c: Settled): Fired<TipOut>[] {
  const fired = s.pb.tips
    .map((tip, i) => ({ tip, i }))
    .filter(({ tip }) => evaluateCondition(tip.when, c.ctx) === true && !((c.signedBefore || c.signedNow) && tip.closedBy?.includes('signed')))
    // relevance: the tip whose condition says more about this visit comes first; ties keep the playbook's order
    .sort((a, b) => specificity(b.tip.when) - specificity(a.tip.when) || a.i - b.i)
    .map(({ tip }) => ({ ...tip, out: { id: tip.id, text: s.fill(tip.text), ...(tip.short ? { short: s.fill(tip.short) } : {}) } }));
  for (const tip of fired) s.trace.push(`tip ${tip.id}`);
  return fired;
}

/** How much a condition says about the visit: the number of its tests of answers, class and persona (a mode alone says little). */
function specificity(c: Condition | undefined): number {
  if (!c) return 0;
  if (c.all || c.any) return [...(c.all ?? []), ...(c.any ?? [])].reduce((n, x) => n + specificity(x), 0);
  if (c.not) return specificity(c.not);
  return c.mode !== undefined ? 0 : 1;
}

function planSection(s: Scope, c: Settled): CoachingResult['visitPlan'] {
  // a class's visit plan leads to the signature: a signed account's visit is after-sale, and a visit
  // with someone other than the first KP is not the class's visit
  if (s.mode !== 'prep' || c.signedBefore || c.out.heldBy) return undefined;
  // a class's plan may have variants (a koala whose trust is not built is not asked to sign): the first that holds
  // a window that ran out unsigned: this visit signs or the class goes (seed 001), whatever the class's plan says
  if (c.out.cycle?.overdue && c.rule) {
    const label = (id: string) => classLabel(s.pb.classes.find((r) => r.id === id)?.name ?? id, s.locale) || id;
    const then = (c.out.cycle.reclassifyAs ?? []).map(label).join(s.msg.or);
    // a variant of the class's plan (a koala whose trust is not built is not pushed to sign) still
    // holds; the window only says what follows the visit if it does not sign
    const variant = c.rule.visit?.variants?.find((v) => evaluateCondition(v.when, c.ctx) === true);
    if (variant) return { objective: s.fill(variant.objective, c.classExtra), commitment: s.msg.windowOverUnlessSigned(then), minimum: s.fill(variant.minimum, c.classExtra) };
    return { objective: s.msg.windowOverObjective(then), commitment: s.msg.windowOverCommitment, minimum: s.msg.windowOverMinimum(then) };
  }
  const plan = c.rule?.visit ? (c.rule.visit.variants?.find((v) => evaluateCondition(v.when, c.ctx) === true) ?? c.rule.visit) : undefined;
  if (plan) return { objective: s.fill(plan.objective, c.classExtra), commitment: s.fill(plan.commitment, c.classExtra), minimum: s.fill(plan.minimum, c.classExtra) };
  // a provisional class has no plan of its own yet: this visit is for finding out what decides it
  if (c.out.status === 'provisional') return { objective: s.msg.provisionalObjective(c.unknownList), commitment: s.msg.provisionalCommitment, minimum: s.msg.provisionalMinimum(c.unknownItems) };
  return undefined;
}

/**
 * The facts that lead to the sale: the questions a signed account is no longer asked (closedBy
 * signed), and the account's own facts the class is read from or the pipeline counts (need, buying
 * power, value, the people known). Once signed the class no longer moves on them: "contacts known
 * 2 → 3" on a signed account's screen coached toward a sale already made. People's facts (trust,
 * stance, a personal win) still matter after it, and stay.
 */
const saleFactsCache = new WeakMap<Playbook, ReadonlySet<string>>();
export function saleFacts(pb: Playbook): ReadonlySet<string> {
  let ids = saleFactsCache.get(pb);
  if (ids === undefined) {
    const classReads = new Set(pb.classes.flatMap((r) => [...questionsIn(r.when)]));
    const set = new Set<string>();
    for (const q of pb.questions) {
      if (q.closedBy?.includes('signed')) set.add(q.id);
      else if (ownerOf(q) === 'account' && (classReads.has(q.id) || q.id === pb.roles.contacts)) set.add(q.id);
    }
    ids = set;
    saleFactsCache.set(pb, ids);
  }
  return ids;
}

function changesSection(s: Scope): CoachingResult['changes'] {
  const changes: CoachingResult['changes'] = [];
  const before = s.input.account?.history?.lastVisit?.answers;
  if (!before) return changes;
  const signed = s.input.account?.history?.signed === true;
  for (const q of s.pb.questions) {
    if (!(q.id in s.answers) || !(q.id in before)) continue;
    if (signed && saleFacts(s.pb).has(q.id)) continue;
    if (JSON.stringify(before[q.id]) !== JSON.stringify(s.answers[q.id])) {
      // nothing recorded before reads as a dash, not as "skipped"
      const was = before[q.id] === null || before[q.id] === undefined ? '—' : s.words.answerText(q, before[q.id]);
      changes.push({ question: q.id, before: before[q.id], after: s.answers[q.id], text: s.msg.isValue(s.words.shortName(q), `${was} → ${s.words.answerText(q, s.answers[q.id])}`) });
    }
  }
  return changes;
}

function dedupeConditions(list: Condition[], textOf: (c: Condition) => string): Condition[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const k = textOf(c);
    return !seen.has(k) && seen.add(k);
  });
}

/** The class's label is its name up to the colon: "A类客户" of "A类客户：1周~10天签单". */
export function classLabel(name: Text, locale: Locale): string {
  return localize(name, locale).split(/[:：]/)[0].trim();
}

function text(v: AnswerValue | undefined): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
