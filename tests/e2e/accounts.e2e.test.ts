/** The store through the built binary: sessions that remember, the pipeline review, checklist, export, import. */
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawDb } from '../helpers/db.js';
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';
import { aDebriefAnswers } from '../helpers/answers.js';

const { file } = scratch('sc-acc-');
const debrief = (extra = '') => `mode: debrief
answers:
${aDebriefAnswers()}${extra}`;

/** A fresh home and database for one scenario. */
function world() {
  const { env, home } = sandbox();
  const run = (args: string[], input?: string) => runBin(args, { env, input });
  return { env, home, run, db: join(home, 'data', 'sales-coach', 'coach.db') };
}

/** How many questions a session would ask: the missing answers it reports with --no-input. */
async function questionsAsked(run: ReturnType<typeof world>['run'], mode: string, account: string, person?: string): Promise<{ count: number; ids: string[] }> {
  const given = person ? `mode: ${mode}\nanswers:\n  contact_name: ${person}\n` : `mode: ${mode}\nanswers: {}\n`;
  const r = await run([mode, '--account', account, '--answers', file('given.yaml', given), '--no-input']);
  const m = /(\d+) answers? missing/.exec(r.stderr);
  return { count: m ? Number(m[1]) + (person ? 1 : 0) : 0, ids: [...r.stderr.matchAll(/no answer to "([^"]+)"/g)].map((x) => x[1]) };
}

describe('sessions that remember', () => {
  it('a repeat visit to the same person asks at most half the questions of a first visit', async () => {
    const w = world();
    const first = (await questionsAsked(w.run, 'prep', 'Acme')).count;
    expect((await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', file('d.yaml', debrief())])).code).toBe(0);
    const repeat = await questionsAsked(w.run, 'prep', 'Acme', 'li'); // the same Li, however written
    expect(first).toBeGreaterThanOrEqual(10);
    // in a terminal the rep also confirms the carried facts in one question
    expect(repeat.count + 1).toBeLessThanOrEqual(first / 2);
    expect(repeat.ids).not.toContain('contact_role');
  });

  it('meeting another person asks that person\'s facts afresh; the account\'s facts still carry', async () => {
    const w = world();
    await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', file('d.yaml', debrief())]);
    const other = await questionsAsked(w.run, 'prep', 'Acme', 'Zhang');
    // Li's type and role are Li's: never reused for Zhang
    expect(other.ids).toEqual(expect.arrayContaining(['contact_role', 'persona', 'trust_level']));
    expect(other.ids).not.toContain('has_need');
    expect(other.ids).not.toContain('buying_power');
  });

  it('meeting the first KP after a second KP is progress, said as such, not a contradiction', async () => {
    const w = world();
    const asB = debrief()
      .replace('contact_name: Li', 'contact_name: Wu')
      .replace('contact_role: first_kp', 'contact_role: second_kp\n  approval_layers: one')
      .replace(/ {2}asked_to_sign.*\n {2}signed.*\n {2}not_signed_reason.*\n/, '');
    await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', file('b.yaml', asB)]);
    const r = await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-27', '--answers', file('a.yaml', debrief())]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Class moved from B to A because you met the first KP.');
    expect(r.stdout).not.toMatch(/Which is true\?/);
    expect(r.stdout).not.toContain('Changed since the last visit');
    const show = await w.run(['account', 'show', 'Acme']);
    expect(show.stdout).toMatch(/Wu {2}Second KP/);
    expect(show.stdout).toMatch(/Li {2}First KP · Coordinator/);
    expect(show.stdout).toContain('class moved from B to A because you met the first KP');
    expect(show.stdout).not.toMatch(/second_kp|first_kp/);
  });

  it('debrief --account shows what changed, in words, and why the class moved', async () => {
    const w = world();
    await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', file('d1.yaml', debrief())]);
    const r = await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-27', '--review', '--answers', file('d2.yaml', debrief().replace('buying_power: "yes"', 'buying_power: "no"'))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Changed since the last visit');
    expect(r.stdout).toContain('~ buying power: Yes → No');
    expect(r.stdout).not.toMatch(/buying_power|"yes"/);
    expect(r.stdout).toContain(' D  Acme');
    expect(r.stdout).toContain('Class moved from A to D because their company cannot pay.');
  });
});

describe('the weekly pipeline review', () => {
  it('counts by class, flags from the playbook\'s windows, and what moved', async () => {
    const w = world();
    await w.run(['debrief', '--account', 'Old A', '--date', '2026-11-01', '--answers', file('a.yaml', debrief())]);
    await w.run(['debrief', '--account', 'Fresh A', '--date', '2026-11-20', '--answers', file('a2.yaml', debrief('  next_meeting: 2026-12-20\n'))]);
    await w.run(['debrief', '--account', 'Dropped', '--date', '2026-11-10', '--answers', file('a3.yaml', debrief())]);
    await w.run(['debrief', '--account', 'Dropped', '--date', '2026-11-22', '--review', '--answers', file('a4.yaml', debrief().replace('has_need: "yes"', 'has_need: "no"'))]);
    await w.run(['debrief', '--account', 'Won', '--date', '2026-11-23', '--answers', file('a5.yaml', debrief().replace('signed: "no"\n  not_signed_kind: obstacle\n  not_signed_reason: board', 'signed: "yes"'))]);
    const asB = debrief().replace('contact_role: first_kp', 'contact_role: second_kp\n  approval_layers: one').replace(/ {2}asked_to_sign.*\n {2}signed.*\n {2}not_signed_kind.*\n {2}not_signed_reason.*\n/, '');
    await w.run(['debrief', '--account', 'Climber', '--date', '2026-11-05', '--answers', file('b1.yaml', asB)]);
    await w.run(['debrief', '--account', 'Climber', '--date', '2026-11-24', '--review', '--answers', file('b2.yaml', debrief())]);
    await w.run(['debrief', '--account', 'Faller', '--date', '2026-11-06', '--answers', file('b3.yaml', debrief())]);
    await w.run(['debrief', '--account', 'Faller', '--date', '2026-11-24', '--review', '--answers', file('b4.yaml', asB)]);
    const r = await w.run(['accounts', '--today', '2026-11-25', '--since', '7d', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // a signed account is won, not in play: counted apart from its class
    expect(out.counts).toEqual({ A: 3, B: 1, D: 1, signed: 1 });
    const byName = Object.fromEntries(out.accounts.map((a: { name: string }) => [a.name, a]));
    expect(byName['Old A'].flags).toContain('window'); // an A past 10 days unsigned
    expect(byName['Old A'].classAgeDays).toBe(24);
    expect(byName['Fresh A'].flags).not.toContain('window');
    expect(byName.Won.flags).not.toContain('window');
    expect(byName['Old A'].flags).toContain('one_contact');
    expect(out.moved.map((m: { movement: string; account: string }) => `${m.movement}:${m.account}`)).toEqual(['new:Fresh A', 'dropped:Dropped', 'new:Won', 'signed:Won', 'upgraded:Climber', 'downgraded:Faller']);
    expect(out.moved.find((m: { account: string }) => m.account === 'Dropped')).toMatchObject({ from: 'A', to: 'D', because: ['they have no need'] });
    const text = await w.run(['accounts', '--today', '2026-11-25', '--flag', 'window']);
    expect(text.stdout).toContain('Old A');
    expect(text.stdout).not.toContain('Fresh A');
    const csv = await w.run(['accounts', '--today', '2026-11-25', '--csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('account,class,class_name,status,class_since,class_age_days,planned_for,last_visit,signed,dropped,contacts,open_items,next_due,next_step,flags,signed_on,value,currency,expected_close');
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(7);
    // --rep is a manager's read of a rep's review: on this machine's database there is no team
    const rep = await w.run(['accounts', '--rep', 'wang_li']);
    expect([rep.code, rep.stdout, rep.stderr]).toEqual([2, '', expect.stringContaining("--rep reads a rep's accounts on a team database")]);
  });
});

describe('a signed account in the review', () => {
  it('is dated by its signature, not aged from its class', async () => {
    const w = world();
    await w.run(['debrief', '--account', 'Late Won', '--date', '2026-11-05', '--answers', file('l1.yaml', debrief())]);
    await w.run(['debrief', '--account', 'Late Won', '--date', '2026-11-20', '--answers', file('l2.yaml', debrief().replace('signed: "no"\n  not_signed_kind: obstacle\n  not_signed_reason: board', 'signed: "yes"'))]);
    const out = JSON.parse((await w.run(['accounts', '--today', '2026-11-25', '--json'])).stdout);
    expect(out.accounts.find((a: { name: string }) => a.name === 'Late Won')).toMatchObject({ signed: true, signedOn: '2026-11-20' });
    const text = (await w.run(['accounts', '--today', '2026-11-25'])).stdout;
    const line = text.split('\n').find((l) => l.includes('Late Won')) ?? '';
    // before: "20 days in this class · signed" (the A given on 5 Nov)
    expect(line).toContain('signed Fri 20 Nov 2026');
    expect(line).not.toContain('in this class');
    const zh = (await w.run(['--lang', 'zh-CN', 'accounts', '--today', '2026-11-25'])).stdout;
    expect(zh.split('\n').find((l) => l.includes('Late Won'))).toMatch(/11月20日.*签单/);
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
    expect(dry.stdout).toContain('2 row(s), comma-separated (--dry-run: nothing written)\n  accounts to add     2\n  contacts to add     2\n  contacts to update  0\n');
    expect(dry.stdout).toContain('columns read: account <- "Company"; name <- "Contact Name"; title <- "Job Title"; email <- "Email"; role <- "Role"\ncolumns not read: none');
    const badFile = file('bad.csv', 'Company,Contact Name,Role\nBeta,Zhao,first_kp\nGamma,Qian,boss\n');
    const bad = await w.run(['import', '--csv', badFile]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.csv:3:12: unknown role "boss"; expected one of first_kp, second_kp, third_kp (or their labels)');
    expect(bad.stderr).toContain('bad.csv has a bad row; nothing was imported');
    expect((await w.run(['import', '--csv', good])).stdout).toContain('  accounts added      2\n  contacts added      2\n');
    const acme = JSON.parse((await w.run(['account', 'show', 'ACME, INC.', '--json'])).stdout);
    expect(acme.contacts).toEqual([expect.objectContaining({ name: 'Li Wei', title: 'CEO', role: 'first_kp', email: 'li@acme.example' })]);
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

describe("a trainer's own playbook is first-class", () => {
  const meddicc = fileURLToPath(new URL('../fixtures/playbooks/meddicc.yaml', import.meta.url));
  const answers = (mode: string, extra: string) => `mode: ${mode}\nplaybook: ${meddicc}\nanswers:\n  met_person: Dana Ortiz\n  met_title: VP Operations\n  influence: champ\n  pain: "yes"\n${extra}`;

  it('prep, debrief, review, account show and export, with its own classes, people and signing', async () => {
    const w = world();
    const prep = await w.run(['prep', '--account', 'Northwind', '--date', '2026-11-10', '--answers', file('m1.yaml', answers('prep', '  economic_buyer: known\n  metrics: "no"\n'))]);
    expect(prep.code).toBe(0);
    expect(prep.stdout).toContain(' Best case  Northwind');
    expect(prep.stdout).not.toContain('best_case');
    expect(prep.stdout).toContain('economic buyer is not Met them');
    await w.run(['debrief', '--account', 'Northwind', '--date', '2026-11-11', '--answers', file('m2.yaml', answers('debrief', '  economic_buyer: known\n  metrics: "no"\n  outcome: open\n'))]);
    await w.run(['debrief', '--account', 'Contoso', '--date', '2026-11-12', '--answers', file('m3.yaml', answers('debrief', '  economic_buyer: met\n  metrics: "yes"\n  outcome: won\n'))]);
    await w.run(['debrief', '--account', 'Fabrikam', '--date', '2026-11-12', '--answers', file('m4.yaml', answers('debrief', '  economic_buyer: met\n  metrics: "yes"\n  outcome: open\n'))]);
    await w.run(['debrief', '--account', 'Fabrikam', '--date', '2026-11-20', '--answers', file('m5.yaml', answers('debrief', '  economic_buyer: met\n  metrics: "yes"\n  outcome: lost\n').replace('pain: "yes"', 'pain: "no"'))]);

    const review = await w.run(['accounts', '--today', '2026-11-30', '--since', '30d']);
    expect(review.code).toBe(0);
    // the playbook's own classes, in its order (by rank), with its names: nothing hidden, no A/B/C/D
    // the signed account (a Commit) is won, not in play: the last group
    expect(review.stdout).toMatch(/^Pipeline {2}Best case 1 {3}Out 1 {3}Signed 1/m);
    expect(review.stdout).not.toMatch(/\bA 0\b/);
    expect(review.stdout.indexOf('Best case (1)')).toBeLessThan(review.stdout.indexOf('Signed (1)'));
    expect(review.stdout).toContain('Northwind');
    // Commit's 14-day window has passed for Contoso, but it signed; Out needs no next step
    const json = JSON.parse((await w.run(['accounts', '--today', '2026-12-15', '--json'])).stdout);
    const by = Object.fromEntries(json.accounts.map((a: { name: string }) => [a.name, a]));
    expect(by.Contoso).toMatchObject({ class: 'commit', signed: true });
    expect(by.Contoso.flags).not.toContain('window');
    expect(by.Fabrikam).toMatchObject({ class: 'out', dropped: true });
    expect(by.Fabrikam.flags).not.toContain('no_next');
    expect(by.Northwind.flags).toContain('window'); // best_case's 30 days from 2026-11-11
    expect(review.stdout).toMatch(/dropped\s+Fabrikam Commit → Out, because identified pain: no/);

    // the account's own playbook by default: an answers file without playbook: is read against it
    const again = await w.run(['debrief', '--account', 'Northwind', '--date', '2026-11-13', '--dry-run', '--answers', file('m6.yaml', answers('debrief', '  economic_buyer: met\n  metrics: "yes"\n  outcome: open\n').replace(/^playbook: .*\n/m, ''))]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Class moved from Best case to Commit');
    const show = await w.run(['account', 'show', 'Northwind']);
    expect(show.stdout).toMatch(/Dana Ortiz {2}VP Operations · Champion/);
    expect(show.stdout).not.toMatch(/\bchamp\b|best_case/);
    const all = JSON.parse((await w.run(['export', '--json'])).stdout);
    expect(all.contacts.map((c: { account: string; name: string; role: string }) => `${c.account}:${c.name}:${c.role}`).sort()).toEqual(['Contoso:Dana Ortiz:champ', 'Fabrikam:Dana Ortiz:champ', 'Northwind:Dana Ortiz:champ']);
    expect(all.events.filter((e: { event: { kind: string } }) => e.event.kind === 'signed').map((e: { account: string }) => e.account)).toEqual(['Contoso']);
  });

  it('import maps CRM role words to its own roles, and the imported person pre-fills the next prep', async () => {
    const w = world();
    const csv = file('sf.csv', 'First Name,Last Name,Title,Account Name,Role\r\nDana,Ortiz,VP Operations,Tailspin,Champion\r\nSam,Lee,CFO,Tailspin,economic buyer\r\n');
    const r = await w.run(['import', '--csv', csv, '--playbook', meddicc]);
    expect(r.code).toBe(0);
    const t = JSON.parse((await w.run(['account', 'show', 'Tailspin', '--json'])).stdout);
    expect(t.contacts.map((c: { name: string; role: string; title: string }) => `${c.name}:${c.role}:${c.title}`)).toEqual(['Dana Ortiz:champ:VP Operations', 'Sam Lee:eb:CFO']);
    // meeting Sam: the title and the role come from the import, not asked again
    const asked = await w.run(['prep', '--account', 'Tailspin', '--answers', file('p.yaml', `mode: prep\nplaybook: ${meddicc}\nanswers:\n  met_person: sam lee\n`), '--no-input']);
    expect(asked.stderr).not.toContain('"influence"');
    expect(asked.stderr).not.toContain('"met_title"');
    expect(asked.stderr).toContain('no answer to "pain"');
  });
});

describe('the checklist the rep owns, drafts, bounds, what is read back', () => {
  it('checklist add, done, reopen and undo; a step due in the past is refused', async () => {
    const w = world();
    await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', file('c.yaml', debrief())]);
    const added = await w.run(['checklist', 'add', '--account', 'acme', '--due', '2099-01-15', 'Send the revised quote']);
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(/Send the revised quote \(step (\d+) of Acme, by /);
    const id = /\(step (\d+) of Acme/.exec(added.stderr)?.[1] as string;
    const past = await w.run(['checklist', 'add', '--account', 'Acme', '--due', '2000-01-01', 'Too late']);
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('--due 2000-01-01 is in the past');
    expect((await w.run(['checklist', 'add', '--account', 'Nobody', 'x'])).stderr).toContain('no account "Nobody"');
    expect((await w.run(['checklist', 'done', id])).stderr).toContain('Send the revised quote (Acme, done)');
    const open = () => w.run(['checklist', '--json']).then((r) => (JSON.parse(r.stdout) as { id: number }[]).map((i) => String(i.id)));
    expect(await open()).not.toContain(id);
    expect((await w.run(['checklist', 'undo'])).stderr).toContain('Send the revised quote (Acme, reopened)');
    expect(await open()).toContain(id);
    await w.run(['checklist', 'skip', id]);
    expect((await w.run(['checklist', 'reopen', id])).stderr).toContain('Send the revised quote (Acme, reopened)');
    expect(await open()).toContain(id);
    const show = await w.run(['account', 'show', 'Acme']);
    expect(show.stdout.replace(/\s+/g, ' ')).toContain('Send the revised quote (you added it, by ');
  });

  it('a scripted run leaves an unfinished session alone and says so; drafts lists it; discard removes it', async () => {
    const w = world();
    const { DraftStore } = await import('../../src/cli/drafts.js');
    const drafts = new DraftStore(join(w.home, 'data', 'sales-coach', 'coach.drafts'));
    drafts.save({ version: 1, mode: 'debrief', account: "O'Brien Ltd", playbook: 'abcd', date: '2026-11-20', lang: 'en', answers: { contact_name: 'Li' }, order: ['contact_name'], savedAt: '2026-11-20T09:00:00Z' });
    const r = await w.run(['debrief', '--account', "o'brien ltd", '--date', '2026-11-20', '--answers', file('d.yaml', debrief())]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('An unfinished debrief of this account is kept as a draft; this run leaves it alone.');
    expect(r.stderr).toContain("sales-coach debrief --resume --account 'o'\\''brien ltd'");
    const list = await w.run(['drafts']);
    expect(list.stdout).toContain("debrief of O'Brien Ltd: 1 answer, saved 2026-11-20 09:00");
    expect(JSON.parse((await w.run(['drafts', '--json'])).stdout)).toHaveLength(1);
    expect((await w.run(['drafts', 'discard', 'debrief', '--account', "O'BRIEN LTD"])).code).toBe(0);
    expect((await w.run(['drafts'])).stdout).toContain('No unfinished sessions.');
  });

  it('a next meeting before the visit, or a negative count, is refused at the answer with the reason', async () => {
    const w = world();
    const r = await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', file('b.yaml', debrief('  next_meeting: 2026-11-19\n').replace('contacts_known: 1', 'contacts_known: -2'))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"next_meeting" cannot be "2026-11-19"[\s\S]*expected a date on or after 2026-11-20, the visit date/);
    expect(r.stderr).toMatch(/"contacts_known" cannot be -2[\s\S]*expected a number of at least 0/);
  });

  it('a stored result changed outside sales-coach is reported, never a crash', async () => {
    const w = world();
    await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', file('c.yaml', debrief())]);
    const db = rawDb(w.db);
    db.prepare("UPDATE visits SET result = '{\"classification\": 42}'").run();
    db.close();
    const r = await w.run(['account', 'show', 'Acme']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the stored visit of 2026-11-20 to "Acme" cannot be read');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('what the trial of the accounts found, end to end', () => {
  it('decisions on open steps made before an interruption are applied when the session resumes', async () => {
    const w = world();
    await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-09', '--answers', file('a.yaml', debrief())]);
    const open = JSON.parse((await w.run(['checklist', '--json'])).stdout) as { id: number; text: string }[];
    const { DraftStore } = await import('../../src/cli/drafts.js');
    new DraftStore(join(w.home, 'data', 'sales-coach', 'coach.drafts')).save({
      version: 1, mode: 'debrief', account: 'Acme', playbook: 'abcd', date: '2026-11-16', lang: 'en',
      answers: { contact_name: 'Li' }, order: ['contact_name'], savedAt: '2026-11-16T10:00:00Z',
      stepDecisions: { [open[0].id]: 'done', [open[1].id]: 'drop' },
    });
    const r = await w.run(['debrief', '--resume', '--account', 'Acme', '--answers', file('b.yaml', debrief())]);
    expect(r.code).toBe(0);
    const after = JSON.parse((await w.run(['account', 'show', 'Acme', '--json'])).stdout) as { checklist: { id: number; state: string }[] };
    expect(after.checklist.find((i) => i.id === open[0].id)?.state).toBe('done');
    expect(after.checklist.find((i) => i.id === open[1].id)?.state).toBe('skipped');
  });

  it('one list of steps: a step issued again is not also "still open"; a same-day prep\'s steps are', async () => {
    const w = world();
    await w.run(['prep', '--account', 'Acme', '--date', '2026-11-02', '--answers', file('p.yaml', 'mode: prep\nanswers:\n  contact_name: Li\n  contact_role: first_kp\n  contacts_known: 1\n  has_need: "yes"\n  buying_power: "yes"\n  sees_value: "yes"\n  persona: commander\n  trust_level: believed\n  perception: supplier\n  visit_focus: the pilot\n')]);
    // (the prep's trust rung for Li is ended by the debrief's role step, which asks Li's win too: one
    // plan, issue 25; the rep's own step is what stays open beside the debrief's)
    await w.run(['checklist', 'add', '--account', 'Acme', '--due', '2099-01-01', 'Send Li the pilot plan']);
    const prepSteps = (JSON.parse((await w.run(['checklist', '--json'])).stdout) as { text: string }[]).map((s) => s.text);
    const r = JSON.parse((await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-02', '--json', '--answers', file('d.yaml', debrief())])).stdout) as { checklist: { text: string }[]; stillOpen: { text: string }[] };
    const issued = new Set(r.checklist.map((i) => i.text));
    expect(r.stillOpen.length).toBeGreaterThan(0);
    for (const s of r.stillOpen) expect(prepSteps).toContain(s.text);
    for (const s of r.stillOpen) expect(issued.has(s.text)).toBe(false);
    expect(r.stillOpen.map((s) => s.text).join('\n')).not.toContain('From believed to indispensable');
  });

  it('a signed deal is said to be signed, with no date to sign by', async () => {
    const w = world();
    const signedFile = debrief().replace('signed: "no"\n  not_signed_kind: obstacle\n  not_signed_reason: board', 'signed: "yes"');
    expect(signedFile).toContain('signed: "yes"');
    const r = await w.run(['debrief', '--account', 'Won Co', '--date', '2026-11-18', '--answers', file('s.yaml', signedFile)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Signed.');
    expect(r.stdout).not.toContain('Sign by');
  });

  it('a back-filled debrief says so and moves nothing; the account\'s own playbook is used by default', async () => {
    const w = world();
    await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-16', '--answers', file('a.yaml', debrief())]);
    const before = JSON.parse((await w.run(['checklist', '--json'])).stdout) as unknown[];
    const r = await w.run(['debrief', '--account', 'Acme', '--date', '2026-10-20', '--answers', file('o.yaml', debrief().replace('has_need: "yes"', 'has_need: "no"'))]);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain("This visit is dated before the account's latest (2026-11-16)");
    expect(r.stdout).not.toContain('Changed since the last visit');
    expect((await w.run(['accounts', '--json'])).stdout).toContain('"class": "A"');
    expect(JSON.parse((await w.run(['checklist', '--json'])).stdout)).toHaveLength(before.length);
  });
});

describe('an account plan (seed 003)', () => {
  it('is saved with its steps, and moves neither the class nor the people', async () => {
    const w = world();
    await w.run(['debrief', '--account', 'Hengda Logistics', '--date', '2026-11-20', '--answers', file('a.yaml', debrief())]);
    const before = JSON.parse((await w.run(['account', 'show', 'Hengda Logistics', '--json'])).stdout);
    const r = await w.run(['plan', '--account', 'Hengda Logistics', '--date', '2026-11-25', '--answers', fileURLToPath(new URL('../../examples/demo-plan.yaml', import.meta.url))]);
    expect(r.code).toBe(0);
    const after = JSON.parse((await w.run(['account', 'show', 'Hengda Logistics', '--json'])).stdout);
    expect(after.account).toMatchObject({ class: 'A', classSince: '2026-11-20', lastPerson: 'Li' });
    expect(after.contacts).toHaveLength(before.contacts.length);
    expect(after.visits.map((v: { mode: string }) => v.mode)).toEqual(['debrief', 'plan']);
    expect(after.checklist.length).toBeGreaterThan(before.checklist.length);
    expect((await w.run(['account', 'show', 'Hengda Logistics'])).stdout).toContain('account plan');
  });
});

describe('upgrading from the version that kept drafts in the database', () => {
  it('an interview interrupted before the upgrade can still be resumed', async () => {
    const w = world();
    const { MIGRATIONS } = await import('../../src/store/migrations.js');
    const { mkdirSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    mkdirSync(dirname(w.db), { recursive: true });
    const db = rawDb(w.db);
    db.exec(MIGRATIONS[0]);
    db.exec(MIGRATIONS[1]);
    db.pragma('user_version = 2');
    const draft = { version: 1, mode: 'debrief', account: 'Old Draft Co', playbook: 'abcd', date: '2026-11-20', lang: 'en', answers: { contact_name: 'Li' }, order: ['contact_name'], savedAt: '2026-11-20T10:00:00Z' };
    db.prepare("INSERT INTO drafts (key, mode, account, data, saved_at) VALUES ('debrief:old draft co', 'debrief', 'Old Draft Co', ?, '2026-11-20T10:00:00Z')").run(JSON.stringify(draft));
    db.close();
    const list = await w.run(['drafts']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('debrief of Old Draft Co: 1 answer');
    // handed over once: the database no longer holds it, the journal does
    const again = rawDb(w.db, { readonly: true });
    expect(again.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 });
    again.close();
    expect((await w.run(['drafts'])).stdout).toContain('Old Draft Co');
  });
});

describe('the buying map across visits (seed 003)', () => {
  it('a person met earlier who is against stays on the map: flagged at the next visit, shown on the account', async () => {
    const w = world();
    const zhao = debrief().replace('contact_name: Li', 'contact_name: Zhao').replace('persona: koala', 'persona: koala\n  contact_stance: opponent\n  personal_win: fewer night shifts');
    expect((await w.run(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', file('z.yaml', zhao)])).code).toBe(0);
    const wu = 'mode: prep\nanswers:\n  contact_name: Wu\n  contact_role: second_kp\n  approval_layers: one\n  contacts_known: 3\n  has_need: "yes"\n  buying_power: "yes"\n  sees_value: "yes"\n  persona: commander\n  contact_stance: neutral\n  trust_level: liked\n  perception: supplier\n  visit_focus: x\n';
    const r = JSON.parse((await w.run(['prep', '--account', 'Acme', '--date', '2026-11-26', '--json', '--answers', file('w.yaml', wu)])).stdout) as { flags: { id: string }[]; checklist: { id: string }[] };
    expect(r.flags.map((f) => f.id)).toEqual(expect.arrayContaining(['no-supporter', 'opponent:Zhao']));
    expect(r.checklist.map((i) => i.id)).toContain('address-opponent:zhao');
    const show = (await w.run(['account', 'show', 'Acme'])).stdout;
    expect(show).toMatch(/Zhao {2}First KP · Coordinator · Against/);
    expect(show).toContain('personal win: fewer night shifts');
  });
});

describe('an unfinished account plan', () => {
  it('is a draft like any other: listed, and discarded by its mode', async () => {
    const w = world();
    const { DraftStore } = await import('../../src/cli/drafts.js');
    new DraftStore(join(w.home, 'data', 'sales-coach', 'coach.drafts')).save({ version: 1, mode: 'plan', account: 'Key Co', playbook: 'abcd', date: '2026-11-25', lang: 'en', answers: { plan_goal: 'x' }, order: ['plan_goal'], savedAt: '2026-11-25T10:00:00Z' });
    expect((await w.run(['drafts'])).stdout).toContain('Key Co');
    expect((await w.run(['drafts', 'discard', 'plan', '--account', 'Key Co'])).code).toBe(0);
    expect((await w.run(['drafts'])).stdout).toContain('No unfinished sessions.');
  });
});
