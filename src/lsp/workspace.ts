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
   * placed: the node under the cursor looked up in the index of this parse, and only its symbols
   * placed (see SymbolIndex). The index is built by the first call, or by prepare().
   */
  symbolsAt(file: string, line: number, col: number): SymbolInfo[];
  /**
   * Builds this parse's index of ids and the playbook's completion lists, if not built yet: the
   * server calls it once the diagnostics of an edit are sent, so that a request finds them ready.
   */
  prepare(): void;
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
    let index: SymbolIndex | undefined;
    const indexed = () => {
      if (!index && result.playbook && result.parsed) index = buildSymbolIndex(result.playbook, result.parsed);
      return index;
    };
    const symbolsAt = (file: string, line: number, col: number): SymbolInfo[] => {
      const idx = indexed();
      return idx && result.parsed ? symbolsUnder(idx, result.parsed, file, line, col) : [];
    };
    const playbook = result.playbook ?? this.lastGood.get(entry);
    const prepare = () => {
      indexed();
      if (playbook) completionIndexOf(playbook);
    };
    return { entry, result, symbolsAt, prepare, playbook };
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

/** Where each line of a source starts, found once per source (the index asks for it when it is built). */
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

/**
 * Is this id written across the cursor at `offset` (just after it counts, as an editor's cursor at a
 * word's end)? The text is read within MAX_ID of the cursor, so a 4 MB line costs no more than a short one.
 */
