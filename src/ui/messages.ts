/**
 * The interface's own words, one typed catalogue per locale (a missing key is a compile error).
 * Content words come from the playbook. zh-TW is generated from zh-CN at build time (scripts/zh-tw.mjs).
 */
import { type Expectation, expectationText } from '../engine/answers.js';
import type { Locale, Mode } from '../engine/model.js';
import { zhCN } from './messages.zh-CN.js';
import { zhTW } from './messages.zh-TW.generated.js';

const en = {
  back: '↩ Back to the previous question',
  /** What an answer should have been (an answers file's hint, a prompt's refusal), from the engine's data. */
  expectation: (e: Expectation): string => expectationText(e),
  help: '? Why this question',
  unknown: "Don't know",
  notSure: 'Not sure: let me describe what I saw',
  /** "Not sure" as a recorded value (a timeline, a list), not as the option to pick. */
  notSureValue: 'not sure',
  skip: 'leave empty to skip',
  /** Words by which a question already says it may be left empty: its prompt then does not say it twice. */
  saysSkip: /leave (it )?empty/i,
  inputHint: 'type < to go back, ? for help',
  unknownHint: 'or "unknown"',
  required: 'An answer is needed here (type < to go back)',
  expected: (what: string) => `Expected ${what}`,
  yes: 'Yes',
  no: 'No',
  progress: (n: number, total: number) => `${n}/${total}`,
  /** A question as the prompt shows it, with how far the interview has come. */
  questionLine: (text: string, n: number, total: number) => `${text} (${n}/${total})`,
  /** A typed question's hints, after the question. */
  inputHints: (...parts: string[]) => ` [${parts.join('; ')}]`,
  /** The default a prompt offers (Enter takes it). */
  defaultAnswer: (text: string) => `(${text})`,
  class: 'Class',
  /** Under the class's badge: what the class means and why, the label left to the badge ("will not buy, because …"). */
  classWhy: (rest: string | undefined, why: string) => (rest ? `${rest[0].toUpperCase()}${rest.slice(1)}, because ${why}` : `Because ${why}`),
  provisional: 'Provisional',
  /** The class badge of a provisional result: the classes still possible. */
  provisionalBadge: (classes: string) => `Provisional: ${classes}`,
  unclassified: 'Unclassified',
  signBy: (date: string, window: string) => `Sign by ${date} (${window}), or reclassify.`,
  window: (min: number | undefined, max: number) => (min !== undefined ? `${min}-${max} days` : `about ${max} days`),
  askYourself: 'Ask yourself',
  forward: 'Forward',
  reverse: 'Reverse',
  persona: 'The person',
  observed: 'likely, from what you observed',
  chosen: 'as you said',
  do: 'Do',
  dont: "Don't",
  flags: 'Flags',
  nextSteps: 'Next steps',
  plan: 'This visit',
  objective: 'Objective',
  commitment: 'Ask for',
  minimum: 'At least',
  recap: 'Recap to send before the visit (ready to copy)',
  recapAfter: 'Recap to send after the visit (ready to copy)',
  followUp: 'Follow-up to send today (ready to copy)',
  nothingToCopy: 'Nothing to copy: this session drafted no follow-up and no recap.',
  copied: (what: 'followUp' | 'recap') => `The ${what === 'followUp' ? 'follow-up' : 'recap'} is on the clipboard.`,
  notCopied: (why: string) => `Not copied to the clipboard: ${why} The message is on the screen above.`,
  tips: 'Coaching',
  changes: 'Changed since the last visit',
  stillOpen: 'Still open from earlier visits',
  signedNow: 'Signed. Well done: now make the after-sale service excellent.',
  backfilled: (latest: string) => `This visit is dated before the account's latest (${latest}): it is kept in the history and changes neither the class nor the open steps.`,
  moved: (from: string, to: string, because: string) => `Class moved from ${from} to ${to} because ${because}.`,
  /** The class moved as its window ran out: the reason above says why, in a sentence of its own. */
  movedLapsed: (from: string, to: string) => `Class moved from ${from} to ${to}.`,
  openStepsIntro: (n: number, account: string) => `${n} step${n === 1 ? ' is' : 's are'} still open on ${account}.`,
  stepsDoneQuestion: 'Which are done? (space ticks, enter confirms; the rest stay open)',
  /** Said before the first question: an account whose window ran out is reclassified at this session. */
  /** Said before the first question of a session on an account classified as one that will not buy. */
  droppedBefore: (account: string, klass: string, date: string) => `${account} is ${klass} since ${date}, dropped: this session reopens it only if your answers say otherwise.`,
  droppedBeforePrep: (account: string, klass: string, date: string) => `${account} is ${klass} since ${date}, dropped: a prep does not reopen it; the debrief does, if what happened says otherwise.`,
  /** Said before the first question when the visit falls on a Saturday or Sunday (a prep's default is tomorrow). */
  weekendVisit: (date: string) => `The visit date is ${date}, a weekend: if the visit is on another day, start again with --date YYYY-MM-DD.`,
  windowOverBefore: (account: string, klass: string, date: string, then: string) => `${account}: the ${klass} window ended on ${date} without a signature. This session should reclassify it${then ? ` (${then})` : ''}.`,
  personaKnown: (name: string, summary: string) => `${name}: ${summary}`,
  moreWithFull: (n: number) => `${n} more with --full`,
  signedBefore: 'Signed: the coaching is for after the sale now.',
  /** The badge of a signed account's result, where an unsigned one shows its class. */
  signedBadge: 'Signed',
  /** The others at a debrief's meeting: "Also at the meeting: Mr Wang (first KP, Commander)". */
  alsoMet: 'Also at the meeting',
  othersPresent: 'Was anyone else at the meeting? Their name (leave empty if no one)',
  anotherPresent: 'Anyone else at the meeting? Their name (leave empty if that was all)',
  aboutPerson: (name: string) => `About ${name}:`,
  classFollows: (name: string) => `the class follows ${name}'s role, the highest at the meeting`,
  noDraft: (why: string) => `Cannot keep a draft (${why}); going on without one: an interruption now loses the answers.`,
  stepDone: 'Done',
  stepKeep: 'Keep open',
  stepDrop: 'Drop it (no longer needed)',
  draftFound: (mode: string, n: number, saved: string) => `An unfinished ${mode} of this account is saved as a draft (${n} answer${n === 1 ? '' : 's'}, ${saved}).`,
  draftContinue: 'Continue it',
  draftDiscard: 'Discard it and start over',
  draftDiscardSure: 'Discard the draft for good?',
  draftKept: (mode: string, cmd: string) => `An unfinished ${mode} of this account is kept as a draft; this run leaves it alone. Continue it with:\n  ${cmd}`,
  /**
   * The class on record (a debrief's: a prep records none) against this session's; `since`: the day it
   * was recorded. A prep's class is what it expects, not what is so.
   */
  sinceLast: (since: string, before: string, now: string, expected = false) =>
    expected ? `Class ${before} on record since ${since}; this visit expects ${now}.` : `Class ${before} on record since ${since}, ${now} now.`,
  /** "provisional" inside a sentence ("Class provisional at your last session"). */
  provisionalInline: 'provisional',
  noFlags: 'none',
  prep: 'prep',
  debrief: 'debrief',
  /** The session's name in a title: the key is the mode, so a new mode is a compile error until named. */
  modeName: { prep: 'prep', debrief: 'debrief', plan: 'account plan' } satisfies Record<Mode, string>,
  draftSaved: (n: number, cmd: string) => `Interrupted. Your ${n} answer${n === 1 ? ' is' : 's are'} saved as a draft; continue with:\n  ${cmd}`,
  resumed: (n: number) => `Resuming the draft: ${n} answer${n === 1 ? '' : 's'} already given.`,
  /** After an error once the first question was answered before the store opened: what is kept. */
  answersKept: (n: number, cmd: string) => `Your ${n} answer${n === 1 ? ' is' : 's are'} kept as a draft; once that is put right, continue with:\n  ${cmd}`,
  accountChangedMeanwhile: (account: string) => `${account} changed while you answered (another sales-coach saved it): the questions start again from what it holds now, your answers offered.`,
  dryRun: 'Not saved (--dry-run).',
  notSavedNoAccount: 'Not saved: no account given (--account NAME).',
  /** `playbook try`: the result is a preview, for the trainer. */
  tryNotSaved: 'A try: nothing was saved. Change an answer in the answers file and run it again to compare.',
  saved: (a: string) => `Saved to the account "${a}".`,
  factsUnchanged: 'Nothing changed: the account already says so.',
  savedLater: (a: string) => `The team database could not be reached: the visit to "${a}" is kept on this machine and will be sent by the next command that reaches it.`,
  whichAccount: 'Which account (customer company)?',
  // as recorded, not as at a visit: `account set` may have changed a fact since, and the last
  // session may have been a prep
  carriedConfirm: (date: string, facts: string) => `Still as recorded on ${date}? ${facts}`,
  wroteMarkdown: (f: string) => `Wrote ${f}`,
  // a value with its own colon takes a dash, not a second colon (Perception: supplier — an edge)
  label: (name: string, value: string) => `${name}: ${value.replaceAll(': ', ' — ')}`,
  /** What each key does, in the prompts' hint line; a missing one is inquirer's own English word. */
  keys: { tick: 'tick', why: 'why this question', back: 'back' } as Record<string, string>,
  /** The keys' own names, where the rep's language has a word for them. */
  keyNames: {} as Record<string, string>,
  /** A confirm's refusal of an answer that is neither yes nor no. */
  yesOrNo: 'Answer yes or no',
  /** A multiple-choice question left with no box ticked. */
  tickOne: 'Tick at least one (space ticks)',
  /** Joins the boxes ticked, in the line that shows the answer. */
  tickSep: ', ',
  /** A remark after a word: a space and brackets in English; full-width brackets, no space, in Chinese. */
  aside: (text: string) => ` (${text})`,
  /** A title or a name quoted in a line (a calendar event's title). */
  quoted: (text: string) => `"${text}"`,
  typeNumber: 'Please type a number, such as 3 or 2.5',
  typeWholeNumber: 'Please type a whole number, such as 3',
  typeNoControl: 'That holds a control character, which cannot be shown or typed back: type it without it',
  typeDate: 'Please type a date as YYYY-MM-DD',
  /** After a step due before the day the session is run. */
  overdueMark: ' (overdue)',
  /** A typed date in words beside it, so a Saturday is seen before it is kept: "(Sat, 12 Dec 2026: a weekend)". */
  dateInWords: (words: string, weekend: boolean) => ` (${words}${weekend ? ': a weekend' : ''})`,
  /** The Intl locale for dates: British English reads "Wed 26 Nov 2026". */
  dateLocale: 'en-GB',
  listSep: '; ',
  /** Between the words said of one person: "first KP, Commander". */
  listComma: ', ',
  observedCues: 'What you saw',
  cues: 'How to recognise them',
  traits: 'What they are like',
};
export type UiMessages = typeof en;



