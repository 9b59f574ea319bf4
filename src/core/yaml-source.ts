/**
 * Bytes -> text -> YAML value, keeping every node's position so that any later check can point at
 * file:line:col. Pure: the caller reads the file. Every way a file can be broken ends as diagnostics;
 * nothing here throws for a user's file.
 */
import { createRequire } from 'node:module';
import type { Alias, Document, Node } from 'yaml';
import type { Diagnostic, DiagnosticCode } from './diagnostic.js';

export const MAX_FILE_BYTES = 16 * 1024 * 1024;
export const MAX_DEPTH = 64;

export type PathSegment = string | number;
export interface Position {
  line: number;
  col: number;
  endCol?: number;
}

export interface YamlSource {
  file: string;
  text: string;
  value: unknown;
  /** Position of the value at path, or of the nearest existing parent. */
  locate(path: readonly PathSegment[]): Position;
  /** Position of the key at path (for an unknown key), falling back to the value. */
  locateKey(path: readonly PathSegment[]): Position;
  /**
   * Says that positions of most nodes will be asked for (an editor's index of ids): every node is
   * placed in one pass from then on, instead of parsing items one by one first.
   */
  expectManyPositions?(): void;
  /**
   * The path of the scalar value written across this offset of the text (an editor's cursor), when
   * the fast parser read the file; undefined for anything else, or when the careful parser did.
   */
  pathAt?(offset: number): PathSegment[] | undefined;
}

export interface DecodeResult {
  text?: string;
  diagnostics: Diagnostic[];
}

/** What kind of file is read, so that its errors speak of it ("expected an answers file …"). */
export interface SourceKind {
  /** "a playbook", "an answers file", "the config" */
  noun: string;
  /** what an empty file should hold */
  expected: string;
  /** where to start from when the file is empty */
  starter?: string;
  /** how to avoid several documents */
  splitHint: string;
  /** how to avoid deep nesting */
  deepHint: string;
}

export const PLAYBOOK_KIND: SourceKind = {
  noun: 'a playbook',
  expected: 'a playbook (a mapping with id, title, questions, …)',
  starter: 'run `sales-coach playbook init` for a starter file',
  splitHint: 'put each playbook in a file of its own, or join them into one; include: combines files',
  deepHint: 'a playbook never needs this depth: flatten the conditions',
};
export const ANSWERS_KIND: SourceKind = {
  noun: 'an answers file',
  expected: 'an answers file (a mapping with mode:, account:, answers: …)',
  starter: 'the README, "Scripted sessions", shows a complete answers file',
  splitHint: 'one answers file holds one session',
  deepHint: 'an answers file never needs this depth: one answer per question',
};
export const CONFIG_KIND: SourceKind = {
  noun: 'the config',
  expected: 'a config mapping (lang:, playbooks:, persona:)',
  splitHint: 'the config is one mapping',
  deepHint: 'the config is three keys deep at most',
};

function fileDiag(file: string, code: DiagnosticCode, message: string, hint?: string, line = 0, col = 0): Diagnostic {
  return { file, line, col, code, severity: 'error', message, hint };
}

/** The file is over MAX_FILE_BYTES: said from its size, before (or instead of) reading it. */
export function tooLarge(file: string, size: number, kind: SourceKind = PLAYBOOK_KIND): Diagnostic {
  return fileDiag(
    file,
    'file-too-large',
    `the file is ${(size / 1024 / 1024).toFixed(1)} MB; ${kind === PLAYBOOK_KIND ? 'a playbook file' : kind.noun} may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB`,
    kind === PLAYBOOK_KIND ? 'split it into several files and list them under include:' : 'is it the right file?',
  );
}

/** Refuses what is not a text file before the YAML parser sees it: huge, binary or not UTF-8. */
export function decodeSource(file: string, bytes: Uint8Array, kind: SourceKind = PLAYBOOK_KIND): DecodeResult {
  if (bytes.length > MAX_FILE_BYTES) return { diagnostics: [tooLarge(file, bytes.length, kind)] };
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, col } = positionOfByte(bytes, nul);
    return {
      diagnostics: [
        fileDiag(file, 'binary-file', 'the file holds binary data (a NUL byte); expected a YAML text file', undefined, line, col),
      ],
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, col } = positionOfByte(bytes, bad);
    return {
      diagnostics: [
        fileDiag(
          file,
          'not-utf8',
          `the file is not UTF-8 (invalid byte 0x${bytes[bad]?.toString(16).padStart(2, '0')})`,
          'save it as UTF-8 (in VS Code: the encoding in the status bar, "Save with Encoding", UTF-8)',
          line,
          col,
        ),
      ],
    };
  }
  return { text, diagnostics: [] };
}

