/**
 * `import --csv`: accounts and contacts from a CRM export. The file is read twice, as a stream: first
 * every row is checked and every bad one reported (file:line:col), then, only if all are good, the
 * rows are written in one transaction. Nothing is held in memory but the row being read.
 */
import { createReadStream, statSync } from 'node:fs';
import { describeFsError, fsWhy, LIMITS } from './files.js';
import { resolve } from 'node:path';
import { TextDecoder } from 'node:util';
import { type ColumnMap, type Field, FIELD_NAMES, HEADER_NAMES, type MappedRow, mapColumns, mapRecord, type PersonaChoice, type RowContext, type RowProblem } from '../import/columns.js';
import { CsvParser, type CsvProblem, type CsvRecord, DELIMITER_NAMES, type Delimiter, MAX_FIELDS, sniffDelimiter } from '../import/csv.js';
import { parseRoleWord, type RoleOption, type RoleWord, roleMatcher } from '../import/roles.js';
import type { Playbook, Question } from '../playbook/types.js';
import type { ImportCounts, ImportRow } from '../store/types.js';
import { sanitize, sanitizeDeep } from '../ui/sanitize.js';
import { USAGE_MESSAGES } from '../ui/usage-messages.js';
import { hasErrors } from '../core/diagnostic.js';
import { localeOf, makeContext, printDiagnostics, resolvePlaybookTarget } from './context.js';
import { EXIT, loadCliWords, loadedCliWords, said, sayDone, UserError } from './errors.js';
import { now } from './clock.js';
import type { GlobalOptions, IO } from './io.js';
import { loadPlaybookCached } from './playbook-cache.js';
import { openStore } from './store.js';

export interface ImportCommandOptions {
  csv?: string;
  dryRun?: boolean;
  json?: boolean;
  /** `word=value`, repeatable. */
  mapRole?: string[];
  playbook?: string;
  encoding?: string;
}

/** The question that holds the person's role in the decision. */
/** The question the playbook declares as the person's role in the decision (roles.decision). */
export function roleQuestionOf(pb: Playbook): Question | undefined {
  const id = pb.roles.decision;
  return id ? pb.questions.find((q) => q.id === id) : undefined;
}

/** Bad rows kept for --json; the terminal gets every one as it is found. */
const JSON_PROBLEMS = 1000;

