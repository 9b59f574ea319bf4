/**
 * The team database's schema (PostgreSQL), versioned like the embedded one: each entry is applied
 * once, in order, all of them in one transaction under an advisory lock (see PostgresStore.migrate).
 * The columns are the embedded store's (store/shape.ts reads both); each row also says whose it is
 * (`owner`, the rep's database role), and row-level security lets a rep see and change only their
 * own rows and a manager read their team's. Never edit an entry once released: add the next one.
 */
export const PG_SCHEMA = 'sales_coach';
/** The group role every rep (and manager) is a member of: it holds the table privileges. */
export const REP_ROLE = 'sales_coach_rep';

const OWNED = ['accounts', 'contacts', 'visits', 'checklist_items', 'account_events'] as const;
const CHILDREN = ['contacts', 'visits', 'checklist_items', 'account_events'] as const;
const NOTE_KINDS = "('class-validated', 'class-challenged')";

/** What makes a row of a child table the current rep's own: theirs, on their account, from their visit. */
function ownChild(t: (typeof CHILDREN)[number]): string {
  const mine = [`owner = current_user`, `EXISTS (SELECT 1 FROM accounts a WHERE a.id = ${t}.account_id AND a.owner = current_user)`];
  if (t === 'checklist_items' || t === 'account_events') mine.push(`(${t}.visit_id IS NULL OR EXISTS (SELECT 1 FROM visits v WHERE v.id = ${t}.visit_id AND v.owner = current_user))`);
  if (t === 'account_events') mine.push(`by_user = current_user`, `kind NOT IN ${NOTE_KINDS}`);
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
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;
