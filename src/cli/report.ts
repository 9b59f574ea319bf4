/** `report`: the weekly report as one self-contained HTML file. Parses options, asks the store, renders, writes. */
import { teamOf } from './account-names.js';
import { isLapsed } from '../core/steps.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { addDays } from '../engine/dates.js';
import { computeStats, computeWeeklyReport, REPORT_DAYS } from '../stats/stats.js';
import { renderReportHtml, reportView } from '../ui/views/report.js';
import { localeOf, makeContext } from './context.js';
import { EXIT, said, sayDone, UserError } from './errors.js';
import { writeFileAtomic } from './files.js';
import type { GlobalOptions, IO } from './io.js';
import { checkClasses, checkScope, historyFor, playbooksInUse, withStoredPlaybooks } from './stats-data.js';
import { openStore } from './store.js';
import { type ChecklistRow, type Damaged, isTeamStore, type StatsAccount } from '../store/types.js';
import { tellDamaged } from './damaged.js';
import type { NoteView } from '../ui/views/team.js';
import type { StoredEvent } from '../store/types.js';
import type { ValueChange } from '../stats/forecast.js';
import type { Playbook } from '../engine/model.js';

/** The value changes among the events: the change of each account's amount (its playbook's roles.amount). */
function valueChanges(accounts: readonly StatsAccount[], events: readonly StoredEvent[], playbooks: ReadonlyMap<string, Playbook>): ValueChange[] {
  const field = new Map(accounts.map((a) => [a.name, playbooks.get(a.playbookId ?? 'abcd')?.roles.amount]));
  return events.flatMap((e): ValueChange[] => {
    if (e.event.kind !== 'facts-updated') return [];
    const c = e.event.changes.find((x) => x.field === field.get(e.account));
    if (!c) return [];
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    return [{ account: e.account, date: e.event.date, before: num(c.before), after: num(c.after), ...(c.currencies ? { currencies: c.currencies } : {}) }];
  });
}

export interface ReportOptions {
  out?: string;
  force?: boolean;
  since?: string;
  today?: string;
  /** Team database: the report of one rep of the manager's team. */
  rep?: string;
  /** Team database: one report for the manager's whole team. */
  team?: boolean;
}

