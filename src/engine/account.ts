/**
 * The account model, pure: what a session means for an account. It takes the account's state and a
 * session's result and returns the new state plus the events that happened, as data (class changed,
 * signed, dropped, person added or updated, steps opened, carried or closed). A store persists both
 * and decides nothing; the review, `account show` and a team store all read the same events.
 *
 * What an answer means is declared by the playbook (`roles:`), never guessed from question ids.
 */
import { type ChecklistItem, type Condition, LOCALES, type Locale, ownerOf, type Playbook, type Question, type StepEnding } from './model.js';
import { type AnswerValue, type Answers, isUnknown, NOT_SURE, UNKNOWN } from './answers.js';
import { evaluateCondition, questionsIn, type Tri } from './conditions.js';
import { type CoachingResult, classLabel, saleFacts } from './evaluate.js';
import { questionIndex } from './interview.js';
import { targets } from './precedence.js';
import { nameKey } from './names.js';
import { AGREED_FACT, RECORDED_FACT, speaksForPresent } from './present.js';

export { AGREED_FACT, RECORDED_FACT, speaksForPresent };

/** The account's facts also keep the classes whose window ran out unsigned (not a question: no playbook asks it). */
export const LAPSED_FACT = '@lapsed';

export type ClassStatus = 'classified' | 'provisional' | 'unclassified';

export interface Person {
  name: string;
  title?: string;
  /** The person's role in the decision: an option value of the playbook's `roles.decision` question. */
  role?: string;
  persona?: string;
  email?: string;
  phone?: string;
  /** What the rep learnt of this person (answers to `carry: person` questions), by question id. */
  facts: Answers;
  firstMet?: string;
  lastMet?: string;
  /** A prep names the person to be met: planned for this date, not met yet. */
  plannedFor?: string;
}

export interface Step {
  /** The store's id; undefined for a step this session opens. */
  id?: number;
  /** Set when a later session issued the same step again: its text and date are the new ones. */
  updated?: boolean;
  key: string;
  text: string;
  /** The step in every language its playbook says it in: each reader reads it in theirs. */
  texts?: Partial<Record<Locale, string>>;
  due: string;
  /** The visit the step came from (or the day the rep added it). */
  since: string;
  /**
   * The last day the step is for: a step that prepares a visit (its item is closed by `visited`) is
   * moot once that visit has taken place, and a signing window's step once the window has ended; every
   * screen leaves it out from then on (core/steps.ts isLapsed).
   */
  until?: string;
}

export interface AccountState {
  name: string;
  playbookId?: string;
  class?: string;
  classStatus?: ClassStatus;
  classSince?: string;
  /** 1 is best; for ordering the review and telling upgrades from downgrades. */
  classRank?: number;
  /** The class's label in each locale, so a review needs no playbook to name it. */
  classLabels?: Partial<Record<Locale, string>>;
  /** Signed by then, or reclassify (the class's window, from the playbook at classification). */
  classDeadline?: string;
  lastVisit?: string;
  /** The person met at the latest visit. */
  lastPerson?: string;
  signed: boolean;
  /** Classified as a class the playbook declares "will not buy". */
  dropped: boolean;
  /** Account facts carried between sessions (answers to `carry: account` questions). */
  facts: Answers;
  /**
   * The deal's value (the roles.amount fact) and the currency it was given in (the config's when it was
   * given): a later change of the config does not relabel it. Kept beside the facts so that a store
   * adds values up without the playbook.
   */
  value?: DealValue;
  /** The day the customer expects to sign (the roles.closeDate fact). */
  closeDate?: string;
  /** The answers of the latest visit: what a change of class is compared with. */
  lastAnswers?: Answers;
  people: Person[];
  openSteps: Step[];
  /** Steps the rep marked done or skipped: the same step is not handed back by a later session. */
  closedSteps?: { key: string; text: string }[];
  /**
   * Steps that prepared a visit and lapsed with it, not done (superseded; until: that visit's day). One
   * issued again at the next prep is the step the rep already had, with its first date.
   */
  lapsedSteps?: { id?: number; key: string; due: string; until: string }[];
}

export type StepDecision = 'done' | 'keep' | 'drop';

/** An amount and its ISO 4217 currency (absent: none was configured when it was given). */
export interface DealValue {
  amount: number;
  currency?: string;
}

export type Movement = 'new' | 'upgraded' | 'downgraded' | 'changed' | 'provisional' | 'unclassified';

export type AccountEvent =
  | {
      kind: 'class-changed';
      date: string;
      from?: string;
      to?: string;
      fromStatus?: ClassStatus;
      status: ClassStatus;
      movement: Movement;
      /** The evidence that moved it ("you met the first KP"), else the whole reason. */
      because: string[];
      /** The same reasons in every language: rendered in the reader's, `because` for rows stored before. */
      reasons?: Partial<Record<Locale, string[]>>;
      /** As a manager reads them, where they differ: the rep in the third person, {rep} for their name. */
      about?: Partial<Record<Locale, string[]>>;
      labels?: Partial<Record<Locale, string>>;
      fromLabels?: Partial<Record<Locale, string>>;
    }
  | { kind: 'signed'; date: string; class?: string }
  | { kind: 'dropped'; date: string; class: string; because: string[]; reasons?: Partial<Record<Locale, string[]>>; about?: Partial<Record<Locale, string[]>> }
  | { kind: 'person-added'; date: string; person: string; title?: string; role?: string; planned?: boolean }
  | { kind: 'person-updated'; date: string; person: string; changes: { field: string; before: AnswerValue; after: AnswerValue }[] }
  /** The account's own facts changed between visits (`account set`). */
  | { kind: 'facts-updated'; date: string; changes: { field: string; before: AnswerValue; after: AnswerValue; currencies?: { before?: string; after?: string } }[] }
  | { kind: 'step-opened'; date: string; key: string; text: string; texts?: Partial<Record<Locale, string>>; due: string }
  | {
      kind: 'step-carried';
      date: string;
      stepId: number;
      text: string;
      texts?: Partial<Record<Locale, string>>;
      due: string;
      updated?: boolean;
      /** Carried to this visit (a step that prepared the last one, issued again): its new last day, reopened if it had lapsed. */
      until?: string;
    }
  /** by: what ended the step when the rep did not (a signature, a drop, a new class replacing it). */
  | { kind: 'step-closed'; date: string; stepId: number; text: string; texts?: Partial<Record<Locale, string>>; state: 'done' | 'skipped' | 'superseded'; by?: StepEnding | 'changed' };

export interface VisitOutcome {
  result: CoachingResult;
  /** What the rep decided for each step still open on the account, by step id; a step not named stays open. */
  stepDecisions?: Readonly<Record<number, StepDecision>>;
  /** The currency a value given now is in (ISO 4217, the config's): kept with the value. */
  currency?: string;
}

/**
 * The deal's value and expected signing day read from the account's facts (roles.amount, roles.closeDate).
 * A value that did not change keeps the currency it was given in; a new one takes `currency`.
 */
export function withDeal(pb: Playbook, before: AccountState, next: AccountState, currency: string | undefined): AccountState {
  const amount = pb.roles.amount ? next.facts[pb.roles.amount] : undefined;
  const close = pb.roles.closeDate ? next.facts[pb.roles.closeDate] : undefined;
  const { value: _v, closeDate: _c, ...rest } = next;
  const kept = before.value && typeof amount === 'number' && before.value.amount === amount ? before.value.currency : currency;
  return {
    ...rest,
    ...(typeof amount === 'number' && Number.isFinite(amount) ? { value: { amount, ...(kept ? { currency: kept } : {}) } } : {}),
    ...(typeof close === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(close) ? { closeDate: close } : {}),
  };
}

