/**
 * The weekly report as a person opens it: a typed view model over the core's WeeklyReport (words from
 * the catalogue, names from the database sanitised), the charts as Vega-Lite specifications (data,
 * not pictures: src/report/charts.ts draws them to SVG), and one HTML renderer that escapes every text
 * and needs nothing outside the file: inline CSS and SVG, no script, no URL, A4 print styles.
 */
import { reasonsAbout, reasonsIn } from '../../core/reasons.js';
import { stepText } from '../../core/steps.js';
import type { Locale } from '../../engine/model.js';
import type { WeeklyReport } from '../../stats/stats.js';
import { formatDate, UI } from '../messages.js';
import { sanitize } from '../sanitize.js';
import { FORECAST_CATEGORIES } from '../../engine/model.js';
import { type Forecast, NOT_COUNTED, type TeamForecast, type ValueWeek } from '../../stats/forecast.js';
import { MIN_RATE_N } from '../../stats/stats.js';
import { formatMoney } from '../money.js';
import { FORECAST_MESSAGES } from './forecast-messages.js';
import { notCountedLines, roughTotals } from './forecast.js';
import { VIEW_MESSAGES } from './messages.js';
import { STATS_MESSAGES } from './stats-messages.js';
import { type NoteView, noteLabel } from './team.js';
import { classTitle } from './stats.js';

/** At most this many rows in a table: a week with thousands of moves still makes a file worth opening. */
export const MAX_TABLE_ROWS = 200;

/** Fonts for every locale: Latin first, then the CJK faces of Linux, macOS and Windows. */
export const FONT_STACK = '"Noto Sans", "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans CJK TC", "Source Han Sans SC", "PingFang SC", "PingFang TC", "Microsoft YaHei", "Microsoft JhengHei", sans-serif';

export type ChartSpec = Record<string, unknown>;

export interface ReportChart {
  id: 'pipeline' | 'calibration' | 'steps';
  title: string;
  spec: ChartSpec;
  /** How many marks the chart draws (bars): what a test counts in the page. */
  marks: number;
}

export interface ReportView {
  locale: Locale;
  lang: string;
  title: string;
  scope: string;
  charts: ReportChart[];
  /** Vega's role names (axis, legend, bar) as a screen reader should announce them, by the English name (src/report/charts.ts). */
  chartRoles: Record<string, string>;
  moved: { title: string; header: string[]; rows: string[][]; more?: string; empty?: string };
  steps: { title: string; days: { date: string; items: string[] }[]; overdue?: string; empty?: string };
  flags: { title: string; rows: [string, number][] };
  /** This month's forecast (stats/forecast.ts): a line per category, then per class with its chance and where it comes from. */
  forecast?: { title: string; header: string[]; rows: string[][]; classes: string[]; empty?: string };
  /** The week's waterfall of the value in play, a row per currency (none when no account has a value). */
  value?: { title: string; header: string[]; rows: string[][]; note: string };
  /** The managers' questions no one has closed (team database): each a line, its thread under it. */
  questions?: { title: string; items: { head: string; thread: string[] }[] };
  footer: string;
}

