/**
 * Turns zod issues into diagnostics a trainer can act on: the position of the offending node (of the
 * key itself for an unknown key), what was found, what was expected, and "did you mean".
 */
import { type $ZodType, safeParse } from 'zod/v4/core';
import { closest, type Diagnostic, suggest } from './diagnostic.js';
import type { PathSegment, YamlSource } from './yaml-source.js';
import { parseSound } from './zod-fast.js';

type AnySchema = $ZodType;
interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  options?: AnySchema[];
  getter?: () => AnySchema;
  entries?: Record<string, string>;
  values?: unknown[];
  /** A record's value schema. */
  valueType?: AnySchema;
  format?: string;
  checks?: { _zod: { def: { check: string; value?: unknown; inclusive?: boolean } } }[];
}

function def(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const d = def(s);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'readonly') && d.innerType) s = d.innerType;
    else if (d.type === 'lazy' && d.getter) s = d.getter();
    else break;
  }
  return s;
}

/** The schema that governs the value at path (following the branch of a union that fits the value). */
function schemaAt(schema: AnySchema, path: readonly PathSegment[], value: unknown): AnySchema | undefined {
  let s: AnySchema | undefined = unwrap(schema);
  let v = value;
  for (const seg of path) {
    if (!s) return undefined;
    s = pickBranch(s, v);
    const d = def(s);
    if (d.type === 'object' && d.shape && typeof seg === 'string') s = d.shape[seg] ? unwrap(d.shape[seg]) : undefined;
    else if (d.type === 'array' && d.element) s = unwrap(d.element);
    else if (d.type === 'record' && d.valueType) s = unwrap(d.valueType);
    else return undefined;
    v = v && typeof v === 'object' ? (v as Record<PathSegment, unknown>)[seg] : undefined;
  }
  return s ? pickBranch(s, v) : undefined;
}

function pickBranch(schema: AnySchema, value: unknown): AnySchema {
  const s = unwrap(schema);
  const d = def(s);
  if (d.type !== 'union' || !d.options) return s;
  const wantObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  const wantArray = Array.isArray(value);
  for (const o of d.options) {
    const t = def(unwrap(o)).type;
    if ((wantObject && t === 'object') || (wantArray && t === 'array')) return unwrap(o);
  }
  return s;
}

