/**
 * Which column of a CRM export holds which field of a contact, from the header names that Salesforce,
 * HubSpot, Pipedrive, Zoho and spreadsheets (Excel, WPS) write in English and Chinese; and one record
 * turned into an account and a contact, with every problem of the row named at its cell. Pure.
 */
import { controlCharIn, controlCharMessage } from '../core/control.js';
import { unguardFormula } from '../ui/csv.js';
import type { CsvCell, CsvRecord } from './csv.js';
import { type RoleMatcher, wordKey } from './roles.js';

export type Field = 'account' | 'name' | 'firstName' | 'lastName' | 'title' | 'role' | 'reportsTo' | 'persona' | 'email' | 'phone';

/**
 * Header names per field, most specific first: when several columns feed one field (Phone and
 * Mobile), the first non-empty one in this order gives the value.
 */
export const HEADER_NAMES: Record<Field, readonly string[]> = {
  account: [
    'Account Name', 'Account', 'Company Name', 'Company', 'Associated Company', 'Organization', 'Organisation', 'Organization Name', 'Organization - Name', 'Person - Organization', 'Customer', 'Customer Name', 'Client', 'Client Name',
    '客户名称', '客户', '客户名', '公司名称', '公司', '单位名称', '单位', '企业名称', '企业', '所属客户', '所属公司', '组织', '机构',
  ],
  name: ['Full Name', 'Name', 'Contact Name', 'Contact', 'Person', 'Person - Name', 'Person Name', '姓名', '联系人姓名', '联系人', '联系人名称', '全名'],
  firstName: ['First Name', 'Given Name', 'First', 'Forename', 'Person - First name', '名', '名字'],
  lastName: ['Last Name', 'Surname', 'Family Name', 'Last', 'Person - Last name', '姓', '姓氏'],
  title: ['Title', 'Job Title', 'Position', 'Job Position', 'Designation', 'Person - Job title', '职位', '职务', '岗位', '头衔', '职称'],
  role: ['Role', 'Buying Role', 'Contact Role', 'Decision Role', 'Role in Decision', 'KP', 'KP Role', '角色', '决策角色', '采购角色', '决策链角色', 'KP角色'],
  reportsTo: ['Reports To', 'Reporting To', 'Manager', '上级', '直属上级', '汇报对象', '汇报给', '汇报人'],
  persona: ['Persona', 'Contact Persona', '人物类型', '性格类型'],
  email: [
    'Email', 'E-mail', 'Email Address', 'Work Email', 'Business Email', 'Primary Email', 'Email - Work', 'Person - Email', 'Person - Email - Work', 'Mail',
    '邮箱', '电子邮件', '电子邮箱', '邮箱地址', '邮件', 'Secondary Email', 'Email 2', 'Email - Other', 'Person - Email - Other',
  ],
  phone: [
    'Phone', 'Phone Number', 'Business Phone', 'Work Phone', 'Office Phone', 'Direct Phone', 'Telephone', 'Tel', 'Phone - Work', 'Person - Phone', 'Person - Phone - Work',
    '电话', '电话号码', '联系电话', '办公电话', '工作电话', '座机',
    'Mobile', 'Mobile Phone', 'Mobile Phone Number', 'Mobile Number', 'Cell', 'Cell Phone', 'Phone - Mobile', 'Person - Phone - Mobile', '手机', '手机号', '手机号码', '移动电话',
  ],
};

/** What users call each field, for the column summary. */
export const FIELD_NAMES: Record<Field, string> = {
  account: 'account',
  name: 'name',
  firstName: 'first name',
  lastName: 'last name',
  title: 'title',
  role: 'role',
  reportsTo: 'reports to',
  persona: 'persona',
  email: 'email',
  phone: 'phone',
};

/** "First Name", "first_name", "FIRSTNAME" and "Ｆｉｒｓｔ　Ｎａｍｅ" are one header. */
export function headerKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const BY_KEY = new Map<string, { field: Field; rank: number }>();
for (const [field, names] of Object.entries(HEADER_NAMES) as [Field, readonly string[]][]) {
  names.forEach((n, rank) => {
    const k = headerKey(n);
    if (!BY_KEY.has(k)) BY_KEY.set(k, { field, rank });
  });
}

export interface ColumnMap {
  /** Field -> column indexes, in the order their values are tried. */
  fields: Partial<Record<Field, number[]>>;
  mapped: { col: number; header: string; field: Field }[];
  unread: { col: number; header: string }[];
  width: number;
}

export function mapColumns(headers: string[]): ColumnMap {
  const found: { col: number; header: string; field: Field; rank: number }[] = [];
  const unread: { col: number; header: string }[] = [];
  headers.forEach((raw, col) => {
    const header = raw.trim();
    const hit = BY_KEY.get(headerKey(header));
    if (hit) found.push({ col, header, ...hit });
    else unread.push({ col, header });
  });
  const fields: Partial<Record<Field, number[]>> = {};
  for (const f of [...found].sort((a, b) => a.rank - b.rank || a.col - b.col)) fields[f.field] = [...(fields[f.field] ?? []), f.col];
  return { fields, mapped: found.map(({ col, header, field }) => ({ col, header, field })), unread, width: headers.length };
}

/** Han, kana and hangul: names written family name first, without a space. */
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}·・]+$/u;