function writtenAcross(src: YamlSource, offset: number): (id: string) => boolean {
  const starts = startsOf(src);
  let line = 0;
  for (let lo = 0, hi = starts.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) {
      line = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const lineEnd = line + 1 < starts.length ? starts[line + 1] - 1 : src.text.length;
  const from = Math.max(starts[line], offset - MAX_ID);
  const window = src.text.slice(from, Math.min(lineEnd, offset + MAX_ID));
  const at = offset - from;
  return (id) => {
    if (id.length === 0 || id.length > MAX_ID) return false;
    // the first occurrence that could cover the cursor: any that does starts within id.length before it
    const i = window.indexOf(id, Math.max(0, at - id.length));
    return i >= 0 && i <= at;
  };
}

function placeOf(src: YamlSource | undefined, path: readonly PathSegment[], id: string): Place | undefined {
  if (!src) return undefined;
  const pos = src.locate(path);
  // the located span may include quotes: find the id itself from the node's column
  const col = findOnLine(src, pos.line, pos.col, id);
  return col === undefined ? undefined : { file: src.file, line: pos.line, col, endCol: col + id.length };
}

/**
 * A definition or use of an id, before it is placed: its item's origin, the path inside the item and
 * its symbol. The path is `base` (shared by the refs of one condition) then `a`, then `b` if given: one
 * array per ref, copied from the condition's, was a good part of the build's time.
 */
interface Ref {
  origin: Origin;
  base: readonly PathSegment[];
  a: PathSegment;
  b?: PathSegment;
  entry: Entry;
}

/** Is the ref written at path[from..]? */
function refAt(r: Ref, path: readonly PathSegment[], from: number): boolean {
  const n = r.base.length;
  if (path.length - from !== n + (r.b === undefined ? 1 : 2)) return false;
  for (let i = 0; i < n; i++) if (r.base[i] !== path[from + i]) return false;
  return r.a === path[from + n] && (r.b === undefined || r.b === path[from + n + 1]);
}

const NO_PATH: readonly PathSegment[] = [];

/** A text that names questions in placeholders ({answers.id}): where it is written, and the questions in the order written. */
interface TextSite {
  file: string;
  path: PathSegment[];
  names: Entry[];
  /** Each placeholder's place, found the first time a request needs one of them. */
  places?: { entry: Entry; place: Place }[];
}

/**
 * One symbol of the index: its definition and uses as refs, placed the first time a request asks for
 * it (the SymbolInfo is made then: the index holds tens of thousands of symbols a request never names).
 */
interface Entry {
  kind: SymbolKind;
  id: string;
  question?: string;
  item?: object;
  def?: Ref;
  uses?: Ref[];
  texts?: TextSite[];
  placed?: SymbolInfo;
}

/**
 * The ids of one parse, found by one walk of the playbook and kept unplaced: an item's node (its file
 * and its path from the top of the file, as the parse's pathAt gives it for an offset) -> the item,
 * and the item -> the definitions and uses written in it, each with its symbol; each symbol -> its
 * definition and uses. A request finds the node under the cursor, looks up the item on its path and
 * the ref at the rest of it, and places only that symbol's definition and uses (once; kept for the
 * next request): its cost is the answer's, not the document's. A key is made per item, not per ref
 * (a string per ref was most of the build's time), and nothing is placed when the index is built
 * (placing every id cost about a second more over 4 MB after every edit, for the one symbol a
 * trainer hovers over). References and rename answer with the same placed symbol: their cost is the
 * number of uses, which is their answer.
 */
interface SymbolIndex {
  items: Map<string, object[]>;
  refsIn: Map<object, Ref[]>;
  atText: Map<string, TextSite>;
  /** Kind -> id -> symbol (an option's: question -> value -> symbol): when the parse cannot name the node under the cursor. */
  byKind: Map<Exclude<SymbolKind, 'option'>, Map<string, Entry>>;
  options: Map<string, Map<string, Entry>>;
}

/** A node's key in the index: its file and its path from the top of the file. */
function nodeKey(file: string, path: readonly PathSegment[]): string {
  let k = file;
  for (const seg of path) k += `\u0000${seg}`;
  return k;
}

/** One walk of the playbook: every definition and use of every id, with the node each is written at. */
function buildSymbolIndex(pb: Playbook, parsed: Map<string, YamlSource>): SymbolIndex {
  // the line starts of each file, for offset <-> position, found now rather than by the first request
  for (const src of parsed.values()) startsOf(src);
  const itemsAt = new Map<string, object[]>();
  const refsIn = new Map<object, Ref[]>();
  const atText = new Map<string, TextSite>();
  const byKind = new Map<Exclude<SymbolKind, 'option'>, Map<string, Entry>>();
  const options = new Map<string, Map<string, Entry>>();
  const entry = (kind: SymbolKind, id: string, question?: string): Entry => {
    return question === undefined ? { kind, id } : { kind, id, question };
  };
  // one map per kind, and one per question for its options: no key made per use
  const sym = (kind: SymbolKind, id: string, question?: string): Entry => {
    let ids = kind === 'option' ? options.get(question ?? '') : byKind.get(kind);
    if (!ids) {
      ids = new Map();
      if (kind === 'option') options.set(question ?? '', ids);
      else byKind.set(kind, ids);
    }
    let known = ids.get(id);
    if (!known) {
      known = entry(kind, id, question);
      ids.set(id, known);
    }
    return known;
  };
  const ref = (owner: object, entry: Entry, base: readonly PathSegment[], a: PathSegment, b?: PathSegment): Ref | undefined => {
    const origin = pb.origins.get(owner);
    if (!origin) return undefined;
    const r: Ref = b === undefined ? { origin, base, a, entry } : { origin, base, a, b, entry };
    const refs = refsIn.get(owner);
    if (refs) refs.push(r);
    else {
      // the item's first ref: its key, once (a question has a dozen refs)
      refsIn.set(owner, [r]);
      const k = nodeKey(origin.file, origin.path);
      const same = itemsAt.get(k);
      if (same) same.push(owner);
      else itemsAt.set(k, [owner]);
    }
    return r;
  };
  /** Is this an id: a string, and not a placeholder for one (#…)? */
  const ok = (id: unknown): id is string => typeof id === 'string' && id !== '' && !id.startsWith('#');
  /** The definition of `id` in `item`, written in `owner` at base, a, b. */
  const define = (e: Entry, item: object, owner: object, base: readonly PathSegment[], a: PathSegment, b?: PathSegment) => {
    if (e.def) return;
    e.item = item;
    e.def = ref(owner, e, base, a, b);
  };
  /** A use of `e`, written in `owner` at base, a, b. */
  const use = (e: Entry, owner: object, base: readonly PathSegment[], a: PathSegment, b?: PathSegment) => {
    const r = ref(owner, e, base, a, b);
    if (r) {
      if (e.uses) e.uses.push(r);
      else e.uses = [r];
    }
  };
  const OPTIONS: readonly PathSegment[] = ['options'];
  for (const [kind, items] of [['question', pb.questions], ['persona', pb.personas], ['class', pb.classes]] as const) {
    for (const item of items as readonly { id: string }[]) if (typeof item.id === 'string') define(sym(kind, item.id), item, item, NO_PATH, 'id');
  }
  const items = precedenceItems(pb);
  for (const it of items) {
    const item = it.at.sub.length ? ((it.at.item as Record<string, unknown[]>)[it.at.sub[0] as string]?.[it.at.sub[1] as number] as object) : it.at.item;
    define(sym('item', it.id), item, it.at.item, it.at.sub, 'id');
  }
  // an option's value is defined in its question, and used wherever a condition or a role names it
  for (const q of pb.questions) {
    const list = q.options ?? [];
    for (let i = 0; i < list.length; i++) if (typeof list[i].value === 'string') define(sym('option', list[i].value, q.id), list[i], q, OPTIONS, i, 'value');
  }
  eachCondition(pb, (c, site) => {
    const form = site.forms.length === 1 ? site.forms[0] : undefined;
    if (form !== 'question' && form !== 'persona' && form !== 'class') return;
    const id = c[form] as string;
    if (ok(id)) use(sym(form, id), site.item, site.path, form);
    if (form !== 'question') return;
    // the values a condition compares a choice question's answer with are that question's options
    if (ok(c.equals)) use(sym('option', c.equals, id), site.item, site.path, 'equals');
    if (ok(c.includes)) use(sym('option', c.includes, id), site.item, site.path, 'includes');
    const list = c.in ?? [];
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (ok(v)) use(sym('option', v, id), site.item, site.path, 'in', i);
    }
  });
  // roles:, the ids an item's precedence names, a class's window: all are uses an index (and a rename) must see
  const r = pb.roles;
  // a role given as a plain id names a question (person, title, decision, personalWin, and any role
  // added later); the condition roles (signed, …) are walked with the conditions above
  for (const [key, value] of Object.entries(r)) if (ok(value)) use(sym('question', value), r, NO_PATH, key);
  (r.willNotBuy ?? []).forEach((id, i) => ok(id) && use(sym('class', id), r, NO_PATH, 'willNotBuy', i));
  (r.others ?? []).forEach((id, i) => ok(id) && use(sym('question', id), r, NO_PATH, 'others', i));
  if (r.stance) {
    const q = r.stance.question;
    if (ok(q)) use(sym('question', q), r, NO_PATH, 'stance', 'question');
    for (const key of ['supporter', 'opponent'] as const) r.stance[key].forEach((v, i) => ok(v) && use(sym('option', v, q), r, ['stance'], key, i));
  }
  for (const it of items) {
    (it.excludes ?? []).forEach((id, i) => ok(id) && use(sym('item', id), it.at.item, it.at.sub, 'excludes', i));
    if (ok(it.findsOut)) use(sym('question', it.findsOut), it.at.item, it.at.sub, 'findsOut');
  }
  for (const step of [...pb.checklist, ...pb.personas.flatMap((p) => p.checklist ?? [])]) (step.supersedes ?? []).forEach((id, i) => ok(id) && use(sym('item', id), step, NO_PATH, 'supersedes', i));
  for (const pair of pb.conflicts) pair.forEach((id, j) => ok(id) && use(sym('item', id), pair, NO_PATH, j));
  for (const c of pb.classes) (c.cycle?.reclassifyAs ?? []).forEach((id, i) => ok(id) && use(sym('class', id), c, ['cycle'], 'reclassifyAs', i));

  // a placeholder names a question: each text that holds one is a site, placed when a request needs it
  eachText(pb, (text, site) => {
    if (site.placeholders === null) return;
    const o = pb.origins.get(site.item);
    if (!o || !parsed.has(o.file)) return;
    const entries: [string | undefined, string][] = typeof text === 'string' ? [[undefined, text]] : Object.entries(text).filter((e): e is [string, string] => typeof e[1] === 'string');
    for (const [locale, s] of entries) {
      if (!s.includes('{answers.')) continue;
      const names = placeholdersIn(s).filter((n) => n.startsWith('answers.') && n.length > 8);
      if (names.length === 0) continue;
      const path = locale ? [...o.path, ...site.path, locale] : [...o.path, ...site.path];
      const t: TextSite = { file: o.file, path, names: names.map((n) => sym('question', n.slice(8))) };
      atText.set(nodeKey(o.file, path), t);
      for (const e of t.names) {
        if (!e.texts) e.texts = [t];
        else if (e.texts[e.texts.length - 1] !== t) e.texts.push(t);
      }
    }
  });
  return { items: itemsAt, refsIn, atText, byKind, options };
}

