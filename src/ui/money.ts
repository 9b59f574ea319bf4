/**
 * Amounts as each language writes them (Intl.NumberFormat): 120,000 / ¥120,000 / NT$120,000. A value
 * keeps the currency it was given in; totals are per currency, never converted.
 */
import type { Locale } from '../playbook/types.js';

const formats = new Map<string, Intl.NumberFormat>();

function formatFor(locale: Locale, currency: string | undefined): Intl.NumberFormat {
  const key = `${locale}|${currency ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    f = currency
      ? new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 2 })
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    formats.set(key, f);
  }
  return f;
}

/** One amount in the reader's language; without a currency, the number alone. */
export function formatMoney(amount: number, currency: string | undefined, locale: Locale): string {
  const text = formatFor(locale, currency).format(amount);
  // Taiwan writes its own dollar NT$ where the amount could be read as another dollar; Intl's zh-TW says "$"
  return currency === 'TWD' && locale === 'zh-TW' ? text.replace(/^(-?)\$/, '$1NT$') : text;
}

/** Amounts in several currencies, each added up apart ("¥1,200,000 + US$30,000"); empty for none. */
export function formatTotals(values: readonly { amount: number; currency?: string }[], locale: Locale): string {
  return sumMoney(values)
    .map((v) => formatMoney(v.amount, v.currency, locale))
    .join(' + ');
}

/** Amounts added up per currency, in the order each currency first comes. */
export function sumMoney(values: readonly { amount: number; currency?: string }[]): { amount: number; currency?: string }[] {
  const by = new Map<string, number>();
  for (const v of values) by.set(v.currency ?? '', (by.get(v.currency ?? '') ?? 0) + v.amount);
  return [...by].map(([currency, amount]) => ({ amount, ...(currency ? { currency } : {}) }));
}
