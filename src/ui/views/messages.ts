/**
 * The words of the account views (review, account, checklist, drafts), one typed catalogue per
 * locale: zh-CN beside this file, zh-TW generated from it at build time (scripts/zh-tw.mjs).
 */
import type { Locale } from '../../engine/model.js';
import { zhCN } from './messages.zh-CN.js';
import { zhTW } from './messages.zh-TW.generated.js';

const en = {
  pipeline: 'Pipeline',
  /** A manager reading one rep's review (accounts --rep): whose it is, and that it is only read. */
  pipelineOf: (rep: string) => `Pipeline of ${rep} (read-only)`,
  shown: (n: number) => `${n} account${n === 1 ? '' : 's'}`,
  /** The deals' values of the accounts in play (not signed, not dropped): their total and how many have one. */
  /** The day the customer expects to sign, beside the deal's value on an account's first line. */
  expectedClose: (date: string) => `expected to sign ${date}`,
  /** A rep's activity on team review: debriefs in the period, accounts in play not visited for N days. */
  activity: (debriefs: number, since: string, untouched: number, days: number) => `${debriefs} debrief${debriefs === 1 ? '' : 's'} since ${since}${untouched ? ` · ${untouched} account${untouched === 1 ? '' : 's'} untouched for ${days} days or more` : ''}`,
  valueInPlay: (total: string, valued: number, n: number) => `value in play: ${total}${valued < n ? ` (${valued} of ${n} accounts have a value)` : ''}`,
  provisional: 'Provisional',
  newAccounts: 'Not yet classified',
  /** The group of signed accounts: won, not in play. */
  signedGroup: 'Signed',
  flag: {
    window: 'past its signing window: sign or reclassify',
    no_next: 'no next step scheduled',
    one_contact: 'only one person on record (account show lists them)',
    provisional: 'class still provisional',
    overdue: 'a next step is overdue',
  },
  oneContactOfRep: 'only one person on record (account show NAME --rep REP lists them)',
  /** A manager's `accounts --rep R`: the command that lists that rep's people (account show alone shows the manager's own). */
  oneContactOf: (rep: string) => `only one person on record (account show NAME --rep ${rep} lists them)`,
  classAge: (days: number) => (days === 0 ? 'in this class since today' : `${days} day${days === 1 ? '' : 's'} in this class`),
  // a class dated after today comes from a debrief the rep dated ahead: the visit is recorded as held,
  // so it is never "planned" (the review read 计划于…拜访 beside a debriefed visit)
  planned: (date: string) => `classed at the visit of ${date}`,
  signedOn: (date: string) => `signed ${date}`,
  signed: 'signed',
  dropped: 'will not buy',
  noNext: 'no next step',
  // the step's text may hold its own colon ("Send the material: the case study"): the date is an aside after
  // it, never a second label before it
  next: (date: string, text: string) => `${text} (next step, by ${date})`,
  youManage: (reps: number) => `You manage ${reps} rep${reps === 1 ? '' : 's'}: their accounts and steps are in sales-coach team review (one rep's review: accounts --rep REP; one account: account show NAME --rep REP).`,
  noAccounts: 'No accounts yet: sales-coach prep --account NAME starts one (or import --csv from your CRM).',
  noneMatch: 'No account matches these filters.',
  more: (n: number, limit: number) => `… ${n} more in this group (at most ${limit} shown per group; --all, --limit N, --json or --csv for all)`,
  movedSince: (date: string) => `Moved since ${date}`,
  none: 'none',
  movement: { new: 'new', upgraded: 'upgraded', downgraded: 'downgraded', changed: 'changed', provisional: 'provisional', unclassified: 'unclassified', signed: 'signed', dropped: 'dropped' } as Record<string, string>,
  fromTo: (from: string, to: string) => `${from} → ${to}`,
  because: (why: string) => `because ${why}`,
  /** Between a move and its reasons: "A → D, because …" / "A类客户 → D类客户，因为……". */
  clauseSep: ', ',
  and: ' and ',
  // account show
  people: 'People',
  noPeople: 'No one recorded yet.',
  met: (first: string, last: string) => (first === last ? `met ${first}` : `met ${first} – ${last}`),
  notMet: 'not met yet',
  personalWin: (win: string) => `personal win: ${win}`,
  /** A person prepared for and not met yet; `past`: the day has gone by with no debrief. */
  plannedMeeting: (date: string, past: boolean) => (past ? `was to be met on ${date}` : `meeting planned for ${date}`),
  timeline: 'Timeline',
  checklist: 'Checklist',
  noSteps: 'No steps.',
  legend: '[ ] open   [x] done   [-] dropped',
  /** A step replaced by a newer one after a class change: shown closed, like a dropped one. */
  superseded: 'superseded',
  /** Why a session closed a step, in the checklist's brackets. */
  closedBecause: (by?: string): string => (by === 'signed' ? 'no longer needed, signed' : by === 'visited' ? 'the visit took place' : by === 'dropped' ? 'account dropped' : by === 'changed' ? 'no longer needed' : 'superseded'),
  visit: { prep: 'prep', debrief: 'debrief', plan: 'account plan' } as Record<string, string>,
  visitLine: (mode: string, person: string | undefined, klass: string) => `${mode}${person ? ` with ${person}` : ''}: ${klass}`,
  flags: (n: number) => `${n} flag${n === 1 ? '' : 's'}`,
  ev: {
    classNew: (to: string, why: string) => `classified ${to} because ${why}`,
    classMoved: (from: string, to: string, why: string) => `class moved from ${from} to ${to} because ${why}`,
    classProvisional: (why: string) => `class provisional: ${why}`,
    signed: 'signed',
    // the class is the line before's ("classified D because …"): said once
    dropped: 'will not buy: no more time on this account',
    personAdded: (name: string, detail: string) => `met ${name}${detail ? ` (${detail})` : ''} for the first time`,
    personPlanned: (name: string, detail: string) => `prepared to meet ${name}${detail ? ` (${detail})` : ''}`,
    personUpdated: (name: string, changes: string) => `${name}: ${changes}`,
    factsUpdated: (changes: string) => `Set between visits: ${changes}`,
    /** The deal's value or expected signing day, given or changed at a session. */
    dealChanged: (changes: string) => changes,
    // a step's text is said first and what happened to it after, in brackets: the text may be a title
    // and its detail ("From liked to believed: …"), and a label before it stacked a second colon
    stepOpened: (text: string, due: string) => `${text} (new step, by ${due})`,
    stepCarried: (text: string, due: string) => `${text} (carried to this visit, by ${due})`,
    stepClosed: (text: string, state: 'done' | 'skipped' | 'superseded', by?: string) =>
      `${text} (${state === 'done' ? 'done' : state === 'skipped' ? 'dropped' : by === 'signed' ? 'no longer needed, signed' : by === 'visited' ? 'closed, the visit took place' : by === 'dropped' ? 'closed, account dropped' : by === 'changed' ? 'no longer needed' : 'superseded'})`,
    stepReopened: (text: string) => `${text} (reopened)`,
    stepAdded: (text: string, due: string) => `${text} (you added it, by ${due})`,
    classValidated: (by: string, cls: string, note: string) => `${by} confirmed the class ${cls}: ${note}`,
    classChallenged: (by: string, cls: string, note: string) => `${by} questioned the class ${cls}: ${note}`,
    noteReplied: (by: string, note: string) => `${by} answered the question: ${note}`,
    noteRepliedOwn: (note: string) => `you answered the question: ${note}`,
    noteResolved: (by: string, note: string | undefined) => `${by} closed the question${note ? `: ${note}` : ''}`,
  },
  // team review (a manager's view of every rep's pipeline)
  team: 'Team',
  teamReps: (n: number) => `${n} rep${n === 1 ? '' : 's'}`,
  repLine: (rep: string, n: number) => `${rep}: ${n} account${n === 1 ? '' : 's'}`,
  /** A manager of managers' roll-up: one manager's reps added up. */
  managerTeam: (manager: string, reps: number, n: number) => `${manager}'s team: ${reps} rep${reps === 1 ? '' : 's'}, ${n} account${n === 1 ? '' : 's'}`,
  inTeamOf: (manager: string) => `in ${manager}'s team`,
  /** Team review: the untouched accounts named under the rep's activity, each with its last visit; how many more. */
  untouchedNamed: (names: string, more: number) => `untouched: ${names}${more ? ` … and ${more} more (--all, --json or --csv for all)` : ''}`,
  lastVisitOn: (date: string) => `last visit ${date}`,
  neverVisited: 'never visited',
  /** Team review --all: the accounts flagged for no reason of attention, which the header counts. */
  alsoFlagged: (n: number) => `${n} more flagged, not needing attention:`,
  /** Team review: the header counts a flag on accounts the screen lists only with --all. */
  flaggedNotListed: (flags: string) => `(counted over every account; those with ${flags} and nothing needing attention are listed with --all)`,
  needsAttention: (n: number) => `${n} need${n === 1 ? 's' : ''} attention`,
  allWell: 'nothing needs attention',
  moreAttention: (n: number) => `… ${n} more (--all, --json or --csv for all)`,
  moreMoved: (n: number) => `… ${n} more move${n === 1 ? '' : 's'} (--all, --json or --csv for all)`,
  managerNotes: 'From your manager',
  /** A prep's heading over the questions the manager has not closed yet. */
  openQuestions: 'Open questions from your manager',
  /** `account`: shell-quoted. */
  replyHint: (account: string) => `answer with: sales-coach account reply ${account} --note "…"`,
  /** A question's thread, under the question: the rep's answers, its close, or where it stands. */
  noteReply: (by: string, note: string) => `↳ ${by}: ${note}`,
  noteReplyOwn: (note: string) => `↳ you: ${note}`,
  noteClosed: (by: string, note: string | undefined) => `✓ closed by ${by}${note ? `: ${note}` : ''}`,
  noteState: (answered: boolean): string => (answered ? 'answered, not closed yet' : 'open: waiting for an answer'),
  notes: 'Your notes',
  /** A rep (not a manager) on team review: whose screen it is, and where their own accounts are. */
  teamReviewIsManagers: (manager?: string) => `Team review is a manager's screen: it reads the accounts of the reps one manages, and you manage no one here. Your own accounts: sales-coach accounts${manager ? ` (your manager, ${manager}, reads them in their team review)` : ''}.`,
  /** Visits prepared, their day gone, with no debrief: the team's count, and each rep's with the accounts and days. */
  notDebriefed: (n: number) => `visit${n === 1 ? '' : 's'} prepared and not debriefed`,
  notDebriefedOf: (n: number, visits: string) => `${n} visit${n === 1 ? '' : 's'} prepared and not debriefed: ${visits}`,
  /** A question on the class of an account that has signed since: history, dated, no longer open. */
  noteBeforeSigning: (by: string, cls: string | undefined, note: string, signed: string) => `${by} questioned ${cls ? `the class ${cls}` : 'the provisional class'} before it signed on ${signed}: ${note}`,
  noTeam: 'You manage no rep in this team database: sales-coach team list shows who is on the team and their managers; the team admin adds a rep to you with: sales-coach team add NAME --manager YOU.',
  managerNote: (kind: 'class-validated' | 'class-challenged', by: string, cls: string | undefined, note: string) =>
    `${by} ${kind === 'class-validated' ? 'confirmed' : 'questions'} ${cls ? `the class ${cls}` : 'the provisional class'}: ${note}`,
  /** A fact changed since the last visit, its owner named (a person's), else the account's own. */
  factChange: (owner: string | undefined, name: string, before: string, after: string) => (owner ? `${owner}: ${name} ${before} → ${after}` : `${name}: ${before} → ${after}`),
  unknownValue: 'not known',
  // checklist
  noOpenSteps: 'No open next steps.',
  // a step past its last day lapsed: its time ran out, which is not "no longer needed" (a window's
  // "signed, or reclassify" still is, under the window-over flag)
  lapsed: (day: string) => `its window ended ${day}: the next session closes it`,
  overdue: 'overdue',
  dueToday: 'today',
  stepNumber: 'no.',
  // the step's text first, the account and what was done after it: a label and the account before it
  // stacked colons on a text that has its own ("Done: Hengda: Send the material: …")
  done: (account: string, text: string) => `${text} (${account}, done)`,
  skipped: (account: string, text: string) => `${text} (${account}, dropped)`,
  reopened: (account: string, text: string) => `${text} (${account}, reopened)`,
  added: (id: number, account: string, text: string, due: string) => `${text} (step ${id} of ${account}, by ${due})`,
  undoHint: 'undo it with: sales-coach checklist undo',
  nothingToUndo: 'nothing to undo: no step was marked done, dropped or reopened by hand',
  // drafts
  noDrafts: 'No unfinished sessions.',
  draftLine: (mode: string, account: string, n: number, saved: string) => `${mode} of ${account}: ${n} answer${n === 1 ? '' : 's'}, saved ${saved}`,
  noAccount: '(no account)',
  resumeWith: (cmd: string) => `continue: ${cmd}`,
};
export type ViewMessages = typeof en;

export const VIEW_MESSAGES: Record<Locale, ViewMessages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
