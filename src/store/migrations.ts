/**
 * The migrations of both databases, in one place: each database's list is applied in order, what a
 * database lacks all in one transaction under its lock (SQLite: a write transaction taken at once,
 * PRAGMA user_version records how far it has come; PostgreSQL: an advisory lock, the table
 * schema_version). `pending` is the one migrator both stores run. Never edit a migration once
 * released: add the next one (a database at any earlier version upgrades, and nothing stored is lost).
 */
import { afterStepSql } from './after-step.js';
export type MigratingDialect = 'sqlite' | 'postgres';

/** The embedded store (SQLite). */
export const SQLITE_MIGRATIONS: readonly string[] = [
  // 1: the first schema
  `
  CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    class TEXT,
    class_status TEXT,
    class_since TEXT,
    last_visit TEXT,
    signed INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    title TEXT,
    role TEXT,
    reports_to TEXT,
    approval_layers TEXT,
    persona TEXT,
    email TEXT,
    phone TEXT,
    UNIQUE (account_id, name)
  );
  CREATE TABLE visits (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    mode TEXT NOT NULL CHECK (mode IN ('prep', 'debrief')),
    date TEXT NOT NULL,
    playbook_id TEXT NOT NULL,
    playbook_hash TEXT NOT NULL,
    answers TEXT NOT NULL,
    result TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX visits_by_account ON visits (account_id, date, id);
  CREATE TABLE checklist_items (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    visit_id INTEGER REFERENCES visits(id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    text TEXT NOT NULL,
    due TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'skipped')),
    state_at TEXT
  );
  CREATE INDEX checklist_by_account ON checklist_items (account_id, state, due);
  CREATE INDEX checklist_open ON checklist_items (state, due);
  CREATE TABLE class_history (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    visit_id INTEGER REFERENCES visits(id) ON DELETE SET NULL,
    date TEXT NOT NULL,
    from_class TEXT,
    to_class TEXT,
    status TEXT NOT NULL,
    reason TEXT NOT NULL
  );
  CREATE INDEX class_history_by_date ON class_history (date);
  `,
  // 2: what the weekly pipeline review reads, kept on the account row so that listing 100,000
  // accounts is one pass over one table; back-filled from the rows of version 1
  `
  ALTER TABLE accounts ADD COLUMN contacts_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE accounts ADD COLUMN open_items INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE accounts ADD COLUMN next_due TEXT;
  ALTER TABLE accounts ADD COLUMN next_item TEXT;
  UPDATE accounts SET
    contacts_count = (SELECT count(*) FROM contacts c WHERE c.account_id = accounts.id),
    open_items = (SELECT count(*) FROM checklist_items i WHERE i.account_id = accounts.id AND i.state = 'open'),
    next_due = (SELECT min(due) FROM checklist_items i WHERE i.account_id = accounts.id AND i.state = 'open'),
    next_item = (SELECT text FROM checklist_items i WHERE i.account_id = accounts.id AND i.state = 'open' ORDER BY due, id LIMIT 1);
  CREATE INDEX accounts_by_class ON accounts (class, class_since);
  CREATE INDEX accounts_pipeline ON accounts (class, class_status, class_since, signed, open_items, contacts_count, next_due);
  CREATE TABLE drafts (
    key TEXT PRIMARY KEY,
    mode TEXT NOT NULL,
    account TEXT,
    data TEXT NOT NULL,
    saved_at TEXT NOT NULL
  );
  `,
  // 3: the account model as data. The account row holds the state the engine returns (class with its
  // rank, labels and deadline, so a review needs no playbook; dropped; the account's carried facts);
  // people keep their own facts; what happened is a list of events (class_history becomes events);
  // a step remembers when it was added, for steps the rep adds by hand.
  `
  ALTER TABLE accounts ADD COLUMN playbook_id TEXT;
  ALTER TABLE accounts ADD COLUMN playbook_source TEXT;
  ALTER TABLE accounts ADD COLUMN class_rank INTEGER;
  ALTER TABLE accounts ADD COLUMN class_labels TEXT;
  ALTER TABLE accounts ADD COLUMN class_deadline TEXT;
  ALTER TABLE accounts ADD COLUMN dropped INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE accounts ADD COLUMN facts TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE accounts ADD COLUMN last_person TEXT;
  ALTER TABLE contacts ADD COLUMN facts TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE contacts ADD COLUMN first_met TEXT;
  ALTER TABLE contacts ADD COLUMN last_met TEXT;
  ALTER TABLE contacts ADD COLUMN planned_for TEXT;
  -- visits: the person met, and a third kind of session (plan, seed 003); a CHECK cannot be altered,
  -- so the table is rebuilt (migrate() runs this one with foreign keys off, then checks them)
  CREATE TABLE visits_v3 (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    mode TEXT NOT NULL CHECK (mode IN ('prep', 'debrief', 'plan')),
    date TEXT NOT NULL,
    playbook_id TEXT NOT NULL,
    playbook_hash TEXT NOT NULL,
    person TEXT,
    answers TEXT NOT NULL,
    result TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  INSERT INTO visits_v3 (id, account_id, mode, date, playbook_id, playbook_hash, answers, result, created_at)
    SELECT id, account_id, mode, date, playbook_id, playbook_hash, answers, result, created_at FROM visits;
  DROP TABLE visits;
  ALTER TABLE visits_v3 RENAME TO visits;
  CREATE INDEX visits_by_account ON visits (account_id, date, id);
  ALTER TABLE checklist_items ADD COLUMN added_on TEXT;
  UPDATE checklist_items SET added_on = (SELECT v.date FROM visits v WHERE v.id = checklist_items.visit_id);
  UPDATE accounts SET
    playbook_id = (SELECT v.playbook_id FROM visits v WHERE v.account_id = accounts.id ORDER BY v.date DESC, v.id DESC LIMIT 1),
    class_rank = (SELECT json_extract(v.result, '$.classification.rank') FROM visits v WHERE v.account_id = accounts.id ORDER BY v.date DESC, v.id DESC LIMIT 1),
    class_deadline = (SELECT json_extract(v.result, '$.classification.cycle.deadline') FROM visits v WHERE v.account_id = accounts.id ORDER BY v.date DESC, v.id DESC LIMIT 1),
    last_person = (SELECT json_extract(v.answers, '$.contact_name') FROM visits v WHERE v.account_id = accounts.id AND v.playbook_id = 'abcd' ORDER BY v.date DESC, v.id DESC LIMIT 1)
  WHERE class IS NOT NULL OR last_visit IS NOT NULL;
  -- the built-in playbook, the only one before this version, declares D as "will not buy"
  UPDATE accounts SET dropped = 1 WHERE class = 'D' AND playbook_id = 'abcd';
  CREATE TABLE account_events (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    visit_id INTEGER REFERENCES visits(id) ON DELETE SET NULL,
    date TEXT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX account_events_by_date ON account_events (date, kind);
  CREATE INDEX account_events_by_account ON account_events (account_id, date, id);
  INSERT INTO account_events (account_id, visit_id, date, kind, data, at)
    SELECT account_id, visit_id, date,
      CASE status WHEN 'signed' THEN 'signed' ELSE 'class-changed' END,
      CASE status WHEN 'signed' THEN json_object('class', to_class)
        ELSE json_object('from', from_class, 'to', to_class, 'status', status,
          'movement', CASE WHEN status = 'provisional' THEN 'provisional' WHEN from_class IS NULL THEN 'new' WHEN to_class = 'D' THEN 'downgraded' ELSE 'changed' END,
          'because', json_array(reason)) END,
      date
    FROM class_history ORDER BY id;
  INSERT INTO account_events (account_id, visit_id, date, kind, data, at)
    SELECT account_id, visit_id, date, 'dropped', json_object('class', to_class, 'because', json_array(reason)), date
    FROM class_history h WHERE to_class = 'D' AND status = 'classified'
      AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = h.account_id AND a.playbook_id = 'abcd');
  DROP TABLE class_history;
  -- the review reads every account's group and flags: one pass over this covering index, in its order
  DROP INDEX accounts_pipeline;
  CREATE INDEX accounts_review ON accounts (class, class_status, class_rank, dropped, signed, class_deadline, open_items, contacts_count, next_due, class_labels);
  `,
  // 4: each visit's answers to the questions its playbook's habit roles read, apart from the rest:
  // `stats` reads them for a million visits without parsing every visit's answers (older visits,
  // without them, are read from their answers as before)
  `
  ALTER TABLE visits ADD COLUMN habit_answers TEXT;
  -- covering: stats reads these visits from the index alone, in each account's date order
  CREATE INDEX visits_habits ON visits (account_id, date, id, mode, playbook_id, habit_answers) WHERE habit_answers IS NOT NULL;
  CREATE INDEX visits_without_habits ON visits (account_id, date, id) WHERE habit_answers IS NULL;
  `,
  // 5: a step the account's story ended (a new class replaced it, the account was dropped) is
  // "superseded", neither done nor skipped by the rep; SQLite changes a CHECK only by a rebuild
  `
  CREATE TABLE checklist_items_v5 (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    visit_id INTEGER REFERENCES visits(id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    text TEXT NOT NULL,
    due TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'skipped', 'superseded')),
    state_at TEXT,
    added_on TEXT
  );
  INSERT INTO checklist_items_v5 (id, account_id, visit_id, item_key, text, due, state, state_at, added_on)
    SELECT id, account_id, visit_id, item_key, text, due, state, state_at, added_on FROM checklist_items;
  DROP TABLE checklist_items;
  ALTER TABLE checklist_items_v5 RENAME TO checklist_items;
  CREATE INDEX checklist_by_account ON checklist_items (account_id, state, due);
  CREATE INDEX checklist_open ON checklist_items (state, due);
  `,
  // 6: stats reads each visit's person too (a prep and a debrief of one day and person are one
  // visit): the covering index carries it, so stats reads no visit row
  `
  DROP INDEX visits_habits;
  CREATE INDEX visits_habits ON visits (account_id, date, id, mode, playbook_id, person, habit_answers) WHERE habit_answers IS NOT NULL;
  `,
  // 7: each playbook that classified a visit, by content (the visits' playbook_hash), with its files'
  // text: stats and report read a playbook given as a file after the file is gone (issue 24)
  `
  CREATE TABLE playbooks (
    hash TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    source TEXT NOT NULL,
    saved_at TEXT NOT NULL
  );
  `,
  // 8: the review's signed group (won accounts, whatever their class) in the order it is shown,
  // without sorting every account (it was a scan of 100,000 rows and a sort for 20)
  `
  CREATE INDEX accounts_signed ON accounts (class_since) WHERE signed = 1;
  `,
  // 9: each account's latest session (a plan is not one: today's next meeting, the state a session
  // starts from) found from an index alone; the mode was read from every candidate row, whose stored
  // result (about 5 KB) puts each visit on pages of its own
  `
  CREATE INDEX visits_sessions ON visits (account_id, date, id) WHERE mode <> 'plan';
  `,
  // 10: a step in every language its playbook says it in (JSON of locale to text): each reader reads
  // it in theirs, not in the language of the session that wrote it
  `
  ALTER TABLE checklist_items ADD COLUMN texts TEXT;
  ALTER TABLE accounts ADD COLUMN next_texts TEXT;
  `,
  // 11: the review's totals kept by the database (issue 21): `accounts` counted every account at each
  // start (45-60 ms of a new process for 100,000 accounts); it now reads a few rows. Kept by
  // triggers, so no path that writes an account (a session, an edit, merge, import, push, a raw
  // UPDATE) can leave them wrong.
  `
  ${countsSchema('sqlite')}
  `,
  // 12: the last day a step that prepares a visit is for ("confirm the meeting of 3 Dec" lives until
  // 3 Dec): every screen leaves it out after that day, with no playbook to read (core/steps.ts isLapsed)
  `
  ALTER TABLE checklist_items ADD COLUMN lives_until TEXT;
  `,
  // 13: the next step's last day kept beside it on the account (next_until): the review showed a
  // step past its last day as the next one until the account's next session; it now finds the next
  // live step, and reads the steps only for an account whose kept one has lapsed (sql-store.ts liveNextStep)
  `
  ${nextUntilSchema('sqlite')}
  `,
  // 14: the accounts whose kept next step has passed its last day, found without reading them all:
  // the review's overdue total comes from the kept totals, put right for these few (sql-store.ts
  // lapsedCounts); and the step after it kept beside it (afterSchema)
  `
  CREATE INDEX accounts_next_until ON accounts (next_until) WHERE next_until IS NOT NULL;
  ${afterSchema('sqlite')}
  `,
  // 15: the deal's value, its currency and the day the customer expects to sign (issue 26), kept on
  // the account as its class is: the review and the forecast add them up without the playbook
  `
  ${dealSchema('sqlite')}
  `,
  // 16: each forecast kept, one a week for each kind of period, so that a later forecast --accuracy
  // compares it with what signed
  `
  ${snapshotSchema('sqlite')}
  `,
  // 17: each classification an account was given, kept with what became of it, for the forecast's
  // rates (classCasesSchema)
  `
  ${classCasesSchema('sqlite')}
  `,
];

