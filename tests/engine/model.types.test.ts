/**
 * The engine owns the model's plain types; the loader's zod schema must produce exactly them. These
 * assertions are checked by `tsc` (npm run typecheck): a field added to one side only, or typed
 * differently, stops the build. The runtime half proves the enums the schema accepts are the model's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import * as model from '../../src/engine/model.js';
import * as schema from '../../src/playbook/schema.js';

describe('the zod schema produces the engine model', () => {
  it('item by item, at the type level', () => {
    expectTypeOf<z.infer<typeof schema.Text>>().toEqualTypeOf<model.Text>();
    expectTypeOf<z.infer<typeof schema.Condition>>().toEqualTypeOf<model.Condition>();
    expectTypeOf<z.infer<typeof schema.Mode>>().toEqualTypeOf<model.Mode>();
    expectTypeOf<z.infer<typeof schema.Option>>().toEqualTypeOf<model.Option>();
    expectTypeOf<z.infer<typeof schema.Question>>().toEqualTypeOf<model.Question>();
    expectTypeOf<z.infer<typeof schema.Flag>>().toEqualTypeOf<model.Flag>();
    expectTypeOf<z.infer<typeof schema.ChecklistItem>>().toEqualTypeOf<model.ChecklistItem>();
    expectTypeOf<z.infer<typeof schema.Advice>>().toEqualTypeOf<model.Advice>();
    expectTypeOf<z.infer<typeof schema.Persona>>().toEqualTypeOf<model.Persona>();
    expectTypeOf<z.infer<typeof schema.SelfQuestion>>().toEqualTypeOf<model.SelfQuestion>();
    expectTypeOf<z.infer<typeof schema.ClassRule>>().toEqualTypeOf<model.ClassRule>();
    expectTypeOf<z.infer<typeof schema.Recap>>().toEqualTypeOf<model.Recap>();
  });

  it('accepts exactly the model question kinds, modes and flag severities', () => {
    const q = (kind: string) => schema.Question.safeParse({ id: 'q', text: 'Q?', kind }).success;
    for (const kind of model.QUESTION_KINDS) expect(q(kind)).toBe(true);
    expect(q('slider')).toBe(false);
    expect(model.MODES.map((m) => schema.Mode.safeParse(m).success)).toEqual(model.MODES.map(() => true));
    expect(schema.Severity.safeParse('fatal').success).toBe(false);
  });
});

describe('the dependency runs one way', () => {
  it('no engine file imports the loader (src/playbook), the CLI, the UI or the store', () => {
    const dir = join(import.meta.dirname, '../../src/engine');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/from '(\.\.\/[^']+)'/g)].map((m) => `${f}: ${m[1]}`))
      .filter((imp) => /\.\.\/(playbook|cli|ui|store)\//.test(imp));
    expect(offenders).toEqual([]);
  });
});
