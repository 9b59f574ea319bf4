/**
 * The forecast, pure: for each class the playbook forecasts, the accounts in play whose day falls in
 * the period (the customer's expected signing day, else the class window's end), their value, and
 * the chance they sign: the rep's own rate for the class (signed within the window, of the decided
 * cases: `stats`' calibration) once there are MIN_RATE_N decided cases, else the playbook's default.
 * Expected value = value x chance, added up per currency (never converted). Every number on the
 * screen can be worked out by hand from the rows it lists.
 */
import { addDays } from '../engine/dates.js';
import type { DealValue } from '../engine/account.js';
import { type ForecastCategory, FORECAST_CATEGORIES, type Locale, type Playbook } from '../engine/model.js';
import { type CalibrationRow, classAt, type Labels, MIN_RATE_N } from './stats.js';
import { classLabel } from '../engine/evaluate.js';
import type { ForecastAccounts, StatsAccount } from '../store/types.js';

export const FORECAST_PERIODS = ['month', 'quarter', '30d'] as const;
export type ForecastPeriod = (typeof FORECAST_PERIODS)[number];

/** An amount per currency ('' for none). */
export type Money = { currency?: string; amount: number }[];

export interface ForecastAccountRow {
  name: string;
  value?: DealValue;
  /** The day it is counted on, and where that day comes from. */
  date: string;
  dateFrom: 'expected' | 'window';
  /** value x chance; absent without a value. */
  expected?: number;
}

export interface ForecastClass {
  class: string;
  labels: Labels;
  rank?: number;
  category: ForecastCategory;
  /** The chance used, and where it comes from: the rep's own rate (k signed in the window of n decided), or the playbook's default. */
  chance: number;
  source: 'calibrated' | 'default';
  decided: number;
  signedInWindow: number;
  accounts: ForecastAccountRow[];
  /** Accounts in the period without a value: counted, not valued. */
  unvalued: number;
  value: Money;
  expected: Money;
}

export interface Forecast {
  today: string;
  period: { kind: ForecastPeriod; from: string; to: string };
  classes: ForecastClass[];
  /** Per category: the value and expected value of its classes; best adds commit, pipeline adds both. */
  categories: Record<ForecastCategory, { value: Money; expected: Money; accounts: number }>;
  /** The expected value of every class in the period. */
  expected: Money;
  /**
   * In play but not in this forecast, each with how many, their value and how many have one: past
   * their day or their window (sign or reclassify; the first few named), after the period,
   * provisional, and not classified yet.
   */
  notCounted: Record<NotCountedKind, NotCounted>;
}

export const NOT_COUNTED = ['past', 'after', 'provisional', 'unclassified'] as const;
export type NotCountedKind = (typeof NOT_COUNTED)[number];
export interface NotCounted {
  accounts: number;
  valued: number;
  value: Money;
  /** past only: the first few by name. */
  names?: string[];
}

/** The period's last day: the month's or the quarter's last day, or 29 days on (30 days in all). */
export function periodOf(kind: ForecastPeriod, today: string): { kind: ForecastPeriod; from: string; to: string } {
  const [y, m] = today.split('-').map(Number);
  if (kind === '30d') return { kind, from: today, to: addDays(today, 29) };
  const endMonth = kind === 'month' ? m : Math.ceil(m / 3) * 3;
  // the day before the first of the next month
  const next = endMonth === 12 ? `${y + 1}-01-01` : `${y}-${String(endMonth + 1).padStart(2, '0')}-01`;
  return { kind, from: today, to: addDays(next, -1) };
}

function add(money: Money, currency: string | undefined, amount: number): void {
  const found = money.find((x) => x.currency === currency);
  if (found) found.amount += amount;
  else money.push({ ...(currency ? { currency } : {}), amount });
}

/** Sums rounded to cents: a chance of 0.8 times 120,000 is 96,000, not 95,999.99999999999. */
function rounded(money: Money): Money {
  return money.map((x) => ({ ...x, amount: Math.round(x.amount * 100) / 100 }));
}

/** An account as the forecast reads it (the store's row or stats' account alike). */
export interface ForecastInput {
  name: string;
  playbookId?: string;
  class?: string;
  classStatus?: string;
  signed: boolean;
  dropped: boolean;
  classDeadline?: string;
  closeDate?: string;
  value?: DealValue;
}

/**
 * `accounts`: those the store read (every account, or only those in the period); `outside`: the
 * accounts in play the store counted instead of reading, per playbook and class, and `provisional`.
 */