/** SQLite migrations that rebuild a table others reference: run with foreign keys off, checked before commit. */
export const SQLITE_REBUILDS: ReadonlySet<number> = new Set([3]);

// -- the team database (PostgreSQL) ------------------------------------------------------------
export const PG_SCHEMA = 'sales_coach';
/**
 * Team review's order of a rep's accounts needing attention, as core/pipeline-groups.ts orders the
 * screen's groups: the classes by rank, then provisional, then not yet classified, the signed last.
 * Written once: the index (PostgreSQL migration 14) and the query (postgres.ts teamReview) must say it alike.
 */
export const ATTENTION_ORDER = "CASE WHEN signed = 1 THEN 3000 WHEN class IS NOT NULL THEN coalesce(class_rank, 999) WHEN class_status = 'provisional' THEN 1000 ELSE 2000 END";
/**
 * The group role every rep (and manager) of every team database on a server was a member of, up to
 * migration 3. Since migration 4 each database has its own (`rep_role()` names it, the prefix is
 * this name), and this one holds no right on a database that has upgraded.
 */
export const REP_ROLE = 'sales_coach_rep';

const OWNED = ['accounts', 'contacts', 'visits', 'checklist_items', 'account_events'] as const;
const CHILDREN = ['contacts', 'visits', 'checklist_items', 'account_events'] as const;
const NOTE_KINDS = "('class-validated', 'class-challenged')";
/** What a manager writes on a rep's account since threads (PostgreSQL 17): a note, or a question closed. */
const MANAGER_KINDS = "('class-validated', 'class-challenged', 'note-resolved')";
/** The threads' events as readable_event checks them (rows.ts EventRow): the rep's answer, the manager's close. */
const THREAD_EVENTS = `
      WHEN 'note-replied' THEN json_has(j, 'by', 'string') AND json_has(j, 'to', 'number') AND json_has(j, 'note', 'string')
      WHEN 'note-resolved' THEN json_has(j, 'by', 'string') AND json_has(j, 'to', 'number') AND json_opt(j, 'note', 'string')`;
/** The columns a rep writes on each table (besides `owner`, always their own): never an id. */
const WRITABLE: Record<(typeof OWNED)[number], string[]> = {
  accounts: ['name', 'name_key', 'created_at', 'playbook_id', 'playbook_source', 'class', 'class_status', 'class_since', 'class_rank', 'class_labels', 'class_deadline', 'last_visit', 'last_person', 'signed', 'dropped', 'facts', 'contacts_count', 'open_items', 'next_due', 'next_item'],
  contacts: ['account_id', 'name', 'title', 'role', 'reports_to', 'approval_layers', 'persona', 'email', 'phone', 'facts', 'first_met', 'last_met', 'planned_for'],
  visits: ['account_id', 'mode', 'date', 'playbook_id', 'playbook_hash', 'person', 'answers', 'result', 'created_at', 'origin', 'habit_answers'],
  checklist_items: ['account_id', 'visit_id', 'item_key', 'text', 'due', 'state', 'state_at', 'added_on', 'origin'],
  account_events: ['account_id', 'visit_id', 'date', 'kind', 'data', 'at', 'origin'],
};

/** What makes a row of a child table the current rep's own: theirs, on their account, from their visit. */
function ownChild(t: (typeof CHILDREN)[number], managers = NOTE_KINDS): string {
  const mine = [`owner = current_user`, `EXISTS (SELECT 1 FROM accounts a WHERE a.id = ${t}.account_id AND a.owner = current_user)`];
  if (t === 'checklist_items' || t === 'account_events') mine.push(`(${t}.visit_id IS NULL OR EXISTS (SELECT 1 FROM visits v WHERE v.id = ${t}.visit_id AND v.owner = current_user))`);
  if (t === 'account_events') mine.push(`by_user = current_user`, `kind NOT IN ${managers}`);
  return mine.join(' AND ');
}

