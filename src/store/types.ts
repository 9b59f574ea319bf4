/**
 * The store as the rest of the program sees it: accounts, people, visits, steps and the events of
 * each account. Asynchronous throughout and free of SQL and of rules: what a visit means is decided
 * by the engine (src/engine/account.ts); a store persists the state and the events it is given, so a
 * team database (PostgreSQL) can implement the same contract.
 */
import type { AccountEvent, AccountState, ClassStatus, DealValue, Person } from '../engine/account.js';
import type { Answers } from '../engine/answers.js';
import type { CoachingResult } from '../engine/evaluate.js';
import type { Locale, Mode } from '../playbook/types.js';
import type { RawHistory } from './shape.js';

export type { AccountEvent, AccountState, Person };

export interface AccountRow {
  id: number;
  name: string;
  createdAt: string;
  playbookId?: string;
  /** Where that playbook was loaded from (an id or a file), to label the account's answers later. */
  playbookSource?: string;
  class?: string;
  classStatus?: ClassStatus;
  classSince?: string;
  classRank?: number;
  classLabels?: Partial<Record<Locale, string>>;
  classDeadline?: string;
  lastVisit?: string;
  lastPerson?: string;
  signed: boolean;
  dropped: boolean;
  contacts: number;
  openItems: number;
  nextDue?: string;
  nextItem?: string;
  /** The next step in each language its playbook says it in. */
  nextItemTexts?: Partial<Record<Locale, string>>;
  /** The deal's value (roles.amount) and the day the customer expects to sign (roles.closeDate). */
  value?: DealValue;
  closeDate?: string;
}

/** A person at an account, as the store keeps them (the engine's Person plus the store's id). */
export interface Contact extends Omit<Person, 'facts'> {
  facts?: Person['facts'];
  id?: number;
  reportsTo?: string;
  approvalLayers?: string;
}

export interface VisitRow {
  id: number;
  mode: Mode;
  date: string;
  playbookId: string;
  playbookHash: string;
  person?: string;
  answers: Answers;
  result: CoachingResult;
  createdAt: string;
}

export interface ChecklistRow {
  id: number;
  account: string;
  key: string;
  text: string;
  /** The step in each language its playbook says it in; absent for a step the rep wrote, or written before. */
  texts?: Partial<Record<Locale, string>>;
  due: string;
  /** superseded: replaced by a newer step (after a class change); closed, like skipped. */
  state: 'open' | 'done' | 'skipped' | 'superseded';
  stateAt?: string;
  /** The visit the step came from, or the day the rep added it. */
  since: string;
  /** The last day it is for, when it prepares a visit: moot after it (stepLapsed). */
  until?: string;
  /** Added by the rep (checklist add), not by a session. */
  byRep: boolean;
}

export type StepReopened = { kind: 'step-reopened'; date: string; stepId: number; text: string; before: 'done' | 'skipped' };
export type StepAdded = { kind: 'step-added'; date: string; stepId: number; text: string; due: string };
/** A manager's answer to the seed's question ("why is this an A?"): the class confirmed, or questioned. */
export type ClassReviewed = { kind: 'class-validated' | 'class-challenged'; date: string; by: string; class?: string; note: string };
/** A rep's answer to a manager's question on a class (`to`: the question's event id): the thread stays open. */
export type NoteReplied = { kind: 'note-replied'; date: string; by: string; to: number; note: string };
/** The manager closes the question `to` (answered, or settled), with a word or not. */
export type NoteResolved = { kind: 'note-resolved'; date: string; by: string; to: number; note?: string };
/** Events as stored: the engine's, the rep's own changes to steps made outside a session, a manager's review and its thread. */
export type StoredAccountEvent = AccountEvent | StepReopened | StepAdded | ClassReviewed | NoteReplied | NoteResolved;

export interface StoredEvent {
  id: number;
  account: string;
  visitId?: number;
  at: string;
  event: StoredAccountEvent;
}

/**
 * A playbook as it classified visits, kept with the history by its content (Playbook.hash): `source`
 * is its files' text (playbook/snapshot.ts), so `stats` and `report` find its windows, ranks and
 * roles after the file is moved or deleted.
 */
export interface StoredPlaybook {
  hash: string;
  id: string;
  source: string;
}

