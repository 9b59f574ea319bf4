/**
 * The store as the rest of the program sees it: accounts, contacts, visits, checklist items, class
 * history. Asynchronous and free of SQL, so that a shared team database (PostgreSQL) can implement
 * it later; only src/store knows it is SQLite today.
 */
import type { Answers } from '../engine/answers.js';
import type { CoachingResult } from '../engine/evaluate.js';
import type { Mode } from '../playbook/types.js';

export type BuyingRole = 'first_kp' | 'second_kp' | 'third_kp' | 'unknown';

export interface Contact {
  name: string;
  title?: string;
  role?: BuyingRole;
  reportsTo?: string;
  approvalLayers?: string;
  persona?: string;
  email?: string;
  phone?: string;
}

export interface AccountRow {
  id: number;
  name: string;
  createdAt: string;
  class?: string;
  classStatus?: 'classified' | 'provisional' | 'unclassified';
  classSince?: string;
  lastVisit?: string;
  signed: boolean;
  contacts: number;
  openItems: number;
  nextDue?: string;
  nextItem?: string;
}

export interface VisitRow {
  id: number;
  mode: Mode;
  date: string;
  playbookId: string;
  playbookHash: string;
  answers: Answers;
  result: CoachingResult;
  createdAt: string;
}

export interface ChecklistRow {
  id: number;
  account: string;
  key: string;
  text: string;
  due: string;
  state: 'open' | 'done' | 'skipped';
  stateAt?: string;
  visitDate: string;
}

export interface ClassChange {
  account: string;
  date: string;
  from?: string;
  to?: string;
  status: string;
  reason: string;
}

export interface SaveVisit extends Omit<VisitRow, 'id' | 'createdAt'> {
  account: string;
  contact?: Contact;
  /** "now", for created_at stamps: the store does not read the clock either. */
  at: string;
}

export interface PipelineQuery {
  today: string;
  /** Class -> days after which an unsigned account of that class is overdue for reclassification. */
  windows: Record<string, number>;
  classFilter?: string[];
  limitPerClass?: number;
}

export interface AccountTimeline {
  account: AccountRow;
  contacts: Contact[];
  visits: VisitRow[];
  classes: ClassChange[];
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

export interface Store {
  /** The last stored visit of an account (for defaults and "what changed"), if any. */
  lastVisit(account: string): Promise<VisitRow | undefined>;
  getAccount(account: string): Promise<AccountRow | undefined>;
  saveVisit(visit: SaveVisit): Promise<{ visitId: number; accountId: number }>;
  /** The pipeline with each account's flags (window, no_next, one_contact, provisional, overdue) as of q.today. */
  pipeline(q: PipelineQuery & { flags?: string[]; sort?: string; all?: boolean }): Promise<{ rows: (AccountRow & { flags: string[] })[]; total: number; byClass: Record<string, number>; flagCounts: Record<string, number> }>;
  classChangesSince(date: string): Promise<ClassChange[]>;
  timeline(account: string): Promise<AccountTimeline | undefined>;
  renameAccount(from: string, to: string): Promise<void>;
  mergeAccounts(from: string, into: string): Promise<void>;
  deleteAccount(account: string): Promise<void>;
  openChecklist(account?: string): Promise<ChecklistRow[]>;
  setChecklistState(id: number, state: 'done' | 'skipped', at: string): Promise<ChecklistRow>;
  /**
   * All rows or none, in one transaction, read as they come (a million rows never sit in memory). A
   * contact with the same name (same normalisation as account names) in the same account is updated:
   * a cell left empty keeps what is stored. With dryRun, the counts and nothing written.
   */
  importRows(rows: AsyncIterable<ImportRow>, opts: ImportOptions): Promise<ImportCounts>;
  exportAll(): Promise<{ accounts: AccountRow[]; contacts: (Contact & { account: string })[]; visits: (VisitRow & { account: string })[]; checklist: ChecklistRow[]; classes: ClassChange[] }>;
  /** Drafts of interrupted interviews: synchronous, because a kill from outside cannot wait. */
  saveDraft(key: string, mode: string, account: string | undefined, data: unknown, at: string): void;
  findDraft(key: string | undefined, mode: string): unknown | undefined;
  removeDraft(key: string): void;
  close(): void;
}

/** A mistake the user can fix (unknown account, name taken…): the CLI prints it without a stack. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
