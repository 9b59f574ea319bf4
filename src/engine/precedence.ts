/**
 * Precedence between the items of a result: a playbook item may exclude others (by id or #tag) and
 * may find out an answer (so it says nothing once that answer is known). The engine applies it to
 * what fired; the loader checks the declarations (src/playbook/rules/precedence.ts); the explorer
 * reports what can fire together. Pure.
 */
import type { Advice, ChecklistItem, Flag, PathSegment, Persona, Playbook, Precedence } from './model.js';

export type ItemKind = 'flag' | 'step' | 'tip' | 'advice';

/** An item that can take part in precedence, with where it is written (for diagnostics). */
export interface PrecedenceItem extends Precedence {
  id: string;
  kind: ItemKind;
  /** The object whose origin the loader knows, and the path from it to this item. */
  at: { item: object; sub: PathSegment[] };
}

/** Every item with an id that can fire in a result: flags, steps, tips and persona advice, personas' own included. */
export function precedenceItems(pb: Playbook): PrecedenceItem[] {
  const out: PrecedenceItem[] = [];
  const add = (kind: ItemKind, x: Flag | ChecklistItem | Advice, item: object, sub: PathSegment[]) => out.push({ id: x.id, kind, tags: x.tags, excludes: x.excludes, findsOut: x.findsOut, at: { item, sub } });
  for (const f of pb.flags) add('flag', f, f, []);
  for (const c of pb.checklist) add('step', c, c, []);
  for (const t of pb.tips) add('tip', t, t, []);
  for (const p of pb.personas) {
    for (const f of p.flags ?? []) add('flag', f, f, []);
    for (const c of p.checklist ?? []) add('step', c, c, []);
    for (const key of ['do', 'dont'] as const) {
      (p[key] ?? []).forEach((a, i) => {
        if (isAdvice(a)) add('advice', a, p, [key, i]);
      });
    }
  }
  return out;
}

export function isAdvice(a: NonNullable<Persona['do']>[number]): a is Advice {
  return typeof a === 'object' && a !== null && 'id' in a && 'text' in a;
}

/** Does an exclusion name (an id or #tag) target this item? */
export function targets(name: string, item: Precedence & { id: string }): boolean {
  return name.startsWith('#') ? (item.tags ?? []).includes(name.slice(1)) : item.id === name;
}

export interface Resolution {
  /** Ids left out, each with what left it out: an item's id, or "answer:<question>" for a known answer. */
  excluded: Map<string, string>;
}

/**
 * Which of the fired items stay. An item is left out when the answer it finds out is known, or when
 * an item that stays excludes it; an item left out excludes nothing (the loader refuses cycles, so
 * there is always an order in which each excluder is decided before what it excludes).
 */
export function resolvePrecedence(fired: readonly (Precedence & { id: string })[], isKnown: (question: string) => boolean): Resolution {
  const excluded = new Map<string, string>();
  for (const f of fired) if (f.findsOut !== undefined && isKnown(f.findsOut)) excluded.set(f.id, `answer:${f.findsOut}`);
  const undecided = new Set(fired.filter((f) => !excluded.has(f.id)));
  // who excludes whom among the fired ones
  const excluders = new Map<object, (Precedence & { id: string })[]>();
  for (const f of undecided) excluders.set(f, [...undecided].filter((g) => g !== f && (g.excludes ?? []).some((n) => targets(n, f))));
  const kept = new Set<object>();
  for (let progress = true; progress && undecided.size; ) {
    progress = false;
    for (const f of [...undecided]) {
      const by = excluders.get(f) ?? [];
      const winner = by.find((g) => kept.has(g));
      if (winner) {
        excluded.set(f.id, winner.id);
        undecided.delete(f);
        progress = true;
      } else if (by.every((g) => !undecided.has(g))) {
        kept.add(f);
        undecided.delete(f);
        progress = true;
      }
    }
  }
  // a cycle the loader would have refused: keep the rest rather than lose advice
  return { excluded };
}

/**
 * Pairs among the fired items that contradict each other and that nothing resolved: a declared
 * conflict where both stayed. For the explorer.
 */
export function unresolvedConflicts(pb: Playbook, firedIds: ReadonlySet<string>, excluded: ReadonlyMap<string, string>): [string, string][] {
  return pb.conflicts.filter(([a, b]) => firedIds.has(a) && firedIds.has(b) && !excluded.has(a) && !excluded.has(b));
}
