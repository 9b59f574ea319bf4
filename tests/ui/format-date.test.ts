/**
 * formatDate words dates by table, not by building an Intl.DateTimeFormat (20-100 ms, the first
 * question's largest cost; issue 25): held to Intl's words on every day of the years sales-coach works
 * with, in every locale, as zod-fast is held to zod.
 */
import { describe, expect, it } from 'vitest';
import { YEARS } from '../../src/engine/dates.js';
import { LOCALES } from '../../src/engine/model.js';
import { formatDate, formatDateIntl, formatShortDate, UI } from '../../src/ui/messages.js';

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
    expect(formatDate('2026-11-27', 'en')).toBe('Fri 27 Nov 2026');
    expect(formatDate('2026-09-05', 'en')).toBe('Sat 5 Sept 2026');
    expect(formatDate('2026-11-27', 'zh-CN')).toBe('2026年11月27日周五');
    expect(formatDate('2026-11-27', 'zh-TW')).toBe('2026年11月27日週五');
  });

  it("a list's dates in one shape: another year's date is the same year's shape with its year", () => {
    // before: "Thu 3 Dec" above "Fri, 1 Jan 2027" in the steps of one screen
    expect(formatShortDate('2026-12-03', 'en', '2026-12-02')).toBe('Thu 3 Dec');
    expect(formatShortDate('2027-01-04', 'en', '2026-12-02')).toBe('Mon 4 Jan 2027');
    expect(formatShortDate('2026-09-03', 'en', '2026-12-02')).toBe('Thu 3 Sept');
    expect(formatShortDate('2027-01-04', 'zh-CN', '2026-12-02')).toBe('2027年1月4日周一');
    for (const locale of LOCALES) {
      const f = new Intl.DateTimeFormat(UI[locale].dateLocale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
      for (let t = Date.UTC(2026, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
        const day = new Date(t).toISOString().slice(0, 10);
        expect(formatShortDate(day, locale, '2026-06-01'), day).toBe(f.format(new Date(t)));
      }
    }
  });
});