/** First and last name as the person writes them: "Wei Li" in English, "李伟" (family name first) in Chinese. */
export function joinName(first: string | undefined, last: string | undefined): string | undefined {
  const f = first?.trim() ?? '';
  const l = last?.trim() ?? '';
  if (!f || !l) return f || l || undefined;
  return CJK.test(f) && CJK.test(l) ? `${l}${f}` : `${f} ${l}`;
}

export interface PersonaChoice {
  id: string;
  labels: string[];
}

export interface RowContext {
  map: ColumnMap;
  /** undefined when the playbook has no role question: the role column is then not read. */
  roles?: RoleMatcher;
  personas: PersonaChoice[];
}

export interface ImportContactData {
  name: string;
  title?: string;
  role?: string;
  reportsTo?: string;
  persona?: string;
  email?: string;
  phone?: string;
}

export interface RowProblem {
  line: number;
  col: number;
  code: 'field-count' | 'no-account' | 'unknown-role' | 'unknown-persona' | 'control-character';
  message: string;
  hint?: string;
}

export type MappedRow =
  | { ok: true; line: number; account: string; contact?: ImportContactData; /** contact details without a name to hold them */ nameless?: boolean }
  | { ok: false; problems: RowProblem[] };

/** One record of the file (after the header) as an account and maybe a contact, or its problems. */
export function mapRecord(rec: CsvRecord, ctx: RowContext): MappedRow {
  const { map } = ctx;
  if (rec.cells.length !== map.width) {
    // the first cell too many, or the last cell of a short row
    const at = rec.cells[Math.min(rec.cells.length - 1, map.width)];
    return {
      ok: false,
      problems: [
        {
          line: at.line,
          col: at.col,
          code: 'field-count',
          message: `expected ${map.width} fields as in the header, found ${rec.cells.length}`,
          hint: rec.cells.length > map.width ? 'a delimiter inside a value needs quotes: "Acme, Inc."' : undefined,
        },
      ],
    };
  }
  const cell = (f: Field): CsvCell | undefined => {
    for (const i of map.fields[f] ?? []) if (rec.cells[i].value.trim()) return rec.cells[i];
    return undefined;
  };
  // a value our own export guarded against spreadsheet formulas ('=…) comes back as it was
  const get = (f: Field) => {
    const v = cell(f)?.value.trim();
    return v === undefined ? undefined : unguardFormula(v);
  };
  const problems: RowProblem[] = [];
  // every value read is one line of text: a control character is refused at its cell, never stored
  for (const [f, cols] of Object.entries(map.fields) as [Field, number[]][]) {
    if ((f === 'role' && !ctx.roles) || (f === 'persona' && !ctx.personas.length)) continue; // columns not read
    for (const i of cols) {
      const code = controlCharIn(rec.cells[i].value.trim());
      if (code) problems.push({ line: rec.cells[i].line, col: rec.cells[i].col, code: 'control-character', message: controlCharMessage(`the ${FIELD_NAMES[f]}`, code), hint: 'the CRM export carries a character that is not text: correct it there, or in the file' });
    }
  }
  if (problems.length) return { ok: false, problems };
  const account = get('account');
  if (!account) {
    const at = rec.cells[map.fields.account?.[0] ?? 0];
    problems.push({ line: at.line, col: at.col, code: 'no-account', message: 'expected an account name, found an empty cell', hint: 'every contact belongs to an account: fill it in or leave the row out' });
  }
  let role: string | undefined;
  const roleCell = ctx.roles ? cell('role') : undefined;
  if (roleCell && ctx.roles) {
    role = ctx.roles.match(roleCell.value);
    if (role === undefined) {
      problems.push({
        line: roleCell.line,
        col: roleCell.col,
        code: 'unknown-role',
        message: `unknown role "${roleCell.value.trim()}"; expected one of ${ctx.roles.values.join(', ')} (or their labels)`,
        hint: `map your CRM's word to a role: --map-role "${roleCell.value.trim()}=ROLE"`,
      });
    }
  }
  let persona: string | undefined;
  // a playbook without personas does not read the column (the summary says so)
  const personaCell = ctx.personas.length ? cell('persona') : undefined;
  if (personaCell) {
    const k = wordKey(personaCell.value);
    persona = ctx.personas.find((p) => wordKey(p.id) === k || p.labels.some((l) => wordKey(l) === k))?.id;
    if (persona === undefined) {
      problems.push({ line: personaCell.line, col: personaCell.col, code: 'unknown-persona', message: `unknown persona "${personaCell.value.trim()}"; expected one of ${ctx.personas.map((p) => p.id).join(', ')}` });
    }
  }
  if (problems.length || !account) return { ok: false, problems };
  const name = get('name') ?? joinName(get('firstName'), get('lastName'));
  const details = { title: get('title'), role, reportsTo: get('reportsTo'), persona, email: get('email'), phone: get('phone') };
  if (!name) return { ok: true, line: rec.line, account, nameless: Object.values(details).some((v) => v !== undefined) };
  const contact: ImportContactData = { name };
  for (const [k, v] of Object.entries(details)) if (v !== undefined) (contact as unknown as Record<string, string>)[k] = v;
  return { ok: true, line: rec.line, account, contact };
}
