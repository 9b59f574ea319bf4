/**
 * "No account X": the name a rep typed is usually one they already have, misspelled or shortened
 * ("hengda" for "Hengda Pharma"), so the error names the closest account rather than only pointing at
 * the list. Read only when the name was not found, so a found account costs nothing more.
 */
import { closest } from '../core/diagnostic.js';
import type { Store } from '../store/types.js';
import { sanitize } from '../ui/sanitize.js';
import { localToday } from './clock.js';
import { said, UserError } from './errors.js';

/** The account the rep most likely meant, if one stands out: a near spelling, or the one name that holds what was typed. */
export async function likelyAccount(store: Store, name: string): Promise<string | undefined> {
  const { rows } = await store.pipeline({ today: localToday(), sort: 'name' });
  return likelyName(name, rows.map((r) => r.name));
}

/** Of `names`, the one meant by `name`: a near spelling, or the one name that holds what was typed. */
export function likelyName(name: string, names: string[]): string | undefined {
  const near = closest(name, names);
  if (near) return near;
  const typed = name.trim().toLowerCase();
  if (typed.length < 3) return undefined;
  const holding = names.filter((n) => n.toLowerCase().includes(typed));
  return holding.length === 1 ? holding[0] : undefined;
}

export async function unknownAccount(store: Store, name: string): Promise<UserError> {
  const meant = await likelyAccount(store, name);
  return new UserError(said('noAccount', { name, ...(meant ? { meant: sanitize(meant) } : {}) }), `no account "${name}"`, meant ? `did you mean "${sanitize(meant)}"? (sales-coach accounts lists them)` : 'sales-coach accounts lists them');
}
