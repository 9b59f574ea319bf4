/**
 * File -> playbook. Reads nothing itself: a host passes the bytes in, so the same code serves the CLI,
 * the tests and, later, an editor. Includes and extends are resolved here; the cross-checks run on
 * the merged result, so a trainer's override is checked together with what it overrides.
 */
import { createHash } from 'node:crypto';
import { dirname, resolve as resolvePath, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { decodeSource, MAX_DEPTH, PLAYBOOK_KIND, parseYamlSource, type YamlSource } from '../core/yaml-source.js';
import { validateWithSchema } from '../core/zod-diagnostics.js';
import { safeParse } from 'zod/v4/core';
import { checkPlaybook } from './checks.js';
import { Advice, ChecklistItem, ClassRule, Flag, Persona, PlaybookFile, Question } from './schema.js';
import type { Origin, Playbook } from './types.js';

export interface PlaybookHost {
  /**
   * The file's bytes; undefined when it does not exist or cannot be read; a diagnostic when it is
   * refused unread (too large, a device or a FIFO: the host bounds every read).
   */
  read(path: string): Uint8Array | undefined | Diagnostic;
  /** The real path (symbolic links resolved), to keep includes inside the playbook's folder. */
  realpath?(path: string): string;
  /** The entry file of a playbook by id (built-in or user), for `extends`. */
  findById(id: string, fromFile: string): string | undefined;
  /**
   * Optional: keeps each file's parse between loads, so a long-lived caller (the language server)
   * re-parses only the file that changed. Parsed items are never mutated, so sharing them is safe.
   */
  parseCache?: Map<string, { bytes: Uint8Array; result: ReturnType<typeof parsePlaybookFile> }>;
  /**
   * Optional: keeps the items found sound between loads (see ItemCache), so an edit of one question
   * of a large file re-checks the shape of that question only.
   */
  itemCache?: ItemCache;
  /**
   * Optional: every node's position will be asked for (the language server's index of ids), so the
   * first parse of each file records them; without it they cost one more parse when first asked for.
   */
  allPositions?: boolean;
}

/**
 * File -> the items of its last parse that the schema accepted without a word, by section and value.
 * Only those are kept: their check says nothing (no diagnostic to place), so it does not depend on
 * where the item sits in the file, and the same value always passes again. The values compared are
 * plain YAML data; no field the schema accepts holds null, NaN or an infinity, which JSON would blur.
 */
export type ItemCache = Map<string, Map<string, object>>;

export interface LoadResult {
  playbook?: Playbook;
  diagnostics: Diagnostic[];
  /** File -> text, for printing diagnostics with their source lines. */
  sources: Map<string, string>;
  /** File -> its parsed YAML with positions, for tools that point into the files (the language server). */
  parsed?: Map<string, YamlSource>;
}

interface ParsedFile {
  file: string;
  source: YamlSource;
  data: PlaybookFile;
  /** Ids of items dropped for their own errors: references to them are not reported again. */
  brokenIds: Set<string>;
  /** Each kept item's index in the file, which differs from its index in data once an item is dropped. */
  rawIndex: Map<object, number>;
  /** Items kept without their faulty optional fields (reported already), with the fields left out. */
  damaged: Map<object, ReadonlySet<string>>;
}

const SECTIONS = ['questions', 'personas', 'classes', 'flags', 'checklist', 'tips'] as const;
type Section = (typeof SECTIONS)[number];

/** One file: decode, parse, check the shape. */
export function parsePlaybookFile(file: string, bytes: Uint8Array, itemCache?: ItemCache, allPositions = false): { parsed?: ParsedFile; text?: string; diagnostics: Diagnostic[] } {
  const decoded = decodeSource(file, bytes);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  const { source, diagnostics } = parseYamlSource(file, decoded.text, PLAYBOOK_KIND, { allPositions });
  if (!source) return { text: decoded.text, diagnostics };
  const v = source.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    diagnostics.push({
      file,
      ...source.locate([]),
      code: 'not-a-mapping',
      severity: 'error',
      message: `the file holds ${Array.isArray(v) ? 'a list' : `a single value (${JSON.stringify(v)})`}; expected a playbook mapping (id:, title:, questions:, …)`,
      hint: 'start the file with `id: my-playbook` at the left margin',
    });
    return { text: source.text, diagnostics };
  }
  // zod's strict objects let these through (they look like inherited properties): refuse them here.
  for (const path of forbiddenKeys(v)) {
    diagnostics.push({ file, ...source.locateKey(path), code: 'unknown-key', severity: 'error', message: `the key "${String(path[path.length - 1])}" is not allowed`, hint: 'it is a reserved name in JavaScript; a playbook never needs it' });
  }
  // Check the sections item by item and keep the sound items, so that one broken question does not
  // hide every other problem in the file: the cross-checks still run on what is left.
  const raw = v as Record<string, unknown>;
  const brokenIds = new Set<string>();
  const rawIndex = new Map<object, number>();
  const damaged = new Map<object, ReadonlySet<string>>();
  const sectionData: Record<string, unknown[]> = {};
  const before = itemCache?.get(file);
  // what this parse found sound: the next parse reuses these, and nothing older is kept
  const after = itemCache ? new Map<string, object>() : undefined;
  for (const section of SECTIONS) {
    const list = raw[section];
    if (!Array.isArray(list)) continue;
    const itemSchema = ITEM_SCHEMAS[section];
    sectionData[section] = [];
    list.forEach((item, i) => {
      const key = after ? cacheKey(section, item) : undefined;
      // an object is handed out once per parse: two equal items stay two items (origins are per object)
      const known = key !== undefined && !after?.has(key) ? before?.get(key) : undefined;
      if (known && key !== undefined) {
        after?.set(key, known);
        sectionData[section].push(known);
        rawIndex.set(known, i);
        return;
      }
      const r = validateWithSchema(itemSchema as never, source, [section, i]);
      if (key !== undefined && r.data !== undefined && r.diagnostics.length === 0 && !after?.has(key)) after?.set(key, r.data as object);
      diagnostics.push(...r.diagnostics);
      const kept: { data: object; dropped?: ReadonlySet<string> } | undefined = r.data !== undefined ? { data: r.data as object } : salvage(itemSchema, item, r.faults);
      if (kept !== undefined) {
        sectionData[section].push(kept.data);
        rawIndex.set(kept.data, i);
        if (kept.dropped) damaged.set(kept.data, kept.dropped);
      }
      else if (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string') brokenIds.add((item as { id: string }).id);
    });
  }
  if (itemCache && after) itemCache.set(file, after);
  const rest = Object.fromEntries(Object.entries(raw).filter(([k]) => !(k in sectionData)));
  const checked = validateWithSchema(PlaybookFile, { ...source, value: rest });
  diagnostics.push(...checked.diagnostics);
  // a mistake in a top-level key (a misspelt term, a bad locale) costs that key, not the file: the
  // references are still checked in the same run
  const top = checked.data ?? salvage(PlaybookFile, rest, checked.faults)?.data;
  if (!top) return { text: source.text, diagnostics };
  const data = { ...top, ...sectionData } as PlaybookFile;
  return { parsed: { file, source, data, brokenIds, rawIndex, damaged }, text: source.text, diagnostics };
}

/** An item's section and value as a string, or undefined for a value JSON cannot write (a cycle of aliases). */
function cacheKey(section: string, item: unknown): string | undefined {
  try {
    return `${section}\u0000${JSON.stringify(item)}`;
  } catch {
    return undefined;
  }
}

/**
 * An item with a mistake in an optional field (a misspelt key, a bad due:) is kept without that field,
 * so what else it says is still checked in the same run: an unknown question in its condition is not
 * hidden until the due: is fixed, and references to it are not reported as unknown. An item whose
 * required field is wrong cannot be kept: it is dropped and its id remembered as broken.
 */
function salvage(schema: unknown, item: unknown, faults: (string | number)[][]): { data: object; dropped: ReadonlySet<string> } | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item) || faults.some((f) => f.length === 0)) return undefined;
  const dropped = new Set(faults.map((f) => String(f[0])));
  const rest = Object.fromEntries(Object.entries(item).filter(([k]) => !dropped.has(k)));
  const r = safeParse(schema as never, rest);
  return r.success ? { data: r.data as object, dropped } : undefined;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function forbiddenKeys(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  // one path, pushed and popped: a 10k-question file has half a million nodes, and none of them is news
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (v === null || typeof v !== 'object') continue;
      path.push(i);
      forbiddenKeys(v, path, out);
      path.pop();
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.getOwnPropertyNames(value)) {
      if (FORBIDDEN.has(key)) {
        out.push([...path, key]);
        continue;
      }
      const v = (value as Record<string, unknown>)[key];
      if (v === null || typeof v !== 'object') continue;
      path.push(key);
      forbiddenKeys(v, path, out);
      path.pop();
    }
  }
  return out;
}