function positionOfByte(bytes: Uint8Array, index: number): { line: number; col: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      col = 1;
    } else if ((bytes[i] & 0xc0) !== 0x80) col++;
  }
  return { line, col };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return 0;
}

// The careful parser is loaded only when a file needs it (a problem to point at): keeps cold start fast.
const requireLazy = createRequire(import.meta.url);
let yamlLib: typeof import('yaml') | undefined;
// js-yaml too: the commands that read no YAML (the first question of a session, most of the time)
// never load it
let jsYaml: typeof import('js-yaml') | undefined;
// the built CLI reads it from one bundled file beside its chunks (scripts/build.mjs); the sources
// (tests, tsx) from the package
declare const __JS_YAML__: string | undefined;
function fastYaml(): typeof import('js-yaml') {
  jsYaml ??= requireLazy(typeof __JS_YAML__ === 'string' ? __JS_YAML__ : 'js-yaml') as typeof import('js-yaml');
  return jsYaml;
}
function yaml(): typeof import('yaml') {
  yamlLib ??= requireLazy('yaml') as typeof import('yaml');
  return yamlLib;
}

const YAML_CODES: Record<string, DiagnosticCode> = {
  DUPLICATE_KEY: 'duplicate-key',
  TAB_AS_INDENT: 'tab-indentation',
};

function yamlMessage(code: string, message: string): { message: string; hint?: string } {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return { message: 'this key appears twice in the same mapping', hint: 'keep one of the two; YAML keeps neither silently' };
    case 'TAB_AS_INDENT':
      return { message: 'a tab is used for indentation; YAML indents with spaces', hint: 'replace the tab with spaces (2 per level)' };
    case 'MISSING_CHAR':
      return /quote/i.test(first)
        ? { message: 'this quote is never closed', hint: 'add the closing quote at the end of the value' }
        : { message: `${first} (an unclosed bracket?)`, hint: 'close the bracket that opens before this point' };
    case 'BAD_INDENT':
      return { message: `${first}`, hint: 'line the key up with its siblings (spaces only)' };
    default:
      return { message: first };
  }
}

export interface ParseOptions {
  /**
   * Every node's position will be asked for (the language server's index of ids): the fast parse
   * records them as it reads, instead of one more pass of it when the first is asked for.
   */
  allPositions?: boolean;
}

/**
 * Parses one YAML document. A clean file takes the fast path (js-yaml, about ten times faster on a
 * large playbook); positions come from the `yaml` library, parsed only when a diagnostic needs one.
 * Anything unusual (an error, anchors and aliases, tags, several documents) takes the careful path,
 * which reports it precisely.
 */
export function parseYamlSource(
  file: string,
  rawText: string,
  kind: SourceKind = PLAYBOOK_KIND,
  options: ParseOptions = {},
): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  if (!ANCHOR_OR_ALIAS.test(text)) {
    let value: unknown;
    let ok = false;
    const recorded = options.allPositions ? recordEvents(text) : undefined;
    try {
      const { load, CORE_SCHEMA } = fastYaml();
      value = load(text, { schema: CORE_SCHEMA, json: false, listener: recorded?.listener });
      ok = true;
    } catch {
      // fall through: the careful parser explains what is wrong, with its position
    }
    if (ok && value !== undefined && value !== null && depthOf(value) <= MAX_DEPTH) {
      let careful: ReturnType<typeof parseCarefully> | undefined;
      const positions = () => {
        careful ??= parseCarefully(file, text, kind);
        return careful;
      };
      const items = itemLocator(file, text, value, kind);
      // past the few single items, every node's position from one more pass of the fast parser
      // (about 1 s over 4 MB, where the careful parser took 4 s and as long again in garbage
      // collection); the careful parser only for a path that pass could not place
      let events: EventLocator | undefined = recorded?.locator();
      const byEvents = () => {
        events ??= eventLocator(text);
        return events;
      };
      const one = (path: readonly PathSegment[]) => (events ? undefined : items(path));
      const whole: Locator = {
        locate: (path) => one(path)?.locate(path) ?? byEvents().locate(path) ?? positions().locator?.locate(path) ?? { line: 1, col: 1 },
        locateKey: (path) => one(path)?.locateKey(path) ?? byEvents().locateKey(path) ?? positions().locator?.locateKey(path) ?? { line: 1, col: 1 },
      };
      return {
        source: { ...makeSource(file, text, value, () => whole), expectManyPositions: () => void byEvents(), pathAt: (offset) => byEvents().pathAt?.(offset) },
        diagnostics: [],
      };
    }
  }
  const r = parseCarefully(file, text, kind);
  const tabs = r.diagnostics.filter((d) => d.code === 'tab-indentation');
  if (tabs.length > 0) return readPastTabs(file, text, tabs, kind);
  if (!r.locator || r.diagnostics.some((d) => d.severity === 'error')) return { diagnostics: r.diagnostics };
  const locator = r.locator;
  return { source: makeSource(file, text, r.value, () => locator), diagnostics: r.diagnostics };
}

