/**
 * Versioned migrations, applied in order inside one transaction each; PRAGMA user_version records
 * how far a database has come. Never edit a migration once released: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
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
];

export const SCHEMA_VERSION = MIGRATIONS.length;