export interface SaveVisit {
  account: string;
  /**
   * The visit; `habitAnswers` are its answers to the questions its playbook's habit roles read
   * (askedToSign, metFirstKp; unanswered ones as null), kept apart so statsHistory reads them
   * without parsing every visit's answers.
   */
  visit: Omit<VisitRow, 'id' | 'createdAt'> & { habitAnswers?: Answers };
  /** The account's state after the visit and what happened, both from applyVisit. */
  state: AccountState;
  events: AccountEvent[];
  /** "now", for created_at stamps: the store does not read the clock either. */
  at: string;
  /** The playbook as the rep named it (an id or a file path). */
  playbookSource?: string;
  /** The playbook that classified the visit, by content: kept once (a playbook already kept is not written again). */
  playbook?: StoredPlaybook;
  /** A visit sent again (from the journal of visits kept while the team database was away) is saved once. */
  origin?: string;
  /**
   * The account's revision (Store.accountRevision) when the state this visit was applied to was read:
   * a save that finds the account changed since (another save, a step closed meanwhile) writes
   * nothing and fails with AccountChanged, so that the visit is applied again to the new state.
   */
  basedOn?: string;
}

/** A fact changed between visits (`account set`): the account's new state and its events, without a visit. */
export interface SaveEdit {
  account: string;
  state: AccountState;
  events: AccountEvent[];
  at: string;
  /** As for a visit: the save fails with AccountChanged if the account moved on since it was read. */
  basedOn?: string;
}

/** What saveVisit did: saved now, or kept on this machine for later (the team database could not be reached). */
export interface SavedVisit {
  visitId: number;
  accountId: number;
  /** Kept in the local journal of visits, to be sent by the next command that reaches the team database. */
  pending?: boolean;
}

export const PIPELINE_FLAGS = ['window', 'no_next', 'one_contact', 'provisional', 'overdue'] as const;
export type PipelineFlag = (typeof PIPELINE_FLAGS)[number];

export interface PipelineQuery {
  today: string;
  /** Group keys: a class id, "provisional" or "new". */
  groups?: string[];
  flags?: PipelineFlag[];
  sort?: 'class' | 'age' | 'due' | 'name' | 'value';
  /** At most this many rows per group; all rows when absent. */
  limitPerGroup?: number;
  /**
   * A rep of the manager's team (team database): their review as they see it, read through row-level
   * security (a manager reads, never writes, a rep's rows). Absent: the current role's own.
   */
  owner?: string;
}

/** One group of the review: a class (as the playbook named and ranked it), provisional, or new. */
export interface PipelineGroup {
  key: string;
  class?: string;
  rank?: number;
  labels?: Partial<Record<Locale, string>>;
  dropped: boolean;
  count: number;
}

export interface Pipeline {
  groups: PipelineGroup[];
  /** signedOn: a signed account's day of signature (its latest `signed` event). */
  rows: (AccountRow & { flags: PipelineFlag[]; signedOn?: string })[];
  total: number;
  flagCounts: Record<PipelineFlag, number>;
  /** The deals' values added up per group (a class, provisional, new, signed) and currency: accounts with a value only. */
  values?: GroupValue[];
}

export interface GroupValue {
  group: string;
  currency?: string;
  amount: number;
  /** The accounts of the group with a value. */
  accounts: number;
}

/** A forecast as kept (Store.keepForecast): its week's Monday, its kind of period, the day it was made, its period, and the forecast as JSON. */
export interface ForecastSnapshot {
  week: string;
  kind: string;
  madeOn: string;
  from: string;
  to: string;
  data: string;
}

/** What `forecast` reads (Store.forecastAccounts). */
export interface ForecastAccounts {
  /** In play, classified, with their day in the period and their window not over. */
  rows: AccountRow[];
  /**
   * The others in play, counted per playbook, class and currency: past their day (or their window),
   * after the period, provisional, or not classified yet; with how many have a value and its sum.
   */
  outside: { playbookId?: string; class?: string; kind: 'past' | 'after' | 'provisional' | 'unclassified'; currency?: string; accounts: number; valued: number; amount: number }[];
  /** The first few past their day, by name. */
  pastNames: string[];
}