export function computeForecast(
  accounts: readonly ForecastInput[],
  o: { today: string; period: ForecastPeriod; playbooks: ReadonlyMap<string, Playbook>; calibration: readonly Pick<CalibrationRow, 'class' | 'signedInWindow'>[]; outside?: ForecastAccounts['outside']; pastNames?: readonly string[] },
): Forecast {
  const period = periodOf(o.period, o.today);
  const byClass = new Map<string, ForecastClass>();
  const calibrated = new Map(o.calibration.map((c) => [c.class, c]));
  const notCounted = Object.fromEntries(NOT_COUNTED.map((k) => [k, { accounts: 0, valued: 0, value: [] as Money }])) as Record<NotCountedKind, NotCounted>;
  const ruleOf = (playbookId: string | undefined, cls: string | undefined) => (playbookId !== undefined && cls !== undefined ? o.playbooks.get(playbookId) : undefined)?.classes.find((c) => c.id === cls);
  const leave = (kind: NotCountedKind, n: number, valued: number, currency: string | undefined, amount: number) => {
    notCounted[kind].accounts += n;
    notCounted[kind].valued += valued;
    if (valued > 0) add(notCounted[kind].value, currency, amount);
  };
  for (const x of o.outside ?? []) {
    // a class its playbook does not forecast is not the forecast's to count
    if ((x.kind === 'past' || x.kind === 'after') && !ruleOf(x.playbookId, x.class)?.forecast) continue;
    leave(x.kind, x.accounts, x.valued, x.currency, x.amount);
  }
  const pastNames: string[] = [...(o.pastNames ?? [])];
  for (const a of accounts) {
    if (a.signed || a.dropped) continue;
    if (a.classStatus === 'provisional' || a.classStatus !== 'classified' || a.class === undefined) {
      leave(a.classStatus === 'provisional' ? 'provisional' : 'unclassified', 1, a.value ? 1 : 0, a.value?.currency, a.value?.amount ?? 0);
      continue;
    }
    const rule = ruleOf(a.playbookId, a.class);
    if (!rule?.forecast) continue;
    const date = a.closeDate ?? a.classDeadline;
    if (date === undefined) continue;
    // a window already over is past, whatever day the customer named: sign it or reclassify it
    if (date < o.today || (a.classDeadline !== undefined && a.classDeadline < o.today)) {
      leave('past', 1, a.value ? 1 : 0, a.value?.currency, a.value?.amount ?? 0);
      if (pastNames.length < 5) pastNames.push(a.name);
      continue;
    }
    if (date > period.to) {
      leave('after', 1, a.value ? 1 : 0, a.value?.currency, a.value?.amount ?? 0);
      continue;
    }
    let c = byClass.get(a.class);
    if (!c) {
      const cal = calibrated.get(a.class);
      const decided = cal?.signedInWindow.n ?? 0;
      const own = cal && decided >= MIN_RATE_N && cal.signedInWindow.rate !== null;
      c = {
        class: a.class,
        labels: Object.fromEntries((['en', 'zh-CN', 'zh-TW'] as Locale[]).map((l) => [l, classLabel(rule.name, l) || rule.id])),
        ...(rule.rank !== undefined ? { rank: rule.rank } : {}),
        category: rule.forecast.category,
        chance: own ? (cal.signedInWindow.rate as number) : rule.forecast.chance,
        source: own ? 'calibrated' : 'default',
        decided,
        signedInWindow: cal?.signedInWindow.k ?? 0,
        accounts: [],
        unvalued: 0,
        value: [],
        expected: [],
      };
      byClass.set(a.class, c);
    }
    const row: ForecastAccountRow = { name: a.name, date, dateFrom: a.closeDate !== undefined ? 'expected' : 'window' };
    if (a.value) {
      row.value = a.value;
      row.expected = Math.round(a.value.amount * c.chance * 100) / 100;
      add(c.value, a.value.currency, a.value.amount);
      add(c.expected, a.value.currency, a.value.amount * c.chance);
    } else c.unvalued++;
    c.accounts.push(row);
  }
  if (pastNames.length) notCounted.past.names = pastNames;
  for (const k of NOT_COUNTED) notCounted[k].value = rounded(notCounted[k].value);
  const classes = [...byClass.values()].sort((x, y) => (x.rank ?? 99) - (y.rank ?? 99) || (x.class < y.class ? -1 : 1));
  for (const c of classes) {
    c.value = rounded(c.value);
    c.expected = rounded(c.expected);
    c.accounts.sort((x, y) => (y.value?.amount ?? -1) - (x.value?.amount ?? -1) || (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  }
  const categories = Object.fromEntries(FORECAST_CATEGORIES.map((k) => [k, { value: [] as Money, expected: [] as Money, accounts: 0 }])) as Forecast['categories'];
  // cumulative, as a forecast call reads: best case is commit and best; pipeline is everything in play
  const upTo = (k: ForecastCategory) => FORECAST_CATEGORIES.slice(FORECAST_CATEGORIES.indexOf(k));
  const expected: Money = [];
  for (const c of classes) {
    for (const k of upTo(c.category)) {
      for (const v of c.value) add(categories[k].value, v.currency, v.amount);
      for (const v of c.expected) add(categories[k].expected, v.currency, v.amount);
      categories[k].accounts += c.accounts.length;
    }
    for (const v of c.expected) add(expected, v.currency, v.amount);
  }
  for (const k of FORECAST_CATEGORIES) {
    categories[k].value = rounded(categories[k].value);
    categories[k].expected = rounded(categories[k].expected);
  }
  return { today: o.today, period, classes, categories, expected: rounded(expected), notCounted };
}

/** A kept forecast against what signed: per class, what it expected and what its accounts signed in its period. */
export interface AccuracyClass {
  class: string;
  labels: Labels;
  /** The forecast's accounts of the class, and how many of them signed in the period. */
  accounts: number;
  signedAccounts: number;
  /** What the forecast expected (value x chance), the value it counted, and the value of those that signed. */
  expected: Money;
  value: Money;
  signed: Money;
}

export interface Accuracy {
  kind: ForecastPeriod;
  madeOn: string;
  from: string;
  to: string;
  classes: AccuracyClass[];
  expected: Money;
  signed: Money;
  /** Accounts that signed in the period without being in the forecast, and their value now. */
  unforecast: { accounts: number; value: Money; names: string[] };
}

/**
 * Each kept forecast whose period has ended, against what signed: an account of the forecast signed
 * if it has a signature dated in the period (the value counted is the forecast's: what was expected
 * of it). What signed in the period without being in the forecast is counted apart, at its value now.
 */
export function forecastAccuracy(kept: readonly { madeOn: string; forecast: Forecast }[], history: readonly { name: string; value?: DealValue; events: readonly { kind: string; date: string }[] }[]): Accuracy[] {
  const signedOn = new Map<string, string[]>();
  for (const a of history) {
    const days = a.events.filter((e) => e.kind === 'signed').map((e) => e.date);
    if (days.length) signedOn.set(a.name, days);
  }
  return kept.map(({ madeOn, forecast: f }) => {
    const inPeriod = (name: string) => (signedOn.get(name) ?? []).some((d) => d >= f.period.from && d <= f.period.to);
    const expected: Money = [];
    const signed: Money = [];
    const classes = f.classes.map((c): AccuracyClass => {
      const won = c.accounts.filter((a) => inPeriod(a.name));
      const s: Money = [];
      for (const a of won) if (a.value) add(s, a.value.currency, a.value.amount);
      for (const v of c.expected) add(expected, v.currency, v.amount);
      for (const v of s) add(signed, v.currency, v.amount);
      return { class: c.class, labels: c.labels, accounts: c.accounts.length, signedAccounts: won.length, expected: c.expected, value: c.value, signed: rounded(s) };
    });
    // what signed in the period that the forecast did not hold (a class not forecast then, a day
    // outside it, no class yet): said beside it, so that a month of signatures never reads as nothing
    const held = new Set(f.classes.flatMap((c) => c.accounts.map((a) => a.name)));
    const outside = history.filter((a) => !held.has(a.name) && inPeriod(a.name));
    const outsideValue: Money = [];
    for (const a of outside) if (a.value) add(outsideValue, a.value.currency, a.value.amount);
    return { kind: f.period.kind, madeOn, from: f.period.from, to: f.period.to, classes, expected: rounded(expected), signed: rounded(signed), unforecast: { accounts: outside.length, value: rounded(outsideValue), names: outside.slice(0, 5).map((a) => a.name) } };
  });
}

/** The Monday of the week a day is in: a forecast is kept once a week. */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return addDays(day, -((d.getUTCDay() + 6) % 7));
}

/** A team's forecast: its reps' added up per category and currency (each rep's on their own rates). */
export interface TeamForecast {
  period?: Forecast['period'];
  categories: Forecast['categories'];
  expected: Money;
  /** Accounts in play left out of the reps' forecasts, per kind, in all. */
  notCounted: Record<NotCountedKind, { accounts: number }>;
}

export function teamForecastOf(forecasts: readonly Forecast[]): TeamForecast {
  const categories = Object.fromEntries(FORECAST_CATEGORIES.map((k) => [k, { value: [] as Money, expected: [] as Money, accounts: 0 }])) as Forecast['categories'];
  const expected: Money = [];
  const notCounted = Object.fromEntries(NOT_COUNTED.map((k) => [k, { accounts: 0 }])) as TeamForecast['notCounted'];
  for (const f of forecasts) {
    for (const k of FORECAST_CATEGORIES) {
      for (const x of f.categories[k].value) add(categories[k].value, x.currency, x.amount);
      for (const x of f.categories[k].expected) add(categories[k].expected, x.currency, x.amount);
      categories[k].accounts += f.categories[k].accounts;
    }
    for (const x of f.expected) add(expected, x.currency, x.amount);
    for (const k of NOT_COUNTED) notCounted[k].accounts += f.notCounted[k].accounts;
  }
  for (const k of FORECAST_CATEGORIES) categories[k] = { value: rounded(categories[k].value), expected: rounded(categories[k].expected), accounts: categories[k].accounts };
  return { ...(forecasts[0] ? { period: forecasts[0].period } : {}), categories, expected: rounded(expected), notCounted };
}

/** What moved the value in play over a week, per currency: start + new + up − down − signed − dropped = end. */
export interface ValueWeek {
  currency?: string;
  start: number;
  new: number;
  up: number;
  down: number;
  signed: number;
  dropped: number;
  end: number;
}

/** A change of the deal's value, as the history records it (account set, or a session: engine/account.ts dealChanged). */
export interface ValueChange {
  account: string;
  date: string;
  before: number | null;
  after: number | null;
  currencies?: { before?: string; after?: string };
}

/**
 * The week's waterfall of the value in play: each account's value at the end of the day before the week
 * and at the end of `today` (its present value taken back through the changes recorded since), and what
 * happened in between: a new account's value is new, a change of an account in play is up or down, and
 * an account signed or dropped in the week takes out its value as it was that day. An account without a
 * value counts nothing. The sums hold by construction: start + new + up − down − signed − dropped = end.
 */
export function valueWaterfall(accounts: readonly StatsAccount[], changes: readonly ValueChange[], o: { weekStart: string; today: string }): ValueWeek[] {
  const before = addDays(o.weekStart, -1);
  const byAccount = new Map<string, ValueChange[]>();
  for (const c of changes) byAccount.set(c.account, [...(byAccount.get(c.account) ?? []), c]);
  const rows = new Map<string, ValueWeek>();
  const row = (currency: string | undefined) => {
    const k = currency ?? '';
    const had = rows.get(k);
    if (had) return had;
    const r: ValueWeek = { ...(currency ? { currency } : {}), start: 0, new: 0, up: 0, down: 0, signed: 0, dropped: 0, end: 0 };
    rows.set(k, r);
    return r;
  };
  type V = { amount: number; currency?: string } | undefined;
  for (const a of accounts) {
    const mine = [...(byAccount.get(a.name) ?? [])].sort((x, y) => x.date.localeCompare(y.date));
    // the value at the end of a day: the first change after it says what it was, else it is the present one
    const valueAt = (day: string): V => {
      const next = mine.find((c) => c.date > day);
      if (!next) return a.value;
      return next.before === null ? undefined : { amount: next.before, ...(next.currencies?.before ? { currency: next.currencies.before } : {}) };
    };
    const inPlayAt = (day: string) => {
      if (!classAt(a.events, day)) return false;
      const signed = a.events.find((e) => e.kind === 'signed');
      if (signed && signed.date <= day) return false;
      const last = a.events.filter((e) => e.date <= day && (e.kind === 'dropped' || e.kind === 'class-changed')).at(-1);
      return last?.kind !== 'dropped';
    };
    const [was, is] = [inPlayAt(before), inPlayAt(o.today)];
    const v0 = was ? valueAt(before) : undefined;
    const v1 = is ? valueAt(o.today) : undefined;
    if (v0) row(v0.currency).start += v0.amount;
    if (v1) row(v1.currency).end += v1.amount;
    // out of play in the week: signed, or dropped, with its value that day
    const out = !is ? a.events.find((e) => (e.kind === 'signed' || e.kind === 'dropped') && e.date >= o.weekStart && e.date <= o.today) : undefined;
    const left = out ? valueAt(out.date) : undefined;
    if (out && left) row(left.currency)[out.kind === 'signed' ? 'signed' : 'dropped'] += left.amount;
    // what it came in with (a new account's value is new), then what changed while in play
    const from = was ? v0 : undefined;
    const to = is ? v1 : left;
    if (!was && to) row(to.currency).new += to.amount;
    else if (was) moved(row, from, to);
  }
  return [...rows.values()]
    .filter((r) => r.start || r.new || r.up || r.down || r.signed || r.dropped || r.end)
    .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 100) / 100 : v])) as unknown as ValueWeek)
    .sort((x, y) => (x.currency ?? '').localeCompare(y.currency ?? ''));
}

/** From one value to another: up or down in one currency, or the old one out and the new one in. */
function moved(row: (c: string | undefined) => ValueWeek, from: { amount: number; currency?: string } | undefined, to: { amount: number; currency?: string } | undefined): void {
  if (from && to && from.currency === to.currency) {
    if (to.amount > from.amount) row(to.currency).up += to.amount - from.amount;
    else row(to.currency).down += from.amount - to.amount;
    return;
  }
  if (from) row(from.currency).down += from.amount;
  if (to) row(to.currency).up += to.amount;
}
