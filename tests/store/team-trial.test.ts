/**
 * The findings of a manager's Monday trial on the team database (issue 26), each as the user reads it:
 * the team report's forecast against forecast --team, a question on a signed account, untouched
 * accounts with a prep dated ahead, the header's flags against the accounts listed, a signature after
 * --today, a closed question in `today`, the manager's note quoted as written, and two hints.
 * Each on a real PostgreSQL server, through the CLI.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDebriefAnswers } from '../helpers/answers.js';
import { runCli } from '../helpers/cli.js';
import { ADMIN_PASSWORD, closePgStores, freshDatabase, roleName, serverUrl } from '../helpers/pg.js';

const PASSWORD = 'rep-secret-Ω-2';
let dir: string;
let db: string;
let rep1: string;
let rep2: string;
let boss: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sc-trial-'));
  db = await freshDatabase();
  [rep1, rep2, boss] = [roleName('alice'), roleName('bob'), roleName('carol')];
  writeFileSync(join(dir, 'pw.txt'), `${PASSWORD}\n`, { mode: 0o600 });
  expect((await admin()(['team', 'init'])).code).toBe(0);
  for (const r of [rep1, rep2]) expect((await admin()(['team', 'add', r, '--manager', boss, '--password-file', join(dir, 'pw.txt')])).code).toBe(0);
  expect((await admin()(['team', 'add', boss, '--password-file', join(dir, 'pw.txt')])).code).toBe(0);
});
afterEach(async () => {
  await closePgStores();
});

function as(user: string, password = user.startsWith('sc_admin') ? ADMIN_PASSWORD : PASSWORD) {
  const home = join(dir, `home-${user}`);
  return (args: string[]) => runCli(args, { env: { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), SALES_COACH_DB: serverUrl(user, db), PGPASSWORD: password } });
}
const admin = () => as('sc_admin', ADMIN_PASSWORD);

let files = 0;
/** A debrief of `account` on `date` by `user`, with the answers given replaced. */
async function debrief(user: string, account: string, date: string, extra: Record<string, string> = {}, contact = 'Li'): Promise<void> {
  let body = aDebriefAnswers(contact);
  for (const [k, v] of Object.entries(extra)) body = new RegExp(`^  ${k}: `, 'm').test(body) ? body.replace(new RegExp(`^  ${k}: .*$`, 'm'), `  ${k}: ${v}`) : `${body}  ${k}: ${v}\n`;
  const f = join(dir, `a${files++}.yaml`);
  writeFileSync(f, `mode: debrief\nanswers:\n${body}`);
  const r = await as(user)(['debrief', '--account', account, '--date', date, '--answers', f]);
  expect(r.code, r.stderr).toBe(0);
}

/** A prep of Ms Chen (the example's) for `date`. */
async function prep(user: string, account: string, date: string): Promise<void> {
  const f = join(dir, `p${files++}.yaml`);
  writeFileSync(f, readFileSync(join(import.meta.dirname, '../../examples/demo-prep.yaml'), 'utf8').replace(/^(account|date):.*$/gm, ''));
  const r = await as(user)(['prep', '--account', account, '--date', date, '--answers', f]);
  expect(r.code, r.stderr).toBe(0);
}

const flat = (s: string) => s.replace(/\s+/g, ' ');
const TODAY = '2026-12-05';
/** The report's forecast section (a failure prints it, not the whole page). */
const forecastOf = (html: string) => html.slice(html.indexOf('data-section="forecast"'), html.indexOf('</section>', html.indexOf('data-section="forecast"')));