function describeType(value: unknown): string {
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

function expectedName(schema: AnySchema | undefined, fallback: string): string {
  if (!schema) return fallback;
  const d = def(unwrap(schema));
  switch (d.type) {
    case 'object':
      return 'a mapping';
    case 'record':
      return `a mapping of keys to ${d.valueType ? expectedName(d.valueType, 'values') : 'values'}`;
    case 'array':
      return 'a list';
    case 'string':
      return 'a string';
    case 'number': {
      const whole = d.format === 'safeint' || d.format === 'int32';
      const bound = (name: string) => d.checks?.map((c) => c._zod.def).find((c) => c.check === name && c.inclusive)?.value;
      const [min, max] = [bound('greater_than'), bound('less_than')];
      const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` of at least ${min}` : max !== undefined ? ` of at most ${max}` : '';
      return `${whole ? 'a whole number' : 'a number'}${range}`;
    }
    case 'literal':
      return (d.values ?? []).map((v) => JSON.stringify(v)).join(' or ');
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${Object.values(d.entries ?? {}).map((e) => `"${e}"`).join(', ')}`;
    case 'union': {
      const names = (d.options ?? []).map((o) => expectedName(o, '?'));
      return [...new Set(names)].join(' or ');
    }
    default:
      return fallback;
  }
}

/** A readable place: `questions[2] ("budget").when`. */
export function describePath(path: readonly PathSegment[], root: unknown): string {
  if (path.length === 0) return 'the top level';
  let out = '';
  let v: unknown = root;
  for (const seg of path) {
    const next = v && typeof v === 'object' ? (v as Record<PathSegment, unknown>)[seg] : undefined;
    if (typeof seg === 'number') {
      const idv = next && typeof next === 'object' && !Array.isArray(next) ? (next as Record<string, unknown>).id : undefined;
      out += `[${seg}]${typeof idv === 'string' ? ` ("${idv}")` : ''}`;
    } else out += out ? `.${seg}` : seg;
    v = next;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v = root;
  for (const seg of path) v = v && typeof v === 'object' ? (v as Record<PathSegment, unknown>)[seg] : undefined;
  return v;
}

interface Issue {
  code: string;
  path: PathSegment[];
  message: string;
  keys?: string[];
  expected?: string;
  errors?: Issue[][];
  values?: unknown[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/**
 * Diagnostics for everything wrong with the value at `prefix`, and `faults`: the paths (relative to
 * `prefix`) of the offending fields, so a caller can salvage the rest of an item.
 */
export function validateWithSchema<T>(
  schema: $ZodType<T>,
  source: YamlSource,
  prefix: readonly PathSegment[] = [],
): { data?: T; diagnostics: Diagnostic[]; faults: PathSegment[][] } {
  const value = valueAt(source.value, prefix);
  const sound = parseSound(schema, value);
  if (sound) return { data: sound.data, diagnostics: [], faults: [] };
  const result = safeParse(schema, value);
  if (result.success) return { data: result.data, diagnostics: [], faults: [] };
  const diagnostics: Diagnostic[] = [];
  const faults: PathSegment[][] = [];
  const issues = result.error.issues as unknown as Issue[];
  // a misspelt required key is one mistake, not two: "unknown key txet" says "did you mean text?",
  // so "missing text" beside it is its echo
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const here = schemaAt(schema, issue.path, valueAt(source.value, prefix));
    const allowed = here && def(here).type === 'object' ? Object.keys(def(here).shape ?? {}) : [];
    for (const key of issue.keys ?? []) {
      const meant = closest(key, allowed);
      if (meant) misspelt.add(JSON.stringify([...issue.path, meant]));
    }
  }
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys' && misspelt.has(JSON.stringify(issue.path)) && valueAt(source.value, [...prefix, ...issue.path]) === undefined) {
      faults.push(issue.path);
      continue;
    }
    collect(schema, source, prefix, issue, diagnostics);
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys ?? []) faults.push([...issue.path, key]);
    else faults.push(issue.path);
  }
  return { diagnostics, faults };
}

function collect(root: AnySchema, source: YamlSource, prefix: readonly PathSegment[], issue: Issue, out: Diagnostic[]): void {
  const file = source.file;
  const rel = issue.path as PathSegment[];
  const path = [...prefix, ...rel];
  const value = valueAt(source.value, path);
  const where = describePath(path, source.value);
  const base = (code: Diagnostic['code'], pos: { line: number; col: number; endCol?: number }, message: string, hint?: string) =>
    out.push({ file, ...pos, code, severity: 'error', message, hint });

  if (value === undefined && issue.code !== 'unrecognized_keys' && rel.length > 0) {
    const field = rel[rel.length - 1];
    const parent = path.slice(0, -1);
    out.push({
      file,
      ...source.locateKey(parent),
      code: 'missing-field',
      severity: 'error',
      message: `${describePath(parent, source.value)} is missing "${String(field)}" (${expectedName(schemaAt(root, rel, valueAt(source.value, prefix)), issue.expected ?? 'a value')})`,
      hint: `add ${String(field)}: …`,
    });
    return;
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const here = schemaAt(root, rel, valueAt(source.value, prefix));
      const allowed = here && def(here).type === 'object' ? Object.keys(def(here).shape ?? {}) : [];
      for (const key of issue.keys ?? []) {
        const pos = source.locateKey([...path, key]);
        if (key === '<<') {
          base('unknown-key', pos, `merge keys (<<) are not supported in ${where}`, 'write the fields out, or share whole files with include:');
        } else {
          base('unknown-key', pos, `unknown key "${key}" in ${where}`, suggest(key, allowed, 'one of'));
        }
      }
      return;
    }
    case 'invalid_union': {
      // Report the branch that matches the value's shape (a mapping for a localised text, …).
      const branches = issue.errors ?? [];
      const fitting = branches.find((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (fitting && fitting.length > 0 && (value === null || typeof value !== 'object')) {
        // a scalar that no branch takes: name every form the field accepts, not the nearest branch's
        const expected = expectedName(schemaAt(root, rel, valueAt(source.value, prefix)), 'another value');
        base('invalid-value', source.locate(path), `${where}: ${describeType(value)} is not allowed`, `expected ${expected}`);
        return;
      }
      if (fitting && fitting.length > 0) {
        for (const sub of fitting) collect(root, source, prefix, { ...sub, path: [...rel, ...sub.path] }, out);
        return;
      }
      const expected = expectedName(schemaAt(root, rel, valueAt(source.value, prefix)), 'another type');
      base('wrong-type', source.locate(path), `${where}: expected ${expected}, found ${describeType(value)}`,
        value === null ? 'an empty value is null in YAML: give the value, or remove the key' : undefined);
      return;
    }
    case 'invalid_type': {
      {
        const expected = expectedName(schemaAt(root, rel, valueAt(source.value, prefix)), issue.expected ?? 'another type');
        base('wrong-type', source.locate(path), `${where}: expected ${expected}, found ${describeType(value)}`,
          value === null ? 'an empty value is null in YAML: give the value, or remove the key' : undefined);
      }
      return;
    }
    case 'invalid_value': {
      const choices = (issue.values ?? []).map(String);
      base('invalid-value', source.locate(path), `${where}: ${describeType(value)} is not allowed`, suggest(String(value), choices, 'one of'));
      return;
    }
    case 'too_big':
    case 'too_small': {
      const bound = issue.code === 'too_big' ? `at most ${issue.maximum}` : `at least ${issue.minimum}`;
      // the hint names every form the field takes (a range, and "deadline" where a word is allowed too)
      const forms = expectedName(schemaAt(root, rel, valueAt(source.value, prefix)), '');
      base('invalid-value', source.locate(path), `${where}: ${describeType(value)} is out of range; expected ${bound}`, forms ? `expected ${forms}` : undefined);
      return;
    }
    default:
      base('invalid-value', source.locate(path), `${where}: ${issue.message.replace(/^Invalid input: /, '')}${issue.message === 'Invalid input' ? ` (${describeType(value)})` : ''}`);
  }
}
