import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerKey, joinName, mapColumns, mapRecord, type RowContext } from '../../src/import/columns.js';
import { CsvParser, type CsvRecord, sniffDelimiter } from '../../src/import/csv.js';
import { type RoleOption, roleMatcher } from '../../src/import/roles.js';
import { builtin } from '../helpers/playbook.js';

const crm = join(import.meta.dirname, '../fixtures/crm');

function records(text: string): CsvRecord[] {
  const p = new CsvParser(sniffDelimiter(text.split(/\r?\n/)[0]).delimiter);
  const out = [...p.push(text), ...p.end()];
  expect(p.problems).toEqual([]);
  return out;
}

const pb = builtin();
const roles = roleMatcher((pb.questions.find((q) => q.id === 'contact_role')?.options ?? []) as RoleOption[], [{ word: 'decision maker', target: 'first_kp', source: 'test' }], true).matcher;
const personas = pb.personas.map((p) => ({ id: p.id, labels: typeof p.name === 'string' ? [p.name] : Object.values(p.name) as string[] }));

function importFile(name: string) {
  const [head, ...body] = records(readFileSync(join(crm, name), 'utf8'));
  const map = mapColumns(head.cells.map((c) => c.value));
  const ctx: RowContext = { map, roles, personas };
  return { map, rows: body.map((r) => mapRecord(r, ctx)) };
}

describe('the contact exports of real CRMs', () => {
  it.each([
    {
      file: 'salesforce.csv',
      unread: ['Salutation', 'Mailing City', 'Mailing Country', 'Lead Source', 'Contact Owner', 'Created Date'],
      first: { account: 'Acme, Inc.', contact: { name: 'Wei Li', title: 'Chief Executive Officer', phone: '+86 21 5555 0101', email: 'wei.li@acme.example' } },
    },
    {
      file: 'hubspot.csv',
      unread: ['Record ID', 'Contact owner', 'Lifecycle Stage', 'Lead Status', 'Create Date', 'Last Activity Date', 'City', 'Country/Region'],
      first: { account: 'Contoso GmbH', contact: { name: 'Anna Schmidt', title: 'Head of IT', phone: '+49 30 1234 5678', email: 'anna@contoso.example' } },
    },
    {
      file: 'pipedrive.csv',
      unread: ['Person - ID', 'Person - Owner', 'Person - Labels', 'Person - Open deals'],
      first: { account: 'Adventure Works', contact: { name: 'Maria Rossi', title: 'CFO', phone: '+39 02 5555 0100', email: 'maria@adventure.example' } },
    },
    {
      file: 'zoho.csv',
      unread: ['Contact Id', 'Contact Owner', 'Lead Source', 'Vendor Name', 'Department', 'Home Phone', 'Other Phone', 'Fax', 'Date of Birth', 'Assistant', 'Asst Phone', 'Email Opt Out', 'Created Time', 'Modified Time', 'Mailing City', 'Salutation'],
      first: { account: 'Globex Corporation', contact: { name: 'Priya Nair', title: 'VP Engineering', reportsTo: 'Hank Scorpio', phone: '+91 80 5555 0100', email: 'priya@globex.example' } },
    },
    {
      file: 'excel-semicolon.csv',
      unread: ['Notes'],
      first: { account: 'Müller Maschinenbau AG', contact: { name: 'Klaus Müller', title: 'Geschäftsführer', phone: '+49 89 555 0100', email: 'k.mueller@mueller.example' } },
    },
    {
      file: 'excel-zh.csv',
      unread: ['部门', '备注'],
      first: { account: '上海恒达物流有限公司', contact: { name: '王芳', title: '采购经理', phone: '13800000001', email: 'wangfang@hengda.example' } },
    },
    {
      file: 'salesforce-zh.csv',
      unread: ['联系人所有人', '线索来源'],
      first: { account: '上海恒达物流有限公司', contact: { name: '李伟', title: '首席执行官', phone: '021-55550101', email: 'liwei@hengda.example' } },
    },
    {
      file: 'hubspot-zh.csv',
      unread: ['记录 ID', '联系人所有者', '生命周期阶段', '潜在客户状态', '创建日期'],
      first: { account: '上海恒达物流有限公司', contact: { name: '王芳', title: '采购经理', phone: '021-5555-0102', email: 'wangfang@hengda.example' } },
    },
    {
      file: 'zoho-zh.csv',
      unread: ['联系人 Id', '联系人所有者', '线索来源', '部门', '创建时间'],
      first: { account: '北京远航科技', contact: { name: '刘强', title: '总经理', phone: '010-5555-0100', email: 'liuqiang@yuanhang.example' } },
    },
  ])('$file: a contact from every row, and every column no field reads listed', ({ file, unread, first }) => {
    const { map, rows } = importFile(file);
    expect(map.unread.map((u) => u.header)).toEqual(unread);
    expect(rows[0]).toEqual({ ok: true, line: 2, ...first });
    expect(rows.every((r) => r.ok)).toBe(true);
  });

  it('falls back to the next column of a field when the first is empty (Mobile after Phone, other email after work email)', () => {
    expect(importFile('salesforce.csv').rows[1]).toMatchObject({ contact: { name: 'Fang Wang', phone: '+86 138 0000 0002' } });
    expect(importFile('pipedrive.csv').rows[1]).toMatchObject({ contact: { name: 'Kenji Sato', phone: '+81 90 5555 0101', email: 'kenji@gmail.example' } });
  });

  it('a row with contact details but no name keeps its account and says so', () => {
    expect(importFile('hubspot.csv').rows[2]).toEqual({ ok: true, line: 4, account: 'Tailspin Toys', nameless: true });
  });

  it('joins a Chinese family name first, without a space', () => {
    expect(importFile('salesforce-zh.csv').rows[1]).toMatchObject({ contact: { name: '欧阳小明', phone: '13700000003' } });
  });
});

