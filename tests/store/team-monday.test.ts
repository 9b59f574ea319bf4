/**
 * A manager's Monday trial on the team database (issue 26): what the manager reads in `team review`
 * of a rep's missed debrief, a signed account and its old question, the flags in one order, and what
 * a rep reads there; `stats --rep`. Each on a real PostgreSQL server, through the CLI.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDebriefAnswers } from '../helpers/answers.js';
import { runCli } from '../helpers/cli.js';
import { ADMIN_PASSWORD, closePgStores, freshDatabase, roleName, serverUrl } from '../helpers/pg.js';

const PASSWORD = 'rep-secret-Ω-1';
let dir: string;
let db: string;
let rep1: string;
let rep2: string;
let boss: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sc-monday-'));
  db = await freshDatabase();
  [rep1, rep2, boss] = [roleName('alice'), roleName('bob'), roleName('carol')];
  writeFileSync(join(dir, 'pw.txt'), `${PASSWORD}\n`, { mode: 0o600 });
});
afterEach(async () => {
  await closePgStores();
});

function as(user: string, password = user.startsWith('sc_admin') ? ADMIN_PASSWORD : PASSWORD) {
  const home = join(dir, `home-${user}`);
  return (args: string[]) => runCli(args, { env: { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), SALES_COACH_DB: serverUrl(user, db), PGPASSWORD: password } });
}
const admin = () => as('sc_admin', ADMIN_PASSWORD);

function answers(name: string, mode: 'prep' | 'debrief', contact = 'Li', extra: Record<string, string> = {}): string {
  const f = join(dir, name);
  let body = aDebriefAnswers(contact);
  for (const [k, v] of Object.entries(extra)) body = body.replace(new RegExp(`^  ${k}: .*$`, 'm'), `  ${k}: ${v}`);
  writeFileSync(f, `mode: ${mode}\nanswers:\n${body}`);
  return f;
}

async function setUpTeam(): Promise<void> {
  expect((await admin()(['team', 'init'])).code).toBe(0);
  for (const r of [rep1, rep2]) expect((await admin()(['team', 'add', r, '--manager', boss, '--password-file', join(dir, 'pw.txt')])).code).toBe(0);
  expect((await admin()(['team', 'add', boss, '--password-file', join(dir, 'pw.txt')])).code).toBe(0);
}

/** A prep of Ms Chen (the example's), for the day given on the command line. */
function prepFile(): string {
  const f = join(dir, 'prep.yaml');
  writeFileSync(f, readFileSync(join(import.meta.dirname, '../../examples/demo-prep.yaml'), 'utf8').replace(/^(account|date):.*$/gm, ''));
  return f;
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

/**
 * alice: Acme (an A, 20 Nov) prepared for 1 Dec and not debriefed; Gamma (an A, 21 Nov) questioned by
 * the manager on 25 Nov and signed on 28 Nov. bob: Beta (an A, 22 Nov, one person on record).
 */
async function monday(): Promise<void> {
  await setUpTeam();
  expect((await as(rep1)(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', answers('a.yaml', 'debrief')])).code).toBe(0);
  expect((await as(rep1)(['prep', '--account', 'Acme', '--date', '2026-12-01', '--answers', prepFile()])).code).toBe(0);
  expect((await as(rep1)(['debrief', '--account', 'Gamma', '--date', '2026-11-21', '--answers', answers('g.yaml', 'debrief', 'Zhou')])).code).toBe(0);
  expect((await as(boss)(['account', 'challenge', 'Gamma', '--rep', rep1, '--note', 'Why is this an A?', '--today', '2026-11-25'])).code).toBe(0);
  expect((await as(rep1)(['debrief', '--account', 'Gamma', '--date', '2026-11-28', '--answers', answers('g2.yaml', 'debrief', 'Zhou', { signed: '"yes"' })])).code).toBe(0);
  expect((await as(rep2)(['debrief', '--account', 'Beta', '--date', '2026-11-22', '--answers', answers('b.yaml', 'debrief', 'Wu')])).code).toBe(0);
}

const REVIEW = ['team', 'review', '--today', '2026-12-05', '--since', '2026-11-01'];
type Json = { flagCounts: Record<string, number>; undebriefed: number; reps: { rep: string; flagCounts: Record<string, number>; undebriefed: { account: string; date: string }[]; accounts: { name: string; signed: boolean; flags: string[] }[]; notes: { account: string; signedOn?: string }[] }[] };

describe("a manager's Monday", () => {
  it("shows a rep's missed debrief (a prep whose day passed with no debrief) per rep, in --json and --csv too", async () => {
    await monday();
    // the rep's own morning screen recalls it
    expect(flat((await as(rep1)(['today', '--today', '2026-12-05'])).stdout)).toContain('Not yet debriefed Acme the visit of Tue 1 Dec 2026');
    const text = flat((await as(boss)(REVIEW)).stdout);
    expect(text).toContain('1 visit prepared and not debriefed');
    expect(text).toContain(`${rep1}: 2 accounts A 1 Signed 1 3 debriefs since Sun 1 Nov 2026 ! 1 visit prepared and not debriefed: Acme (Tue 1 Dec 2026)`);
    expect(text.slice(text.indexOf(`${rep2}:`))).not.toContain('not debriefed');
    const json = JSON.parse((await as(boss)([...REVIEW, '--json'])).stdout) as Json;
    expect(json.undebriefed).toBe(1);
    expect(json.reps.find((r) => r.rep === rep1)?.undebriefed).toEqual([{ account: 'Acme', date: '2026-12-01' }]);
    expect(json.reps.find((r) => r.rep === rep2)?.undebriefed).toEqual([]);
    const csv = (await as(boss)([...REVIEW, '--csv'])).stdout.trim().split(/\r?\n/).map((l) => l.split(','));
    const col = csv[0].indexOf('not_debriefed');
    expect(col).toBeGreaterThan(0);
    expect(csv.find((l) => l[1] === 'Acme')?.[col]).toBe('2026-12-01');
    expect(csv.find((l) => l[1] === 'Beta')?.[col]).toBe('');
    expect(flat((await as(boss)(['--lang', 'zh-CN', ...REVIEW])).stdout)).toContain('1次拜访做了准备但还没复盘：Acme（2026年12月1日');
    // the debrief of that visit clears it
    expect((await as(rep1)(['debrief', '--account', 'Acme', '--date', '2026-12-01', '--answers', answers('a2.yaml', 'debrief', '"Ms Chen"')])).code).toBe(0);
    expect((await as(boss)(REVIEW)).stdout).not.toContain('not debriefed');
  }, 120_000);

  it('a signed account is "signed" in the class column of --csv, as --json and the screens say it', async () => {
    await monday();
    const csv = (await as(boss)([...REVIEW, '--csv'])).stdout.trim().split(/\r?\n/).map((l) => l.split(','));
    const cls = csv[0].indexOf('class');
    expect(csv.find((l) => l[1] === 'Gamma')?.[cls]).toBe('signed');
    expect(csv.find((l) => l[1] === 'Acme')?.[cls]).toBe('A');
    const json = JSON.parse((await as(boss)([...REVIEW, '--json'])).stdout) as Json;
    expect(json.reps.find((r) => r.rep === rep1)?.accounts.find((a) => a.name === 'Gamma')?.signed).toBe(true);
  }, 120_000);

  it('a question on the class of an account that signed since is history, dated: not an open question', async () => {
    await monday();
    const text = flat((await as(boss)(REVIEW)).stdout);
    expect(text).toContain(`Gamma: ${boss} questioned the class A before it signed on Sat 28 Nov 2026 — Why is this an A?`);
    expect(text).not.toContain('questions the class A');
    expect(text).not.toContain('open: waiting for an answer');
    const json = JSON.parse((await as(boss)([...REVIEW, '--json'])).stdout) as Json;
    expect(json.reps.find((r) => r.rep === rep1)?.notes).toMatchObject([{ account: 'Gamma', signedOn: '2026-11-28' }]);
    // older than the period: no longer listed as a question still open
    expect((await as(boss)(['team', 'review', '--today', '2026-12-20'])).stdout).not.toContain('Why is this an A?');
  }, 120_000);

  it('lists flags in one order, with --rep or without', async () => {
    await monday();
    const all = JSON.parse((await as(boss)([...REVIEW, '--json'])).stdout) as Json;
    const bob = JSON.parse((await as(boss)([...REVIEW, '--json', '--rep', rep2])).stdout) as Json;
    // the store's order (window, no_next, one_contact, provisional, overdue): the team's header read the
    // first rep's order (alice: window, overdue), so bob's one_contact came last without --rep
    expect(Object.keys(all.flagCounts)).toEqual(['window', 'one_contact', 'overdue']);
    expect(Object.keys(bob.flagCounts)).toEqual(['window', 'one_contact', 'overdue']);
    expect(bob.reps[0].accounts[0].flags).toEqual(['window', 'one_contact', 'overdue']);
    const header = (out: string) => out.split('\n').slice(1, out.split('\n').indexOf('')).map((l) => l.replace(/^\s*\d+\s+/, ''));
    const words = header((await as(boss)(REVIEW)).stdout);
    expect(words.slice(0, 3)).toEqual(['past its signing window: sign or reclassify', 'only one person on record (account show NAME --rep REP lists them)', 'a next step is overdue']);
    expect(header((await as(boss)([...REVIEW, '--rep', rep2])).stdout)).toEqual(words.filter((w) => !w.includes('not debriefed')));
  }, 120_000);

  it("a rep on team review is told it is a manager's screen and where their own accounts are", async () => {
    await monday();
    const r = await as(rep1)(['team', 'review', '--today', '2026-12-05']);
    expect(r.code).toBe(0);
    expect(flat(r.stdout)).toContain(`Team review is a manager's screen: it reads the accounts of the reps one manages, and you manage no one here. Your own accounts: sales-coach accounts (your manager, ${boss}, reads them in their team review).`);
    expect(r.stdout).not.toContain('team add');
    expect(flat((await as(rep1)(['--lang', 'zh-CN', 'team', 'review'])).stdout)).toContain('团队回顾是经理用的页面');
    // a manager with no reps yet is still told how reps are added to them
    const alone = roleName('dave');
    expect((await admin()(['team', 'add', alone, '--password-file', join(dir, 'pw.txt')])).code).toBe(0);
    expect((await as(alone)(['team', 'review'])).stdout).toContain('team add NAME --manager YOU');
  }, 120_000);

  it("stats --rep: a manager reads a rep of their team's stats; another name is refused with the rep meant", async () => {
    await monday();
    const alice = await as(boss)(['stats', '--rep', rep1, '--json', '--today', '2026-12-05']);
    expect(alice.code, alice.stderr).toBe(0);
    const s = JSON.parse(alice.stdout) as { rep: string; accounts: number; visits: number; habits: { signedWhenAsked: { k: number; n: number } } };
    // alice's Acme and Gamma: four visits (Acme's prep of 1 Dec among them), Gamma signed at its visit of 28 Nov, which asked
    expect(s).toMatchObject({ rep: rep1, accounts: 2, visits: 4 });
    expect(s.habits.signedWhenAsked).toMatchObject({ k: 1 });
    expect(JSON.parse((await as(boss)(['stats', '--rep', rep2, '--json', '--today', '2026-12-05'])).stdout)).toMatchObject({ rep: rep2, accounts: 1 });
    const text = await as(boss)(['stats', '--rep', rep1, '--today', '2026-12-05']);
    expect(flat(text.stdout)).toContain(`${rep1}'s classes, checked against what happened (read-only)`);
    expect(flat(text.stdout)).toContain('all history to 2026-12-05: 2 accounts, 4 visits');
    // without --rep, the manager's own (none)
    expect(JSON.parse((await as(boss)(['stats', '--json', '--today', '2026-12-05'])).stdout)).toMatchObject({ accounts: 0 });
    // a misspelt rep: the one meant, as accounts --rep and forecast --rep say it
    const typo = await as(boss)(['stats', '--rep', `${rep1}x`]);
    expect(typo.code).not.toBe(0);
    expect(flat(typo.stderr)).toContain(`${rep1}x is not a rep of your team`);
    expect(flat(typo.stderr)).toContain(`did you mean ${rep1}?`);
    // a rep reads no one else's
    const other = await as(rep1)(['stats', '--rep', rep2]);
    expect(other.code).not.toBe(0);
    expect(flat(other.stderr)).toContain(`${rep2} is not a rep of your team`);
    // an account of the rep, and one they do not have
    expect(JSON.parse((await as(boss)(['stats', '--rep', rep1, '--account', 'Gamma', '--json', '--today', '2026-12-05'])).stdout)).toMatchObject({ accounts: 1 });
    expect(flat((await as(boss)(['stats', '--rep', rep1, '--account', 'Gama'])).stderr)).toContain('did you mean "Gamma"?');
  }, 120_000);
});

describe('stats --rep on the database on this machine', () => {
  it('is refused with the reason, as forecast --rep is', async () => {
    const home = mkdtempSync(join(tmpdir(), 'sc-monday-local-'));
    const env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), SALES_COACH_DB: undefined as unknown as string };
    const r = await runCli(['stats', '--rep', 'wang_li'], { env });
    const f = await runCli(['forecast', '--rep', 'wang_li'], { env });
    expect(r.code).not.toBe(0);
    expect(flat(r.stderr)).toContain("--rep reads a rep's accounts on a team database, and this is the database on this machine");
    expect(r.stderr).toBe(f.stderr);
    expect(r.code).toBe(f.code);
  });
});
