/** The store through the built binary: sessions that remember, the pipeline review, checklist, export, import. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawDb } from '../helpers/db.js';
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

const { file } = scratch('sc-acc-');
const debrief = (extra = '') => `mode: debrief
answers:
  contact_name: Li
  contact_role: first_kp
  contacts_known: 1
  has_need: "yes"
  buying_power: "yes"
  sees_value: "yes"
  persona: koala
  asked_to_sign: "yes"
  signed: "no"
  not_signed_reason: board
  polite_excuse: "no"
  statement_changed: "no"
  plan_shared: "yes"
${extra}`;

/** A fresh home and database for one scenario. */
function world() {
  const { env, home } = sandbox();
  const run = (args: string[], input?: string) => runBin(args, { env, input });
  return { env, home, run, db: join(home, 'data', 'sales-coach', 'coach.db') };
}

/** How many questions a session would ask: the missing answers it reports with --no-input. */
async function questionsAsked(run: ReturnType<typeof world>['run'], mode: string, account: string): Promise<number> {
  const r = await run([mode, '--account', account, '--answers', file('empty.yaml', `mode: ${mode}\nanswers: {}\n`), '--no-input']);
  const m = /(\d+) answers? missing/.exec(r.stderr);
  return m ? Number(m[1]) : 0;
}

