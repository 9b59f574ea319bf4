/**
 * The engine's own words (connectives in reasons, the provisional note), one typed catalogue per
 * locale: a key missing from a locale is a compile error. zh-TW is not written by hand: it is derived
 * from zh-CN at build time (scripts/zh-tw.mjs, OpenCC's Taiwan phrases plus a reviewed override table).
 */
import type { Locale } from './model.js';
import { zhCN } from './messages.zh-CN.js';
import { zhTW } from './messages.zh-TW.generated.js';

/** "a, b and c" (the catalogue's own `list`, for its messages that take the items). */
const andList = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

const en = {
  because: (klass: string, list: string) => `${klass} because ${list}`,
  /** "a, b and c": a list read as one sentence, with "and" before the last item. */
  list: andList,
  /** What the rep does not know yet, as one list: "need and whether they see the value". */
  unknownList: andList,
  yes: 'yes',
  no: 'no',
  unknown: "don't know",
  skipped: 'skipped',
  is: '=',
  isNot: '≠',
  or: ' or ',
  // reasons name the value a rule tested, in words ("economic buyer is not Met them")
  isValue: (name: string, value: string) => `${name}: ${value}`,
  isNotValue: (name: string, value: string) => `${name} is not ${value}`,
  noneOf: (name: string, values: string) => `${name} is neither ${values}`,
  with: (name: string, option: string) => `${name} include ${option}`,
  without: (name: string, option: string) => `${name} do not include ${option}`,
  compared: (name: string, value: string, op: 'gt' | 'gte' | 'lt' | 'lte', bound: string) =>
    `${name}: ${value} (${{ gt: 'more than', gte: 'at least', lt: 'less than', lte: 'at most' }[op]} ${bound})`,
  /** The evidence line for an answer the rep does not know yet. */
  notKnown: (what: string) => `you don't know ${what}`,
  // the items, not one joined phrase: a language may count them ("关键在两点：…")
  provisionalReason: (classes: string, items: string[]) => `Provisional: it could be ${classes}. It depends on ${andList(items)}, which you don't know yet`,
  /**
   * The same three reasons as a manager reads them: the rep in the third person, {rep} standing for
   * their name (the view puts it in; a stored event does not know who will read it).
   */
  notKnownOf: (what: string) => `{rep} does not know ${what}`,
  provisionalReasonOf: (classes: string, items: string[]) => `Provisional: it could be ${classes}. It depends on ${andList(items)}, which {rep} does not know yet`,
  classHeldOf: (person: string, klass: string, decider: string, role: string, prep?: boolean) => `${prep ? `{rep} meets ${person}` : `{rep} met ${person}`}, not ${role}: the account stays ${klass} on the word of ${decider}`,
  /**
   * The reverse question when the class is provisional, answered as seed 001 answers it: the reason,
   * then when you will find out. `question`, `verdict` and `decider` are the playbook's terms.
   */
  provisionalQuestionPrep: (items: string[], question: string, verdict: string) =>
    `${question} Because you don't know ${andList(items)}. Find it out at this visit, and answer as a top sales would: "I have not confirmed it yet; I will ask at this visit, and then I can say ${verdict}."`,
  provisionalQuestionDebrief: (list: string, question: string, decider: string) =>
    `${question} Because you don't know ${list}. Answer as a top sales would: the reason, and when you will know (for example "${decider} is travelling; I will meet them next week").`,
  /** The neutral terms, for a playbook that declares none (see Terms). */
  terms: { decider: 'the decision-maker', provisionalQuestion: 'Why is the class not settled yet?', provisionalVerdict: 'which class it is' },
  findOut: (what: string) => `Find out ${what}`,
  notSure: 'not sure',
  unclassified: 'No class rule holds for these answers (the playbook leaves a gap).',
  planNoClass: 'An account plan covers the account as a whole; its class comes from the visits (prep and debrief).',
  thisAccount: 'this account',
  /** {visit.you}: the people met addressed, one or several. */
  you: (several: boolean): string => (several ? 'you all' : 'you'),
  /** A person by name with their part in the decision: "Ms Wang (the first KP)". */
  named: (name: string, role: string): string => `${name} (${role})`,
  noSupporter: (account: string) => `No supporter known at ${account}: who inside would speak for you when you are not in the room? Find one before you invest more: every person in the decision has their own stance and their own personal win`,
  opponent: (name: string) => `${name} is against it: an opponent left alone can stop the deal`,
  addressOpponent: (name: string) => `Plan how to answer ${name}'s concerns: what would be a personal win for ${name} (never a kickback), and who that person trusts`,
  provisionalObjective: (list: string) => `Find out what decides the class: ${list}`,
  provisionalCommitment: 'A meeting with whoever can answer it, if it is not this person',
  provisionalMinimum: (items: string[]) => `A clear answer on ${andList(items)}, and from whom`,
  /** The class's window ran out unsigned: seed 001 says to reclassify, not to keep an A open. */
  // the new class is the badge's to say, not again before the reason ("B: the A window…" under " B ")
  windowLapsed: (_to: string, from: string, date: string) => `The ${from} window ended on ${date} without a signature, so the account is reclassified`,
  keptAfterLapse: (_klass: string, from: string) => `The ${from} window ran out unsigned, and the same facts do not make it ${from} again`,
  lapsedForward: (from: string) => `Why did it not sign within the ${from} window? Which of your reasons for the ${from} was a hope rather than something you heard?`,
  lapsedReverse: (from: string, to: string) => `Why is this no longer ${from}? It did not sign in time. What must happen for it to sign within the ${to} window? If nothing will, stop investing.`,
  /** The customer said what stands in the way lasts until `date`, after the window ends: the deadline cannot be met as things stand. */
  obstacleAfterWindow: (reason: string, date: string, klass: string, deadline: string, then: string) => `The ${klass} window ends on ${deadline}, before ${date}, the day the customer places ${reason ? `"${reason}"` : 'what stands in the way'}: as things stand it will not sign inside the window. Find out what would let it sign before then, or reclassify it${then ? ` as ${then}` : ''}`,
  /** A prep after the meeting the last debrief agreed, with no debrief of it: what happened there comes first. */
  meetingNotDebriefed: (meeting: string, iso: string) => `The meeting of ${meeting} agreed at the last visit has no debrief: record what happened there first (debrief --date ${iso}), or, if it did not take place, find out why at this visit`,
  meetingAfterWindow: (meeting: string, klass: string, deadline: string) => `The next meeting, ${meeting}, is after the ${klass} window ends (${deadline}): bring it forward, or plan to sign before it`,
  windowOver: (klass: string, date: string, then: string) => `The ${klass} window ended on ${date} without a signature: unless it signs at this visit, reclassify it${then ? ` as ${then}` : ''}`,
  /** Another person's refusal is that person's stance: the account's class follows the decider (`role`: the playbook's name for them). */
  personRefusedStance: (person: string) => `${person}'s refusal is ${person}'s own stance, not the account's verdict. Find out what ${person} would need`,
  personRefused: (person: string, klass: string, decider: string, role: string) => `${person}'s refusal is ${person}'s own stance, not the account's verdict: the class stays ${klass} on the word of ${decider}, ${role}. Find out what ${person} would need`,
  /** date: the debrief that recorded the class (a prep records none: "the visit of <a prep's day>" was untrue). */
  classOnRecord: (_klass: string, date: string) => `The class stands as recorded at the debrief of ${date}: nothing you know has changed since, and a prep does not move the class`,
  classExpected: (klass: string, onRecord: string) => `Expected: ${klass}. The account stays ${onRecord} on record until the debrief says what happened`,
  /** prep: the meeting is ahead, and "You met" said of someone not met yet. */
  classHeld: (person: string, klass: string, decider: string, role: string, prep?: boolean) => `${prep ? `You meet ${person}` : `You met ${person}`}, not ${role}: the account stays ${klass} on the word of ${decider}`,
  addressOpponentWin: (name: string, win: string) => `Plan how to answer ${name}'s concerns, starting from what ${name} wants at work: ${win} (never a kickback); if your offer cannot serve it, find a bigger win for ${name} elsewhere`,
  windowOverObjective: (then: string) => `The window has run out: get the signature at this visit, or reclassify${then ? ` as ${then}` : ''} after it`,
  windowOverCommitment: 'The signature at this visit',
  windowOverUnlessSigned: (then: string) => `Agreement on the plan; without a signature at this visit, reclassify it${then ? ` as ${then}` : ''} after it`,
  windowOverMinimum: (then: string) => `A clear answer: a signature, or the account reclassified${then ? ` as ${then}` : ''}`,
  /** A step as the follow-up tells the customer, with its date. */
  toldStep: (step: string, date: string) => `${step}, by ${date}`,
  /** A date inside a sentence, as a rep (or a customer) reads it: "Thu 10 Dec", as the screens write dates. */
  date: (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    if (!y || !m || !d) return iso;
    const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][day]} ${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'][m - 1]}`;
  },
};

export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