export interface AccountTimeline {
  account: AccountRow;
  contacts: Contact[];
  visits: VisitRow[];
  events: StoredEvent[];
  checklist: ChecklistRow[];
}

export interface ImportRow {
  line: number;
  account: string;
  /** The role is a value of the playbook's role question, checked by the importer. */
  contact?: Omit<Contact, 'role' | 'approvalLayers'> & { role?: string };
}

export interface ImportOptions {
  /** "now", for created_at stamps. */
  at: string;
  /** Count what would change, write nothing and hold no write lock. */
  dryRun?: boolean;
  /** Called every few thousand rows with the rows done so far. */
  onProgress?(n: number): void;
}

export interface ImportCounts {
  accounts: number;
  contactsAdded: number;
  /** Existing contacts (same name, same account) to which the file changes a field. */
  contactsUpdated: number;
  /** Existing contacts the file names with nothing new. */
  contactsUnchanged: number;
}

/** What `stats` and `report` read (statsHistory): plain rows, no rule applied. */
export interface StatsQuery {
  /**
   * Only accounts visited on or after this day (YYYY-MM-DD: their latest visit is on or after it).
   * Each account returned still comes with its whole history: the core decides what counts.
   */
  since?: string;
  /** Only this account (matched as account names are everywhere: case and spacing do not matter). */
  account?: string;
  /**
   * The day the flags are seen from: an account whose kept next step has lapsed by then (core/steps.ts
   * isLapsed) gets as `nextDue` its first step still alive, as the review does; absent: the kept one.
   */
  today?: string;
  /**
   * Question ids whose answers each visit row carries (the value as stored in the visit's answers;
   * a question the visit did not answer is absent). Nothing else of a visit's answers is read.
   */
  answers?: string[];
  /** false: every account's `visits` left empty (the weekly report reads none). Default true. */
  visits?: boolean;
}

/** The events statsHistory returns: what a class was given and how it turned out. */
export type StatsEvent = Extract<AccountEvent, { kind: 'class-changed' | 'signed' | 'dropped' }>;

/** One visit, compact: no result, no free text beyond the answers asked for. */
export interface StatsVisit {
  date: string;
  mode: Mode;
  playbookId: string;
  /** The person met (or to be met, for a prep), as the visit named them: a prep and a debrief of one day and person are one visit. */
  person?: string;
  /** Only the question ids of StatsQuery.answers that this visit answered (null: answered "skip"). */
  answers: Answers;
}

/** One account as statsHistory returns it: its state now, its class history and its visits. */
export interface StatsAccount {
  name: string;
  /** The rep whose account it is, when a manager reads it (a report of their rep or team). */
  rep?: string;
  playbookId?: string;
  class?: string;
  classStatus?: ClassStatus;
  classRank?: number;
  classLabels?: Partial<Record<Locale, string>>;
  classDeadline?: string;
  signed: boolean;
  dropped: boolean;
  /** People on record at the account (met, planned or imported). */
  contacts: number;
  /** Open next steps, and the earliest due date among them. */
  openItems: number;
  nextDue?: string;
  lastVisit?: string;
  /** The deal's value and the day the customer expects to sign (forecast). */
  value?: DealValue;
  closeDate?: string;
  /** Its class-changed, signed and dropped events, oldest first (by date, then in the order recorded). */
  events: StatsEvent[];
  /** Its visits (prep, debrief and plan), oldest first (by date, then in the order recorded). */
  visits: StatsVisit[];
}

/** What `today` reads to find the visits planned (Store.plannedVisits). */
export interface PlannedVisitsQuery {
  /** Accounts last visited on or after this day (YYYY-MM-DD); a dropped account only with a visit prepared (planned_for). */
  since: string;
  /** Question ids whose answers, as the latest session (not a plan) gave them, each row carries. */
  answers: string[];
}

/** An account that may have a visit planned: its latest session's answers asked for, and the days preps were saved for. */
export interface PlannedVisitsRow {
  name: string;
  /** A D: only its prepared visits count (a D's next meeting is not planned work). */
  dropped?: boolean;
  playbookId?: string;
  lastVisit?: string;
  /** Only the question ids asked for that the latest session answered. */
  answers: Answers;
  /** The days its people's visits were prepared for (each person's plannedFor), each once. */
  preparedFor: string[];
}

