import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawDb } from '../helpers/db.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import type { StepDecision } from '../../src/engine/account.js';
import { recordVisit } from '../../src/cli/record-visit.js';
import type { Mode } from '../../src/playbook/types.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { APPLICATION_ID, MigrationsNeeded, openSqlite, openSqliteStore, readOnlyCulprit, type SqliteStore } from '../../src/store/sqlite.js';
import { SQLITE_SCHEMA_VERSION } from '../../src/store/schema-version.js';
import { StoreError } from '../../src/store/types.js';
import { builtin } from '../helpers/playbook.js';

const dir = () => mkdtempSync(join(tmpdir(), 'sc-store-'));
const open: SqliteStore[] = [];
const store = (path = join(dir(), 'coach.db'), busyTimeoutMs?: number) => {
  const s = openSqliteStore(path, { busyTimeoutMs });
  open.push(s);
  return s;
};
afterEach(() => {
  for (const s of open.splice(0)) void s.close();
});

const A: Answers = { contact_name: 'Li', contact_role: 'first_kp', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', asked_to_sign: 'yes', signed: 'no', not_signed_reason: 'board', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };
/** A session's result recorded as a session records it: state read, applyVisit, state and events saved. */
function save(s: SqliteStore, account: string, answers: Answers, date = '2026-11-20', mode: Mode = 'debrief', stepDecisions?: Record<number, StepDecision>) {
  const pb = builtin();
  const result = evaluateSession(pb, { mode, answers, visitDate: date, locale: 'en', account: { name: account } });
  return recordVisit(s, pb, account, result, { at: `${date}T18:00:00Z`, ...(stepDecisions ? { stepDecisions } : {}) });
}
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('opening without the migrations (the commands on the rep\'s own file: cli/store.ts)', () => {
  it('a database at this version opens without them; a new or older one asks for them, untouched', () => {
    expect(SQLITE_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    const path = join(dir(), 'coach.db');
    expect(() => openSqlite(path)).toThrow(MigrationsNeeded);
    const made = store(path);
    expect(made.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const again = openSqlite(path);
    open.push(again);
    expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // one version behind: refused as it is, then migrated once the migrations are given
    const older = join(dir(), 'coach.db');
    store(older).db.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    expect(() => openSqlite(older)).toThrow(MigrationsNeeded);
    const raw = rawDb(older);
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION - 1);
    raw.close();
  });
});

describe('the embedded store alone', () => {
  it('reports progress, and a dry run holds no write lock on the database', async () => {
    const path = join(dir(), 'coach.db');
    const s = store(path);
    const other = store(path, 0);
    const seen: number[] = [];
    const rows = Array.from({ length: 25_000 }, (_, i) => ({ line: i + 2, account: `Account ${i % 100}`, contact: { name: `Person ${i}` } }));
    async function* withWriter() {
      for (const r of rows) {
        if (r.line === 5000) await other.importRows(stream([{ line: 2, account: 'Written meanwhile' }]), { at: '2026-11-21T00:00:00Z' });
        yield r;
      }
    }
    const r = await s.importRows(withWriter(), { at: '2026-11-21T00:00:00Z', dryRun: true, onProgress: (n) => seen.push(n) });
    expect(r).toMatchObject({ accounts: 100, contactsAdded: 25_000 });
    expect(seen).toEqual([10_000, 20_000, 25_000]);
    expect(await s.getAccount('Written meanwhile')).toBeDefined();
    expect(await s.getAccount('Account 1')).toBeUndefined();
  });
});

describe('migrations', () => {
  it('a database made by the first version upgrades without loss', async () => {
    const path = join(dir(), 'old.db');
    const db = rawDb(path);
    db.exec(MIGRATIONS[0]);
    db.pragma('user_version = 1');
    db.prepare("INSERT INTO accounts (id, name, name_key, created_at, class, class_status, class_since) VALUES (1, 'Old Co', 'old co', '2026-01-01', 'B', 'classified', '2026-01-02')").run();
    db.prepare("INSERT INTO contacts (account_id, name) VALUES (1, 'Zhang'), (1, 'Wang')").run();
    // a result as the first version wrote it: no class labels yet
    const old = evaluateSession(builtin(), { mode: 'debrief', answers: { ...A, contact_role: 'second_kp', approval_layers: 'one' }, visitDate: '2026-01-02', locale: 'en' });
    delete old.classification.label;
    db.prepare("INSERT INTO visits (id, account_id, mode, date, playbook_id, playbook_hash, answers, result, created_at) VALUES (1, 1, 'debrief', '2026-01-02', 'abcd', 'h', ?, ?, 'x')").run(JSON.stringify(old.answers), JSON.stringify(old));
    db.prepare("INSERT INTO checklist_items (account_id, visit_id, item_key, text, due) VALUES (1, 1, 'meet_first_kp', 'Meet the first KP', '2026-01-09')").run();
    db.close();
    const s = store(path);
    expect(s.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(await s.getAccount('Old Co')).toMatchObject({ class: 'B', playbookId: 'abcd', dropped: false, contacts: 2, openItems: 1, nextDue: '2026-01-09', nextItem: 'Meet the first KP' });
    const t = await s.timeline('Old Co');
    expect(t?.visits).toHaveLength(1);
    // the visits table was rebuilt (for plan sessions): the step still belongs to its visit
    expect(t?.checklist[0]).toMatchObject({ since: '2026-01-02', byRep: false });
    expect(s.db.pragma('foreign_key_check')).toEqual([]);
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('a database made by a newer version is refused, and left exactly as it was', () => {
    const path = join(dir(), 'new.db');
    const db = rawDb(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.exec('CREATE TABLE future (x)');
    db.close();
    const before = sha(path);
    expect(() => store(path)).toThrow(/made by a newer sales-coach \(schema \d+; this one knows up to \d+\)/);
    expect(sha(path)).toBe(before);
  });
});

describe('faults', () => {
  it('a file that is not SQLite is reported and never overwritten', () => {
    const path = join(dir(), 'notes.db');
    writeFileSync(path, 'my important notes\n'.repeat(100));
    const before = sha(path);
    expect(() => store(path)).toThrow(StoreError);
    expect(() => store(path)).toThrow(/not a sales-coach database \(it is not SQLite\); it was left untouched/);
    expect(sha(path)).toBe(before);
  });

  it('a damaged SQLite file is reported and never overwritten', async () => {
    const path = join(dir(), 'damaged.db');
    const s = store(path);
    await s.close();
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 100, 4096); // wreck the first page after the header
    writeFileSync(path, bytes);
    const before = sha(path);
    expect(() => store(path)).toThrow(/is damaged \(.*\); it was not written to|not a sales-coach database, or it is damaged; it was left untouched/);
    expect(sha(path)).toBe(before);
  });

  it('damage deeper in the file (a wrecked table page) is found before any write, with the .recover hint', async () => {
    const path = join(dir(), 'deep.db');
    const s = store(path);
    for (let i = 0; i < 200; i++) await save(s, `Account ${i}`, A);
    await s.close();
    const bytes = readFileSync(path);
    // page 2 onwards: the header and schema page stay intact, so SQLite opens it and only a check can tell
    bytes.fill(0x5a, 4096 * 3 + 8, 4096 * 3 + 600);
    writeFileSync(path, bytes);
    const before = sha(path);
    let error: unknown;
    try {
      store(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/is damaged \(.+\); it was not written to$/);
    expect((error as StoreError).hint).toContain(`sqlite3 ${path} .recover`);
    expect(sha(path)).toBe(before);
  });

  it("someone else's SQLite database is refused and left byte-identical: no tables, no WAL, no version", () => {
    const path = join(dir(), 'photos.db');
    const db = rawDb(path);
    db.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT); INSERT INTO photos (file) VALUES ('a.jpg')");
    db.close();
    const before = sha(path);
    expect(() => store(path)).toThrow(/is a SQLite database, but not sales-coach's \(tables: photos\); it was left untouched/);
    expect(sha(path)).toBe(before);
    const check = rawDb(path, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    check.close();
  });

  it('our databases carry our application id; one from before the marker is recognised and marked', () => {
    const s = store();
    expect(s.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const path = join(dir(), 'v1.db');
    const db = rawDb(path);
    db.exec(MIGRATIONS[0]);
    db.pragma('user_version = 1');
    db.close();
    expect(store(path).db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  });

  it('twenty first runs at once on a new file: every one succeeds, the schema is made once', async () => {
    const path = join(dir(), 'race.db');
    const script = `import { openSqliteStore } from ${JSON.stringify(join(import.meta.dirname, '../../src/store/sqlite.ts'))}; openSqliteStore(process.env.RACE_DB, { busyTimeoutMs: 20000 }).close();`;
    const runs = Array.from({ length: 20 }, () => new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, RACE_DB: path }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stderr }));
    }));
    const results = await Promise.all(runs);
    expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    const s = store(path);
    expect(s.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // each child runs the sources through tsx, which reads kysely's few hundred files one by one (the
    // built CLI has them in one chunk): 20 of them on two cores take longer than the default minute
  }, 150_000);

  it('--db under a file: a clear error naming the path, not an internal error', () => {
    const d = dir();
    writeFileSync(join(d, 'plain'), 'x');
    expect(() => store(join(d, 'plain', 'coach.db'))).toThrow(/cannot create the folder for the database .*plain\/coach\.db: a part of that path is a file/);
  });

  it('a read-only database, folder or stale -shm: the message names the file that is read-only', () => {
    const ro = (...paths: string[]) => (p: string) => !paths.includes(p);
    const all = () => true;
    expect(readOnlyCulprit('/d/coach.db', ro('/d/coach.db'), all).file).toBe('/d/coach.db');
    expect(readOnlyCulprit('/d/coach.db', ro('/d'), all)).toMatchObject({ file: '/d', what: expect.stringContaining('folder') });
    expect(readOnlyCulprit('/d/coach.db', ro('/d/coach.db-shm'), all)).toMatchObject({ file: '/d/coach.db-shm', what: expect.stringContaining('left beside the database') });
  });

  it('another sales-coach holding the database: wait, then a clear error, nothing lost', async () => {
    const path = join(dir(), 'busy.db');
    const first = store(path);
    await save(first, 'Acme', A);
    const holder = rawDb(path);
    holder.prepare('BEGIN IMMEDIATE').run(); // another process mid-write
    const second = store(path, 300);
    const started = Date.now();
    await expect(save(second, 'Beta', A)).rejects.toThrow(/in use by another sales-coach \(waited, then gave up\)/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    holder.prepare('ROLLBACK').run();
    holder.close();
    expect((await second.pipeline({ today: '2026-11-21' })).rows.map((r) => r.name)).toEqual(['Acme']);
  });

  // a real full or read-only disk needs a small file system of our own: try to mount one, once
  const canMount = (() => {
    if (process.getuid?.() !== 0) return false;
    const probe = dir();
    const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
    if (ok) spawnSync('umount', [probe]);
    return ok;
  })();
  describe.runIf(canMount)('on a real small or read-only file system', () => {
    const mounted: string[] = [];
    afterEach(() => {
      for (const m of mounted.splice(0)) spawnSync('umount', [m]);
    });
    const mountTmpfs = (size: string) => {
      const m = dir();
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', m]);
      mounted.push(m);
      return m;
    };

    it('a full disk: a clear error, and what was stored stays', async () => {
      const m = mountTmpfs('400k');
      const s = store(join(m, 'coach.db'));
      await save(s, 'Acme', A);
      writeFileSync(join(m, 'filler'), Buffer.alloc(1)); // the rest of the disk is taken below
      let error: unknown;
      try {
        for (let i = 0; i < 2000; i++) await save(s, `Account ${i} ${'x'.repeat(2000)}`, A);
      } catch (err) {
        error = err;
      }
      expect(String(error)).toMatch(/the disk holding .* is full; nothing was changed/);
      expect((await s.getAccount('Acme'))?.class).toBe('A');
    });

    it('a read-only disk: a clear error, never a crash', async () => {
      const m = mountTmpfs('2m');
      mkdirSync(join(m, 'data'));
      const path = join(m, 'data', 'coach.db');
      const s = store(path);
      await save(s, 'Acme', A);
      await s.close();
      execFileSync('mount', ['-o', 'remount,ro', m]);
      let error: unknown;
      try {
        const again = store(path);
        await save(again, 'Beta', A);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(StoreError);
      expect(String(error)).toMatch(/read-only|cannot open or write/);
    });
  });
});

async function* stream<T>(rows: T[]): AsyncGenerator<T> {
  for (const r of rows) yield r;
}