const ITEM_SCHEMAS = {
  questions: Question,
  personas: Persona,
  classes: ClassRule,
  flags: Flag,
  checklist: ChecklistItem,
  tips: Advice,
} as const;

function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

export function loadPlaybook(entry: string, host: PlaybookHost): LoadResult {
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const hash = createHash('sha256');
  const files: string[] = [];
  const origins = new Map<object, Origin>();
  const yamlSources = new Map<string, YamlSource>();
  const brokenIds = new Set<string>();
  const damaged = new Map<object, ReadonlySet<string>>();

  /** One file, parsed; `missing` says what to report when it cannot be read (by default: the file itself). */
  const readOne = (file: string, missing?: () => Diagnostic) => {
    const bytes = host.read(file);
    if (!bytes) {
      diagnostics.push(missing?.() ?? { file, line: 0, col: 0, code: 'file-not-found', severity: 'error', message: `cannot read ${file}: no such file, or not readable` });
      return undefined;
    }
    if (!(bytes instanceof Uint8Array)) {
      diagnostics.push(bytes);
      return undefined;
    }
    const cached = host.parseCache?.get(file);
    const r = cached && Buffer.from(cached.bytes).equals(bytes) ? cached.result : parsePlaybookFile(file, bytes, host.itemCache, host.allPositions);
    host.parseCache?.set(file, { bytes, result: r });
    if (r.text !== undefined) sources.set(file, r.text);
    diagnostics.push(...r.diagnostics);
    if (r.parsed) {
      yamlSources.set(file, r.parsed.source);
      for (const id of r.parsed.brokenIds) brokenIds.add(id);
      for (const [item, fields] of r.parsed.damaged) damaged.set(item, fields);
      files.push(file);
      hash.update(file.split('/').pop() ?? file).update('\0').update(bytes);
    }
    return r.parsed;
  };

  const registerOrigins = (p: ParsedFile) => {
    for (const section of SECTIONS) {
      (p.data[section] ?? []).forEach((item: object, at: number) => {
        const i = p.rawIndex.get(item) ?? at;
        origins.set(item, { file: p.file, path: [section, i] });
        if (section === 'personas') {
          const persona = item as { checklist?: object[]; flags?: object[] };
          persona.checklist?.forEach((c, j) => origins.set(c, { file: p.file, path: ['personas', i, 'checklist', j] }));
          persona.flags?.forEach((f, j) => origins.set(f, { file: p.file, path: ['personas', i, 'flags', j] }));
        }
      });
    }
    if (p.data.recap) origins.set(p.data.recap, { file: p.file, path: ['recap'] });
    if (p.data.followUp) {
      origins.set(p.data.followUp, { file: p.file, path: ['followUp'] });
      p.data.followUp.parts.forEach((part, i) => origins.set(part, { file: p.file, path: ['followUp', 'parts', i] }));
    }
    (p.data.conflicts ?? []).forEach((pair, i) => origins.set(pair, { file: p.file, path: ['conflicts', i] }));
    if (p.data.roles) origins.set(p.data.roles, { file: p.file, path: ['roles'] });
    if (p.data.terms) origins.set(p.data.terms, { file: p.file, path: ['terms'] });
  };

  /** A playbook file with its includes folded in (includes may include, never in a cycle). */
  const readWithIncludes = (file: string, chain: string[], missing?: () => Diagnostic): ParsedFile | undefined => {
    const main = readOne(file, missing);
    if (!main) return undefined;
    registerOrigins(main);
    const merged: PlaybookFile = { ...main.data };
    const top = chain[0] ?? file;
    const root = dirname(host.realpath?.(top) ?? top);
    (main.data.include ?? []).forEach((rel, i) => {
      const target = resolvePath(dirname(file), rel);
      const pos = () => main.source.locate(['include', i]); // only when reporting: positions cost a second parse
      // includes stay in the playbook's folder tree: a shared playbook must not read ~/.ssh into a diagnostic
      if (!inside(root, host.realpath?.(target) ?? target)) {
        diagnostics.push({ file, ...pos(), code: 'include-error', severity: 'error', message: `${rel} is outside the playbook's folder ${root}; it was not read`, hint: 'move the file into the playbook\'s folder (or a folder below it)' });
        return;
      }
      if (chain.includes(target) || target === file) {
        diagnostics.push({ file, ...pos(), code: 'include-error', severity: 'error', message: `${rel} includes itself (through ${[...chain, file].map((f) => f.split('/').pop()).join(' -> ')})`, hint: 'remove one of the includes' });
        return;
      }
      const part = readWithIncludes(target, [...chain, file], () => ({
        file,
        ...pos(),
        code: 'include-error',
        severity: 'error',
        message: `cannot read the included file ${rel}`,
        hint: 'the path is relative to the file that includes it',
      }));
      if (!part) return;
      for (const key of ['id', 'extends', 'title', 'version'] as const) {
        if (part.data[key] !== undefined) {
          diagnostics.push({ file: part.file, ...part.source.locateKey([key]), code: 'include-error', severity: 'warning', message: `"${key}" in an included file is ignored; it belongs in the main file ${file.split('/').pop()}` });
        }
      }
      for (const section of SECTIONS) {
        if (part.data[section]) merged[section] = [...(merged[section] ?? []), ...(part.data[section] as never[])] as never;
      }
      if (part.data.recap && !merged.recap) merged.recap = part.data.recap;
      if (part.data.followUp && !merged.followUp) merged.followUp = part.data.followUp;
      if (part.data.conflicts) merged.conflicts = [...(merged.conflicts ?? []), ...part.data.conflicts];
      if (part.data.roles && !merged.roles) merged.roles = part.data.roles;
      if (part.data.terms && !merged.terms) merged.terms = part.data.terms;
    });
    return { ...main, data: merged };
  };

  const resolveExtends = (file: string, seen: string[]): PlaybookFile | undefined => {
    const p = readWithIncludes(file, []);
    if (!p) return undefined;
    const parentId = p.data.extends;
    if (!parentId) return p.data;
    const pos = () => p.source.locate(['extends']);
    const parentFile = host.findById(parentId, file);
    if (!parentFile) {
      diagnostics.push({ file, ...pos(), code: 'extends-error', severity: 'error', message: `extends "${parentId}", but no playbook has that id`, hint: 'run `sales-coach playbook list` to see the ids' });
      return undefined;
    }
    if (seen.includes(parentId) || parentId === p.data.id) {
      diagnostics.push({ file, ...pos(), code: 'extends-error', severity: 'error', message: `extends "${parentId}", which extends this playbook again (${[...seen, parentId].join(' -> ')})`, hint: 'break the cycle' });
      return undefined;
    }
    const parent = resolveExtends(parentFile, [...seen, p.data.id ?? '?', parentId]);
    if (!parent) return undefined;
    const merged = mergeOver(parent, p.data);
    if (merged.roles && merged.roles !== parent.roles && merged.roles !== p.data.roles) origins.set(merged.roles, { file, path: ['roles'] });
    return merged;
  };

  const data = resolveExtends(entry, []);
  if (!data) return { diagnostics, sources };
  const entrySource = sources.get(entry);
  if (!data.id) {
    diagnostics.push({ file: entry, line: 1, col: 1, code: 'missing-field', severity: 'error', message: 'the playbook has no "id"', hint: 'add `id: my-playbook` at the top (an included fragment has none, but the main file must)' });
  }
  if (!data.title) {
    diagnostics.push({ file: entry, line: 1, col: 1, code: 'missing-field', severity: 'error', message: 'the playbook has no "title"', hint: 'add `title: { en: "…", zh-CN: "…" }`' });
  }
  if (!data.id || !data.title || entrySource === undefined) return { diagnostics, sources };

  const playbook: Playbook = {
    id: data.id,
    version: String(data.version ?? '0'),
    title: data.title,
    description: data.description,
    locales: data.locales ?? ['en'],
    findOutDue: data.findOutDue ?? 2,
    questions: data.questions ?? [],
    personas: data.personas ?? [],
    classes: data.classes ?? [],
    flags: data.flags ?? [],
    checklist: data.checklist ?? [],
    tips: data.tips ?? [],
    recap: data.recap,
    followUp: data.followUp,
    conflicts: data.conflicts ?? [],
    roles: data.roles ?? {},
    terms: data.terms ?? {},
    origins,
    files,
    hash: hash.digest('hex').slice(0, 16),
    brokenIds,
    damaged,
  };
  withTraditionalChinese(playbook, traditionalTables(files, host));
  diagnostics.push(...checkPlaybook(playbook, (file) => yamlSources.get(file), diagnostics.some((d) => d.severity === 'error')));
  return { playbook, diagnostics, sources, parsed: yamlSources };
}

