/** `export`: open next steps as a calendar, or everything as CSV or JSON. (`import` is in import.ts.) */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isLapsed, isOpenStep } from '../core/steps.js';
import { sanitize, sanitizeDeep } from '../ui/sanitize.js';
import { csvLine } from '../ui/csv.js';
import { EXIT, said, sayDone, UserError } from './errors.js';
import { localeOf, makeContext } from './context.js';
import { localToday, now } from './clock.js';
import { describeFsError, fsWhy, writeFileAtomic } from './files.js';
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
  if (!opts.ics && !opts.csv && !opts.json) throw new UserError(said('exportWhat', {}), 'say what to export', 'sales-coach export --ics FILE | --csv DIR | --json');
  const CSV_FILES = ['accounts.csv', 'contacts.csv', 'visits.csv', 'checklist.csv', 'class_history.csv'];
  // refuse before writing anything: half an export (new accounts.csv beside last week's visits.csv) is worse than none
  if (!opts.force) {
    const taken = [...(opts.ics ? [opts.ics] : []), ...(opts.csv ? CSV_FILES.map((f) => join(opts.csv as string, f)) : [])].filter((f) => existsSync(resolve(io.cwd, f)));
    if (taken.length) throw new UserError(said('exportTaken', { files: taken }), `${taken.join(', ')} already exist${taken.length === 1 ? 's' : ''}; nothing was written`, 'choose another name, or add --force to overwrite');
  }
  const store = await openStore(io, g);
  try {
    if (opts.ics) {
      // the calendar holds the steps the checklist lists: open ones, as core/steps.ts says, and not past
      // their last day (a step for a meeting gone by, a window that has ended: the checklist leaves them out)
      const today = localToday();
      const items = (await store.openChecklist()).filter((s) => isOpenStep(s) && !isLapsed(s, today));
      const stamp = `${now().replace(/[-:]/g, '').slice(0, 15)}Z`;
      writeFileAtomic(resolve(io.cwd, opts.ics), toIcs(items, stamp), { force: opts.force, shown: opts.ics });
      io.stderr.write(`${await sayDone(localeOf(makeContext(io, g), g), said('wroteIcs', { count: items.length, file: opts.ics }), `wrote ${items.length} open next step(s) to ${opts.ics}`)}\n`);
    }
    const all = opts.csv || opts.json ? await store.exportAll() : undefined;
    if (opts.csv && all) {
      const dir = resolve(io.cwd, opts.csv);
      try {
        mkdirSync(dir, { recursive: true });
      } catch (err) {
        throw new UserError(said('cannotCreateFolder', { folder: opts.csv, why: fsWhy(err) }), `cannot create the folder ${opts.csv}: ${describeFsError(err)}`);
      }
      const table = (file: string, header: string[], rows: unknown[][]) =>
        writeFileAtomic(join(dir, file), [csvLine(header), ...rows.map(csvLine)].join(''), { force: opts.force, shown: join(opts.csv as string, file) });
      table('accounts.csv', ['account', 'class', 'status', 'class_since', 'class_deadline', 'playbook', 'last_visit', 'signed', 'dropped', 'contacts', 'open_items', 'next_due'], all.accounts.map((a) => [a.name, a.class, a.classStatus, a.classSince, a.classDeadline, a.playbookId, a.lastVisit, a.signed ? 'yes' : 'no', a.dropped ? 'yes' : 'no', a.contacts, a.openItems, a.nextDue]));
      table('contacts.csv', ['account', 'contact', 'title', 'role', 'reports_to', 'approval_layers', 'persona', 'email', 'phone', 'first_met', 'last_met'], all.contacts.map((c) => [c.account, c.name, c.title, c.role, c.reportsTo, c.approvalLayers, c.persona, c.email, c.phone, c.firstMet, c.lastMet]));
      table('visits.csv', ['account', 'date', 'mode', 'person', 'class', 'status', 'playbook', 'playbook_hash'], all.visits.map((v) => [v.account, v.date, v.mode, v.person, v.result.classification.class, v.result.classification.status, v.playbookId, v.playbookHash]));
      table('checklist.csv', ['id', 'account', 'due', 'state', 'state_at', 'text'], all.checklist.map((i) => [i.id, i.account, i.due, i.state, i.stateAt, i.text]));
      table('events.csv', ['account', 'date', 'kind', 'details'], all.events.map((e) => {
        const { kind, date, ...details } = e.event;
        return [e.account, date, kind, JSON.stringify(details)];
      }));
      io.stderr.write(`${await sayDone(localeOf(makeContext(io, g), g), said('wroteCsv', { folder: opts.csv }), `wrote accounts, contacts, visits, checklist and events to ${opts.csv}/`)}\n`);
    }
    if (opts.json && all) io.stdout.write(`${JSON.stringify(sanitizeDeep(all), null, 2)}\n`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