export interface StepsDueQuery {
  /** Open steps due on or after this day; absent: from the earliest (overdue ones included). */
  from?: string;
  /** Open steps due on or before this day. */
  to: string;
  /** Only this account's steps. */
  account?: string;
}

export interface Store {
  /** The account's state for the engine (people, facts, open steps, last answers); undefined if new. */
  accountState(account: string): Promise<AccountState | undefined>;
  /**
   * A token that changes whenever the account's state does ("new" for an account not yet stored):
   * read it before the state, hand it to saveVisit as `basedOn`.
   */
  accountRevision(account: string): Promise<string>;
  getAccount(account: string): Promise<AccountRow | undefined>;
  /** The accounts' name keys (as names are compared), at most `limit`: for the first question's cache. */
  accountKeys(limit: number): Promise<string[]>;
  /** One write: the visit, the events, the account's new state, its people and steps. */
  saveVisit(visit: SaveVisit): Promise<SavedVisit>;
  /** The account's facts and people as `account set` left them, and its events: no visit is written. */
  saveEdit(edit: SaveEdit): Promise<void>;
  pipeline(q: PipelineQuery): Promise<Pipeline>;
  /** Per class given: how many times, how many decided, how many signed within the window (stats' calibration, counted by the database). */
  classCalibration(windows: readonly { playbookId: string; class: string; max: number }[], today: string, owner?: string): Promise<{ class: string; given: number; decided: number; inWindow: number }[]>;
  keepForecast(f: ForecastSnapshot): Promise<void>;
  keptForecasts(before: string, owner?: string): Promise<ForecastSnapshot[]>;
  /** Every account's class history, its events with their class and status only (the forecast's calibration); a manager's rep's with `owner`. */
  classHistory(owner?: string): Promise<StatsAccount[]>;
  /** The accounts in play whose day falls from `today` to `to`, and counts of the others (forecast). */
  forecastAccounts(q: { today: string; to: string; owner?: string }): Promise<ForecastAccounts>;
  /** Events of every account dated on or after `date`, oldest first. */
  eventsSince(date: string, kinds?: StoredAccountEvent['kind'][], owner?: string): Promise<StoredEvent[]>;
  timeline(account: string): Promise<AccountTimeline | undefined>;
  renameAccount(from: string, to: string): Promise<void>;
  mergeAccounts(from: string, into: string): Promise<void>;
  deleteAccount(account: string): Promise<void>;
  openChecklist(account?: string): Promise<ChecklistRow[]>;
  /**
   * Close (done/skipped) or reopen a step; recorded as an event so that it can be undone. `undoes`:
   * this change undoes that earlier change (an event id from lastChecklistChange), and is marked so
   * in its event, so that the next undo walks further back instead of undoing this one.
   */
  setChecklistState(id: number, state: 'open' | 'done' | 'skipped', at: string, today: string, undoes?: number): Promise<{ row: ChecklistRow; before: ChecklistRow['state'] }>;
  addChecklistItem(account: string, text: string, due: string, at: string, today: string): Promise<ChecklistRow>;
  /**
   * The rep's latest change of a step's state by hand not yet undone (for undo), if any: undo walks
   * back the history (done 1, done 2, undo, undo: step 2, then step 1). `event` is its event's id.
   */
  lastChecklistChange(): Promise<{ id: number; before: ChecklistRow['state']; after: ChecklistRow['state']; event: number } | undefined>;
  /**
   * All rows or none, in one transaction, read as they come (a million rows never sit in memory). A
   * contact with the same name (same normalisation as account names) in the same account is updated:
   * a cell left empty keeps what is stored. With dryRun, the counts and nothing written.
   */
  importRows(rows: AsyncIterable<ImportRow>, opts: ImportOptions): Promise<ImportCounts>;
  exportAll(): Promise<{ accounts: AccountRow[]; contacts: (Contact & { account: string })[]; visits: (VisitRow & { account: string })[]; checklist: ChecklistRow[]; events: StoredEvent[] }>;
  /**
   * Every account (or those of the query), each with its class-changed, signed and dropped events and
   * its visits reduced to date, mode, playbook and the answers named in `q.answers`; accounts in no
   * particular order. For `stats` and `report` over 100,000 accounts and 1,000,000 visits: a store reads this in
   * a few ordered passes and never the visits' results. It computes nothing (no rates, no windows).
   */
  statsHistory(q: StatsQuery): Promise<StatsAccount[]>;
  /**
   * `today`'s accounts (see PlannedVisitsQuery), in two reads however many accounts: the latest
   * session's answers asked for, and the days prepared for. Accounts in no particular order.
   */
  plannedVisits(q: PlannedVisitsQuery): Promise<PlannedVisitsRow[]>;
  /** The playbooks kept with the history (SaveVisit.playbook), the latest kept first. */
  storedPlaybooks(): Promise<StoredPlaybook[]>;
  /** Open steps due in [from, to] (as `openChecklist` returns them), by due date then id. */
  stepsDue(q: StepsDueQuery): Promise<ChecklistRow[]>;
  close(): Promise<void>;
}

