/**
 * The store, written once over a typed query builder (kysely) that speaks both databases: the
 * embedded SQLite file (sqlite.ts) and the team's PostgreSQL database (postgres.ts) differ only in
 * how they open, what their errors mean, the few queries where raw SQL pays (statsHistory, the
 * import), and, for PostgreSQL, that every row has an owner: `scoped` stores read and write only the
 * current role's rows (row-level security enforces it; the filter keeps a manager's own review to
 * their own accounts).
 */
import type { AccountState } from '../engine/account.js';
import { nameKey } from '../engine/names.js';
import { stepRowChange } from './events.js';
import { type CompiledQuery, type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from './kysely.js';
import { planContactMerge } from './merge-contacts.js';
import { readAnswerValues } from './rows.js';
import type { DB } from './schema.js';
import { accountRow, accountStateOf, type ChecklistDb, checklistRow, contactOf, type EventDb, eventData, foldGroups, stepTexts, storedEvent, visitRow } from './shape.js';
import {
  type AccountRow,
  type AccountTimeline,
  type ForecastAccounts,
  type ForecastSnapshot,
  type ChecklistRow,
  type Contact,
  type ImportCounts,
  type ImportOptions,
  type ImportRow,
  PIPELINE_FLAGS,
  type Pipeline,
  type PipelineFlag,
  type PipelineQuery,
  type PlannedVisitsQuery,
  type PlannedVisitsRow,
  type SavedVisit,
  type SaveEdit,
  type SaveVisit,
  type StatsAccount,
  type StatsEvent,
  type StatsQuery,
  type StepsDueQuery,
  type Store,
  type StoredAccountEvent,
  type StoredEvent,
  type StoredPlaybook,
  AccountChanged,
  StoreError,
} from './types.js';
import { afterStepSql } from './after-step.js';
import { type ChecklistChange, latestNotUndoneAsync, undoMark } from './undo.js';

export type Q = Kysely<DB>;

/** An event's data as an object; a row changed outside sales-coach reads as empty, not as a crash. */
function readJson(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The account's deal columns from its state (engine/account.ts withDeal). */
export function dealColumns(s: AccountState): { amount: number | null; currency: string | null; close_date: string | null } {
  return { amount: s.value?.amount ?? null, currency: s.value?.currency ?? null, close_date: s.closeDate ?? null };
}
/** A built query: compiled to SQL and parameters, or run by kysely. */
export type Runnable<R> = { compile(): CompiledQuery; execute(): Promise<R[]> };

/**
 * The pipeline's flags against `today` (see PipelineQuery), as conditions. Dates compare as text.
 * overdue is core/steps.ts hasOverdueStep in SQL: an open step still alive (not lapsed) due before
 * today; the kept next step unless it has lapsed (liveNextStep), so the flag and the review's "next
 * step" column never disagree.
 */
export function flagConditions(today: string): Record<PipelineFlag, RawBuilder<SqlBool>> {
  return {
    window: sql<SqlBool>`signed = 0 AND dropped = 0 AND class_deadline IS NOT NULL AND class_deadline < ${today}`,
    no_next: sql<SqlBool>`signed = 0 AND dropped = 0 AND open_items = 0`,
    one_contact: sql<SqlBool>`signed = 0 AND dropped = 0 AND contacts_count <= 1`,
    provisional: sql<SqlBool>`class_status = 'provisional'`,
    overdue: sql<SqlBool>`next_due IS NOT NULL AND ${liveDue(today)} < ${today}`,
  };
}

/** The same flags as 1 or 0, alike in both databases. */
export function flagExpressions(today: string): Record<PipelineFlag, RawBuilder<number>> {
  const conditions = flagConditions(today);
  return Object.fromEntries(PIPELINE_FLAGS.map((k) => [k, sql<number>`(CASE WHEN ${conditions[k]} THEN 1 ELSE 0 END)`])) as Record<PipelineFlag, RawBuilder<number>>;
}

/**
 * An account's next step as the review shows it on `today`: the one kept on its row (refreshAccount),
 * unless that step's last day has passed (core/steps.ts isLapsed: "confirm the meeting of 3 Dec" on
 * 5 Dec), then its first open step still alive that day, read from its steps. A step lapses only
 * until the account's next session closes it, so the steps are read for few rows. `row` names the
 * accounts table as the query has it.
 */
export function liveNextStep(today: string, row = 'accounts') {
  const lapsed = sql<SqlBool>`${sql.ref(`${row}.next_until`)} IS NOT NULL AND ${sql.ref(`${row}.next_until`)} < ${today}`;
  const live = (column: 'due' | 'text' | 'texts') =>
    sql<string | null>`(SELECT o.${sql.raw(column)} FROM checklist_items o WHERE o.account_id = ${sql.ref(`${row}.id`)} AND o.state = 'open' AND (o.lives_until IS NULL OR o.lives_until >= ${today}) ORDER BY o.due, o.id LIMIT 1)`;
  const pick = (kept: string, column: 'due' | 'text' | 'texts') => sql<string | null>`(CASE WHEN ${lapsed} THEN ${live(column)} ELSE ${sql.ref(`${row}.${kept}`)} END)`;
  return { live_due: pick('next_due', 'due'), live_item: pick('next_item', 'text'), live_texts: pick('next_texts', 'texts') };
}

/**
 * The due day of an account's next step alive on `today`, as liveNextStep's, read from the row: the
 * kept step's, or once it has lapsed the step after it (migrations.ts afterSchema); only when that one
 * has lapsed too are the account's steps read. What the overdue flag compares.
 */
export function liveDue(today: string, row = 'accounts') {
  const r = (c: string) => sql.ref(`${row}.${c}`);
  return sql<string | null>`(CASE WHEN ${r('next_until')} IS NULL OR ${r('next_until')} >= ${today} THEN ${r('next_due')} WHEN ${r('after_until')} IS NULL OR ${r('after_until')} >= ${today} THEN ${r('after_due')} ELSE ${liveNextStep(today, row).live_due} END)`;
}

/** A row read with liveNextStep's columns, its next step replaced by the live one. */
export function withLiveNext<R extends { next_due: string | null; next_item: string | null; next_texts?: string | null }>(r: R & { live_due: string | null; live_item: string | null; live_texts: string | null }): R {
  const { live_due, live_item, live_texts, ...rest } = r;
  return { ...(rest as unknown as R), next_due: live_due, next_item: live_item, next_texts: live_texts };
}

export abstract class SqlStore implements Store {
  /** Rows are the current role's own (PostgreSQL's `owner`); false for the one-rep SQLite file. */
  protected abstract readonly scoped: boolean;

  constructor(readonly kdb: Q) {}

  /**
   * Runs a query built with kysely. The team store lets kysely run it; the embedded store hands the
   * compiled SQL to better-sqlite3 itself (kysely's own path costs about 0.1 ms a query, and a visit
   * takes twenty).
   */
  protected abstract exec<R>(query: Runnable<R>): Promise<R[]>;

  protected readonly all = <R>(query: Runnable<R>): Promise<R[]> => this.exec(query);
  protected readonly first = async <R>(query: Runnable<R>): Promise<R | undefined> => (await this.exec(query))[0];
  protected readonly one = async <R>(query: Runnable<R>): Promise<R> => {
    const rows = await this.exec(query);
    if (rows.length === 0) throw new Error(`no row: ${query.compile().sql}`);
    return rows[0];
  };

  /** A database error as the user's problem (busy, read-only, unreachable…), else undefined. */
  protected abstract describe(err: unknown): StoreError | undefined;

  abstract statsHistory(q: StatsQuery): Promise<StatsAccount[]>;
  abstract importRows(rows: AsyncIterable<ImportRow>, opts: ImportOptions): Promise<ImportCounts>;
  abstract close(): Promise<void>;

  /** Text ordered byte by byte, as SQLite orders it (PostgreSQL would follow the server's locale). */
  protected abstract bytewise(column: string): Expression<string>;

  /** The value under `key` in a JSON text column, as JSON text (null when absent). */
  protected abstract jsonField(column: string, key: string): RawBuilder<string | null>;

  /** The text under `key` in a JSON text column (unquoted; null when absent). */
  protected abstract jsonText(column: string, key: string): RawBuilder<string | null>;

  /** The days from one YYYY-MM-DD text to another (`to` minus `from`). */
  protected abstract daysSql(from: RawBuilder<unknown>, to: RawBuilder<unknown>): RawBuilder<number>;

  protected async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw this.describe(err) ?? err;
    }
  }

  /** One transaction: all of `work` or nothing (SQLite takes the write lock at once). */
  protected write<T>(work: (q: Q) => Promise<T>): Promise<T> {
    return this.run(() => this.kdb.transaction().execute(work));
  }

  /** `column` is the given owner's, or the current role's (a no-op where rows have no owner). */
  protected owned(column: string, owner?: string): Expression<SqlBool> {
    if (!this.scoped) return sql<boolean>`1 = 1`;
    return owner === undefined ? sql<boolean>`${sql.ref(column)} = current_user` : sql<boolean>`${sql.ref(column)} = ${owner}`;
  }

  protected async accountId(q: Q, name: string): Promise<number | undefined> {
    const r = await q.selectFrom('accounts').select('id').where('name_key', '=', nameKey(name)).where(this.owned('owner')).$call(this.first);
    return r?.id;
  }

  protected async requireAccount(q: Q, name: string): Promise<number> {
    const id = await this.accountId(q, name);
    if (id === undefined) throw new StoreError(`no account "${name}"`, 'sales-coach accounts lists them', { key: 'noAccount', params: { name } });
    return id;
  }

  protected checklistQuery(q: Q) {
    return q
      .selectFrom('checklist_items as i')
      .innerJoin('accounts as a', 'a.id', 'i.account_id')
      .leftJoin('visits as v', 'v.id', 'i.visit_id')
      .select(['i.id', 'i.account_id', 'a.name as account', 'i.item_key', 'i.text', 'i.texts', 'i.due', 'i.lives_until', 'i.state', 'i.state_at', 'i.visit_id', (eb) => eb.fn.coalesce('v.date', 'i.added_on').as('since')]);
  }

  /** Events with their account's name; on a team database, with the role PostgreSQL recorded as their writer. */
  protected eventQuery(q: Q) {
    return q
      .selectFrom('account_events as e')
      .innerJoin('accounts as a', 'a.id', 'e.account_id')
      .select(['e.id', 'a.name as account', 'e.visit_id', 'e.date', 'e.kind', 'e.data', 'e.at'])
      .$if(this.scoped, (qb) => qb.select('e.by_user'));
  }

  /** A stored event; a manager's note names who PostgreSQL says wrote it, whatever its text claims. */
  protected event(r: EventDb & { by_user?: string | null }): StoredEvent {
    const e = storedEvent(r);
    if ((e.event.kind === 'class-validated' || e.event.kind === 'class-challenged' || e.event.kind === 'note-replied' || e.event.kind === 'note-resolved') && r.by_user) e.event.by = r.by_user;
    return e;
  }

  protected async refreshAccount(q: Q, id: number): Promise<void> {
    await q
      .updateTable('accounts')
      .set((eb) => ({
        contacts_count: eb.selectFrom('contacts').select((x) => x.fn.countAll<number>().as('n')).whereRef('contacts.account_id', '=', 'accounts.id'),
        open_items: eb.selectFrom('checklist_items as o').select((x) => x.fn.countAll<number>().as('n')).whereRef('o.account_id', '=', 'accounts.id').where('o.state', '=', 'open'),
        next_due: eb.selectFrom('checklist_items as o').select((x) => x.fn.min('o.due').as('d')).whereRef('o.account_id', '=', 'accounts.id').where('o.state', '=', 'open'),
        next_item: eb.selectFrom('checklist_items as o').select('o.text').whereRef('o.account_id', '=', 'accounts.id').where('o.state', '=', 'open').orderBy('o.due').orderBy('o.id').limit(1),
        next_texts: eb.selectFrom('checklist_items as o').select('o.texts').whereRef('o.account_id', '=', 'accounts.id').where('o.state', '=', 'open').orderBy('o.due').orderBy('o.id').limit(1),
        next_until: eb.selectFrom('checklist_items as o').select('o.lives_until').whereRef('o.account_id', '=', 'accounts.id').where('o.state', '=', 'open').orderBy('o.due').orderBy('o.id').limit(1),
        // the step after it (migrations.ts afterSchema): the first still alive after the kept one's last day
        after_due: sql<string | null>`${sql.raw(afterStepSql('due'))}`,
        after_until: sql<string | null>`${sql.raw(afterStepSql('lives_until'))}`,
      }))
      .where('id', '=', id)
      .$call(this.all);
  }

  protected async addEvent(q: Q, accountId: number, visitId: number | null, e: StoredAccountEvent, at: string, origin?: string): Promise<void> {
    await q
      .insertInto('account_events')
      .values({ account_id: accountId, visit_id: visitId, date: e.date, kind: e.kind, data: eventData(e), at, ...(origin !== undefined ? { origin } : {}) })
      .$call(this.all);
  }

  protected async readState(q: Q, a: Awaited<ReturnType<SqlStore['accountRowOf']>> & object): Promise<AccountState> {
    const people = (await q.selectFrom('contacts').selectAll().where('account_id', '=', a.id).orderBy('id').$call(this.all)).map((p) => contactOf(p, a.name));
    // the open steps, and those the rep closed: a later session does not hand the same step back
    // and those that lapsed with the visit they prepared: given again at the next prep, they keep their first date
    const steps = await this.checklistQuery(q)
      .where('i.account_id', '=', a.id)
      .where((eb) => eb.or([eb('i.state', 'in', ['open', 'done', 'skipped']), eb.and([eb('i.state', '=', 'superseded'), eb('i.lives_until', 'is not', null)])]))
      .orderBy('i.due')
      .orderBy('i.id')
      .$call(this.all);
    const last = await q.selectFrom('visits').select('answers').where('account_id', '=', a.id).where('mode', '<>', sql.lit('plan')).orderBy('date', 'desc').orderBy('id', 'desc').limit(1).$call(this.first);
    return accountStateOf(a, people, steps, last?.answers);
  }

  protected accountRowOf(q: Q, account: string, owner?: string) {
    return q.selectFrom('accounts').selectAll().where('name_key', '=', nameKey(account)).where(this.owned('owner', owner)).$call(this.first);
  }

  async accountState(account: string): Promise<AccountState | undefined> {
    return this.run(async () => {
      const a = await this.accountRowOf(this.kdb, account);
      return a ? this.readState(this.kdb, a) : undefined;
    });
  }

  async accountRevision(account: string): Promise<string> {
    return this.run(async () => {
      const a = await this.kdb.selectFrom('accounts').select('id').where('name_key', '=', nameKey(account)).where(this.owned('owner')).$call(this.first);
      return a ? this.revisionOf(this.kdb, a.id) : 'new';
    });
  }

  /** Every change of an account's state writes a visit or an event (ids only grow), or moves its counts. */
  protected async revisionOf(q: Q, id: number): Promise<string> {
    const r = await q
      .selectFrom('accounts as a')
      .select((eb) => [
        eb.selectFrom('visits').select((x) => x.fn.max('visits.id').as('m')).whereRef('visits.account_id', '=', 'a.id').as('v'),
        eb.selectFrom('account_events').select((x) => x.fn.max('account_events.id').as('m')).whereRef('account_events.account_id', '=', 'a.id').as('e'),
        'a.open_items',
        'a.contacts_count',
      ])
      .where('a.id', '=', id)
      .$call(this.one);
    return [r.v, r.e, r.open_items, r.contacts_count].map((x) => x ?? '').join(':');
  }

  async accountKeys(limit: number): Promise<string[]> {
    return this.run(async () => {
      const rows = await this.kdb.selectFrom('accounts').select('name_key').where(this.owned('owner')).limit(limit).execute();
      return rows.map((r) => r.name_key);
    });
  }

  async getAccount(account: string): Promise<AccountRow | undefined> {
    return this.run(async () => {
      const a = await this.accountRowOf(this.kdb, account);
      return a ? accountRow(a) : undefined;
    });
  }

  async saveVisit(v: SaveVisit): Promise<SavedVisit> {
    return this.write((q) => this.saveIn(q, v));
  }

  async saveEdit(e: SaveEdit): Promise<void> {
    return this.write(async (q) => {
      const row = await q
        .selectFrom('accounts')
        .select('id')
        .where('name_key', '=', nameKey(e.account))
        .where(this.owned('owner'))
        .$if(this.scoped, (qb) => qb.forUpdate())
        .$call(this.first);
      if (!row) throw new StoreError(`no account "${e.account}"`, 'sales-coach accounts lists them', { key: 'noAccount', params: { name: e.account } });
      if (e.basedOn !== undefined && (await this.revisionOf(q, row.id)) !== e.basedOn) throw new AccountChanged(e.account);
      await q.updateTable('accounts').set({ facts: JSON.stringify(e.state.facts), ...dealColumns(e.state) }).where('id', '=', row.id).$call(this.all);
      for (const p of e.state.people as Contact[]) await this.savePerson(q, row.id, p);
      // the steps an edit ended (engine/account.ts editFacts), closed as a visit closes them
      for (const ev of e.events) {
        const change = stepRowChange(ev);
        if (change?.kind === 'close') await q.updateTable('checklist_items').set({ state: change.state, state_at: e.at }).where('id', '=', change.stepId).where('account_id', '=', row.id).where('state', '=', 'open').$call(this.all);
      }
      if (e.events.length) await q.insertInto('account_events').values(e.events.map((ev) => ({ account_id: row.id, visit_id: null, date: ev.date, kind: ev.kind, data: eventData(ev), at: e.at }))).$call(this.all);
      await this.refreshAccount(q, row.id);
    });
  }

  /** One visit written inside the caller's transaction: the visit, the account's new state, its people, its steps and events. */
  protected async saveIn(q: Q, v: SaveVisit): Promise<SavedVisit> {
    const key = nameKey(v.account);
    const created = await q
      .insertInto('accounts')
      .values({ name: v.account.trim(), name_key: key, created_at: v.at })
      .onConflict((oc) => (this.scoped ? oc.columns(['owner', 'name_key']) : oc.column('name_key')).doNothing())
      .returning('id')
      .$call(this.first);
    const accountId = (
      await q
        .selectFrom('accounts')
        .select('id')
        .where('name_key', '=', key)
        .where(this.owned('owner'))
        .$if(this.scoped, (qb) => qb.forUpdate())
        .$call(this.one)
    ).id;
    // the account is ours alone from here to the commit (SQLite: the write lock; PostgreSQL: the row's)
    if (v.basedOn !== undefined && (created ? 'new' : await this.revisionOf(q, accountId)) !== v.basedOn) throw new AccountChanged(v.account);
    const visit = v.visit;
    const { id: visitId } = await q
      .insertInto('visits')
      .values({
        account_id: accountId,
        mode: visit.mode,
        date: visit.date,
        playbook_id: visit.playbookId,
        playbook_hash: visit.playbookHash,
        person: visit.person ?? null,
        answers: JSON.stringify(visit.answers),
        result: JSON.stringify(visit.result),
        created_at: v.at,
        habit_answers: visit.habitAnswers ? JSON.stringify(visit.habitAnswers) : null,
        ...(v.origin !== undefined ? { origin: v.origin } : {}),
      })
      .returning('id')
      .$call(this.one);
    const s = v.state;
    await q
      .updateTable('accounts')
      .set((eb) => ({
        playbook_id: s.playbookId ?? null,
        class: s.class ?? null,
        class_status: s.classStatus ?? null,
        class_since: s.classSince ?? null,
        class_rank: s.classRank ?? null,
        class_labels: s.classLabels ? JSON.stringify(s.classLabels) : null,
        class_deadline: s.classDeadline ?? null,
        last_visit: s.lastVisit ?? null,
        last_person: s.lastPerson ?? null,
        signed: s.signed ? 1 : 0,
        dropped: s.dropped ? 1 : 0,
        facts: JSON.stringify(s.facts),
        ...dealColumns(s),
        playbook_source: v.playbookSource ?? eb.ref('playbook_source'),
      }))
      .where('id', '=', accountId)
      .$call(this.all);
    for (const p of s.people as Contact[]) await this.savePerson(q, accountId, p);
    for (const e of v.events) {
      const change = stepRowChange(e);
      if (!change) continue;
      // a step carried to this visit is this visit's now: reopened if its visit's debrief set it aside
      if (change.kind === 'carry') {
        await q.updateTable('checklist_items').where('id', '=', change.stepId).where('account_id', '=', accountId).where('state', 'in', ['open', 'superseded']).set({ state: 'open', state_at: v.at, text: change.text, ...(change.texts ? { texts: JSON.stringify(change.texts) } : {}), due: change.due, lives_until: change.until, visit_id: visitId, added_on: change.since }).$call(this.all);
        continue;
      }
      const step = q.updateTable('checklist_items').where('id', '=', change.stepId).where('account_id', '=', accountId).where('state', '=', 'open');
      if (change.kind === 'close') await step.set({ state: change.state, state_at: v.at }).$call(this.all);
      else await step.set({ text: change.text, ...(change.texts ? { texts: JSON.stringify(change.texts) } : {}), due: change.due }).$call(this.all);
    }
    // the new steps, then the events, each in one statement
    const added = s.openSteps.filter((step) => step.id === undefined);
    if (added.length) await q.insertInto('checklist_items').values(added.map((step) => ({ account_id: accountId, visit_id: visitId, item_key: step.key, text: step.text, texts: step.texts ? JSON.stringify(step.texts) : null, due: step.due, added_on: step.since, lives_until: step.until ?? null }))).$call(this.all);
    if (v.events.length) await q.insertInto('account_events').values(v.events.map((e) => ({ account_id: accountId, visit_id: visitId, date: e.date, kind: e.kind, data: eventData(e), at: v.at }))).$call(this.all);
    // the playbook that classified it, kept once by its content
    if (v.playbook) await q.insertInto('playbooks').values({ hash: v.playbook.hash, id: v.playbook.id, source: v.playbook.source, saved_at: v.at }).onConflict((oc) => oc.column('hash').doNothing()).$call(this.all);
    await this.refreshAccount(q, accountId);
    return { visitId, accountId };
  }

  async plannedVisits(q: PlannedVisitsQuery): Promise<PlannedVisitsRow[]> {
    return this.run(async () => {
      const ids = [...new Set(q.answers)];
      const accounts = this.kdb
        .selectFrom('accounts as a')
        .where(this.owned('a.owner'))
        // a dropped account (a D) only for a visit its rep prepared since: that visit is still to debrief
        .where((eb) => eb.or([eb('a.dropped', '=', 0), eb.exists(eb.selectFrom('contacts as pc').select('pc.id').whereRef('pc.account_id', '=', 'a.id').where('pc.planned_for', 'is not', null))]))
        .where('a.last_visit', '>=', q.since);
      // each account's latest session (a plan is not one), read backwards from its index of sessions
      // (mode <> 'plan' written as such, so that SQLite may use that partial index), and of its answers only those asked for, as JSON text (the database reads them out:
      // parsing every visit's whole answers made as many objects as accounts for the collector)
      const rows = await accounts
        .leftJoin('visits as lv', (join) =>
          join.on('lv.id', '=', (eb) => eb.selectFrom('visits as v').select('v.id').whereRef('v.account_id', '=', 'a.id').where('v.mode', '<>', sql.lit('plan')).orderBy('v.date', 'desc').orderBy('v.id', 'desc').limit(1)),
        )
        .select(['a.id', 'a.name', 'a.playbook_id', 'a.last_visit', 'a.dropped'])
        .select(ids.map((id, i) => this.jsonField('lv.answers', id).as(`a${i}`)))
        .$call(this.all);
      const planned = await this.kdb
        .selectFrom('contacts as c')
        .select(['c.account_id', 'c.planned_for'])
        .where('c.planned_for', 'is not', null)
        .where('c.account_id', 'in', accounts.select('a.id'))
        .$call(this.all);
      const days = new Map<number, Set<string>>();
      for (const p of planned) if (p.planned_for) (days.get(p.account_id) ?? days.set(p.account_id, new Set()).get(p.account_id))?.add(p.planned_for);
      return rows.map((r) => {
        const values = r as unknown as Record<string, string | null>;
        return {
          name: r.name,
          ...(r.dropped ? { dropped: true } : {}),
          ...(r.playbook_id ? { playbookId: r.playbook_id } : {}),
          ...(r.last_visit ? { lastVisit: r.last_visit } : {}),
          answers: readAnswerValues(ids, (i) => values[`a${i}`], `last visit to "${r.name}"`),
          preparedFor: [...(days.get(r.id) ?? [])],
        };
      });
    });
  }

  async storedPlaybooks(): Promise<StoredPlaybook[]> {
    return this.run(() => this.kdb.selectFrom('playbooks').select(['hash', 'id', 'source']).orderBy('saved_at', 'desc').orderBy('hash').$call(this.all));
  }

  /** A person as the engine left them: by id when the store gave one, else new (or the namesake, updated). */
  private async savePerson(q: Q, accountId: number, p: Contact): Promise<void> {
    const cols = { title: p.title ?? null, role: p.role ?? null, persona: p.persona ?? null, facts: JSON.stringify(p.facts ?? {}), first_met: p.firstMet ?? null, last_met: p.lastMet ?? null, planned_for: p.plannedFor ?? null };
    if (p.id !== undefined) {
      await q.updateTable('contacts').set(cols).where('id', '=', p.id).where('account_id', '=', accountId).$call(this.all);
      return;
    }
    await q
      .insertInto('contacts')
      .values({ ...cols, account_id: accountId, name: p.name.trim() })
      .onConflict((oc) =>
        oc.columns(['account_id', 'name']).doUpdateSet((eb) => ({
          title: eb.fn.coalesce('excluded.title', 'contacts.title'),
          role: eb.fn.coalesce('excluded.role', 'contacts.role'),
          persona: eb.fn.coalesce('excluded.persona', 'contacts.persona'),
          facts: eb.ref('excluded.facts'),
          first_met: eb.fn.coalesce('contacts.first_met', 'excluded.first_met'),
          last_met: eb.fn.coalesce('excluded.last_met', 'contacts.last_met'),
          planned_for: eb.ref('excluded.planned_for'),
        })),
      )
      .$call(this.all);
  }

  /**
   * The pipeline: each account with its flags against `today`. One pass over the accounts grouped
   * by class and status (a covering index in SQLite), then each group's rows in the order asked.
   */
  async pipeline(q: PipelineQuery): Promise<Pipeline> {
    return this.run(async () => {
      const flags = flagExpressions(q.today);
      const conditions = flagConditions(q.today);
      // a signed account is won, not in play: its own group, whatever its class
      const groupOf = sql<string>`CASE WHEN signed = 1 THEN 'signed' ELSE coalesce(class, class_status, 'new') END`;
      const filtered = this.kdb
        .selectFrom('accounts')
        .where(this.owned('owner', q.owner))
        .$if(!!q.groups?.length, (qb) => qb.where(groupOf, 'in', q.groups ?? []))
        .$if(!!q.flags?.length, (qb) => qb.where((eb) => eb.and((q.flags ?? []).map((f) => conditions[f]))));
      // grouped in the review index's own column order (class, status, rank, dropped, signed), so
      // SQLite groups as it reads the index; grouping by class, status and signed alone sorted all
      // 100,000 rows first (a temporary b-tree: 54 ms against 31 ms). foldGroups folds the finer rows.
      const scanned = () =>
        filtered
          .select((eb) => [
            'class',
            'class_status',
            'class_rank as rank',
            'dropped',
            'signed',
            eb.fn.max('class_labels').as('labels'),
            eb.fn.countAll().as('n'),
            // count(*) FILTER (WHERE …), not sum(CASE …): SQLite counts 100,000 accounts' flags in half
            // the time (26-29 ms against 45-67 ms, alternating, one connection)
            ...PIPELINE_FLAGS.map((k) => eb.fn.countAll().filterWhere(conditions[k]).as(k)),
          ])
          .groupBy(['class', 'class_status', 'class_rank', 'dropped', 'signed'])
          .$call(this.all);
      // the whole review (no class or flag asked for) reads the totals the database keeps
      // (migrations.ts countsSchema) instead of counting every account: a few rows against 100,000
      const unfiltered = !q.groups?.length && !q.flags?.length;
      const { groups, total, flagCounts } = unfiltered ? await this.keptCounts(q.today, q.owner) : foldGroups(await scanned());
      const rows: Pipeline['rows'] = [];
      for (const g of groups) {
        const live = liveNextStep(q.today);
        const found = await filtered
          .selectAll()
          .select(PIPELINE_FLAGS.map((k) => flags[k].as(`f_${k}`)))
          .select([live.live_due.as('live_due'), live.live_item.as('live_item'), live.live_texts.as('live_texts')])
          // signed = 1 as written (not a parameter), so that SQLite may read the signed accounts' own index
          .$if(g.key === 'signed', (qb) => qb.where('signed', '=', sql.lit(1)))
          .$if(g.key !== 'signed', (qb) => qb.where('signed', '=', 0))
          // a signed account's age is counted from its signature, not from its class (a few rows: this group's)
          .$if(g.key === 'signed', (qb) =>
            qb.select((eb) => eb.selectFrom('account_events as e').select((x) => x.fn.max('e.date').as('d')).whereRef('e.account_id', '=', 'accounts.id').where('e.kind', '=', 'signed').as('signed_on')),
          )
          .$if(g.class !== undefined, (qb) => qb.where('class', '=', g.key))
          // the status compared as a column, not coalesce(class_status, 'new'): PostgreSQL then reads
          // the unclassified accounts' own index in order (its migration 9), where a coalesce kept
          // with the row-level security's filter sorted 18,000 provisional accounts for twenty (150 ms)
          .$if(g.class === undefined && g.key !== 'signed', (qb) =>
            qb.where('class', 'is', null).where((eb) => (g.key === 'new' ? eb.or([eb('class_status', 'is', null), eb('class_status', '=', 'new')]) : eb('class_status', '=', g.key))),
          )
          .$call((qb) => (q.sort === 'value' ? qb.orderBy(sql`coalesce(amount, -1)`, 'desc').orderBy('id') : q.sort === 'name' ? qb.orderBy(this.bytewise('name_key')) : q.sort === 'due' ? qb.orderBy(sql`coalesce(next_due, '9999')`).orderBy('id') : qb.orderBy('class_since').orderBy('id')))
          .$if(!!q.limitPerGroup, (qb) => qb.limit(Math.floor(q.limitPerGroup ?? 0)))
          .$call(this.all);
        for (const r of found) {
          const signedOn = (r as { signed_on?: string | null }).signed_on;
          rows.push({ ...accountRow(withLiveNext(r)), flags: PIPELINE_FLAGS.filter((f) => Number((r as Record<string, unknown>)[`f_${f}`]) === 1), ...(signedOn ? { signedOn: String(signedOn) } : {}) });
        }
      }
      // the deals' values per group and currency: only accounts with a value are read (their own index)
      const values = (
        await filtered
          .where('amount', 'is not', null)
          .select((eb) => [groupOf.as('g'), 'currency', eb.fn.sum<number>('amount').as('amount'), eb.fn.countAll<number>().as('n')])
          .groupBy([groupOf, 'currency'])
          .$call(this.all)
      ).map((v) => ({ group: String(v.g), ...(v.currency ? { currency: v.currency } : {}), amount: Number(v.amount), accounts: Number(v.n) }));
      return { groups, rows, total, flagCounts, values };
    });
  }

  /**
   * The calibration `forecast` needs, counted by the database: for each class as it was given (a
   * class-changed event to a class, classified), how many times, how many are decided (signed within
   * the window, or the window over, or the account dropped or given another class since) and how many
   * signed within the window: stats' computeStats calibration (its signedInWindow), with each account's
   * own playbook's window (`windows`); a class given, or a signature, after `today` is not yet there. Read from the
   * kept cases (class_cases): a few rows, where reading 100,000 accounts' events into the program took
   * most of the forecast's time, and numbering them in order in the database 0.8-1.4 s.
   * tests/store/calibration.test.ts holds the two equal.
   */
  async classCalibration(windows: readonly { playbookId: string; class: string; max: number }[], today: string, owner?: string): Promise<{ class: string; given: number; decided: number; inWindow: number }[]> {
    if (windows.length === 0) return [];
    return this.run(async () => {
      // typed where they are given: PostgreSQL reads a parameter in VALUES as text
      const w = sql.join(windows.map((x) => sql`(CAST(${x.playbookId} AS TEXT), CAST(${x.class} AS TEXT), CAST(${x.max} AS INTEGER))`));
      const signedIn = sql`(c.signed_on >= c.date AND c.signed_on <= ${today} AND ${this.daysSql(sql.ref('c.date'), sql.ref('c.signed_on'))} <= w.mx)`;
      // each classification given, kept with what became of it (migrations: classCasesSchema): decided
      // once signed within its window, dropped or given another class after it, or its window gone by
      const rows = await sql<{ cls: string; given: number; decided: number; in_window: number }>`
        WITH w (pb, cls, mx) AS (VALUES ${w})
        SELECT c.cls AS cls, count(*) AS given,
          sum(CASE WHEN ${signedIn} OR c.last_drop > c.pos OR (c.next_cls IS NOT NULL AND c.next_cls <> c.cls) OR ${this.daysSql(sql.ref('c.date'), sql`${today}`)} > w.mx THEN 1 ELSE 0 END) AS decided,
          sum(CASE WHEN ${signedIn} THEN 1 ELSE 0 END) AS in_window
        FROM class_cases c
        JOIN accounts acc ON acc.id = c.account_id
        JOIN w ON w.pb = acc.playbook_id AND w.cls = c.cls
        WHERE ${this.owned('c.owner', owner)} AND c.date <= ${today}
        GROUP BY c.cls`.execute(this.kdb);
      return rows.rows.map((r) => ({ class: String(r.cls), given: Number(r.given), decided: Number(r.decided), inWindow: Number(r.in_window) }));
    });
  }

  /** A forecast kept: the week's one for its kind of period replaced (a forecast run twice a week keeps the later). */
  async keepForecast(f: ForecastSnapshot): Promise<void> {
    await this.write(async (q) => {
      const row = { week: f.week, kind: f.kind, made_on: f.madeOn, period_from: f.from, period_to: f.to, data: f.data };
      await q
        .insertInto('forecast_snapshots')
        .values(row)
        .onConflict((oc) => oc.columns(this.scoped ? ['owner', 'week', 'kind'] : ['week', 'kind']).doUpdateSet({ made_on: row.made_on, period_from: row.period_from, period_to: row.period_to, data: row.data }))
        .$call(this.all);
    });
  }

  /** The forecasts kept whose period ended before `before`, latest period first (a manager's rep's with `owner`). */
  async keptForecasts(before: string, owner?: string): Promise<ForecastSnapshot[]> {
    return this.run(async () =>
      (
        await this.kdb
          .selectFrom('forecast_snapshots')
          .where(this.owned('owner', owner))
          .where('period_to', '<', before)
          .selectAll()
          .orderBy('period_to', 'desc')
          .orderBy('made_on', 'desc')
          .$call(this.all)
      ).map((r) => ({ week: r.week, kind: r.kind, madeOn: r.made_on, from: r.period_from, to: r.period_to, data: r.data })),
    );
  }

  /**
   * Each account's class history as the calibration reads it (stats' computeStats): its playbook, its
   * deal's value (what signed outside a forecast was worth) and its class-changed, signed and dropped events with only their class and status, read in the
   * table's order and put in date order here. The events' reasons and labels are not kept: for
   * 100,000 accounts statsHistory's whole rows were most of the forecast's time and memory.
   */
  async classHistory(owner?: string): Promise<StatsAccount[]> {
    return this.run(async () => {
      const accounts = await this.kdb.selectFrom('accounts').where(this.owned('owner', owner)).select(['id', 'name', 'playbook_id', 'signed', 'dropped', 'amount', 'currency']).$call(this.all);
      const byId = new Map<number, StatsAccount>();
      for (const a of accounts) {
        const value = typeof a.amount === 'number' ? { value: { amount: a.amount, ...(a.currency ? { currency: a.currency } : {}) } } : {};
        byId.set(a.id, { name: a.name, ...(a.playbook_id ? { playbookId: a.playbook_id } : {}), signed: Number(a.signed) === 1, dropped: Number(a.dropped) === 1, contacts: 0, openItems: 0, events: [], visits: [], ...value });
      }
      const events = await this.kdb
        .selectFrom('account_events as e')
        .where(this.owned('e.owner', owner))
        .where('e.kind', 'in', ['class-changed', 'signed', 'dropped'])
        .select(['e.account_id', 'e.date', 'e.kind', 'e.data'])
        .$call(this.all);
      const unordered = new Set<StatsAccount>();
      for (const e of events) {
        const a = byId.get(e.account_id);
        if (!a) continue;
        // parsed here and only three fields kept: the database's own JSON functions took longer
        // (SQLite's json_extract three times a row: 1.4-2.3 s against 0.45 s for 180,000 events, loaded machine)
        const data = readJson(e.data);
        const { to, status, class: cls } = data;
        const event = { kind: e.kind, date: e.date, ...(typeof to === 'string' ? { to } : {}), ...(typeof status === 'string' ? { status } : {}), ...(typeof cls === 'string' ? { class: cls } : {}) } as StatsEvent;
        if (a.events.length && a.events[a.events.length - 1].date > e.date) unordered.add(a);
        a.events.push(event);
      }
      // stable: events of one day keep the order they were recorded in
      for (const a of unordered) a.events.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
      return [...byId.values()];
    });
  }

  /**
   * What `forecast` reads of the accounts: those in play whose day (the customer's expected signing
   * day, else the class window's end) falls from `today` to `to`, whole; of the others in play, how
   * many per playbook and class have their day before or after (the core keeps the classes its
   * playbook forecasts), and how many are provisional. A few thousand rows, not 100,000.
   */
  async forecastAccounts(q: { today: string; to: string; owner?: string }): Promise<ForecastAccounts> {
    return this.run(async () => {
      const day = sql<string>`coalesce(close_date, class_deadline)`;
      // a window already over is past its day whatever the customer's expected day says: the review
      // flags it "sign or reclassify", and the forecast must not count it as commit
      const past = sql<SqlBool>`(class_deadline < ${q.today} OR ${day} < ${q.today})`;
      const inPlay = this.kdb.selectFrom('accounts').where(this.owned('owner', q.owner)).where('signed', '=', 0).where('dropped', '=', 0);
      const classified = inPlay.where('class_status', '=', 'classified');
      const rows = (await classified.selectAll().where((eb) => eb.not(past)).where(day, '<=', q.to).orderBy('id').$call(this.all)).map(accountRow);
      const kind = sql<string>`CASE WHEN class_status = 'classified' THEN (CASE WHEN ${past} THEN 'past' WHEN ${day} > ${q.to} THEN 'after' END) WHEN class_status = 'provisional' THEN 'provisional' ELSE 'unclassified' END`;
      const outside = await inPlay
        .select((eb) => ['playbook_id', 'class', kind.as('kind'), 'currency', eb.fn.countAll<number>().as('n'), eb.fn.count<number>('amount').as('valued'), eb.fn.sum<number>('amount').as('amount')])
        .where(kind, 'is not', null)
        // by position: the same CASE with its parameters twice is two expressions to PostgreSQL
        .groupBy(['playbook_id', 'class', sql`3`, 'currency'])
        .$call(this.all);
      // the first few past their day, by name, oldest day first: the screen names them
      const pastNames = await classified.where(past).select('name').orderBy(day).orderBy('id').limit(5).$call(this.all);
      return {
        rows,
        outside: outside.map((o) => ({
          ...(o.playbook_id ? { playbookId: o.playbook_id } : {}),
          ...(o.class ? { class: o.class } : {}),
          kind: String(o.kind) as ForecastAccounts['outside'][number]['kind'],
          ...(o.currency ? { currency: o.currency } : {}),
          accounts: Number(o.n),
          valued: Number(o.valued),
          amount: Number(o.amount ?? 0),
        })),
        pastNames: pastNames.map((r) => r.name),
      };
    });
  }

  /**
   * The review's groups and flag totals from the kept counts: the same rows the scan groups, in the
   * review index's order (NULL first, as SQLite reads it), so that foldGroups meets each group's
   * labels in the same order; the window and overdue totals summed over the days before `today`.
   */
  protected async keptCounts(today: string, owner?: string): Promise<ReturnType<typeof foldGroups>> {
    const rows = await this.kdb
      .selectFrom('account_counts')
      .where(this.owned('owner', owner))
      .where('n', '>', 0)
      .select((eb) => [
        'class',
        'class_status',
        'class_rank as rank',
        'dropped',
        'signed',
        eb.fn.max('class_labels').as('labels'),
        eb.fn.sum<number>('n').as('n'),
        eb.fn.sum<number>('provisional').as('provisional'),
        eb.fn.sum<number>('no_next').as('no_next'),
        eb.fn.sum<number>('one_contact').as('one_contact'),
      ])
      .groupBy(['class', 'class_status', 'class_rank', 'dropped', 'signed'])
      .orderBy(sql`class NULLS FIRST, class_status NULLS FIRST, class_rank NULLS FIRST, dropped, signed`)
      .$call(this.all);
    const folded = foldGroups(rows);
    const dated = await this.kdb
      .selectFrom('account_dates')
      .where(this.owned('owner', owner))
      .where('date', '<', today)
      // the team database keeps a third kind, for team review alone ('attention')
      .where('kind', 'in', ['deadline', 'due'])
      .select((eb) => ['kind', eb.fn.sum<number>('n').as('n')])
      .groupBy('kind')
      .$call(this.all);
    for (const d of dated) folded.flagCounts[d.kind === 'deadline' ? 'window' : 'overdue'] = Number(d.n);
    const lapsed = await this.lapsedCounts(today, owner);
    folded.flagCounts.overdue += Number(lapsed?.live ?? 0) - Number(lapsed?.kept ?? 0);
    return folded;
  }

  /**
   * statsHistory's accounts whose kept next step had lapsed by `today` (by id): each given the due day
   * of its first step still alive that day, or none, as liveNextStep gives the review. Few accounts
   * (a step lapses only until the account's next session), read by their ids.
   */
  protected async putLiveDue(lapsed: Map<number, StatsAccount>, today: string | undefined): Promise<void> {
    if (today === undefined || lapsed.size === 0) return;
    const ids = [...lapsed.keys()];
    const live = new Map<number, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.kdb
        .selectFrom('checklist_items')
        .where('account_id', 'in', ids.slice(i, i + 500))
        .where('state', '=', 'open')
        .where((eb) => eb.or([eb('lives_until', 'is', null), eb('lives_until', '>=', today)]))
        .select((eb) => ['account_id', eb.fn.min<string>('due').as('due')])
        .groupBy('account_id')
        .$call(this.all);
      for (const r of rows) live.set(Number(r.account_id), String(r.due));
    }
    for (const [id, a] of lapsed) {
      const due = live.get(id);
      if (due === undefined) delete a.nextDue;
      else a.nextDue = due;
    }
  }

  /**
   * The kept totals count an account overdue from the day after its kept next step's due day
   * (migrations.ts countsParts 'due'). That step may have lapsed since (core/steps.ts isLapsed): the
   * account is then overdue only if a step still alive is. Over those accounts alone (an index on
   * next_until; a step lapses only until the account's next session), `kept`: as the totals count
   * them, `live`: as the flag does; with `owner`, per rep of the team given, with the same two
   * counts for "needs attention" (team review).
   */
  protected lapsedCounts(today: string, owner?: string): Promise<{ kept: number; live: number } | undefined> {
    const overdue = flagConditions(today).overdue;
    return this.kdb
      .selectFrom('accounts')
      .where(this.owned('owner', owner))
      .where('next_until', 'is not', null)
      .where('next_until', '<', today)
      .select((eb) => [eb.fn.countAll<number>().filterWhere('next_due', '<', today).as('kept'), eb.fn.countAll<number>().filterWhere(overdue).as('live')])
      .$call(this.first);
  }

  async eventsSince(date: string, kinds?: StoredAccountEvent['kind'][], owner?: string): Promise<StoredEvent[]> {
    return this.run(async () => {
      const rows = await this.eventQuery(this.kdb)
        .where('e.date', '>=', date)
        .where(this.owned('e.owner', owner))
        .$if(!!kinds?.length, (qb) => qb.where('e.kind', 'in', kinds ?? []))
        .orderBy('e.date')
        .orderBy('e.id')
        .$call(this.all);
      return rows.map((r) => this.event(r));
    });
  }

  async timeline(account: string): Promise<AccountTimeline | undefined> {
    return this.timelineOf(account);
  }

  /** An account's whole history; `owner`: another role's account (a manager's read, row-level security decides). */
  protected async timelineOf(account: string, owner?: string): Promise<AccountTimeline | undefined> {
    return this.run(async () => {
      const q = this.kdb;
      const a = await this.accountRowOf(q, account, owner);
      if (!a) return undefined;
      const contacts = (await q.selectFrom('contacts').selectAll().where('account_id', '=', a.id).orderBy('id').$call(this.all)).map((c) => contactOf(c, a.name));
      const visits = (await q.selectFrom('visits').selectAll().where('account_id', '=', a.id).orderBy('date').orderBy('id').$call(this.all)).map((v) => visitRow(v, a.name));
      const events = (await this.eventQuery(q).where('e.account_id', '=', a.id).orderBy('e.date').orderBy('e.id').$call(this.all)).map((r) => this.event(r));
      const checklist = (await this.checklistQuery(q).where('i.account_id', '=', a.id).orderBy('i.due').orderBy('i.id').$call(this.all)).map(checklistRow);
      return { account: accountRow(a), contacts, visits, events, checklist };
    });
  }

  async renameAccount(from: string, to: string): Promise<void> {
    await this.write(async (q) => {
      const id = await this.requireAccount(q, from);
      const clash = await this.accountId(q, to);
      if (clash !== undefined && clash !== id) throw new StoreError(`there is already an account "${to}"`, `to join the two, run: sales-coach account merge "${from}" "${to}"`, { key: 'accountExists', params: { from, to } });
      await q.updateTable('accounts').set({ name: to.trim(), name_key: nameKey(to) }).where('id', '=', id).$call(this.all);
    });
  }

  async mergeAccounts(from: string, into: string): Promise<void> {
    await this.write(async (q) => {
      const src = await this.requireAccount(q, from);
      const dst = await this.requireAccount(q, into);
      if (src === dst) throw new StoreError(`"${from}" and "${into}" are the same account`, undefined, { key: 'sameAccount', params: { from, into } });
      // one person by the import's rule (nameKey), and nothing either side knew dropped (merge-contacts.ts)
      const contactsOf = (id: number) => q.selectFrom('contacts').selectAll().where('account_id', '=', id).orderBy('id').$call(this.all);
      const plan = planContactMerge(await contactsOf(dst), await contactsOf(src));
      for (const id of plan.move) await q.updateTable('contacts').set({ account_id: dst }).where('id', '=', id).$call(this.all);
      for (const u of plan.update) await q.updateTable('contacts').set(u.set).where('id', '=', u.id).$call(this.all);
      await this.moveHistory(q, src, dst);
      const a = await q.selectFrom('accounts').selectAll().where('id', '=', src).$call(this.one);
      const b = await q.selectFrom('accounts').selectAll().where('id', '=', dst).$call(this.one);
      // the account whose last visit is more recent keeps its class and facts
      const newer = (a.last_visit ?? '') > (b.last_visit ?? '');
      const { playbook_id, class: cls, class_status, class_since, class_rank, class_labels, class_deadline, last_visit, last_person, dropped, facts, amount, currency, close_date } = newer ? a : b;
      await q
        .updateTable('accounts')
        .set({ playbook_id, class: cls, class_status, class_since, class_rank, class_labels, class_deadline, last_visit, last_person, dropped, facts, amount: amount ?? null, currency: currency ?? null, close_date: close_date ?? null, signed: Math.max(a.signed, b.signed), created_at: [a.created_at, b.created_at].sort()[0] })
        .where('id', '=', dst)
        .$call(this.all);
      await this.deleteAccountRow(q, src);
      await this.refreshAccount(q, dst);
    });
  }

  /** The merged-away account's visits, steps and events move to the kept one. */
  protected async moveHistory(q: Q, src: number, dst: number): Promise<void> {
    for (const table of ['visits', 'checklist_items', 'account_events'] as const) await q.updateTable(table).set({ account_id: dst }).where('account_id', '=', src).$call(this.all);
  }

  /** An account and, by cascade, everything of it. */
  protected async deleteAccountRow(q: Q, id: number): Promise<void> {
    await q.deleteFrom('accounts').where('id', '=', id).$call(this.all);
  }

  async deleteAccount(account: string): Promise<void> {
    await this.write(async (q) => {
      await this.deleteAccountRow(q, await this.requireAccount(q, account));
    });
  }

  async openChecklist(account?: string): Promise<ChecklistRow[]> {
    return this.run(async () => {
      const id = account ? await this.requireAccount(this.kdb, account) : undefined;
      const rows = await this.checklistQuery(this.kdb)
        .where('i.state', '=', 'open')
        .$if(id !== undefined, (qb) => qb.where('i.account_id', '=', id ?? -1))
        .where(this.owned('i.owner'))
        .orderBy('i.due')
        .orderBy('i.id')
        .$call(this.all);
      return rows.map(checklistRow);
    });
  }

  async setChecklistState(id: number, state: 'open' | 'done' | 'skipped', at: string, today: string, undoes?: number): Promise<{ row: ChecklistRow; before: ChecklistRow['state'] }> {
    return this.write(async (q) => {
      const row = await this.checklistQuery(q)
        .where('i.id', '=', id)
        .where(this.owned('i.owner'))
        .$if(this.scoped, (qb) => qb.forUpdate('i'))
        .$call(this.first);
      if (!row) throw new StoreError(`no checklist item ${id}`, 'sales-coach checklist lists the open items with their numbers', { key: 'noChecklistItem', params: { id } });
      const before = row.state;
      // a superseded step was replaced by a newer one (a class change, the next rung): the newer one
      // is the step to do, and two of them open at once would contradict each other
      if (before === 'superseded') throw new StoreError(`step ${id} was replaced by a newer step; it is closed and cannot be ${state === 'open' ? 'reopened' : 'changed'}`, `sales-coach checklist lists the steps to do; to do this one anyway, add it again: sales-coach checklist add "…" --account ${JSON.stringify(row.account)}`, {
          key: 'stepSuperseded',
          params: { id, reopen: state === 'open', account: row.account },
        });
      // a step that prepared a meeting which has taken place is moot (core/steps.ts isLapsed): reopened,
      // it would say "reopened" and then show on no screen
      const until = row.lives_until ?? undefined;
      if (state === 'open' && before !== 'open' && until !== undefined && until < today) {
        throw new StoreError(`step ${id} was for a meeting that has taken place (its last day was ${until}); it cannot be reopened`, `to do it anyway, add it again: sales-coach checklist add "…" --account ${JSON.stringify(row.account)}`, {
          key: 'stepLapsed',
          params: { id, until, account: row.account },
        });
      }
      // done before it was given ("done 20 Nov" for a step of the 24 Nov visit): a day that cannot be,
      // dated in the timeline before the account had the step
      const since = row.since ?? undefined;
      if (state !== 'open' && undoes === undefined && since && today < since) {
        throw new StoreError(`step ${id} was given on ${since}: it cannot have been ${state === 'done' ? 'done' : 'skipped'} on ${today}`, `give the day it happened, from ${since} on (--date), or leave --date out for today`, {
          key: 'stepBeforeGiven',
          params: { id, since, date: today, done: state === 'done' },
        });
      }
      if (before !== state) {
        await q.updateTable('checklist_items').set({ state, state_at: state === 'open' ? null : at }).where('id', '=', id).$call(this.all);
        // the step's words in every language go with the event, so the timeline reads in the reader's
        const texts = stepTexts(row.texts);
        const e: StoredAccountEvent =
          state === 'open' ? { kind: 'step-reopened', date: today, stepId: id, text: row.text, before: before as 'done' | 'skipped' } : { kind: 'step-closed', date: today, stepId: id, text: row.text, ...(texts ? { texts } : {}), state };
        await this.addEvent(q, row.account_id, null, undoMark(e, undoes), at);
        await this.refreshAccount(q, row.account_id);
      }
      return { row: checklistRow(await this.checklistQuery(q).where('i.id', '=', id).$call(this.one)), before };
    });
  }

  async addChecklistItem(account: string, text: string, due: string, at: string, today: string): Promise<ChecklistRow> {
    return this.write(async (q) => {
      const accountId = await this.requireAccount(q, account);
      const { id } = await q.insertInto('checklist_items').values({ account_id: accountId, visit_id: null, item_key: 'rep', text, due, added_on: today }).returning('id').$call(this.one);
      await q.updateTable('checklist_items').set({ item_key: `rep:${id}` }).where('id', '=', id).$call(this.all);
      await this.addEvent(q, accountId, null, { kind: 'step-added', date: today, stepId: id, text, due }, at);
      await this.refreshAccount(q, accountId);
      return checklistRow(await this.checklistQuery(q).where('i.id', '=', id).$call(this.one));
    });
  }

  async lastChecklistChange(): Promise<ChecklistChange | undefined> {
    // the rep's own changes are the events no session wrote; newest first, the undone ones skipped,
    // read in pages, as few as the walk back needs
    const page = (before: number) =>
      this.run(() =>
        this.eventQuery(this.kdb)
          .where('e.visit_id', 'is', null)
          .where('e.kind', 'in', ['step-closed', 'step-reopened'])
          .where('e.id', '<', before)
          .where(this.owned('e.owner'))
          .where(this.owned('e.by_user'))
          .orderBy('e.id', 'desc')
          .limit(200)
          .$call(this.all),
      );
    async function* pages(): AsyncGenerator<EventDb> {
      for (let before = 2147483647; ; ) {
        const rows = await page(before);
        yield* rows;
        if (rows.length < 200) return;
        before = rows[rows.length - 1].id;
      }
    }
    return latestNotUndoneAsync(pages());
  }

  async exportAll() {
    return this.run(async () => {
      const q = this.kdb;
      const accounts = (await q.selectFrom('accounts').selectAll().where(this.owned('owner')).orderBy(this.bytewise('name_key')).$call(this.all)).map(accountRow);
      const contacts = (
        await q.selectFrom('contacts as c').innerJoin('accounts as a', 'a.id', 'c.account_id').selectAll('c').select('a.name as account').where(this.owned('a.owner')).orderBy(this.bytewise('a.name_key')).orderBy('c.id').$call(this.all)
      ).map((c) => ({ ...contactOf(c, c.account), account: c.account }));
      const visits = (await q.selectFrom('visits as v').innerJoin('accounts as a', 'a.id', 'v.account_id').selectAll('v').select('a.name as account').where(this.owned('a.owner')).orderBy('v.date').orderBy('v.id').$call(this.all)).map((v) => ({
        ...visitRow(v, v.account),
        account: v.account,
      }));
      const checklist = (await this.checklistQuery(q).where(this.owned('i.owner')).orderBy('i.due').orderBy('i.id').$call(this.all)).map(checklistRow);
      const events = (await this.eventQuery(q).where(this.owned('e.owner')).orderBy('e.date').orderBy('e.id').$call(this.all)).map((r) => this.event(r));
      return { accounts, contacts, visits, checklist, events };
    });
  }

  async stepsDue(q: StepsDueQuery): Promise<ChecklistRow[]> {
    return this.stepsDueOf(q);
  }

  /** Open steps due in [from, to], of the current role or of `owner` (a manager's read). */
  protected async stepsDueOf(q: StepsDueQuery, owner?: string): Promise<ChecklistRow[]> {
    return this.run(async () => {
      const rows = await this.checklistQuery(this.kdb)
        .where('i.state', '=', 'open')
        .where('i.due', '<=', q.to)
        .where(this.owned('i.owner', owner))
        .$if(q.from !== undefined, (qb) => qb.where('i.due', '>=', q.from ?? ''))
        .$if(q.account !== undefined, (qb) => qb.where('a.name_key', '=', nameKey(q.account ?? '')))
        .orderBy('i.due')
        .orderBy('i.id')
        .$call(this.all);
      return rows.map(checklistRow);
    });
  }
}

export type { ChecklistDb };