const config = (font: string) => ({ font, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11 }, legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom', direction: 'vertical', labelLimit: 0 } });

/** An axis of whole numbers: a count of 1 has no tick at 0.5. */
function countAxis(ns: number[]): Record<string, unknown> {
  const max = Math.max(0, ...ns);
  return max <= 10 ? { values: Array.from({ length: max + 1 }, (_, i) => i), format: 'd' } : { tickMinStep: 1, format: 'd' };
}

/** A team's forecast as `forecast --team` makes it: each rep's own, and the team's added up. */
export interface ReportTeamForecast {
  reps: readonly { rep: string; forecast: Forecast }[];
  team: TeamForecast;
}

export function reportView(r: WeeklyReport, locale: Locale, who?: { rep: string } | { team: string[] }, forecast?: Forecast | ReportTeamForecast, questions?: readonly { rep?: string; note: NoteView }[], value?: readonly ValueWeek[]): ReportView {
  const m = STATS_MESSAGES[locale];
  const d = (date: string) => formatDate(date, locale);
  const name = (key: string, labels: Partial<Record<Locale, string>>) => (key === '?' ? m.provisional : classTitle(key, labels, locale));
  const short = (key: string) => (key === '?' ? m.provisional : sanitize(key));

  // -- pipeline: this week against last, a pair of bars per class -------------------------------------
  const pipelineValues = r.pipeline.flatMap((b) => [
    { cls: short(b.key), name: name(b.key, b.labels), week: m.lastWeek, order: 0, n: b.lastWeek, label: m.chartBar.pipeline(name(b.key, b.labels), m.lastWeek, b.lastWeek) },
    { cls: short(b.key), name: name(b.key, b.labels), week: m.thisWeek, order: 1, n: b.thisWeek, label: m.chartBar.pipeline(name(b.key, b.labels), m.thisWeek, b.thisWeek) },
  ]);
  // what a screen reader says (aria labels): Vega-Lite's own are English ("X-axis for a discrete scale
  // with 2 values", "cls: A; week: 上周"); each bar, axis and legend is given its words in the report's language
  const said = (text: string) => ({ description: text });
  const scale = (title: string, ns: number[]) => said(m.chartScale(title, Math.max(0, ...ns)));
  const classOrder = r.pipeline.map((b) => short(b.key));
  const pipeline: ReportChart = {
    id: 'pipeline',
    title: m.pipeline,
    marks: pipelineValues.length,
    spec: {
      // a fixed width: Vega measures text without a browser and under-counts Chinese characters,
      // so a chart sized to its marks would cut a Chinese legend short
      width: 360,
      height: 180,
      description: m.pipeline,
      data: { values: pipelineValues },
      mark: { type: 'bar', tooltip: false },
      encoding: {
        x: { field: 'cls', type: 'nominal', sort: classOrder, title: null, axis: { labelAngle: 0, ...said(m.chartClasses(r.pipeline.map((b) => name(b.key, b.labels)))) } },
        xOffset: { field: 'week', sort: [m.lastWeek, m.thisWeek] },
        y: { field: 'n', type: 'quantitative', title: m.accountsAxis, axis: { ...countAxis(pipelineValues.map((x) => x.n)), ...scale(m.accountsAxis, pipelineValues.map((x) => x.n)) } },
        color: { field: 'week', type: 'nominal', sort: [m.lastWeek, m.thisWeek], scale: { range: ['#b8c4d6', '#2b5f9e'] }, title: null, legend: said(m.chartLegend([m.lastWeek, m.thisWeek])) },
        description: { field: 'label' },
      },
      config: config(FONT_STACK),
    },
  };

  // -- calibration: the planned window against the median actual days, per class --------------------------
  const calValues = r.calibration
    .filter((c) => c.window && c.medianDaysToSign !== null)
    .flatMap((c) => [
      { cls: short(c.class), what: m.plannedWindow, days: c.window?.max ?? 0, label: m.chartBar.calibration(name(c.class, c.labels), m.plannedWindow, c.window?.max ?? 0) },
      { cls: short(c.class), what: m.actualDays, days: c.medianDaysToSign ?? 0, label: m.chartBar.calibration(name(c.class, c.labels), m.actualDays, c.medianDaysToSign ?? 0) },
    ]);
  const calClasses = r.calibration.filter((c) => c.window && c.medianDaysToSign !== null).map((c) => name(c.class, c.labels));
  const calibration: ReportChart = {
    id: 'calibration',
    title: m.calibrationChart,
    marks: calValues.length,
    spec: {
      // a fixed width: Vega measures text without a browser and under-counts Chinese characters,
      // so a chart sized to its marks would cut a Chinese legend short
      width: 360,
      height: 180,
      description: m.calibrationChart,
      data: { values: calValues },
      mark: { type: 'bar', tooltip: false },
      encoding: {
        x: { field: 'cls', type: 'nominal', sort: r.calibration.map((c) => short(c.class)), title: null, axis: { labelAngle: 0, ...said(m.chartClasses(calClasses)) } },
        xOffset: { field: 'what', sort: [m.plannedWindow, m.actualDays] },
        y: { field: 'days', type: 'quantitative', title: m.daysAxis, axis: scale(m.daysAxis, calValues.map((x) => x.days)) },
        color: { field: 'what', type: 'nominal', sort: [m.plannedWindow, m.actualDays], scale: { range: ['#b8c4d6', '#c0572b'] }, title: null, legend: said(m.chartLegend([m.plannedWindow, m.actualDays])) },
        description: { field: 'label' },
      },
      config: config(FONT_STACK),
    },
  };

  // -- next steps: how many fall due each day of the coming two weeks ----------------------------------
  const stepValues = r.nextSteps.map((x) => ({ day: d(x.date).replace(/, \d{4}$/, ''), date: x.date, n: x.steps.length, label: m.chartBar.steps(d(x.date), x.steps.length) }));
  const steps: ReportChart = {
    id: 'steps',
    title: m.nextSteps,
    marks: stepValues.length,
    spec: {
      width: { step: 26 },
      height: 120,
      description: m.nextSteps,
      data: { values: stepValues },
      mark: { type: 'bar', tooltip: false, color: '#2b5f9e' },
      encoding: {
        x: {
          field: 'date',
          type: 'ordinal',
          title: null,
          axis: { labelAngle: -45, labelExpr: 'slice(datum.value, 5)', ...(stepValues.length ? said(m.chartDays(d(stepValues[0].date), d(stepValues[stepValues.length - 1].date))) : {}) },
        },
        y: { field: 'n', type: 'quantitative', title: m.stepsAxis, axis: { ...countAxis(stepValues.map((x) => x.n)), ...scale(m.stepsAxis, stepValues.map((x) => x.n)) } },
        description: { field: 'label' },
      },
      config: config(FONT_STACK),
    },
  };

  const rows = r.moved.slice(0, MAX_TABLE_ROWS).map((x) => {
    const from = x.from ? name(x.from, x.fromLabels ?? {}) : undefined;
    const to = x.to ? name(x.to, x.toLabels ?? {}) : undefined;
    const what = `${m.move[x.kind] ?? x.kind}${from && to ? `: ${from} → ${to}` : to ? `: ${to}` : ''}`;
    // a manager's report speaks of the rep in the third person
    return [d(x.date), sanitize(x.account), what, sanitize((x.rep ? reasonsAbout(x, locale, x.rep) : reasonsIn(x, locale)).join('; '))];
  });
  return {
    locale,
    lang: locale,
    title: who ? `${m.reportTitle(d(r.today))} · ${'rep' in who ? sanitize(who.rep) : m.teamOf(who.team.length)}` : m.reportTitle(d(r.today)),
    scope: m.reportScope(r.accounts, d(r.weekStart), d(r.today)),
    charts: [pipeline, calibration, steps],
    chartRoles: m.chartRoles,
    moved: {
      title: m.moved,
      header: [m.colDate, m.colAccount, m.colWhat, m.colWhy],
      rows,
      ...(r.moved.length > MAX_TABLE_ROWS ? { more: m.moreRows(r.moved.length - MAX_TABLE_ROWS) } : {}),
      ...(r.moved.length === 0 ? { empty: m.noMoves } : {}),
    },
    steps: {
      title: m.nextSteps,
      days: r.nextSteps.filter((x) => x.steps.length).map((x) => {
        // in the reader's language, as the rep's checklist and team review say them
        const items = x.steps.slice(0, 20).map((s) => UI[locale].label(sanitize(s.account), sanitize(stepText(s, locale))));
        if (x.steps.length > 20) items.push(m.moreRows(x.steps.length - 20));
        return { date: d(x.date), items };
      }),
      // a manager's own checklist is empty: their reps' steps are read in team review
      ...(r.overdue.steps ? { overdue: who ? m.overdueOfTeam(r.overdue.steps, r.overdue.accounts) : m.overdue(r.overdue.steps, r.overdue.accounts) } : {}),
      ...(r.nextSteps.every((x) => x.steps.length === 0) ? { empty: m.noSteps } : {}),
    },
    flags: { title: m.flags, rows: Object.entries(r.flags).map(([k, n]) => [m.flag[k] ?? k, n]) },
    ...(forecast ? { forecast: forecastSection(forecast, locale, who) } : {}),
    ...(value?.length
      ? {
          value: {
            title: m.valueWeek,
            header: m.valueHeader,
            rows: value.map((w) => [w.currency ?? '', ...[w.start, w.new, w.up, w.down, w.signed, w.dropped, w.end].map((n) => formatMoney(n, w.currency, locale))]),
            note: m.valueNote,
          },
        }
      : {}),
    ...(questions?.length ? { questions: { title: m.openQuestions, items: questions.map((q) => questionItem(q, locale)) } } : {}),
    footer: m.made(d(r.today)),
  };
}

/** A question as the report lists it: the account (with its rep on a team's report), who asked what, and its thread. */
function questionItem(q: { rep?: string; note: NoteView }, locale: Locale): { head: string; thread: string[] } {
  const v = VIEW_MESSAGES[locale];
  const n = q.note;
  const account = q.rep ? `${n.account} (${q.rep})` : n.account;
  return {
    head: sanitize(`${formatDate(n.date, locale)}  ${noteLabel(locale, account, (x) => v.managerNote(n.kind, n.by, n.class, x), n.note)}`),
    thread: [...(n.replies ?? []).map((r) => sanitize(`${v.noteReply(r.by, r.note)}${UI[locale].aside(formatDate(r.date, locale))}`)), v.noteState((n.replies ?? []).length > 0)],
  };
}

/**
 * The forecast as the report shows it: the same numbers and words as `forecast` on the terminal,
 * whole units as it rounds them. A team's is `forecast --team`'s: each rep on their own rates, added
 * up (one team rate pooled over every rep's cases gave other figures than forecast --team).
 */
function forecastSection(f: Forecast | ReportTeamForecast, locale: Locale, who?: { rep: string } | { team: string[] }): NonNullable<ReportView['forecast']> {
  const m = FORECAST_MESSAGES[locale];
  const pct = (chance: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(chance);
  const chances = (x: Forecast, whose: string | undefined, prefix = '') =>
    x.classes.map((c) => sanitize(UI[locale].label(`${prefix}${c.labels[locale] ?? c.class}`, c.source === 'calibrated' ? m.chanceOwn(pct(c.chance), c.signedInWindow, c.decided, whose) : m.chanceDefault(pct(c.chance), c.decided, MIN_RATE_N, whose))));
  const rows = (x: Pick<Forecast, 'categories'>) => FORECAST_CATEGORIES.map((k) => [m.category[k], roughTotals(x.categories[k].expected, locale), roughTotals(x.categories[k].value, locale), String(x.categories[k].accounts)]);
  if ('team' in f) {
    const period = f.team.period ?? f.reps[0]?.forecast.period;
    const left = NOT_COUNTED.filter((k) => f.team.notCounted[k].accounts > 0);
    return {
      title: period ? sanitize(m.title(period.kind, formatDate(period.from, locale), formatDate(period.to, locale))) : '',
      header: m.reportHeader,
      rows: rows(f.team),
      classes: [
        ...f.reps.flatMap((r) => chances(r.forecast, sanitize(r.rep), `${sanitize(r.rep)} · `)),
        ...(left.length ? [sanitize(m.teamNotCounted(left.map((k) => m.teamLeft[k](f.team.notCounted[k].accounts)).join(m.listSep)))] : []),
      ],
      ...(f.reps.every((r) => r.forecast.classes.length === 0) ? { empty: m.nothing } : {}),
    };
  }
  // a manager's report speaks of the rep, or of the team, never "your"
  const whose = who ? ('rep' in who ? sanitize(who.rep) : m.theTeam) : undefined;
  return {
    title: sanitize(m.title(f.period.kind, formatDate(f.period.from, locale), formatDate(f.period.to, locale))),
    header: m.reportHeader,
    rows: rows(f),
    classes: [
      ...chances(f, whose),
      // what is in play and not in it, as the forecast screen says it
      ...notCountedLines(f, locale, who ? ('rep' in who ? { rep: who.rep } : { team: true }) : {}).map((l) => sanitize(UI[locale].label(m.notCounted, l))),
    ],
    ...(f.classes.length === 0 ? { empty: m.nothing } : {}),
  };
}

/** Text for HTML: every character that could open markup escaped. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: ${FONT_STACK}; color: #1d2733; background: #fff; margin: 0 auto; max-width: 186mm; padding: 16px; font-size: 13px; line-height: 1.45; }
h1 { font-size: 20px; margin: 0 0 2px; }
h2 { font-size: 15px; margin: 22px 0 8px; border-bottom: 1px solid #d5dbe3; padding-bottom: 3px; }
.scope, footer, .note { color: #5b6877; }
figure { margin: 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid #e6eaef; }
th { color: #5b6877; font-weight: 600; }
tr { break-inside: avoid; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
section { break-inside: avoid-page; }
ul { margin: 2px 0 8px; padding-left: 18px; }
footer { margin-top: 24px; font-size: 11px; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

/** The whole page: `svgs` are the charts drawn (same order as view.charts). */
export function renderReportHtml(v: ReportView, svgs: string[]): string {
  const e = escapeHtml;
  const chart = (c: ReportChart, i: number) => `<section class="chart" data-chart="${c.id}" data-marks="${c.marks}"><h2>${e(c.title)}</h2><figure>${svgs[i] ?? ''}</figure></section>`;
  const [pipeline, calibration, steps] = v.charts;
  const moved = v.moved.empty
    ? `<p class="note">${e(v.moved.empty)}</p>`
    : `<table><thead><tr>${v.moved.header.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${v.moved.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>${v.moved.more ? `<p class="note">${e(v.moved.more)}</p>` : ''}`;
  const days = v.steps.days.map((d) => `<h3 style="font-size:13px;margin:8px 0 0">${e(d.date)}</h3><ul>${d.items.map((x) => `<li>${e(x)}</li>`).join('')}</ul>`).join('');
  const flags = `<table><tbody>${v.flags.rows.map(([k, n]) => `<tr><td>${e(k)}</td><td class="n">${n}</td></tr>`).join('')}</tbody></table>`;
  return `<!DOCTYPE html>
<html lang="${e(v.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(v.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${e(v.title)}</h1><p class="scope">${e(v.scope)}</p></header>
${chart(pipeline, 0)}
<section><h2>${e(v.moved.title)}</h2>${moved}</section>
${chart(calibration, 1)}
${chart(steps, 2)}
<section>${v.steps.overdue ? `<p class="note">${e(v.steps.overdue)}</p>` : ''}${v.steps.empty ? `<p class="note">${e(v.steps.empty)}</p>` : days}</section>
<section><h2>${e(v.flags.title)}</h2>${flags}</section>
${v.forecast ? `<section data-section="forecast"><h2>${e(v.forecast.title)}</h2>${v.forecast.empty ? `<p class="note">${e(v.forecast.empty)}</p>` : `<table><thead><tr>${v.forecast.header.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${v.forecast.rows.map(([k, ...ns]) => `<tr><td>${e(k)}</td>${ns.map((n) => `<td class="n">${e(n)}</td>`).join('')}</tr>`).join('')}</tbody></table>`}<ul>${v.forecast.classes.map((x) => `<li>${e(x)}</li>`).join('')}</ul></section>` : ''}
${v.value ? `<section data-section="value"><h2>${e(v.value.title)}</h2><table><thead><tr>${v.value.header.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${v.value.rows.map(([k, ...ns]) => `<tr><td>${e(k)}</td>${ns.map((n) => `<td class="n">${e(n)}</td>`).join('')}</tr>`).join('')}</tbody></table><p class="note">${e(v.value.note)}</p></section>` : ''}
${v.questions ? `<section data-section="questions"><h2>${e(v.questions.title)}</h2><ul>${v.questions.items.map((q) => `<li>${e(q.head)}<ul>${q.thread.map((t) => `<li>${e(t)}</li>`).join('')}</ul></li>`).join('')}</ul></section>` : ''}
<footer>${e(v.footer)}</footer>
</body>
</html>
`;
}
