/**
 * The sound value's short way through a zod schema. zod without generated code (we run none) spends
 * most of a 10k-question `playbook validate` on bookkeeping for issues a sound file never has: a
 * payload and an issue list per node, every optional key of every condition visited. This walks the
 * same schema definition with plain closures, built once per schema, and gives either zod's own
 * output (a fresh copy, keys in the schema's order, unknown keys of a stripping object left out) or
 * "not sure". Not sure is the answer for any value zod might refuse and for any part of a schema it
 * does not know exactly, and the caller then asks zod itself, which also words the diagnostics. So
 * it can only be faster, never more lenient: tests/core/zod-fast.test.ts holds it to zod's verdict
 * and output over every schema of the playbook format and thousands of mutated values.
 */
import { type $ZodType, globalConfig } from 'zod/v4/core';

const NOT_SURE: unique symbol = Symbol('not sure');
type Parse = (value: unknown) => unknown;

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: unknown;
  inclusive?: boolean;
  when?: unknown;
}
interface Def {
  type: string;
  check?: string;
  format?: string;
  coerce?: boolean;
  shape?: Record<string, $ZodType>;
  catchall?: $ZodType;
  element?: $ZodType;
  /** A tuple's items, and the schema of any items past them. */
  items?: $ZodType[];
  rest?: $ZodType | null;
  innerType?: $ZodType;
  options?: $ZodType[];
  getter?: () => $ZodType;
  inclusive?: boolean;
  discriminator?: string;
  values?: unknown[];
  checks?: { _zod: { def: CheckDef } }[];
}

interface Internals {
  def: Def;
  traits: Set<string>;
  values?: Set<unknown>;
  innerType?: $ZodType;
}
const internals = (schema: $ZodType): Internals => (schema as unknown as { _zod: Internals })._zod;
const defOf = (schema: $ZodType): Def => internals(schema).def;

/** The parts of one schema followed at most: past them, zod does it all. */
const MAX_PARTS = 2000;

/** Schema -> its short way, or null when some part of it is not known here (then zod does it all). */
const compiled = new WeakMap<object, Parse | null>();

/**
 * zod's output for a value it accepts without an issue, or undefined when that is not certain here
 * (the value may have a fault, or the schema holds a kind this does not follow): ask zod then.
 */
export function parseSound<T>(schema: $ZodType<T>, value: unknown): { data: T } | undefined {
  let parse = compiled.get(schema);
  if (parse === undefined) {
    const made = new Map<object, Parse>();
    parse = compile(schema, new Map(), made);
    // the parts are shared by the schemas that hold them (a condition is in most items): kept, once
    // the whole is known sound, since a part inside a cycle calls back into the whole
    if (parse) for (const [s, p] of made) compiled.set(s, p);
    compiled.set(schema, parse);
  }
  // zod with a memoizer (classic zod installs one) shares what repeats in a value, and follows a
  // value that contains itself: not this
  if (!parse || (globalConfig as { memoizer?: unknown }).memoizer) return undefined;
  let out: unknown;
  try {
    out = parse(value);
  } catch {
    // a value nested beyond the stack (the readers bound depth long before): zod's to judge
    return undefined;
  }
  return out === NOT_SURE ? undefined : { data: out as T };
}

/** A value check of the schema's own checks (a refinement zod runs after the type test). */
type Test = (value: never) => boolean;

type Building = Map<object, { parse?: Parse }>;

function compile(schema: $ZodType, building: Building, made: Map<object, Parse>): Parse | null {
  if (compiled.has(schema)) return compiled.get(schema) ?? null;
  const done = made.get(schema);
  if (done !== undefined) return done;
  // a recursive schema (a condition holds conditions) refers to itself while it is being built
  const cycle = building.get(schema);
  if (cycle) return (v) => (cycle.parse as Parse)(v);
  // a schema made anew by each call of its getter never meets itself: a bound, not a cycle
  if (made.size + building.size > MAX_PARTS) return null;
  const slot: { parse?: Parse } = {};
  building.set(schema, slot);
  const parse = compileDef(schema, building, made);
  building.delete(schema);
  if (parse) {
    slot.parse = parse;
    made.set(schema, parse);
  }
  return parse;
}

