/**
 * `forecast` on the terminal and as JSON: the core's numbers (stats/forecast.ts) with each line's
 * working shown (value x chance = expected), so that a rep can check it by hand.
 */
import type { ChalkInstance } from 'chalk';
import type { Locale } from '../../engine/model.js';
import { FORECAST_CATEGORIES } from '../../engine/model.js';
import type { Accuracy, Forecast, ForecastPeriod, Money } from '../../stats/forecast.js';
import { MIN_RATE_N } from '../../stats/stats.js';
import { hanging, stringWidth } from '../layout.js';
import { formatDate } from '../messages.js';
import { formatMoney, formatTotals } from '../money.js';
import { sanitize } from '../sanitize.js';
import { FORECAST_MESSAGES } from './forecast-messages.js';

const pct = (chance: number, locale: Locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(chance);
const money = (m: Money, locale: Locale) => (m.length ? formatTotals(m, locale) : formatMoney(0, undefined, locale));

export function renderForecastTerminal(f: Forecast, locale: Locale, c: ChalkInstance, width: number): string {
  const m = FORECAST_MESSAGES[locale];
  const s = sanitize;
  const out: string[] = [c.bold(m.title(f.period.kind, formatDate(f.period.from, locale), formatDate(f.period.to, locale)))];
  if (f.classes.length === 0) out.push('', c.dim(m.nothing));
  else {
    out.push('');
    const names = FORECAST_CATEGORIES.map((k) => m.category[k]);
    const w = Math.max(...names.map(stringWidth));
    for (const k of FORECAST_CATEGORIES) {
      const cat = f.categories[k];
      const name = m.category[k];
      const line = cat.accounts === 0 ? m.noAccount : cat.value.length ? m.expectedOf(money(cat.expected, locale), money(cat.value, locale), cat.accounts) : m.noValue(cat.accounts);
      out.push(hanging(`  ${c.bold(name)}${' '.repeat(w - stringWidth(name))}  `, line, width));
    }
    out.push(hanging('  ', c.dim(m.categoryHelp), width));
    for (const k of f.classes) {
      out.push('', c.bold.underline(s(k.labels[locale] ?? k.class)));
      const chance = pct(k.chance, locale);
      out.push(hanging('  ', c.dim(k.source === 'calibrated' ? m.chanceOwn(chance, k.signedInWindow, k.decided) : m.chanceDefault(chance, k.decided, MIN_RATE_N)), width));
      for (const a of k.accounts) {
        const worth = a.value ? m.row(formatMoney(a.value.amount, a.value.currency, locale), chance, formatMoney(a.expected ?? 0, a.value.currency, locale)) : c.dim(m.unvalued);
        const day = a.dateFrom === 'expected' ? m.expectedOn(formatDate(a.date, locale)) : m.windowEnds(formatDate(a.date, locale));
        out.push(hanging('    ', `${c.bold(s(a.name))}  ${worth}${c.dim(`  ${day}`)}`, width));
      }
    }
    out.push('', c.bold(m.total(money(f.expected, locale))));
  }
  const left = [f.pastDate ? m.pastDate(f.pastDate) : undefined, f.afterPeriod ? m.afterPeriod(f.afterPeriod) : undefined, f.provisional ? m.provisional(f.provisional) : undefined].filter((x): x is string => x !== undefined);
  if (left.length) {
    out.push('', c.dim(m.notCounted));
    for (const l of left) out.push(c.dim(hanging('  ', l, width)));
  }
  return `${out.join('\n')}\n`;
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
    a.classes.forEach((k, i) => {
      out.push(hanging(`  ${names[i]}${' '.repeat(w - stringWidth(names[i]))}  `, m.expectedSigned(money(k.expected, locale), money(k.signed, locale), k.signedAccounts, k.accounts), width));
    });
    out.push(hanging('  ', c.bold(m.accuracyTotal(money(a.expected, locale), money(a.signed, locale))), width));
  }
  return `${out.join('\n')}\n`;
}
