/** `forecast`: what the rep's pipeline is expected to sign in a period. Parses, asks the store, computes, renders. */
import { FORECAST_PERIODS, type ForecastPeriod } from '../stats/forecast.js';
import { isTeamStore } from '../store/types.js';
import { sanitizeDeep } from '../ui/sanitize.js';
import { widthOf } from '../ui/style.js';
import { mustManage } from './account-names.js';
import { localeOf, makeContext } from './context.js';
import { EXIT, said, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { checkScope, historyFor, playbooksInUse, withStoredPlaybooks } from './stats-data.js';
import { openStore } from './store.js';

export interface ForecastOptions {
  period?: string;
  json?: boolean;
  today?: string;
  /** A manager reads one rep's forecast (team database). */
  rep?: string;
}

export async function forecastCommand(opts: ForecastOptions, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  const period = (opts.period ?? 'month') as ForecastPeriod;
  if (!(FORECAST_PERIODS as readonly string[]).includes(period)) throw new UserError(said('badPeriod', { value: String(opts.period) }), `--period ${opts.period}: expected month, quarter or 30d`);
  const scope = checkScope(opts);
  const playbooks = await playbooksInUse(ctx);
  const store = await openStore(io, g);
  try {
    if (opts.rep !== undefined) await mustManage(store, opts.rep);
    await withStoredPlaybooks(playbooks, store);
    // the classes' history (no visits): the calibration and the accounts in play come from the same rows
    const rows = opts.rep !== undefined && isTeamStore(store) ? await store.statsHistory({ today: scope.today, visits: false }, opts.rep) : await historyFor(store, scope, playbooks, false);
    const [{ computeStats }, { computeForecast }] = await Promise.all([import('../stats/stats.js'), import('../stats/forecast.js')]);
    const stats = computeStats(rows, { today: scope.today, playbooks });
    const forecast = computeForecast(rows, { today: scope.today, period, playbooks, calibration: stats.calibration });
    if (opts.json) io.stdout.write(`${JSON.stringify(sanitizeDeep(forecast), null, 2)}\n`);
    else {
      const { renderForecastTerminal } = await import('../ui/views/forecast.js');
      io.stdout.write(renderForecastTerminal(forecast, locale, ctx.out, widthOf(io.stdout)));
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