export const PG_MIGRATIONS: readonly string[] = [
  // 1: the schema of the embedded store's version 3, with owners, origins and row-level security
  `
  CREATE TABLE team_members (
    rep name PRIMARY KEY,
    manager name,
    added_at text NOT NULL
  );
  CREATE TABLE accounts (
    id serial PRIMARY KEY,
    owner name NOT NULL DEFAULT current_user,
    name text NOT NULL,
    name_key text NOT NULL,
    created_at text NOT NULL,
    playbook_id text,
    playbook_source text,
    class text,
    class_status text,
    class_since text,
    class_rank integer,
    class_labels text,
    class_deadline text,
    last_visit text,
    last_person text,
    signed integer NOT NULL DEFAULT 0,
    dropped integer NOT NULL DEFAULT 0,
    facts text NOT NULL DEFAULT '{}',
    contacts_count integer NOT NULL DEFAULT 0,
    open_items integer NOT NULL DEFAULT 0,
    next_due text,
    next_item text,
    UNIQUE (owner, name_key)
  );
  CREATE INDEX accounts_review ON accounts (owner, class, class_status, class_rank, dropped, signed, class_deadline, open_items, contacts_count, next_due);
  CREATE TABLE contacts (
    id serial PRIMARY KEY,
    owner name NOT NULL DEFAULT current_user,
    account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name text NOT NULL,
    title text,
    role text,
    reports_to text,
    approval_layers text,
    persona text,
    email text,
    phone text,
    facts text NOT NULL DEFAULT '{}',
    first_met text,
    last_met text,
    planned_for text,
    UNIQUE (account_id, name)
  );
  CREATE TABLE visits (
    id serial PRIMARY KEY,
    owner name NOT NULL DEFAULT current_user,
    account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    mode text NOT NULL CHECK (mode IN ('prep', 'debrief', 'plan')),
    date text NOT NULL,
    playbook_id text NOT NULL,
    playbook_hash text NOT NULL,
    person text,
    answers text NOT NULL,
    result text NOT NULL,
    created_at text NOT NULL,
    -- where the row came from, when it was pushed or sent later: saving it again changes nothing
    origin text,
    -- the answers its playbook's habit roles read, apart (the embedded store's migration 4)
    habit_answers text,
    UNIQUE (owner, origin)
  );
  CREATE INDEX visits_by_account ON visits (account_id, date, id);
  CREATE TABLE checklist_items (
    id serial PRIMARY KEY,
    owner name NOT NULL DEFAULT current_user,
    account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    visit_id integer REFERENCES visits(id) ON DELETE CASCADE,
    item_key text NOT NULL,
    text text NOT NULL,
    due text NOT NULL,
    state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'skipped')),
    state_at text,
    added_on text,
    origin text,
    UNIQUE (owner, origin)
  );
  CREATE INDEX checklist_by_account ON checklist_items (account_id, state, due);
  CREATE INDEX checklist_open ON checklist_items (owner, state, due);
  CREATE TABLE account_events (
    id serial PRIMARY KEY,
    owner name NOT NULL DEFAULT current_user,
    account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    visit_id integer REFERENCES visits(id) ON DELETE SET NULL,
    date text NOT NULL,
    kind text NOT NULL,
    data text NOT NULL,
    at text NOT NULL,
    -- who wrote it: the rep, or their manager confirming or questioning a class
    by_user name NOT NULL DEFAULT current_user,
    origin text,
    UNIQUE (owner, origin)
  );
  CREATE INDEX account_events_by_date ON account_events (owner, date, kind);
  CREATE INDEX account_events_by_account ON account_events (account_id, date, id);

  ALTER TABLE team_members ENABLE ROW LEVEL SECURITY;
  CREATE POLICY members_read ON team_members FOR SELECT USING (rep = current_user OR manager = current_user);
  -- accounts: a rep's own rows; a manager reads their team's
  ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
  ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
  CREATE POLICY own_rows ON accounts USING (owner = current_user) WITH CHECK (owner = current_user);
  CREATE POLICY team_reads ON accounts FOR SELECT USING (EXISTS (SELECT 1 FROM team_members m WHERE m.rep = accounts.owner AND m.manager = current_user));
  ${CHILDREN.map(
    (t) => `
  ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY;
  ALTER TABLE ${t} FORCE ROW LEVEL SECURITY;
  CREATE POLICY team_reads ON ${t} FOR SELECT USING (EXISTS (SELECT 1 FROM team_members m WHERE m.rep = ${t}.owner AND m.manager = current_user));
  CREATE POLICY own_reads ON ${t} FOR SELECT USING (owner = current_user);
  -- a row of a rep's hangs on one of that rep's own accounts (and visits): never on a colleague's
  CREATE POLICY own_inserts ON ${t} FOR INSERT WITH CHECK (${ownChild(t)});
  CREATE POLICY own_updates ON ${t} FOR UPDATE USING (${ownChild(t)}) WITH CHECK (${ownChild(t)});
  CREATE POLICY own_deletes ON ${t} FOR DELETE USING (${ownChild(t)});`,
  ).join('')}
  -- a manager's answer to the seed's question (why is this an A?): an event on the rep's account,
  -- signed by the database with the manager's role; nothing else of a rep's may a manager write, and
  -- no rep may write, change or remove such a note
  CREATE POLICY manager_notes ON account_events FOR INSERT WITH CHECK (
    by_user = current_user AND kind IN ('class-validated', 'class-challenged') AND visit_id IS NULL
    AND EXISTS (SELECT 1 FROM team_members m WHERE m.rep = account_events.owner AND m.manager = current_user)
    AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = account_events.account_id AND a.owner = account_events.owner));

  DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${REP_ROLE}') THEN CREATE ROLE ${REP_ROLE} NOLOGIN; END IF;
  END $$;
  GRANT USAGE ON SCHEMA ${PG_SCHEMA} TO ${REP_ROLE};
  GRANT SELECT ON team_members, schema_version TO ${REP_ROLE};
  GRANT SELECT, INSERT, UPDATE, DELETE ON ${OWNED.join(', ')} TO ${REP_ROLE};
  GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${PG_SCHEMA} TO ${REP_ROLE};
  `,
  // 2: a step the account's story ended (a new class replaced it, the account was dropped) is "superseded"
  `
  ALTER TABLE checklist_items DROP CONSTRAINT checklist_items_state_check;
  ALTER TABLE checklist_items ADD CONSTRAINT checklist_items_state_check CHECK (state IN ('open', 'done', 'skipped', 'superseded'));
  `,
  // 3: nothing a rep does blocks or breaks a colleague. Reps hold no table-wide UPDATE or DELETE (with
  // either, LOCK TABLE ... ACCESS EXCLUSIVE held every colleague's command for 30 s): they write the
  // columns they need, never an id (a rep inserting the sequences' next ids broke a colleague's next
  // save with a duplicate key); an account is deleted through delete_account, which deletes only the
  // caller's own (the table's owner, the team admin, is not held by row-level security on accounts:
  // the function runs as them, and team list counts every rep's accounts). A manager's note follows
  // an account a rep merges (only its account changes: the rep can neither edit nor remove it).
  // A note names its writer and text (a note without them made the rep's account unreadable).
  `
  REVOKE INSERT, UPDATE, DELETE ON ${OWNED.join(', ')} FROM ${REP_ROLE};
  ${Object.entries(WRITABLE)
    .map(([t, cols]) => `GRANT INSERT (${['owner', ...cols].join(', ')}), UPDATE (${cols.join(', ')}) ON ${t} TO ${REP_ROLE};`)
    .join('\n  ')}
  REVOKE UPDATE ON account_events FROM ${REP_ROLE};
  GRANT UPDATE (account_id) ON account_events TO ${REP_ROLE};
  ALTER TABLE accounts NO FORCE ROW LEVEL SECURITY;
  CREATE FUNCTION delete_account(account integer) RETURNS boolean LANGUAGE sql SECURITY DEFINER SET search_path = ${PG_SCHEMA}, pg_temp
    AS $$ WITH gone AS (DELETE FROM ${PG_SCHEMA}.accounts WHERE id = account AND owner = session_user RETURNING 1) SELECT count(*) > 0 FROM gone $$;
  REVOKE ALL ON FUNCTION delete_account(integer) FROM PUBLIC;
  GRANT EXECUTE ON FUNCTION delete_account(integer) TO ${REP_ROLE};
  CREATE POLICY notes_follow_merges ON account_events FOR UPDATE
    USING (owner = current_user AND kind IN ${NOTE_KINDS} AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = account_events.account_id AND a.owner = current_user))
    WITH CHECK (owner = current_user AND kind IN ${NOTE_KINDS} AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = account_events.account_id AND a.owner = current_user));
  ALTER TABLE account_events ADD CONSTRAINT notes_readable CHECK (kind NOT IN ${NOTE_KINDS} OR coalesce(jsonb_typeof(data::jsonb -> 'note') = 'string' AND jsonb_typeof(data::jsonb -> 'by') = 'string', false)) NOT VALID;
  `,
  // 4: a row a rep writes is one the program can read. One unreadable row (JSON that does not parse,
  // or of a shape the program does not read) written by a rep on their own account made the manager's
  // review and report fail for the whole team: what the reader (rows.ts) requires is checked as the
  // row is written. NOT VALID: a row written before is left as it is (the readers name it and skip it).
  `
  CREATE FUNCTION json_or_null(t text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog
    AS $$ BEGIN RETURN t::jsonb; EXCEPTION WHEN others THEN RETURN NULL; END $$;
  -- a value absent, null or of the given JSON type; one that must be there and of that type
  CREATE FUNCTION json_opt(j jsonb, k text, want text) RETURNS boolean LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
    AS $$ SELECT coalesce(jsonb_typeof(j -> k), 'null') IN ('null', want) $$;
  CREATE FUNCTION json_has(j jsonb, k text, want text) RETURNS boolean LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
    AS $$ SELECT coalesce(jsonb_typeof(j -> k) = want, false) $$;
  CREATE FUNCTION json_strings(j jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
    AS $$ SELECT coalesce(jsonb_typeof(j) = 'array' AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(j) x WHERE jsonb_typeof(x) <> 'string'), false) $$;
  -- labels by language (rows.ts LabelsRow): absent or null, or an object of the known languages' texts
  CREATE FUNCTION readable_labels(j jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
    AS $$ SELECT j IS NULL OR jsonb_typeof(j) = 'null' OR (jsonb_typeof(j) = 'object' AND NOT EXISTS (SELECT 1 FROM jsonb_each(j) e WHERE e.key NOT IN ('en', 'zh-CN', 'zh-TW') OR jsonb_typeof(e.value) <> 'string')) $$;
  CREATE FUNCTION readable_reasons(j jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE SET search_path = ${PG_SCHEMA}, pg_catalog
    AS $$ SELECT j IS NULL OR jsonb_typeof(j) = 'null' OR (jsonb_typeof(j) = 'object' AND NOT EXISTS (SELECT 1 FROM jsonb_each(j) e WHERE e.key NOT IN ('en', 'zh-CN', 'zh-TW') OR NOT json_strings(e.value))) $$;
  -- answers (rows.ts AnswersRow): an object of texts, numbers, nulls and lists of texts
  CREATE FUNCTION readable_answers(t text) RETURNS boolean LANGUAGE sql IMMUTABLE SET search_path = ${PG_SCHEMA}, pg_catalog
    AS $$ SELECT coalesce(jsonb_typeof(json_or_null(t)) = 'object' AND NOT EXISTS (SELECT 1 FROM jsonb_each(json_or_null(t)) e
      WHERE jsonb_typeof(e.value) NOT IN ('string', 'number', 'null') AND NOT json_strings(e.value)), false) $$;
  -- a session's result (rows.ts ResultRow): the parts the program reads back are there, of their types
  CREATE FUNCTION readable_result(t text) RETURNS boolean LANGUAGE sql IMMUTABLE SET search_path = ${PG_SCHEMA}, pg_catalog
    AS $$ SELECT coalesce((SELECT json_has(j, 'playbook', 'object') AND json_has(j, 'classification', 'object') AND json_has(j, 'selfQuestions', 'object') AND json_has(j, 'answers', 'object')
      AND json_has(j, 'mode', 'string') AND json_has(j, 'visitDate', 'string') AND json_has(j, 'locale', 'string')
      AND json_has(j, 'flags', 'array') AND json_has(j, 'checklist', 'array') AND json_has(j, 'tips', 'array') AND json_has(j, 'changes', 'array') AND json_has(j, 'trace', 'array')
      AND json_has(j -> 'classification', 'status', 'string') AND json_has(j -> 'classification', 'candidates', 'array') AND json_has(j -> 'classification', 'reasons', 'array') AND json_has(j -> 'classification', 'unknowns', 'array')
      FROM (SELECT json_or_null(t) AS j) x), false) $$;
  -- an event of a kind the program reads, with the fields it reads (rows.ts EventRow)
  ${readableEventSql('CREATE')}
  ALTER TABLE accounts ADD CONSTRAINT accounts_readable CHECK (
    (class_labels IS NULL OR class_labels = '' OR (json_or_null(class_labels) IS NOT NULL AND jsonb_typeof(json_or_null(class_labels)) <> 'null' AND readable_labels(json_or_null(class_labels))))
    AND readable_answers(facts)) NOT VALID;
  ALTER TABLE contacts ADD CONSTRAINT contacts_readable CHECK (readable_answers(facts)) NOT VALID;
  ALTER TABLE visits ADD CONSTRAINT visits_readable CHECK (readable_answers(answers) AND readable_result(result) AND (habit_answers IS NULL OR readable_answers(habit_answers))) NOT VALID;
  ALTER TABLE account_events ADD CONSTRAINT events_readable CHECK (readable_event(kind, data)) NOT VALID;

  -- Access is per database. One rep role for the whole server let a rep of team 1 save into team 2's
  -- database, removing them from team 2 cut them off team 1, and a second team's admin, who holds no
  -- right to grant the first admin's role, could add no one. Each team database has its own group
  -- role (rep_role() names it), made by its admin; the server-wide role of before keeps no right here.
  DO $$
  DECLARE
    r name := CASE WHEN current_database() ~ '^[a-z0-9_]{1,46}$' THEN 'sales_coach_rep_' || current_database() ELSE 'sales_coach_rep_' || left(md5(current_database()), 16) END;
    m name;
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN EXECUTE format('CREATE ROLE %I NOLOGIN', r); END IF;
    -- fixed now: renaming the database later does not rename the role
    EXECUTE format('CREATE FUNCTION ${PG_SCHEMA}.rep_role() RETURNS name LANGUAGE sql IMMUTABLE AS %L', format('SELECT %L::name', r));
    ${repGrants('r')}
    FOR m IN SELECT tm.rep FROM team_members tm JOIN pg_roles p ON p.rolname = tm.rep LOOP EXECUTE format('GRANT %I TO %I', r, m); END LOOP;
  END $$;
  GRANT EXECUTE ON FUNCTION rep_role() TO PUBLIC;
  REVOKE ALL ON ${OWNED.join(', ')}, team_members, schema_version FROM ${REP_ROLE};
  REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${PG_SCHEMA} FROM ${REP_ROLE};
  REVOKE ALL ON FUNCTION delete_account(integer) FROM ${REP_ROLE};
  REVOKE ALL ON SCHEMA ${PG_SCHEMA} FROM ${REP_ROLE};
  `,
  // 5: each playbook that classified a visit, by content, as the embedded store's migration 7. Shared
  // by the team (a playbook is not a rep's secret): every rep reads them and adds one, as themselves;
  // none may change or remove one (a reader checks that a playbook's files give its hash again, so a
  // row made up under another playbook's hash is ignored, never believed)
  `
  CREATE TABLE playbooks (
    hash text PRIMARY KEY,
    id text NOT NULL,
    source text NOT NULL,
    saved_at text NOT NULL,
    saved_by name NOT NULL DEFAULT current_user
  );
  ALTER TABLE playbooks ENABLE ROW LEVEL SECURITY;
  ALTER TABLE playbooks FORCE ROW LEVEL SECURITY;
  CREATE POLICY playbooks_read ON playbooks FOR SELECT USING (true);
  CREATE POLICY playbooks_kept ON playbooks FOR INSERT WITH CHECK (saved_by = current_user);
  -- to this database's rep role (migration 4), which every member holds
  DO $$ BEGIN EXECUTE format('GRANT SELECT, INSERT (hash, id, source, saved_at, saved_by) ON ${PG_SCHEMA}.playbooks TO %I', ${PG_SCHEMA}.rep_role()); END $$;
  `,
  // 6: team review's accounts that need attention, each rep's in the order shown (best class first,
  // nearest deadline, name), read from an index down to the first twenty: each rep's 2,000 accounts
  // were read and sorted for twenty (130 ms of the review's 100,000 accounts, against 2.5 ms)
  `
  CREATE INDEX accounts_attention ON accounts (owner, (coalesce(class_rank, 999)), class_deadline, (name_key COLLATE "C"));
  `,
  // 7: a rep's review (accounts) as the embedded store's: counted from the review index alone (it
  // now carries the labels, as SQLite's does), each class's first accounts read in order from an index
  // (owner, class, since) and the signed ones from their own (each group's 20,000 accounts were
  // sorted for twenty: 22-33 ms a group against 2 ms, for one rep's 100,000 accounts)
  `
  CREATE INDEX accounts_review_v7 ON accounts (owner, class, class_status, class_rank, dropped, signed, class_deadline, open_items, contacts_count, next_due, class_labels);
  DROP INDEX accounts_review;
  ALTER INDEX accounts_review_v7 RENAME TO accounts_review;
  CREATE INDEX accounts_by_class ON accounts (owner, class, class_since, id);
  CREATE INDEX accounts_signed ON accounts (owner, class_since, id) WHERE signed = 1;
  `,
  // 8: a step in every language its playbook says it in (JSON of locale to text), as the embedded
  // store's migration 10: each reader reads it in theirs, not in the language of the session that wrote it
  `
  ALTER TABLE checklist_items ADD COLUMN texts text;
  ALTER TABLE accounts ADD COLUMN next_texts text;
  DO $$ BEGIN
    EXECUTE format('GRANT INSERT (texts), UPDATE (texts) ON ${PG_SCHEMA}.checklist_items TO %I', ${PG_SCHEMA}.rep_role());
    EXECUTE format('GRANT INSERT (next_texts), UPDATE (next_texts) ON ${PG_SCHEMA}.accounts TO %I', ${PG_SCHEMA}.rep_role());
  END $$;
  `,
  // 9: a rep's review reads its unclassified groups (provisional, new) in order from an index of their
  // own, as the classes from accounts_by_class: a class IS NULL in (owner, class, since) gives no order
  // PostgreSQL uses, so one rep's 18,000 provisional accounts were read and sorted for twenty (150 ms
  // of the review's queries against 1.5 ms)
  `
  CREATE INDEX accounts_unclassified ON accounts (owner, class_status, class_since, id) WHERE class IS NULL AND signed = 0;
  `,
  // 10: a rep's review totals kept by the database, as the embedded store's migration 11: counting
  // one rep's 100,000 accounts through row-level security took 140-170 ms of every review. The
  // triggers run as the tables' owner (SECURITY DEFINER): a rep reads their own rows and a manager
  // their reps', and no rep may write a count (they hold SELECT only, and no policy lets them write).
  `
  ${countsSchema('postgres')}
  -- not FORCEd: the triggers write as the tables' owner (the team admin, who need not be a superuser)
  ALTER TABLE account_counts ENABLE ROW LEVEL SECURITY;
  ALTER TABLE account_dates ENABLE ROW LEVEL SECURITY;
  CREATE POLICY own_reads ON account_counts FOR SELECT USING (owner = current_user);
  CREATE POLICY team_reads ON account_counts FOR SELECT USING (EXISTS (SELECT 1 FROM team_members m WHERE m.rep = account_counts.owner AND m.manager = current_user));
  CREATE POLICY own_reads ON account_dates FOR SELECT USING (owner = current_user);
  CREATE POLICY team_reads ON account_dates FOR SELECT USING (EXISTS (SELECT 1 FROM team_members m WHERE m.rep = account_dates.owner AND m.manager = current_user));
  DO $$ BEGIN EXECUTE format('GRANT SELECT ON ${PG_SCHEMA}.account_counts, ${PG_SCHEMA}.account_dates TO %I', ${PG_SCHEMA}.rep_role()); END $$;
  `,
  // 11: the last day a step that prepares a visit is for, as the embedded store's migration 12
  `
  ALTER TABLE checklist_items ADD COLUMN lives_until text;
  DO $$ BEGIN
    EXECUTE format('GRANT INSERT (lives_until) ON ${PG_SCHEMA}.checklist_items TO %I', ${PG_SCHEMA}.rep_role());
  END $$;
  `,
  // 12: ids no rep can use up. A rep may draw from the shared sequences (their inserts need it), and
  // drew two million ids a second: the integer ids ran out in about 18 minutes, and then every
  // colleague's save failed. As bigint, that takes hundreds of thousands of years. The row-level
  // security policies name these columns, so each is dropped and made again as it was (pg_policies).
  `
  DO $$
  DECLARE
    p record;
    again text[] := '{}';
    stmt text;
  BEGIN
    FOR p IN SELECT * FROM pg_policies WHERE schemaname = '${PG_SCHEMA}' AND tablename IN ('accounts', 'contacts', 'visits', 'checklist_items', 'account_events') LOOP
      again := again || format('CREATE POLICY %I ON %I.%I AS %s FOR %s TO %s%s%s', p.policyname, p.schemaname, p.tablename, p.permissive, p.cmd,
        (SELECT string_agg(CASE WHEN r = 'public' THEN 'PUBLIC' ELSE quote_ident(r) END, ', ') FROM unnest(p.roles) AS r),
        CASE WHEN p.qual IS NOT NULL THEN format(' USING (%s)', p.qual) ELSE '' END,
        CASE WHEN p.with_check IS NOT NULL THEN format(' WITH CHECK (%s)', p.with_check) ELSE '' END);
      EXECUTE format('DROP POLICY %I ON %I.%I', p.policyname, p.schemaname, p.tablename);
    END LOOP;
    ALTER TABLE accounts ALTER COLUMN id TYPE bigint;
    ALTER TABLE contacts ALTER COLUMN id TYPE bigint, ALTER COLUMN account_id TYPE bigint;
    ALTER TABLE visits ALTER COLUMN id TYPE bigint, ALTER COLUMN account_id TYPE bigint;
    ALTER TABLE checklist_items ALTER COLUMN id TYPE bigint, ALTER COLUMN account_id TYPE bigint, ALTER COLUMN visit_id TYPE bigint;
    ALTER TABLE account_events ALTER COLUMN id TYPE bigint, ALTER COLUMN account_id TYPE bigint, ALTER COLUMN visit_id TYPE bigint;
    ALTER SEQUENCE accounts_id_seq AS bigint;
    ALTER SEQUENCE contacts_id_seq AS bigint;
    ALTER SEQUENCE visits_id_seq AS bigint;
    ALTER SEQUENCE checklist_items_id_seq AS bigint;
    ALTER SEQUENCE account_events_id_seq AS bigint;
    FOREACH stmt IN ARRAY again LOOP
      EXECUTE stmt;
    END LOOP;
  END $$;
  `,
  // 13: team review reads each rep's totals as a rep's review does (migration 10), instead of counting
  // the team's 100,000 accounts through row-level security (140-170 ms of every review); its "needs
  // attention" count depends on the day, so it is kept per day (attentionSchema). And a manager's note
  // is never dated after the server's today (a day's grace for time zones, as reviewClass allows):
  // written with psql, one dated 2099 headed the rep's notes for ever.
  `
  ${nextUntilSchema('postgres')}
  ${attentionSchema()}
  CREATE FUNCTION notes_not_ahead() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog AS $$
  BEGIN
    IF NEW.date > to_char(current_date + 1, 'YYYY-MM-DD') THEN
      RAISE EXCEPTION 'a manager''s note cannot be dated %: that is after today on the team database', NEW.date USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER notes_not_ahead BEFORE INSERT OR UPDATE OF date, kind ON account_events FOR EACH ROW
    WHEN (NEW.kind IN ${NOTE_KINDS}) EXECUTE FUNCTION notes_not_ahead();
  `,
  // 14: as SQLite's 14, per owner: each rep's accounts whose kept next step has lapsed. And team
  // review's accounts needing attention read in the order its screen shows them (the classes by
  // rank, then provisional, new, and signed last): ordered by rank alone, a signed A came first, and
  // `--limit 1` showed it where the screen's first account was an A past its window
  `
  CREATE INDEX accounts_next_until ON accounts (owner, next_until) WHERE next_until IS NOT NULL;
  ${afterSchema('postgres')}
  DROP INDEX accounts_attention;
  CREATE INDEX accounts_attention_v14 ON accounts (owner, (${ATTENTION_ORDER}), class_deadline, (name_key COLLATE "C"));
  `,
  // 15: as SQLite's 15; a rep writes their own accounts' values, a manager reads them (row-level security)
  `
  ${dealSchema('postgres')}
  `,
  // 16: as SQLite's 16, per owner: a rep keeps and reads their own forecasts, their manager reads them.
  // And each rep's debriefs by day, for team review's activity (a million visits are not counted by scanning)
  `
  ${snapshotSchema('postgres')}
  CREATE INDEX visits_debriefs ON visits (owner, date) WHERE mode = 'debrief';
  `,
  // 17: a manager of managers reads the reps of their managers, at any depth (a roll-up by level).
  // The reps under the caller are read by one function that runs as the tables' owner: a policy on
  // team_members that read team_members itself would recurse. Each policy that read "m.manager =
  // current_user" is made again over that set, read once a query (an InitPlan), not once a row.
  // session_user, as delete_account: inside the function current_user is the owner.
  `
  CREATE FUNCTION managed_reps() RETURNS name[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${PG_SCHEMA}, pg_temp
    AS $$ WITH RECURSIVE below(rep) AS (
      SELECT rep FROM ${PG_SCHEMA}.team_members WHERE manager = session_user
      UNION SELECT m.rep FROM ${PG_SCHEMA}.team_members m JOIN below b ON m.manager = b.rep
    ) SELECT coalesce(array_agg(rep), '{}') FROM below WHERE rep <> session_user $$;
  REVOKE EXECUTE ON FUNCTION managed_reps() FROM PUBLIC;
  DO $$
  DECLARE
    p record;
  BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION ${PG_SCHEMA}.managed_reps() TO %I', ${PG_SCHEMA}.rep_role());
    FOR p IN SELECT tablename FROM pg_policies WHERE schemaname = '${PG_SCHEMA}' AND policyname = 'team_reads' LOOP
      EXECUTE format('DROP POLICY team_reads ON ${PG_SCHEMA}.%I', p.tablename);
      EXECUTE format('CREATE POLICY team_reads ON ${PG_SCHEMA}.%I FOR SELECT USING (owner = ANY ((SELECT ${PG_SCHEMA}.managed_reps())::name[]))', p.tablename);
    END LOOP;
  END $$;
  DROP POLICY members_read ON team_members;
  CREATE POLICY members_read ON team_members FOR SELECT USING (rep = current_user OR manager = current_user OR rep = ANY ((SELECT managed_reps())::name[]));
  DROP POLICY manager_notes ON account_events;
  CREATE POLICY manager_notes ON account_events FOR INSERT WITH CHECK (
    by_user = current_user AND kind IN ${MANAGER_KINDS} AND visit_id IS NULL
    AND owner = ANY ((SELECT managed_reps())::name[])
    AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = account_events.account_id AND a.owner = account_events.owner));
  -- and notes become threads: a rep answers a question on their own account (note-replied, theirs),
  -- the manager closes it (note-resolved, the manager's: no rep may write one, and it follows a merge
  -- as the notes do); both of a shape the reader reads, and a manager's never dated ahead
  ${readableEventSql('CREATE OR REPLACE', true)}
  DROP POLICY own_inserts ON account_events;
  CREATE POLICY own_inserts ON account_events FOR INSERT WITH CHECK (${ownChild('account_events', MANAGER_KINDS)});
  DROP POLICY notes_follow_merges ON account_events;
  CREATE POLICY notes_follow_merges ON account_events FOR UPDATE
    USING (owner = current_user AND kind IN ${MANAGER_KINDS} AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = account_events.account_id AND a.owner = current_user))
    WITH CHECK (owner = current_user AND kind IN ${MANAGER_KINDS} AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = account_events.account_id AND a.owner = current_user));
  -- a step carried to the visit it now prepares takes that visit's last day (store/sql-store.ts 'carry')
  DO $$ BEGIN
    EXECUTE format('GRANT UPDATE (lives_until) ON ${PG_SCHEMA}.checklist_items TO %I', ${PG_SCHEMA}.rep_role());
  END $$;
  CREATE INDEX account_events_threads ON account_events (owner, date) WHERE kind IN ('class-challenged', 'note-replied', 'note-resolved');
  DROP TRIGGER notes_not_ahead ON account_events;
  CREATE TRIGGER notes_not_ahead BEFORE INSERT OR UPDATE OF date, kind ON account_events FOR EACH ROW
    WHEN (NEW.kind IN ${MANAGER_KINDS}) EXECUTE FUNCTION notes_not_ahead();
  `,
  // 18: a table's reads are one SELECT policy, the rep's own rows and their team's. Two permissive
  // policies are OR'd, and under "owner = current_user OR owner = ANY (...)" the planner read each
  // rep's 2,000 accounts in team review's attention list (a bitmap, then a sort) where under one it
  // walks the index in order and stops at the fifth (183 ms -> 16 ms for 50 reps). What a rep
  // writes stays theirs alone. And two kept tables for the figures of issue 26: the untouched count
  // (touchedSchema) and each classification with what became of it (classCasesSchema).
  `
  DO $$
  DECLARE
    p record;
  BEGIN
    FOR p IN SELECT tablename FROM pg_policies WHERE schemaname = '${PG_SCHEMA}' AND policyname = 'team_reads' LOOP
      EXECUTE format('DROP POLICY team_reads ON ${PG_SCHEMA}.%I', p.tablename);
      EXECUTE format('DROP POLICY IF EXISTS own_reads ON ${PG_SCHEMA}.%I', p.tablename);
      EXECUTE format('CREATE POLICY reads ON ${PG_SCHEMA}.%I FOR SELECT USING (owner = ANY ((SELECT ${PG_SCHEMA}.managed_reps() || current_user)::name[]))', p.tablename);
    END LOOP;
  END $$;
  ${(['accounts', 'forecast_snapshots'] as const)
    .map(
      (t) => `DROP POLICY own_rows ON ${t};
  CREATE POLICY own_insert ON ${t} FOR INSERT WITH CHECK (owner = current_user);
  CREATE POLICY own_update ON ${t} FOR UPDATE USING (owner = current_user) WITH CHECK (owner = current_user);
  CREATE POLICY own_delete ON ${t} FOR DELETE USING (owner = current_user);`,
    )
    .join('\n  ')}
  ${touchedSchema()}
  ${classCasesSchema('postgres')}
  -- the visits a rep prepared and has not debriefed, for their manager's review (few: a person's
  -- planned day is cleared by the debrief that met them)
  CREATE INDEX contacts_planned ON contacts (owner, planned_for) WHERE planned_for IS NOT NULL;
  -- stats reads a rep's whole history by its owner, in (account, date, id) order: the class events, and
  -- the visits from an index alone (never the rows, whose answers and results run to hundreds of bytes
  -- each), those saved with their habit answers apart whole, the older ones by their ids. Without
  -- them stats over one rep's 1,000,000 visits read every row of the table and sorted them (10-11 s).
  CREATE INDEX account_events_classes ON account_events (owner, account_id, date, id) WHERE kind IN ('class-changed', 'signed', 'dropped');
  CREATE INDEX visits_habits ON visits (owner, account_id, date, id, mode, playbook_id, person, habit_answers) WHERE habit_answers IS NOT NULL;
  CREATE INDEX visits_without_habits ON visits (owner, account_id, date, id) WHERE habit_answers IS NULL;
  `,
];

