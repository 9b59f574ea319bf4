/**
 * The short way through a schema (src/core/zod-fast.ts) against zod itself: over every schema of the
 * playbook format, every item of the built-in playbook and thousands of seeded mutations of them,
 * whenever the short way answers, zod accepts the same value and gives the same output, keys in the
 * same order; and for the playbook schemas (all of them kinds it follows) it answers for every value
 * zod accepts, so `playbook validate` really takes it. Seeded: a failure names its case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, CORE_SCHEMA } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type $ZodType, safeParse } from 'zod/v4/core';
import { parseSound } from '../../src/core/zod-fast.js';
import { AnswersFileSchema } from '../../src/playbook/answers-schema.js';
import * as playbook from '../../src/playbook/schema.js';
import { TestFile } from '../../src/playbook/test-file.js';

const root = join(import.meta.dirname, '..', '..');
const yaml = (rel: string) => load(readFileSync(join(root, rel), 'utf8'), { schema: CORE_SCHEMA }) as Record<string, unknown>;
const files = ['playbooks/abcd.yaml', 'playbooks/abcd/questions.yaml', 'playbooks/abcd/classes.yaml', 'playbooks/abcd/personas.yaml', 'playbooks/abcd/coaching.yaml'].map(yaml);

const SECTIONS = { questions: playbook.Question, personas: playbook.Persona, classes: playbook.ClassRule, flags: playbook.Flag, checklist: playbook.ChecklistItem, tips: playbook.Advice } as const;

/** Every item of the built-in playbook with its schema, and each file without its sections. */
function samples(): [$ZodType, unknown][] {
  const out: [$ZodType, unknown][] = [];
  for (const f of files) {
    for (const [section, schema] of Object.entries(SECTIONS)) for (const item of (f[section] as unknown[] | undefined) ?? []) out.push([schema as $ZodType, item]);
    for (const item of ((f.personas as { checklist?: unknown[] }[] | undefined) ?? []).flatMap((p) => p.checklist ?? [])) out.push([playbook.ChecklistItem as $ZodType, item]);
    if (f.roles) out.push([playbook.Roles as $ZodType, f.roles]);
    if (f.recap) out.push([playbook.Recap as $ZodType, f.recap]);
    out.push([playbook.PlaybookFile as $ZodType, Object.fromEntries(Object.entries(f).filter(([k]) => !(k in SECTIONS)))]);
  }
  return out;
}

/** Key order is part of the output (a printed item shows its keys in the schema's order). */
const ordered = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(ordered) : v && typeof v === 'object' ? Object.entries(v).map(([k, x]) => [k, ordered(x)]) : v === undefined ? '<undefined>' : v;

function agree(schema: $ZodType, value: unknown, label: string): 'sure' | 'unsure' {
  const fast = parseSound(schema, value);
  const slow = safeParse(schema, value);
  if (fast) {
    expect(slow.success, `${label}: the short way accepted what zod refuses: ${JSON.stringify(value)}`).toBe(true);
    expect(ordered(fast.data), label).toEqual(ordered(slow.data));
    expect(fast.data, `${label}: a copy, as zod's is`).not.toBe(value);
    return 'sure';
  }
  return 'unsure';
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES: unknown[] = [null, 0, -1, 1.5, 366, -366, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, '', 'x', '1x', 'a b', 'deadline', 'yes', 'single', 'prep', 'A', true, false, [], ['x'], [1], {}, { en: 'x' }, { 'zh-CN': 1 }, { question: 'x' }, undefined];
const ODD_KEYS = ['txet', 'constructor', 'toString', '__proto__', 'extra', 'en', 'when', 'all'];

/** A copy of value with one node changed: removed, replaced by an odd value, or given an odd key. */
function mutate(value: unknown, next: () => number): unknown {
  const copy = structuredClone(value);
  const nodes: { parent: Record<string | number, unknown>; key: string | number }[] = [];
  const objects: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        nodes.push({ parent: v as never, key: i });
        walk(x);
      });
    }
    else if (v && typeof v === 'object') {
      objects.push(v as Record<string, unknown>);
      for (const [k, x] of Object.entries(v)) {
        nodes.push({ parent: v as never, key: k });
        walk(x);
      }
    }
  };
  walk(copy);
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  const how = next();
  if (how < 0.2 && objects.length > 0) {
    const o = pick(objects);
    Object.defineProperty(o, pick(ODD_KEYS), { value: pick(ODD_VALUES), enumerable: true, configurable: true, writable: true });
  } else if (nodes.length > 0) {
    const n = pick(nodes);
    if (how < 0.35 && !Array.isArray(n.parent)) delete n.parent[n.key];
    else n.parent[n.key] = pick(ODD_VALUES);
  } else return pick(ODD_VALUES);
  return copy;
}