/**
 * A tab used as indentation throws the parser off for the rest of its block, and each line after it
 * then produced an error of its own: echoes of one mistake. Report each tab once, then read the file
 * again with every indenting tab replaced by the indentation the trainer evidently meant (the previous
 * line's, one level in after a "- "), so the file's other, independent mistakes are still found in the
 * same run. Nothing is reported on a tab line but the tab itself.
 */
function readPastTabs(file: string, text: string, tabs: Diagnostic[], kind: SourceKind): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const lines = text.split('\n');
  const tabLines = new Set<number>();
  /** Line -> how many columns the repaired line is ahead of the trainer's. */
  const shift = new Map<number, number>();
  let prevIndent = 0;
  let prevTabs = 0;
  let prevWasTab = false;
  const repaired = lines.map((line, i) => {
    const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
    const rest = line.slice(lead.length);
    if (rest.trim() === '' || rest.startsWith('#')) return line;
    if (!lead.includes('\t')) {
      prevIndent = lead.length + (rest.startsWith('- ') ? 2 : 0);
      prevWasTab = false;
      return line;
    }
    tabLines.add(i + 1);
    const count = [...lead].filter((c) => c === '\t').length;
    const indent = Math.max(0, prevWasTab ? prevIndent + (count - prevTabs) * 2 : prevIndent);
    shift.set(i + 1, indent - lead.length);
    prevWasTab = true;
    prevTabs = count;
    prevIndent = indent;
    return ' '.repeat(indent) + rest;
  });
  const again = parseYamlSource(file, repaired.join('\n'), kind);
  const others = again.diagnostics.filter((d) => !tabLines.has(d.line));
  const diagnostics = [...tabs, ...others];
  if (!again.source || others.some((d) => d.severity === 'error')) return { diagnostics };
  // the value is read from the repaired text; positions and the lines printed under a diagnostic are the trainer's
  const back = (p: Position): Position => {
    const by = shift.get(p.line) ?? 0;
    return by === 0 ? p : { ...p, col: Math.max(1, p.col - by), endCol: p.endCol === undefined ? undefined : Math.max(1, p.endCol - by) };
  };
  const repairedSource = again.source;
  // (no pathAt: the repaired text's offsets are not the trainer's)
  return { source: { ...repairedSource, text, locate: (path) => back(repairedSource.locate(path)), locateKey: (path) => back(repairedSource.locateKey(path)), pathAt: undefined }, diagnostics };
}

/** `&name` or `*name` where YAML would read an anchor or alias: only the careful parser bounds alias expansion. */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,:-])[&*][^\s,\]}]/m;

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return depth;
  let max = depth;
  // values read in place: this visits every node of a clean file, and a list of each mapping's
  // values was most of its cost
  if (Array.isArray(value)) {
    for (const v of value) {
      const d = depthOf(v, depth + 1);
      if (d > max) max = d;
      if (max > MAX_DEPTH) break;
    }
    return max;
  }
  const o = value as Record<string, unknown>;
  for (const k in o) {
    const d = depthOf(o[k], depth + 1);
    if (d > max) max = d;
    if (max > MAX_DEPTH) break;
  }
  return max;
}

interface Locator {
  locate(path: readonly PathSegment[]): Position;
  locateKey(path: readonly PathSegment[]): Position;
}

/** How many single items are parsed for positions before the whole file is: a few diagnostics are cheap, an index of every id is not. */
const MAX_ITEM_PARSES = 64;

/**
 * Positions inside one item of a top-level list (`questions:` then `  - …` items), found by parsing
 * that item alone: the careful parser takes seconds over a 10k-question file, and an editor asks for
 * positions after every keystroke while the file has a diagnostic. The item's lines are parsed in
 * place (every other line left empty, the section's key kept), so lines and columns are the file's.
 * The item is used only when its value equals what the whole file gave for it; anything else (a
 * list written in flow style, an odd indentation, a path outside the lists) is left to the whole file.
 */