export async function importCommand(opts: ImportCommandOptions, io: IO, g: GlobalOptions): Promise<number> {
  if (!opts.csv) throw new UserError(said('importWhat', {}), 'say what to import', 'sales-coach import --csv FILE [--dry-run] (see sales-coach import --help)');
  const file = opts.csv;
  const path = resolve(io.cwd, file);
  checkCsvFile(path, file);
  const encoding = checkEncoding(opts.encoding);
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  // a bad row is said as it is found (a sync callback): the words are loaded before, when not English
  const zh = locale === 'en' ? undefined : locale;
  if (zh) await loadCliWords();
  const cliWords = zh ? loadedCliWords() : undefined;
  const pb = await loadPlaybook(ctx, opts.playbook ?? 'abcd');

  const words: RoleWord[] = [...(ctx.config.mapRole ?? [])];
  for (const text of opts.mapRole ?? []) {
    const w = parseRoleWord(text, `--map-role "${text}"`);
    if (!w) throw new UserError(said('mapRoleShape', { text }), `--map-role "${text}": expected WORD=VALUE`, 'e.g. --map-role "decision maker=first_kp"');
    words.push(w);
  }
  const rq = roleQuestionOf(pb);
  const roleOptions: RoleOption[] = rq?.options ?? [];
  const { matcher, problems: mapProblems } = roleMatcher(roleOptions, words, rq?.allowUnknown === true);
  if (mapProblems.length) {
    const valuesOf = (p: (typeof mapProblems)[number]) => {
      const w = words.find((x) => x.source === p.source);
      const values = /^map to one of (.*)$/s.exec(p.hint)?.[1].split(', ');
      return { source: p.source, word: w?.word ?? '', target: w?.target ?? '', ...(values ? { values } : {}) };
    };
    // every problem but the first on its own line, in the session's language; the first ends the command
    for (const p of mapProblems.slice(1)) {
      io.stderr.write(`sales-coach: ${sanitize(cliWords && zh ? cliWords.cliText(said('roleMapProblem', valuesOf(p)), zh).message : `${p.source}: ${p.message}`)}\n`);
    }
    const p = mapProblems[0];
    throw new UserError(said('roleMapProblem', valuesOf(p)), sanitize(`${p.source}: ${p.message}`), p.hint);
  }
  const personas: PersonaChoice[] = pb.personas.map((p) => ({ id: p.id, labels: typeof p.name === 'string' ? [p.name] : Object.values(p.name).filter((s): s is string => typeof s === 'string') }));

  const progress = progressLine(io);
  // the progress lines in the session's language (the catalogue is loaded above when it is not English)
  const checking = (rows: number) =>
    cliWords && zh ? cliWords.cliText(said('importChecking', { file, rows }), zh).message : `checking ${file}: ${rows.toLocaleString('en')} rows`;
  // -- pass 1: check every row ------------------------------------------------------------------------
  const head = await readHeader(path, file, encoding);
  const map = mapColumns(head.headers);
  if (!map.fields.account) {
    throw new UserError(
      said('noAccountColumn', { place: `${file}:${head.line}:1`, headers: head.headers.map(sanitize), names: HEADER_NAMES.account.slice(0, 4), ...(head.delimiter === ',' ? {} : { delimiter: head.delimiter === '\t' ? 'tab' : head.delimiter }) }),
      `${file}:${head.line}:1: no column names the account; found ${head.headers.map((h) => `"${sanitize(h)}"`).join(', ')}`,
      `name one column ${HEADER_NAMES.account.slice(0, 4).map((n) => `"${n}"`).join(', ')} or "公司"${head.delimiter === ',' ? '' : ` (read as ${DELIMITER_NAMES[head.delimiter]}-separated)`}`,
    );
  }
  const rowCtx: RowContext = { map, roles: rq ? matcher : undefined, personas };
  const check = { rows: 0, withContact: 0, nameless: 0, namelessLines: [] as number[], problems: [] as (RowProblem | CsvProblem)[], problemCount: 0, hints: new Set<string>() };
  const report = (p: RowProblem | CsvProblem) => {
    check.problemCount++;
    if (opts.json) {
      if (check.problems.length < JSON_PROBLEMS) check.problems.push(p);
    } else {
      progress.clear();
      const english = `${file}:${p.line}:${p.col}: ${p.message}`;
      io.stderr.write(`${sanitize(cliWords && zh ? cliWords.cliText(said('csvRowProblem', { place: `${file}:${p.line}:${p.col}`, code: p.code, message: p.message }), zh).message : english)}\n`);
    }
    // a few hints say what to do; a million different role words need not each get one
    if ('hint' in p && p.hint && check.hints.size < 5) check.hints.add(p.hint);
  };
  for await (const rec of readRecords(path, file, encoding, head, report)) {
    const r = mapRecord(rec, rowCtx);
    check.rows++;
    if (!r.ok) r.problems.forEach(report);
    else if (r.contact) check.withContact++;
    else if (r.nameless) {
      check.nameless++;
      if (check.namelessLines.length < 10) check.namelessLines.push(r.line);
    }
    if (check.rows % 10_000 === 0) progress.show(checking(check.rows));
  }
  progress.clear();
  const columns = columnSummary(map, rq !== undefined, personas.length > 0);
  if (check.problemCount) {
    const msg = `${file} has ${check.problemCount === 1 ? 'a bad row' : `${check.problemCount} problems`}; nothing was imported`;
    if (opts.json) {
      io.stdout.write(`${JSON.stringify(sanitizeDeep({ ok: false, file, problems: check.problems.map((p) => ({ file, ...p })), problemCount: check.problemCount, columns }), null, 2)}\n`);
      return EXIT.usage;
    }
    // the hints under the rows, in the session's language
    for (const h of check.hints) {
      const hint = cliWords && zh ? cliWords.cliText(said('csvRowHint', { hint: h }), zh).message : h;
      io.stderr.write(`  ${cliWords && zh ? USAGE_MESSAGES[zh].hint : 'hint: '}${sanitize(hint)}\n`);
    }
    throw new UserError(said('importProblems', { file, count: check.problemCount }), msg);
  }

  // -- pass 2: write ----------------------------------------------------------------------------------
  const total = check.rows;
  const importing = (n: number) => {
    const percent = Math.floor((100 * n) / Math.max(1, total));
    return cliWords && zh
      ? cliWords.cliText(said('importProgress', { dryRun: opts.dryRun === true, done: n, total, percent }), zh).message
      : `${opts.dryRun ? 'counting' : 'importing'} ${n.toLocaleString('en')} of ${total.toLocaleString('en')} rows (${percent}%)`;
  };
  async function* rows(): AsyncGenerator<ImportRow> {
    for await (const rec of readRecords(path, file, encoding, head, () => {})) {
      const r: MappedRow = mapRecord(rec, rowCtx);
      if (!r.ok) throw new UserError(said('csvChanged', { file }), `${file} changed while it was being imported; nothing was imported`, 'run the import again');
      yield { line: r.line, account: r.account, contact: r.contact };
    }
  }
  const store = await openStore(io, g);
  let counts: ImportCounts;
  try {
    counts = await store.importRows(rows(), {
      at: now(),
      dryRun: opts.dryRun,
      onProgress: (n) => progress.show(importing(n)),
    });
  } finally {
    progress.clear();
    store.close();
  }

  const noContact = check.withContact === 0 ? whyNoContact(map, check.rows, check.nameless) : undefined;
  if (opts.json) {
    const out = {
      ok: true,
      file,
      dryRun: opts.dryRun === true,
      delimiter: DELIMITER_NAMES[head.delimiter],
      rows: total,
      accountsAdded: counts.accounts,
      contactsAdded: counts.contactsAdded,
      contactsUpdated: counts.contactsUpdated,
      contactsUnchanged: counts.contactsUnchanged,
      namelessRows: { count: check.nameless, firstLines: check.namelessLines },
      noContact,
      columns,
    };
    io.stdout.write(`${JSON.stringify(sanitizeDeep(out), null, 2)}\n`);
    return EXIT.ok;
  }
  const [added, cAdded, cUpdated] = opts.dryRun ? ['accounts to add', 'contacts to add', 'contacts to update'] : ['accounts added', 'contacts added', 'contacts updated'];
  const lines = [
    `${file}: ${total} row(s), ${DELIMITER_NAMES[head.delimiter]}-separated${opts.dryRun ? ' (--dry-run: nothing written)' : ''}`,
    `  ${added.padEnd(19)} ${counts.accounts}`,
    `  ${cAdded.padEnd(19)} ${counts.contactsAdded}`,
    `  ${cUpdated.padEnd(19)} ${counts.contactsUpdated}${counts.contactsUnchanged ? ` (and ${counts.contactsUnchanged} already up to date)` : ''}`,
    `columns read: ${readByField(map, columns.read)}`,
    `columns not read: ${columns.unread.length ? columns.unread.map((c) => `"${c.header}"${c.why ? ` (${c.why})` : ''}`).join(', ') : 'none'}`,
  ];
  if (check.nameless) lines.push(`${check.nameless} row(s) have contact details but no name, so only their account ${opts.dryRun ? 'would be' : 'was'} imported (line ${check.namelessLines.join(', ')}${check.nameless > check.namelessLines.length ? ', …' : ''})`);
  if (noContact) lines.push(`no contacts: ${noContact}`);
  const summary = said('importSummary', {
    file: sanitize(file),
    rows: total,
    delimiter: DELIMITER_NAMES[head.delimiter] as 'comma' | 'semicolon' | 'tab',
    dryRun: opts.dryRun === true,
    accounts: counts.accounts,
    contactsAdded: counts.contactsAdded,
    contactsUpdated: counts.contactsUpdated,
    contactsUnchanged: counts.contactsUnchanged,
    read: readFields(map, columns.read),
    unread: columns.unread.map((c) => ({
      header: sanitize(c.header),
      column: c.column,
      noHeader: map.unread.some((u) => u.col + 1 === c.column && !u.header),
      ...(c.why ? { why: c.why === 'the playbook asks no role question' ? ('noRoleQuestion' as const) : ('noPersonas' as const) } : {}),
    })),
    ...(check.nameless ? { nameless: { count: check.nameless, lines: check.namelessLines } } : {}),
    ...(noContact ? { noContact: noContactKind(map, check.rows, check.nameless) } : {}),
  });
  io.stdout.write(`${await sayDone(locale, summary, lines.map((l) => sanitize(l)).join('\n'))}\n`);
  return EXIT.ok;
}