/**
 * The readable_event function (migration 4), made again by migration 17 with the threads' kinds and
 * the reasons as a manager reads them (`about`): the kinds of event a row may hold, with the fields
 * the reader (rows.ts EventRow) requires of each.
 */
function readableEventSql(verb: 'CREATE' | 'CREATE OR REPLACE', threads = false): string {
  const sql = `${verb} FUNCTION readable_event(kind text, t text) RETURNS boolean LANGUAGE sql IMMUTABLE SET search_path = ${PG_SCHEMA}, pg_catalog
    AS $$ SELECT coalesce((SELECT jsonb_typeof(j) = 'object' AND CASE kind
      WHEN 'class-changed' THEN json_opt(j, 'from', 'string') AND json_opt(j, 'to', 'string') AND coalesce(j ->> 'fromStatus', 'classified') IN ('classified', 'provisional', 'unclassified')
        AND json_has(j, 'status', 'string') AND json_has(j, 'movement', 'string') AND json_strings(j -> 'because') AND readable_reasons(j -> 'reasons') AND readable_labels(j -> 'labels') AND readable_labels(j -> 'fromLabels')
      WHEN 'signed' THEN json_opt(j, 'class', 'string')
      WHEN 'dropped' THEN json_has(j, 'class', 'string') AND json_strings(j -> 'because') AND readable_reasons(j -> 'reasons')
      WHEN 'person-added' THEN json_has(j, 'person', 'string') AND json_opt(j, 'title', 'string') AND json_opt(j, 'role', 'string') AND json_opt(j, 'planned', 'boolean')
      WHEN 'person-updated' THEN json_has(j, 'person', 'string') AND json_has(j, 'changes', 'array') AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(j -> 'changes') c WHERE NOT json_has(c, 'field', 'string'))
      WHEN 'facts-updated' THEN json_has(j, 'changes', 'array') AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(j -> 'changes') c WHERE NOT json_has(c, 'field', 'string'))
      WHEN 'step-opened' THEN json_has(j, 'key', 'string') AND json_has(j, 'text', 'string') AND json_has(j, 'due', 'string')
      WHEN 'step-carried' THEN json_has(j, 'stepId', 'number') AND json_has(j, 'text', 'string') AND json_has(j, 'due', 'string') AND json_opt(j, 'updated', 'boolean')
      WHEN 'step-closed' THEN json_has(j, 'stepId', 'number') AND json_has(j, 'text', 'string') AND coalesce(j ->> 'state' IN ('done', 'skipped', 'superseded') AND json_has(j, 'state', 'string'), false)
      WHEN 'step-reopened' THEN json_has(j, 'stepId', 'number') AND json_has(j, 'text', 'string') AND coalesce(j ->> 'before' IN ('done', 'skipped') AND json_has(j, 'before', 'string'), false)
      WHEN 'step-added' THEN json_has(j, 'stepId', 'number') AND json_has(j, 'text', 'string') AND json_has(j, 'due', 'string')
      WHEN 'class-validated' THEN json_has(j, 'by', 'string') AND json_opt(j, 'class', 'string') AND json_has(j, 'note', 'string')
      WHEN 'class-challenged' THEN json_has(j, 'by', 'string') AND json_opt(j, 'class', 'string') AND json_has(j, 'note', 'string')${threads ? THREAD_EVENTS : ''}
      ELSE false END
      FROM (SELECT json_or_null(t) AS j) x), false) $$;`;
  return threads ? sql.replaceAll("readable_reasons(j -> 'reasons')", "readable_reasons(j -> 'reasons') AND readable_reasons(j -> 'about')") : sql;
}

