/**
 * What `stats` and `report` both need before the core runs: the playbooks in use (their windows,
 * ranks and roles), the options checked, and the store's rows for them.
 */
import { isValidDate } from '../engine/dates.js';
import type { Playbook } from '../engine/model.js';
import { answersNeeded } from '../stats/stats.js';
import { type Damaged, isTeamStore, type StatsAccount, type Store } from '../store/types.js';
import { sinceDate } from './accounts.js';
import { localToday } from './clock.js';
import type { Context } from './context.js';
import { mustManage, noRepAccount, teamOf, unknownAccount } from './account-names.js';
import { said, UserError } from './errors.js';
import { loadPlaybookCached } from './playbook-cache.js';

/** Every playbook the rep can use, by id; one that does not load is left out (its visits count as unknown). */
export async function playbooksInUse(ctx: Context): Promise<Map<string, Playbook>> {
  const out = new Map<string, Playbook>();
  for (const e of ctx.registry.list()) {
    try {
      const r = await loadPlaybookCached(ctx.registry, e.file, ctx.io.env);
      if (r.playbook && !r.diagnostics.some((d) => d.severity === 'error')) out.set(e.id, r.playbook);
    } catch {
      // an unreadable user playbook: `playbook validate` is where it is reported
    }
  }
  return out;
}

/**
 * Adds the playbooks kept with the history (SaveVisit.playbook) whose id none of the rep's playbooks
 * has now: a session run with `--playbook FILE` keeps its playbook's windows, ranks and roles after
 * the file is moved or deleted (issue 24). Per id, the latest kept that loads again as itself; one
 * with the id of a playbook the rep has now gives way to it.
 */
export async function withStoredPlaybooks(playbooks: Map<string, Playbook>, store: Store): Promise<Map<string, Playbook>> {
  const kept = (await store.storedPlaybooks()).filter((p) => !playbooks.has(p.id));
  if (kept.length === 0) return playbooks;
  const { loadSnapshot } = await import('../playbook/snapshot-load.js');
  for (const k of kept) {
    if (playbooks.has(k.id)) continue;
    const pb = loadSnapshot(k.source, k.hash);
    if (pb) playbooks.set(k.id, pb);
  }
  return playbooks;
}

export interface Scope {
  today: string;
  since?: string;
  account?: string;
  classes?: string[];
}

/** The scope's days checked (before the store is opened); the classes are checked by checkClasses. */
export function checkScope(opts: { today?: string; since?: string; account?: string; class?: string[] }): Scope {
  const today = opts.today ?? localToday();
  if (!isValidDate(today)) throw new UserError(said('notADate', { flag: '--today', value: today, example: '--today 2026-11-26' }), `--today ${today} is not a date`, 'write it as YYYY-MM-DD, e.g. --today 2026-11-26');
  const since = opts.since !== undefined ? sinceDate(opts.since, today) : undefined;
  return { today, ...(since ? { since } : {}), ...(opts.account !== undefined ? { account: opts.account } : {}), ...(opts.class?.length ? { classes: opts.class } : {}) };
}

/** --class: each a class of a playbook in use (the rep's, or one kept with the history). */
export function checkClasses(scope: Scope, playbooks: Map<string, Playbook>): void {
  if (!scope.classes?.length) return;
  const known = [...new Set([...playbooks.values()].flatMap((pb) => pb.classes.map((c) => c.id)))];
  for (const k of scope.classes) if (!known.includes(k)) throw new UserError(said('unknownClass', { cls: k, known }), `unknown class "${k}"`, `the playbooks' classes are ${known.join(', ')}`);
}

/**
 * `--rep R`: a manager's read of a rep of their team (team database; refused on this machine's, as
 * `accounts --rep` and `forecast --rep` refuse it), with the reps under R when R manages some.
 */
export async function repsOf(store: Store, rep: string): Promise<string[]> {
  await mustManage(store, rep);
  return isTeamStore(store) ? teamOf(await store.teamTree(), rep) : [rep];
}

/** historyFor of these reps of the manager's team (`rep` as named with --rep): a row one rep damaged is named in `damaged` and left out. */
export async function repsHistoryFor(store: Store, scope: Scope, playbooks: Map<string, Playbook>, reps: { rep: string; team: string[] }, damaged: Damaged[]): Promise<StatsAccount[]> {
  if (!isTeamStore(store)) return [];
  const q = { today: scope.today, ...(scope.since ? { since: scope.since } : {}), ...(scope.account !== undefined ? { account: scope.account } : {}), answers: answersNeeded(playbooks.values()) };
  const rows: StatsAccount[] = [];
  for (const r of reps.team) rows.push(...(await store.statsHistory(q, r, damaged)));
  // a name none of them has: the one meant among the rep's accounts
  if (scope.account !== undefined && rows.length === 0 && !(await store.ownersOf(scope.account, reps.team)).length) throw await noRepAccount(store, reps.rep, scope.account);
  return rows;
}

export async function historyFor(store: Store, scope: Scope, playbooks: Map<string, Playbook>, withVisits = true): Promise<StatsAccount[]> {
  const rows = await store.statsHistory({ today: scope.today, ...(scope.since ? { since: scope.since } : {}), ...(scope.account !== undefined ? { account: scope.account } : {}), ...(withVisits ? { answers: answersNeeded(playbooks.values()) } : { visits: false }) });
  if (scope.account !== undefined && rows.length === 0) {
    const exists = await store.getAccount(scope.account);
    if (!exists) throw await unknownAccount(store, scope.account);
  }
  return rows;
}