/** What `store push` moved: rows added, and rows already there that it brought up to date. */
export interface PushCounts {
  accounts: number;
  accountsUpdated: number;
  contacts: number;
  visits: number;
  steps: number;
  stepsUpdated: number;
  events: number;
}

/** What a manager's review reads (TeamStore.teamReview): the view model of `team review`. */
export interface TeamReviewData {
  groups: (PipelineGroup & { rep: string; flagCounts: Record<PipelineFlag, number> })[];
  /** Flags counted per rep rather than per group (window and overdue, kept per day); added to the groups' sums. */
  repFlags?: Record<string, Partial<Record<PipelineFlag, number>>>;
  /** Accounts that need attention, each with the number of such accounts its rep has. */
  attention: { rep: string; total: number; row: Pipeline['rows'][number] }[];
  /** What moved (with a limit, each rep's first moves of the period) and the managers' notes (all). */
  events: { rep: string; event: StoredEvent }[];
  /** How many moves each rep had in the period, those left out by the limit counted. */
  movedTotal?: Record<string, number>;
  /** Each rep's debriefs in the period, and accounts in play not visited since the untouched day. */
  activity?: Record<string, { debriefs: number; untouched: number }>;
  /** Each rep's deals' values per group and currency (valued accounts only). */
  values?: (GroupValue & { rep: string })[];
  /** Rows the program cannot read (changed outside sales-coach), each left out of the review: whose, and what (e.g. `class of "Acme"`). */
  damaged?: Damaged[];
  /** Visits prepared and not debriefed, their day gone (TeamStore.undebriefedVisits: read beside the review). */
  undebriefed?: { rep: string; account: string; date: string }[];
  /** The noted accounts that have signed since, with the day (TeamStore.signedAccounts): a question on their class is history. */
  signed?: { rep: string; account: string; date: string }[];
  /** Accounts in play untouched (TeamStore.untouchedAccounts: read beside the review), each with its last visit on or before today. */
  untouched?: { rep: string; account: string; lastVisit?: string }[];
  /** Accounts whose last session is dated after today (a prep ahead), with their last on or before today (TeamStore.visitedBy). */
  visitedBy?: { rep: string; account: string; lastVisit?: string }[];
}

/** A stored row left out of a manager's read because it cannot be read: whose it is, and what it is. */
export interface Damaged {
  rep: string;
  what: string;
}

/**
 * A store a whole team shares (PostgreSQL): every row has an owner (a rep's database role), a manager
 * reads their reps' rows and writes notes on them, and a team admin sets the team up. Reached through
 * isTeamStore, never a cast.
 */