function itemLocator(file: string, text: string, value: unknown, kind: SourceKind): (path: readonly PathSegment[]) => Locator | undefined {
  let lines: string[] | undefined;
  let sections: Map<string, { header: number; starts: number[]; end: number } | undefined> | undefined;
  const parsed = new Map<string, Locator | undefined>();
  const scan = () => {
    lines = text.split('\n');
    sections = new Map();
    const all = lines;
    const headers: [string, number][] = [];
    all.forEach((l, i) => {
      const m = /^([A-Za-z][\w-]*):[ \t]*(?:#.*)?$/.exec(l);
      if (m) headers.push([m[1], i]);
      else if (/^[^\s#]/.test(l)) headers.push(['', i]);
    });
    headers.forEach(([name, header], h) => {
      if (!name) return;
      const end = headers[h + 1]?.[1] ?? all.length;
      const starts: number[] = [];
      let indent: string | undefined;
      let sound = true;
      for (let i = header + 1; i < end && sound; i++) {
        const l = all[i];
        const lead = /^ */.exec(l)?.[0] ?? '';
        const rest = l.slice(lead.length);
        if (rest === '' || rest.startsWith('#')) continue;
        indent ??= lead;
        if (lead === indent && /^-( |$)/.test(rest)) starts.push(i);
        else if (lead.length <= indent.length || starts.length === 0) sound = false;
      }
      sections?.set(name, sound && !sections.has(name) ? { header, starts, end } : undefined);
    });
  };
  return (path) => {
    const [section, index] = path;
    if (typeof section !== 'string' || typeof index !== 'number') return undefined;
    const list = (value as Record<string, unknown>)[section];
    if (!Array.isArray(list) || index >= list.length) return undefined;
    const key = `${section}\u0000${index}`;
    if (parsed.has(key)) return rebased(parsed.get(key), index);
    if (parsed.size >= MAX_ITEM_PARSES) return undefined;
    if (!sections) scan();
    const at = sections?.get(section);
    let found: Locator | undefined;
    if (at && lines && at.starts.length === list.length) {
      const start = at.starts[index];
      const end = at.starts[index + 1] ?? at.end;
      // the section's key on its own line, the item on its own lines, every other line empty (made
      // without a pass over the file's lines: an editor's index of ids may ask for many items)
      const only = `${'\n'.repeat(at.header)}${lines[at.header]}${'\n'.repeat(start - at.header)}${lines.slice(start, end).join('\n')}${end < lines.length ? '\n' : ''}`;
      const r = parseCarefully(file, only, kind);
      const item = (r.value as Record<string, unknown[]> | undefined)?.[section]?.[0];
      if (r.locator && r.diagnostics.length === 0 && sameValue(item, list[index])) found = r.locator;
    }
    parsed.set(key, found);
    return rebased(found, index);
  };
}

/** Like Locator, but undefined where the events could not place a path (the careful parser then does). */
export interface EventLocator {
  locate(path: readonly PathSegment[]): Position | undefined;
  locateKey(path: readonly PathSegment[]): Position | undefined;
  /** The path of the scalar value written across this offset of the text; undefined for anything else. */
  pathAt?(offset: number): PathSegment[] | undefined;
}

const SCALAR = 1;
const MAPPING = 2;
const SEQUENCE = 3;

/**
 * Every node's position from the fast parser's own open and close events (js-yaml's `listener`):
 * one more pass of it, no document tree, a few numbers per node in flat arrays. Nothing of the
 * value it builds is kept but each scalar's text and each collection's size: an object per node, or
 * the value tree held, cost as much again in garbage collection. A node's children are the parses
 * that ran inside it; a mapping's are its keys and values in order, a value being the parse that
 * opens just after its key's colon (an empty value may have none); a container whose children do
 * not add up to the size js-yaml gave it is left to the careful parser.
 * tests/core/event-positions.test.ts holds it to the careful parser over every node.
 */
export function eventLocator(text: string): EventLocator {
  const events = recordEvents(text);
  try {
    const { load, CORE_SCHEMA } = fastYaml();
    load(text, { schema: CORE_SCHEMA, json: false, listener: events.listener });
  } catch {
    return { locate: () => undefined, locateKey: () => undefined };
  }
  return events.locator();
}

/** js-yaml's listener, as its parse calls it. */
type YamlListener = NonNullable<import('js-yaml').LoadOptions['listener']>;

/**
 * The events of one js-yaml parse, recorded by its listener: eventLocator runs a parse for them, and
 * parseYamlSource records them during its own parse when every position will be asked for (the
 * language server's index of ids), which saves that second parse. locator() is called once the parse
 * has ended without an error.
 */
function recordEvents(text: string): { listener: YamlListener; locator(): EventLocator } {
  // about one node per six characters in a playbook: rarely a second allocation
  let cap = Math.max(1024, Math.ceil(text.length / 4));
  let open = new Int32Array(cap);
  let end = new Int32Array(cap);
  let first = new Int32Array(cap).fill(-1);
  let last = new Int32Array(cap).fill(-1);
  let next = new Int32Array(cap).fill(-1);
  let kind = new Uint8Array(cap);
  let size = new Int32Array(cap);
  /** A scalar's value as a key reads it. */
  const names: (string | undefined)[] = [];
  const grow = () => {
    cap *= 2;
    const more = <A extends Int32Array | Uint8Array>(a: A, fill: number): A => {
      const b = (a instanceof Uint8Array ? new Uint8Array(cap) : new Int32Array(cap).fill(fill)) as A;
      b.set(a);
      return b;
    };
    open = more(open, 0);
    end = more(end, 0);
    first = more(first, -1);
    last = more(last, -1);
    next = more(next, -1);
    kind = more(kind, 0);
    size = more(size, 0);
  };
  // node 0 is the document; the stack holds the nodes being read
  let count = 1;
  const stack: number[] = [0];
  const listener: YamlListener = (event, state) => {
    if (event === 'open') {
      if (count === cap) grow();
      const n = count++;
      open[n] = state.position;
      const parent = stack[stack.length - 1];
      if (last[parent] < 0) first[parent] = n;
      else next[last[parent]] = n;
      last[parent] = n;
      stack.push(n);
      return;
    }
    const n = stack.pop() as number;
    end[n] = state.position;
    const r = state.result;
    if (Array.isArray(r)) {
      kind[n] = SEQUENCE;
      size[n] = r.length;
    } else if (r !== null && typeof r === 'object') {
      kind[n] = MAPPING;
      // counted in place: a list of keys per mapping was most of this listener's time
      let k = 0;
      for (const _ in r) k++;
      size[n] = k;
    } else if (state.kind !== null || r !== null) {
      kind[n] = SCALAR;
      if (r !== null) names[n] = String(r);
    }
  };
  return { listener, locator: () => placeEvents(text, open, end, first, next, kind, size, names, count) };
}

/** Places nodes from the recorded events (see eventLocator). */
function placeEvents(
  text: string,
  open: Int32Array,
  end: Int32Array,
  first: Int32Array,
  next: Int32Array,
  kind: Uint8Array,
  size: Int32Array,
  names: (string | undefined)[],
  count: number,
): EventLocator {
  /** Does a parse open just after a colon (spaces between): the value of the key before it. */
  const afterColon = (n: number): boolean => {
    let i = open[n] - 1;
    while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
    return text.charCodeAt(i) === 58;
  };
  /** The node itself, past a flow collection read as a possible key of a block mapping, then kept as the node. */
  const inner = (n: number): number => {
    let m = n;
    for (let c = first[m]; c >= 0 && next[c] < 0 && kind[c] === kind[m] && end[c] === end[m] && size[c] === size[m]; c = first[m]) m = c;
    return m;
  };
  // per container, checked once: 1 its children add up to what js-yaml built, 2 they do not
  const checked = new Uint8Array(count);
  /** A mapping's children read as key, value, key, … (a value opens just after its key's colon; an empty one may have no parse). */
  const eachPair = (n: number, visit: (key: number, value: number) => boolean | undefined): boolean => {
    for (let c = first[n]; c >= 0; ) {
      if (kind[c] !== SCALAR || names[c] === undefined || afterColon(c)) return false;
      const v = next[c] >= 0 && afterColon(next[c]) ? next[c] : -1;
      if (visit(c, v)) return true;
      c = v >= 0 ? next[v] : next[c];
    }
    return true;
  };
  const sound = (n: number): boolean => {
    if (checked[n] === 0) {
      let ok: boolean;
      if (kind[n] === SEQUENCE) {
        let k = 0;
        for (let c = first[n]; c >= 0; c = next[c]) k++;
        ok = k === size[n];
      } else {
        const seen = new Set<string>();
        ok = eachPair(n, (key) => {
          seen.add(names[key] as string);
          return undefined;
        }) && seen.size === size[n];
      }
      checked[n] = ok ? 1 : 2;
    }
    return checked[n] === 1;
  };
  /** A long sequence's items, listed once (the list of questions is asked for each of its items). */
  const itemsOf = new Map<number, number[]>();
  const item = (n: number, i: number): number => {
    if (size[n] <= 16) {
      let c = first[n];
      for (let k = 0; k < i && c >= 0; k++) c = next[c];
      return c;
    }
    let list = itemsOf.get(n);
    if (!list) {
      list = [];
      for (let c = first[n]; c >= 0; c = next[c]) list.push(c);
      itemsOf.set(n, list);
    }
    return list[i] ?? -1;
  };
  let starts: number[] | undefined;
  const at = (offset: number): { line: number; col: number } => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo] + 1 };
  };
  const space = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
  /** Where a node's text begins: past the spaces, line breaks and comments its parse skipped first. */
  const startOf = (n: number): number => {
    let i = open[n];
    for (;;) {
      const c = text.charCodeAt(i);
      if (space(c)) i++;
      else if (c === 35 && (i === 0 || space(text.charCodeAt(i - 1)))) {
        const eol = text.indexOf('\n', i);
        i = eol < 0 ? text.length : eol;
      } else return i;
    }
  };
  const pos = (n: number): Position => {
    const s0 = startOf(n);
    // an empty value (`summary:` and nothing) is where its parse began, just after the colon
    if (kind[n] === 0 && first[n] < 0) return at(open[n]);
    const start = at(s0);
    const c = text[s0];
    // a block mapping or sequence ends with the line break after it, as the careful parser has it: no end column
    if ((kind[n] === MAPPING || kind[n] === SEQUENCE) && c !== '{' && c !== '[') return start;
    let e = end[n];
    while (e > s0 && space(text.charCodeAt(e - 1))) e--;
    if (e <= s0) return start;
    const stop = at(e);
    return stop.line === start.line ? { ...start, endCol: stop.col } : start;
  };
  const top = first[0] >= 0 && next[first[0]] < 0 ? first[0] : -1;
  const resolve = (path: readonly PathSegment[]): { node: number; key: number } | undefined => {
    let node = top;
    let key = -1;
    if (node < 0) return undefined;
    for (const seg of path) {
      if (kind[node] !== MAPPING && kind[node] !== SEQUENCE) return { node, key: -1 };
      const n = inner(node);
      if (!sound(n)) return undefined; // a container the events could not match: the careful parser places it
      if (kind[n] === MAPPING) {
        const name = String(seg);
        let found = -1;
        let value = -1;
        eachPair(n, (k, v) => {
          if (names[k] !== name) return undefined;
          found = k;
          value = v;
          return true;
        });
        if (found < 0) return { node, key: -1 };
        key = found;
        node = value >= 0 ? value : found;
      } else if (typeof seg === 'number' && seg >= 0 && seg < size[n]) {
        key = -1;
        node = item(n, seg);
      } else return { node, key: -1 };
    }
    return { node, key };
  };
  /** Where a node's text ends, past the spaces and line breaks its parse read after it. */
  const endOf = (n: number): number => {
    let e = end[n];
    while (e > open[n] && space(text.charCodeAt(e - 1))) e--;
    return e;
  };
  const holds = (n: number, offset: number) => startOf(n) <= offset && offset < endOf(n);
  const pathAt = (offset: number): PathSegment[] | undefined => {
    const path: PathSegment[] = [];
    let node = top;
    // down from the document through the child that holds the offset: one pass over each level's children
    while (node >= 0) {
      if (kind[node] === SCALAR) return holds(node, offset) ? path : undefined;
      if (kind[node] !== MAPPING && kind[node] !== SEQUENCE) return undefined;
      const n = inner(node);
      if (!sound(n)) return undefined;
      let child = -1;
      if (kind[n] === MAPPING) {
        eachPair(n, (k, v) => {
          if (v < 0 || !holds(v, offset)) return undefined;
          path.push(names[k] as string);
          child = v;
          return true;
        });
      } else {
        let i = 0;
        for (let c = first[n]; c >= 0; c = next[c], i++) {
          if (!holds(c, offset)) continue;
          path.push(i);
          child = c;
          break;
        }
      }
      node = child;
    }
    return undefined;
  };
  return {
    locate: (path) => {
      const r = resolve(path);
      return r && pos(r.node);
    },
    locateKey: (path) => {
      const r = resolve(path);
      return r && pos(r.key >= 0 ? r.key : r.node);
    },
    pathAt,
  };
}

