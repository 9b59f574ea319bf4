/** `forecast`: what the rep's pipeline is expected to sign in a period. Parses, asks the store, computes, renders. */
import { FORECAST_PERIODS, type ForecastPeriod } from '../stats/forecast.js';
import { isTeamStore } from '../store/types.js';
import { sanitizeDeep } from '../ui/sanitize.js';
import { localToday } from './clock.js';
import { widthOf } from '../ui/style.js';
import { mustManage } from './account-names.js';
import { localeOf, makeContext } from './context.js';
import { EXIT, said, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { checkScope, playbooksInUse, withStoredPlaybooks } from './stats-data.js';
import { openStore } from './store.js';

export interface ForecastOptions {
  period?: string;
  json?: boolean;
  today?: string;
  /** A manager reads one rep's forecast (team database). */
  rep?: string;
  /** The kept forecasts whose period has ended, against what signed. */
  accuracy?: boolean;
  /** Keep this forecast although --today names another day than today (kept by default only for today). */
  keep?: boolean;
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
    if (opts.accuracy) {
      // what signed, and when: each account's class events (the forecasts kept say the rest)
      const rows = await store.classHistory(opts.rep);
      const { forecastAccuracy } = await import('../stats/forecast.js');
      const kept = (await store.keptForecasts(scope.today, opts.rep)).filter((k) => k.kind === period);
      const read = kept.flatMap((k) => {
        try {
          return [{ madeOn: k.madeOn, forecast: JSON.parse(k.data) as import('../stats/forecast.js').Forecast }];
        } catch {
          return []; // a row changed outside sales-coach: left out
        }
      });
      const accuracy = forecastAccuracy(read, rows);
      if (opts.json) io.stdout.write(`${JSON.stringify(sanitizeDeep({ today: scope.today, kind: period, accuracy }), null, 2)}\n`);
      else {
        const { renderAccuracyTerminal } = await import('../ui/views/forecast.js');
        io.stdout.write(renderAccuracyTerminal(accuracy, period, locale, ctx.out, widthOf(io.stdout)));
      }
      return EXIT.ok;
    }
    const [{ share }, { computeForecast, periodOf }] = await Promise.all([import('../stats/stats.js'), import('../stats/forecast.js')]);
    // the rep's own rates counted by the database (a few rows a class), each class with its playbook's
    // window; and only the accounts whose day falls in the period, whole
    const windows = [...playbooks].flatMap(([id, pb]) => pb.classes.flatMap((c) => (c.cycle ? [{ playbookId: id, class: c.id, max: c.cycle.max }] : [])));
    const calibration = (await store.classCalibration(windows, scope.today, opts.rep)).map((c) => ({ class: c.class, signedInWindow: share(c.inWindow, c.decided) }));
    const inPeriod = await store.forecastAccounts({ today: scope.today, to: periodOf(period, scope.today).to, ...(opts.rep !== undefined ? { owner: opts.rep } : {}) });
    const forecast = computeForecast(inPeriod.rows, { today: scope.today, period, playbooks, calibration, outside: inPeriod.outside, pastNames: inPeriod.pastNames });
    // kept, one a week for each kind of period, for a later --accuracy: a manager reading a rep's keeps
    // nothing, and another day than today (--today reads the accounts as they are now, not as they
    // were then) only when asked to (--keep)
    const keep = opts.rep === undefined && (opts.today === undefined || opts.today === localToday() || opts.keep === true);
    if (keep) {
      const { weekOf } = await import('../stats/forecast.js');
      await store.keepForecast({ week: weekOf(scope.today), kind: period, madeOn: scope.today, from: forecast.period.from, to: forecast.period.to, data: JSON.stringify(forecast) });
    }
    if (opts.json) io.stdout.write(`${JSON.stringify(sanitizeDeep(forecast), null, 2)}\n`);
    else {
      const { renderForecastTerminal } = await import('../ui/views/forecast.js');
      io.stdout.write(renderForecastTerminal(forecast, locale, ctx.out, widthOf(io.stdout), { ...(opts.rep !== undefined ? { rep: opts.rep } : {}), kept: keep }));
      // a manager's own forecast is empty: their reps' are a --rep away
      if (opts.rep === undefined && forecast.classes.length === 0 && isTeamStore(store)) {
        const reps = await store.managedReps();
        if (reps.length) io.stdout.write(`${ctx.out.dim((await import('../ui/views/forecast-messages.js')).FORECAST_MESSAGES[locale].noTeamForecast(reps.length))}\n`);
      }
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
