/**
 * `today --calendar` over a calendar of years (issue 22): a recurring event is expanded over the period
 * shown, not walked from its first occurrence, and ical.js is not left to scan every event of the file
 * for each event's exceptions. What the fast path shows is held to a plain walk of every occurrence.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarEvents } from '../../src/cli/calendar.js';
import { addDays } from '../../src/engine/dates.js';

const pad = (n: number) => String(n).padStart(2, '0');

function ics(events: string[][]): string {
  const tz = [
    'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin',
    'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
    'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
    'END:VTIMEZONE',
  ];
  const body = events.flatMap((lines, i) => ['BEGIN:VEVENT', ...(lines.some((l) => l.startsWith('UID:')) ? [] : [`UID:e${i}@test`]), 'DTSTAMP:20200101T000000Z', ...lines, 'END:VEVENT']);
  return [...['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//test//EN'], ...tz, ...body, 'END:VCALENDAR', ''].join('\r\n');
}

/** Every occurrence walked from the first, as the reference: what a rep's calendar shows in [from, to]. */
function walked(text: string, from: string, to: string): string[] {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const tz of root.getAllSubcomponents('vtimezone')) if (!ICAL.TimezoneService.has(String(tz.getFirstPropertyValue('tzid')))) ICAL.TimezoneService.register(tz);
  const all = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c, { exceptions: [] }));
  const series = new Map(all.filter((e) => !e.isRecurrenceException()).map((e) => [e.uid, e]));
  for (const e of all) if (e.isRecurrenceException()) series.get(e.uid)?.relateException(e);
  const out: string[] = [];
  const day = (t: ICAL.Time) => {
    if (t.isDate) return { date: `${t.year}-${pad(t.month)}-${pad(t.day)}`, time: undefined };
    const d = t.toJSDate();
    return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
  };
  for (const e of series.values()) {
    const it = e.iterator();
    for (let next = it.next(); next; next = it.next()) {
      const o = e.getOccurrenceDetails(next);
      if (day(next).date > addDays(to, 40) && day(o.startDate).date > to) break;
      const at = day(o.startDate);
      if (at.date >= from && at.date <= to) out.push(`${at.date} ${at.time ?? ''} ${o.item.summary}`);
    }
  }
  return out.sort();
}

const shown = (text: string, from: string, to: string) =>
  calendarEvents(text, 'test.ics', from, to).events.map((e) => `${e.date} ${e.time ?? ''} ${e.summary}`).sort();

const RULES: [string, string[]][] = [
  ['daily since 2020', ['DTSTART:20200106T090000Z', 'DURATION:PT30M', 'RRULE:FREQ=DAILY', 'SUMMARY:daily']],
  ['every third day', ['DTSTART:20200107T090000Z', 'DURATION:PT30M', 'RRULE:FREQ=DAILY;INTERVAL=3', 'SUMMARY:third']],
  ['weekly on two days, zoned, over DST', ['DTSTART;TZID=Europe/Berlin:20190304T083000', 'DURATION:PT1H', 'RRULE:FREQ=WEEKLY;BYDAY=MO,TH', 'SUMMARY:standup']],
  ['fortnightly, WKST=SU', ['DTSTART:20210103T100000Z', 'DURATION:PT1H', 'RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,TU', 'SUMMARY:fortnight']],
  ['monthly second Tuesday', ['DTSTART;TZID=Europe/Berlin:20180213T140000', 'DURATION:PT1H', 'RRULE:FREQ=MONTHLY;BYDAY=2TU', 'SUMMARY:second tuesday']],
  ['monthly on the 31st (not moved)', ['DTSTART:20200131T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=MONTHLY', 'SUMMARY:the 31st']],
  ['every other month on the 8th', ['DTSTART:20191108T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=MONTHLY;INTERVAL=2', 'SUMMARY:bimonthly']],
  ['yearly', ['DTSTART;VALUE=DATE:20101208', 'RRULE:FREQ=YEARLY', 'SUMMARY:anniversary']],
  ['until, over', ['DTSTART:20200106T090000Z', 'DURATION:PT30M', 'RRULE:FREQ=DAILY;UNTIL=20261208T000000Z', 'SUMMARY:until']],
  ['count', ['DTSTART:20261101T090000Z', 'DURATION:PT30M', 'RRULE:FREQ=DAILY;COUNT=40', 'SUMMARY:count']],
  ['exdate in the period', ['DTSTART:20200106T090000Z', 'DURATION:PT30M', 'RRULE:FREQ=DAILY', 'EXDATE:20261208T090000Z', 'SUMMARY:exdate']],
];