function checkEncoding(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  try {
    return new TextDecoder(name).encoding;
  } catch {
    throw new UserError(said('unknownEncoding', { name }), `--encoding ${name}: not an encoding this Node knows`, 'e.g. --encoding utf-8, --encoding gb18030 (Excel in China), --encoding utf-16le');
  }
}

async function loadPlaybook(ctx: ReturnType<typeof makeContext>, ref: string): Promise<Playbook> {
  const file = resolvePlaybookTarget(ctx, ref);
  const r = await loadPlaybookCached(ctx.registry, file, ctx.io.env);
  if (!r.playbook || hasErrors(r.diagnostics)) {
    printDiagnostics(ctx, r.diagnostics, r.sources);
    throw new UserError(said('playbookInvalid', { target: ref, command: `sales-coach playbook validate ${ref}` }), `the playbook ${ref} is invalid; fix it first`, `sales-coach playbook validate ${ref}`, EXIT.findings);
  }
  return r.playbook;
}

interface Header {
  headers: string[];
  line: number;
  delimiter: Delimiter;
  sepLine: boolean;
}

/** The header row, and the delimiter sniffed from it. */
async function readHeader(path: string, file: string, encoding: string | undefined): Promise<Header> {
  const first = await firstLine(path, file, encoding);
  const { delimiter, sepLine } = sniffDelimiter(first);
  const probe: Header = { headers: [], line: 1, delimiter, sepLine };
  // a header the parser could not read (over MAX_FIELDS columns, an unclosed quote) is said as such:
  // it is skipped like a bad row, and the row after it must never be taken for the header
  const problems: CsvProblem[] = [];
  const headerProblem = (before: number) => {
    const p = problems.find((x) => x.line < before);
    if (p) throw new UserError(said('headerUnreadable', { place: `${file}:${p.line}:${p.col}`, detail: p.message, ...(p.code === 'too-many-fields' ? { tooMany: MAX_FIELDS } : {}) }), `${file}:${p.line}:${p.col}: the header row cannot be read: ${p.code === 'too-many-fields' ? `it has more than ${MAX_FIELDS} fields` : p.message}`, 'is it a CSV export of contacts? The first line names the columns (e.g. "Account Name,First Name,Last Name,Title,Phone")');
  };
  for await (const rec of readRecords(path, file, encoding, probe, (p) => problems.push(p), true)) {
    headerProblem(rec.line);
    return { headers: rec.cells.map((c) => c.value), line: rec.line, delimiter, sepLine };
  }
  headerProblem(Number.POSITIVE_INFINITY);
  throw new UserError(said('csvEmpty', { file }), `${file} is empty; expected a header row (e.g. "Account Name,First Name,Last Name,Title,Phone")`);
}

