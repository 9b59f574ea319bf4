/**
 * `forecast` on the terminal and as JSON: the core's numbers (stats/forecast.ts) with each line's
 * working shown (value x chance = expected), so that a rep can check it by hand.
 */
import type { ChalkInstance } from 'chalk';
import type { Locale } from '../../engine/model.js';
import { FORECAST_CATEGORIES } from '../../engine/model.js';
import { type Accuracy, type Forecast, type ForecastPeriod, type Money, NOT_COUNTED, type NotCountedKind, type TeamForecast } from '../../stats/forecast.js';
import { daysBetween } from '../../engine/dates.js';
import { MIN_RATE_N } from '../../stats/stats.js';
import { hanging, stringWidth } from '../layout.js';
import { formatDate, UI } from '../messages.js';
import { formatMoney } from '../money.js';
import { sanitize } from '../sanitize.js';
import { FORECAST_MESSAGES } from './forecast-messages.js';

const pct = (chance: number, locale: Locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(chance);

/** A date that a line break never splits ("Fri 18 Dec 2026" whole). */
const whole = (text: string) => text.replace(/ /g, '\u00a0');
/** Money as the forecast shows it: whole units (an expected amount is an estimate, not cents). */
const rough = (amount: number, currency: string | undefined, locale: Locale) => formatMoney(Math.round(amount), currency, locale);
/** Whole units, as the README promises (the report printed cents). */
export const roughTotals = (m: Money, locale: Locale) => (m.length ? m.map((x) => rough(x.amount, x.currency, locale)).join(' + ') : formatMoney(0, undefined, locale));

/** `rep`: a manager reads a rep's forecast, said of the rep, with no hint to change what is theirs. */
export function renderForecastTerminal(f: Forecast, locale: Locale, c: ChalkInstance, width: number, opts: { rep?: string; kept?: boolean } = {}): string {
  const m = FORECAST_MESSAGES[locale];
  const s = sanitize;
  const rep = opts.rep !== undefined ? s(opts.rep) : undefined;
  const out: string[] = [c.bold(m.title(f.period.kind, formatDate(f.period.from, locale), formatDate(f.period.to, locale)))];
  const days = daysBetween(f.period.from, f.period.to) + 1;
  if (days < 7) out.push(c.dim(hanging('', m.shortPeriod(days), width)));
  if (f.classes.length === 0) out.push('', c.dim(m.nothing));
  else {
    out.push('');
    const names = FORECAST_CATEGORIES.map((k) => m.category[k]);
    const w = Math.max(...names.map(stringWidth));
    for (const k of FORECAST_CATEGORIES) {
      const cat = f.categories[k];
      const name = m.category[k];
      const unvalued = f.classes.filter((x) => FORECAST_CATEGORIES.indexOf(x.category) <= FORECAST_CATEGORIES.indexOf(k)).reduce((n, x) => n + x.unvalued, 0);
      const line = cat.accounts === 0 ? m.noAccount : cat.value.length ? m.expectedOf(roughTotals(cat.expected, locale), roughTotals(cat.value, locale), cat.accounts, unvalued) : m.noValue(cat.accounts);
      out.push(hanging(`  ${c.bold(name)}${' '.repeat(w - stringWidth(name))}  `, line, width));
    }
    out.push(hanging('  ', c.dim(rep !== undefined ? m.categoryHelpRep : m.categoryHelp), width));
    for (const k of f.classes) {
      out.push('', c.bold.underline(s(k.labels[locale] ?? k.class)));
      const chance = pct(k.chance, locale);
      out.push(hanging('  ', c.dim(k.source === 'calibrated' ? m.chanceOwn(chance, k.signedInWindow, k.decided, rep) : m.chanceDefault(chance, k.decided, MIN_RATE_N, rep)), width));
      // the rep's own rate as the fraction it is (4/7), so that value x chance = expected checks by hand
      const factor = k.source === 'calibrated' ? `${k.signedInWindow}/${k.decided}` : chance;
      for (const a of k.accounts) {
        const worth = a.value ? m.row(rough(a.value.amount, a.value.currency, locale), factor, rough(a.expected ?? 0, a.value.currency, locale)) : c.dim(rep !== undefined ? m.unvaluedRep : m.unvalued);
        const day = whole(a.dateFrom === 'expected' ? m.expectedOn(formatDate(a.date, locale)) : m.windowEnds(formatDate(a.date, locale)));
        out.push(hanging('    ', `${c.bold(s(a.name))}  ${worth}${c.dim(`  ${day}`)}`, width));
      }
    }
    out.push('', c.bold(m.total(roughTotals(f.expected, locale))));
  }
  const left = notCountedLines(f, locale, rep !== undefined ? { rep } : {});
  if (left.length) {
    out.push('', c.dim(m.notCounted));
    for (const l of left) out.push(c.dim(hanging('  ', l, width)));
  }
  if (opts.kept) out.push('', c.dim(m.kept));
  return `${out.join('\n')}\n`;
}

/** What is in play and not in the forecast, each with its value: the screen and the report say the same. */
export function notCountedLines(f: Forecast, locale: Locale, reader: { rep?: string; team?: boolean } = {}): string[] {
  const m = FORECAST_MESSAGES[locale];
  const n = f.notCounted;
  const value = (k: NotCountedKind) => (n[k].valued ? roughTotals(n[k].value, locale) : '');
  const names = (n.past.names ?? []).map(sanitize);
  const named = names.length ? `${names.join(UI[locale].tickSep)}${n.past.accounts > names.length ? ` ${m.andMore(n.past.accounts - names.length)}` : ''}` : '';
  return [
    // the command that lists them, for whoever reads: a manager's names the rep, a team's is team review
    n.past.accounts ? m.pastDate(n.past.accounts, value('past'), named, reader.team ? 'team review --all' : reader.rep !== undefined ? `accounts --flag window --rep ${reader.rep}` : undefined) : undefined,
    n.after.accounts ? m.afterPeriod(n.after.accounts, value('after')) : undefined,
    n.provisional.accounts ? m.provisional(n.provisional.accounts, value('provisional')) : undefined,
    n.unclassified.accounts ? m.unclassified(n.unclassified.accounts, value('unclassified')) : undefined,
  ].filter((x): x is string => x !== undefined);
}

/** Each kept forecast against what signed, latest period first: per class, expected against signed. */
export function renderAccuracyTerminal(list: readonly Accuracy[], kind: ForecastPeriod, locale: Locale, c: ChalkInstance, width: number): string {
  const m = FORECAST_MESSAGES[locale];
  const s = sanitize;
  const out: string[] = [c.bold(m.accuracyTitle(kind))];
  if (list.length === 0) out.push('', c.dim(hanging('', m.noneKept(kind), width)));
  for (const a of list) {
    out.push('', c.bold.underline(m.keptOn(formatDate(a.madeOn, locale), formatDate(a.from, locale), formatDate(a.to, locale))));
    const names = a.classes.map((k) => s(k.labels[locale] ?? k.class));
    const w = Math.max(0, ...names.map(stringWidth));
    // nothing signed is said in the currency the forecast expected ("CN¥0", not "0")
    const none = (expected: Money) => formatMoney(0, expected[0]?.currency, locale);
    const shown = (x: Money, expected: Money) => (x.length ? roughTotals(x, locale) : none(expected));
    a.classes.forEach((k, i) => {
      out.push(hanging(`  ${names[i]}${' '.repeat(w - stringWidth(names[i]))}  `, m.expectedSigned(roughTotals(k.expected, locale), shown(k.signed, k.expected), k.signedAccounts, k.accounts), width));
    });
    out.push(hanging('  ', c.bold(m.accuracyTotal(roughTotals(a.expected, locale), shown(a.signed, a.expected))), width));
    if (a.unforecast.accounts) out.push(hanging('  ', m.unforecast(a.unforecast.accounts, a.unforecast.value.length ? roughTotals(a.unforecast.value, locale) : '', a.unforecast.names.map(s).join(UI[locale].tickSep)), width));
  }
  return `${out.join('\n')}\n`;
}

/**
 * A manager's forecast of their team: a line per rep (expected, and each category's value and accounts,
 * on the rep's own rates), then the team's in all; `forecast --rep` shows one rep's working.
 */
export function renderTeamForecastTerminal(reps: readonly { rep: string; forecast: Forecast }[], team: TeamForecast, locale: Locale, c: ChalkInstance, width: number): string {
  const m = FORECAST_MESSAGES[locale];
  const period = team.period ?? reps[0]?.forecast.period;
  const out: string[] = period ? [c.bold(m.teamTitle(period.kind, formatDate(period.from, locale), formatDate(period.to, locale)))] : [];
  const line = (f: Pick<Forecast, 'categories' | 'expected'>) =>
    [m.teamExpected(roughTotals(f.expected, locale)), ...FORECAST_CATEGORIES.filter((k) => f.categories[k].accounts > 0).map((k) => m.teamCategory(m.category[k], roughTotals(f.categories[k].expected, locale), roughTotals(f.categories[k].value, locale), f.categories[k].accounts))].join(' · ');
  const names = [...reps.map((r) => sanitize(r.rep)), m.teamAll];
  const w = Math.max(...names.map(stringWidth));
  for (const r of reps) {
    const name = sanitize(r.rep);
    const counted = FORECAST_CATEGORIES.some((k) => r.forecast.categories[k].accounts > 0);
    out.push(hanging(`  ${c.bold(name)}${' '.repeat(w - stringWidth(name))}  `, counted ? line(r.forecast) : c.dim(m.noAccount), width));
  }
  out.push('', hanging(`  ${c.bold(m.teamAll)}${' '.repeat(w - stringWidth(m.teamAll))}  `, c.bold(line(team)), width));
  const left = NOT_COUNTED.filter((k) => team.notCounted[k].accounts > 0);
  if (left.length) out.push('', c.dim(hanging('', m.teamNotCounted(left.map((k) => m.teamLeft[k](team.notCounted[k].accounts)).join(m.listSep)), width)));
  out.push('', c.dim(hanging('', m.teamHint, width)));
  return `${out.join('\n')}\n`;
}