describe('the short way through a schema agrees with zod', () => {
  it('takes every sound item of the built-in playbook, with zod\'s output', () => {
    const all = samples();
    expect(all.length).toBeGreaterThan(100);
    for (const [i, [schema, value]] of all.entries()) expect(agree(schema, value, `sample ${i}`), `sample ${i} is sound and should be taken`).toBe('sure');
  });

  it('never accepts what zod refuses, nor differs from its output, over 20,000 mutated items', () => {
    const all = samples();
    const next = rng(20261205);
    let refused = 0;
    let sure = 0;
    for (let n = 0; n < 20_000; n++) {
      const [schema, value] = all[Math.floor(next() * all.length)];
      const changed = mutate(value, next);
      const verdict = agree(schema, changed, `mutation ${n}`);
      if (verdict === 'sure') sure++;
      else {
        // unsure only where zod refuses: for these schemas, the short way knows every kind
        expect(safeParse(schema, changed).success, `mutation ${n}: zod accepts ${JSON.stringify(changed)} but the short way was not sure`).toBe(false);
        refused++;
      }
    }
    // both sides were exercised
    expect(refused).toBeGreaterThan(2000);
    expect(sure).toBeGreaterThan(2000);
  });

  it('follows the answers-file and test-file schemas where it knows their kinds, and leaves the rest to zod', () => {
    const answers = { mode: 'prep', account: 'Acme', answers: { budget: 'yes' } };
    // a record of unknown values is not a kind it follows: zod decides
    expect(parseSound(AnswersFileSchema as $ZodType, answers)).toBeUndefined();
    const tests = yaml('playbooks/abcd/abcd.test.yaml');
    agree(TestFile as $ZodType, tests, 'the built-in test file');
  });

  it('leaves to zod any refinement it does not know', () => {
    const email = z.string().check(z.email());
    expect(parseSound(email, 'a@b.co')).toBeUndefined();
    const short = z.array(z.string()).check(z.maxLength(1));
    expect(parseSound(short, ['a', 'b'])).toBeUndefined();
    expect(safeParse(short, ['a', 'b']).success).toBe(false);
    const piped = z.pipe(z.string(), z.transform((s: string) => s.length));
    expect(parseSound(piped, 'abc')).toBeUndefined();
  });

  it('leaves to zod the schema kinds that look like those it follows but decide otherwise', () => {
    // found by an adversarial pass: each was answered, wrongly, before
    const cases: [string, $ZodType, unknown][] = [
      ['an exact optional key that is there with no value', z.strictObject({ a: z.exactOptional(z.string()) }), { a: undefined }],
      ['an exclusive union that two options fit', z.xor([z.object({ a: z.string() }), z.object({ b: z.string() })]), { a: 'x', b: 'y' }],
      ['a discriminated union without its tag', z.discriminatedUnion('k', [z.object({ k: z.optional(z.literal('a')) }), z.object({ k: z.optional(z.literal('b')) })]), {}],
      ['a numeric enum given a name', z.enum({ A: 0, B: 1, 0: 'A', 1: 'B' } as never), 'A'],
      ['an enum holding undefined, its key absent', z.strictObject({ e: z.enum({ a: undefined } as never) }), {}],
    ];
    for (const [what, schema, value] of cases) {
      const zod = (() => {
        try {
          return safeParse(schema, value).success;
        } catch {
          return false;
        }
      })();
      expect(zod, what).toBe(false);
      expect(parseSound(schema, value), what).toBeUndefined();
    }
  });

  it('follows a schema that a factory makes anew at each level without end, or leaves it to zod', () => {
    const node = (): $ZodType => z.object({ sub: z.optional(z.array(z.lazy(node))) });
    const schema = node();
    const value = { sub: [{ sub: [{}] }] };
    expect(safeParse(schema, value).success).toBe(true);
    const fast = parseSound(schema, value);
    if (fast) expect(fast.data).toEqual(value);
  });

  it('gives a stripping object\'s output without the unknown keys, as zod does', () => {
    const loose = z.object({ a: z.string(), b: z.optional(z.int().check(z.minimum(0))) });
    expect(parseSound(loose, { b: 2, x: 1, a: 'a' })?.data).toEqual({ a: 'a', b: 2 });
    expect(Object.keys(parseSound(loose, { b: 2, x: 1, a: 'a' })?.data ?? {})).toEqual(['a', 'b']);
    expect(parseSound(loose, { a: 'a', b: -1 })).toBeUndefined();
    expect(parseSound(loose, { a: 'a', b: 1.5 })).toBeUndefined();
  });
});