async function firstLine(path: string, file: string, encoding: string | undefined): Promise<string> {
  let text = '';
  let decoder: TextDecoder | undefined;
  for await (const chunk of open(path, file)) {
    decoder ??= decoderFor(encoding, chunk);
    text += decode(decoder, chunk as Buffer, file, 1, encoding);
    const nl = text.search(/[\r\n]/);
    if (nl >= 0) return text.slice(0, nl);
    if (text.length > 1 << 20) break;
  }
  return text;
}

/**
 * The file is read twice, streamed (memory stays flat at any size), so what bounds it is sense: a
 * device or a pipe (/dev/zero, a FIFO) would never end, and a file beyond LIMITS.csv is not a CRM export.
 */
function checkCsvFile(path: string, file: string): void {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (err) {
    throw new UserError(said('csvUnreadable', { file, why: fsWhy(err) }), `cannot read the CSV file ${file}: ${describeFsError(err)}`, 'check the path');
  }
  if (st.isDirectory()) throw new UserError(said('csvIsFolder', { file }), `the CSV file ${file} is a folder`, 'give the path of the exported .csv file');
  if (!st.isFile()) throw new UserError(said('csvNotRegular', { file }), `the CSV file ${file} is not a regular file (a device, a pipe or a socket)`, 'export to a file first, then import that file');
  if (st.size > LIMITS.csv) throw new UserError(said('csvTooLarge', { file, gb: (st.size / (1 << 30)).toFixed(1), limitGb: LIMITS.csv / (1 << 30) }), `the CSV file ${file} is too large (${(st.size / (1 << 30)).toFixed(1)} GB; the limit is ${LIMITS.csv / (1 << 30)} GB)`, 'is it the right file? Split a larger export into several files');
}

