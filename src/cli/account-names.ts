/**
 * "No account X": the name a rep typed is usually one they already have, misspelled or shortened
 * ("hengda" for "Hengda Pharma"), so the error names the closest account rather than only pointing at
 * the list. Read only when the name was not found, so a found account costs nothing more.
 */
import { closest } from '../core/diagnostic.js';
import { isTeamStore, type Store, type TeamStore } from '../store/types.js';
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
  if (!meant && isTeamStore(store)) {
    // a manager has no accounts of their own: the name is most likely a rep's, and `accounts` (their
    // own review) would be an empty list to follow
    const reps = await store.managedReps();
    if (reps.length) {
      const whose = await store.ownersOf(name, reps);
      return new UserError(
        said('accountOfRep', { name, reps: whose, team: reps }),
        `no account "${name}" of your own`,
        whose.length ? `it is ${whose.join("'s and ")}'s: add --rep ${whose[0]}` : `your reps' accounts: sales-coach accounts --rep REP --all (your team: ${reps.join(', ')})`,
      );
    }
  }
  return new UserError(said('noAccount', { name, ...(meant ? { meant: sanitize(meant) } : {}) }), `no account "${name}"`, meant ? `did you mean "${sanitize(meant)}"? (sales-coach accounts lists them)` : 'sales-coach accounts lists them');
}

/** Every account of a rep of the manager's team, by name (read only when a name was not found). */
export async function repAccountNames(store: TeamStore, rep: string): Promise<string[]> {
  return (await store.pipeline({ today: localToday(), sort: 'name', owner: rep })).rows.map((r) => r.name);
}

/**
 * A manager named an account their rep does not have (a note, account show --rep): the one meant
 * among the rep's, and where all of them are listed (accounts --rep: every account, dropped and
 * signed too, where team review lists those needing attention).
 */
export async function noRepAccount(store: TeamStore, rep: string, name: string): Promise<UserError> {
  const meant = likelyName(name, await repAccountNames(store, rep));
  return new UserError(
    said('noRepAccount', { name, rep, ...(meant ? { meant: sanitize(meant) } : {}) }),
    `no account "${name}" of ${rep} that you can see`,
    meant ? `did you mean "${sanitize(meant)}"? (sales-coach accounts --rep ${rep} --all lists them)` : `sales-coach accounts --rep ${rep} --all lists their accounts`,
  );
}

/** A rep named with --rep, with the reps below them when they manage some (a manager's team, at any depth). */
export function teamOf(tree: readonly { rep: string; manager: string }[], rep: string): string[] {
  return [rep, ...tree.filter((t) => t.manager === rep).flatMap((t) => teamOf(tree, t.rep))];
}

/**
 * `--rep`: only on a team database, and only a rep of the reader's team (row-level security would show
 * an empty review for anyone else, which reads as "no accounts" rather than "not yours to read").
 */
export async function mustManage(store: Store, rep: string): Promise<void> {
  if (!isTeamStore(store)) throw new UserError(said('repNeedsTeamDb', {}), "--rep reads a rep's accounts on a team database, and this is the database on this machine", 'give --db postgres://USER@HOST/DATABASE, or set SALES_COACH_DB');
  const managed = await store.managedReps();
  if (managed.includes(rep)) return;
  const meant = likelyName(rep, managed);
  throw new UserError(
    said('notYourRep', { rep, team: managed, ...(meant ? { meant } : {}) }),
    `${rep} is not a rep of your team`,
    meant ? `did you mean ${meant}? (your team: ${managed.join(', ')})` : managed.length ? `your team: ${managed.join(', ')}` : 'you manage no one on this team database (a team admin adds reps with: sales-coach team add REP --manager YOU); your own accounts: sales-coach accounts',
  );
}