/** The places of a text's placeholders, from the text's start, in order (a block scalar runs over several lines: a few lines on for each). */
function placeSite(src: YamlSource, site: TextSite): { entry: Entry; place: Place }[] {
  if (site.places) return site.places;
  const out: { entry: Entry; place: Place }[] = [];
  const start = src.locate(site.path);
  let line = start.line;
  let col = start.col - 1;
  for (const entry of site.names) {
    const id = entry.id;
    const needle = `{answers.${id}}`;
    for (let l = line; l < start.line + 41; l++) {
      const found = findOnLine(src, l, l === line ? col + 1 : 1, needle);
      if (found === undefined) continue;
      const at = found - 1;
      out.push({ entry, place: { file: src.file, line: l, col: at + 10, endCol: at + 10 + id.length } });
      line = l;
      col = at + needle.length;
      break;
    }
  }
  site.places = out;
  return out;
}

/** A symbol with its definition and uses placed: the first request that needs it places them, the next ones reuse them. */
function placed(e: Entry, parsed: Map<string, YamlSource>): SymbolInfo {
  if (e.placed) return e.placed;
  const s: SymbolInfo = { kind: e.kind, id: e.id, uses: [] };
  if (e.question !== undefined) s.question = e.question;
  if (e.item) s.item = e.item;
  e.placed = s;
  const placeRef = (r: Ref) => placeOf(parsed.get(r.origin.file), r.b === undefined ? [...r.origin.path, ...r.base, r.a] : [...r.origin.path, ...r.base, r.a, r.b], e.id);
  if (e.def) s.definition = placeRef(e.def);
  for (const u of e.uses ?? []) {
    const p = placeRef(u);
    if (p) s.uses.push(p);
  }
  for (const site of e.texts ?? []) {
    const src = parsed.get(site.file);
    if (src) for (const x of placeSite(src, site)) if (x.entry === e) s.uses.push(x.place);
  }
  return s;
}