/**
 * PL/pgSQL statements granting the rep's rights on this database (as migrations 1 and 3 left them)
 * to the group role held in the variable `v`: read the team's tables, write only the columns
 * sales-coach writes (never an id), delete an account through delete_account.
 */
function repGrants(v: string): string {
  const grants = [
    `GRANT USAGE ON SCHEMA ${PG_SCHEMA} TO %I`,
    `GRANT SELECT ON ${PG_SCHEMA}.team_members, ${PG_SCHEMA}.schema_version TO %I`,
    `GRANT SELECT ON ${OWNED.map((t) => `${PG_SCHEMA}.${t}`).join(', ')} TO %I`,
    `GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${PG_SCHEMA} TO %I`,
    ...Object.entries(WRITABLE).map(([t, cols]) => `GRANT INSERT (${['owner', ...cols].join(', ')}) ON ${PG_SCHEMA}.${t} TO %I`),
    ...Object.entries(WRITABLE)
      .filter(([t]) => t !== 'account_events')
      .map(([t, cols]) => `GRANT UPDATE (${cols.join(', ')}) ON ${PG_SCHEMA}.${t} TO %I`),
    `GRANT UPDATE (account_id) ON ${PG_SCHEMA}.account_events TO %I`,
    `GRANT EXECUTE ON FUNCTION ${PG_SCHEMA}.delete_account(integer) TO %I`,
  ];
  return grants.map((g) => `EXECUTE format('${g}', ${v});`).join('\n    ');
}