/** A class's label in every language, so the review and the timeline can name it without the playbook. */
function labelsOf(pb: Playbook, classId: string | undefined): Partial<Record<Locale, string>> | undefined {
  const rule = classId ? pb.classes.find((c) => c.id === classId) : undefined;
  return rule ? Object.fromEntries(LOCALES.map((l) => [l, classLabel(rule.name, l) || rule.id])) : undefined;
}

export { nameKey };

export function emptyAccount(name: string): AccountState {
  return { name: name.trim(), signed: false, dropped: false, facts: {}, people: [], openSteps: [] };
}

/** Whose fact carries: the account's, the person's, or none (an answer of this visit only). */
export function carryScope(q: Question): 'account' | 'person' | undefined {
  const owner = ownerOf(q);
  return owner === 'visit' ? undefined : owner;
}

const known = (q: Question, v: AnswerValue | undefined): v is Exclude<AnswerValue, null> => v !== undefined && v !== null && v !== '' && !isUnknown(q, v);

function text(v: AnswerValue | undefined): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The person a session's answers name, with what they say of that person. */
export function personOf(pb: Playbook, answers: Answers, persona?: string): Omit<Person, 'firstMet' | 'lastMet'> | undefined {
  const roles = pb.roles;
  const name = roles.person ? text(answers[roles.person]) : undefined;
  if (!name) return undefined;
  const questions = questionIndex(pb);
  const facts: Answers = {};
  for (const q of pb.questions) if (carryScope(q) === 'person' && known(q, answers[q.id])) facts[q.id] = answers[q.id];
  // what the visit heard says what the person's fact now is: it is raised, never lowered
  for (const q of pb.questions) {
    const r = q.raises;
    const target = r ? questions.get(r.question) : undefined;
    if (!r || !target || answers[q.id] !== r.answer || carryScope(target) !== 'person') continue;
    const scale = (target.options ?? []).map((o) => o.value);
    const at = known(target, facts[target.id]) ? scale.indexOf(String(facts[target.id])) : -1;
    if (scale.includes(r.to) && at < scale.indexOf(r.to)) facts[target.id] = r.to;
  }
  const roleQ = roles.decision ? questions.get(roles.decision) : undefined;
  const role = roleQ && known(roleQ, answers[roleQ.id]) ? String(answers[roleQ.id]) : undefined;
  const title = roles.title ? text(answers[roles.title]) : undefined;
  return { name, ...(title ? { title } : {}), ...(role ? { role } : {}), ...(persona ? { persona } : {}), facts };
}

export function findPerson(state: AccountState, name: string | undefined): Person | undefined {
  if (!name) return undefined;
  const k = nameKey(name);
  return state.people.find((p) => nameKey(p.name) === k);
}

/**
 * What carries into the next session: the account's facts, and the facts of the person about to be
 * met, if the rep has met them before (or imported them). Another person's type or role never carries.
 */
export function carriedAnswers(pb: Playbook, state: AccountState, personName: string | undefined): { answers: Answers; carried: string[] } {
  const answers: Answers = {};
  const questions = questionIndex(pb);
  for (const q of pb.questions) {
    if (carryScope(q) === 'account' && known(q, state.facts[q.id])) answers[q.id] = state.facts[q.id];
  }
  // the people on record are known: the count the rep gave once does not fall behind them
  const contactsQ = pb.roles.contacts;
  const onRecord = state.people.filter((p) => p.firstMet !== undefined || p.lastMet !== undefined).length + (personName && !findPerson(state, personName) ? 1 : 0);
  if (contactsQ && onRecord > 0 && (typeof answers[contactsQ] !== 'number' || (answers[contactsQ] as number) < onRecord)) answers[contactsQ] = onRecord;
  const person = findPerson(state, personName);
  if (person) {
    for (const q of pb.questions) if (carryScope(q) === 'person' && known(q, person.facts[q.id])) answers[q.id] = person.facts[q.id];
    // what an import or an earlier version knew of the person, where no fact says otherwise
    const { title, decision } = pb.roles;
    if (title && person.title && answers[title] === undefined) answers[title] = person.title;
    const roleQ = decision ? questions.get(decision) : undefined;
    if (roleQ && person.role && answers[roleQ.id] === undefined && roleQ.options?.some((o) => o.value === person.role)) answers[roleQ.id] = person.role;
    const personaQ = pb.questions.find((q) => q.kind === 'persona' && carryScope(q) === 'person');
    // "not sure" with a type recognised from what the rep saw: the next visit starts from that type,
    // not from "not sure" again with the cues (a visit's answers) gone
    const open = personaQ && (answers[personaQ.id] === undefined || answers[personaQ.id] === NOT_SURE);
    if (personaQ && open && person.persona && pb.personas.some((p) => p.id === person.persona)) answers[personaQ.id] = person.persona;
  }
  return { answers, carried: Object.keys(answers) };
}

/**
 * The role in the decision the account makes likely for a person whose role is not on record, offered
 * as the default: the first of the playbook's roles that no one else known holds (the account's first
 * KP is someone else: the next role in the playbook's order), "unknown" once every role is held, and
 * never another person's role. `present`: the others named at the same meeting, with their answers so
 * far. Undefined when the person's own role is on record (it carries) or the playbook asks no role.
 */
export function likelyRole(pb: Playbook, state: AccountState | undefined, name: string | undefined, present: readonly { name: string; answers: Answers }[] = []): string | undefined {
  const roleQ = pb.roles.decision ? questionIndex(pb).get(pb.roles.decision) : undefined;
  if (!roleQ?.options?.length) return undefined;
  const self = name !== undefined ? nameKey(name) : undefined;
  const own = state ? findPerson(state, name) : undefined;
  if (own && (own.role !== undefined || known(roleQ, own.facts[roleQ.id]))) return undefined;
  const taken = new Set<string>();
  for (const p of state?.people ?? []) if (nameKey(p.name) !== self) for (const v of [p.role, p.facts[roleQ.id]]) if (typeof v === 'string') taken.add(v);
  for (const o of present) if (nameKey(o.name) !== self && typeof o.answers[roleQ.id] === 'string') taken.add(o.answers[roleQ.id] as string);
  const free = roleQ.options.map((o) => o.value).find((v) => !taken.has(v) && !isUnknown(roleQ, v));
  return free ?? (roleQ.allowUnknown ? UNKNOWN : undefined);
}

function movementOf(fromRank: number | undefined, toRank: number | undefined, from: string | undefined, to: string | undefined, status: ClassStatus): Movement {
  // from a provisional or an unclassified account, any class is news
  if (status === 'provisional') return 'provisional';
  if (status === 'unclassified') return 'unclassified';
  if (!from) return 'new';
  if (fromRank !== undefined && toRank !== undefined && toRank !== fromRank) return toRank < fromRank ? 'upgraded' : 'downgraded';
  return to === undefined ? 'unclassified' : 'changed';
}

