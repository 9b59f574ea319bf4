/**
 * formatDate words dates by table, not by building an Intl.DateTimeFormat (20-100 ms, the first
 * question's largest cost; issue 25): held to Intl's words on every day of the years sales-coach works
 * with, in every locale, as zod-fast is held to zod.
 */
import { describe, expect, it } from 'vitest';
import { YEARS } from '../../src/engine/dates.js';
import { LOCALES } from '../../src/engine/model.js';
import { formatDate, formatDateIntl } from '../../src/ui/messages.js';

describe('formatDate', () => {
  it.each(LOCALES)('%s: the same words as Intl.DateTimeFormat, every day from 1900 to 2200', (locale) => {
    const differ: string[] = [];
    for (let t = Date.UTC(YEARS.min, 0, 1); t <= Date.UTC(YEARS.max, 11, 31); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      if (formatDate(day, locale) !== formatDateIntl(day, locale)) differ.push(`${day}: ${formatDate(day, locale)} / ${formatDateIntl(day, locale)}`);
    }
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it('reads as the screens show it', () => {
    expect(formatDate('2026-11-27', 'en')).toBe('Fri, 27 Nov 2026');
    expect(formatDate('2026-09-05', 'en')).toBe('Sat, 5 Sept 2026');
    expect(formatDate('2026-11-27', 'zh-CN')).toBe('2026年11月27日周五');
    expect(formatDate('2026-11-27', 'zh-TW')).toBe('2026年11月27日週五');
  });
});