export async function reportCommand(opts: ReportOptions, io: IO, g: GlobalOptions): Promise<number> {
  if (!opts.out) throw new UserError(said('reportWhere', {}), 'say where to write the report', 'sales-coach report --out week.html');
  if (opts.rep && opts.team) throw new UserError(said('repOrTeam', {}), '--rep and --team: one or the other', '--rep ROLE for one rep of your team, --team for all of it');
  const path = resolve(io.cwd, opts.out);
  // refuse before any work: the file is only replaced with --force (and then whole)
  if (!opts.force && existsSync(path)) throw new UserError(said('fileExists', { file: opts.out, nothingWritten: true }), `${opts.out} already exists; nothing was written`, 'choose another name, or add --force to overwrite it');
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  const playbooks = await playbooksInUse(ctx);
  const scope = checkScope(opts);
  const store = await openStore(io, g);
  let html: string;
  try {
    await withStoredPlaybooks(playbooks, store);
    checkClasses(scope, playbooks);
    // the week's moves and the pipeline a week ago need every account's class history, whatever --since
    // says; the report shows no habit, so no visit is read
    // the coming two weeks, and the overdue steps before them: listed for the two weeks, counted
    // before (the same steps `checklist` calls overdue)
    const window = { to: addDays(scope.today, REPORT_DAYS - 1) };
    let all: StatsAccount[];
    let steps: ChecklistRow[];
    let who: { rep: string } | { team: string[] } | undefined;
    // a team's report: its reps and their managers, for the team's forecast
    let teamTree: { rep: string; manager: string }[] | undefined;
    // the managers' questions no one has closed, with their threads (team database): the rep's own, or the reps'
    let questions: { rep?: string; note: NoteView }[] = [];
    // the week's changes of the deals' values (the waterfall), each account's under its name in the report
    const changes: StoredEvent[] = [];
    const weekStart = addDays(scope.today, -6);
    if (opts.rep || opts.team) {
      // a manager's report of a rep, or of the team: the same report, from the reps' rows (row-level
      // security lets the manager read exactly these); a team's accounts are named with their rep
      if (!isTeamStore(store)) throw new UserError(said('reportNeedsTeamDb', { flag: opts.rep ? '--rep' : '--team' }), `--${opts.rep ? 'rep' : 'team'} reports on a team database, and this is the database on this machine`, 'give --db postgres://USER@HOST/DATABASE, or set SALES_COACH_DB');
      const team = store;
      const tree = await team.teamTree();
      const managed = tree.map((t) => t.rep);
      const managers = new Set(tree.map((t) => t.manager));
      // a manager under the reader named with --rep: the report of their team
      if (opts.rep && !managed.includes(opts.rep)) throw new UserError(said('notYourRep', { rep: opts.rep, team: managed }), `${opts.rep} is not a rep of your team`, managed.length ? `your team: ${managed.join(', ')}` : 'the team admin adds reps with: sales-coach team add REP --manager YOU');
      const reps = opts.rep ? teamOf(tree, opts.rep) : managed;
      const asTeam = opts.team === true || reps.length > 1;
      if (!reps.length) throw new UserError(said('noRepsManaged', {}), 'you manage no rep in this team database', 'the team admin adds reps with: sales-coach team add REP --manager YOU');
      const named = (rep: string, name: string) => (asTeam ? `${name} (${rep})` : name);
      if (asTeam) teamTree = tree.filter((t) => reps.includes(t.rep));
      all = [];
      steps = [];
      // a row one rep damaged is named and left out, never the whole report
      const damaged: Damaged[] = [];
      for (const rep of reps) {
        for (const a of await team.statsHistory({ visits: false, today: scope.today }, rep, damaged)) all.push({ ...a, name: named(rep, a.name), rep });
        for (const s of (await team.stepsDue(window, rep)).filter((x) => !isLapsed(x, scope.today))) steps.push({ ...s, account: named(rep, s.account) });
        for (const e of await team.eventsSince(weekStart, ['facts-updated'], rep)) changes.push({ ...e, account: named(rep, e.account) });
      }
      steps.sort((x, y) => x.due.localeCompare(y.due) || x.id - y.id);
      // the team's reps: a manager above others is one only if they sell too
      who = asTeam ? { team: reps.filter((r) => !managers.has(r) || all.some((a) => a.rep === r)) } : { rep: opts.rep as string };
      const threads = await team.teamThreads(reps, scope.today);
      if (threads.length) {
        const { noteViews, isOpen, questionedAccounts } = await import('../ui/views/team.js');
        // an account signed since its question: history, as team review tells it, not a question open
        const signed = await team.signedAccounts(reps, questionedAccounts(threads.map((t) => t.event)), scope.today);
        questions = reps.flatMap((rep) =>
          noteViews(
            threads.filter((t) => t.rep === rep).map((t) => t.event),
            signed.filter((x) => x.rep === rep),
          )
            .filter(isOpen)
            .map((note) => ({ ...(asTeam ? { rep } : {}), note })),
        );
      }
      // the team's catalogue of notices: loaded only when a manager's report left a row out
      if (damaged.length) tellDamaged(io, damaged, (await import('../ui/notice-messages.js')).NOTICE_MESSAGES[locale]);
    } else {
      all = await historyFor(store, { today: scope.today }, playbooks, false);
      steps = (await store.stepsDue(window)).filter((s) => !isLapsed(s, scope.today));
      changes.push(...(await store.eventsSince(weekStart, ['facts-updated'])));
      const notes = isTeamStore(store) ? (await store.reviewNotes()).filter((e) => e.event.date <= scope.today) : [];
      if (notes.length && isTeamStore(store)) {
        const [{ isOpen }, { threadsOf }] = await Promise.all([import('../ui/views/team.js'), import('./questions.js')]);
        questions = (await threadsOf(store, notes, scope.today)).filter(isOpen).map((note) => ({ note }));
      }
    }
    const stats = computeStats(all, { ...scope, playbooks });
    const report = computeWeeklyReport(all, { ...scope, playbooks, steps }, stats);
    // the month's forecast: a team's is forecast --team's (each rep on their own rates); a rep's from
    // the same rows and the same calibration the report shows
    const { computeForecast } = await import('../stats/forecast.js');
    const forecast = teamTree ? await (await import('./forecast.js')).teamForecastFor(store, teamTree, { period: 'month', today: scope.today, playbooks }).then(({ each, team }) => ({ reps: each, team })) : computeForecast(all, { today: scope.today, period: 'month', playbooks, calibration: stats.calibration });
    const { valueWaterfall } = await import('../stats/forecast.js');
    const value = valueWaterfall(all, valueChanges(all, changes, playbooks), { weekStart: report.weekStart, today: scope.today });
    const view = reportView(report, locale, who, forecast, questions, value);
    const { renderCharts } = await import('../report/charts.js');
    html = renderReportHtml(view, await renderCharts(view.charts.map((c) => c.spec), view.chartRoles));
  } finally {
    await store.close();
  }
  writeFileAtomic(path, html, { force: opts.force, shown: opts.out });
  const kb = Math.ceil(Buffer.byteLength(html) / 1024);
  io.stderr.write(`${await sayDone(locale, said('wroteReport', { file: opts.out, kb }), `wrote the report to ${opts.out} (${kb} KB)`)}\n`);
  return EXIT.ok;
}
