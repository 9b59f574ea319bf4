/** `report`: the weekly report as one self-contained HTML file. Parses options, asks the store, renders, writes. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { addDays } from '../engine/dates.js';
import { computeStats, computeWeeklyReport, REPORT_DAYS } from '../stats/stats.js';
import { renderReportHtml, reportView } from '../ui/views/report.js';
import { localeOf, makeContext } from './context.js';
import { EXIT, UserError } from './errors.js';
import { writeFileAtomic } from './files.js';
import type { GlobalOptions, IO } from './io.js';
import { checkScope, historyFor, playbooksInUse } from './stats-data.js';
import { openStore } from './store.js';

export interface ReportOptions {
  out?: string;
  force?: boolean;
  since?: string;
  today?: string;
}

export async function reportCommand(opts: ReportOptions, io: IO, g: GlobalOptions): Promise<number> {
  if (!opts.out) throw new UserError('say where to write the report', 'sales-coach report --out week.html');
  const path = resolve(io.cwd, opts.out);
  // refuse before any work: the file is only replaced with --force (and then whole)
  if (!opts.force && existsSync(path)) throw new UserError(`${opts.out} already exists; nothing was written`, 'choose another name, or add --force to overwrite it');
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  const playbooks = await playbooksInUse(ctx);
  const scope = checkScope(opts, playbooks);
  const store = await openStore(io, g);
  let html: string;
  try {
    // the week's moves and the pipeline a week ago need every account's class history, whatever --since
    // says; the report shows no habit, so no visit is read
    const all = await historyFor(store, { today: scope.today }, playbooks, false);
    // the coming two weeks only: overdue steps are counted by the flags (one per account), not listed
    const steps = await store.stepsDue({ from: scope.today, to: addDays(scope.today, REPORT_DAYS - 1) });
    const stats = computeStats(all, { ...scope, playbooks });
    const report = computeWeeklyReport(all, { ...scope, playbooks, steps }, stats);
    const view = reportView(report, locale);
    const { renderCharts } = await import('../report/charts.js');
    html = renderReportHtml(view, await renderCharts(view.charts.map((c) => c.spec)));
  } finally {
    await store.close();
  }
  writeFileAtomic(path, html, { force: opts.force, shown: opts.out });
  io.stderr.write(`wrote the report to ${opts.out} (${Math.ceil(Buffer.byteLength(html) / 1024)} KB)\n`);
  return EXIT.ok;
}
