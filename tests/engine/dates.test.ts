/**
 * Dates read digit by digit give the same day numbers as reading them by splitting on "-" did, for
 * every date and for the odd strings that reach the engine from old or hand-edited data.
 */
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/engine/dates.js';

const bySplit = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};
const daysBySplit = (from: string, to: string) => Math.round((bySplit(to) - bySplit(from)) / 86_400_000);

describe('calendar dates', () => {
  it('counts days between every day of 1999-2031 and a fixed day as splitting did', () => {
    let date = '1999-01-01';
    let n = 0;
    while (date < '2032-01-01') {
      expect(daysBetween(date, '2026-12-05')).toBe(daysBySplit(date, '2026-12-05'));
      expect(daysBetween('2026-12-05', date)).toBe(daysBySplit('2026-12-05', date));
      date = addDays(date, 1);
      n++;
    }
    expect(n).toBe(12053);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-12-01', '2026-12-11')).toBe(10);
  });

  it('reads odd strings the way splitting read them', () => {
    for (const odd of ['0026-01-05', '2026-00-10', '2026-13-01', '2026-02-31', '2026-01-00', '2026-1-5', '2026-01-5x', 'x026-01-05', '2026/01/05', '20260105', '', '+026-01-05', '2026-01-05T00']) {
      const mine = daysBetween(odd, '2026-12-05');
      const theirs = daysBySplit(odd, '2026-12-05');
      expect(Number.isNaN(mine) ? 'NaN' : mine, odd).toBe(Number.isNaN(theirs) ? 'NaN' : theirs);
    }
  });
});
