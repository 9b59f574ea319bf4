/**
 * The playbook as the engine sees it: plain types, owned here so the engine depends on nothing but
 * itself. The loader (src/playbook) validates YAML with a zod schema whose inferred types must be
 * exactly these; tests/engine/model.types.test.ts fails to compile the day they drift apart.
 */

export const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text: a plain string, or a map of locale to string. */
export type Text = string | { en?: string; 'zh-CN'?: string; 'zh-TW'?: string };

/** prep and debrief are visits; plan is strategic account management for a key account (seed 003). */
export const MODES = ['prep', 'debrief', 'plan'] as const;
export type Mode = (typeof MODES)[number];

/**
 * A condition is data, never code. Exactly one form per object:
 * { all: [...] } | { any: [...] } | { not: {...} } | { question: id, <one test> } |
 * { persona: id } | { mode: prep|debrief } | { class: A }.
 */
export interface Condition {
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
  question?: string;
  equals?: string | number | boolean;
  in?: (string | number | boolean)[];
  includes?: string;
  gt?: number | string;
  gte?: number | string;
  lt?: number | string;
  lte?: number | string;
  answered?: boolean;
  unknown?: boolean;
  persona?: string;
  mode?: Mode;
  class?: string;
  /** The person met was met before at this account: what the last meeting said is theirs to recall. */
  metBefore?: boolean;
  /** The account's first KP (roles.metFirstKp, as last met) has a personal win on record (roles.personalWin): a step does not ask for it again. */
  deciderWin?: boolean;
  /** Someone on the account other than the person met and the first KP has a personal win on record ({account.othersWithWin} names them): a step does not ask for it again. */
  othersWin?: boolean;
  /** The account's class on record before this session (a debrief recorded it): a D's next prep is not coached toward the sale. */
  onRecord?: string;
}

/** Whose fact an answer is: it carries to the account's next session, to the next session with that person, or nowhere. */
export const OWNERS = ['account', 'person', 'visit'] as const;
export type Owner = (typeof OWNERS)[number];

/**
 * What an item (a flag, a step, a tip, a piece of persona advice) says of the others that fire with
 * it: it is tagged, it excludes items by id or by `#tag`, or it finds out an answer (and has nothing
 * to say once that answer is known). The loader refuses unknown names and cycles.
 */
export interface Precedence {
  tags?: string[];
  excludes?: string[];
  findsOut?: string;
  /**
   * Events that end the item: an open step is closed by them; any item (a flag, a tip, advice, a
   * step) is no longer given once the account is signed, when `signed` is among them.
   */
  closedBy?: StepEnding[];
}

/** What ends an open step before the rep closes it: a signature, a drop, a change of class, the visit it prepared having taken place. */
export const STEP_ENDINGS = ['signed', 'dropped', 'reclassified', 'visited'] as const;
export type StepEnding = (typeof STEP_ENDINGS)[number];