/**
 * The symbols written under the cursor (line, col 1-based), with their places: the node under the
 * cursor from the parse (pathAt: down from the top, scanning the children of each level, so the list
 * of questions is scanned for the item, 0.3 ms over 19,000 questions; the only part of a request that
 * grows with the document), looked up in the index. Where the parse cannot name that node (the
 * careful parser read the file: anchors, tabs), every symbol whose id is written across the cursor
 * is placed and symbolAt picks by place: linear in the ids of the playbook, for such files only.
 */
function symbolsUnder(index: SymbolIndex, parsed: Map<string, YamlSource>, file: string, line: number, col: number): SymbolInfo[] {
  const src = parsed.get(file);
  if (!src) return [];
  const starts = startsOf(src);
  if (line < 1 || line > starts.length) return [];
  const cursor = starts[line - 1] + col - 1;
  if (src.pathAt) {
    const path = src.pathAt(cursor) ?? (cursor > starts[line - 1] ? src.pathAt(cursor - 1) : undefined);
    if (!path) return [];
    const out: SymbolInfo[] = [];
    // the items on the path (a persona and a step of its checklist are both items), and in each the
    // refs written at the rest of the path
    let key = file;
    for (let k = 0; k <= path.length; k++) {
      if (k > 0) key += `\u0000${path[k - 1]}`;
      for (const item of index.items.get(key) ?? []) {
        for (const r of index.refsIn.get(item) ?? []) if (refAt(r, path, k)) out.push(placed(r.entry, parsed));
      }
    }
    const site = index.atText.get(key);
    if (site) {
      // in a text, the question whose placeholder covers the cursor
      const covering = placeSite(src, site).find((x) => x.place.line === line && col >= x.place.col && col <= x.place.endCol);
      if (covering) out.push(placed(covering.entry, parsed));
    }
    return out;
  }
  const wanted = writtenAcross(src, cursor);
  const out: SymbolInfo[] = [];
  for (const ids of [...index.byKind.values(), ...index.options.values()]) for (const [id, e] of ids) if (wanted(id)) out.push(placed(e, parsed));
  return out;
}

