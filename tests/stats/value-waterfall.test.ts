/** The week's waterfall of the value in play (issue 26), with the figures worked out by hand. */
import { describe, expect, it } from 'vitest';
import { type ValueChange, valueWaterfall } from '../../src/stats/forecast.js';
import type { StatsAccount, StatsEvent } from '../../src/store/types.js';

const classed = (date: string, to: string): StatsEvent => ({ kind: 'class-changed', date, to, status: 'classified', movement: 'new', because: [] }) as StatsEvent;
const account = (name: string, events: StatsEvent[], value?: number, currency?: string): StatsAccount => ({
  name,
  signed: events.some((e) => e.kind === 'signed'),
  dropped: events.some((e) => e.kind === 'dropped'),
  contacts: 1,
  openItems: 0,
  events,
  visits: [],
  ...(value !== undefined ? { value: { amount: value, ...(currency ? { currency } : {}) } } : {}),
});

describe('valueWaterfall', () => {
  it('a week ago + new + up − down − signed − dropped = now, each account where it belongs', () => {
    // the week: Sat 21 to Fri 27 Nov; "a week ago" is the end of Fri 20 Nov
    const accounts = [
      account('Up', [classed('2026-11-10', 'A')], 100), // 80 then, 100 on the 24th: up 20
      account('New', [classed('2026-11-23', 'B')], 50), // came into play this week: new 50
      account('Signed', [classed('2026-11-10', 'A'), { kind: 'signed', date: '2026-11-25', class: 'A' } as StatsEvent], 70), // signed 70
      account('Dropped', [classed('2026-11-10', 'B'), classed('2026-11-26', 'D'), { kind: 'dropped', date: '2026-11-26', class: 'D', because: [] } as StatsEvent], 40), // 30, up 10 on the 22nd, dropped at 40
      account('None', [classed('2026-11-10', 'C')]),
      account('Old', [classed('2026-10-01', 'A'), { kind: 'signed', date: '2026-10-20', class: 'A' } as StatsEvent], 999), // signed before: nothing
    ];
    const changes: ValueChange[] = [
      { account: 'Up', date: '2026-11-24', before: 80, after: 100 },
      { account: 'Dropped', date: '2026-11-22', before: 30, after: 40 },
      { account: 'New', date: '2026-11-23', before: null, after: 50 },
    ];
    expect(valueWaterfall(accounts, changes, { weekStart: '2026-11-21', today: '2026-11-27' })).toEqual([{ start: 180, new: 50, up: 30, down: 0, signed: 70, dropped: 40, end: 150 }]);
  });

  it('per currency, never converted; a change after today is taken back to today; a value given to an old account is up', () => {
    const accounts = [account('Yuan', [classed('2026-11-01', 'A')], 90, 'CNY'), account('Twd', [classed('2026-11-01', 'B')], 500, 'TWD'), account('Given', [classed('2026-11-01', 'C')], 10, 'CNY')];
    const changes: ValueChange[] = [
      { account: 'Yuan', date: '2026-11-23', before: 120, after: 100, currencies: { before: 'CNY', after: 'CNY' } },
      { account: 'Yuan', date: '2026-11-30', before: 100, after: 90, currencies: { before: 'CNY', after: 'CNY' } },
      { account: 'Given', date: '2026-11-22', before: null, after: 10, currencies: { after: 'CNY' } },
    ];
    expect(valueWaterfall(accounts, changes, { weekStart: '2026-11-21', today: '2026-11-27' })).toEqual([
      { currency: 'CNY', start: 120, new: 0, up: 10, down: 20, signed: 0, dropped: 0, end: 110 },
      { currency: 'TWD', start: 500, new: 0, up: 0, down: 0, signed: 0, dropped: 0, end: 500 },
    ]);
  });
});
