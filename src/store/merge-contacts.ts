/**
 * `account merge`: the merged-away account's people join the other account's. Two names are one
 * person by the same normalisation as an import's (nameKey: "MR WU" and "Mr Wu" are one), and
 * nothing either side knew is dropped: the kept contact takes every field it has no value for
 * (title, email…) and every fact it does not know from the other, and the earlier first meeting and
 * the later last one. Pure: both stores apply the same plan.
 */
import { nameKey } from '../engine/names.js';
import type { Selectable } from './kysely.js';
import type { ContactsTable } from './schema.js';

export type ContactDbRow = Selectable<ContactsTable>;
/** What a kept contact learns: the fields it lacked, the facts it did not know, its first and last meeting. */
type MergedSet = Partial<Record<(typeof MERGED_FIELDS)[number] | 'first_met' | 'last_met', string | null>> & { facts?: string };

/** The columns a kept contact fills from the merged-away one when it has none. */
export const MERGED_FIELDS = ['title', 'role', 'reports_to', 'approval_layers', 'persona', 'email', 'phone', 'planned_for'] as const;

export interface ContactMergePlan {
  /** Contacts of the merged-away account nobody in the kept one matches: moved over as they are. */
  move: number[];
  /** Kept contacts that learn something from their namesake: the columns to set. */
  update: { id: number; set: MergedSet }[];
}

export function planContactMerge(kept: readonly ContactDbRow[], mergedAway: readonly ContactDbRow[]): ContactMergePlan {
  const byKey = new Map<string, ContactDbRow>();
  for (const c of kept) if (!byKey.has(nameKey(c.name))) byKey.set(nameKey(c.name), c);
  const move: number[] = [];
  const updates = new Map<number, { row: ContactDbRow; set: MergedSet }>();
  for (const c of mergedAway) {
    const key = nameKey(c.name);
    const same = byKey.get(key);
    if (!same) {
      move.push(c.id);
      byKey.set(key, c); // a second namesake in the merged-away account folds into this one
      continue;
    }
    const u = updates.get(same.id) ?? { row: { ...same }, set: {} };
    for (const f of MERGED_FIELDS) {
      if ((u.row[f] === null || u.row[f] === '') && c[f] !== null && c[f] !== '') u.row[f] = u.set[f] = c[f];
    }
    const theirs = facts(c.facts);
    const ours = facts(u.row.facts);
    if (theirs && ours && Object.keys(theirs).some((k) => !Object.hasOwn(ours, k))) u.row.facts = u.set.facts = JSON.stringify({ ...theirs, ...ours });
    const earliest = pick(u.row.first_met, c.first_met, (a, b) => a <= b);
    if (earliest !== u.row.first_met) u.row.first_met = u.set.first_met = earliest;
    const latest = pick(u.row.last_met, c.last_met, (a, b) => a >= b);
    if (latest !== u.row.last_met) u.row.last_met = u.set.last_met = latest;
    updates.set(same.id, u);
  }
  return { move, update: [...updates.entries()].filter(([, u]) => Object.keys(u.set).length > 0).map(([id, u]) => ({ id, set: u.set })) };
}

/** The stored facts as an object; undefined for text that is not one (damaged): then the kept side's stays as it was. */
function facts(text: string | null): Record<string, unknown> | undefined {
  if (text === null) return {};
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function pick(a: string | null, b: string | null, better: (a: string, b: string) => boolean): string | null {
  if (a === null || a === '') return b ?? a;
  if (b === null || b === '') return a;
  return better(a, b) ? a : b;
}