/** The item's locator answers for its index in the file; alone, the item is the list's first. */
function rebased(locator: Locator | undefined, index: number): Locator | undefined {
  if (!locator) return undefined;
  const moved = (path: readonly PathSegment[]) => (path[1] === index ? [path[0], 0, ...path.slice(2)] : path);
  return { locate: (path) => locator.locate(moved(path)), locateKey: (path) => locator.locateKey(moved(path)) };
}

function sameValue(a: unknown, b: unknown): boolean {
  try {
    return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

function makeSource(file: string, text: string, value: unknown, locator: () => Locator | undefined): YamlSource {
  return {
    file,
    text,
    value,
    locate: (path) => locator()?.locate(path) ?? { line: 1, col: 1 },
    locateKey: (path) => locator()?.locateKey(path) ?? { line: 1, col: 1 },
  };
}

function parseCarefully(file: string, text: string, kind: SourceKind): { value?: unknown; locator?: Locator; diagnostics: Diagnostic[] } {
  const { LineCounter, parseAllDocuments, isMap, isPair, isScalar, isSeq } = yaml();
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  let docs: Document.Parsed[];
  try {
    // logLevel 'silent': the library otherwise prints tag warnings to stderr through process.emitWarning
    docs = parseAllDocuments(text, {
      lineCounter,
      logLevel: 'silent',
      prettyErrors: false,
      uniqueKeys: true,
      merge: false,
    }) as Document.Parsed[];
  } catch (err) {
    if (err instanceof RangeError) {
      return { diagnostics: [fileDiag(file, 'too-deep', 'the file is nested too deeply to read', `keep nesting under ${MAX_DEPTH} levels`)] };
    }
    throw err;
  }
  if (!Array.isArray(docs)) docs = [];
  const real = docs.filter((d) => d.contents !== null || d.errors.length > 0);
  if (real.length > 1) {
    const second = real[1];
    const start = second.range?.[0] ?? 0;
    diagnostics.push({
      file,
      ...at(start),
      code: 'multiple-documents',
      severity: 'error',
      message: `the file holds ${real.length} YAML documents (separated by ---); expected one`,
      hint: kind.splitHint,
    });
  }
  const doc = real[0] ?? docs[0];
  if (!doc) {
    diagnostics.push(fileDiag(file, 'empty-file', `the file is empty; expected ${kind.expected}`, kind.starter));
    return { diagnostics };
  }
  let deepReported = false;
  for (const e of doc.errors) {
    const stack = /call stack/i.test(e.message);
    // where the stack ran out depends on the Node version: say it once, at the bracket that goes too deep
    if (stack && deepReported) continue;
    deepReported ||= stack;
    const code = stack ? 'too-deep' : (YAML_CODES[e.code] ?? 'yaml-syntax');
    const m = stack ? { message: `nesting deeper than ${MAX_DEPTH} levels`, hint: kind.deepHint } : yamlMessage(e.code, e.message);
    // the parser reports an unclosed quote where the file ends; point at the quote that opened it
    const offset = stack ? (tooDeepBracket(text) ?? 0) : e.code === 'MISSING_CHAR' && /quote/i.test(e.message) ? (openingQuote(text, e.pos[0]) ?? e.pos[0]) : e.pos[0];
    diagnostics.push({ file, ...at(offset), code, severity: 'error', message: m.message, hint: m.hint });
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      const tag = /Unresolved tag: (.*)$/.exec(w.message)?.[1] ?? 'a custom tag';
      diagnostics.push({
        file,
        ...at(w.pos[0]),
        code: 'unsupported-tag',
        severity: 'error',
        message: `the tag ${tag.replace('tag:yaml.org,2002:', '!!')} is not supported; ${kind === PLAYBOOK_KIND ? 'playbooks are' : `${kind.noun} is`} plain data`,
        hint: `remove the tag: ${kind.noun} holds strings, numbers, lists and mappings, and never runs code`,
      });
    } else {
      diagnostics.push({ file, ...at(w.pos[0]), code: 'yaml-syntax', severity: 'warning', message: w.message.split('\n')[0] });
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (err instanceof RangeError && !/alias/i.test(msg)) {
      return { diagnostics: [fileDiag(file, 'too-deep', 'the file is nested too deeply to read', `keep nesting under ${MAX_DEPTH} levels`)] };
    }
    const alias = /alias/i.test(msg);
    diagnostics.push(
      fileDiag(
        file,
        alias ? 'alias-limit' : 'yaml-syntax',
        alias ? `the file's aliases expand too far or point nowhere (${msg.split('\n')[0]})` : msg.split('\n')[0],
        alias ? 'write the values out, or use include: to share parts between files' : undefined,
        1,
        1,
      ),
    );
    return { diagnostics };
  }
  if (value === null || value === undefined) {
    diagnostics.push(
      fileDiag(file, 'empty-file', `the file holds no data (empty, or only comments); expected ${kind.expected}`, kind.starter),
    );
    return { diagnostics };
  }
  const tooDeep = findTooDeep(doc.contents as Node | null, 0);
  if (tooDeep) {
    const start = tooDeep.range?.[0] ?? 0;
    diagnostics.push({ file, ...at(start), code: 'too-deep', severity: 'error', message: `nesting deeper than ${MAX_DEPTH} levels`, hint: kind.deepHint });
    return { diagnostics };
  }
  const loop = findSelfAlias(doc.contents, []);
  if (loop) {
    diagnostics.push({
      file,
      ...at(loop.range?.[0] ?? 0),
      code: 'alias-limit',
      severity: 'error',
      message: `the alias *${loop.source} is inside the node &${loop.source} names, so its value would hold itself without end`,
      hint: 'an alias repeats a node written before it: write this value out instead',
    });
    return { diagnostics };
  }

  const resolve = (path: readonly PathSegment[]): { node?: Node; keyNode?: Node } => {
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) return { node: node as Node };
        keyNode = pair.key as Node;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
        keyNode = undefined;
        node = node.items[seg];
      } else {
        return { node: node as Node };
      }
    }
    return { node: node as Node, keyNode };
  };
  const pos = (n: Node | undefined): Position => {
    if (!n?.range) return { line: 1, col: 1 };
    const start = at(n.range[0]);
    const end = at(n.range[1]);
    return end.line === start.line && end.col > start.col ? { ...start, endCol: end.col } : start;
  };
  return {
    value,
    diagnostics,
    locator: {
      locate: (path) => pos(resolve(path).node),
      locateKey: (path) => {
        const r = resolve(path);
        return pos(r.keyNode ?? r.node);
      },
    },
  };
}

