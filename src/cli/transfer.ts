/**
 * `export` (calendar, CSV, JSON) and `import --csv` (accounts and contacts from a CRM export, columns
 * mapped by their headers). An import is all or nothing: a bad row is named with its line and nothing
 * is written.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Contact, ImportRow } from '../store/types.js';
import { sanitize, sanitizeDeep } from '../ui/sanitize.js';
import { csvLine, unguardFormula } from '../ui/csv.js';
import { EXIT, UserError } from './errors.js';
import { describeFsError, readFileBounded, writeFileAtomic } from './files.js';
import type { GlobalOptions, IO } from './io.js';
import { openStore } from './store.js';
import { VERSION } from './version.js';

// -- calendar (RFC 5545) -----------------------------------------------------------------------
function icsText(s: string): string {
  return sanitize(s).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}
/** Lines longer than 75 octets are folded, as calendar programs expect (never inside a character). */
function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}
export function toIcs(items: { id: number; account: string; text: string; due: string }[], stamp: string): string {
  const compact = (d: string) => d.replace(/-/g, '');
  const next = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//sales-coach//${VERSION}//EN`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const i of items) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:sales-coach-item-${i.id}@sales-coach.invalid`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(i.due)}`,
      `DTEND;VALUE=DATE:${compact(next(i.due))}`,
      `SUMMARY:${icsText(`${i.account}: ${i.text}`)}`,
      `DESCRIPTION:${icsText(`sales-coach checklist item ${i.id}. Mark it done with: sales-coach checklist done ${i.id}`)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

export async function exportCommand(opts: { ics?: string; csv?: string; json?: boolean; force?: boolean }, io: IO, g: GlobalOptions): Promise<number> {
  if (!opts.ics && !opts.csv && !opts.json) throw new UserError('say what to export', 'sales-coach export --ics FILE | --csv DIR | --json');
  const CSV_FILES = ['accounts.csv', 'contacts.csv', 'visits.csv', 'checklist.csv', 'class_history.csv'];
  // refuse before writing anything: half an export (new accounts.csv beside last week's visits.csv) is worse than none
  if (!opts.force) {
    const taken = [...(opts.ics ? [opts.ics] : []), ...(opts.csv ? CSV_FILES.map((f) => join(opts.csv as string, f)) : [])].filter((f) => existsSync(resolve(io.cwd, f)));
    if (taken.length) throw new UserError(`${taken.join(', ')} already exist${taken.length === 1 ? 's' : ''}; nothing was written`, 'choose another name, or add --force to overwrite');
  }
  const store = await openStore(io, g);
  try {
    if (opts.ics) {
      const items = await store.openChecklist();
      const stamp = `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
      writeFileAtomic(resolve(io.cwd, opts.ics), toIcs(items, stamp), { force: opts.force, shown: opts.ics });
      io.stderr.write(`wrote ${items.length} open next step(s) to ${opts.ics}\n`);
    }
    const all = opts.csv || opts.json ? await store.exportAll() : undefined;
    if (opts.csv && all) {
      const dir = resolve(io.cwd, opts.csv);
      try {
        mkdirSync(dir, { recursive: true });
      } catch (err) {
        throw new UserError(`cannot create the folder ${opts.csv}: ${describeFsError(err)}`);
      }
      const table = (file: string, header: string[], rows: unknown[][]) =>
        writeFileAtomic(join(dir, file), [csvLine(header), ...rows.map(csvLine)].join(''), { force: opts.force, shown: join(opts.csv as string, file) });
      table('accounts.csv', ['account', 'class', 'status', 'class_since', 'last_visit', 'signed', 'contacts', 'open_items', 'next_due'], all.accounts.map((a) => [a.name, a.class, a.classStatus, a.classSince, a.lastVisit, a.signed ? 'yes' : 'no', a.contacts, a.openItems, a.nextDue]));
      table('contacts.csv', ['account', 'contact', 'title', 'role', 'reports_to', 'approval_layers', 'persona', 'email', 'phone'], all.contacts.map((c) => [c.account, c.name, c.title, c.role, c.reportsTo, c.approvalLayers, c.persona, c.email, c.phone]));
      table('visits.csv', ['account', 'date', 'mode', 'class', 'status', 'playbook', 'playbook_hash'], all.visits.map((v) => [v.account, v.date, v.mode, v.result.classification.class, v.result.classification.status, v.playbookId, v.playbookHash]));
      table('checklist.csv', ['id', 'account', 'due', 'state', 'state_at', 'text'], all.checklist.map((i) => [i.id, i.account, i.due, i.state, i.stateAt, i.text]));
      table('class_history.csv', ['account', 'date', 'from', 'to', 'status', 'reason'], all.classes.map((h) => [h.account, h.date, h.from, h.to, h.status, h.reason]));
      io.stderr.write(`wrote accounts, contacts, visits, checklist and class history to ${opts.csv}/\n`);
    }
    if (opts.json && all) io.stdout.write(`${JSON.stringify(sanitizeDeep(all), null, 2)}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}

// -- CSV import ----------------------------------------------------------------------------------------
/** RFC 4180, with the line each record starts on (for errors). */
export function parseCsv(text: string): { rows: { line: number; cells: string[] }[]; error?: { line: number; message: string } } {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let atCellStart = true;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: start, cells });
      cells = [];
      cell = '';
      line++;
      start = line;
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (quoted) return { rows, error: { line: start, message: 'a quoted field is never closed' } };
  if (cell !== '' || cells.length) {
    cells.push(cell);
    rows.push({ line: start, cells });
  }
  return { rows };
}

const HEADERS: Record<string, string[]> = {
  account: ['account', 'account name', 'company', 'company name', 'customer', 'organisation', 'organization', '客户', '公司', '客户名称', '公司名称'],
  name: ['contact', 'contact name', 'name', 'full name', '联系人', '姓名'],
  title: ['title', 'job title', 'position', '职位', '职务'],
  role: ['role', 'buying role', 'kp', '角色'],
  reportsTo: ['reports to', 'reports_to', 'manager', '上级'],
  persona: ['persona', 'type', '类型'],
  email: ['email', 'e-mail', 'mail', '邮箱'],
  phone: ['phone', 'mobile', 'telephone', '电话', '手机'],
};
const ROLES: Record<string, Contact['role']> = { first_kp: 'first_kp', 'first kp': 'first_kp', 第一kp: 'first_kp', second_kp: 'second_kp', 'second kp': 'second_kp', 第二kp: 'second_kp', third_kp: 'third_kp', 'third kp': 'third_kp', 第三kp: 'third_kp', unknown: 'unknown' };

export function mapImport(text: string, file: string): { rows: ImportRow[]; columns: Record<string, string> } {
  const parsed = parseCsv(text);
  if (parsed.error) throw new UserError(`${file}:${parsed.error.line}: ${parsed.error.message}; nothing was imported`);
  const [head, ...body] = parsed.rows;
  if (!head) throw new UserError(`${file} is empty; expected a header row (account, contact, title, …)`);
  const columns: Record<string, number> = {};
  const shown: Record<string, string> = {};
  head.cells.forEach((h, i) => {
    const k = h.trim().toLowerCase().replace(/\s+/g, ' ');
    for (const [field, names] of Object.entries(HEADERS)) {
      if (names.includes(k) && columns[field] === undefined) {
        columns[field] = i;
        shown[field] = h.trim();
      }
    }
  });
  if (columns.account === undefined) {
    throw new UserError(`${file}:1: no account column (found ${head.cells.map((c) => `"${c}"`).join(', ')})`, `name one column ${HEADERS.account.slice(0, 4).map((n) => `"${n}"`).join(' or ')}`);
  }
  const rows: ImportRow[] = [];
  for (const r of body) {
    if (r.cells.length !== head.cells.length) throw new UserError(`${file}:${r.line}: this row has ${r.cells.length} fields, the header ${head.cells.length}; nothing was imported`, 'a comma inside a value needs quotes: "Acme, Inc."');
    const get = (f: string) => (columns[f] === undefined ? undefined : unguardFormula(r.cells[columns[f]].trim()) || undefined);
    const account = get('account');
    if (!account) throw new UserError(`${file}:${r.line}: the account is empty; nothing was imported`);
    const roleRaw = get('role');
    const role = roleRaw ? ROLES[roleRaw.toLowerCase()] : undefined;
    if (roleRaw && !role) throw new UserError(`${file}:${r.line}: unknown role "${roleRaw}"; nothing was imported`, 'use first_kp, second_kp, third_kp or unknown');
    const name = get('name');
    const contact: Contact | undefined = name
      ? { name, title: get('title'), role, reportsTo: get('reportsTo'), persona: get('persona'), email: get('email'), phone: get('phone') }
      : undefined;
    rows.push({ line: r.line, account, contact });
  }
  return { rows, columns: shown };
}

export async function importCommand(opts: { csv?: string; dryRun?: boolean }, io: IO, g: GlobalOptions): Promise<number> {
  if (!opts.csv) throw new UserError('say what to import', 'sales-coach import --csv FILE [--dry-run]');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileBounded(resolve(io.cwd, opts.csv), 256 << 20, 'the CSV file'));
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(code ? `cannot read ${opts.csv}: ${code}` : `${opts.csv} is not UTF-8`, code ? undefined : 'export it from your CRM as "CSV UTF-8"');
  }
  const { rows, columns } = mapImport(text, opts.csv);
  const store = await openStore(io, g);
  try {
    const r = await store.importRows(rows, new Date().toISOString(), opts.dryRun);
    const mapped = Object.entries(columns).map(([f, h]) => `${f} <- "${sanitize(h)}"`).join(', ');
    io.stderr.write(`columns: ${mapped}\n`);
    io.stdout.write(`${opts.dryRun ? 'would add' : 'added'} ${r.accounts} account(s) and ${r.contacts} contact(s) from ${rows.length} row(s)${opts.dryRun ? ' (--dry-run: nothing written)' : ''}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