describe('a recurring event is expanded over the period shown', () => {
  it.each(RULES)('%s: the same occurrences as a walk from the first', (_name, lines) => {
    const text = ics([lines]);
    for (const [from, to] of [['2026-12-07', '2026-12-13'], ['2027-03-25', '2027-04-02'], ['2026-10-22', '2026-10-28']] as const) {
      expect(shown(text, from, to)).toEqual(walked(text, from, to));
    }
  });

  it('an occurrence from long ago moved into the period (RECURRENCE-ID) is shown, and its own day is not', () => {
    const text = ics([
      ['DTSTART:20200106T090000Z', 'DURATION:PT30M', 'RRULE:FREQ=WEEKLY', 'SUMMARY:weekly'],
      ['UID:e0@test', 'RECURRENCE-ID:20200113T090000Z', 'DTSTART:20261209T150000Z', 'DURATION:PT30M', 'SUMMARY:moved from 2020'],
      ['UID:e0@test', 'RECURRENCE-ID:20261207T090000Z', 'DTSTART:20270105T150000Z', 'DURATION:PT30M', 'SUMMARY:moved out'],
    ]);
    expect(shown(text, '2026-12-07', '2026-12-13')).toEqual(walked(text, '2026-12-07', '2026-12-13'));
    expect(shown(text, '2026-12-07', '2026-12-13').join('\n')).toContain('moved from 2020');
    expect(shown(text, '2026-12-07', '2026-12-13').join('\n')).not.toContain('2026-12-07');
  });

  it('an event that cannot be walked to the period is named as skipped, not dropped in silence', () => {
    const text = ics([['DTSTART:20000101T000000Z', 'DURATION:PT1M', 'RRULE:FREQ=HOURLY;COUNT=1000000', 'SUMMARY:every hour since 2000']]);
    const r = calendarEvents(text, 'test.ics', '2026-12-07', '2026-12-13');
    expect(r.skipped).toEqual(['every hour since 2000']);
  });

  it('20,000 single events and 2,000 daily ones since 2020 are read in seconds (86 s and 106 s before)', () => {
    const single = Array.from({ length: 20_000 }, (_, i) => [`DTSTART:20261207T${pad(8 + (i % 10))}0000Z`, 'DURATION:PT30M', `SUMMARY:Meeting ${i}`]);
    const daily = Array.from({ length: 2_000 }, (_, i) => ['DTSTART:20200106T090000Z', 'DURATION:PT30M', 'RRULE:FREQ=DAILY', `SUMMARY:Daily ${i}`]);
    const started = performance.now();
    const r = calendarEvents(ics([...single, ...daily]), 'big.ics', '2026-12-07', '2026-12-13');
    const ms = performance.now() - started;
    expect(r.events.length).toBe(20_000 + 2_000 * 7);
    expect(ms).toBeLessThan(15_000);
  }, 60_000);

  it.each([
    ['a DTSTART that is no date', 'DTSTART:garbage', /invalid date-time value/],
    ['an RRULE that is no rule', 'DTSTART:20261208T090000Z\r\nRRULE:garbage', /a property could not be read/],
    ['an EXDATE that is no date', 'DTSTART:20261208T090000Z\r\nEXDATE:nonsense\r\nRRULE:FREQ=DAILY', /invalid date-time value/],
    ['an RDATE that is no date', 'DTSTART:20261208T090000Z\r\nRDATE:xx', /integer/],
  ])('%s: that event is left out and named at its line, the others shown (an internal error before)', (_name, lines, why) => {
    const text = ics([['DTSTART:20261208T100000Z', 'SUMMARY:good one'], [...lines.split('\r\n'), 'SUMMARY:bad one'], ['DTSTART:20261209T100000Z', 'SUMMARY:good two']]);
    const r = calendarEvents(text, 'test.ics', '2026-12-07', '2026-12-13');
    expect(r.events.map((e) => e.summary).sort()).toEqual(['good one', 'good two']);
    expect(r.unreadable).toHaveLength(1);
    expect(r.unreadable[0]?.summary).toBe('bad one');
    expect(r.unreadable[0]?.why).toMatch(why);
    expect(text.split('\n')[(r.unreadable[0]?.line ?? 0) - 1]).toMatch(/^BEGIN:VEVENT/);
    expect(text.split('\n')[r.unreadable[0]?.line ?? 0]).toContain('UID:e1@test');
  });
});