const same = (a: AnswerValue | undefined, b: AnswerValue | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A fact changed between visits (`account set`): a person's (their type, role, trust, stance…) or the
 * account's own, recorded as an event with the date, so the next session starts from it. The class is
 * not moved: that is a session's to say, from all the facts. The answers are checked by the caller;
 * a person not on the account is the caller's to refuse.
 */
export function editFacts(pb: Playbook, state: AccountState, edit: { person?: string; facts: Answers }, date: string, currency?: string): { state: AccountState; events: AccountEvent[] } {
  const r = editFactsOnly(pb, state, edit, date);
  if (!r.events.length) return r;
  const next = withDeal(pb, state, r.state, currency);
  // the value's change says each amount in its own currency: a config changed since must not relabel the old one
  const events = r.events.map((e) =>
    e.kind === 'facts-updated' && pb.roles.amount !== undefined
      ? { ...e, changes: e.changes.map((c) => (c.field === pb.roles.amount ? { ...c, currencies: { ...(state.value?.currency ? { before: state.value.currency } : {}), ...(next.value?.currency ? { after: next.value.currency } : {}) } } : c)) }
      : e,
  );
  return { state: next, events };
}

function editFactsOnly(pb: Playbook, state: AccountState, edit: { person?: string; facts: Answers }, date: string): { state: AccountState; events: AccountEvent[] } {
  const next: AccountState = { ...state, facts: { ...state.facts }, people: state.people.map((p) => ({ ...p, facts: { ...p.facts } })) };
  const changes: { field: string; before: AnswerValue; after: AnswerValue }[] = [];
  const personQ = pb.questions.find((q) => q.kind === 'persona')?.id;
  if (edit.person !== undefined) {
    const person = findPerson(next, edit.person);
    if (!person) return { state, events: [] };
    for (const [id, v] of Object.entries(edit.facts)) {
      // the fields a person row carries by name are said by that name, as a visit says them
      const field = id === pb.roles.title ? 'title' : id === pb.roles.decision ? 'role' : id === personQ ? 'persona' : undefined;
      const before = field ? (person[field] ?? null) : (person.facts[id] ?? null);
      if (same(before, v)) continue;
      changes.push({ field: field ?? id, before, after: v });
      if (field && typeof v === 'string') person[field] = v;
      person.facts[id] = v;
    }
    return changes.length ? withOutlived(pb, next, [{ kind: 'person-updated', date, person: person.name, changes }], date) : { state, events: [] };
  }
  for (const [id, v] of Object.entries(edit.facts)) {
    if (same(next.facts[id], v)) continue;
    changes.push({ field: id, before: next.facts[id] ?? null, after: v });
    next.facts[id] = v;
  }
  return changes.length ? withOutlived(pb, next, [{ kind: 'facts-updated', date, changes }], date) : { state, events: [] };
}

/**
 * After an edit, the open steps whose reason it answered end, as a session ends them (outlived: "plan
 * how to answer Mr Li's concerns" once he is set neutral): closed as no longer needed, changed.
 */
function withOutlived(pb: Playbook, next: AccountState, events: AccountEvent[], date: string): { state: AccountState; events: AccountEvent[] } {
  const items = stepItems(pb);
  // only the steps that read a fact the edit changed: an edit knows none of a visit's own answers, so
  // a step resting on them would read as ended (setting Li's trust closed the buying roles' wins)
  const personaQ = pb.questions.find((q) => q.kind === 'persona')?.id;
  const byField = (f: string) => (f === 'title' ? pb.roles.title : f === 'role' ? pb.roles.decision : f === 'persona' ? personaQ : f);
  const changed = new Set(events.flatMap((e) => (e.kind === 'person-updated' || e.kind === 'facts-updated' ? e.changes.map((c) => byField(c.field)) : [])).filter((q): q is string => q !== undefined));
  const reads = (step: Step): boolean => {
    const id = stepIdOf(step.key);
    if (id.startsWith('find-out:')) return changed.has(id.slice('find-out:'.length).split('#')[0]);
    if (id.startsWith('address-opponent:')) return pb.roles.stance !== undefined && changed.has(pb.roles.stance.question);
    const when = items.get(id)?.when;
    return when !== undefined && [...questionsIn(when)].some((q) => changed.has(q));
  };
  // the reason re-checked against the new facts: a step of a group that rewords its own task (the
  // buying roles' wins) holds while any of its wordings does, as a session would reword it in place
  const ended = next.openSteps.filter((step) => step.id !== undefined && reads(step) && outlived(pb, items, next, step, { asGroup: true }));
  if (!ended.length) return { state: next, events };
  const closed = ended.map((step): AccountEvent => ({ kind: 'step-closed', date, stepId: step.id as number, text: step.text, ...(step.texts ? { texts: step.texts } : {}), state: 'superseded', by: 'changed' }));
  return { state: { ...next, openSteps: next.openSteps.filter((st) => !ended.includes(st)) }, events: [...events, ...closed] };
}

/** A fact that reads differently since the last visit: the account's own (no person) or a person's, by question id. */
export interface FactChange {
  person?: string;
  question: string;
  before: AnswerValue;
  after: AnswerValue;
}

/** A person's facts by question id, with the fields a person row keeps by name (role, type, title) under their questions. */
function factsOfPerson(pb: Playbook, p: Person): Answers {
  const personaQ = pb.questions.find((q) => q.kind === 'persona')?.id;
  return {
    ...p.facts,
    ...(pb.roles.title && p.title !== undefined ? { [pb.roles.title]: p.title } : {}),
    ...(pb.roles.decision && p.role !== undefined ? { [pb.roles.decision]: p.role } : {}),
    ...(personaQ && p.persona !== undefined ? { [personaQ]: p.persona } : {}),
  };
}

/**
 * The account as it stood at its last visit: the facts changed since between visits (`account set`,
 * the events given, oldest first) set back, latest first. A fact that was not known then is held as
 * null: it was said, and its change is news.
 */
export function asAtLastVisit(pb: Playbook, state: AccountState, editsSince: readonly AccountEvent[]): AccountState {
  const then: AccountState = { ...state, facts: { ...state.facts }, people: state.people.map((p) => ({ ...p, facts: factsOfPerson(pb, p) })) };
  const byField = (field: string) => (field === 'title' ? pb.roles.title : field === 'role' ? pb.roles.decision : field === 'persona' ? pb.questions.find((q) => q.kind === 'persona')?.id : field);
  for (const e of [...editsSince].reverse()) {
    if (e.kind === 'facts-updated') for (const c of [...e.changes].reverse()) then.facts[c.field] = c.before ?? null;
    if (e.kind !== 'person-updated') continue;
    const p = findPerson(then, e.person);
    if (!p) continue;
    for (const c of [...e.changes].reverse()) {
      const id = byField(c.field);
      if (id !== undefined) p.facts[id] = c.before ?? null;
    }
  }
  return then;
}

/**
 * What changed since the last visit, whoever it belongs to: the account's facts and each person's as
 * they stood then (asAtLastVisit) against as they stand now (after this session). Each fact once,
 * with its owner; a fact changed and changed back is no change; a fact never said before (a person
 * first met, a question first answered) is news of this visit, not a change. The account's facts
 * first, then the people in the account's order.
 */
export function changesSince(pb: Playbook, then: AccountState, now: AccountState): FactChange[] {
  const out: FactChange[] = [];
  // after the signature, what led to it is no news (evaluate.ts saleFacts)
  const moot = then.signed ? saleFacts(pb) : new Set<string>();
  const diff = (before: Answers, after: Answers, scope: 'account' | 'person', person?: string) => {
    for (const q of pb.questions) {
      if (carryScope(q) !== scope || q.id === pb.roles.person || !Object.hasOwn(before, q.id) || moot.has(q.id)) continue;
      const a = after[q.id] ?? null;
      const b = before[q.id] ?? null;
      if (same(b, a)) continue;
      out.push({ ...(person !== undefined ? { person } : {}), question: q.id, before: b, after: a });
    }
  };
  diff(then.facts, now.facts, 'account');
  for (const p of then.people) {
    const q = findPerson(now, p.name);
    if (q) diff(p.facts, factsOfPerson(pb, q), 'person', q.name);
  }
  return out;
}

/**
 * The new state of the account after a session, and what happened. A session dated before the
 * account's latest visit (a back-filled debrief) adds its person, steps and signature but does not
 * move the class or overwrite newer facts.
 */
/** A person met (or to be met, at a prep) put on the account, or brought up to date, with an event for what changed. */
function recordPerson(pb: Playbook, next: AccountState, events: AccountEvent[], met: Omit<Person, 'firstMet' | 'lastMet'>, date: string, planned: boolean): void {
  const existing = findPerson(next, met.name);
  if (!existing) {
    next.people.push({ ...met, ...(planned ? { plannedFor: date } : { firstMet: date, lastMet: date }) });
    events.push({ kind: 'person-added', date, person: met.name, ...(met.title ? { title: met.title } : {}), ...(met.role ? { role: met.role } : {}), ...(planned ? { planned: true } : {}) });
  } else {
    const changes: { field: string; before: AnswerValue; after: AnswerValue }[] = [];
    const newerOrSame = !existing.lastMet || date >= existing.lastMet || planned;
    if (newerOrSame) {
      for (const field of ['title', 'role', 'persona'] as const) {
        const after = met[field];
        if (after !== undefined && after !== existing[field]) {
          changes.push({ field, before: existing[field] ?? null, after });
          existing[field] = after;
        }
      }
      for (const [id, v] of Object.entries(met.facts)) {
        if (!same(existing.facts[id], v)) {
          // title, role and persona are already named above when a fact question carries them
          if (id !== pb.roles.title && id !== pb.roles.decision && !(existing.persona === v && changes.some((c) => c.field === 'persona'))) {
            changes.push({ field: id, before: existing.facts[id] ?? null, after: v });
          }
          existing.facts[id] = v;
        }
      }
      if (planned) existing.plannedFor = date;
      else {
        existing.lastMet = date;
        existing.plannedFor = undefined;
      }
    }
    if (!planned && (!existing.firstMet || date < existing.firstMet)) existing.firstMet = date;
    if (changes.length) events.push({ kind: 'person-updated', date, person: existing.name, changes });
  }
}

export function applyVisit(pb: Playbook, state: AccountState, outcome: VisitOutcome): { state: AccountState; events: AccountEvent[] } {
  const { result } = outcome;
  const date = result.visitDate;
  // an account plan (seed 003) is about the account as a whole: it opens steps; the class, the facts
  // and the people are the visits' to say
  const isPlan = result.mode === 'plan';
  const answers = result.answers;
  const events: AccountEvent[] = [];
  const isLatest = speaksForPresent(state, result.mode, date);
  const next: AccountState = { ...state, facts: { ...state.facts }, people: state.people.map((p) => ({ ...p, facts: { ...p.facts } })), openSteps: [] };

  // -- the person met -------------------------------------------------------------------------------
  const met = isPlan ? undefined : personOf(pb, answers, result.persona?.id);
  // a refusal by someone who is not the first KP is that person's stance (seed 003's buying map)
  const stance = pb.roles.stance;
  // (the refusal is this visit's word: it outweighs a "neutral" given before it, as the trial's Mr Ortiz)
  const stood = met?.facts[stance?.question ?? ''];
  if (met && result.classification.heldBy?.refused && stance && stance.opponent[0] !== undefined && !(typeof stood === 'string' && stance.opponent.includes(stood))) {
    met.facts[stance.question] = stance.opponent[0];
  }
  // a prep is the evening before: the person is to be met, and is met only at the debrief
  const planned = result.mode === 'prep';
  if (met) recordPerson(pb, next, events, met, date, planned);
  // the others at the same meeting (a debrief's): each on the account with what was said of them
  if (!isPlan && !planned) {
    for (const o of result.others ?? []) {
      const other = personOf(pb, { ...o.answers, ...(pb.roles.person ? { [pb.roles.person]: o.name } : {}) }, o.persona);
      if (other) recordPerson(pb, next, events, other, date, false);
    }
  }

  // -- the account's facts and class (only the latest visit speaks for the present) ---------------------
  const c = result.classification;
  if (isLatest && !isPlan) {
    for (const q of pb.questions) {
      if (carryScope(q) === 'account' && known(q, answers[q.id])) next.facts[q.id] = answers[q.id];
    }
    const to = c.status === 'classified' ? c.class : undefined;
    // a window that ran out unsigned: the same facts do not give that class back (seed 001)
    if (c.lapsed?.deadline) {
      const before = next.facts[LAPSED_FACT];
      next.facts[LAPSED_FACT] = [...new Set([...(Array.isArray(before) ? before : []), c.lapsed.from])];
    }
    // a prep is the evening before: its answers are what the rep expects, so the class it shows is
    // expected, not recorded (the debrief says what happened); nor is the account dropped or reopened
    if (result.mode === 'prep') {
      // (the window a prep shows for the class already on record is that class's own)
    } else if (to !== state.class || c.status !== state.classStatus) {
      const evidence = c.reasons.flatMap((r) => r.because);
      // what moved it: the evidence whose answer differs from the last visit's (or the person changed)
      const before = state.lastAnswers;
      const moved = before ? evidence.filter((e) => !same(before[e.question], e.answer)) : [];
      const chosen = moved.length ? moved : evidence;
      const because = chosen.length ? chosen.map((e) => e.text) : c.reasons.map((r) => r.text);
      // the same reasons in every language, so a review in English does not read a zh-CN session's words
      const reasons = Object.fromEntries(
        LOCALES.map((l) => [l, chosen.length ? chosen.map((e) => e.texts?.[l] ?? e.text) : c.reasons.map((r) => r.texts?.[l] ?? r.text)]),
      ) as Partial<Record<Locale, string[]>>;
      // and as a manager reads them (the rep in the third person), where they differ
      const aboutRep = Object.fromEntries(
        LOCALES.map((l) => [l, chosen.length ? chosen.map((e) => e.about?.[l] ?? e.texts?.[l] ?? e.text) : c.reasons.map((r) => r.about?.[l] ?? r.texts?.[l] ?? r.text)]),
      ) as Partial<Record<Locale, string[]>>;
      const about = LOCALES.some((l) => (aboutRep[l] ?? []).join('\n') !== (reasons[l] ?? []).join('\n')) ? { about: aboutRep } : {};
      const rank = c.rank;
      events.push({
        kind: 'class-changed',
        date,
        ...(state.class ? { from: state.class } : {}),
        ...(to ? { to } : {}),
        ...(state.classStatus ? { fromStatus: state.classStatus } : {}),
        status: c.status,
        movement: movementOf(state.classRank, rank, state.class, to, c.status),
        because,
        reasons,
        ...about,
        ...(to ? { labels: labelsOf(pb, to) } : {}),
        ...(state.class && state.classLabels ? { fromLabels: state.classLabels } : {}),
      });
      next.class = to;
      next.classStatus = c.status;
      next.classSince = date;
      next.classRank = to ? rank : undefined;
      next.classLabels = to ? labelsOf(pb, to) : undefined;
      next.classDeadline = to ? c.cycle?.deadline : undefined;
      next.playbookId = result.playbook.id;
      const willNotBuy = to !== undefined && (pb.roles.willNotBuy ?? []).includes(to);
      if (willNotBuy && !state.dropped) events.push({ kind: 'dropped', date, class: to, because, reasons, ...about });
      next.dropped = willNotBuy;
    } else if (c.status === 'classified' && c.cycle?.deadline && state.classDeadline === undefined) {
      next.classDeadline = c.cycle.deadline;
    }
    next.lastAnswers = answers;
    if (met) next.lastPerson = met.name;
    if (result.mode === 'debrief') {
      next.facts[RECORDED_FACT] = date;
      // the meeting this debrief agreed: a prep made after it with no debrief of it says it was missed
      const meetingAgreed = pb.roles.nextMeeting ? answers[pb.roles.nextMeeting] : undefined;
      if (typeof meetingAgreed === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(meetingAgreed)) next.facts[AGREED_FACT] = meetingAgreed;
      else delete next.facts[AGREED_FACT];
    }
  }
  if (!next.lastVisit || date > next.lastVisit) next.lastVisit = date;

  // -- signed --------------------------------------------------------------------------------------------
  if (pb.roles.signed && !state.signed && !isPlan) {
    const ctx = { answers, questions: questionIndex(pb), mode: result.mode, persona: result.persona?.id, klass: c.class };
    if (evaluateCondition(pb.roles.signed, ctx) === true) {
      next.signed = true;
      events.push({ kind: 'signed', date, ...(next.class ? { class: next.class } : {}) });
    }
  }

  // -- steps: the rep's own, except where the account's story ends them ---------------------------------
  // a signature ends what led to it, a drop ends everything, a new class replaces the old one's window
  const endings = new Set<StepEnding>();
  if (events.some((e) => e.kind === 'signed')) endings.add('signed');
  if (next.dropped) endings.add('dropped');
  const moved = events.find((e) => e.kind === 'class-changed');
  if (moved && state.class !== undefined) endings.add('reclassified');
  const items = stepItems(pb);
  const endedBy = (step: Step): StepEnding | undefined => {
    if (endings.has('dropped')) return 'dropped';
    // the engine's own steps (find out, address an opponent) lead to a signature, and end with it; the
    // rep's own (checklist add) end only when the rep says so, or with a drop
    const closedBy = items.get(stepIdOf(step.key))?.closedBy ?? (/^(find-out|address-opponent):/.test(step.key) ? ['signed'] : []);
    // a step that prepared a visit has done its work once that visit took place: the visit of its
    // session, or the meeting it names ("confirm the meeting of 1 Dec" lives until 1 Dec)
    const visit = visitOf(step);
    const visited = (result.mode === 'debrief' && date >= visit) || date > visit;
    return closedBy.find((x) => endings.has(x) || (x === 'visited' && visited));
  };
  // a back-filled visit is history: its steps were for then, and the account has moved on since; a
  // dropped account has nothing left to do
  const closedByRep = state.closedSteps ?? [];
  // what the rep closed is not handed back by a later session (unless it is for something else now)
  // (a prep for a dropped account whose answers say otherwise plans the visit: its steps are to do,
  // not a class moved; one that still reads "will not buy" has nothing to plan)
  const plansVisit = result.mode === 'prep' && !(c.class !== undefined && (pb.roles.willNotBuy ?? []).includes(c.class));
  // a prep expects a class, it does not record one: the window that class would open is not kept as a
  // step (a prep never debriefed left "the A signing cycle ends 7 Dec" open on an unclassified account,
  // and the next prep listed it beside its own "sign by 18 Dec")
  const issued = isLatest && (!next.dropped || plansVisit) ? result.checklist.filter((i) => !closedByRep.some((c) => sameStep(c, i)) && !(result.mode === 'prep' && items.get(i.id)?.due === 'deadline')) : [];
  const reissued = new Map(issued.map((i) => [i.id, i]));
  // a step that opens may replace open ones (the next rung of a ladder replaces the rung before)
  const openIds = new Set(state.openSteps.map((st) => stepIdOf(st.key)));
  const replaced = new Set<string>();
  const firstDue = new Map<string, string>();
  // one plan across sessions too: a step this session issues ends an open one it cannot stand beside
  // (a declared conflict, or one it excludes): "meet the first KP around them" once the contact is
  // against, not beside "through them"; "ask for the signature" once trust is built, not beside
  // "build trust first". Within a session precedence chose; the session's own reading is the newer.
  // (only of the same person, by the answers the two were filled with: becoming indispensable to Wang
  // stands beside the role step of Chen, met next)
  const clashes = (a: string, b: string) => pb.conflicts.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  const valuesOf = (key: string) => (key.includes('#') ? key.slice(key.indexOf('#') + 1).split('|') : []);
  for (const i of issued) {
    const own = items.get(i.id);
    const mine = i.values ?? [];
    for (const st of state.openSteps) {
      const id = stepIdOf(st.key);
      const other = items.get(id);
      const theirs = valuesOf(st.key);
      if (id === i.id || !other || !(mine.length === 0 && theirs.length === 0 ? true : mine.some((v) => theirs.includes(v)))) continue;
      if (clashes(i.id, id) || (own?.excludes ?? []).some((n) => targets(n, other))) replaced.add(st.key);
    }
  }
  for (const i of issued) {
    if (openIds.has(i.id)) continue;
    for (const name of items.get(i.id)?.supersedes ?? []) {
      for (const st of state.openSteps) {
        const other = items.get(stepIdOf(st.key));
        if (stepIdOf(st.key) !== i.id && other && targets(name, other)) {
          replaced.add(st.key);
          // the same task reworded (its own group, the same timing: "the personal win of each buying
          // role" as the people known change) keeps its first date, as a step issued again does
          const own = items.get(i.id);
          // a date already gone too: the obligation did not move because its words did (the third trial:
          // "find out each buying role's personal win", overdue, reworded once a win was known, was due a
          // week later and overdue no more); overdue stays overdue, as for a step issued again
          if (name.startsWith('#') && (own?.tags ?? []).includes(name.slice(1)) && own?.due === other.due && st.due < (firstDue.get(i.id) ?? i.due)) firstDue.set(i.id, st.due);
        }
      }
    }
  }
  // a step that prepared the last visit, not done, and issued again for this one ("bring a success case"
  // at each prep where the rep brings none): the step the rep already had, carried to this visit with
  // its number, and dated for this visit (it prepares this one: not overdue at birth). Only from the last
  // visit: one left weeks before and not issued at the visits since is new again. The one still open (a
  // prep never debriefed) is carried below; the one its visit's debrief set aside is reopened here.
  const carriedOver = new Map<string, number>();
  if (result.mode === 'prep') {
    const lapsed = (state.lapsedSteps ?? []).filter((st) => st.id !== undefined && state.lastVisit !== undefined && st.until >= state.lastVisit && st.until < date);
    for (const i of issued) {
      if (!(items.get(i.id)?.closedBy ?? []).includes('visited')) continue;
      const key = stepKeyOf(i);
      if (state.openSteps.some((st) => st.key === key)) continue;
      const latest = lapsed.filter((st) => st.key === key).sort((a, b) => (b.id as number) - (a.id as number))[0];
      if (latest?.id !== undefined) carriedOver.set(i.id, latest.id);
    }
  }
  const held = new Set<string>();
  // the next meeting this debrief agreed: the day a step for it is due
  const agreed = result.mode === 'debrief' && pb.roles.nextMeeting ? answers[pb.roles.nextMeeting] : undefined;
  // the deciding meeting is agreed with the decider: a meeting agreed with someone else (a second KP
  // who will carry it to the first KP) is not the one the contract is for, and does not re-date its step
  // (the decider among the others at the meeting counts: the class follows them too)
  const decides = (a: Answers) => pb.roles.metFirstKp === undefined || evaluateCondition(pb.roles.metFirstKp, { answers: a, questions: questionIndex(pb), mode: result.mode }) === true;
  const withDecider = decides(answers) || (result.others ?? []).some((o) => decides(o.answers));
  // a prep knows the meeting the last debrief agreed with the decider: a step for it is due that day, not
  // a number of days after the prep ("have the contract ready for the deciding meeting" was dated three
  // days out though the deciding meeting was agreed for the week after)
  const lastAgreed = result.mode === 'prep' && pb.roles.nextMeeting && state.lastAnswers && decides(state.lastAnswers) ? state.lastAnswers[pb.roles.nextMeeting] : undefined;
  const meeting = typeof agreed === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(agreed) && agreed >= date && withDecider ? agreed : typeof lastAgreed === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(lastAgreed) && lastAgreed >= date ? lastAgreed : undefined;
  if (meeting !== undefined) for (const i of issued) if (items.get(i.id)?.forMeeting && !firstDue.has(i.id)) firstDue.set(i.id, meeting);
  // the same task in its group's other words ("find out each buying role's personal win" and "besides Mr
  // Zhou, find out…", as the facts read at each session differ): one step, its number kept, reworded in
  // place; it swapped wording and number at every session (the fourth trial: 19, 24, 38, 56)
  const groupOf = (item: ChecklistItem | undefined) => (item?.supersedes ?? []).filter((n) => n.startsWith('#') && (item?.tags ?? []).includes(n.slice(1)));
  const sibling = new Map<string, (typeof issued)[number]>();
  const taken = new Set(state.openSteps.map((st) => stepIdOf(st.key)));
  for (const step of state.openSteps) {
    const own = items.get(stepIdOf(step.key));
    const groups = groupOf(own);
    if (!groups.length || reissued.has(stepIdOf(step.key))) continue;
    const match = issued.find((i) => !taken.has(i.id) && ![...sibling.values()].includes(i) && groupOf(items.get(i.id)).some((g) => groups.includes(g)) && items.get(i.id)?.due === own?.due);
    if (match) sibling.set(step.key, match);
  }
  for (const step of state.openSteps) {
    const decision = step.id !== undefined ? (outcome.stepDecisions?.[step.id] ?? 'keep') : 'keep';
    const again = reissued.get(stepIdOf(step.key)) ?? sibling.get(step.key);
    // a step that prepared an earlier visit is not this visit's, though its words are the same; but a
    // prep that issues it again for this visit carries it (one step, its number kept, dated anew)
    const prepares = (items.get(stepIdOf(step.key))?.closedBy ?? []).includes('visited');
    const forEarlierVisit = prepares && visitOf(step) < date && !(result.mode === 'prep' && again !== undefined && sameStep(step, again) && step.key === stepKeyOf(again));
    const carriedToVisit = prepares && visitOf(step) < date && !forEarlierVisit && again !== undefined;
    // the same task reworded: an item of a group that replaces its own rungs ("the personal win of each
    // buying role", naming the people as they become known) issued again with other words is the step
    // the rep already has, with its first date, not a new one beside the one left open
    const own = again !== undefined ? items.get(again.id) : undefined;
    const regrouped = again !== undefined && !forEarlierVisit && (sibling.get(step.key) === again || (!sameStep(step, again) && (own?.supersedes ?? []).some((n) => n.startsWith('#') && (own?.tags ?? []).includes(n.slice(1)))));
    const same = again !== undefined && (sameStep(step, again) || regrouped) && !forEarlierVisit;
    // a step issued again by this session is not ended by it (a class confirmed keeps its window)
    // a signing window's step whose window ended before this session: the class has moved on (an A past
    // its 7-10 days is reclassified) and every screen already leaves the step out; this session closes
    // it, as those screens say (the trials read "the next session closes it" over a step a prep left open)
    const lapsedWindow = !prepares && step.until !== undefined && step.until < date;
    const ended = same ? undefined : isLatest ? (endedBy(step) ?? (replaced.has(step.key) ? 'replaced' : again === undefined && outlived(pb, items, next, step) ? 'changed' : lapsedWindow ? 'reclassified' : undefined)) : undefined;
    if (step.id !== undefined && decision !== 'keep') {
      events.push({ kind: 'step-closed', date, stepId: step.id, text: step.text, ...(step.texts ? { texts: step.texts } : {}), state: decision === 'done' ? 'done' : 'skipped' });
      // what the rep has just closed is not handed straight back to them by the same session
      if (same) held.add(again.id);
    } else if (step.id !== undefined && ended) {
      // a signature did what the step was for; a drop, a new class or the visit having passed made it moot
      // the window's own step ("signed by …") is done by the signature; the others that led to it were
      // not done by the rep (the manager was never called): moot, said as such
      const doneBySignature = ended === 'signed' && items.get(stepIdOf(step.key))?.due === 'deadline';
      events.push({ kind: 'step-closed', date, stepId: step.id, text: step.text, ...(step.texts ? { texts: step.texts } : {}), state: doneBySignature ? 'done' : 'superseded', ...(ended !== 'replaced' ? { by: ended } : {}) });
    } else if (step.id !== undefined && again && !same) {
      // issued again for something else (another meeting, another obstacle): a new step replaces this one
      events.push({ kind: 'step-closed', date, stepId: step.id, text: step.text, ...(step.texts ? { texts: step.texts } : {}), state: 'superseded' });
    } else {
      // the same step issued again is this one, and its date stays (overdue stays overdue); in this
      // session's words, should the language have changed
      // the task reworded for another person (the buying roles' wins, named from the person met) keeps the
      // account's wording at a prep: `today` and the prep of one day said one step two ways ("Li, Ms Chen
      // and the users" beside "not only Ms Chen's…"); a debrief, which records who was met, rewords it
      // (a prep that learns what the task reads, a person first met or a win said, rewords it: the news is the account's now)
      const ownWords = result.mode === 'prep' && own !== undefined && (own.supersedes ?? []).some((n) => n.startsWith('#') && (own.tags ?? []).includes(n.slice(1))) && !groupNews(pb, state, result, own);
      const reworded = again !== undefined && !ownWords && (again.text !== step.text || (again.texts !== undefined && JSON.stringify(again.texts) !== JSON.stringify(step.texts)));
      // a step for the meeting agreed follows it: the deciding meeting moved at this debrief, so does its date
      const redated = isLatest && meeting !== undefined && meeting !== step.due && items.get(stepIdOf(step.key))?.forMeeting === true;
      const moved = carriedToVisit ? { ...step, due: firstDue.get(again.id) ?? again.due, since: date, until: visitOf({ key: step.key, since: date }), updated: true } : redated ? { ...step, due: meeting, updated: true } : step;
      const kept = reworded ? { ...moved, ...(regrouped ? { key: stepKeyOf(again) } : {}), text: again.text, ...(again.texts ? { texts: again.texts } : {}), updated: true } : ownWords && regrouped ? { ...moved, key: stepKeyOf(again) } : moved;
      next.openSteps.push(kept);
      if (again) held.add(again.id);
      if (step.id !== undefined) events.push({ kind: 'step-carried', date, stepId: step.id, text: kept.text, ...(reworded && kept.texts ? { texts: kept.texts } : {}), due: kept.due, ...(kept.updated ? { updated: true } : {}), ...(carriedToVisit && kept.until ? { until: kept.until } : {}) });
    }
  }
  // the steps the last visit's debrief set aside, issued again for this visit: reopened with their number
  for (const item of issued) {
    const id = carriedOver.get(item.id);
    if (id === undefined || held.has(item.id)) continue;
    held.add(item.id);
    const due = firstDue.get(item.id) ?? item.due;
    const until = visitOf({ key: stepKeyOf(item), since: date });
    next.openSteps.push({ id, key: stepKeyOf(item), text: item.text, ...(item.texts ? { texts: item.texts } : {}), due, since: date, until, updated: true });
    events.push({ kind: 'step-carried', date, stepId: id, text: item.text, ...(item.texts ? { texts: item.texts } : {}), due, updated: true, until });
  }
  for (const item of issued) {
    if (held.has(item.id)) continue;
    held.add(item.id);
    const key = stepKeyOf(item);
    const due = firstDue.get(item.id) ?? item.due;
    // a signing window's step lives until its last day: after it the window-over flag says what to do
    // (sign at this visit or reclassify), and the step listed "(overdue)" beside it said it again
    // a step for the window ("agree the day you will hear back, inside the signing cycle") lapses with it:
    // a B's "hear back" stood open, overdue, under the window-over flag weeks after the window ended
    const windowEnd = result.classification.cycle?.deadline;
    const until = (items.get(item.id)?.closedBy ?? []).includes('visited') ? visitOf({ key, since: date }) : items.get(item.id)?.due === 'deadline' ? due : items.get(item.id)?.inWindow && windowEnd !== undefined && windowEnd >= due ? windowEnd : undefined;
    next.openSteps.push({ key, text: item.text, ...(item.texts ? { texts: item.texts } : {}), due, since: date, ...(until ? { until } : {}) });
    events.push({ kind: 'step-opened', date, key, text: item.text, ...(item.texts ? { texts: item.texts } : {}), due });
  }
  const dealt = withDeal(pb, state, next, outcome.currency);
  return { state: dealt, events: [...events, ...dealChanged(pb, state, dealt, date)] };
}

/**
 * The deal's value or expected signing day changed at a session: an event, as `account set` makes one
 * ("deal value CN¥120,000 → CN¥90,000"), each amount with the currency it was given in, so the timeline
 * says it and the week's movement of value can be read from the events.
 */
function dealChanged(pb: Playbook, before: AccountState, after: AccountState, date: string): AccountEvent[] {
  const changes: { field: string; before: AnswerValue; after: AnswerValue; currencies?: { before?: string; after?: string } }[] = [];
  if (pb.roles.amount && (before.value?.amount !== after.value?.amount || before.value?.currency !== after.value?.currency) && after.value !== undefined)
    changes.push({ field: pb.roles.amount, before: before.value?.amount ?? null, after: after.value.amount, currencies: { ...(before.value?.currency ? { before: before.value.currency } : {}), ...(after.value.currency ? { after: after.value.currency } : {}) } });
  if (pb.roles.closeDate && before.closeDate !== after.closeDate && after.closeDate !== undefined) changes.push({ field: pb.roles.closeDate, before: before.closeDate ?? null, after: after.closeDate });
  return changes.length ? [{ kind: 'facts-updated', date, changes }] : [];
}

/**
 * A step whose reason no longer holds (steps with a life): what it was issued on has since been
 * answered otherwise, on the account or by the people on it. "You know only the first KP" ends once
 * more people are known; "find out whether they see the value" once it is known; "answer the
 * opponent's concerns" once that person no longer stands against. Only what is known decides: a fact
 * never asked, a visit's own answers, the mode and the type read as not known, so a step ends only
 * when every reading of it is false.
 */
function outlived(pb: Playbook, items: ReadonlyMap<string, ChecklistItem>, state: AccountState, step: Step, opts: { asGroup?: boolean } = {}): boolean {
  const questions = questionIndex(pb);
  const id = stepIdOf(step.key);
  const facts = (p: Person): Answers => ({ ...p.facts, ...(pb.roles.decision && p.role !== undefined ? { [pb.roles.decision]: p.role } : {}) });
  if (id.startsWith('find-out:')) {
    const q = questions.get(id.slice('find-out:'.length));
    if (q === undefined) return false;
    if (ownerOf(q) === 'account') return known(q, state.facts[q.id]);
    // a person's fact, of the person the step names (stepKeyOf: "find-out:approval_layers#Tom Baker"):
    // answered at the debrief, "find out who approves above Tom Baker" stood overdue every morning after
    const named = step.key.includes('#') ? step.key.slice(step.key.indexOf('#') + 1) : undefined;
    const who = named !== undefined ? state.people.find((p) => nameKey(p.name) === nameKey(named)) : undefined;
    return ownerOf(q) === 'person' && who !== undefined && known(q, facts(who)[q.id]);
  }
  if (id.startsWith('address-opponent:')) {
    const stance = pb.roles.stance;
    const who = state.people.find((p) => nameKey(p.name) === id.slice('address-opponent:'.length));
    const q = stance ? questions.get(stance.question) : undefined;
    const now = who && q ? facts(who)[q.id] : undefined;
    return stance !== undefined && q !== undefined && known(q, now) && !stance.opponent.includes(String(now));
  }
  const item = items.get(id);
  // a step that finds out an answer ends once it is known ("learn what would be a personal win for Mr Wu"
  // stood open beside the win the debrief had just recorded): of the person the step names, or the account's
  const sought = item?.findsOut !== undefined ? questions.get(item.findsOut) : undefined;
  if (sought !== undefined) {
    if (ownerOf(sought) === 'account' && known(sought, state.facts[sought.id])) return true;
    const named = step.key.includes('#') ? step.key.slice(step.key.indexOf('#') + 1).split('|').map(nameKey) : [];
    if (ownerOf(sought) === 'person' && state.people.some((p) => named.includes(nameKey(p.name)) && known(sought, facts(p)[sought.id]))) return true;
  }
  if (!item?.when) return false;
  // the wordings of the same task: the item itself, or (asGroup) any item of a group that rewords its own
  // rungs with the same due ("each buying role's win: not only Ms Chen's…" goes on as "besides Ms Chen…"
  // once her trust is set to believed: the others' wins are still to find out)
  const groupOf = (i: ChecklistItem | undefined) => (i?.supersedes ?? []).filter((n) => n.startsWith('#') && (i?.tags ?? []).includes(n.slice(1)));
  const groups = opts.asGroup ? groupOf(item) : [];
  const wordings = [item, ...(groups.length ? [...items.values()].filter((i) => i !== item && i.due === item.due && groupOf(i).some((g) => groups.includes(g))) : [])];
  return wordings.every((w) => w.when !== undefined && reasonGone(pb, w.when, state, step, facts));
}

/** A step's condition read on what the account knows now is false for every person the step can be about. */
function reasonGone(pb: Playbook, when: Condition, state: AccountState, step: Step, facts: (p: Person) => Answers): boolean {
  const questions = questionIndex(pb);
  const personal = [...questionsIn(when)].filter((q) => questions.get(q) !== undefined && ownerOf(questions.get(q) as Question) === 'person');
  // the people the step can be about: a step filled with a person's name is about that person, whether
  // or not their facts are known ("equip Li to carry the value" ends once Li stands against you, and not
  // when Wang does while Li's stance is not known); a step naming no one, those of whom one of its facts is known
  const named = step.key.includes('#') ? step.key.slice(step.key.indexOf('#') + 1).split('|').map(nameKey) : [];
  const knownOf = (p: Person) => personal.some((q) => facts(p)[q] !== undefined && facts(p)[q] !== null);
  const byName = state.people.filter((p) => named.includes(nameKey(p.name)));
  const about = personal.length ? (byName.length ? byName : state.people.filter(knownOf)) : [];
  const readings = (about.length ? about : [undefined]).map((p) => settled(when, { ...state.facts, ...(p ? facts(p) : {}) }, questions, state.class));
  return readings.every((r) => r === false);
}

/** A condition read on what is known: an unknown or absent answer, a visit's answer, the mode and the type are not known. */
function settled(c: Condition | undefined, answers: Answers, questions: ReadonlyMap<string, Question>, klass: string | undefined): Tri {
  const open = (leaf: Condition): Tri | undefined => {
    if (leaf.question !== undefined) {
      const q = questions.get(leaf.question);
      const v = answers[leaf.question];
      return !q || ownerOf(q) === 'visit' || v === undefined || v === null || isUnknown(q, v) ? 'unknown' : undefined;
    }
    if (leaf.class !== undefined) return klass === undefined ? 'unknown' : undefined;
    // the mode and the type are a session's, not the account's
    return 'unknown';
  };
  return evaluateCondition(c, { answers, questions, mode: 'debrief', klass, open });
}

/**
 * A stored step's key: its item's id and the answers it was filled with ("confirm_next_meeting#2026-11-27"),
 * so that the same step is recognised in any language and another meeting is another step.
 */
export function stepKeyOf(item: { id: string; values?: string[] }): string {
  return item.values?.length ? `${item.id}#${item.values.join('|')}` : item.id;
}

/**
 * The day of the visit a step prepares: the meeting its words were filled with (a date answer, as
 * "confirm the meeting of 1 Dec"), else the day it was issued (a prep's step is for that visit).
 */
function visitOf(step: { key: string; since: string }): string {
  const at = step.key.indexOf('#');
  const dates = at < 0 ? [] : step.key.slice(at + 1).split('|').filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && v > step.since);
  return dates.length ? dates.sort().at(-1) as string : step.since;
}