export const UI: Record<Locale, UiMessages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** Dates as a rep reads them: "Wed 26 Nov 2026" / "2026年11月26日 周三". Computed in UTC: a date has no time zone. */
const formatters = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A date in a list of dates: "Fri 27 Nov", the year said once in the title; another year's date in the
 * same shape with its year, "Fri 1 Jan 2027" (the list wrote "Thu 3 Dec" above "Fri, 1 Jan 2027": two
 * formats in one column). The shape the steps' own words use ("Confirm the meeting of Wed 9 Dec").
 */
export function formatShortDate(date: string, locale: Locale, sameYearAs: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const words = DATE_WORDS[locale];
  const weekday = words.weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return words.short(date.slice(0, 4) === sameYearAs.slice(0, 4) ? undefined : y, words.months?.[m - 1] ?? String(m), d, weekday);
}

/** "Mr Wang (first KP, Commander, supporter)": another person at a meeting, as a result words them (unsanitised: the caller sanitises the line). */
/**
 * A remark after a name that may end in its own brackets (a playbook's "Koala (coordinator)"): one pair of brackets,
 * "Koala (coordinator; as you said)", "无尾熊（协调者；你的判断）", never two side by side.
 */
export function withAside(name: string, remark: string, locale: Locale): string {
  const m = UI[locale];
  const closing = /[)）]$/u.exec(name)?.[0];
  return closing ? `${name.slice(0, -1)}${m.listSep}${remark}${closing}` : `${name}${m.aside(remark)}`;
}