/** How far each database's schema goes. */
export const SCHEMA_VERSIONS: Record<MigratingDialect, number> = { sqlite: SQLITE_MIGRATIONS.length, postgres: PG_MIGRATIONS.length };
export const SCHEMA_VERSION = SCHEMA_VERSIONS.sqlite;
export const PG_SCHEMA_VERSION = SCHEMA_VERSIONS.postgres;

/**
 * The one migrator: the scripts that bring a database of `dialect` at version `from` to the newest
 * schema, in order, each with its version. The caller runs them in one transaction under its lock,
 * reading `from` again once it holds the lock, and records the version; a database newer than this
 * program is refused before anything is written.
 */
export function pending(dialect: MigratingDialect, from: number): { version: number; sql: string; rebuild: boolean }[] {
  const list = dialect === 'sqlite' ? SQLITE_MIGRATIONS : PG_MIGRATIONS;
  return list.slice(from).map((sql, i) => ({ version: from + i + 1, sql, rebuild: dialect === 'sqlite' && SQLITE_REBUILDS.has(from + i + 1) }));
}

/** The embedded store's list under its first name (tests build old databases from it). */
export const MIGRATIONS = SQLITE_MIGRATIONS;

/**
 * The review's totals, kept by the database (SQLite migration 11, PostgreSQL 10): per group of the
 * review's columns (class, status, rank, dropped, signed, labels) the accounts and those with each
 * date-free flag; per day, the accounts whose signing window ends then ('deadline') and those whose
 * next step is due then ('due'): the window and overdue flags depend on the day of the review, and
 * are summed up to it. The flags' conditions are sql-store.ts flagConditions', written again here as
 * the triggers must keep them. A group's row is keyed by its columns as one JSON text (a UNIQUE key
 * holds NULLs apart in SQLite); PostgreSQL keeps them per owner. Back-filled from the accounts.
 * Three triggers, each fired only when what it counts changes (a step added to an account with
 * steps moves no count): a save fires two or three of them, three statements each.
 * (A function declaration: the SQLite list above calls it as the module loads.)
 */
function countsSchema(dialect: MigratingDialect, attention = false): string {
  return countsParts(dialect, attention).schema;
}

/**
 * The kept totals' SQL, for countsSchema and, with `attention`, for PostgreSQL migration 13 (see
 * attentionSchema): the counts' rows then also count the accounts needing attention whatever the day
 * (provisional, or in play with no next step), and account_dates a third kind, 'attention': the day
 * from which an account not already counted so needs attention (its window's end or its next step's
 * due day, whichever comes first). Without `attention` the text is the released migrations' own.
 */
