/**
 * What the language server knows, without the protocol: the open documents over the files on disk,
 * the playbook each document belongs to (loaded with the same loader and rules as `playbook
 * validate`), and an index of every id's definition and uses. Positions here are 1-based, as in
 * diagnostics; the server converts them to the protocol's 0-based ones.
 */
import { readdirSync } from 'node:fs';
import { readFileBounded } from '../cli/files.js';
import { MAX_FILE_BYTES } from '../core/yaml-source.js';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import type { Diagnostic } from '../core/diagnostic.js';
import type { PathSegment, YamlSource } from '../core/yaml-source.js';
import { choiceValues } from '../engine/answers.js';
import { LOCALES, MODES, type Playbook, QUESTION_KINDS, type Text } from '../engine/model.js';
import { ACCOUNT_FIELDS, placeholdersIn, SELF_QUESTION_FIELDS } from '../engine/text.js';
import { type LoadResult, loadPlaybook, type PlaybookHost } from '../playbook/load.js';
import { precedenceItems } from '../engine/precedence.js';
import type { Origin } from '../playbook/types.js';
import { eachCondition, eachText } from '../playbook/walk.js';

/** What an id names: a question, a persona, a class, an item that fires (flag, step, tip, advice) or a choice question's option value. */
export type SymbolKind = 'question' | 'persona' | 'class' | 'item' | 'option';

/** A span on one line: 1-based line and column, endCol exclusive. */
export interface Place {
  file: string;
  line: number;
  col: number;
  endCol: number;
}

export interface SymbolInfo {
  kind: SymbolKind;
  /** The id as written (an option's value); rename replaces exactly this text at each place. */
  id: string;
  /** An option's question. */
  question?: string;
  definition?: Place;
  uses: Place[];
  item?: object;
}

export interface Analysis {
  entry: string;
  result: LoadResult;
  /**
   * The symbols whose id is written across this position, each with its definition and every use
   * placed. Found per request by one walk of the playbook that places only the ids written there:
   * linear in the document, and nothing to build after each parse (placing every id of a 4 MB
   * playbook took 1.6 s, which the first request after an edit waited for).
   */
  symbolsAt(file: string, line: number, col: number): SymbolInfo[];
  /** The last playbook that loaded, for completion while the current text is broken. */
  playbook?: Playbook;
}

export interface Completion {
  label: string;
  kind: 'id' | 'value' | 'placeholder' | 'keyword';
  detail?: string;
  /**
   * How many characters before the cursor the label replaces. An editor replaces only the word
   * at the cursor, and `.` ends a word: after `{answers.` it kept `answers.` and inserted the label's
   * own, `{answers.answers.budget}`.
   */
  replace?: number;
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
      // a request places ids and finds the node under the cursor: the first parse records every
      // node's position, so that neither costs one more parse
      allPositions: true,
    };
    const result = loadPlaybook(entry, host);
    if (result.playbook) this.lastGood.set(entry, result.playbook);
    // a hover is followed by a definition or references at the same place: the last few answers kept
    const asked = new Map<string, SymbolInfo[]>();
    const symbolsAt = (file: string, line: number, col: number): SymbolInfo[] => {
      const key = `${file}\u0000${line}\u0000${col}`;
      let found = asked.get(key);
      if (!found) {
        const src = result.parsed?.get(file);
        const cursor = src && writtenAt(src, line, col);
        found = result.playbook && result.parsed && cursor ? indexSymbols(result.playbook, result.parsed, cursor) : [];
        if (asked.size >= 16) asked.delete(asked.keys().next().value as string);
        asked.set(key, found);
      }
      return found;
    };
    return { entry, result, symbolsAt, playbook: result.playbook ?? this.lastGood.get(entry) };
  }
  /** Where a stub item of a section goes: after the section's last line, in the file that holds it, with its items' indentation. */
  sectionEnd(a: Analysis, section: 'questions' | 'classes'): { file: string; after: number; indent: string } | undefined {
    for (const file of [a.entry, ...(a.result.playbook?.files ?? []), ...a.result.sources.keys()]) {
      const lines = this.textOf(file)?.split(/\r?\n/);
      const header = lines?.findIndex((l) => new RegExp(`^${section}:\\s*(#.*)?$`).test(l)) ?? -1;
      if (!lines || header < 0) continue;
      let after = header + 1;
      let indent: string | undefined;
      for (let n = header + 1; n < lines.length; n++) {
        const l = lines[n];
        if (l.trim() === '' || /^\s*#/.test(l)) continue;
        if (!/^\s/.test(l)) break;
        indent ??= /^(\s*)-/.exec(l)?.[1];
        after = n + 1;
      }
      return { file, after, indent: indent ?? '  ' };
    }
    return undefined;
  }
}