describe('sessions that remember', () => {
  it('a repeat visit asks at most half the questions of a first visit', async () => {
    const w = world();
    const first = await questionsAsked(w.run, 'prep', 'Acme');
    expect((await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', file('d.yaml', debrief())])).code).toBe(0);
    const repeat = await questionsAsked(w.run, 'prep', 'Acme');
    expect(first).toBeGreaterThanOrEqual(10);
    // in a terminal the rep also confirms the carried facts in one question
    expect(repeat + 1).toBeLessThanOrEqual(first / 2);
  });

  it('debrief --account shows what changed and flags what contradicts the last visit', async () => {
    const w = world();
    await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', file('d1.yaml', debrief())]);
    const r = await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-27', '--review', '--answers', file('d2.yaml', debrief().replace('buying_power: "yes"', 'buying_power: "no"'))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Changed since the last visit');
    expect(r.stdout).toContain('buying_power: "yes" → "no"');
    expect(r.stdout).toMatch(/! {2}Changed since the last visit: buying power Yes → No\. Which is true\?/);
    expect(r.stdout).toContain(' D  Acme');
    expect(r.stdout).toContain('Class A at the last visit (Fri, 20 Nov 2026), D now.');
  });
});

describe('the weekly pipeline review', () => {
  it('counts by class, flags from the playbook\'s windows, and what moved', async () => {
    const w = world();
    await w.run(['debrief', '--account', 'Old A', '--date', '2026-11-01', '--answers', file('a.yaml', debrief())]);
    await w.run(['debrief', '--account', 'Fresh A', '--date', '2026-11-20', '--answers', file('a2.yaml', debrief('  next_meeting: 2026-12-20\n'))]);
    await w.run(['debrief', '--account', 'Dropped', '--date', '2026-11-10', '--answers', file('a3.yaml', debrief())]);
    await w.run(['debrief', '--account', 'Dropped', '--date', '2026-11-22', '--review', '--answers', file('a4.yaml', debrief().replace('has_need: "yes"', 'has_need: "no"'))]);
    await w.run(['debrief', '--account', 'Won', '--date', '2026-11-23', '--answers', file('a5.yaml', debrief().replace('signed: "no"\n  not_signed_reason: board', 'signed: "yes"'))]);
    const asB = debrief().replace('contact_role: first_kp', 'contact_role: second_kp\n  approval_layers: one').replace(/ {2}asked_to_sign.*\n {2}signed.*\n {2}not_signed_reason.*\n/, '');
    await w.run(['debrief', '--account', 'Climber', '--date', '2026-11-05', '--answers', file('b1.yaml', asB)]);
    await w.run(['debrief', '--account', 'Climber', '--date', '2026-11-24', '--review', '--answers', file('b2.yaml', debrief())]);
    await w.run(['debrief', '--account', 'Faller', '--date', '2026-11-06', '--answers', file('b3.yaml', debrief())]);
    await w.run(['debrief', '--account', 'Faller', '--date', '2026-11-24', '--review', '--answers', file('b4.yaml', asB)]);
    const r = await w.run(['accounts', '--today', '2026-11-25', '--since', '7d', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.counts).toEqual({ A: 4, B: 1, D: 1 });
    const byName = Object.fromEntries(out.accounts.map((a: { name: string }) => [a.name, a]));
    expect(byName['Old A'].flags).toContain('window'); // an A past 10 days unsigned
    expect(byName['Old A'].classAgeDays).toBe(24);
    expect(byName['Fresh A'].flags).not.toContain('window');
    expect(byName.Won.flags).not.toContain('window');
    expect(byName['Old A'].flags).toContain('one_contact');
    expect(out.moved.map((m: { kind: string; account: string }) => `${m.kind}:${m.account}`)).toEqual(['new:Fresh A', 'dropped:Dropped', 'new:Won', 'signed:Won', 'upgraded:Climber', 'downgraded:Faller']);
    const text = await w.run(['accounts', '--today', '2026-11-25', '--flag', 'window']);
    expect(text.stdout).toContain('Old A');
    expect(text.stdout).not.toContain('Fresh A');
    const csv = await w.run(['accounts', '--today', '2026-11-25', '--csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('account,class,status,class_since,class_age_days,last_visit,signed,contacts,open_items,next_due,next_step,flags');
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(7);
  });
});

describe('checklist, export and import', () => {
  it('done and skip close items; the calendar export imports anywhere (RFC 5545)', async () => {
    const w = world();
    await w.run(['debrief', '--account', 'Acme; "Intl", Ltd', '--date', '2026-11-20', '--answers', file('c.yaml', debrief())]);
    const list = JSON.parse((await w.run(['checklist', '--json'])).stdout) as { id: number; text: string }[];
    expect(list.length).toBeGreaterThan(2);
    expect((await w.run(['checklist', 'done', String(list[0].id)])).code).toBe(0);
    expect((await w.run(['checklist', 'skip', String(list[1].id)])).code).toBe(0);
    const bad = await w.run(['checklist', 'done', '9999']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no checklist item 9999');
    const ics = join(w.home, 'steps.ics');
    expect((await w.run(['export', '--ics', ics])).code).toBe(0);
    const text = readFileSync(ics, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(list.length - 2);
    expect(text).toContain('SUMMARY:Acme\\; "Intl"\\, Ltd: ');
    expect(text).toMatch(/DTSTART;VALUE=DATE:\d{8}\r\n/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('import --csv maps columns by header; a bad row is named and nothing is imported', async () => {
    const w = world();
    const good = file('crm.csv', 'Company,Contact Name,Job Title,Email,Role\r\n"Acme, Inc.",Li Wei,CEO,li@acme.example,first kp\r\n上海恒达,王芳,采购经理,,second_kp\r\n');
    const dry = await w.run(['import', '--csv', good, '--dry-run']);
    expect(dry.stdout).toContain('would add 2 account(s) and 2 contact(s) from 2 row(s) (--dry-run: nothing written)');
    expect(dry.stderr).toContain('account <- "Company", name <- "Contact Name", title <- "Job Title"');
    const badFile = file('bad.csv', 'Company,Contact Name,Role\nBeta,Zhao,first_kp\nGamma,Qian,boss\n');
    const bad = await w.run(['import', '--csv', badFile]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.csv:3: unknown role "boss"; nothing was imported');
    expect((await w.run(['import', '--csv', good])).stdout).toContain('added 2 account(s) and 2 contact(s)');
    const acme = JSON.parse((await w.run(['account', 'show', 'ACME, INC.', '--json'])).stdout);
    expect(acme.contacts).toEqual([{ name: 'Li Wei', title: 'CEO', role: 'first_kp', email: 'li@acme.example' }]);
    const all = JSON.parse((await w.run(['accounts', '--json'])).stdout);
    expect(all.accounts.map((a: { name: string }) => a.name).sort()).toEqual(['Acme, Inc.', '上海恒达']);
  });

  it('delete asks for confirmation; --yes is for scripts', async () => {
    const w = world();
    await w.run(['debrief', '--account', 'Acme', '--answers', file('x.yaml', debrief())]);
    const refused = await w.run(['account', 'delete', 'Acme']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('needs confirmation');
    expect((await w.run(['account', 'delete', 'Acme', '--yes'])).code).toBe(0);
    expect((await w.run(['account', 'show', 'Acme'])).stderr).toContain('no account "Acme"');
  });
});

describe('the database under trouble', () => {
  it('held by another sales-coach: waits, then says so (exit 2)', async () => {
    const w = world();
    await w.run(['debrief', '--account', 'Acme', '--answers', file('y.yaml', debrief())]);
    const holder = rawDb(w.db);
    holder.prepare('BEGIN IMMEDIATE').run();
    const r = await runBin(['debrief', '--account', 'Beta', '--answers', file('z.yaml', debrief())], { env: { ...w.env, SALES_COACH_DB_TIMEOUT_MS: '300' } });
    holder.prepare('ROLLBACK').run();
    holder.close();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is in use by another sales-coach');
  });

  it('a file that is not a database is reported and left untouched', async () => {
    const w = world();
    const path = file('precious.txt', 'not a database\n');
    const before = createHash('sha256').update(readFileSync(path)).digest('hex');
    const r = await runBin(['accounts', '--db', path], { env: w.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a sales-coach database (it is not SQLite); it was left untouched');
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before);
  });
});