function countsParts(dialect: MigratingDialect, attention: boolean, touched = false) {
  const pg = dialect === 'postgres';
  const own = (r: string) => (pg ? `${r}.owner, ` : '');
  const ownCol = pg ? 'owner, ' : '';
  const ownIs = (r: string) => (pg ? `owner = ${r}.owner AND ` : '');
  const groupCols = ['class', 'class_status', 'class_rank', 'dropped', 'signed', 'class_labels'];
  const key = (r: string) => (pg ? `json_build_array(${groupCols.map((c) => `${r}.${c}`).join(', ')})::text` : `json_array(${groupCols.map((c) => `${r}.${c}`).join(', ')})`);
  const flags = (r: string) => [`${r}.class_status = 'provisional'`, `${r}.signed = 0 AND ${r}.dropped = 0 AND ${r}.open_items = 0`, `${r}.signed = 0 AND ${r}.dropped = 0 AND ${r}.contacts_count <= 1`];
  /** The day an account is counted under, or NULL: its window's end while in play, its next step's due day. */
  /** Needs attention whatever the day: provisional, or in play with no next step (flagConditions' provisional and no_next). */
  const always = (r: string) => `(${r}.class_status = 'provisional' OR (${r}.signed = 0 AND ${r}.dropped = 0 AND ${r}.open_items = 0))`;
  const deadline = (r: string) => `CASE WHEN ${r}.signed = 0 AND ${r}.dropped = 0 THEN ${r}.class_deadline END`;
  const day = {
    deadline,
    due: (r: string) => `${r}.next_due`,
    // least() passes over a NULL (PostgreSQL): the window's end or the next step's due day, the earlier
    attention: (r: string) => `CASE WHEN ${always(r)} THEN NULL ELSE least(${deadline(r)}, ${r}.next_due) END`,
    // an account in play by the day of its last session ('' when none): team review's untouched count
    touched: (r: string) => `CASE WHEN ${r}.signed = 0 AND ${r}.dropped = 0 THEN coalesce(${r}.last_visit, '') END`,
  };
  type Part = 'counts' | keyof typeof day;
  const counted = attention ? ['n', 'provisional', 'no_next', 'one_contact', 'attention'] : ['n', 'provisional', 'no_next', 'one_contact'];
  const countFlags = (r: string) => (attention ? [...flags(r), always(r)] : flags(r));
  /** An account's row `r` (NEW or OLD) counted in (d = 1) or out (d = -1) of one part. */
  const delta = (part: Part, r: string, d: number) =>
    part === 'counts'
      ? `INSERT INTO account_counts (${ownCol}k, ${groupCols.join(', ')}, ${counted.join(', ')})
        SELECT ${own(r)}${key(r)}, ${groupCols.map((c) => `${r}.${c}`).join(', ')}, ${d}, ${countFlags(r).map((f) => `CASE WHEN ${f} THEN ${d} ELSE 0 END`).join(', ')} WHERE true
        ON CONFLICT (${ownCol}k) DO UPDATE SET ${counted.map((c) => `${c} = account_counts.${c} + excluded.${c}`).join(', ')};`
      : `INSERT INTO account_dates (${ownCol}kind, date, n) SELECT ${own(r)}'${part}', ${day[part](r)}, ${d} WHERE ${day[part](r)} IS NOT NULL
        ON CONFLICT (${ownCol}kind, date) DO UPDATE SET n = account_dates.n + excluded.n;`;
  /** The row a count went out of, when none is left: the tables hold only what some account counts in. */
  const tidy = (part: Part, r: string) =>
    part === 'counts' ? `DELETE FROM account_counts WHERE ${ownIs(r)}k = ${key(r)} AND n = 0;` : `DELETE FROM account_dates WHERE ${ownIs(r)}kind = '${part}' AND date = ${day[part](r)} AND n = 0;`;
  /** What each part counts by: a trigger fires on an update only when one of these differs. */
  const by: Record<Part, (r: string) => string[]> = {
    counts: (r) => [...groupCols.map((c) => `${r}.${c}`), `${r}.open_items = 0`, `${r}.contacts_count <= 1`],
    deadline: (r) => [day.deadline(r)],
    due: (r) => [day.due(r)],
    attention: (r) => [day.attention(r)],
    touched: (r) => [day.touched(r)],
  };
  const columns: Record<Part, string[]> = {
    counts: [...groupCols, 'open_items', 'contacts_count'],
    deadline: ['class_deadline', 'signed', 'dropped'],
    due: ['next_due'],
    attention: ['class_status', 'signed', 'dropped', 'open_items', 'class_deadline', 'next_due'],
    touched: ['last_visit', 'signed', 'dropped'],
  };
  const parts: Part[] = [...(['counts', 'deadline', 'due'] as const), ...(attention ? (['attention'] as const) : []), ...(touched ? (['touched'] as const) : [])];
  const tables = `
  CREATE TABLE account_counts (
    ${pg ? 'owner name NOT NULL,' : ''}
    k text NOT NULL,
    class text,
    class_status text,
    class_rank integer,
    dropped integer NOT NULL,
    signed integer NOT NULL,
    class_labels text,
    n integer NOT NULL,
    provisional integer NOT NULL,
    no_next integer NOT NULL,
    one_contact integer NOT NULL,
    PRIMARY KEY (${ownCol}k)
  );
  CREATE TABLE account_dates (
    ${pg ? 'owner name NOT NULL,' : ''}
    kind text NOT NULL,
    date text NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (${ownCol}kind, date)
  );
  INSERT INTO account_counts (${ownCol}k, ${groupCols.join(', ')}, n, provisional, no_next, one_contact)
    SELECT ${own('a')}${key('a')}, ${groupCols.map((c) => `a.${c}`).join(', ')}, count(*), ${flags('a').map((f) => `sum(CASE WHEN ${f} THEN 1 ELSE 0 END)`).join(', ')}
    FROM accounts a GROUP BY ${own('a')}${groupCols.map((c) => `a.${c}`).join(', ')};
  ${(['deadline', 'due'] as const).map((part) => `INSERT INTO account_dates (${ownCol}kind, date, n) SELECT ${own('a')}'${part}', ${day[part]('a')}, count(*) FROM accounts a WHERE ${day[part]('a')} IS NOT NULL GROUP BY ${own('a')}${day[part]('a')};`).join('\n  ')}`;
  if (!pg) {
    return {
      schema: `${tables}
  CREATE TRIGGER account_counts_insert AFTER INSERT ON accounts BEGIN
    ${parts.map((p) => delta(p, 'NEW', 1)).join('\n    ')}
  END;
  CREATE TRIGGER account_counts_delete AFTER DELETE ON accounts BEGIN
    ${parts.flatMap((p) => [delta(p, 'OLD', -1), tidy(p, 'OLD')]).join('\n    ')}
  END;
  ${parts
    .map(
      (p) => `CREATE TRIGGER account_${p}_update AFTER UPDATE OF ${columns[p].join(', ')} ON accounts
    WHEN ${by[p]('OLD')
      .map((x, i) => `(${x}) IS NOT (${by[p]('NEW')[i]})`)
      .join(' OR ')} BEGIN
    ${[delta(p, 'OLD', -1), delta(p, 'NEW', 1), tidy(p, 'OLD')].join('\n    ')}
  END;`,
    )
    .join('\n  ')}`,
      function: '',
      trigger: (_p: Part) => '',
      always,
      key,
      day,
    };
  }
  // one function, told the part by the trigger; a trigger function cannot be called but as a
  // trigger, and it runs as the tables' owner: the rep who fires it cannot write a count themselves.
  // An owner's change (team reassign) moves every part.
  const branch = (p: Part) => `IF TG_OP = 'INSERT' OR TG_ARGV[0] IN ('all', '${p}') THEN
      IF TG_OP <> 'INSERT' THEN
        ${delta(p, 'OLD', -1)}
      END IF;
      IF TG_OP <> 'DELETE' THEN
        ${delta(p, 'NEW', 1)}
      END IF;
      IF TG_OP <> 'INSERT' THEN
        ${tidy(p, 'OLD')}
      END IF;
    END IF;`;
  const fn = `FUNCTION count_accounts() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${PG_SCHEMA}, pg_temp AS $$
  BEGIN
    ${parts.map(branch).join('\n    ')}
    RETURN NULL;
  END $$;`;
  const trigger = (p: Part) => `CREATE TRIGGER account_${p}_moved AFTER UPDATE OF ${columns[p].join(', ')} ON accounts FOR EACH ROW
    WHEN (OLD.owner = NEW.owner AND (${by[p]('OLD').join(', ')}) IS DISTINCT FROM (${by[p]('NEW').join(', ')}))
    EXECUTE FUNCTION count_accounts('${p}');`;
  return {
    schema: `${tables}
  CREATE ${fn}
  REVOKE ALL ON FUNCTION count_accounts() FROM PUBLIC;
  CREATE TRIGGER account_counts_kept AFTER INSERT OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION count_accounts('all');
  CREATE TRIGGER account_owner_moved AFTER UPDATE OF owner ON accounts FOR EACH ROW WHEN (OLD.owner IS DISTINCT FROM NEW.owner) EXECUTE FUNCTION count_accounts('all');
  ${parts.map(trigger).join('\n  ')}`,
    function: fn,
    trigger,
    always,
    key,
    day,
  };
}

/**
 * PostgreSQL migration 18's kept count for team review's activity: each rep's accounts in play by the
 * day of their last session, as account_dates' fourth kind, 'touched' ('' for an account never met).
 * Counting the team's untouched accounts through row-level security took 180-230 ms of every review
 * (100,000 accounts), 130 ms with an index (70,000 of them untouched); summing the days before the
 * untouched day reads a few rows a rep.
 */
function touchedSchema(): string {
  const p = countsParts('postgres', true, true);
  return `INSERT INTO account_dates (owner, kind, date, n)
    SELECT a.owner, 'touched', ${p.day.touched('a')}, count(*) FROM accounts a WHERE ${p.day.touched('a')} IS NOT NULL GROUP BY 1, 3;
  CREATE OR REPLACE ${p.function}
  ${p.trigger('touched')}
  -- the accounts last met on a day ahead (a rep preps tomorrow's visit today), read by that day
  CREATE INDEX accounts_last_visit ON accounts (owner, last_visit) WHERE signed = 0 AND dropped = 0;`;
}

/**
 * Each classification an account was given (SQLite 17, PostgreSQL 18), with what the forecast's
 * calibration reads of what became of it: its place among the account's class events, the class
 * given next, the account's first signature and its last drop. Kept by triggers on the events and
 * back-filled; the rate is then one pass over the cases, where reading every class event in order
 * (window functions over 180,000 events of 100,000 accounts) took 0.8-1.4 s of each forecast. What
 * depends on the day or on the playbook's windows (signed within the window, the window gone by) is
 * read at the forecast. An account whose events are all gone has no case left; none is kept for an
 * account that no longer exists (no foreign key: its events' triggers empty it as they go).
 */
