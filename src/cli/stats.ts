/** `stats`: the rep's classes checked against what happened. Parses options, asks the store, renders. */
import { computeStats } from '../stats/stats.js';
import { sanitizeDeep } from '../ui/sanitize.js';
import { widthOf } from '../ui/style.js';
import { renderStatsTerminal, statsView } from '../ui/views/stats.js';
import { localeOf, makeContext } from './context.js';
import { EXIT } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { checkClasses, checkScope, historyFor, playbooksInUse, withStoredPlaybooks } from './stats-data.js';
import { openStore } from './store.js';

export interface StatsOptions {
  since?: string;
  account?: string;
  class?: string[];
  json?: boolean;
  today?: string;
}

export async function statsCommand(opts: StatsOptions, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  const playbooks = await playbooksInUse(ctx);
  const scope = checkScope(opts);
  const store = await openStore(io, g);
  try {
    await withStoredPlaybooks(playbooks, store);
    checkClasses(scope, playbooks);
    const rows = await historyFor(store, scope, playbooks);
    const stats = computeStats(rows, { ...scope, playbooks });
    if (opts.json) io.stdout.write(`${JSON.stringify(sanitizeDeep(stats), null, 2)}\n`);
    else io.stdout.write(renderStatsTerminal(statsView(stats, locale), ctx.out, widthOf(io.stdout)));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
