/**
 * What the language server knows, without the protocol: the open documents over the files on disk,
 * the playbook each document belongs to (loaded with the same loader and rules as `playbook
 * validate`), and an index of every id's definition and uses. Positions here are 1-based, as in
 * diagnostics; the server converts them to the protocol's 0-based ones.
 */
import { readdirSync } from 'node:fs';
import { readFileBounded } from '../cli/files.js';
import { MAX_FILE_BYTES } from '../core/yaml-source.js';
import { basename, dirname, join, resolve } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import type { Diagnostic } from '../core/diagnostic.js';
import type { YamlSource } from '../core/yaml-source.js';
import { choiceValues } from '../engine/answers.js';
import { LOCALES, MODES, type Playbook, QUESTION_KINDS, type Text } from '../engine/model.js';
import { ACCOUNT_FIELDS, placeholdersIn, SELF_QUESTION_FIELDS } from '../engine/text.js';
import { type LoadResult, loadPlaybook, type PlaybookHost } from '../playbook/load.js';
import { formOf } from '../playbook/rules/conditions.js';
import { eachCondition, eachText } from '../playbook/walk.js';

export type SymbolKind = 'question' | 'persona' | 'class';

/** A span on one line: 1-based line and column, endCol exclusive. */
export interface Place {
  file: string;
  line: number;
  col: number;
  endCol: number;
}

export interface SymbolInfo {
  kind: SymbolKind;
  id: string;
  definition?: Place;
  uses: Place[];
  item?: object;
}

export interface Analysis {
  entry: string;
  result: LoadResult;
  /** kind:id -> the symbol; built on first use (it needs every node's position, which costs a parse). */
  symbols(): Map<string, SymbolInfo>;
  /** The last playbook that loaded, for completion while the current text is broken. */
  playbook?: Playbook;
}

export interface Completion {
  label: string;
  kind: 'id' | 'value' | 'placeholder' | 'keyword';
  detail?: string;
}

export class Workspace {
  private readonly open = new Map<string, string>();
  private readonly lastGood = new Map<string, Playbook>();
  private readonly includers = new Map<string, string>();
  private readonly parseCache: NonNullable<PlaybookHost['parseCache']> = new Map();
  private readonly itemCache: NonNullable<PlaybookHost['itemCache']> = new Map();

  constructor(private readonly findById: (id: string, fromFile: string) => string | undefined) {}

  setDocument(file: string, text: string): void {
    this.open.set(file, text);
  }

  closeDocument(file: string): void {
    this.open.delete(file);
  }

  textOf(file: string): string | undefined {
    const t = this.open.get(file);
    if (t !== undefined) return t;
    try {
      // as playbook validate reads: regular files only, bounded (a symlink to /dev/zero, a FIFO named
      // pipe.yaml or a 10 GB file never blocks or fills the server)
      return readFileBounded(file, MAX_FILE_BYTES, 'the playbook').toString('utf8');
    } catch {
      return undefined;
    }
  }

  /** The entry file of the playbook a file belongs to: itself when it has an id, else a file that includes it. */
  entryOf(file: string): string {
    const text = this.textOf(file) ?? '';
    if (/^id:/m.test(text)) return file;
    // the includer found last time, if it still includes the file (the common case: every keystroke)
    const known = this.includers.get(file);
    if (known) {
      const t = this.textOf(known);
      if (t && this.includesOf(known, t).includes(file)) return this.entryOf(known);
    }
    for (const dir of [dirname(file), dirname(dirname(file))]) {
      let names: string[] = [];
      try {
        names = readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n) && !/\.test\.ya?ml$/i.test(n));
      } catch {
        continue;
      }
      for (const name of names) {
        const candidate = join(dir, name);
        if (candidate === file) continue;
        const t = this.textOf(candidate);
        if (!t?.includes(basename(file)) || !/^id:/m.test(t)) continue;
        const includes = this.includesOf(candidate, t);
        if (includes.includes(file)) {
          this.includers.set(file, candidate);
          return this.entryOf(candidate);
        }
      }
    }
    return file;
  }

  private includesOf(file: string, text: string): string[] {
    try {
      const data = loadYaml(text) as { include?: unknown };
      return Array.isArray(data?.include) ? data.include.filter((x): x is string => typeof x === 'string').map((p) => resolve(dirname(file), p)) : [];
    } catch {
      return [];
    }
  }

  analyse(file: string): Analysis {
    const entry = this.entryOf(file);
    const host: PlaybookHost = {
      read: (path) => {
        const t = this.textOf(path);
        return t === undefined ? undefined : new TextEncoder().encode(t);
      },
      findById: this.findById,
      parseCache: this.parseCache,
      itemCache: this.itemCache,
    };
    const result = loadPlaybook(entry, host);
    if (result.playbook) this.lastGood.set(entry, result.playbook);
    let symbols: Map<string, SymbolInfo> | undefined;
    const index = () => {
      symbols ??= result.playbook && result.parsed ? indexSymbols(result.playbook, result.parsed) : new Map<string, SymbolInfo>();
      return symbols;
    };
    return { entry, result, symbols: index, playbook: result.playbook ?? this.lastGood.get(entry) };
  }
}