/** The item a stored step came from. */
export function stepIdOf(key: string): string {
  const at = key.indexOf('#');
  return at < 0 ? key : key.slice(0, at);
}

/**
 * The same step: the same item filled with the same answers. A step stored before keys carried the
 * answers is the same when its words are.
 */
function sameStep(step: { key: string; text: string }, item: CoachingResult['checklist'][number]): boolean {
  if (step.key === stepKeyOf(item)) return true;
  return step.key === item.id && step.text === item.text;
}

/**
 * Whether a session's answers change which wordings of a group's task hold (the buying roles' wins):
 * the person met not on the account yet, or a fact the group reads said otherwise than on record. Read
 * on the person's facts as on record in place of this session's: the same wordings hold, so no news.
 */
function groupNews(pb: Playbook, before: AccountState, result: CoachingResult, item: ChecklistItem): boolean {
  const tags = (item.supersedes ?? []).filter((n) => n.startsWith('#')).map((n) => n.slice(1));
  const group = [...stepItems(pb).values()].filter((i) => (i.tags ?? []).some((t) => tags.includes(t)));
  const name = pb.roles.person ? result.answers[pb.roles.person] : undefined;
  const person = typeof name === 'string' ? findPerson(before, name) : undefined;
  if (!person) return true;
  const questions = questionIndex(pb);
  const recorded = { ...before.facts, ...factsOfPerson(pb, person) };
  const read = new Set(group.flatMap((i) => (i.when ? [...questionsIn(i.when)] : [])));
  const asRecorded: Answers = { ...result.answers };
  for (const id of read) {
    const q = questions.get(id);
    if (!q || ownerOf(q) === 'visit') continue;
    if (recorded[id] === undefined || recorded[id] === null) delete asRecorded[id];
    else asRecorded[id] = recorded[id];
  }
  const ctx = (answers: Answers) => ({ answers, questions, mode: result.mode, klass: result.classification.class });
  return group.some((i) => evaluateCondition(i.when, ctx(result.answers)) !== evaluateCondition(i.when, ctx(asRecorded)));
}

