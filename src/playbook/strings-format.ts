/**
 * The playbook's units in the two formats translation tools read, through well-kept libraries:
 * gettext PO (gettext-parser: Poedit, Weblate, Crowdin, Lokalize) and XLIFF (xliff: 1.2 written,
 * 1.2 and 2.x read; Trados, memoQ, OmegaT, Phrase). A unit's id is the PO entry's msgctxt and the
 * XLIFF unit's id; its English source is the msgid / <source>, kept so that import can tell stale.
 */
import { assertNever } from '../engine/model.js';
import type { StringsFormat, StringsProblem, StringUnit, TranslatedUnit, TranslationFile } from './strings.js';
import { positionOf } from './strings.js';

export interface ExportMeta {
  playbookId: string;
  locale: string;
  /** Shown in each unit's reference: file paths as the trainer sees them. */
  display: (file: string) => string;
}

const noteOf = (u: StringUnit, meta: ExportMeta): string =>
  [
    u.placeholders.length ? `Keep the placeholders as written: ${u.placeholders.join(' ')}` : '',
    u.fuzzy ? 'Pre-filled from zh-CN by conversion: review it.' : '',
    `${meta.display(u.file)}:${u.line}`,
  ]
    .filter(Boolean)
    .join('\n');

export async function writeTranslations(format: StringsFormat, units: readonly StringUnit[], meta: ExportMeta): Promise<string> {
  switch (format) {
    case 'po':
      return writePo(units, meta);
    case 'xliff':
      return writeXliff(units, meta);
    default:
      return assertNever(format, 'strings format');
  }
}

async function writePo(units: readonly StringUnit[], meta: ExportMeta): Promise<string> {
  const { po } = (await import('gettext-parser')).default;
  const translations: Record<string, Record<string, import('gettext-parser').PoEntry>> = { '': { '': { msgid: '', msgstr: [''] } } };
  for (const u of units) {
    translations[u.id] = {
      [u.source]: {
        msgctxt: u.id,
        msgid: u.source,
        msgstr: [u.target ?? ''],
        comments: {
          extracted: u.placeholders.length ? `Keep the placeholders as written: ${u.placeholders.join(' ')}` : '',
          reference: `${meta.display(u.file)}:${u.line}`,
          ...(u.fuzzy ? { flag: 'fuzzy' } : {}),
        },
      },
    };
  }
  const headers = {
    'Project-Id-Version': meta.playbookId,
    Language: meta.locale,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
    'X-Generator': 'sales-coach playbook strings export',
  };
  return `${po.compile({ charset: 'utf-8', headers, translations }, { foldLength: 0 }).toString('utf8')}\n`;
}

async function writeXliff(units: readonly StringUnit[], meta: ExportMeta): Promise<string> {
  const { jsToXliff12 } = await import('xliff');
  const resources: Record<string, { source: string; target?: string; note?: string }> = {};
  for (const u of units) resources[u.id] = { source: u.source, target: u.target ?? '', note: noteOf(u, meta) };
  return `${await jsToXliff12({ sourceLanguage: 'en', targetLanguage: meta.locale, resources: { [meta.playbookId]: resources } })}\n`;
}

/** A translation file read back; problems (a syntax error, a unit without an id) at file:line:col. */
export async function readTranslations(file: string, text: string): Promise<{ translations?: TranslationFile; problems: StringsProblem[] }> {
  const at = (line: number, col: number, message: string): { problems: StringsProblem[] } => ({ problems: [{ file, line, col, message }] });
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return readXliff(text, at);
  if (head === '' || /^(#|msgctxt|msgid)/m.test(head)) return readPo(file, text, at);
  return at(1, 1, 'not a PO or XLIFF file: expected gettext entries (msgid "...") or an <xliff> document');
}

type At = (line: number, col: number, message: string) => { problems: StringsProblem[] };

async function readPo(file: string, text: string, at: At): Promise<{ translations?: TranslationFile; problems: StringsProblem[] }> {
  const { po } = (await import('gettext-parser')).default;
  let data: import('gettext-parser').PoData;
  try {
    data = po.parse(text);
  } catch (err) {
    const e = err as Error & { lineNumber?: number };
    const line = e.lineNumber ?? Number(/at line (\d+)/.exec(e.message)?.[1] ?? 1);
    const ctx = /in "([^"]*)" context/.exec(e.message)?.[1];
    const key = /Invalid key name "([^"]*)"/.exec(e.message)?.[1];
    const col = key ? (text.split('\n')[line - 1] ?? '').indexOf(key) + 1 || 1 : 1;
    const pos = ctx ? positionOf(text, `msgctxt ${JSON.stringify(ctx)}`) : { line, col };
    return at(pos.line, pos.col, e.message.replace(/^Error parsing PO data: /, ''));
  }
  const units: TranslatedUnit[] = [];
  const problems: StringsProblem[] = [];
  for (const [ctx, entries] of Object.entries(data.translations)) {
    for (const entry of Object.values(entries)) {
      if (ctx === '' && entry.msgid === '') continue; // the header
      const pos = positionOf(text, ctx ? `msgctxt ${JSON.stringify(ctx)}` : `msgid ${JSON.stringify(entry.msgid)}`);
      if (!ctx) {
        problems.push({ file, ...pos, message: `an entry without msgctxt: sales-coach names each text by its msgctxt (e.g. "questions/budget/text")` });
        continue;
      }
      units.push({ id: ctx, source: entry.msgid, target: entry.msgstr[0] ?? '', fuzzy: /\bfuzzy\b/.test(entry.comments?.flag ?? ''), ...pos });
    }
  }
  return { translations: { locale: data.headers?.Language || undefined, units }, problems };
}

async function readXliff(text: string, at: At): Promise<{ translations?: TranslationFile; problems: StringsProblem[] }> {
  const { xliff12ToJs, xliff2js } = await import('xliff');
  const version = /<xliff\b[^>]*\bversion\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (!version) {
    if (!/<xliff\b/.test(text)) return at(1, 1, 'not an XLIFF file: no <xliff> element');
    const p = positionOf(text, '<xliff');
    return at(p.line, p.col, 'the <xliff> element has no version (expected 1.2 or 2.0)');
  }
  let js: import('xliff').XliffJs;
  try {
    js = version.startsWith('1.') ? await xliff12ToJs(text) : await xliff2js(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    // the XML parser (sax) says where: "Unexpected close tag\nLine: 2\nColumn: 49", its line 0-based
    const m = /Line: (\d+)\s+Column: (\d+)/.exec(msg);
    if (m) return at(Number(m[1]) + 1, Number(m[2]), `malformed XML: ${msg.split('\n')[0]}`);
    return at(1, 1, `not a well-formed XLIFF ${version} document (${msg.split('\n')[0]})`);
  }
  const units: TranslatedUnit[] = [];
  for (const resource of Object.values(js.resources ?? {})) {
    for (const [id, u] of Object.entries(resource ?? {})) {
      const pos = positionOf(text, `id="${escapeXml(id)}"`);
      units.push({ id, source: flat(u.source), target: flat(u.target), ...pos });
    }
  }
  return { translations: { locale: js.targetLanguage || undefined, units }, problems: [] };
}

/** Inline markup the library keeps as an array (a tool's <g>, <ph>): its text, as the playbook has no markup. */
function flat(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(flat).join('');
  if (typeof v === 'object' && 'contents' in v) return flat((v as { contents: unknown }).contents);
  return '';
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