/** Top-level keys of a playbook (or of a file a playbook includes). */
const PLAYBOOK_KEYS = new Set(['$schema', 'id', 'version', 'title', 'description', 'locales', 'findOutDue', 'extends', 'include', 'questions', 'personas', 'classes', 'flags', 'checklist', 'tips', 'recap', 'conflicts', 'roles']);
/** Keys only a playbook has: one of them makes a file a playbook whatever else it holds (a mistake to report). */
const PLAYBOOK_ONLY = ['questions', 'personas', 'classes', 'checklist', 'include', 'extends', 'roles', 'recap', 'tips', 'conflicts'];

/**
 * Is this YAML text a playbook (or a part of one)? Read from its top-level keys, not parsed, so a
 * broken playbook still is one: a `$schema` naming another format says no; a key only playbooks
 * have says yes; else every top-level key must be a playbook's (a compose.yaml's `services` is not),
 * or most of them beside an `id:`.
 */
export function looksLikePlaybook(text: string): boolean {
  const keys = [...text.matchAll(/^(["']?)([$\w-]+)\1[ \t]*:(?:[ \t]|$)/gm)].map((m) => m[2]);
  const schema = /^["']?\$schema["']?[ \t]*:[ \t]*["']?([^\s"'#]+)/m.exec(text)?.[1] ?? /^#\s*yaml-language-server:\s*\$schema=(\S+)/m.exec(text)?.[1];
  if (schema !== undefined) return /sales-coach|playbook/i.test(schema);
  if (keys.length === 0) return text.trim() === '';
  if (keys.some((k) => PLAYBOOK_ONLY.includes(k))) return true;
  // an id: with mostly a playbook's keys is a playbook with a misspelt key (clases:), to be reported
  const known = keys.filter((k) => PLAYBOOK_KEYS.has(k)).length;
  return known === keys.length || (keys.includes('id') && known * 2 >= keys.length);
}

/**
 * Is this file a playbook for the language server to check? Inside one of the configured playbook
 * folders, any YAML file but a test file is; elsewhere, a file that looks like one (looksLikePlaybook).
 * The server also counts a file that a playbook includes.
 */
export function isPlaybookFile(file: string, text: string, folders: readonly string[] = []): boolean {
  if (!/\.ya?ml$/i.test(file) || /\.test\.ya?ml$/i.test(file)) return false;
  if (folders.some((d) => file.startsWith(d.endsWith(sep) ? d : d + sep))) return true;
  return looksLikePlaybook(text);
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
function startsOf(src: YamlSource): number[] {
  let starts = lineStarts.get(src);
  if (!starts) {
    starts = [0];
    for (let i = src.text.indexOf('\n'); i >= 0; i = src.text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts.set(src, starts);
  }
  return starts;
}

/** The column (1-based) where `needle` first occurs on line `n` from column `from`, without cutting the line out. */
function findOnLine(src: YamlSource, n: number, from: number, needle: string): number | undefined {
  const starts = startsOf(src);
  if (n < 1 || n > starts.length) return undefined;
  const end = n < starts.length ? starts[n] - 1 : src.text.length;
  const at = src.text.indexOf(needle, starts[n - 1] + Math.max(0, from - 1));
  return at < 0 || at + needle.length > end ? undefined : at - starts[n - 1] + 1;
}

/** Ids longer than this are not looked for under the cursor: it bounds each test on a very long line. */
const MAX_ID = 256;

/** What is under an editor's cursor, as the index of ids looks for it. */
interface Cursor {
  file: string;
  /** Is this id written across the cursor? A superset of the ids there: a test of the text only. */
  wanted(id: string): boolean;
  /** Is this text written near the cursor (on its line, within MAX_ID)? */
  near(text: string): boolean;
  /** The path of the scalar under the cursor, when the file's parse can tell (the fast parser read it). */
  path?: PathSegment[];
}

/**
 * The cursor at line `line`, column `col` (1-based; just after an id counts, as an editor's cursor at
 * a word's end). The text is read within MAX_ID of the column, so a 4 MB line costs no more than a
 * short one.
 */
function writtenAt(src: YamlSource, line: number, col: number): Cursor {
  const starts = startsOf(src);
  if (line < 1 || line > starts.length) return { file: src.file, wanted: () => false, near: () => false };
  const lineEnd = line < starts.length ? starts[line] - 1 : src.text.length;
  const cursor = starts[line - 1] + col - 1;
  const from = Math.max(starts[line - 1], cursor - MAX_ID);
  const window = src.text.slice(from, Math.min(lineEnd, cursor + MAX_ID));
  const at = cursor - from;
  return {
    file: src.file,
    wanted: (id) => {
      if (id.length === 0 || id.length > MAX_ID) return false;
      // the first occurrence that could cover the cursor: any that does starts within id.length before it
      const i = window.indexOf(id, Math.max(0, at - id.length));
      return i >= 0 && i <= at;
    },
    near: (text) => window.includes(text),
    path: src.pathAt?.(cursor) ?? (cursor > starts[line - 1] ? src.pathAt?.(cursor - 1) : undefined),
  };
}

function samePath(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function placeOf(src: YamlSource | undefined, path: (string | number)[], id: string): Place | undefined {
  if (!src) return undefined;
  const pos = src.locate(path);
  // the located span may include quotes: find the id itself from the node's column
  const col = findOnLine(src, pos.line, pos.col, id);
  return col === undefined ? undefined : { file: src.file, line: pos.line, col, endCol: col + id.length };
}

/** A definition or use of an id, before it is placed: its item's origin, and the path inside the item. */
interface Ref {
  origin: Origin;
  path: PathSegment[];
}

/**
 * The symbols written under the cursor, with their definitions and uses placed. One walk of the
 * playbook keeps the definitions and uses of the ids written across the cursor (cursor.wanted: a test
 * of the text), unplaced; the symbols under the cursor are those with a definition or use at the
 * node under it (cursor.path), and only theirs are placed. A request costs the walk and a few places,
 * even on an option value that every question has. Where the file's parse cannot name the node under
 * the cursor (the careful parser read it), every symbol kept is placed, and symbolAt picks by place.
 */
function indexSymbols(pb: Playbook, parsed: Map<string, YamlSource>, cursor: Cursor): SymbolInfo[] {
  const { wanted } = cursor;
  type Kept = { s: SymbolInfo; def?: Ref; uses: Ref[]; here: boolean };
  // kind, then id, then an option's question ('' for the rest): the strings as they are, no key
  // made per use (an option value every question has is kept once per question, in one map)
  const byKey = new Map<SymbolKind, Map<string, Map<string, Kept>>>();
  const all: Kept[] = [];
  const sym = (kind: SymbolKind, id: string, question?: string) => {
    let byId = byKey.get(kind);
    if (!byId) {
      byId = new Map();
      byKey.set(kind, byId);
    }
    let ids = byId.get(id);
    if (!ids) {
      ids = new Map();
      byId.set(id, ids);
    }
    let known = ids.get(question ?? '');
    if (!known) {
      const s: SymbolInfo = { kind, id, uses: [] };
      if (question !== undefined) s.question = question;
      known = { s, uses: [], here: false };
      ids.set(question ?? '', known);
      all.push(known);
    }
    return known;
  };
  /** A definition or use of a kept id, by its item's origin and the path inside the item. */
  const ref = (owner: object, path: PathSegment[]): Ref | undefined => {
    const o = pb.origins.get(owner);
    return o && { origin: o, path };
  };
  const isHere = (r: Ref) => {
    const at = cursor.path;
    if (at === undefined || r.origin.file !== cursor.file) return false;
    const base = r.origin.path;
    if (base.length + r.path.length !== at.length) return false;
    for (let i = 0; i < base.length; i++) if (base[i] !== at[i]) return false;
    for (let i = 0; i < r.path.length; i++) if (r.path[i] !== at[base.length + i]) return false;
    return true;
  };
  const placeRef = (r: Ref, id: string) => placeOf(parsed.get(r.origin.file), [...r.origin.path, ...r.path], id);
  /** Is this an id to look for: written under the cursor, and not a placeholder for one (#…)? */
  const ok = (id: unknown): id is string => typeof id === 'string' && id !== '' && !id.startsWith('#') && wanted(id);
  const define = (kind: SymbolKind, id: string, item: object, owner: object, path: PathSegment[], question?: string) => {
    const k = sym(kind, id, question);
    if (k.def) return;
    k.s.item = item;
    k.def = ref(owner, path);
    if (k.def) k.here ||= isHere(k.def);
  };
  // callers test ok(id) first: the path of a use is made only for an id looked for
  const use = (kind: SymbolKind, id: string, owner: object, path: PathSegment[], question?: string) => {
    const r = ref(owner, path);
    if (!r) return;
    const k = sym(kind, id, kind === 'option' ? question : undefined);
    k.uses.push(r);
    k.here ||= isHere(r);
  };
  for (const [kind, items] of [['question', pb.questions], ['persona', pb.personas], ['class', pb.classes]] as const) {
    for (const item of items as readonly { id: string }[]) if (wanted(item.id)) define(kind, item.id, item, item, ['id']);
  }
  const items = precedenceItems(pb);
  for (const it of items) {
    if (!wanted(it.id)) continue;
    const item = it.at.sub.length ? ((it.at.item as Record<string, unknown[]>)[it.at.sub[0] as string]?.[it.at.sub[1] as number] as object) : it.at.item;
    define('item', it.id, item, it.at.item, [...it.at.sub, 'id']);
  }
  // an option's value is defined in its question, and used wherever a condition or a role names it
  for (const q of pb.questions) {
    const options = q.options ?? [];
    for (let i = 0; i < options.length; i++) if (wanted(options[i].value)) define('option', options[i].value, options[i], q, ['options', i, 'value'], q.id);
  }
  eachCondition(pb, (c, site) => {
    const form = site.forms.length === 1 ? site.forms[0] : undefined;
    if (form !== 'question' && form !== 'persona' && form !== 'class') return;
    const id = c[form] as string;
    if (ok(id)) use(form, id, site.item, [...site.path, form]);
    if (form !== 'question') return;
    // the values a condition compares a choice question's answer with are that question's options
    if (ok(c.equals)) use('option', c.equals, site.item, [...site.path, 'equals'], id);
    if (ok(c.includes)) use('option', c.includes, site.item, [...site.path, 'includes'], id);
    const list = c.in ?? [];
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (ok(v)) use('option', v, site.item, [...site.path, 'in', i], id);
    }
  });
  // roles:, the ids an item's precedence names, a class's window: all are uses an index (and a rename) must see
  const r = pb.roles;
  // a role given as a plain id names a question (person, title, decision, personalWin, and any role
  // added later); the condition roles (signed, …) are walked with the conditions above
  for (const [key, value] of Object.entries(r)) if (ok(value)) use('question', value, r, [key]);
  (r.willNotBuy ?? []).forEach((id, i) => ok(id) && use('class', id, r, ['willNotBuy', i]));
  (r.others ?? []).forEach((id, i) => ok(id) && use('question', id, r, ['others', i]));
  if (r.stance) {
    const q = r.stance.question;
    if (ok(q)) use('question', q, r, ['stance', 'question']);
    for (const key of ['supporter', 'opponent'] as const) r.stance[key].forEach((v, i) => ok(v) && use('option', v, r, ['stance', key, i], q));
  }
  for (const it of items) {
    (it.excludes ?? []).forEach((id, i) => ok(id) && use('item', id, it.at.item, [...it.at.sub, 'excludes', i]));
    if (ok(it.findsOut)) use('question', it.findsOut, it.at.item, [...it.at.sub, 'findsOut']);
  }
  for (const step of [...pb.checklist, ...pb.personas.flatMap((p) => p.checklist ?? [])]) (step.supersedes ?? []).forEach((id, i) => ok(id) && use('item', id, step, ['supersedes', i]));
  for (const pair of pb.conflicts) pair.forEach((id, j) => ok(id) && use('item', id, pair, [j]));
  for (const c of pb.classes) (c.cycle?.reclassifyAs ?? []).forEach((id, i) => ok(id) && use('class', id, c, ['cycle', 'reclassifyAs', i]));

  // the symbols under the cursor get their places; the rest were only candidates
  const out: SymbolInfo[] = [];
  const placed = new Map<SymbolInfo, boolean>();
  for (const k of all) {
    if (cursor.path !== undefined && !k.here) continue;
    if (k.def) k.s.definition = placeRef(k.def, k.s.id);
    for (const u of k.uses) {
      const p = placeRef(u, k.s.id);
      if (p) k.s.uses.push(p);
    }
    placed.set(k.s, true);
    out.push(k.s);
  }

  // a placeholder names a question, and is placed only where the file holds it as written: the texts
  // are walked (a third of a request) only when the cursor is in a placeholder, or on the id of a
  // question that some file names in one
  const named = out.filter((s) => s.kind === 'question').map((s) => `{answers.${s.id}}`);
  const texts = [...parsed.values()].map((src) => src.text);
  if (!cursor.near('{answers.') && !named.some((p) => texts.some((t) => t.includes(p)))) return out;
  eachText(pb, (text, site) => {
    if (site.placeholders === null) return;
    const entries: [string | undefined, string][] = typeof text === 'string' ? [[undefined, text]] : Object.entries(text).filter((e): e is [string, string] => typeof e[1] === 'string');
    for (const [locale, s] of entries) {
      // placed from the text's start, in order: only a text that names an id looked for is placed at all
      const names = s.includes('{answers.') ? placeholdersIn(s).filter((n) => n.startsWith('answers.')) : [];
      if (!names.some((n) => wanted(n.slice(8)))) continue;
      const o = pb.origins.get(site.item);
      const src = o && parsed.get(o.file);
      if (!o || !src) return;
      const textPath = locale ? [...o.path, ...site.path, locale] : [...o.path, ...site.path];
      const start = src.locate(textPath);
      // in this text's placeholders, the cursor: every question named in it (a walk knows no more)
      const inHere = cursor.path !== undefined && src.file === cursor.file && samePath(textPath, cursor.path);
      // a text may run over several lines (a block scalar): look a few lines on for each placeholder
      let line = start.line;
      let col = start.col - 1;
      for (const name of names) {
        const needle = `{${name}}`;
        for (let l = line; l < start.line + 41; l++) {
          const found = findOnLine(src, l, l === line ? col + 1 : 1, needle);
          if (found === undefined) continue;
          const at = found - 1;
          const id = name.slice(8);
          if (wanted(id)) {
            const k = sym('question', id);
            // a question's definition and other uses are placed above only if it was under the cursor
            if (!placed.has(k.s) && (cursor.path === undefined || inHere)) {
              if (k.def) k.s.definition = placeRef(k.def, id);
              for (const u of k.uses) {
                const p = placeRef(u, id);
                if (p) k.s.uses.push(p);
              }
              placed.set(k.s, true);
              out.push(k.s);
            }
            if (placed.has(k.s)) k.s.uses.push({ file: src.file, line: l, col: at + 10, endCol: at + 10 + id.length });
          }
          line = l;
          col = at + needle.length;
          break;
        }
      }
    }
  });
  return out;
}

/** The symbol whose definition or use covers this position. */
export function symbolAt(a: Analysis, file: string, line: number, col: number): SymbolInfo | undefined {
  const covers = (p?: Place) => p && p.file === file && p.line === line && col >= p.col && col <= p.endCol;
  for (const s of a.symbolsAt(file, line, col)) if (covers(s.definition) || s.uses.some(covers)) return s;
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
    const typed = placeholder[1].length;
    const answers = (pb?.questions ?? []).map((q) => ({ label: `answers.${q.id}`, kind: 'placeholder' as const, detail: firstText(q.text), replace: typed }));
    return [...answers, ...[...ACCOUNT_FIELDS, ...SELF_QUESTION_FIELDS].map((f) => ({ label: f, kind: 'placeholder' as const, replace: typed }))];
  }
  const key = /(?:^|[\s{,])([A-Za-z]+)\s*:\s*\[?\s*(?:["']?[\w-]*["']?\s*,\s*)*["']?([\w-]*)$/.exec(prefix);
  if (!key) return [];
  switch (key[1]) {
    case 'question':
      return ids('question');
    case 'persona':
      return ids('persona');
    case 'class':
    case 'willNotBuy':
    case 'reclassifyAs':
      return ids('class');
    case 'person':
    case 'title':
    case 'decision':
    case 'personalWin':
    case 'findsOut':
      return ids('question');
    case 'excludes':
    case 'supersedes':
    case 'conflicts':
      return pb ? [...new Set(precedenceItems(pb).map((i) => i.id))].map((id) => ({ label: id, kind: 'id' as const })) : [];
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
  const item = s.item as { text?: Text; name?: Text; kind?: string; summary?: Text; message?: Text; label?: Text } | undefined;
  const lines = [`**${s.kind}** \`${s.id}\`${item?.kind ? ` (${item.kind})` : ''}${s.question ? ` of question \`${s.question}\`` : ''}`];
  const text = item?.text ?? item?.name ?? item?.message ?? item?.label;
  if (text !== undefined) {
    lines.push('');
    if (typeof text === 'string') lines.push(text);
    else for (const l of LOCALES) if (text[l] !== undefined) lines.push(`- ${l}: ${text[l]}`);
  }
  if (!item) lines.push('', 'not defined in this playbook');
  lines.push('', s.uses.length === 0 ? 'not used anywhere' : `used ${s.uses.length} time${s.uses.length === 1 ? '' : 's'}: ${s.uses.slice(0, 10).map((u) => `${relative(u.file)}:${u.line}`).join(', ')}${s.uses.length > 10 ? ', …' : ''}`);
  return lines.join('\n');
}