function open(path: string, file: string): AsyncIterable<Buffer> {
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for await (const chunk of stream) yield chunk as Buffer;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new UserError(said('cannotRead', { file, detail: (err as Error).message, ...(code ? { code } : {}) }), `cannot read ${file}: ${code ?? (err as Error).message}`, code === 'ENOENT' ? 'check the path' : undefined);
      } finally {
        stream.destroy();
      }
    },
  };
}

/** UTF-8 unless told; a UTF-16 byte-order mark (Excel's "Unicode text") is obeyed. */
function decoderFor(encoding: string | undefined, firstBytes?: Buffer): TextDecoder {
  if (encoding) return new TextDecoder(encoding, { fatal: true });
  if (firstBytes && firstBytes[0] === 0xff && firstBytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true });
  if (firstBytes && firstBytes[0] === 0xfe && firstBytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true });
  return new TextDecoder('utf-8', { fatal: true });
}

function decode(decoder: TextDecoder, chunk: Buffer | undefined, file: string, line: number, encoding: string | undefined): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    // the line of the first byte that is not text: the part of the chunk before it, decoded leniently
    const loose = chunk ? new TextDecoder(encoding ?? 'utf-8').decode(chunk) : '';
    const bad = loose.indexOf('\uFFFD');
    const at = line + (bad > 0 ? (loose.slice(0, bad).match(/\r\n|\r|\n/g)?.length ?? 0) : 0);
    throw new UserError(
      said('notEncodingText', { place: `${file}:${at}`, ...(encoding ? { encoding } : {}) }),
      `${file}:${at}: not ${encoding ?? 'UTF-8'} text (from this line on); nothing was imported`,
      encoding ? undefined : 'save it from your CRM or Excel as "CSV UTF-8"; a file saved by Excel in Chinese is often GBK: add --encoding gb18030',
    );
  }
}

async function* readRecords(path: string, file: string, encoding: string | undefined, head: Header, report: (p: CsvProblem) => void, withHeader = false): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser(head.delimiter);
  let decoder: TextDecoder | undefined;
  let index = 0;
  // problems and records in the order of their lines, so errors read top to bottom
  const drain = function* (recs: CsvRecord[]) {
    const problems = parser.problems.splice(0);
    for (const r of recs) {
      while (problems.length && problems[0].line < r.line) report(problems.shift() as CsvProblem);
      index++;
      // the sep= line, then the header
      if (head.sepLine && index === 1) continue;
      if (!withHeader && index === (head.sepLine ? 2 : 1)) continue;
      yield r;
    }
    for (const p of problems) report(p);
  };
  for await (const chunk of open(path, file)) {
    decoder ??= decoderFor(encoding, chunk);
    yield* drain(parser.push(decode(decoder, chunk, file, parser.currentLine, encoding)));
  }
  if (decoder) yield* drain(parser.push(decode(decoder, undefined, file, parser.currentLine, encoding)));
  yield* drain(parser.end());
}