export interface TeamStore extends Store {
  readonly team: true;
  /** The server and database, as they may be shown (never a password). */
  readonly where: string;
  currentUser(): Promise<string>;
  /** The reps this user manages, at any depth: their own, and their managers' reps (a roll-up). */
  managedReps(): Promise<string[]>;
  /** The same reps, each with their manager (this user, or a manager under them). */
  teamTree(): Promise<{ rep: string; manager: string }[]>;
  /** `everyAccount`: every account of the reps, not only those that need attention (JSON and CSV). */
  /** untouchedSince: count each rep's accounts in play last visited before this day (activity). */
  teamReview(reps: string[], today: string, since: string, limitPerRep?: number, opts?: { everyAccount?: boolean; untouchedSince?: string }): Promise<TeamReviewData>;
  /** The visits these reps prepared for a day in [from, today) with no debrief of the person since. */
  undebriefedVisits(reps: string[], from: string, today: string): Promise<{ rep: string; account: string; date: string }[]>;
  /** Of these reps' accounts named, those signed by `today`, with the day of their signature. */
  signedAccounts(reps: string[], names: string[], today: string): Promise<{ rep: string; account: string; date: string }[]>;
  /**
   * These reps' accounts in play untouched since `since` as the review counts them (a prep dated ahead
   * is not a visit), oldest first, at most `limitPerRep` each, with the last visit on or before `today`.
   */
  untouchedAccounts(reps: string[], today: string, since: string, limitPerRep?: number): Promise<{ rep: string; account: string; lastVisit?: string }[]>;
  /** These reps' accounts whose last session is dated after `today` (a prep ahead), with their last on or before it. */
  visitedBy(reps: string[], today: string): Promise<{ rep: string; account: string; lastVisit?: string }[]>;
  /** A rep's account as their manager reads it. */
  teamAccount(rep: string, account: string): Promise<AccountTimeline | undefined>;
  /** The reps of `reps` who have an account of this name. */
  ownersOf(account: string, reps: string[]): Promise<string[]>;
  /**
   * statsHistory of this role, or of `owner` (a rep of the manager's team). Given `damaged`, a row
   * that cannot be read is pushed there and left out, instead of failing the whole read.
   */
  statsHistory(q: StatsQuery, owner?: string, damaged?: Damaged[]): Promise<StatsAccount[]>;
  stepsDue(q: StepsDueQuery, owner?: string): Promise<ChecklistRow[]>;
  reviewClass(rep: string, account: string, kind: 'class-validated' | 'class-challenged', note: string, at: string, today: string): Promise<{ by: string; class?: string; status?: string; name: string; closed: boolean }>;
  /** The questions asked on these reps' accounts up to `today` (a manager's), each event with its rep: the threads' events. */
  teamThreads(reps: string[], today: string): Promise<{ rep: string; event: StoredEvent }[]>;
  /** A rep answers the open question on their own account (the latest the manager asked and has not closed). */
  replyToNote(account: string, note: string, at: string, today: string): Promise<{ by: string; name: string; asked: string }>;
  /** A manager closes every open question on a rep's account, with a word or not: how many were open, and who asked them. */
  resolveNotes(rep: string, account: string, note: string | undefined, at: string, today: string): Promise<{ by: string; name: string; closed: number; answered: boolean }>;
  /**
   * Managers' notes on this rep's accounts (class-validated and class-challenged events), oldest
   * first; with `unseen`, only those written since the account's latest session was saved. A team
   * database has them; the store on one rep's machine has no manager (reached through isTeamStore).
   */
  reviewNotes(account?: string, opts?: { unseen?: boolean }): Promise<StoredEvent[]>;
  /** Sets the schema up or upgrades it (the team admin); how many migrations ran. */
  migrate(): Promise<number>;
  addMember(name: string, opts: { manager?: string; password?: string; at: string }): Promise<{ created: boolean }>;
  removeMember(name: string): Promise<{ accounts: number }>;
  /** Moves every account of `from` (a removed rep's) to `to`, a member of the team. */
  reassign(from: string, to: string): Promise<{ accounts: number }>;
  members(): Promise<{ rep: string; manager?: string; accounts: number }[]>;
  /** `store push`: a rep's local history, all or nothing, never putting back what the team database moved on from. */
  receive(h: RawHistory): Promise<PushCounts>;
}

/** Whether this store is a team's (and has a team's commands). */
export function isTeamStore(s: Store): s is TeamStore {
  return 'team' in s && s.team === true;
}

/** The account changed between reading its state and saving a visit applied to it: nothing was written. */
export class AccountChanged extends Error {
  constructor(readonly account: string) {
    super(`the account "${account}" changed while this visit was being recorded`);
    this.name = 'AccountChanged';
  }
}

/**
 * What each StoreError says, as values: its key and what it names. The store words it in English (the
 * message and hint, for logs and tests); the CLI words it in the session's language from these
 * (src/ui/store-messages.ts), never by reading the English back.
 */
