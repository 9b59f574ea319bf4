/**
 * The rows of a sales-coach database as the program reads them, shared by the embedded store
 * (SQLite) and the team store (PostgreSQL): both keep the same columns, so one mapping serves both,
 * and what is read back is checked (rows.ts) whichever database it came from.
 */
import { orderGroups } from '../core/pipeline-groups.js';
import { DamagedRow, LabelsRow, readAnswers, readEvent, readLabels, readResult, readStatsEvent } from './rows.js';
import type { AnswerValue, Answers } from '../engine/answers.js';
import type { Mode } from '../playbook/types.js';
import type { Selectable } from './kysely.js';
import type { AccountDbRow, AccountEventsTable, ChecklistItemsTable, ContactsTable, VisitsTable } from './schema.js';
import type { AccountState } from '../engine/account.js';
import { type AccountRow, type ChecklistRow, type Contact, PIPELINE_FLAGS, type StatsAccount, type StatsEvent, type StatsVisit, type PipelineFlag, type PipelineGroup, type StoredAccountEvent, type StoredEvent, type VisitRow } from './types.js';

/** An account's row as either database gives it back. */
export type AccountDb = AccountDbRow;

/**
 * A class's labels, read once per distinct text and shared (frozen): a review of 10,000 accounts
 * holds a handful of label sets, and checking each row's cost a schema check per row.
 */
const labelSets = new Map<string, AccountRow['classLabels']>();
function labelsOf(text: string, name: string): AccountRow['classLabels'] {
  let l = labelSets.get(text);
  if (!l) {
    l = Object.freeze(readLabels(text, `class of "${name}"`));
    if (labelSets.size < 1000) labelSets.set(text, l);
  }
  return l;
}

/** The account columns statsHistory reads. */
export const STATS_COLUMNS = 'id, name, playbook_id, class, class_status, class_rank, class_labels, class_deadline, signed, dropped, contacts_count, open_items, next_due, next_until, last_visit, amount, currency, close_date';

export function accountRow(r: AccountDb): AccountRow {
  return {
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    ...(r.playbook_id ? { playbookId: r.playbook_id } : {}),
    ...(r.playbook_source ? { playbookSource: r.playbook_source } : {}),
    ...(r.class ? { class: r.class } : {}),
    ...(r.class_status ? { classStatus: r.class_status as AccountRow['classStatus'] } : {}),
    ...(r.class_since ? { classSince: r.class_since } : {}),
    ...(r.class_rank !== null ? { classRank: r.class_rank } : {}),
    ...(r.class_labels ? { classLabels: labelsOf(r.class_labels, r.name) } : {}),
    ...(r.class_deadline ? { classDeadline: r.class_deadline } : {}),
    ...(r.last_visit ? { lastVisit: r.last_visit } : {}),
    ...(r.last_person ? { lastPerson: r.last_person } : {}),
    signed: r.signed === 1,
    dropped: r.dropped === 1,
    contacts: r.contacts_count,
    openItems: r.open_items,
    ...(r.next_due ? { nextDue: r.next_due } : {}),
    ...(r.next_item ? { nextItem: r.next_item } : {}),
    ...(r.next_item && stepTexts(r.next_texts) ? { nextItemTexts: stepTexts(r.next_texts) } : {}),
    ...(typeof r.amount === 'number' ? { value: { amount: r.amount, ...(r.currency ? { currency: r.currency } : {}) } } : {}),
    ...(r.close_date ? { closeDate: r.close_date } : {}),
  };
}

export type VisitDb = Selectable<VisitsTable>;

export function visitRow(r: VisitDb, account: string): VisitRow {
  const what = `visit of ${r.date} to "${account}"`;
  return {
    id: r.id,
    mode: r.mode,
    date: r.date,
    playbookId: r.playbook_id,
    playbookHash: r.playbook_hash,
    ...(r.person ? { person: r.person } : {}),
    answers: readAnswers(r.answers, what),
    result: readResult(r.result, what),
    createdAt: r.created_at,
  };
}

export interface ChecklistDb {
  id: number;
  account: string;
  item_key: string;
  text: string;
  texts?: string | null;
  due: string;
  lives_until?: string | null;
  state: ChecklistRow['state'];
  state_at: string | null;
  since: string | null;
  visit_id: number | null;
}