interface ColumnSummary {
  read: { column: number; header: string; field: string }[];
  unread: { column: number; header: string; why?: string }[];
}

function columnSummary(map: ColumnMap, hasRoleQuestion: boolean, hasPersonas: boolean): ColumnSummary {
  const read: ColumnSummary['read'] = [];
  const unread: ColumnSummary['unread'] = map.unread.map((u) => ({ column: u.col + 1, header: u.header || `(column ${u.col + 1}, no header)` }));
  for (const m of map.mapped) {
    if (m.field === 'role' && !hasRoleQuestion) unread.push({ column: m.col + 1, header: m.header, why: 'the playbook asks no role question' });
    else if (m.field === 'persona' && !hasPersonas) unread.push({ column: m.col + 1, header: m.header, why: 'the playbook has no personas' });
    else read.push({ column: m.col + 1, header: m.header, field: FIELD_NAMES[m.field] });
  }
  unread.sort((a, b) => a.column - b.column);
  return { read, unread };
}

/** `phone <- "Phone", then "Mobile"`: a field's columns together, in the order their values are tried. */
function readByField(map: ColumnMap, read: ColumnSummary['read']): string {
  const shown = new Set(read.map((c) => c.column - 1));
  const fields = (Object.entries(map.fields) as [Field, number[]][]).filter(([, cols]) => cols.some((c) => shown.has(c)));
  fields.sort((a, b) => Math.min(...a[1]) - Math.min(...b[1]));
  return fields.map(([f, cols]) => `${FIELD_NAMES[f]} <- ${cols.filter((c) => shown.has(c)).map((c) => `"${map.mapped.find((m) => m.col === c)?.header}"`).join(', then ')}`).join('; ');
}

/** Each field read, with its columns' headers in the order their values are tried (readByField's parts). */
function readFields(map: ColumnMap, read: ColumnSummary['read']): { field: Field; headers: string[] }[] {
  const shown = new Set(read.map((c) => c.column - 1));
  const fields = (Object.entries(map.fields) as [Field, number[]][]).filter(([, cols]) => cols.some((c) => shown.has(c)));
  fields.sort((a, b) => Math.min(...a[1]) - Math.min(...b[1]));
  return fields.map(([field, cols]) => ({ field, headers: cols.filter((c) => shown.has(c)).map((c) => sanitize(map.mapped.find((m) => m.col === c)?.header ?? '')) }));
}

/** whyNoContact's reason, as a kind for the other languages. */
function noContactKind(map: ColumnMap, rows: number, nameless: number): 'noRows' | 'noNameColumn' | 'emptyNames' | 'emptyNamesNoDetails' {
  if (rows === 0) return 'noRows';
  if (!map.fields.name && !map.fields.firstName && !map.fields.lastName) return 'noNameColumn';
  return nameless ? 'emptyNames' : 'emptyNamesNoDetails';
}

function whyNoContact(map: ColumnMap, rows: number, nameless: number): string {
  if (rows === 0) return 'the file has a header but no rows';
  if (!map.fields.name && !map.fields.firstName && !map.fields.lastName) {
    return `no column names the person (expected one of "Name", "Full Name", "Contact Name", "First Name" and "Last Name", "姓名", "联系人", "名" and "姓"); only accounts were imported`;
  }
  return nameless ? 'every name cell is empty; only accounts were imported' : 'every name cell is empty, and no row has contact details; only accounts were imported';
}

/** One line on stderr, redrawn in place, only on a terminal (a log file gets none of it). */
function progressLine(io: IO): { show(text: string): void; clear(): void } {
  if (!io.stderr.isTTY) return { show: () => {}, clear: () => {} };
  // redrawn every 10,000 rows: a hundred writes for a million rows needs no timer
  let shown = false;
  return {
    show(text) {
      io.stderr.write(`\r\u001b[2K${text}`);
      shown = true;
    },
    clear() {
      if (shown) io.stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}