export const QUESTION_KINDS = ['single', 'multiple', 'yes-no', 'text', 'number', 'date', 'persona'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface Option {
  value: string;
  label: Text;
  short?: Text;
  /** The phrase in one session's own words where `short` does not fit it (a prep's "you meet the first KP": the meeting is ahead). */
  shortIn?: Partial<Record<Mode, Text>>;
  /** The phrase as a manager reads it, the rep in the third person ({rep}: their name): "{rep} met the first KP". */
  about?: Text;
  help?: Text;
}

export interface Question {
  id: string;
  text: Text;
  /** The question in one session's own words (a debrief asks in the past tense); `text` elsewhere. */
  textIn?: Partial<Record<Mode, Text>>;
  short?: Text;
  help?: Text;
  kind: QuestionKind;
  options?: Option[];
  allowUnknown?: boolean;
  findOut?: Text;
  required?: boolean;
  /** Whose fact the answer is: of the account, of the person met, or of this visit only (the default). */
  owner?: Owner;
  /** The older spelling of `owner`: true or "account" for the account's, "person" for the person's. */
  carry?: boolean | 'account' | 'person';
  /** The smallest / largest answer: a number's value, or a date's days from the visit. */
  min?: number;
  max?: number;
  /** A number question answered by a whole number (a count): 1.5 is refused. */
  integer?: boolean;
  modes?: Mode[];
  when?: Condition;
  /** Events after which the question is no longer asked: signed (how the close went means nothing once the account is signed). */
  closedBy?: 'signed'[];
  /** The answer offered by default: the latest session's answer to this question (a prep's topic offers the one the last debrief agreed for the next meeting). */
  offerFrom?: string;
  /** This answer records another question's fact at least at `to` (options order is the scale): a debrief's "trust was built" is the person's trust. */
  raises?: { answer: string; question: string; to: string };
}

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type FlagSeverity = (typeof SEVERITIES)[number];

export interface Flag extends Precedence {
  id: string;
  when: Condition;
  severity?: FlagSeverity;
  message: Text;
  subtext?: Text;
}

export interface ChecklistItem extends Precedence {
  id: string;
  when?: Condition;
  text: Text;
  /** Days after the visit, or the class's sign-by date. */
  due?: number | 'deadline';
  /** The step is for the next meeting agreed (roles.nextMeeting): a debrief that agrees one re-dates it. */
  forMeeting?: boolean;
  /** Days before the next meeting agreed that the step falls due, when later than its due ("confirm the meeting" a few days before it). */
  beforeMeeting?: number;
  /** The step is for the class's signing window ("agree the day you will hear back, inside the signing cycle"): it lapses with the window, as the window's own step does. */
  inWindow?: boolean;
  /** Open steps this one replaces when it opens (ids or #tags; its own tag means the others of its group). */
  supersedes?: string[];
  /** The step as the customer hears it in the follow-up; absent: the rep's own step. */
  tellCustomer?: Text;
  /** With closedBy [signed]: still given at and after the signing session (a request made then is owed); one open from before ends. */
  owedAtSigning?: boolean;
}

export interface Advice extends Precedence {
  id: string;
  when?: Condition;
  text: Text;
  /** The advice in a line, shown by default; the whole text with --full. */
  short?: Text;
}

export interface Persona {
  id: string;
  name: Text;
  summary?: Text;
  cues?: Text[];
  traits?: Text[];
  do?: (Text | Advice)[];
  dont?: (Text | Advice)[];
  recognise?: Condition;
  checklist?: ChecklistItem[];
  flags?: Flag[];
}

export interface SelfQuestion {
  when?: Condition;
  text: Text;
}

/** Where a class counts in a forecast: commit (the rep stands behind it), best case, the rest of the pipeline. */
export const FORECAST_CATEGORIES = ['commit', 'best', 'pipeline'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export interface ClassRule {
  id: string;
  name: Text;
  summary?: Text;
  priority: number;
  when: Condition;
  cycle?: { min?: number; max: number; reclassifyAs?: string[] };
  rank?: number;
  /** How the class counts in the forecast: its default chance of signing in the window, and its category. */
  forecast?: { chance: number; category: ForecastCategory };
  forward?: SelfQuestion[];
  reverse?: SelfQuestion[];
  visit?: {
    objective: Text;
    commitment: Text;
    minimum: Text;
    /** Plans that replace the default one when their condition holds; the first that holds wins. */
    variants?: { when: Condition; objective: Text; commitment: Text; minimum: Text }[];
  };
}

/** The message a debrief drafts for the customer: paragraphs with conditions, then the steps told to them. */
export interface FollowUp {
  when?: Condition;
  parts: { when?: Condition; text: Text }[];
  steps?: Text;
  closing?: Text;
}

export interface Recap {
  when?: Condition;
  text: Text;
}

/** What the account model reads: which answers name the person met, which means signed, which class will not buy. */
export interface Roles {
  person?: string;
  title?: string;
  decision?: string;
  signed?: Condition;
  /** The rep asked for the signature at the visit (seed 001: in the last 20 minutes); read by `stats`. */
  askedToSign?: Condition;
  /** The visit met the final decision-maker (seed 001: the first KP); read by `stats`. */
  metFirstKp?: Condition;
  willNotBuy?: string[];
  /** The text question that gives a person's personal win (shown with them on the account). */
  personalWin?: string;
  /** The number question that gives the deal's value (an account's fact): carried, added up by accounts, team review and forecast. */
  amount?: string;
  /** The date question that gives the day the customer expects to sign (an account's fact): the forecast's day for the account. */
  closeDate?: string;
  /** The number question that counts the people known at the account: never fewer than those on record. */
  contacts?: string;
  /** The date question that gives the next meeting agreed at a debrief (read by `today`). */
  nextMeeting?: string;
  /** The date question that gives the day the customer places what stands in the way ("budget only in January"): a window that ends before it is flagged. */
  obstacleDate?: string;
  /** The buying map: which question says where a person stands, and which of its values are for and against. */
  stance?: { question: string; supporter: string[]; opponent: string[] };
  /** The person's questions asked of each other person met at the same debrief (their role, type, stance). */
  others?: string[];
}

/**
 * The playbook's words for what the program says about its content, so that one method's words never
 * show on another's screens. Each absent term has a neutral default (engine and stats messages).
 */
export interface Terms {
  /** Who decides the class ("the first KP"). */
  decider?: Text;
  /** The provisional reverse question's opening ("Why is this not an A yet?"). */
  provisionalQuestion?: Text;
  /** "… and then I can say ___" ("whether it is an A"). */
  provisionalVerdict?: Text;
  /** The heading of the habits in `stats`. */
  habits?: Text;
  /** The source of the ask-for-the-signature habit. */
  askToSign?: Text;
  /** The expected share signed without asking. */
  signedWithoutAsking?: Text;
  /** The target beside "signed within N days". */
  windowTarget?: Text;
  /** Why a visit counts as 3 hours. */
  visitCost?: Text;
}

/** A step in a path to a YAML node: a key or a list index. */
export type PathSegment = string | number;

export interface Origin {
  file: string;
  path: PathSegment[];
}

/** The resolved playbook: all files merged, extends applied, every item still knowing where it came from. */
export interface Playbook {
  id: string;
  version: string;
  title: Text;
  description?: Text;
  locales: Locale[];
  findOutDue: number;
  questions: Question[];
  personas: Persona[];
  classes: ClassRule[];
  flags: Flag[];
  checklist: ChecklistItem[];
  tips: Advice[];
  recap?: Recap;
  followUp?: FollowUp;
  /** Pairs of items a trainer declares contradictory: `playbook test --explore` reports them firing together unresolved. */
  conflicts: [string, string][];
  /** What the account model reads (see Roles); {} when the playbook declares none. */
  roles: Roles;
  /** The playbook's words for what the program says about it (see Terms); {} when it declares none. */
  terms: Terms;
  /** Where each item (question, persona, class, flag, checklist item, tip, recap) was written. */
  origins: Map<object, Origin>;
  /** Every file that contributed, entry file first. */
  files: string[];
  /** sha256 of the contributing files' text, so a stored visit knows which content produced it. */
  hash: string;
  /** Ids of items dropped for their own errors; references to them are not reported twice. */
  brokenIds: Set<string>;
  /** Items kept without optional fields that had their own errors, with those fields' names. */
  damaged?: Map<object, ReadonlySet<string>>;
}

/**
 * The compile-time guard of an exhaustive switch: with every case handled, `value` is `never`; add a
 * question kind and each switch that forgets it stops compiling here.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}

/** Whose fact a question's answer is: `owner`, else the older `carry`, else the visit's only. */
export function ownerOf(q: Pick<Question, 'owner' | 'carry'>): Owner {
  if (q.owner) return q.owner;
  if (q.carry === true || q.carry === 'account') return 'account';
  if (q.carry === 'person') return 'person';
  return 'visit';
}
