/**
 * Quick fixes for the validator's own diagnostics, as data: each is a title and the text edits that
 * make it (the server turns them into code actions). Three kinds:
 * - a "did you mean" hint: replace the misspelt id with the one suggested;
 * - a text without a locale the playbook declares: add that locale as a stub to translate;
 * - an unknown question or class id: declare it, a stub at the end of its section.
 * Positions are 1-based as in diagnostics; `line` is the line's text, read from the document.
 */
import { load } from 'js-yaml';
import type { Diagnostic } from '../core/diagnostic.js';

export interface FixEdit {
  file: string;
  /** 1-based line; col and endCol 1-based, endCol exclusive; an insertion has col === endCol. */
  line: number;
  col: number;
  endCol: number;
  newText: string;
}

export interface QuickFix {
  title: string;
  edits: FixEdit[];
  /** The diagnostic it fixes. */
  diagnostic: Diagnostic;
  /** The fix an editor may apply on its own ("fix all"): only one obvious choice. */
  preferred?: boolean;
}

/** What a fix needs to know of the document and the playbook. */
export interface FixContext {
  /** The text of a file (the open document's, else the file's), split in lines. */
  lines(file: string): string[] | undefined;
  locales: readonly string[];
  /** Where the list of a section ends (1-based line after which a stub item goes), and its items' indentation. */
  sectionEnd(section: 'questions' | 'classes'): { file: string; after: number; indent: string } | undefined;
}

const DID_YOU_MEAN = /did you mean "([^"]+)"\?/;

export function quickFixes(d: Diagnostic, ctx: FixContext): QuickFix[] {
  const out: QuickFix[] = [];
  const lines = ctx.lines(d.file);
  if (!lines || d.line < 1) return out;
  const line = lines[d.line - 1] ?? '';
  const suggestion = DID_YOU_MEAN.exec(d.hint ?? '')?.[1] ?? DID_YOU_MEAN.exec(d.message)?.[1];
  const wrong = /"([^"]+)"/.exec(d.message)?.[1];
  if (suggestion && wrong) {
    const span = wordAt(line, d.col, wrong);
    if (span) out.push({ title: `Change "${wrong}" to "${suggestion}"`, diagnostic: d, preferred: true, edits: [{ file: d.file, line: d.line, ...span, newText: suggestion }] });
  }
  if (d.code === 'missing-locale') {
    const fix = localeStub(d, line, lines, ctx);
    if (fix) out.push(fix);
  }
  if (d.code === 'unknown-reference' && wrong && /^[A-Za-z][\w-]*$/.test(wrong)) {
    const kind = /unknown question|names the question|finds out/.test(d.message) ? 'questions' : /unknown class|names the class|which is no class/.test(d.message) ? 'classes' : undefined;
    const at = kind && ctx.sectionEnd(kind);
    if (kind && at) {
      const i = at.indent;
      const text = (s: string) => (ctx.locales.length > 1 ? `{ ${ctx.locales.map((l) => `${l}: ${JSON.stringify(`TODO ${s}`)}`).join(', ')} }` : JSON.stringify(`TODO ${s}`));
      const stub =
        kind === 'questions'
          ? [`${i}- id: ${wrong}`, `${i}  kind: text`, `${i}  text: ${text(`the question ${wrong}`)}`]
          : [`${i}- id: ${wrong}`, `${i}  name: ${text(wrong)}`, `${i}  priority: 99`, `${i}  when: { answered: true, question: TODO }`];
      const last = ctx.lines(at.file)?.[at.after - 1] ?? '';
      out.push({
        title: `Declare ${kind === 'questions' ? 'the question' : 'the class'} "${wrong}"`,
        diagnostic: d,
        edits: [{ file: at.file, line: at.after, col: last.length + 1, endCol: last.length + 1, newText: `\n${stub.join('\n')}` }],
      });
    }
  }
  return out;
}

/** The span of `word` on the line, at or after the diagnostic's column (the diagnostic may point at its quote). */
function wordAt(line: string, col: number, word: string): { col: number; endCol: number } | undefined {
  let at = line.indexOf(word, Math.max(0, col - 1));
  if (at < 0) at = line.indexOf(word);
  return at < 0 ? undefined : { col: at + 1, endCol: at + 1 + word.length };
}

/** `{ en: Hi }` -> `{ en: Hi, zh-CN: "TODO Hi" }`; a block mapping gets a line under its last locale. */
function localeStub(d: Diagnostic, line: string, lines: string[], ctx: FixContext): QuickFix | undefined {
  const missing = /has no ([\w, -]+)$/.exec(d.message)?.[1]?.split(/,\s*/).filter((l) => ctx.locales.includes(l));
  if (!missing?.length) return undefined;
  // the stub carries the text of a locale it has, to translate from
  let source: string | undefined;
  const stub = (l: string) => `${l}: ${JSON.stringify(`TODO ${source ?? ''}`.trim())}`;
  const title = `Add ${missing.join(', ')} to translate`;
  const from = d.col - 1;
  if (line[from] === '{') {
    // a flow mapping on its line: before its closing brace
    let depth = 0;
    let quote = '';
    for (let i = from; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        let end = i;
        while (end > from && line[end - 1] === ' ') end--;
        source = firstString(line.slice(from, i + 1));
        return { title, diagnostic: d, edits: [{ file: d.file, line: d.line, col: end + 1, endCol: end + 1, newText: `, ${missing.map(stub).join(', ')}` }] };
      }
    }
    return undefined;
  }
  // a block mapping: its keys start at the diagnostic's column; the stub goes after its last line
  const indent = line.slice(0, from);
  if (!/^\s*$/.test(indent) || !/^[\w-]+:/.test(line.slice(from))) return undefined;
  let last = d.line;
  for (let n = d.line + 1; n <= lines.length; n++) {
    const l = lines[n - 1];
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    if (l.length - l.trimStart().length < from) break;
    last = n;
  }
  const end = lines[last - 1].length + 1;
  source = firstString(lines.slice(d.line - 1, last).map((l) => l.slice(from)).join('\n'));
  return { title, diagnostic: d, edits: [{ file: d.file, line: last, col: end, endCol: end, newText: missing.map((l) => `\n${indent}${stub(l)}`).join('') }] };
}

function firstString(yaml: string): string | undefined {
  try {
    const v = load(yaml) as Record<string, unknown>;
    return v && typeof v === 'object' ? Object.values(v).find((x): x is string => typeof x === 'string') : undefined;
  } catch {
    return undefined;
  }
}
