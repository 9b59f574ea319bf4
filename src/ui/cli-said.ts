/**
 * What the command line says, as keys and the values each echoes: its errors (UserError's `said`) and
 * its confirmations. Types only, so a command pays nothing at start for them; the words are in
 * src/ui/cli-messages*.ts, one typed catalogue per language other than English, loaded when one is to
 * be said (src/cli/errors.ts, loadCliWords). English stays at the place that says it, as the store's errors do.
 * Names, flags, paths and values are kept as the user typed them (or as the system named them).
 */

/** Why a file could not be read or written: the system's code, if it gave one, and its English words. */
export interface FsWhy {
  code?: string;
  text: string;
}

/** What readFileBounded was reading, as the program names it. */
export type FileWhat = 'the answers file' | 'the playbook' | 'the translation file' | 'the config file' | 'the password file' | 'the test file' | 'the calendar' | 'the file';

/** An error said already by another part of the program (the store, or a UserError), wrapped by one that adds to it. */
export interface Inner {
  /** the English, as it was said */
  message: string;
  hint?: string;
  /** a StoreError's key and values, to say it again in the session's language */
  store?: { key: string; params: unknown };
  /** a UserError's */
  cli?: CliSaid;
}

/** suggest()'s English ("did you mean …?", "expected one of …"): the other languages word it from its parts. */
export type Suggestion = string;