/** Every checklist item of the playbook by id, personas' own included: what a stored step's key was. */
function stepItems(pb: Playbook): Map<string, ChecklistItem> {
  return new Map([...pb.checklist, ...pb.personas.flatMap((p) => p.checklist ?? [])].map((i) => [i.id, i]));
}

/** The class a session would leave the account in, and why it moved: for showing before saving. */
export function classMove(events: readonly AccountEvent[]): Extract<AccountEvent, { kind: 'class-changed' }> | undefined {
  return events.find((e): e is Extract<AccountEvent, { kind: 'class-changed' }> => e.kind === 'class-changed');
}

/**
 * The answers a visit's habits are read from (the playbook's roles askedToSign and metFirstKp):
 * kept apart with each visit, so that reading them for a million visits never parses all answers.
 */
export function habitAnswerIds(pb: Playbook): string[] {
  return [...questionsIn(pb.roles.metFirstKp, questionsIn(pb.roles.askedToSign))].sort();
}

/** A visit's answers to those questions, an unanswered one as null (so a reader never looks further). */
export function habitAnswers(pb: Playbook, answers: Answers): Answers {
  return Object.fromEntries(habitAnswerIds(pb).map((id) => [id, answers[id] ?? null]));
}

/**
 * The account's first KP as last met (seed 001: the class moves on their word): the person whose own
 * facts meet the playbook's `roles.metFirstKp`, met at a visit rather than only planned.
 */
