/**
 * A translator's workflow: every text of a playbook out as units a translation tool reads (PO or
 * XLIFF), and the translated units back into the playbook's own YAML files, edited in place.
 *
 * The core is pure: it takes the loaded playbook and the files' text, and returns units, a plan and
 * edited texts as data; reading and writing files is the command's (src/cli/playbook-strings.ts).
 *
 * A unit's id is the item's section and id and the path to the text inside it, with list entries
 * named by their own id or option value where they have one (`questions/budget/options/no/label`),
 * so it holds when items are reordered. The unit keeps the English source it was made from: on
 * import a source that no longer matches the playbook's English text is stale, and not written.
 */
import { dirname, resolve } from 'node:path';
import { type Document, isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { PathSegment, Playbook } from '../engine/model.js';
import type { Locale } from '../engine/model.js';
import { eachText } from './walk.js';

export type StringsFormat = 'po' | 'xliff';

/** One text of the playbook, where it is written and what it says now. */
export interface StringUnit {
  /** Stable id, e.g. `questions/budget/options/no/label`, `title`. */
  id: string;
  file: string;
  /** Path of the text's node inside its file's YAML. */
  yamlPath: PathSegment[];
  /** 1-based line of the text in its file, for the translator's reference. */
  line: number;
  /** The English text (a plain string text counts as English). */
  source: string;
  /** The target locale's text in the file now, if any. */
  target?: string;
  /** Placeholders the text uses ({answers.budget}), which a translation must keep. */
  placeholders: string[];
  /** Pre-filled by a conversion (zh-CN -> zh-TW), to be reviewed. */
  fuzzy?: boolean;
}

/** A playbook file as text and as a YAML document with positions. */
export interface SourceFile {
  file: string;
  text: string;
  doc: Document;
}

/** The entry file and the files it includes (not a parent's: `extends` reads another playbook). */
export function ownFiles(entry: string, read: (file: string) => string | undefined): SourceFile[] {
  const out: SourceFile[] = [];
  const visit = (file: string) => {
    if (out.some((f) => f.file === file)) return;
    const text = read(file);
    if (text === undefined) return;
    const doc = parseDocument(text);
    out.push({ file, text, doc });
    const include = doc.toJS()?.include;
    if (Array.isArray(include)) for (const rel of include) if (typeof rel === 'string') visit(resolve(dirname(file), rel));
  };
  visit(entry);
  return out;
}

const PLACEHOLDER = /\{[A-Za-z][\w.-]*\}/g;
export const placeholdersOf = (s: string): string[] => [...new Set(s.match(PLACEHOLDER) ?? [])].sort();

/**
 * Every text of the playbook written in its own files, in the order the walk visits them. Items a
 * parent playbook brings in (`extends`) are left out: their texts are written in the parent's files.
 */
export function collectUnits(pb: Playbook, files: readonly SourceFile[], locale: Locale): StringUnit[] {
  const byFile = new Map(files.map((f) => [f.file, f]));
  const entry = files[0];
  const units: StringUnit[] = [];
  const seen = new Set<string>();
  eachText(pb, (_text, site) => {
    const origin = pb.origins.get(site.item);
    const f = origin ? byFile.get(origin.file) : entry;
    if (!f) return;
    const yamlPath = [...(origin?.path ?? []), ...site.path];
    const node = f.doc.getIn(yamlPath, true);
    let source: string | undefined;
    let target: string | undefined;
    if (isScalar(node) && typeof node.value === 'string') source = node.value;
    else if (isMap(node)) {
      const js = node.toJSON() as Record<string, unknown>;
      if (typeof js.en === 'string') source = js.en;
      if (typeof js[locale] === 'string') target = js[locale] as string;
    }
    const range = isScalar(node) || isMap(node) ? node.range : undefined;
    if (source === undefined || !range) return; // no English to translate from
    const id = unitId(f.doc, yamlPath);
    if (seen.has(id)) return;
    seen.add(id);
    units.push({ id, file: f.file, yamlPath, line: lineOf(f.text, range[0]), source, target, placeholders: placeholdersOf(source) });
  });
  return units;
}

/** A list entry is named by its id (or an option's value) where it has one, else by its index. */
function unitId(doc: Document, path: PathSegment[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (typeof seg === 'number') {
      const parent = doc.getIn(path.slice(0, i), true);
      const el = isSeq(parent) ? parent.items[seg] : undefined;
      const named = isMap(el) ? (el.get('id') ?? el.get('value')) : undefined;
      parts.push(typeof named === 'string' ? named : String(seg));
    } else parts.push(seg);
  }
  return parts.join('/');
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** 1-based line and column of the first occurrence of `needle` (1:1 when absent). */
export function positionOf(text: string, needle: string, from = 0): { line: number; col: number } {
  const at = text.indexOf(needle, from);
  if (at < 0) return { line: 1, col: 1 };
  const line = lineOf(text, at);
  return { line, col: at - text.lastIndexOf('\n', at - 1) };
}

/** One unit read back from a translation file. */
export interface TranslatedUnit {
  id: string;
  source: string;
  /** Empty or absent: not translated. */
  target?: string;
  fuzzy?: boolean;
  line: number;
  col: number;
}

export interface TranslationFile {
  locale?: string;
  units: TranslatedUnit[];
}

/** A problem in a translation file, at its place. */
export interface StringsProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export interface ImportPlan {
  /** Units whose translation is written (it differs from the file's text now). */
  writes: { unit: StringUnit; text: string }[];
  /** Translated as the file has it already. */
  unchanged: StringUnit[];
  /** No translation (absent, empty, or fuzzy: not reviewed). */
  missing: StringUnit[];
  /** The source changed since it was translated, or the text is gone from the playbook. */
  stale: { unit?: StringUnit; translated: TranslatedUnit; reason: string }[];
  /** Translations that drop or invent a placeholder: not written. */
  broken: { unit: StringUnit; translated: TranslatedUnit; reason: string }[];
}

/** What an import would do: pure, so --dry-run and the real run report the same plan. */
export function planImport(units: readonly StringUnit[], translated: readonly TranslatedUnit[]): ImportPlan {
  const plan: ImportPlan = { writes: [], unchanged: [], missing: [], stale: [], broken: [] };
  const byId = new Map(translated.map((t) => [t.id, t]));
  const known = new Set(units.map((u) => u.id));
  for (const u of units) {
    const t = byId.get(u.id);
    if (!t?.target || t.fuzzy) {
      plan.missing.push(u);
      continue;
    }
    if (t.source !== u.source) {
      plan.stale.push({ unit: u, translated: t, reason: `the English text changed since it was translated: was "${t.source}", now "${u.source}"` });
      continue;
    }
    const want = u.placeholders.join(' ');
    const got = placeholdersOf(t.target).join(' ');
    if (want !== got) {
      plan.broken.push({ unit: u, translated: t, reason: `the placeholders differ: the English has ${want || 'none'}, the translation ${got || 'none'}` });
      continue;
    }
    if (t.target === u.target) plan.unchanged.push(u);
    else plan.writes.push({ unit: u, text: t.target });
  }
  for (const t of translated) if (!known.has(t.id)) plan.stale.push({ translated: t, reason: 'no such text in the playbook any more (removed or renamed)' });
  return plan;
}

/**
 * The file's text with each write applied as a small edit at the text's node: a plain string becomes
 * `{ en: …, zh-CN: … }` in place, a map gets its locale's value replaced or a new line (or a new
 * flow entry) after its last one. Every other byte of the file stays as the trainer wrote it.
 */
export function applyWrites(f: SourceFile, writes: readonly { unit: StringUnit; text: string }[], locale: Locale): string {
  const edits: { from: number; to: number; text: string }[] = [];
  const q = (s: string) => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar
  for (const w of writes) {
    const node = f.doc.getIn(w.unit.yamlPath, true);
    if (isScalar(node) && node.range) {
      edits.push(replaceValue(f.text, node.range, `{ en: ${q(String(node.value))}, ${locale}: ${q(w.text)} }`));
    } else if (isMap(node) && node.range) {
      const map = node as YAMLMap;
      const pair = map.items.find((p) => isScalar(p.key) && p.key.value === locale);
      if (pair && isScalar(pair.value) && pair.value.range) {
        edits.push(replaceValue(f.text, pair.value.range, q(w.text)));
      } else if (map.flow) {
        const close = f.text.lastIndexOf('}', node.range[1]);
        const inner = f.text.slice(node.range[0] + 1, close).trimEnd();
        const at = node.range[0] + 1 + inner.length;
        edits.push({ from: at, to: at, text: `${inner.trim() ? ',' : ''} ${locale}: ${q(w.text)}` });
      } else {
        const first = map.items[0]?.key as { range?: [number, number, number] } | undefined;
        const keyAt = first?.range?.[0] ?? node.range[0];
        const indent = ' '.repeat(keyAt - (f.text.lastIndexOf('\n', keyAt - 1) + 1));
        const last = map.items[map.items.length - 1]?.value as { range?: [number, number, number] } | undefined;
        let at = last?.range?.[1] ?? node.range[1];
        while (at > node.range[0] && (f.text[at - 1] === '\n' || f.text[at - 1] === '\r')) at--;
        // the end of the last value's line: past a comment that ends it
        const eol = f.text.indexOf('\n', at);
        at = eol < 0 ? f.text.length : f.text[eol - 1] === '\r' ? eol - 1 : eol;
        edits.push({ from: at, to: at, text: `\n${indent}${locale}: ${q(w.text)}` });
      }
    }
  }
  let text = f.text;
  for (const e of edits.sort((a, b) => b.from - a.from)) text = text.slice(0, e.from) + e.text + text.slice(e.to);
  return text;
}

/** Replace a scalar's value; a block scalar's trailing line break stays, so the next key keeps its line. */
function replaceValue(text: string, range: [number, number, number], value: string): { from: number; to: number; text: string } {
  let to = range[1];
  while (to > range[0] && (text[to - 1] === '\n' || text[to - 1] === '\r')) to--;
  return { from: range[0], to, text: value };
}