/** The child's items replace the parent's with the same id, in place; new ones are appended. */
function mergeOver(parent: PlaybookFile, child: PlaybookFile): PlaybookFile {
  const out: PlaybookFile = { ...parent, ...stripUndefined(child) };
  for (const section of SECTIONS as readonly Section[]) {
    const base = (parent[section] ?? []) as { id: string }[];
    const over = (child[section] ?? []) as { id: string }[];
    const byId = new Map(over.map((x) => [x.id, x]));
    const merged = base.map((x) => byId.get(x.id) ?? x);
    const baseIds = new Set(base.map((x) => x.id));
    merged.push(...over.filter((x) => !baseIds.has(x.id)));
    (out as Record<string, unknown>)[section] = merged;
  }
  out.recap = child.recap ?? parent.recap;
  out.followUp = child.followUp ?? parent.followUp;
  if (parent.conflicts && child.conflicts) out.conflicts = [...parent.conflicts, ...child.conflicts];
  if (parent.roles && child.roles) {
    // one object for the checks to locate: each key at the file that wrote it
    const roles = { ...parent.roles, ...stripUndefined(child.roles) };
    out.roles = roles;
  }
  if (parent.terms && child.terms) out.terms = { ...parent.terms, ...stripUndefined(child.terms) };
  out.include = undefined;
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A playbook's file may have a zh-TW table beside it (`abcd.yaml` -> `abcd.zh-TW.json`): each zh-CN
 * text of the files it covers, converted at build time (OpenCC's Taiwan phrases plus reviewed
 * overrides: scripts/zh-tw.mjs). It is the playbook's own data, read with it through the host and
 * kept once parsed (the language server loads the same playbook again and again).
 */
const tableCache = new Map<string, { size: number; table: ReadonlyMap<string, string> }>();
function traditionalTables(files: readonly string[], host: PlaybookHost): ReadonlyMap<string, string>[] {
  const out: ReadonlyMap<string, string>[] = [];
  for (const file of files) {
    const path = file.replace(/\.ya?ml$/i, '.zh-TW.json');
    if (path === file) continue;
    const bytes = host.read(path);
    if (!(bytes instanceof Uint8Array)) continue;
    const hit = tableCache.get(path);
    if (hit && hit.size === bytes.length) {
      out.push(hit.table);
      continue;
    }
    let table = new Map<string, string>();
    try {
      const value = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
      // data, read as data: only text for text; a table of another shape is left unused
      if (value && typeof value === 'object' && !Array.isArray(value)) table = new Map(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      // not JSON: no zh-TW from it (the zh-CN text stands)
    }
    tableCache.set(path, { size: bytes.length, table });
    out.push(table);
  }
  return out;
}

/**
 * A zh-TW reader gets the build-time conversion of each zh-CN text that has no zh-TW of its own,
 * never simplified characters. Filled in here, once per load (and so cached with the playbook), so
 * that the engine's localize stays a plain lookup.
 */
function withTraditionalChinese(pb: Playbook, tables: readonly ReadonlyMap<string, string>[]): void {
  if (tables.length === 0) return;
  // Keys read in place, and no set of the nodes seen: this walk visits every node of the playbook.
  // The items are the schema's fresh copies, trees with no node shared (were one reached twice, it
  // would be filled twice to the same effect); the depth bound only keeps a surprise finite.
  const walk = (node: object, depth: number): void => {
    if (depth > 4 * MAX_DEPTH) return;
    if (Array.isArray(node)) {
      for (const x of node) if (x && typeof x === 'object') walk(x, depth + 1);
      return;
    }
    const o = node as Record<string, unknown>;
    const cn = o['zh-CN'];
    if (typeof cn === 'string' && o['zh-TW'] === undefined) {
      // a Map: a text "constructor" or "toString" is a text, not a key of an object's prototype
      for (const t of tables) {
        const tw = t.get(cn);
        if (tw !== undefined) {
          o['zh-TW'] = tw;
          break;
        }
      }
    }
    for (const k in o) {
      const v = o[k];
      if (v && typeof v === 'object' && k !== 'origins' && k !== 'brokenIds') walk(v, depth + 1);
    }
  };
  walk({ title: pb.title, description: pb.description, questions: pb.questions, personas: pb.personas, classes: pb.classes, flags: pb.flags, checklist: pb.checklist, tips: pb.tips, recap: pb.recap, followUp: pb.followUp, terms: pb.terms }, 0);
}
