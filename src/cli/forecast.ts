/** `forecast`: what the rep's pipeline is expected to sign in a period. Parses, asks the store, computes, renders. */
import type { ChalkInstance } from 'chalk';
import type { Locale } from '../engine/model.js';
import { type Forecast, FORECAST_PERIODS, type ForecastPeriod, type TeamForecast } from '../stats/forecast.js';
import { isTeamStore, type Store } from '../store/types.js';
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
  /** A manager's forecast of every rep of theirs, and the team's in all (team database). */
  team?: boolean;
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
  if (opts.team && opts.rep !== undefined) throw new UserError(said('repOrTeam', {}), '--rep and --team: one or the other', '--rep ROLE for one rep of your team, --team for all of it');
  if (opts.team && opts.accuracy) throw new UserError(said('accuracyOfOneRep', {}), "--accuracy reads one rep's kept forecasts, not the team's", 'forecast --accuracy --rep ROLE, for each rep');
  const scope = checkScope(opts);
  const playbooks = await playbooksInUse(ctx);
  const store = await openStore(io, g);
  try {
    if (opts.rep !== undefined) await mustManage(store, opts.rep);
    await withStoredPlaybooks(playbooks, store);
    if (opts.team) return await teamForecast(store, { period, today: scope.today, playbooks, json: opts.json === true }, io, locale, ctx.out);
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
    const forecast = await forecastOf(store, { period, today: scope.today, playbooks, ...(opts.rep !== undefined ? { rep: opts.rep } : {}) });
    // window; and only the accounts whose day falls in the period, whole
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

type Playbooks = Awaited<ReturnType<typeof playbooksInUse>>;

/** One rep's forecast (this role's, or `rep`'s for their manager): their own rates, their accounts in the period. */
async function forecastOf(store: Store, o: { period: ForecastPeriod; today: string; playbooks: Playbooks; rep?: string }): Promise<Forecast> {
  const [{ share }, { computeForecast, periodOf }] = await Promise.all([import('../stats/stats.js'), import('../stats/forecast.js')]);
  // the rep's own rates counted by the database (a few rows a class), each class with its playbook's window
  const windows = [...o.playbooks].flatMap(([id, pb]) => pb.classes.flatMap((c) => (c.cycle ? [{ playbookId: id, class: c.id, max: c.cycle.max }] : [])));
  const calibration = (await store.classCalibration(windows, o.today, o.rep)).map((c) => ({ class: c.class, signedInWindow: share(c.inWindow, c.decided) }));
  const inPeriod = await store.forecastAccounts({ today: o.today, to: periodOf(o.period, o.today).to, ...(o.rep !== undefined ? { owner: o.rep } : {}) });
  return computeForecast(inPeriod.rows, { today: o.today, period: o.period, playbooks: o.playbooks, calibration, outside: inPeriod.outside, pastNames: inPeriod.pastNames });
}

/**
 * Each rep's own forecast (their rates, their accounts), then the team's in all: what `forecast --team`
 * shows and the team's report too (one computation: the report pooled the reps into one team rate).
 * `tree` is the reps to read and their managers; a manager among them is listed only if they sell too.
 */
export async function teamForecastFor(store: Store, tree: readonly { rep: string; manager: string }[], o: { period: ForecastPeriod; today: string; playbooks: Playbooks }): Promise<{ each: { rep: string; forecast: Forecast }[]; team: TeamForecast }> {
  const managers = new Set(tree.map((t) => t.manager));
  const each: { rep: string; forecast: Forecast }[] = [];
  // each manager's reps together
  for (const { rep } of [...tree].sort((x, y) => x.manager.localeCompare(y.manager) || x.rep.localeCompare(y.rep))) {
    const forecast = await forecastOf(store, { ...o, rep });
    const any = forecast.classes.length > 0 || Object.values(forecast.notCounted).some((n) => n.accounts > 0);
    if (!managers.has(rep) || any) each.push({ rep, forecast });
  }
  const { teamForecastOf } = await import('../stats/forecast.js');
  return { each, team: teamForecastOf(each.map((x) => x.forecast)) };
}

/**
 * A manager's forecast of their team: each rep's own (their rates, their accounts), then the team's in
 * all, per category and currency. Nothing is kept: a rep keeps their own forecasts.
 */
async function teamForecast(store: Store, o: { period: ForecastPeriod; today: string; playbooks: Playbooks; json: boolean }, io: IO, locale: Locale, c: ChalkInstance): Promise<number> {
  if (!isTeamStore(store)) throw new UserError(said('repNeedsTeamDb', {}), "--team reads the reps' accounts on a team database, and this is the database on this machine", 'give --db postgres://USER@HOST/DATABASE, or set SALES_COACH_DB');
  const tree = await store.teamTree();
  if (!tree.length) throw new UserError(said('noRepsManaged', {}), 'you manage no rep in this team database', 'the team admin adds reps with: sales-coach team add REP --manager YOU');
  const { each, team } = await teamForecastFor(store, tree, o);
  if (o.json) io.stdout.write(`${JSON.stringify(sanitizeDeep({ today: o.today, period: team.period ?? each[0]?.forecast.period, reps: each, team }), null, 2)}\n`);
  else {
    const { renderTeamForecastTerminal } = await import('../ui/views/forecast.js');
    io.stdout.write(renderTeamForecastTerminal(each, team, locale, c, widthOf(io.stdout)));
  }
  return EXIT.ok;
}