export interface StoreErrorParams {
  busy: { path: string };
  /** what is read-only: the database file, the folder holding it, or a -wal/-shm file beside it */
  readOnly: { file: string; what: 'file' | 'folder' | 'side' };
  diskFull: { path: string };
  notADatabaseOrDamaged: { path: string };
  parentIsAFile: { path: string };
  cannotOpen: { path: string; detail: string };
  isAFolder: { path: string };
  notAFile: { path: string };
  notSqlite: { path: string };
  /** known: the newest schema this sales-coach knows, when the message says it */
  newerSchema: { path: string; version: number; known?: number; team: boolean };
  /** appId: its application id (0: none), tables: its tables when it has none */
  foreignSqlite: { path: string; appId: number; tables: string[] };
  damaged: { path: string; detail: string };
  brokenReferences: { path: string };
  /** a stored row that cannot be read: `what` as the store names it (class of "Acme", history of "Acme", …) */
  damagedRow: { what: string };
  accountKeptChanging: { account: string; tries: number };
  noAccount: { name: string };
  accountExists: { from: string; to: string };
  sameAccount: { from: string; into: string };
  noChecklistItem: { id: number };
  stepSuperseded: { id: number; reopen: boolean; account: string };
  stepLapsed: { id: number; until: string; account: string };
  pgNoPassword: { where: string };
  pgBadPassword: { where: string };
  pgNoDatabase: { where: string };
  pgPermission: { where: string; detail: string };
  pgBadName: { where: string; detail: string };
  pgBadRow: { where: string; detail: string };
  pgTimeout: { where: string };
  pgSsl: { where: string; detail: string };
  pgUnreachable: { where: string; detail: string };
  pgNotSetUp: { where: string; version: number; known: number };
  noteAfterToday: { date: string };
  /** A step closed on a day before the session (or the rep) gave it. */
  stepBeforeGiven: { id: number; since: string; date: string; done: boolean };
  /** A note dated before the account's first session: the class it would speak of did not exist yet. */
  noteBeforeAccount: { date: string; account: string; first: string };
  noteOnOwnAccount: Record<string, never>;
  notYourRep: { rep: string };
  repHasNoAccount: { rep: string; account: string };
  /** `account reply` or `account resolve` on an account with no question open; `rep` when the manager asked. */
  noOpenQuestion: { account: string; rep?: string };
  badRoleName: { role: string };
  reservedRoleName: { role: string };
  ownManager: { name: string };
  adminNotMember: { me: string };
  superuserMember: { name: string };
  foreignRolePassword: { name: string };
  superuserManager: { name: string };
  managerLoop: { name: string; manager: string };
  notInTeam: { name: string };
  sameRole: { from: string; to: string };
  moveToNonMember: { to: string };
  moveClash: { from: string; to: string; names: string[] };
  nothingToMove: { from: string };
}
export type StoreErrorKey = keyof StoreErrorParams;
/** One StoreError's key with its values. */
export type StoreErrorSaid = { [K in StoreErrorKey]: { key: K; params: StoreErrorParams[K] } }[StoreErrorKey];

/** A mistake the user can fix (unknown account, name taken…): the CLI prints it without a stack. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly hint: string | undefined,
    /** the same, as a key and values: the CLI says it in the session's language */
    readonly said: StoreErrorSaid,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/**
 * Where a kept visit goes: the server itself (its system identifier, or the address it answered on,
 * whatever address reached it), the database and the role the server said this was. Compared as a
 * whole: a visit is never sent to another server, database or rep (a user taken from PGUSER is the
 * role the server named, not the address's).
 */
export interface OutboxTarget {
  server: string;
  database: string;
  role: string;
}

/** The local journal of visits waiting for the team database (cli/outbox.ts keeps it in files). */
export type KeptVisit = SaveVisit & {
  origin: string;
  /** The address it was saved through, as shown (user@host:port/db): for the rep to read. */
  target: string;
  /** Where it goes (absent in a visit kept by an earlier sales-coach: then matched by `target`). */
  to?: OutboxTarget;
};
export interface VisitOutbox {
  put(visit: KeptVisit): void;
  list(): { id: string; visit: KeptVisit }[];
  remove(id: string): void;
  /** Moves a visit the database refused out of the way; where it now is (undefined: another command already did). */
  setAside(id: string): string | undefined;
}