/** The symbol whose definition or use covers this position. */
export function symbolAt(a: Analysis, file: string, line: number, col: number): SymbolInfo | undefined {
  const covers = (p?: Place) => p && p.file === file && p.line === line && col >= p.col && col <= p.endCol;
  for (const s of a.symbolsAt(file, line, col)) if (covers(s.definition) || s.uses.some(covers)) return s;
  return undefined;
}

// -- completion and hover ----------------------------------------------------------------------------

/** Completions of one list, in the playbook's order and sorted by label (for what begins with the typed text). */
interface CompletionList {
  inOrder: Completion[];
  sorted: Completion[];
}

/** What completion offers from a playbook, made once per playbook (the last good one serves while the text is broken). */
interface CompletionIndex {
  question: CompletionList;
  persona: CompletionList;
  class: CompletionList;
  item: CompletionList;
  /** {answers.<id>} for every question, then the account's and the session's fields. */
  placeholder: CompletionList;
  questionById: Map<string, Playbook['questions'][number]>;
}

const completionIndexes = new WeakMap<Playbook, CompletionIndex>();

function listOf(inOrder: Completion[]): CompletionList {
  return { inOrder, sorted: [...inOrder].sort((x, y) => (x.label < y.label ? -1 : x.label > y.label ? 1 : 0)) };
}

function completionIndexOf(pb: Playbook): CompletionIndex {
  let c = completionIndexes.get(pb);
  if (!c) {
    const ids = (items: readonly { id: string; name?: Text; text?: Text }[]) => listOf(items.map((x) => ({ label: x.id, kind: 'id', detail: firstText(x.text ?? x.name) })));
    const answers: Completion[] = pb.questions.map((q) => ({ label: `answers.${q.id}`, kind: 'placeholder', detail: firstText(q.text) }));
    c = {
      question: ids(pb.questions),
      persona: ids(pb.personas),
      class: ids(pb.classes),
      item: listOf([...new Set(precedenceItems(pb).map((i) => i.id))].map((id) => ({ label: id, kind: 'id' }))),
      placeholder: listOf([...answers, ...[...ACCOUNT_FIELDS, ...SELF_QUESTION_FIELDS].map((f): Completion => ({ label: f, kind: 'placeholder' }))]),
      questionById: new Map(),
    };
    for (const q of pb.questions) if (!c.questionById.has(q.id)) c.questionById.set(q.id, q);
    completionIndexes.set(pb, c);
  }
  return c;
}