/**
 * A step's words in each language: a column that cannot be read costs the translations, never the
 * step (its own text is always there).
 */
export function stepTexts(text: string | null | undefined): ChecklistRow['texts'] | undefined {
  if (!text) return undefined;
  try {
    const r = LabelsRow.safeParse(JSON.parse(text));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

export function checklistRow(r: ChecklistDb): ChecklistRow {
  const texts = stepTexts(r.texts);
  return { id: r.id, account: r.account, key: r.item_key, text: r.text, ...(texts ? { texts } : {}), due: r.due, state: r.state, ...(r.state_at ? { stateAt: r.state_at } : {}), since: r.since ?? '', ...(r.lives_until ? { until: r.lives_until } : {}), byRep: r.visit_id === null };
}

export const CHECKLIST_SELECT = `SELECT i.id, a.name AS account, i.item_key, i.text, i.due, i.state, i.state_at, i.visit_id, coalesce(v.date, i.added_on) AS since
  FROM checklist_items i JOIN accounts a ON a.id = i.account_id LEFT JOIN visits v ON v.id = i.visit_id`;

export interface EventDb {
  id: number;
  account: string;
  visit_id: number | null;
  date: string;
  kind: string;
  data: string;
  at: string;
}

export const EVENT_SELECT = 'SELECT e.id, a.name AS account, e.visit_id, e.date, e.kind, e.data, e.at FROM account_events e JOIN accounts a ON a.id = e.account_id';

export function storedEvent(r: EventDb): StoredEvent {
  return { id: r.id, account: r.account, ...(r.visit_id !== null ? { visitId: r.visit_id } : {}), at: r.at, event: readEvent(r.kind, r.date, r.data, `history of "${r.account}"`) };
}

export function contactOf(c: Selectable<ContactsTable>, account: string): Contact {
  const out: Contact = { id: Number(c.id), name: String(c.name), facts: readAnswers(String(c.facts ?? '{}'), `facts of ${String(c.name)} at "${account}"`) };
  for (const [col, key] of [
    ['title', 'title'],
    ['role', 'role'],
    ['reports_to', 'reportsTo'],
    ['approval_layers', 'approvalLayers'],
    ['persona', 'persona'],
    ['email', 'email'],
    ['phone', 'phone'],
    ['first_met', 'firstMet'],
    ['last_met', 'lastMet'],
    ['planned_for', 'plannedFor'],
  ] as const) {
    const v = c[col];
    if (typeof v === 'string' && v !== '') (out as unknown as Record<string, string>)[key] = v;
  }
  return out;
}

/** An event's columns: its kind and date apart (they are queried), the rest as JSON. */
export function eventData(e: StoredAccountEvent): string {
  const { kind: _k, date: _d, ...rest } = e;
  return JSON.stringify(rest);
}

/** A store's rows as they are, linked by their ids (what `store push` carries to the team database). */
export interface RawHistory {
  accounts: AccountDbRow[];
  contacts: Selectable<ContactsTable>[];
  visits: VisitDb[];
  checklist: Selectable<ChecklistItemsTable>[];
  events: Selectable<AccountEventsTable>[];
}

/**
 * The rows of a history that the program cannot read (each as rows.ts names it: `class of "Acme"`,
 * `visit of 2026-11-20 to "Acme"`…): `store push` refuses them by name rather than copy them.
 */
export function damagedRows(h: RawHistory): string[] {
  const out: string[] = [];
  const names = new Map(h.accounts.map((a) => [a.id, a.name]));
  const check = (work: () => unknown) => {
    try {
      work();
    } catch (err) {
      if (!(err instanceof DamagedRow)) throw err;
      out.push(err.what);
    }
  };
  for (const a of h.accounts) {
    check(() => accountRow(a));
    check(() => readAnswers(a.facts, `facts of "${a.name}"`));
  }
  for (const c of h.contacts) check(() => contactOf(c, names.get(c.account_id) ?? '?'));
  for (const v of h.visits) check(() => visitRow(v, names.get(v.account_id) ?? '?'));
  for (const e of h.events) check(() => readEvent(e.kind, e.date, e.data, `history of "${names.get(e.account_id) ?? '?'}"`));
  return out;
}

/**
 * The review's groups from rows counted by class and status (one per pair, with the flags summed):
 * classes and statuses fold into groups, each with its rank and labels; then the total and the
 * flags' counts. Both stores count in SQL and fold here.
 */
export function foldGroups(rows: Record<string, unknown>[]): { groups: PipelineGroup[]; total: number; flagCounts: Record<PipelineFlag, number> } {
  const flagCounts = Object.fromEntries(PIPELINE_FLAGS.map((k) => [k, 0])) as Record<PipelineFlag, number>;
  let total = 0;
  const byKey = new Map<string, PipelineGroup>();
  for (const g of rows) {
    // a signed account is won, not in play: its own group, whatever its class
    const signed = Number(g.signed) === 1;
    const key = signed ? 'signed' : String(g.class ?? g.class_status ?? 'new');
    total += Number(g.n);
    for (const k of PIPELINE_FLAGS) flagCounts[k] += Number(g[k] ?? 0);
    const group = byKey.get(key) ?? { key, ...(!signed && g.class !== null && g.class !== undefined ? { class: String(g.class) } : {}), dropped: false, count: 0 };
    group.count += Number(g.n);
    if (!signed && g.rank !== null && g.rank !== undefined && (group.rank === undefined || Number(g.rank) < group.rank)) group.rank = Number(g.rank);
    if (!signed && g.labels && !group.labels) group.labels = readLabels(String(g.labels), `class ${key}`);
    if (Number(g.dropped) === 1) group.dropped = true;
    byKey.set(key, group);
  }
  return { groups: orderGroups([...byKey.values()]), total, flagCounts };
}

/** The engine's state of an account from its row, its people, its steps (open, and closed by the rep) and its last answers. */
export function accountStateOf(a: AccountDb, people: Contact[], openSteps: ChecklistDb[], lastAnswers: string | undefined): AccountState {
  const row = accountRow(a);
  return {
    name: a.name,
    ...(row.playbookId ? { playbookId: row.playbookId } : {}),
    ...(row.class ? { class: row.class } : {}),
    ...(row.classStatus ? { classStatus: row.classStatus } : {}),
    ...(row.classSince ? { classSince: row.classSince } : {}),
    ...(row.classRank !== undefined ? { classRank: row.classRank } : {}),
    ...(row.classLabels ? { classLabels: row.classLabels } : {}),
    ...(row.classDeadline ? { classDeadline: row.classDeadline } : {}),
    ...(row.lastVisit ? { lastVisit: row.lastVisit } : {}),
    ...(row.lastPerson ? { lastPerson: row.lastPerson } : {}),
    signed: row.signed,
    dropped: row.dropped,
    facts: readAnswers(a.facts, `facts of "${a.name}"`),
    ...(row.value ? { value: row.value } : {}),
    ...(row.closeDate ? { closeDate: row.closeDate } : {}),
    ...(lastAnswers !== undefined ? { lastAnswers: readAnswers(lastAnswers, `last visit to "${a.name}"`) } : {}),
    // contactOf always reads the facts column: every contact here is a full Person
    people: people as AccountState['people'],
    openSteps: openSteps.filter((r) => r.state === 'open').map((r) => {
      const texts = stepTexts(r.texts);
      return { id: r.id, key: r.item_key, text: r.text, ...(texts ? { texts } : {}), due: r.due, since: r.since ?? '', ...(r.lives_until ? { until: r.lives_until } : {}) };
    }),
    // the steps the rep closed: a later session does not hand the same step back
    closedSteps: openSteps.filter((r) => r.state === 'done' || r.state === 'skipped').map((r) => ({ key: r.item_key, text: r.text })),
    // the steps that lapsed with the visit they prepared, not done: one given again is the same step
    lapsedSteps: openSteps.filter((r) => r.state === 'superseded' && r.lives_until).map((r) => ({ id: r.id, key: r.item_key, due: r.due, until: r.lives_until as string })),
  };
}

/**
 * statsHistory's rows read into values shared wherever they are equal. A hundred thousand accounts
 * hold a handful of distinct classes, statuses, label sets and playbooks, some hundreds of days, and
 * events whose texts repeat (the same class given for the same reasons on the same day): each is read
 * once and handed out again, frozen, since stats and the report only read them. Every object kept per
 * row was one more for the collector to copy; that copying was a third of `stats`' time.
 */
/** Events read before deciding whether their texts repeat enough to be remembered. */
const EVENT_SAMPLE = 4096;

export class StatsRows {
  private readonly texts = new Map<string, string>();
  private readonly labelSets = new Map<string, StatsAccount['classLabels']>();
  private readonly events = new Map<string, Map<string, Map<string, StatsEvent>>>();
  private readonly visitsAlike = new Map<string, Map<string, Map<string, Map<string, Map<Answers, StatsVisit>>>>>();
  private readonly answersAlike = new Map<string, Answers>();
  private eventReads = 0;
  private eventRepeats = 0;
  private eventsApart = false;

  /** One instance of each short repeated text (a class id, a status, a day, a playbook id). */
  text<T extends string>(s: T): T {
    const known = this.texts.get(s);
    if (known !== undefined) return known as T;
    this.texts.set(s, s);
    return s;
  }

  /** An account, its events and visits still to come. */
  account(r: AccountDb): StatsAccount {
    let l = r.class_labels ? this.labelSets.get(r.class_labels) : undefined;
    if (r.class_labels && !l) {
      l = Object.freeze(readLabels(r.class_labels, `class of "${r.name}"`));
      this.labelSets.set(r.class_labels, l);
    }
    // set one field at a time: a spread per optional field made 100,000 accounts eight times as many objects
    const a: StatsAccount = { name: r.name, signed: r.signed === 1, dropped: r.dropped === 1, contacts: r.contacts_count, openItems: r.open_items, events: [], visits: [] };
    if (r.playbook_id) a.playbookId = this.text(r.playbook_id);
    if (r.class) a.class = this.text(r.class);
    if (r.class_status) a.classStatus = this.text(r.class_status as NonNullable<StatsAccount['classStatus']>);
    if (r.class_rank !== null && r.class_rank !== undefined) a.classRank = r.class_rank;
    if (l) a.classLabels = l;
    if (r.class_deadline) a.classDeadline = this.text(r.class_deadline);
    if (r.next_due) a.nextDue = this.text(r.next_due);
    if (r.last_visit) a.lastVisit = this.text(r.last_visit);
    if (typeof r.amount === 'number') a.value = r.currency ? { amount: r.amount, currency: this.text(r.currency) } : { amount: r.amount };
    if (r.close_date) a.closeDate = this.text(r.close_date);
    return a;
  }

  /**
   * An event of one of the kinds stats reads, checked (see readStatsEvent), shared with its equals.
   * Events are told apart by their text, which usually repeats (the reasons come from the playbook's
   * rules); where it does not, remembering each text costs more than it saves, and after a sample
   * with few repeats they are read one by one.
   */
  event(kind: string, date: string, data: string, account: string): StatsEvent {
    if (this.eventsApart) return readStatsEvent(kind, this.text(date), data, account) as StatsEvent;
    if (this.eventReads > EVENT_SAMPLE && this.eventRepeats * 4 < this.eventReads) {
      this.eventsApart = true;
      this.events.clear();
      return this.event(kind, date, data, account);
    }
    this.eventReads++;
    const byDate = branch(branch(this.events, kind), data);
    let e = byDate.get(date);
    if (!e) {
      e = readStatsEvent(kind, this.text(date), data, account) as StatsEvent;
      byDate.set(date, e);
    } else {
      this.eventRepeats++;
      // frozen once it is shared: no account's reader may change another's
      if (!Object.isFrozen(e)) deepFreeze(e);
    }
    return e;
  }

  /** A visit, shared with every visit of the same day, mode, playbook, person and (already shared) answers. */
  visit(date: string, mode: StatsVisit['mode'], playbookId: string, answers: Answers, person?: string | null): StatsVisit {
    const byAnswers = branch(branch(branch(branch(this.visitsAlike, mode), playbookId), date), person ?? '');
    let v = byAnswers.get(answers);
    if (!v) {
      v = Object.freeze({ date: this.text(date), mode: this.text(mode), playbookId: this.text(playbookId), ...(person ? { person: this.text(person) } : {}), answers });
      byAnswers.set(answers, v);
    }
    return v;
  }

  /**
   * The answers of a visit to the questions asked for (`ids`), from their values in that order
   * (absent or null: not answered), shared with every visit that answered alike.
   */
  answers(ids: readonly string[], values: readonly unknown[]): Answers {
    const key = JSON.stringify(values);
    let a = this.answersAlike.get(key);
    if (!a) {
      const built: Answers = {};
      // a stored null reads as not answered, which is what a missing answer means to stats
      ids.forEach((id, i) => {
        const v = values[i];
        if (v !== null && v !== undefined) built[id] = v as Answers[string];
      });
      a = deepFreeze(built);
      this.answersAlike.set(key, a);
    }
    return a;
  }
}

/** The map under key in a map of maps, made on first use. */
function branch<K, M extends Map<unknown, unknown>>(maps: Map<K, M>, key: K): M {
  let m = maps.get(key);
  if (!m) {
    m = new Map() as M;
    maps.set(key, m);
  }
  return m;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** An answer's JSON text as read back from the database: a plain string without escapes is sliced, not parsed. */
function jsonValue(text: string): AnswerValue {
  return text.charCodeAt(0) === 34 && !text.includes('\\') ? text.slice(1, -1) : (JSON.parse(text) as AnswerValue);
}

/**
 * An account's visits as both stores pack them for stats, one text per account: each visit's fields
 * joined by \u001f (day, mode, playbook, the person in hex: a name may hold any character, the
 * separators too; then its habit answers whole as one JSON text, or, for a visit saved before they
 * were kept apart, the values asked for, each a JSON text), the visits joined by \u001e in (date, id)
 * order. Each distinct visit text is read once: a million visits are a few thousand distinct ones (a
 * day of the year times a handful of answers), shared through StatsRows.
 */
export class PackedVisits {
  private readonly alike = { whole: new Map<string, StatsVisit>(), values: new Map<string, StatsVisit>() };

  constructor(
    private readonly rows: StatsRows,
    private readonly ids: readonly string[],
  ) {}

  private visitOf(one: string, whole: boolean): StatsVisit {
    const seen = whole ? this.alike.whole : this.alike.values;
    let v = seen.get(one);
    if (!v) {
      const a = one.indexOf('\u001f');
      const b = one.indexOf('\u001f', a + 1);
      const c = one.indexOf('\u001f', b + 1);
      const d = one.indexOf('\u001f', c + 1);
      const text = d < 0 ? '' : one.slice(d + 1);
      const person = Buffer.from(one.slice(c + 1, d < 0 ? undefined : d), 'hex').toString('utf8');
      let values: unknown[];
      if (whole) {
        const all = text ? (JSON.parse(text) as Answers) : {};
        values = this.ids.map((id) => all[id]);
      } else {
        const f = text.split('\u001f');
        values = this.ids.map((_, i) => (f[i] === undefined || f[i] === '' ? undefined : jsonValue(f[i])));
      }
      v = this.rows.visit(one.slice(0, a), one.slice(a + 1, b) as Mode, one.slice(b + 1, c), this.rows.answers(this.ids, values), person);
      seen.set(one, v);
    }
    return v;
  }

  /** One account's packed visits; `whole`: with their habit answers whole, else the values asked for. */
  unpack(text: string, whole: boolean): StatsAccount['visits'] {
    const visits = text.split('\u001e').map((one) => this.visitOf(one, whole));
    // the rows come in (account, date, id) order, which the packing keeps; checked rather than
    // assumed (SQLite's group_concat does not promise it): out of date order, sorted here
    for (let i = 1; i < visits.length; i++) {
      if (visits[i].date < visits[i - 1].date) return visits.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    }
    return visits;
  }

  /** An account's visits of both kinds in date order, the older kind first on the same day (all were recorded before the first of the new kind). */
  withOlder(visits: StatsAccount['visits'], older: StatsAccount['visits']): StatsAccount['visits'] {
    // a stable sort by date alone keeps the older kind first on the same day
    return visits.length ? [...older, ...visits].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)) : older;
  }
}