function compileDef(schema: $ZodType, building: Building, made: Map<object, Parse>): Parse | null {
  const d = defOf(schema);
  if (d.coerce) return null;
  const tests = checksOf(d);
  if (!tests) return null;
  const passes = tests.length === 0 ? undefined : (v: unknown) => tests.every((t) => t(v as never));
  const leaf = (typeTest: (v: unknown) => boolean): Parse => (passes ? (v) => (typeTest(v) && passes(v) ? v : NOT_SURE) : (v) => (typeTest(v) ? v : NOT_SURE));
  switch (d.type) {
    case 'string':
      return leaf((v) => typeof v === 'string');
    case 'number':
      return leaf((v) => typeof v === 'number' && Number.isFinite(v));
    case 'boolean':
      return leaf((v) => typeof v === 'boolean');
    case 'enum': {
      // zod's own set (a numeric TypeScript enum's names are not among its values)
      const values = internals(schema).values;
      if (!values || values.has(undefined)) return null;
      return leaf((v) => values.has(v));
    }
    case 'literal': {
      // an absent key is not the value undefined to zod (it asks for the key): not followed here
      if (!d.values || d.values.includes(undefined)) return null;
      const values = new Set(d.values);
      return leaf((v) => values.has(v));
    }
    case 'optional': {
      // an exact optional refuses a key that is there with no value: not followed here
      if (passes || !d.innerType || internals(schema).traits.has('$ZodExactOptional')) return null;
      const inner = compile(d.innerType, building, made);
      return inner && ((v) => (v === undefined ? undefined : inner(v)));
    }
    case 'lazy': {
      // the inner schema zod itself resolved and keeps (a getter may make a new one at each call)
      const inner = internals(schema).innerType;
      if (passes || !inner) return null;
      return compile(inner, building, made);
    }
    case 'union': {
      // only the plain union, which keeps the first option that accepts: an exclusive one (z.xor)
      // and a discriminated one decide otherwise
      if (!d.options || d.options.length === 0 || d.inclusive === false || d.discriminator !== undefined || internals(schema).traits.has('$ZodDiscriminatedUnion')) return null;
      const options: Parse[] = [];
      for (const o of d.options) {
        const p = compile(o, building, made);
        if (!p) return null;
        options.push(p);
      }
      // zod keeps the first option that accepts the value; each short way here is exact, so the
      // first that is sure is that same option
      const union: Parse = (v) => {
        for (const o of options) {
          const out = o(v);
          if (out !== NOT_SURE) return out;
        }
        return NOT_SURE;
      };
      return passes ? (v) => { const out = union(v); return out !== NOT_SURE && passes(out) ? out : NOT_SURE; } : union;
    }
    case 'array': {
      if (passes || !d.element) return null;
      const element = compile(d.element, building, made);
      if (!element) return null;
      return (v) => {
        if (!Array.isArray(v)) return NOT_SURE;
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const x = element(v[i]);
          if (x === NOT_SURE) return NOT_SURE;
          out[i] = x;
        }
        return out;
      };
    }
    case 'tuple': {
      // only the exact length (no rest): a shorter array is zod's to judge, optional items and all
      if (passes || !d.items || d.rest) return null;
      const items = d.items.map((x) => compile(x, building, made));
      if (items.some((x) => !x)) return null;
      return (v) => {
        if (!Array.isArray(v) || v.length !== items.length) return NOT_SURE;
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const x = (items[i] as Parse)(v[i]);
          if (x === NOT_SURE) return NOT_SURE;
          out[i] = x;
        }
        return out;
      };
    }
    case 'object':
      return passes ? null : compileObject(d, building, made);
    default:
      return null;
  }
}

function compileObject(d: Def, building: Building, made: Map<object, Parse>): Parse | null {
  if (!d.shape) return null;
  const strict = d.catchall !== undefined;
  if (strict && defOf(d.catchall as $ZodType).type !== 'never') return null;
  const keys = Object.keys(d.shape).filter((k) => k !== '__proto__');
  if (Object.getOwnPropertySymbols(d.shape).length > 0) return null;
  const known = new Set(Object.keys(d.shape));
  const fields: Parse[] = [];
  for (const k of keys) {
    const p = compile(d.shape[k], building, made);
    if (!p) return null;
    fields.push(p);
  }
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return NOT_SURE;
    const input = v as Record<string, unknown>;
    if (strict) for (const k in input) if (!known.has(k)) return NOT_SURE;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const x = fields[i](input[k]);
      if (x === NOT_SURE) return NOT_SURE;
      // zod leaves an absent optional key absent, and keeps a key that is there with no value
      if (x !== undefined || k in input) out[k] = x;
    }
    return out;
  };
}

/** The schema's refinements as plain tests, or null when one is of a kind not followed here. */
function checksOf(d: Def): Test[] | null {
  const tests: Test[] = [];
  // a number format (z.int()) is its own check
  if (d.check !== undefined) {
    if (d.check !== 'number_format' || d.format !== 'safeint') return null;
    tests.push((v: number) => Number.isSafeInteger(v));
  }
  for (const c of d.checks ?? []) {
    const cd = c._zod.def;
    if (cd.when !== undefined) return null;
    switch (cd.check) {
      case 'describe':
        break;
      case 'string_format': {
        const pattern = cd.pattern;
        if (cd.format !== 'regex' || !pattern) return null;
        tests.push((v: string) => {
          pattern.lastIndex = 0;
          return pattern.test(v);
        });
        break;
      }
      case 'greater_than': {
        if (typeof cd.value !== 'number') return null;
        const min = cd.value;
        tests.push(cd.inclusive ? (v: number) => v >= min : (v: number) => v > min);
        break;
      }
      case 'less_than': {
        if (typeof cd.value !== 'number') return null;
        const max = cd.value;
        tests.push(cd.inclusive ? (v: number) => v <= max : (v: number) => v < max);
        break;
      }
      case 'number_format':
        if (cd.format !== 'safeint') return null;
        tests.push((v: number) => Number.isSafeInteger(v));
        break;
      default:
        return null;
    }
  }
  return tests;
}