/** The last quote before `end` that starts a scalar (after `: `, `- `, `[`, `{` or `,`). */
function openingQuote(text: string, end: number): number | undefined {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    const ch = text[i];
    if ((ch === '"' || ch === "'") && /(^|[:\-[{,]\s*)$/.test(text.slice(Math.max(0, i - 3), i).replace(/^.*\n/s, '\n').replace(/^\n/, ''))) return i;
  }
  return undefined;
}

function findTooDeep(node: Node | null, depth: number): Node | undefined {
  const { isMap, isSeq } = yaml();
  if (!node) return undefined;
  if (depth > MAX_DEPTH) return node;
  if (isMap(node)) {
    for (const p of node.items) {
      const hit = findTooDeep(p.value as Node | null, depth + 1);
      if (hit) return hit;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const hit = findTooDeep(item as Node, depth + 1);
      if (hit) return hit;
    }
  }
  return undefined;
}

/**
 * An alias inside the node its own anchor names (`when: &c { not: *c }`): the parser accepts it and
 * builds a value that contains itself, which every later walk would follow without end.
 */
function findSelfAlias(node: unknown, open: string[]): Alias | undefined {
  const { isAlias, isMap, isSeq } = yaml();
  if (!node || typeof node !== 'object') return undefined;
  if (isAlias(node)) return open.includes(node.source) ? node : undefined;
  const anchor = (node as { anchor?: string }).anchor;
  if (anchor) open.push(anchor);
  let hit: Alias | undefined;
  if (isMap(node)) {
    for (const p of node.items) {
      hit = findSelfAlias(p.key, open) ?? findSelfAlias(p.value, open);
      if (hit) break;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      hit = findSelfAlias(item, open);
      if (hit) break;
    }
  }
  if (anchor) open.pop();
  return hit;
}

/** The offset of the first [ or { nested deeper than MAX_DEPTH (outside quotes and comments). */
function tooDeepBracket(text: string): number | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol;
    } else if (ch === '[' || ch === '{') {
      if (++depth > MAX_DEPTH) return i;
    } else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}