export function deciderOf(pb: Playbook, state: AccountState | undefined): { name: string; facts: Answers } | undefined {
  const cond = pb.roles.metFirstKp;
  if (!state || !cond) return undefined;
  const questions = questionIndex(pb);
  // met at a visit, or named at a prep as the one to meet: the rep's own word on who the first KP is
  const when = (p: Person) => p.lastMet ?? p.plannedFor;
  const kps = state.people.filter((p) => when(p) !== undefined && evaluateCondition(cond, { answers: p.facts, questions, mode: 'debrief' }) === true);
  kps.sort((a, b) => Number(b.lastMet !== undefined) - Number(a.lastMet !== undefined) || (when(b) as string).localeCompare(when(a) as string));
  return kps[0] ? { name: kps[0].name, facts: kps[0].facts } : undefined;
}

/**
 * The result's steps as the account holds them: a step this session issued again is the one already
 * open, and keeps its first date (overdue stays overdue) on the screen as in the store; a step the
 * rep closed is not on the screen as one to do.
 */
export function withCarriedDates(result: CoachingResult, state: AccountState): CoachingResult {
  const open = new Map(state.openSteps.map((st) => [st.key, st]));
  // only what the account holds after the visit: a step the rep has just closed is not shown as to do
  const checklist = result.checklist.flatMap((item) => {
    const st = open.get(stepKeyOf(item)) ?? open.get(item.id);
    if (!st) return [];
    // and in the account's words: a step carried in its own wording is shown as `today` shows it
    // (a step stored without its words in each language keeps this session's: never another language's)
    const text = st.texts?.[result.locale] ?? item.text;
    const words = text !== item.text ? { text, ...(st.texts ? { texts: st.texts } : {}) } : {};
    return [st.due === item.due && text === item.text ? item : { ...item, due: st.due, ...words }];
  });
  return { ...result, checklist: checklist.sort((a, b) => a.due.localeCompare(b.due)) };
}