describe("the manager's Monday trial (issue 26)", () => {
  it("the team report's forecast is forecast --team's (each rep on their own rate), in whole units", async () => {
    // alice: five As long past their window, none signed (her own rate: 0 of 5), and one in December;
    // bob: one A in December, no case decided (the playbook's 80%)
    for (const [i, name] of ['Old1', 'Old2', 'Old3', 'Old4', 'Old5'].entries()) await debrief(rep1, name, `2026-10-0${i + 1}`);
    await debrief(rep1, 'Big', '2026-11-28', { deal_value: '100000' });
    await debrief(rep2, 'Beta', '2026-11-30', { deal_value: '33333' });
    const team = JSON.parse((await as(boss)(['forecast', '--team', '--json', '--today', TODAY])).stdout) as { team: { categories: { commit: { expected: { amount: number }[] } } } };
    expect(team.team.categories.commit.expected[0]?.amount).toBeCloseTo(26666.4);
    const out = join(dir, 'team.html');
    expect((await as(boss)(['report', '--team', '--out', out, '--today', TODAY])).code).toBe(0);
    const html = forecastOf(readFileSync(out, 'utf8'));
    // the same figure, rounded as forecast rounds it; each rep's chance on their own rate
    expect(html).toContain('<td>Commit</td><td class="n">26,666</td><td class="n">133,333</td>');
    expect(html).toContain(`${rep1} · A: chance 0% — ${rep1}&#39;s own rate, 0 of 5 decided`);
    expect(html).toContain(`${rep2} · A: chance 80% — the playbook&#39;s default`);
    expect(html).not.toContain('the team&#39;s own rate');
    // one rep's report: whole units too
    const one = join(dir, 'bob.html');
    expect((await as(boss)(['report', '--rep', rep2, '--out', one, '--today', TODAY])).code).toBe(0);
    expect(forecastOf(readFileSync(one, 'utf8'))).toContain('<td>Commit</td><td class="n">26,666</td>');
  }, 180_000);

  it('a signature after --today counts in neither stats nor the forecast', async () => {
    // an A of 1 Dec that signs on 6 Dec, read on 5 Dec: not signed yet, its window still open
    await debrief(rep2, 'Late', '2026-12-01');
    await debrief(rep2, 'Late', '2026-12-06', { signed: '"yes"' });
    await debrief(rep2, 'Open', '2026-12-02');
    const stats = JSON.parse((await as(rep2)(['stats', '--json', '--today', TODAY])).stdout) as { calibration: { class: string; signedInWindow: { k: number; n: number } }[] };
    expect(stats.calibration.find((c) => c.class === 'A')?.signedInWindow).toMatchObject({ k: 0, n: 0 });
    const f = JSON.parse((await as(rep2)(['forecast', '--json', '--today', TODAY])).stdout) as { classes: { class: string; decided: number; signedInWindow: number }[] };
    expect(f.classes.find((c) => c.class === 'A')).toMatchObject({ decided: 0, signedInWindow: 0 });
    // on the day after, it has signed
    const after = JSON.parse((await as(rep2)(['stats', '--json', '--today', '2026-12-06'])).stdout) as typeof stats;
    expect(after.calibration.find((c) => c.class === 'A')?.signedInWindow).toMatchObject({ k: 1, n: 1 });
  }, 180_000);

  it("a question on a signed account is history on every screen; a closed one is not unread; the manager's note as written; hints", async () => {
    // Gamma: questioned on 25 Nov, signed on 28 Nov. Acme: questioned, answered and closed.
    // Beta (bob): confirmed with a note of the manager's own, a colon in it
    await debrief(rep1, 'Gamma', '2026-11-21', {}, 'Zhou');
    expect((await as(boss)(['account', 'challenge', 'Gamma', '--rep', rep1, '--note', 'Why is this an A?', '--today', '2026-11-25'])).code).toBe(0);
    await debrief(rep1, 'Gamma', '2026-11-28', { signed: '"yes"' }, 'Zhou');
    await debrief(rep1, 'Acme', '2026-11-30');
    expect((await as(boss)(['account', 'challenge', 'Acme', '--rep', rep1, '--note', 'Who signs?', '--today', '2026-12-01'])).code).toBe(0);
    expect((await as(rep1)(['account', 'reply', 'Acme', '--note', 'The board', '--today', '2026-12-02'])).code).toBe(0);
    expect((await as(boss)(['account', 'resolve', 'Acme', '--rep', rep1, '--today', '2026-12-03'])).code).toBe(0);
    await debrief(rep2, 'Beta', '2026-12-01', {}, 'Wu');
    expect((await as(boss)(['account', 'validate', 'Beta', '--rep', rep2, '--note', 'Agreed: first KP met', '--today', '2026-12-02'])).code).toBe(0);

    // the team's report lists no question still open: Gamma's signed, Acme's closed
    const out = join(dir, 'team.html');
    expect((await as(boss)(['report', '--team', '--out', out, '--today', TODAY])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain('Questions still open');
    const mine = join(dir, 'mine.html');
    expect((await as(rep1)(['report', '--out', mine, '--today', TODAY])).code).toBe(0);
    expect(readFileSync(mine, 'utf8')).not.toContain('Questions still open');
    // the rep's accounts tells Gamma's question as history, as team review does
    const accounts = flat((await as(rep1)(['accounts', '--today', TODAY])).stdout);
    expect(accounts).toContain(`Gamma: ${boss} questioned the class A before it signed on Sat 28 Nov 2026 — Why is this an A?`);
    expect(accounts).not.toContain('answered, not closed yet');
    // nor does a prep of Gamma put it under the open questions
    const f = join(dir, 'gamma-prep.yaml');
    writeFileSync(f, readFileSync(join(import.meta.dirname, '../../examples/demo-prep.yaml'), 'utf8').replace(/^(account|date):.*$/gm, ''));
    const gammaPrep = await as(rep1)(['prep', '--account', 'Gamma', '--date', '2026-12-04', '--answers', f]);
    expect(gammaPrep.code, gammaPrep.stderr).toBe(0);
    expect(flat(gammaPrep.stderr)).not.toContain('Open questions from your manager');
    expect(flat((await as(boss)(['team', 'review', '--today', TODAY, '--since', '2026-11-01'])).stdout)).toContain(`Gamma: ${boss} questioned the class A before it signed on Sat 28 Nov 2026 — Why is this an A?`);

    // today: the closed question is not "not yet read"; the manager's note with its own colon
    const today = flat((await as(rep1)(['today', '--today', TODAY])).stdout);
    expect(today).not.toContain('Who signs?');
    const bob = flat((await as(rep2)(['today', '--today', TODAY])).stdout);
    expect(bob).toContain(`From your manager, not yet read`);
    expect(bob).toContain(`Beta: ${boss} confirmed the class A — Agreed: first KP met`);
    expect(flat((await as(rep2)(['accounts', '--today', TODAY])).stdout)).toContain('Agreed: first KP met');
    expect(flat((await as(boss)(['team', 'review', '--today', TODAY])).stdout)).toContain('Agreed: first KP met');

    // a rep closing their own question: told whose it is to close and how to answer
    const self = await as(rep1)(['account', 'resolve', 'Gamma', '--rep', rep1, '--today', TODAY]);
    expect(self.code).toBe(2);
    expect(flat(self.stderr)).toContain("Gamma is your own account: its questions are your manager's to close, not a rep's");
    expect(flat(self.stderr)).toContain('sales-coach account reply Gamma --note');
    expect(self.stderr).not.toContain('team add');
    expect(flat((await as(rep1)(['--lang', 'zh-CN', 'account', 'resolve', 'Gamma', '--rep', rep1])).stderr)).toContain('由你的经理来结束');
    // the manager's accounts --rep R: the command that lists R's people
    expect(flat((await as(boss)(['accounts', '--rep', rep2, '--today', TODAY])).stdout)).toContain(`only one person on record (account show NAME --rep ${rep2} lists them)`);
  }, 180_000);

  it('a prep dated ahead is not a visit: untouched per account as the count says, named on screen; the header agrees with the accounts listed', async () => {
    // Acme: last met 1 Nov, a prep for 9 Dec; Delta: met 1 Nov; Gamma: met 4 Dec (one person on record,
    // nothing needing attention)
    await debrief(rep1, 'Acme', '2026-11-01');
    await prep(rep1, 'Acme', '2026-12-09');
    await debrief(rep1, 'Delta', '2026-11-01', {}, 'Wu');
    await debrief(rep1, 'Gamma', '2026-12-04', {}, 'Zhou');
    const review = ['team', 'review', '--today', TODAY, '--since', TODAY];
    const text = flat((await as(boss)(review)).stdout);
    expect(text).toContain('2 accounts untouched for 14 days or more');
    expect(text).toContain('untouched: Acme (last visit Sun 1 Nov 2026), Delta (last visit Sun 1 Nov 2026)');
    const csv = (await as(boss)([...review, '--csv'])).stdout.trim().split(/\r?\n/).map((l) => l.split(','));
    const [last, untouched] = [csv[0].indexOf('last_visit'), csv[0].indexOf('untouched')];
    expect(csv.find((l) => l[1] === 'Acme')?.[last]).toBe('2026-11-01');
    expect(csv.find((l) => l[1] === 'Acme')?.[untouched]).toBe('yes');
    expect(csv.find((l) => l[1] === 'Gamma')?.[untouched]).toBe('');
    const json = JSON.parse((await as(boss)([...review, '--json'])).stdout) as { reps: { rep: string; accounts: { name: string; lastVisit?: string; untouched: boolean }[] }[] };
    expect(json.reps.find((r) => r.rep === rep1)?.accounts.find((a) => a.name === 'Acme')).toMatchObject({ lastVisit: '2026-11-01', untouched: true });

    // the header counts Gamma's one person on record: --all lists Gamma, and without it the screen says so
    expect(text).toContain('2 only one person on record');
    expect(text).toContain('those with only one person on record and nothing needing attention are listed with --all');
    const all = flat((await as(boss)([...review, '--all'])).stdout);
    expect(all).toContain('1 more flagged, not needing attention: Gamma A · ! only one person on record');
  }, 180_000);
});
