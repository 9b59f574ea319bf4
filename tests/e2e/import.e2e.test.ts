/** `import --csv` through the built binary, with the contact exports of real CRMs (tests/fixtures/crm). */
import { rawDb } from '../helpers/db.js';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

const crm = join(import.meta.dirname, '../fixtures/crm');
const { dir, file } = scratch('sc-imp-');

function world() {
  const { env, home } = sandbox();
  const db = join(home, 'data', 'sales-coach', 'coach.db');
  const run = (args: string[]) => runBin(args, { env, cwd: dir });
  const contacts = () => {
    const d = rawDb(db, { readonly: true });
    try {
      return d.prepare('SELECT a.name AS account, c.name, c.title, c.role, c.email, c.phone, c.persona, c.reports_to FROM contacts c JOIN accounts a ON a.id = c.account_id ORDER BY c.id').all();
    } finally {
      d.close();
    }
  };
  return { env, home, db, run, contacts };
}

describe('import --csv with CRM exports', () => {
  it('a Salesforce contact export imports its contacts, and names the columns it does not read', async () => {
    const w = world();
    const r = await w.run(['import', '--csv', join(crm, 'salesforce.csv')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  accounts added      2\n  contacts added      3\n  contacts updated    0\n');
    expect(r.stdout).toContain('columns read: first name <- "First Name"; last name <- "Last Name"; title <- "Title"; account <- "Account Name"; phone <- "Phone", then "Mobile"; email <- "Email"\n');
    expect(r.stdout).toContain('columns not read: "Salutation", "Mailing City", "Mailing Country", "Lead Source", "Contact Owner", "Created Date"');
    expect(w.contacts()).toEqual([
      { account: 'Acme, Inc.', name: 'Wei Li', title: 'Chief Executive Officer', role: null, email: 'wei.li@acme.example', phone: '+86 21 5555 0101', persona: null, reports_to: null },
      { account: 'Acme, Inc.', name: 'Fang Wang', title: 'Procurement Manager', role: null, email: 'fang.wang@acme.example', phone: '+86 138 0000 0002', persona: null, reports_to: null },
      { account: 'Northwind Traders', name: 'Tom Baker', title: 'Operations Director', role: null, email: 'tom@northwind.example', phone: '+44 20 7946 0011', persona: null, reports_to: null },
    ]);
    const acme = JSON.parse((await w.run(['account', 'show', 'acme, inc.', '--json'])).stdout);
    expect(acme.account.contacts).toBe(2);
  });

  it('a HubSpot contact export imports its contacts; a row without a name is said, not hidden', async () => {
    const w = world();
    const r = await w.run(['import', '--csv', join(crm, 'hubspot.csv'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: true, dryRun: false, delimiter: 'comma', rows: 3, accountsAdded: 3, contactsAdded: 2, contactsUpdated: 0, namelessRows: { count: 1, firstLines: [4] } });
    expect(out.columns.read.map((c: { header: string }) => c.header)).toEqual(['First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Job Title', 'Associated Company']);
    expect(w.contacts()).toEqual([
      expect.objectContaining({ account: 'Contoso GmbH', name: 'Anna Schmidt', title: 'Head of IT', phone: '+49 30 1234 5678' }),
      expect.objectContaining({ account: 'Fabrikam', name: 'Luis Ortega', title: 'Purchasing Lead', email: 'luis@fabrikam.example' }),
    ]);
  });

  it('a second import updates the contacts it already has, matched by name within the account', async () => {
    const w = world();
    await w.run(['import', '--csv', join(crm, 'salesforce.csv')]);
    expect((await w.run(['import', '--csv', join(crm, 'salesforce.csv')])).stdout).toContain('  contacts added      0\n  contacts updated    0 (and 3 already up to date)\n');
    const edited = file('sf-edited.csv', '"First Name","Last Name","Title","Account Name","Phone"\r\n"WEI","LI","CEO","ACME, INC.",""\r\n"Ada","Ng","CTO","Acme, Inc.","+86 1"\r\n');
    const dry = await w.run(['import', '--csv', edited, '--dry-run']);
    expect(dry.stdout).toContain('  accounts to add     0\n  contacts to add     1\n  contacts to update  1\n');
    const r = await w.run(['import', '--csv', edited]);
    expect(r.stdout).toContain('  accounts added      0\n  contacts added      1\n  contacts updated    1\n');
    const rows = w.contacts() as { name: string; title: string; phone: string }[];
    expect(rows.map((c) => [c.name, c.title, c.phone])).toEqual([
      ['Wei Li', 'CEO', '+86 21 5555 0101'],
      ['Fang Wang', 'Procurement Manager', '+86 138 0000 0002'],
      ['Tom Baker', 'Operations Director', '+44 20 7946 0011'],
      ['Ada Ng', 'CTO', '+86 1'],
    ]);
  });

  it('every bad row in one run, at file:line:col; exit 2 and nothing written', async () => {
    const w = world();
    file('bad.csv', 'Account Name;First Name;Last Name;Buying Role\nAcme;Li;Wei;Decision Maker\n;Wu;Fang;\nBeta;Zhao;Lei;Influencer;extra\nGamma;"Qian"x;Yu;\n');
    const r = await w.run(['import', '--csv', 'bad.csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'bad.csv:2:13: unknown role "Decision Maker"; expected one of first_kp, second_kp, third_kp (or their labels)',
        'bad.csv:3:1: expected an account name, found an empty cell',
        'bad.csv:4:26: expected 4 fields as in the header, found 5',
        'bad.csv:5:13: expected ";" or the end of the line after a closing quote, found "x"',
        '  hint: map your CRM\'s word to a role: --map-role "Decision Maker=ROLE"',
        '  hint: every contact belongs to an account: fill it in or leave the row out',
        '  hint: a delimiter inside a value needs quotes: "Acme, Inc."',
        'sales-coach: bad.csv has 4 problems; nothing was imported',
        '',
      ].join('\n'),
    );
    expect(existsSync(w.db)).toBe(false);
  });

  it('role words are mapped by --map-role or by the config, to a value or a label', async () => {
    const w = world();
    const csv = file('roles.csv', 'Company Name,First Name,Last Name,Buying Role\nAcme,Wei,Li,Decision Maker\nAcme,Fang,Wang,influencer\nAcme,Bo,Zhao,第二KP\n');
    const config = join(w.home, 'config', 'sales-coach');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, 'config.yaml'), 'map_role:\n  influencer: Third KP\n');
    const r = await w.run(['import', '--csv', csv, '--map-role', 'decision maker=first_kp']);
    expect(r.stderr).toBe('');
    expect((w.contacts() as { name: string; role: string }[]).map((c) => [c.name, c.role])).toEqual([
      ['Wei Li', 'first_kp'],
      ['Fang Wang', 'third_kp'],
      ['Bo Zhao', 'second_kp'],
    ]);
    const wrong = await w.run(['import', '--csv', csv, '--map-role', 'decision maker=ceo']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--map-role "decision maker=ceo": "ceo" in "decision maker=ceo" is not a role of this playbook');
    writeFileSync(join(config, 'config.yaml'), 'map_role:\n  influencer: [third_kp]\n');
    const badConfig = await w.run(['import', '--csv', csv]);
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toContain('config.yaml:2:15: map_role.influencer: expected a string, found a list');
  });

  it('--playbook picks the playbook whose roles are read; one without a role question leaves the column unread, and says so', async () => {
    const w = world();
    const csv = file('other-pb.csv', 'Company,Name,Role,Persona\nAcme,Li,whatever,anything\n');
    const r = await w.run(['import', '--csv', csv, '--playbook', join(import.meta.dirname, '../fixtures/playbooks/bom-crlf.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('columns not read: "Role" (the playbook asks no role question), "Persona" (the playbook has no personas)');
    expect(w.contacts()).toEqual([expect.objectContaining({ name: 'Li', role: null, persona: null })]);
    const missing = await w.run(['import', '--csv', csv, '--playbook', 'nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no playbook "nope"');
  });

  it('a file with no person column says why no contact was imported', async () => {
    const w = world();
    const csv = file('accounts-only.csv', 'Account Name,Industry,Website\nAcme,Logistics,acme.example\n');
    const r = await w.run(['import', '--csv', csv]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no contacts: no column names the person (expected one of "Name", "Full Name", "Contact Name", "First Name" and "Last Name"');
    expect(r.stdout).toContain('columns not read: "Industry", "Website"');
  });

  it('a Chinese Excel export: 姓名, 职位, 公司名称, 手机, semicolons sniffed elsewhere', async () => {
    const w = world();
    const copy = join(dir, '客户.csv');
    copyFileSync(join(crm, 'excel-zh.csv'), copy);
    expect((await w.run(['import', '--csv', copy])).code).toBe(0);
    expect((await w.run(['import', '--csv', join(crm, 'excel-semicolon.csv')])).stdout).toContain('2 row(s), semicolon-separated');
    const names = (w.contacts() as { account: string; name: string }[]).map((c) => `${c.account}/${c.name}`);
    expect(names).toEqual(['上海恒达物流有限公司/王芳', '北京远航科技/张伟', 'Müller Maschinenbau AG/Klaus Müller', 'Dupont SA/Claire Dupont']);
  });

  it('a file that is not UTF-8 is refused with where and what to do', async () => {
    const w = world();
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, Buffer.concat([Buffer.from('Company,Name\nAcme,Li\n'), Buffer.from([0xb9, 0xab, 0xcb, 0xbe]), Buffer.from(',x\n')]));
    const r = await w.run(['import', '--csv', gbk]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gbk.csv:3: not UTF-8 text (from this line on); nothing was imported');
    expect(r.stderr).toContain('--encoding gb18030');
    const ok = await w.run(['import', '--csv', gbk, '--encoding', 'gb18030']);
    expect(ok.stdout).toContain('accounts added      2');
  });
});