/** Diagnostics grouped by file, every file of the playbook present (an empty list clears old ones). */
export function diagnosticsByFile(a: Analysis, alsoFiles: readonly string[] = []): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const f of [a.entry, ...(a.result.playbook?.files ?? []), ...a.result.sources.keys(), ...alsoFiles]) out.set(f, []);
  for (const d of a.result.diagnostics) out.get(d.file)?.push(d) ?? out.set(d.file, [d]);
  return out;
}

// -- the index of ids ------------------------------------------------------------------------------

/** Where each line of a source starts, found once per source: placeOf is called once per symbol use. */
const lineStarts = new WeakMap<YamlSource, number[]>();
function lineOf(src: YamlSource, n: number): string {
  let starts = lineStarts.get(src);
  if (!starts) {
    starts = [0];
    for (let i = src.text.indexOf('\n'); i >= 0; i = src.text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts.set(src, starts);
  }
  if (n < 1 || n > starts.length) return '';
  const end = n < starts.length ? starts[n] - 1 : src.text.length;
  return src.text.slice(starts[n - 1], end);
}

function placeOf(src: YamlSource | undefined, path: (string | number)[], id: string): Place | undefined {
  if (!src) return undefined;
  const pos = src.locate(path);
  // linear in the document as a whole, not per symbol (splitting the text per symbol was quadratic)
  const line = lineOf(src, pos.line);
  // the located span may include quotes: find the id itself from the node's column
  const at = line.indexOf(id, pos.col - 1);
  if (at < 0) return undefined;
  return { file: src.file, line: pos.line, col: at + 1, endCol: at + 1 + id.length };
}

function indexSymbols(pb: Playbook, parsed: Map<string, YamlSource>): Map<string, SymbolInfo> {
  const symbols = new Map<string, SymbolInfo>();
  const sym = (kind: SymbolKind, id: string) => {
    const key = `${kind}:${id}`;
    const known = symbols.get(key);
    if (known) return known;
    const made: SymbolInfo = { kind, id, uses: [] };
    symbols.set(key, made);
    return made;
  };
  const srcOf = (item: object) => {
    const o = pb.origins.get(item);
    return o ? { src: parsed.get(o.file), path: o.path } : undefined;
  };
  const define = (kind: SymbolKind, items: { id: string }[]) => {
    for (const item of items) {
      const s = sym(kind, item.id);
      if (s.definition) continue;
      const o = srcOf(item);
      s.item = item;
      s.definition = o ? placeOf(o.src, [...o.path, 'id'], item.id) : undefined;
    }
  };
  define('question', pb.questions);
  define('persona', pb.personas);
  define('class', pb.classes);
  eachCondition(pb, (c, site) => {
    const form = formOf(c);
    if (form !== 'question' && form !== 'persona' && form !== 'class') return;
    const id = c[form] as string;
    const o = srcOf(site.item);
    const p = o && placeOf(o.src, [...o.path, ...site.path, form], id);
    if (p) sym(form, id).uses.push(p);
  });
  eachText(pb, (text, site) => {
    if (site.placeholders === null) return;
    const o = srcOf(site.item);
    if (!o?.src) return;
    const entries: [string | undefined, string][] = typeof text === 'string' ? [[undefined, text]] : Object.entries(text).filter((e): e is [string, string] => typeof e[1] === 'string');
    for (const [locale, s] of entries) {
      const names = placeholdersIn(s).filter((n) => n.startsWith('answers.'));
      if (names.length === 0) continue;
      const start = o.src.locate(locale ? [...o.path, ...site.path, locale] : [...o.path, ...site.path]);
      const src = o.src;
      // a text may run over several lines (a block scalar): look a few lines on for each placeholder
      let line = start.line;
      let col = start.col - 1;
      for (const name of names) {
        const needle = `{${name}}`;
        for (let l = line; l < start.line + 41; l++) {
          const at = lineOf(src, l).indexOf(needle, l === line ? col : 0);
          if (at < 0) continue;
          const id = name.slice(8);
          sym('question', id).uses.push({ file: o.src.file, line: l, col: at + 10, endCol: at + 10 + id.length });
          line = l;
          col = at + needle.length;
          break;
        }
      }
    }
  });
  return symbols;
}

/** The symbol whose definition or use covers this position. */
export function symbolAt(a: Analysis, file: string, line: number, col: number): SymbolInfo | undefined {
  const covers = (p?: Place) => p && p.file === file && p.line === line && col >= p.col && col <= p.endCol;
  for (const s of a.symbols().values()) if (covers(s.definition) || s.uses.some(covers)) return s;
  return undefined;
}

// -- completion and hover ----------------------------------------------------------------------------

/** What may be typed at the end of `prefix` (the line up to the cursor). */
export function completionsAt(a: Analysis, prefix: string): Completion[] {
  const pb = a.playbook;
  const personaIds = pb?.personas.map((p) => p.id) ?? [];
  const ids = (kind: SymbolKind): Completion[] => {
    if (!pb) return [];
    const items: { id: string; name?: Text; text?: Text }[] = kind === 'question' ? pb.questions : kind === 'persona' ? pb.personas : pb.classes;
    return items.map((x) => ({ label: x.id, kind: 'id', detail: firstText(x.text ?? x.name) }));
  };
  const placeholder = /\{([\w.-]*)$/.exec(prefix);
  if (placeholder && !/^\s*(-\s+)?(when|recognise|not|all|any)\s*:/.test(prefix) && !/(question|persona|class|mode|equals|in|includes)\s*:\s*$/.test(prefix.slice(0, placeholder.index))) {
    const answers = (pb?.questions ?? []).map((q) => ({ label: `answers.${q.id}`, kind: 'placeholder' as const, detail: firstText(q.text) }));
    return [...answers, ...[...ACCOUNT_FIELDS, ...SELF_QUESTION_FIELDS].map((f) => ({ label: f, kind: 'placeholder' as const }))];
  }
  const key = /(?:^|[\s{,])([A-Za-z]+)\s*:\s*\[?\s*(?:["']?[\w-]*["']?\s*,\s*)*["']?([\w-]*)$/.exec(prefix);
  if (!key) return [];
  switch (key[1]) {
    case 'question':
      return ids('question');
    case 'persona':
      return ids('persona');
    case 'class':
      return ids('class');
    case 'kind':
      return QUESTION_KINDS.map((k) => ({ label: k, kind: 'keyword' }));
    case 'mode':
      return MODES.map((m) => ({ label: m, kind: 'keyword' }));
    case 'extends':
      return [];
    case 'equals':
    case 'in':
    case 'includes': {
      const qid = /question\s*:\s*["']?([\w-]+)/.exec(prefix)?.[1];
      const q = qid ? pb?.questions.find((x) => x.id === qid) : undefined;
      if (!q) return [];
      const values = choiceValues(q, personaIds) ?? [];
      return [...values, ...(q.allowUnknown ? [] : [])].map((v) => ({ label: v, kind: 'value', detail: firstText(q.options?.find((o) => o.value === v)?.label) }));
    }
    default:
      return [];
  }
}

function firstText(t: Text | undefined): string | undefined {
  if (t === undefined) return undefined;
  return typeof t === 'string' ? t : (t.en ?? t['zh-CN'] ?? t['zh-TW']);
}

/** Markdown for a symbol: its texts in every locale and where it is used. */
export function hoverFor(s: SymbolInfo, relative: (file: string) => string): string {
  const item = s.item as { text?: Text; name?: Text; kind?: string; summary?: Text } | undefined;
  const lines = [`**${s.kind}** \`${s.id}\`${item?.kind ? ` (${item.kind})` : ''}`];
  const text = item?.text ?? item?.name;
  if (text !== undefined) {
    lines.push('');
    if (typeof text === 'string') lines.push(text);
    else for (const l of LOCALES) if (text[l] !== undefined) lines.push(`- ${l}: ${text[l]}`);
  }
  if (!item) lines.push('', 'not defined in this playbook');
  lines.push('', s.uses.length === 0 ? 'not used anywhere' : `used ${s.uses.length} time${s.uses.length === 1 ? '' : 's'}: ${s.uses.slice(0, 10).map((u) => `${relative(u.file)}:${u.line}`).join(', ')}${s.uses.length > 10 ? ', …' : ''}`);
  return lines.join('\n');
}