export function othersLine(o: { name: string; words: readonly string[] }, locale: Locale): string {
  const m = UI[locale];
  return o.words.length ? `${o.name}${m.aside(o.words.join(m.listComma))}` : o.name;
}

/**
 * The words Intl.DateTimeFormat gives formatDate (Node 20's ICU), by table: building the first
 * formatter of a process costs 20-100 ms, as much as the rest of a session's first question (the
 * steps still open are listed with their dates; issue 25). tests/ui/format-date.test.ts holds the two
 * to the same words for every day of the years sales-coach works with.
 */
const DATE_WORDS: Record<
  Locale,
  { weekdays: readonly string[]; months?: readonly string[]; format: (y: number, month: string, d: number, weekday: string) => string; short: (y: number | undefined, month: string, d: number, weekday: string) => string }
> = {
  en: {
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
    // one shape on a screen: the title's "Wed 9 Dec 2026" as the list's "Mon 4 Jan 2027" (Intl's comma
    // after the weekday, "Wed, 9 Dec 2026", stood in the title and the sign-by date beside them)
    format: (y, month, d, weekday) => `${weekday} ${d} ${month} ${y}`,
    short: (y, month, d, weekday) => `${weekday} ${d} ${month}${y !== undefined ? ` ${y}` : ''}`,
  },
  'zh-CN': {
    weekdays: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    format: (y, month, d, weekday) => `${y}年${month}月${d}日${weekday}`,
    short: (y, month, d, weekday) => `${y !== undefined ? `${y}年` : ''}${month}月${d}日${weekday}`,
  },
  'zh-TW': {
    weekdays: ['週日', '週一', '週二', '週三', '週四', '週五', '週六'],
    format: (y, month, d, weekday) => `${y}年${month}月${d}日${weekday}`,
    short: (y, month, d, weekday) => `${y !== undefined ? `${y}年` : ''}${month}月${d}日${weekday}`,
  },
};

export function formatDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  const words = DATE_WORDS[locale];
  return words.format(y, words.months?.[m - 1] ?? String(m), d, words.weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]);
}

/** formatDate as Intl words it: the reference the table above is tested against. */
export function formatDateIntl(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  let f = formatters.get(locale);
  if (!f) {
    // one formatter per locale: building one costs far more than using it
    f = new Intl.DateTimeFormat(UI[locale].dateLocale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
    formatters.set(locale, f);
  }
  // Intl's long English form puts a comma after the weekday, its short one does not: the screens use one shape
  return f.format(new Date(Date.UTC(y, m - 1, d))).replace(/^([A-Za-z]+),/, '$1');
}
