/**
 * Issue 11, through the built binary: what happens at the edges (a full disk, a closed pipe, a file
 * that will not fit) — loud failures that harm nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawDb } from '../helpers/db.js';
import { BIN, runBin, sandbox, scratch } from '../helpers/spawn.js';
import { aDebriefAnswers } from '../helpers/answers.js';

/** Runs the binary with stdout sent to a given file descriptor (e.g. /dev/full). */
function runTo(args: string[], stdoutFd: number, env: Record<string, string>, opts: { shell?: string } = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = opts.shell
      ? spawn('bash', ['-c', opts.shell], { env, stdio: ['ignore', stdoutFd, 'pipe'] })
      : spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', stdoutFd, 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const debrief = `mode: debrief
account: Acme
date: 2026-11-20
answers:
${aDebriefAnswers()}`;

describe('a failed write to stdout', () => {
  const cases = [['--version'], ['--help'], ['export', '--json'], ['accounts', '--json'], ['checklist', '--json'], ['demo', '--json'], ['prep', '--demo', '--json']];
  it.each(cases.map((args) => ({ name: args.join(' '), args })))('$name > /dev/full exits 74 with one line, no stack', async ({ args }) => {
    const { env } = sandbox();
    const fd = openSync('/dev/full', 'w');
    try {
      const r = await runTo(args, fd, env);
      expect(r.code).toBe(74);
      expect(r.stderr).toBe('sales-coach: cannot write to standard output (the disk is full); the output is incomplete\n');
    } finally {
      closeSync(fd);
    }
  });

  it('a reader that closed the pipe: exit 141 (as SIGPIPE), and nothing said (`accounts | head` is not a failure)', async () => {
    const { env } = sandbox();
    // `true` is gone long before node has started, so the first write meets a closed pipe
    const r = await runTo([], 'ignore' as never, env, { shell: `"${process.execPath}" "${BIN}" --help | true; exit "\${PIPESTATUS[0]}"` });
    expect(r.code).toBe(141);
    expect(r.stderr).toBe('');
  });
});

describe('files are replaced whole, or not at all', () => {
  it('export refuses to overwrite without --force, and writes with it', async () => {
    const { env } = sandbox();
    const { dir, file } = scratch('sc-exp-');
    const ics = file('keep.ics', 'MY CALENDAR\n');
    const r = await runBin(['export', '--ics', ics], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('keep.ics already exists; nothing was written');
    expect(r.stderr).toContain('--force');
    expect(readFileSync(ics, 'utf8')).toBe('MY CALENDAR\n');
    writeFileSync(join(dir, 'visits.csv'), 'mine\n');
    const csv = await runBin(['export', '--csv', dir], { env });
    expect(csv.code).toBe(2);
    expect(existsSync(join(dir, 'accounts.csv'))).toBe(false); // nothing half-exported beside the old file
    expect((await runBin(['export', '--ics', ics, '--force'], { env })).code).toBe(0);
    expect(readFileSync(ics, 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a file-size limit hit while writing leaves the previous export intact', async () => {
    const { env } = sandbox();
    const { file } = scratch('sc-fsz-');
    // enough contacts that contacts.csv is larger than the 64 KB limit below (the database is only read)
    const rows = Array.from({ length: 3000 }, (_, i) => `Acme,Contact number ${i},Head of purchasing`).join('\n');
    expect((await runBin(['import', '--csv', file('crm.csv', `account,contact,title\n${rows}\n`)], { env })).code).toBe(0);
    const { dir } = scratch('sc-fsz-out-');
    writeFileSync(join(dir, 'contacts.csv'), 'PREVIOUS\n');
    const r = await runTo([], 'ignore' as never, env, { shell: `ulimit -f 64; "${process.execPath}" "${BIN}" export --force --csv "${dir}" >/dev/null` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the file is larger than this system allows (EFBIG)');
    expect(r.stderr).toContain('contacts.csv was left as it was');
    expect(readFileSync(join(dir, 'contacts.csv'), 'utf8')).toBe('PREVIOUS\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a save that fails (the database busy) says the visit was not saved, exit 2, and nothing half-written', async () => {
    const { env, home } = sandbox();
    const { file } = scratch('sc-busy-');
    const answers = file('d.yaml', debrief);
    expect((await runBin(['accounts'], { env })).code).toBe(0); // makes the database
    const holder = rawDb(join(home, 'data', 'sales-coach', 'coach.db'));
    holder.prepare('BEGIN IMMEDIATE').run(); // another sales-coach mid-write
    try {
      const r = await runBin(['debrief', '--answers', answers], { env: { ...env, SALES_COACH_DB_TIMEOUT_MS: '200' } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is in use by another sales-coach (waited, then gave up); the visit was not saved');
      expect(r.stderr).not.toContain('Saved');
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
  });

  it('a failing --out after a debrief keeps the visit: saved first, then the failure reported', async () => {
    const { env } = sandbox();
    const { dir, file } = scratch('sc-out-');
    mkdirSync(join(dir, 'a-folder'));
    // a folder in the file's place is known before the session: refused first, nothing saved (issue 22)
    const first = await runBin(['debrief', '--answers', file('d.yaml', debrief), '--out', join(dir, 'a-folder')], { env });
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('it is a folder');
    expect(first.stderr).not.toContain('Saved');
    // a folder that is not there is found only when writing: the visit is saved first
    const r = await runBin(['debrief', '--answers', file('d.yaml', debrief), '--out', join(dir, 'no-such-folder', 'out.md')], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Saved');
    expect(r.stderr).toContain('the visit itself is saved');
    const shown = await runBin(['account', 'show', 'Acme', '--json'], { env });
    expect(JSON.parse(shown.stdout).visits).toHaveLength(1);
  });
});

// permissions bind only a user other than root: run the binary as "nobody" where we can
// (and only where "nobody" can run this Node and read this checkout: not from a private temp folder)
const asNobody =
  process.getuid?.() === 0 &&
  spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, '--version'], { env: { HOME: '/tmp', PATH: process.env.PATH ?? '' } }).status === 0;
describe.runIf(asNobody)('a read-only database, folder or stale -shm: the message names that file', () => {
  // a write (an import): reading may well work where writing cannot
  const csvDir = scratch('sc-ro-csv-');
  const csv = csvDir.file('crm.csv', 'account,contact\nAcme,Li\n');
  const run = (db: string) =>
    spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, '--db', db, 'import', '--csv', csv], { env: { HOME: '/tmp', NO_COLOR: '1', PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
  const made = () => {
    const { dir } = scratch('sc-ro-');
    chmodSync(dir, 0o755);
    chmodSync(csvDir.dir, 0o755);
    const db = join(dir, 'coach.db');
    expect(spawnSync(process.execPath, [BIN, '--db', db, 'accounts']).status).toBe(0);
    return { dir, db };
  };

  it('the database file', () => {
    const { dir, db } = made();
    chmodSync(dir, 0o777);
    const r = run(db);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot write ${db}: the database file is read-only here`);
  });

  it('its folder (where the -wal and -shm files go)', () => {
    const { dir, db } = made();
    chownSync(db, 65534, 65534);
    const r = run(db);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot write ${dir}: the folder holding the database`);
  });

  it('a stale -shm left by another user', () => {
    const { dir, db } = made();
    chmodSync(dir, 0o777);
    chownSync(db, 65534, 65534);
    writeFileSync(`${db}-shm`, Buffer.alloc(32768));
    const r = run(db);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot write ${db}-shm: a file left beside the database`);
  });
});