export interface CliParams {
  // -- playbooks and files ---------------------------------------------------------------------------
  userPlaybookFolderMissing: { dir: string };
  noPlaybook: { target: string; ids: string[] };
  noSuchPath: { path: string };
  noPlaybookIn: { path: string };
  playbookInvalid: { target: string; command: string };
  playbookGone: { account: string; ref: string };
  accountPlaybookGone: { playbook: string; account: string };
  noTemplate: { name: string; templates: string[] };
  noSuchSchema: { kind: string; kinds: string[] };
  whichLanguage: Record<string, never>;
  cannotTranslateInto: { value: string; locales: string[] };
  fromOnlyZhTW: { from: string; locale: string };
  translationsUnreadable: { file: string };
  translatedInvalid: Record<string, never>;
  seedNotInteger: { seed: string };
  noSuchTestTarget: { path: string };
  whichPlaybookTested: { path: string };
  notAPlaybook: { path: string };
  folderInPlace: { file: string };
  fileExists: { file: string; nothingWritten?: boolean; both?: boolean; fileName?: boolean };
  cannotWrite: { file: string; why: FsWhy; kept: boolean };
  notRegularFile: { what: FileWhat; path: string; kinds: boolean };
  fileTooLarge: { what: FileWhat; path: string; size?: string; limit: string };
  cannotCreateFolder: { folder: string; why: FsWhy };
  journalBlocked: { what: 'the draft' | 'the visit for the team database'; dir: string };
  journalUnwritable: { what: 'the draft' | 'the visit for the team database'; dir: string; why: FsWhy };
  noCompletion: { shell: string; shells: string[] };
  // -- dates, flags and values -----------------------------------------------------------------------
  notADate: { flag: string; value: string; example: string };
  sinceAfterToday: { since: string; today: string };
  sinceNotAPeriod: { since: string };
  unknownFlag: { flag: string; flags: string[] };
  limitNotCount: { value: string };
  badSort: { value: string };
  badPeriod: { value: string };
  untouchedNotDays: { value: string };
  unknownClass: { cls: string; known: string[] };
  clockOutOfRange: { shown: string; min: number; max: number };
  unknownLanguage: { value: string };
  notASession: { mode: string; modes: string[] };
  noDraftToDiscard: { mode: string; account?: string };
  // -- sessions and answers files --------------------------------------------------------------------
  stdinIdle: { seconds: number };
  stdinTooLarge: { mb: number };
  stdinUnreadable: { why: string };
  noTerminal: { mode: string };
  answersUnreadable: { file: string; why: FsWhy };
  noDraftToResume: { mode: string; account?: string; command: string };
  blankAccountName: { name: string; command: string };
  emptyAccountName: Record<string, never>;
  saveFailed: { inner: Inner; resume?: string };
  savedButOutFailed: { inner: Inner };
  answersHaveMistakes: Record<string, never>;
  answersCannotBeRead: Record<string, never>;
  unknownPersona: { persona: string; suggestion: Suggestion };
  noQuestion: { id: string; playbook: string; suggestion: Suggestion };
  stoppedNothingSaved: Record<string, never>;
  answersToGive: { count: number };
  noAnswer: { id: string; question: string; from: boolean };
  // -- accounts and steps ----------------------------------------------------------------------------
  noAccount: { name: string; meant?: string };
  noRepAccount: { name: string; rep: string; meant?: string };
  /** A manager named an account they have none of: whose it is (`reps`), among their team. */
  accountOfRep: { name: string; reps: string[]; team: string[] };
  newNameEmpty: Record<string, never>;
  deleteNeedsConfirm: { name: string };
  nothingToSet: Record<string, never>;
  noPerson: { person: string; account: string; suggestion?: Suggestion };
  notAChange: { text: string };
  noSuchFact: { id: string; playbook: string; suggestion: Suggestion; person: boolean };
  answerNotFact: { id: string };
  factOfOther: { id: string; person: boolean };
  notAnItemNumber: { id: string };
  whichAccountForStep: Record<string, never>;
  emptyStep: Record<string, never>;
  dueInPast: { due: string; today: string };
  dateAfterToday: { flag: string; value: string; today: string };
  // -- import, export, report, calendar --------------------------------------------------------------
  exportWhat: Record<string, never>;
  exportTaken: { files: string[] };
  importWhat: Record<string, never>;
  mapRoleShape: { text: string };
  /** a word of --map-role or map_role: that maps no word, or to no role of the playbook (values: the roles) */
  roleMapProblem: { source: string; word: string; target: string; values?: string[] };
  noAccountColumn: { place: string; headers: string[]; names: string[]; delimiter?: string };
  importProblems: { file: string; count: number };
  /** import's progress line (on a terminal only): the first pass, checking every row */
  importChecking: { file: string; rows: number };
  /** import's progress line: the second pass, writing (or, with --dry-run, counting) */
  importProgress: { dryRun: boolean; done: number; total: number; percent: number };
  /** a bad row of the CSV (src/import's RowProblem or CsvProblem): its code, and its English words to take the values from */
  csvRowProblem: { place: string; code: string; message: string };
  /** a hint under the bad rows (one of a few, each said once) */
  csvRowHint: { hint: string };
  csvChanged: { file: string };
  unknownEncoding: { name: string };
  headerUnreadable: { place: string; tooMany?: number; detail: string };
  csvEmpty: { file: string };
  csvUnreadable: { file: string; why: FsWhy };
  csvIsFolder: { file: string };
  csvNotRegular: { file: string };
  csvTooLarge: { file: string; gb: string; limitGb: number };
  cannotRead: { file: string; code?: string; detail: string };
  notEncodingText: { place: string; encoding?: string };
  reportWhere: Record<string, never>;
  repOrTeam: Record<string, never>;
  notICalendar: { file: string; detail: string };
  noVcalendar: { file: string };
  calendarUnreadable: { file: string };
  // -- the store and the team ------------------------------------------------------------------------
  unknownStore: { scheme: string; close?: string };
  badTeamUrl: Record<string, never>;
  passwordInUrl: Record<string, never>;
  notTeamAddress: { url: string };
  passwordFileOpen: { file: string };
  passwordFileUnreadable: { file: string; newRep: boolean };
  passwordFileEmpty: { file: string };
  configUnreadable: { file: string };
  configEnvMissing: { file: string };
  configProblem: { place: string; message: string; hint?: string };
  repNeedsTeamDb: Record<string, never>;
  reportNeedsTeamDb: { flag: string };
  teamCommandNeedsTeamDb: { what: string; path?: string };
  notYourRep: { rep: string; team: string[]; meant?: string };
  noRepsManaged: Record<string, never>;
  managerEmpty: Record<string, never>;
  reviewNeedsRep: { verb: string };
  resolveOwnAccount: { account: string };
  reviewNeedsNote: { verb: string; challenge: boolean };
  replyNeedsNote: Record<string, never>;
  accuracyOfOneRep: Record<string, never>;
  pushNeedsTo: Record<string, never>;
  noLocalDb: { path: string };
  damagedRows: { count: number; path: string };
  // -- confirmations ---------------------------------------------------------------------------------
  renamed: { from: string; to: string };
  merged: { from: string; into: string };
  nothingDeleted: Record<string, never>;
  deleted: { name: string };
  discardedDraft: { mode: string; account?: string };
  wroteReport: { file: string; kb: number };
  wroteFile: { file: string };
  wroteStarter: { files: string[]; validate: string; test: string };
  prefilled: { count: number };
  wroteTexts: { count: number; file: string; done: number; locale: string };
  wroteIcs: { count: number; file: string };
  wroteCsv: { folder: string };
  noAccountInGroups: { groups: string[]; known: string[] };
  /** account delete's question, before anything is deleted */
  confirmDelete: { name: string; visits: number; contacts: number; steps: number };
  /** a visit kept for the team database that the database refused */
  visitRefused: { reason: string; file: string };
  /** visits kept on this machine, now sent to the team database */
  keptVisitsSent: { count: number };
  /** import's summary, line by line as the English one (src/cli/import.ts) */
  importSummary: {
    file: string;
    rows: number;
    delimiter: 'comma' | 'semicolon' | 'tab';
    dryRun: boolean;
    accounts: number;
    contactsAdded: number;
    contactsUpdated: number;
    contactsUnchanged: number;
    /** each field read, with its columns in the order their values are tried */
    read: { field: ImportField; headers: string[] }[];
    unread: { header: string; column: number; noHeader: boolean; why?: 'noRoleQuestion' | 'noPersonas' }[];
    nameless?: { count: number; lines: number[] };
    noContact?: 'noRows' | 'noNameColumn' | 'emptyNames' | 'emptyNamesNoDetails';
  };
}

/** A field of the import's columns (src/import/columns.ts's Field). */
export type ImportField = 'account' | 'name' | 'firstName' | 'lastName' | 'title' | 'role' | 'reportsTo' | 'persona' | 'email' | 'phone';

export type CliKey = keyof CliParams;

/** One message as a key and its values, the key deciding the values' type. */
export type CliSaid = { [K in CliKey]: { key: K; params: CliParams[K] } }[CliKey];
