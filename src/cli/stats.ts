/** `stats`: the rep's classes checked against what happened. Parses options, asks the store, renders. */
import { computeStats } from '../stats/stats.js';
import { sanitizeDeep } from '../ui/sanitize.js';
import { widthOf } from '../ui/style.js';
import { renderStatsTerminal, statsView } from '../ui/views/stats.js';
import { localeOf, makeContext } from './context.js';
import { EXIT } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { checkClasses, checkScope, historyFor, playbooksInUse, repsHistoryFor, repsOf, withStoredPlaybooks } from './stats-data.js';
import type { Damaged } from '../store/types.js';
import { tellDamaged } from './damaged.js';
import { openStore } from './store.js';

export interface StatsOptions {
  since?: string;
  account?: string;
  class?: string[];
  json?: boolean;
  today?: string;
  /** A manager reads one rep's stats (team database; read-only): with the reps under them, if they manage some. */
  rep?: string;
}

export async function statsCommand(opts: StatsOptions, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  const playbooks = await playbooksInUse(ctx);
  const scope = checkScope(opts);
  const store = await openStore(io, g);
  try {
    // a rep of the manager's team, checked before anything is read ("not your rep, did you mean")
    const team = opts.rep !== undefined ? await repsOf(store, opts.rep) : undefined;
    await withStoredPlaybooks(playbooks, store);
    checkClasses(scope, playbooks);
    const damaged: Damaged[] = [];
    const rows = team ? await repsHistoryFor(store, scope, playbooks, { rep: opts.rep as string, team }, damaged) : await historyFor(store, scope, playbooks);
    const stats = computeStats(rows, { ...scope, playbooks });
    if (opts.json) io.stdout.write(`${JSON.stringify(sanitizeDeep(opts.rep !== undefined ? { rep: opts.rep, ...stats } : stats), null, 2)}\n`);
    else io.stdout.write(renderStatsTerminal(statsView(stats, locale, opts.rep !== undefined ? { rep: opts.rep } : {}), ctx.out, widthOf(io.stdout)));
    if (damaged.length) tellDamaged(io, damaged, (await import('../ui/notice-messages.js')).NOTICE_MESSAGES[locale]);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