function classCasesSchema(dialect: MigratingDialect): string {
  const pg = dialect === 'postgres';
  const own = pg ? 'owner, ' : '';
  // a row damaged outside sales-coach (not JSON) gives no case, as stats leaves it out, and never
  // stops the write that fired the trigger
  const field = (k: string) => (pg ? `(json_or_null(data) ->> '${k}')` : `(CASE WHEN json_valid(data) THEN data ->> '$."${k}"' END)`);
  const kinds = "('class-changed', 'signed', 'dropped')";
  // the class events of the accounts `where` chooses, in the account's order
  const ordered = (where: string) => `SELECT ${own}account_id AS a, date, kind, cls, st, row_number() OVER (PARTITION BY account_id ORDER BY date, id) AS pos
      FROM (SELECT ${own}account_id, id, date, kind, CASE WHEN kind = 'class-changed' THEN ${field('to')} END AS cls, CASE WHEN kind = 'class-changed' THEN ${field('status')} END AS st
        FROM account_events WHERE ${where}kind IN ${kinds}) e`;
  const cases = (where: string) => `INSERT INTO class_cases (${own}account_id, pos, date, cls, next_cls, signed_on, last_drop)
    SELECT ${pg ? 'g.owner, ' : ''}g.a, g.pos, g.date, g.cls, lead(g.cls) OVER (PARTITION BY g.a ORDER BY g.pos), p.signed_on, p.last_drop
    FROM (${ordered(where)}) g
    JOIN (SELECT a, min(CASE WHEN kind = 'signed' THEN date END) AS signed_on, max(CASE WHEN kind = 'dropped' THEN pos END) AS last_drop FROM (${ordered(where)}) o GROUP BY a) p ON p.a = g.a
    WHERE g.kind = 'class-changed' AND g.st = 'classified' AND g.cls IS NOT NULL;`;
  const again = (r: 'NEW' | 'OLD') => `DELETE FROM class_cases WHERE account_id = ${r}.account_id;
    ${cases(`account_id = ${r}.account_id AND `)}`;
  const table = `CREATE TABLE class_cases (
    ${pg ? 'owner name NOT NULL,' : ''}
    account_id ${pg ? 'bigint' : 'INTEGER'} NOT NULL,
    pos integer NOT NULL,
    date text NOT NULL,
    cls text NOT NULL,
    next_cls text,
    signed_on text,
    last_drop integer,
    PRIMARY KEY (account_id, pos)
  )${pg ? '' : ' WITHOUT ROWID'};
  ${cases('')}`;
  if (!pg)
    return `${table}
  CREATE TRIGGER class_cases_insert AFTER INSERT ON account_events WHEN NEW.kind IN ${kinds} BEGIN
    ${again('NEW')}
  END;
  CREATE TRIGGER class_cases_delete AFTER DELETE ON account_events WHEN OLD.kind IN ${kinds} BEGIN
    ${again('OLD')}
  END;
  CREATE TRIGGER class_cases_update AFTER UPDATE OF account_id, kind, date, data ON account_events WHEN OLD.kind IN ${kinds} OR NEW.kind IN ${kinds} BEGIN
    ${again('OLD')}
    ${again('NEW')}
  END;`;
  // the rep's own trigger (not the owner's): the events table's policies apply to its owner too
  // (FORCE), and a rep reads all their account's events; a rep writes only their own cases
  return `${table}
  CREATE INDEX class_cases_owner ON class_cases (owner, cls);
  ALTER TABLE class_cases ENABLE ROW LEVEL SECURITY;
  CREATE POLICY reads ON class_cases FOR SELECT USING (owner = ANY ((SELECT managed_reps() || current_user)::name[]));
  CREATE POLICY own_insert ON class_cases FOR INSERT WITH CHECK (owner = current_user);
  CREATE POLICY own_delete ON class_cases FOR DELETE USING (owner = current_user);
  DO $$ BEGIN EXECUTE format('GRANT SELECT, INSERT, DELETE ON ${PG_SCHEMA}.class_cases TO %I', ${PG_SCHEMA}.rep_role()); END $$;
  CREATE FUNCTION class_cases_kept() RETURNS trigger LANGUAGE plpgsql SET search_path = ${PG_SCHEMA}, pg_temp AS $$
  BEGIN
    IF TG_OP <> 'INSERT' THEN
      ${again('OLD')}
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.account_id IS DISTINCT FROM OLD.account_id) THEN
      ${again('NEW')}
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER class_cases_inserted AFTER INSERT ON account_events FOR EACH ROW WHEN (NEW.kind IN ${kinds}) EXECUTE FUNCTION class_cases_kept();
  CREATE TRIGGER class_cases_deleted AFTER DELETE ON account_events FOR EACH ROW WHEN (OLD.kind IN ${kinds}) EXECUTE FUNCTION class_cases_kept();
  CREATE TRIGGER class_cases_updated AFTER UPDATE OF account_id, owner, kind, date, data ON account_events FOR EACH ROW
    WHEN (OLD.kind IN ${kinds} OR NEW.kind IN ${kinds}) EXECUTE FUNCTION class_cases_kept();`;
}

/** The next step's last day on the account row (SQLite 13, PostgreSQL 13), back-filled from its steps. */
function nextUntilSchema(dialect: MigratingDialect): string {
  const pg = dialect === 'postgres';
  return `ALTER TABLE accounts ADD COLUMN next_until ${pg ? 'text' : 'TEXT'};
  UPDATE accounts SET next_until = (SELECT o.lives_until FROM checklist_items o WHERE o.account_id = accounts.id AND o.state = 'open' ORDER BY o.due, o.id LIMIT 1)
    WHERE next_due IS NOT NULL AND EXISTS (SELECT 1 FROM checklist_items o WHERE o.account_id = accounts.id AND o.state = 'open' AND o.lives_until IS NOT NULL);${
    pg
      ? `
  DO $$ BEGIN
    EXECUTE format('GRANT INSERT (next_until), UPDATE (next_until) ON ${PG_SCHEMA}.accounts TO %I', ${PG_SCHEMA}.rep_role());
  END $$;`
      : ''
  }`;
}

/**
 * The step after the kept next one (SQLite 14, PostgreSQL 14): the first open step (by due day, then
 * id) still alive after the kept step's last day, its due day and its own last day. Once the kept
 * step has lapsed, the account's next step is this one (unless it has lapsed too, which only a second
 * prepared meeting gone by without a session makes so): read from the row, where reading each lapsed
 * account's steps in a new PostgreSQL process cost 90-130 ms for 2,000 accounts (each page of the
 * steps mapped once), and the review counts them. sql-store.ts refreshAccount keeps them; back-filled.
 */
function afterSchema(dialect: MigratingDialect): string {
  const pg = dialect === 'postgres';
  return `ALTER TABLE accounts ADD COLUMN after_due ${pg ? 'text' : 'TEXT'};
  ALTER TABLE accounts ADD COLUMN after_until ${pg ? 'text' : 'TEXT'};
  UPDATE accounts SET after_due = ${afterStepSql('due')}, after_until = ${afterStepSql('lives_until')} WHERE next_until IS NOT NULL;${
    pg
      ? `
  DO $$ BEGIN
    EXECUTE format('GRANT INSERT (after_due, after_until), UPDATE (after_due, after_until) ON ${PG_SCHEMA}.accounts TO %I', ${PG_SCHEMA}.rep_role());
  END $$;`
      : ''
  }`;
}

/**
 * The deal's value on the account (SQLite 15, PostgreSQL 15): the amount, its ISO 4217 currency, the
 * expected signing day. Only accounts with a value are summed: the index holds those alone, with every
 * column the sums read (a review of 50,000 valued accounts: 13-20 ms from the index alone, 74-81 ms
 * when each row was read too), so a review of accounts without values reads nothing more.
 */
function dealSchema(dialect: MigratingDialect): string {
  const pg = dialect === 'postgres';
  return `ALTER TABLE accounts ADD COLUMN amount ${pg ? 'double precision' : 'REAL'};
  ALTER TABLE accounts ADD COLUMN currency ${pg ? 'text' : 'TEXT'};
  ALTER TABLE accounts ADD COLUMN close_date ${pg ? 'text' : 'TEXT'};
  CREATE INDEX accounts_amount ON accounts (${pg ? 'owner, ' : ''}class, class_status, signed, currency, amount) WHERE amount IS NOT NULL;${
    pg
      ? `
  DO $$ BEGIN
    EXECUTE format('GRANT INSERT (amount, currency, close_date), UPDATE (amount, currency, close_date) ON ${PG_SCHEMA}.accounts TO %I', ${PG_SCHEMA}.rep_role());
  END $$;`
      : ''
  }`;
}

/**
 * The forecasts kept (SQLite 16, PostgreSQL 16): one row a week (its Monday) for each kind of period,
 * the latest of the week replacing the one before; `data` is the forecast as `forecast --json` gives it.
 * On the team database each rep's own (row-level security), read by their manager; a rep writes no
 * owner and no id.
 */
function snapshotSchema(dialect: MigratingDialect): string {
  if (dialect === 'sqlite')
    return `CREATE TABLE forecast_snapshots (
    id INTEGER PRIMARY KEY,
    week TEXT NOT NULL,
    kind TEXT NOT NULL,
    made_on TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (week, kind)
  );`;
  return `CREATE TABLE forecast_snapshots (
    id bigserial PRIMARY KEY,
    owner name NOT NULL DEFAULT current_user,
    week text NOT NULL,
    kind text NOT NULL,
    made_on text NOT NULL,
    period_from text NOT NULL,
    period_to text NOT NULL,
    data text NOT NULL,
    UNIQUE (owner, week, kind)
  );
  ALTER TABLE forecast_snapshots ENABLE ROW LEVEL SECURITY;
  ALTER TABLE forecast_snapshots FORCE ROW LEVEL SECURITY;
  CREATE POLICY own_rows ON forecast_snapshots USING (owner = current_user) WITH CHECK (owner = current_user);
  CREATE POLICY team_reads ON forecast_snapshots FOR SELECT USING (EXISTS (SELECT 1 FROM team_members m WHERE m.rep = forecast_snapshots.owner AND m.manager = current_user));
  DO $$ BEGIN
    EXECUTE format('GRANT SELECT, INSERT (week, kind, made_on, period_from, period_to, data), UPDATE (made_on, period_from, period_to, data) ON ${PG_SCHEMA}.forecast_snapshots TO %I', ${PG_SCHEMA}.rep_role());
    EXECUTE format('GRANT USAGE ON SEQUENCE ${PG_SCHEMA}.forecast_snapshots_id_seq TO %I', ${PG_SCHEMA}.rep_role());
  END $$;`;
}

/**
 * PostgreSQL migration 13's half for team review: each rep's accounts needing attention kept as the
 * rest of the review's totals are (see countsParts), back-filled from the accounts; the one trigger
 * function made again with the new part, and the trigger that fires it when an account's day moves.
 */
function attentionSchema(): string {
  const p = countsParts('postgres', true);
  return `
  ALTER TABLE account_counts ADD COLUMN attention integer NOT NULL DEFAULT 0;
  UPDATE account_counts c SET attention = x.n
    FROM (SELECT a.owner, ${p.key('a')} AS k, count(*) AS n FROM accounts a WHERE ${p.always('a')} GROUP BY 1, 2) x
    WHERE x.owner = c.owner AND x.k = c.k;
  INSERT INTO account_dates (owner, kind, date, n)
    SELECT a.owner, 'attention', ${p.day.attention('a')}, count(*) FROM accounts a WHERE ${p.day.attention('a')} IS NOT NULL GROUP BY 1, 3;
  CREATE OR REPLACE ${p.function}
  ${p.trigger('attention')}`;
}
