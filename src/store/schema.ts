/**
 * The tables of a sales-coach database as the query layer (kysely) types them: one schema for both
 * databases. The team database (PostgreSQL) adds to each owned row whose it is (`owner`, the rep's
 * role), an `origin` to rows sent once, and who wrote an event; those columns are optional here and
 * read or written only by the team store. Dates are ISO text in both (YYYY-MM-DD sorts as it reads).
 */
import type { Generated, Insertable, Selectable } from './kysely.js';

export interface AccountsTable {
  id: Generated<number>;
  owner?: Generated<string>;
  name: string;
  name_key: string;
  created_at: string;
  playbook_id: string | null;
  playbook_source: string | null;
  class: string | null;
  class_status: string | null;
  class_since: string | null;
  class_rank: number | null;
  class_labels: string | null;
  class_deadline: string | null;
  last_visit: string | null;
  last_person: string | null;
  signed: Generated<number>;
  dropped: Generated<number>;
  facts: Generated<string>;
  contacts_count: Generated<number>;
  open_items: Generated<number>;
  next_due: string | null;
  next_item: string | null;
  /** JSON: the next step in each language (next_item's translations); null for none or before. */
  next_texts?: string | null;
  /** The last day of the next step (checklist_items.lives_until), when it has one: after it, the review looks for the next live step (SQLite 13, PostgreSQL 13). */
  next_until?: string | null;
  after_due?: string | null;
  after_until?: string | null;
  /** The deal's value, its ISO 4217 currency and the expected signing day (SQLite 15, PostgreSQL 15). */
  amount?: number | null;
  currency?: string | null;
  close_date?: string | null;
}

export interface ContactsTable {
  id: Generated<number>;
  owner?: Generated<string>;
  account_id: number;
  name: string;
  title: string | null;
  role: string | null;
  reports_to: string | null;
  approval_layers: string | null;
  persona: string | null;
  email: string | null;
  phone: string | null;
  facts: Generated<string>;
  first_met: string | null;
  last_met: string | null;
  planned_for: string | null;
}

export interface VisitsTable {
  id: Generated<number>;
  owner?: Generated<string>;
  account_id: number;
  mode: 'prep' | 'debrief' | 'plan';
  date: string;
  playbook_id: string;
  playbook_hash: string;
  person: string | null;
  answers: string;
  result: string;
  created_at: string;
  habit_answers: string | null;
  origin?: string | null;
}

export interface ChecklistItemsTable {
  id: Generated<number>;
  owner?: Generated<string>;
  account_id: number;
  visit_id: number | null;
  item_key: string;
  text: string;
  /** JSON: the step in each language (migration 10 / PostgreSQL 8); null for a step written before. */
  texts?: string | null;
  due: string;
  /** The last day a step that prepares a visit is for (migration 12 / PostgreSQL 11); null: no such end. */
  lives_until?: string | null;
  state: Generated<'open' | 'done' | 'skipped' | 'superseded'>;
  state_at: string | null;
  added_on: string | null;
  origin?: string | null;
}

export interface AccountEventsTable {
  id: Generated<number>;
  owner?: Generated<string>;
  account_id: number;
  visit_id: number | null;
  date: string;
  kind: string;
  data: string;
  at: string;
  by_user?: Generated<string>;
  origin?: string | null;
}

/** The playbooks that classified visits, by content (Playbook.hash); PostgreSQL also records who kept one. */
export interface PlaybooksTable {
  hash: string;
  id: string;
  source: string;
  saved_at: string;
  saved_by?: Generated<string>;
}

export interface TeamMembersTable {
  rep: string;
  manager: string | null;
  added_at: string;
}

/**
 * The review's totals, kept by triggers (migrations.ts countsSchema): per group of the review's
 * columns, the accounts and those with each date-free flag.
 */
export interface AccountCountsTable {
  owner?: string;
  k: string;
  class: string | null;
  class_status: string | null;
  class_rank: number | null;
  dropped: number;
  signed: number;
  class_labels: string | null;
  n: number;
  provisional: number;
  no_next: number;
  one_contact: number;
  /** PostgreSQL (migration 13): those needing attention whatever the day (provisional, or in play with no next step). */
  attention?: number;
}

/**
 * Per day: the accounts whose signing window ends then ('deadline'), whose next step is due then
 * ('due'); on PostgreSQL (migration 13) also those not already counted in `attention` that need
 * attention from then ('attention': the earlier of the two).
 */
export interface AccountDatesTable {
  owner?: string;
  // 'attention' (PostgreSQL 13) and 'touched' (PostgreSQL 17) for team review alone
  kind: 'deadline' | 'due' | 'attention' | 'touched';
  date: string;
  n: number;
}

export interface DB {
  account_counts: AccountCountsTable;
  account_dates: AccountDatesTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  visits: VisitsTable;
  checklist_items: ChecklistItemsTable;
  account_events: AccountEventsTable;
  team_members: TeamMembersTable;
  playbooks: PlaybooksTable;
  forecast_snapshots: ForecastSnapshotsTable;
}

/** A forecast kept (migration 16): one a week for each kind of period. */
export interface ForecastSnapshotsTable {
  id: Generated<number>;
  owner?: Generated<string>;
  week: string;
  kind: string;
  made_on: string;
  period_from: string;
  period_to: string;
  data: string;
}

export type AccountDbRow = Selectable<AccountsTable>;
export type ContactDbRow = Selectable<ContactsTable>;
export type NewContact = Insertable<ContactsTable>;