/**
 * The whole list when it has at most `limit` entries; else those that begin with `typed`, at most
 * `limit`, found by a binary search of the sorted list: work for the answer, not for the playbook.
 */
function pick(list: CompletionList, typed: string, limit: number): { items: Completion[]; incomplete: boolean } {
  if (list.inOrder.length <= limit) return { items: list.inOrder, incomplete: false };
  const { sorted } = list;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].label < typed) lo = mid + 1;
    else hi = mid;
  }
  const items: Completion[] = [];
  for (let i = lo; i < sorted.length && items.length < limit && sorted[i].label.startsWith(typed); i++) items.push(sorted[i]);
  return { items, incomplete: true };
}

/**
 * What may be typed at the end of `prefix` (the line up to the cursor). A list longer than `limit`
 * (a playbook of 18,000 questions offers 18,000 ids) is cut to those that begin with what is typed,
 * at most `limit`, and marked incomplete so that the editor asks again as the rep types.
 */
export function completionsAt(a: Analysis, prefix: string, limit = Number.POSITIVE_INFINITY): { items: Completion[]; incomplete: boolean } {
  const pb = a.playbook;
  const none = { items: [], incomplete: false };
  const typed = /[\w.-]*$/.exec(prefix)?.[0] ?? '';
  const ids = (kind: 'question' | 'persona' | 'class' | 'item') => (pb ? pick(completionIndexOf(pb)[kind], typed, limit) : none);
  const placeholder = /\{([\w.-]*)$/.exec(prefix);
  if (placeholder && !/^\s*(-\s+)?(when|recognise|not|all|any)\s*:/.test(prefix) && !/(question|persona|class|mode|equals|in|includes)\s*:\s*$/.test(prefix.slice(0, placeholder.index))) {
    const replace = placeholder[1].length;
    const fields = [...ACCOUNT_FIELDS, ...SELF_QUESTION_FIELDS].map((f): Completion => ({ label: f, kind: 'placeholder' }));
    const { items, incomplete } = pb ? pick(completionIndexOf(pb).placeholder, placeholder[1], limit) : { items: fields, incomplete: false };
    return { items: items.map((c) => ({ ...c, replace })), incomplete };
  }
  const key = /(?:^|[\s{,])([A-Za-z]+)\s*:\s*\[?\s*(?:["']?[\w-]*["']?\s*,\s*)*["']?([\w-]*)$/.exec(prefix);
  if (!key) return none;
  const keywords = (words: readonly string[]) => ({ items: words.map((k): Completion => ({ label: k, kind: 'keyword' })), incomplete: false });
  switch (key[1]) {
    case 'question':
    case 'person':
    case 'title':
    case 'decision':
    case 'personalWin':
    case 'findsOut':
      return ids('question');
    case 'persona':
      return ids('persona');
    case 'class':
    case 'willNotBuy':
    case 'reclassifyAs':
      return ids('class');
    case 'excludes':
    case 'supersedes':
    case 'conflicts':
      return ids('item');
    case 'kind':
      return keywords(QUESTION_KINDS);
    case 'mode':
      return keywords(MODES);
    case 'equals':
    case 'in':
    case 'includes': {
      const qid = /question\s*:\s*["']?([\w-]+)/.exec(prefix)?.[1];
      const q = qid && pb ? completionIndexOf(pb).questionById.get(qid) : undefined;
      if (!q || !pb) return none;
      const values = choiceValues(q, pb.personas.map((p) => p.id)) ?? [];
      return { items: values.map((v): Completion => ({ label: v, kind: 'value', detail: firstText(q.options?.find((o) => o.value === v)?.label) })), incomplete: false };
    }
    default:
      return none;
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