describe('headers and names', () => {
  it('a header matches whatever its case, width, spaces and punctuation', () => {
    for (const h of ['First Name', 'first_name', 'FIRSTNAME', 'Ｆｉｒｓｔ　Ｎａｍｅ', 'first-name']) expect(headerKey(h)).toBe('firstname');
    expect(mapColumns(['ACCOUNT_NAME', 'e-mail', 'Job title']).fields).toEqual({ account: [0], email: [1], title: [2] });
  });

  it.each([
    ['Wei', 'Li', 'Wei Li'],
    ['伟', '李', '李伟'],
    ['小明', '欧阳', '欧阳小明'],
    ['Wei', '李', 'Wei 李'],
    ['', 'Li', 'Li'],
    [' Anna ', '', 'Anna'],
    ['', '', undefined],
  ])('joinName(%j, %j) = %j', (first, last, want) => {
    expect(joinName(first, last)).toBe(want);
  });
});

describe('bad rows, each named at its cell', () => {
  const ctx = (header: string[]): RowContext => ({ map: mapColumns(header), roles, personas });
  const rec = (text: string) => records(`x\n${text}`)[1];

  it.each([
    { name: 'too many fields', header: ['Company', 'Name'], row: 'Acme, Inc.,Li', want: { line: 2, col: 12, code: 'field-count', message: 'expected 2 fields as in the header, found 3' } },
    { name: 'too few fields', header: ['Company', 'Name', 'Title'], row: 'Acme,Li', want: { line: 2, col: 6, code: 'field-count', message: 'expected 3 fields as in the header, found 2' } },
    { name: 'empty account', header: ['Name', 'Company'], row: 'Li,', want: { line: 2, col: 4, code: 'no-account', message: 'expected an account name, found an empty cell' } },
    { name: 'unknown role', header: ['Company', 'Name', 'Role'], row: 'Acme,Li,boss', want: { line: 2, col: 9, code: 'unknown-role', message: 'unknown role "boss"; expected one of first_kp, second_kp, third_kp (or their labels)' } },
    { name: 'unknown persona', header: ['Company', 'Name', 'Persona'], row: 'Acme,Li,wizard', want: { line: 2, col: 9, code: 'unknown-persona' } },
  ])('$name', ({ header, row, want }) => {
    const r = mapRecord(rec(row), ctx(header));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems).toEqual([expect.objectContaining(want)]);
  });

  it('every problem of a row at once', () => {
    const r = mapRecord(rec(',Li,boss,wizard'), ctx(['Company', 'Name', 'Role', 'Persona']));
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['no-account', 'unknown-role', 'unknown-persona']);
  });

  it("maps the user's role words and a persona by id or name", () => {
    const r = mapRecord(rec('Acme,Li,Decision Maker,koala'), ctx(['Company', 'Name', 'Buying Role', 'Persona']));
    expect(r).toEqual({ ok: true, line: 2, account: 'Acme', contact: { name: 'Li', role: 'first_kp', persona: 'koala' } });
  });
});
