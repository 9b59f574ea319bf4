/**
 * The rep's own evidence, pure: from the rows a store returns (statsHistory, stepsDue), the playbooks
 * and `today` passed in, how each class as it was given turned out, the seed's habits, and the week's
 * report. No clock, no I/O: the same rows give the same numbers, for one rep or (later) a team.
 *
 * What a class promises (its window) and which answers mean "asked for the signature" or "met the
 * first KP" come from the playbook (`cycle`, `roles.askedToSign`, `roles.metFirstKp`), never from ids
 * written here. No playbook records how long a visit took: hours are an estimate, said as one.
 */
import { classLabel } from '../engine/evaluate.js';
import { habitAnswerIds } from '../engine/account.js';
import type { Answers } from '../engine/answers.js';
import { evaluateCondition, questionsIn } from '../engine/conditions.js';
import { type Reasons, reasonsOf } from '../core/reasons.js';
import { countSteps, hasOverdueStep, isOpenStep } from '../core/steps.js';
import { addDays, daysBetween } from '../engine/dates.js';
import { questionIndex } from '../engine/interview.js';
import { nameKey } from '../engine/names.js';
import { LOCALES, type Locale, type Playbook, type Question, type Terms } from '../engine/model.js';
import type { ChecklistRow, PipelineFlag, StatsAccount, StatsEvent, StatsVisit } from '../store/types.js';

/** Below this many cases a share is not a rate: the view gives the counts and says so. */
export const MIN_RATE_N = 5;
/**
 * Hours a visit is counted for, an estimate: no playbook question records a visit's length. Seed 001
 * says a D costs "at least 3 hours"; a visit with its preparation and travel is taken as 3.
 */
export const HOURS_PER_VISIT_ESTIMATE = 3;

/** k of n, with the share only when n is large enough to be one. */
export interface Share {
  k: number;
  n: number;
  rate: number | null;
}

export function share(k: number, n: number): Share {
  return { k, n, rate: n >= MIN_RATE_N ? k / n : null };
}

export type Labels = Partial<Record<Locale, string>>;

export interface CalibrationRow {
  class: string;
  rank?: number;
  labels: Labels;
  /** The class's signing window in days, as the playbook declares it (`cycle`); none for a class without one. */
  window?: { min?: number; max: number };
  /** Times the class was given in the period (one account can be given it more than once). */
  given: number;
  /** Of those, signed within the window, out of those decided (signed in it, or whose window is over). */
  signedInWindow: Share;
  /** Given and not yet decided: unsigned, window not over. */
  open: number;
  /** Signed at any time after being given. */
  signed: number;
  /** Median days from being given to signing, of those that signed; null when none did. */
  medianDaysToSign: number | null;
  /** The next class the account was given was another one. */
  reclassified: Share;
  reclassifiedTo: Record<string, number>;
  /** The account was dropped afterwards ("will not buy"). */
  dropped: Share;
  /** Days to sign of each signed case, sorted: for charts. */
  daysToSign: number[];
}

export interface Habits {
  /** The words of the playbook whose habits these are (its name for the decider, its sources). */
  terms: Terms;
  /** The playbook's best class (rank 1), whose visits are "A visits". */
  topClass?: { id: string; labels: Labels; window?: { min?: number; max: number } };
  /** Visits to an account in the top class where the playbook's askedToSign could be read. */
  askedOnTop: Share;
  /** Of the top-class visits where the rep asked: the visit that signed (the last one on or before the signature, within the window). */
  signedWhenAsked: Share;
  signedWhenNotAsked: Share;
  /** Visits (not plans) where the playbook's metFirstKp could be read, and met the first KP. */
  metFirstKp: Share;
  /** Accounts that ended in a "will not buy" class, their visits in the period and the hours (estimate). */
  endedDropped: { accounts: number; visits: number; hoursEstimate: number; wereTopClass: number; class?: string; labels?: Labels };
  /** Accounts still in play (not signed, not dropped) with one person or none on record. */
  oneContact: Share;
  /** Which of the roles the numbers above need no playbook in use declares. */
  missingRoles: ('askedToSign' | 'metFirstKp')[];
}

export interface Stats {
  today: string;
  since?: string;
  accounts: number;
  visits: number;
  calibration: CalibrationRow[];
  habits: Habits;
}

export interface StatsOptions {
  today: string;
  /** Count classes given and visits made on or after this day; all when absent. */
  since?: string;
  /** Calibration only for these classes. */
  classes?: string[];
  /** The playbooks in use, by id: their classes' windows and ranks, and their roles. */
  playbooks: ReadonlyMap<string, Playbook>;
}

interface ClassInfo {
  rank?: number;
  labels: Labels;
  window?: { min?: number; max: number };
  willNotBuy: boolean;
}

function labelsOf(name: Playbook['classes'][number]['name'], id: string): Labels {
  return Object.fromEntries(LOCALES.map((l) => [l, classLabel(name, l) || id]));
}

/** What the playbook says of its classes, looked up once per playbook. */
class Playbooks {
  private readonly info = new Map<string, Map<string, ClassInfo>>();
  private readonly questions = new Map<string, ReadonlyMap<string, Question>>();
  constructor(readonly all: ReadonlyMap<string, Playbook>) {}

  classInfo(pbId: string | undefined, cls: string): ClassInfo | undefined {
    const pb = pbId ? this.all.get(pbId) : undefined;
    if (!pb || !pbId) return undefined;
    let m = this.info.get(pbId);
    if (!m) {
      m = new Map();
      for (const c of pb.classes) m.set(c.id, { ...(c.rank !== undefined ? { rank: c.rank } : {}), labels: labelsOf(c.name, c.id), ...(c.cycle ? { window: c.cycle } : {}), willNotBuy: (pb.roles.willNotBuy ?? []).includes(c.id) });
      this.info.set(pbId, m);
    }
    return m.get(cls);
  }

  private readonly tops = new Map<string, { id: string; info: ClassInfo } | undefined>();
  top(pbId: string | undefined): { id: string; info: ClassInfo } | undefined {
    const pb = pbId ? this.all.get(pbId) : undefined;
    if (!pb || !pbId) return undefined;
    if (this.tops.has(pbId)) return this.tops.get(pbId);
    const ranked = pb.classes.filter((c) => c.rank !== undefined).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    const best = ranked[0];
    const info = best ? this.classInfo(pbId, best.id) : undefined;
    const top = best && info ? { id: best.id, info } : undefined;
    this.tops.set(pbId, top);
    return top;
  }

  /**
   * readRole's answers, per answers object (by identity: the object is never changed once read), then
   * by playbook and class: a slot per role and mode (see roleSlot). Keys that are already strings, not
   * one built per visit: the store hands a million visits a handful of distinct answers objects.
   */
  readonly roleReads = new WeakMap<Answers, Map<string, Map<string, Int8Array>>>();
  private readonly reads = new Map<string, string[]>();
  /** The question ids a role of a playbook reads. */
  roleQuestions(pbId: string, role: 'askedToSign' | 'metFirstKp'): string[] {
    const key = `${pbId}\0${role}`;
    let ids = this.reads.get(key);
    if (!ids) {
      ids = [...questionsIn(this.all.get(pbId)?.roles[role])];
      this.reads.set(key, ids);
    }
    return ids;
  }

  questionsOf(pbId: string): ReadonlyMap<string, Question> | undefined {
    const pb = this.all.get(pbId);
    if (!pb) return undefined;
    let q = this.questions.get(pbId);
    if (!q) {
      q = questionIndex(pb);
      this.questions.set(pbId, q);
    }
    return q;
  }
}

/** The answers statsHistory must carry for these playbooks' roles. */
export function answersNeeded(playbooks: Iterable<Playbook>): string[] {
  const ids = new Set<string>();
  for (const pb of playbooks) for (const id of habitAnswerIds(pb)) ids.add(id);
  return [...ids].sort();
}

const UNREAD = 2;

/** A role read on one visit: true/false, or undefined when the visit did not answer what it reads. */
function readRole(pbs: Playbooks, role: 'askedToSign' | 'metFirstKp', v: StatsVisit, klass: string | undefined): boolean | undefined {
  // each distinct answers object is read once per playbook, class, role and mode
  let byPlaybook = pbs.roleReads.get(v.answers);
  if (!byPlaybook) {
    byPlaybook = new Map();
    pbs.roleReads.set(v.answers, byPlaybook);
  }
  let byClass = byPlaybook.get(v.playbookId);
  if (!byClass) {
    byClass = new Map();
    byPlaybook.set(v.playbookId, byClass);
  }
  const k = klass ?? '';
  let slots = byClass.get(k);
  if (!slots) {
    slots = new Int8Array(6).fill(UNREAD);
    byClass.set(k, slots);
  }
  const i = (role === 'askedToSign' ? 3 : 0) + (v.mode === 'prep' ? 0 : v.mode === 'debrief' ? 1 : 2);
  let code = slots[i];
  if (code === UNREAD) {
    const r = readRoleOnce(pbs, role, v, klass);
    code = r === undefined ? -1 : r ? 1 : 0;
    slots[i] = code;
  }
  return code === -1 ? undefined : code === 1;
}

function readRoleOnce(pbs: Playbooks, role: 'askedToSign' | 'metFirstKp', v: StatsVisit, klass: string | undefined): boolean | undefined {
  const pb = pbs.all.get(v.playbookId);
  const c = pb?.roles[role];
  if (!pb || !c) return undefined;
  for (const id of pbs.roleQuestions(v.playbookId, role)) if (!Object.hasOwn(v.answers, id)) return undefined;
  const r = evaluateCondition(c, { answers: v.answers, questions: pbs.questionsOf(v.playbookId) ?? new Map(), mode: v.mode, ...(klass ? { klass } : {}) });
  return r === 'unknown' ? undefined : r;
}

type ClassEvent = Extract<StatsEvent, { kind: 'class-changed' }>;

/** One visit to a person on a day: its prep, its debrief, or both, and the account's class that day. */
interface Meeting {
  klass: string | undefined;
  prep?: StatsVisit;
  debrief?: StatsVisit;
}

/** The day and the person (named as people are everywhere: case and spacing do not matter). */
function meetingKey(v: StatsVisit): string {
  return `${v.date}\u0000${v.person ? nameKey(v.person) : ''}`;
}

/** A role read on one visit: the debrief's reading when it has one, else the prep's. */
function readMeeting(pbs: Playbooks, role: 'askedToSign' | 'metFirstKp', m: Meeting): { value: boolean } | undefined {
  for (const v of [m.debrief, m.prep]) {
    const r = v ? readRole(pbs, role, v, m.klass) : undefined;
    if (r !== undefined) return { value: r };
  }
  return undefined;
}

/** The class given at or before `date` (the class-changed events dated that day included). */
export function classAt(events: StatsEvent[], date: string): ClassEvent | undefined {
  let last: ClassEvent | undefined;
  for (const e of events) {
    if (e.date > date) break;
    if (e.kind === 'class-changed') last = e;
  }
  return last;
}

/**
 * The account's first signature, if it came by `today`: a signature dated later has not happened as of
 * the day the stats are read for (stats --today D counted the next day's in "signed within the window").
 */
function signedOn(a: StatsAccount, today: string): string | undefined {
  const first = a.events.find((e) => e.kind === 'signed')?.date;
  return first !== undefined && first <= today ? first : undefined;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const inPeriod = (date: string, o: { today: string; since?: string }) => date <= o.today && (o.since === undefined || date >= o.since);

interface CalAcc {
  rank?: number;
  labels: Labels;
  window?: { min?: number; max: number };
  given: number;
  decided: number;
  inWindow: number;
  open: number;
  days: number[];
  reclassified: number;
  reclassifiedTo: Record<string, number>;
  dropped: number;
}

export function computeStats(accounts: readonly StatsAccount[], o: StatsOptions): Stats {
  const pbs = new Playbooks(o.playbooks);
  const cal = new Map<string, CalAcc>();
  let visits = 0;
  let topClass: Habits['topClass'];
  // the words of the playbook whose best class the habits are about, else of the first one in use
  let terms: Terms | undefined;
  // that playbook: its "will not buy" class names the accounts that ended, when none did in the period
  let mainPb: Playbook | undefined;
  let asked = 0;
  let askedN = 0;
  let signedAsked = 0;
  let signedNotAsked = 0;
  let kp = 0;
  let kpN = 0;
  const ended: Habits['endedDropped'] = { accounts: 0, visits: 0, hoursEstimate: 0, wereTopClass: 0 };
  let inPlay = 0;
  let oneContact = 0;
  // the roles of the playbooks the history was recorded with (every playbook when there is none yet):
  // the built-in playbook's askedToSign must not make a SPIN team's "0 of 0" look measured
  const rolesSeen = { askedToSign: false, metFirstKp: false };
  const used = new Set(accounts.map((a) => a.playbookId).filter((id) => id !== undefined && o.playbooks.has(id)));
  for (const [id, pb] of o.playbooks) {
    if (used.size && !used.has(id)) continue;
    if (pb.roles.askedToSign) rolesSeen.askedToSign = true;
    if (pb.roles.metFirstKp) rolesSeen.metFirstKp = true;
  }

  for (const a of accounts) {
    const signed = signedOn(a, o.today);
    // -- calibration: each class as it was given ------------------------------------------------------
    a.events.forEach((e, i) => {
      if (e.kind !== 'class-changed' || e.status !== 'classified' || !e.to || !inPeriod(e.date, o)) return;
      if (o.classes && !o.classes.includes(e.to)) return;
      const info = pbs.classInfo(a.playbookId, e.to);
      let c = cal.get(e.to);
      if (!c) {
        c = { ...(info?.rank !== undefined ? { rank: info.rank } : {}), labels: info?.labels ?? e.labels ?? {}, ...(info?.window ? { window: info.window } : {}), given: 0, decided: 0, inWindow: 0, open: 0, days: [], reclassified: 0, reclassifiedTo: {}, dropped: 0 };
        cal.set(e.to, c);
      }
      c.given++;
      const s = signed !== undefined && signed >= e.date ? daysBetween(e.date, signed) : undefined;
      if (s !== undefined) c.days.push(s);
      const later = a.events.slice(i + 1);
      const next = later.find((x): x is ClassEvent => x.kind === 'class-changed' && x.status === 'classified');
      if (c.window) {
        // a class stops being "still inside the window" when the account is dropped or given another
        // class: it did not sign in it (counted open, a dropped A read as a chance still to come)
        const over = later.some((x) => x.kind === 'dropped') || (next?.to !== undefined && next.to !== e.to);
        if (s !== undefined && s <= c.window.max) {
          c.inWindow++;
          c.decided++;
        } else if (over || daysBetween(e.date, o.today) > c.window.max) c.decided++;
        else c.open++;
      }
      if (next?.to && next.to !== e.to) {
        c.reclassified++;
        c.reclassifiedTo[next.to] = (c.reclassifiedTo[next.to] ?? 0) + 1;
      }
      // the drop that comes with a "will not buy" class is the class itself, not what became of it
      if (later.some((x) => x.kind === 'dropped' && !(x.date === e.date && x.class === e.to))) c.dropped++;
    });

    // -- habits ----------------------------------------------------------------------------------------
    const top = pbs.top(a.playbookId);
    if (top && !topClass) {
      topClass = { id: top.id, labels: top.info.labels, ...(top.info.window ? { window: top.info.window } : {}) };
      mainPb = o.playbooks.get(a.playbookId ?? '');
      terms = mainPb?.terms;
    }
    let wasTop = false;
    let periodVisits = 0;
    const met = new Map<string, Meeting>();
    for (const v of a.visits) {
      const at = classAt(a.events, v.date);
      const klass = at?.status === 'classified' ? at.to : undefined;
      if (top && klass === top.id) wasTop = true;
      if (!inPeriod(v.date, o)) continue;
      if (v.mode === 'plan') {
        periodVisits++;
        continue;
      }
      // a prep and a debrief of the same day and person are one visit (the evening before, and after)
      const key = meetingKey(v);
      const m = met.get(key);
      if (m) m[v.mode] = v;
      else {
        met.set(key, { klass, [v.mode]: v });
        periodVisits++;
      }
    }
    // the visit that signed: the last day the account was met on or before the signature. A signature
    // is counted once, by that visit's ask: an earlier A visit with no ask did not sign it (the trial's
    // "signed without asking" counted a signature the signing visit had asked for)
    const signingDay = signed === undefined ? undefined : a.visits.reduce<string | undefined>((d, v) => (v.mode !== 'plan' && v.date <= signed && (d === undefined || v.date > d) ? v.date : d), undefined);
    for (const m of met.values()) {
      // each figure of a visit read once: from the debrief (what happened), else from the prep
      const kpRead = readMeeting(pbs, 'metFirstKp', m);
      if (kpRead) {
        kpN++;
        if (kpRead.value) kp++;
      }
      const v = m.debrief ?? m.prep;
      const vTop = v ? pbs.top(v.playbookId) : undefined;
      if (!v || !vTop || m.klass !== vTop.id) continue;
      const ask = readMeeting(pbs, 'askedToSign', m);
      if (!ask) continue;
      askedN++;
      const max = vTop.info.window?.max;
      const won = signed !== undefined && v.date === signingDay && (max === undefined || daysBetween(v.date, signed) <= max);
      if (ask.value) {
        asked++;
        if (won) signedAsked++;
      } else if (won) signedNotAsked++;
    }
    visits += periodVisits;
    if (a.dropped) {
      // the class that dropped it, as the playbook names it: "ended D"
      if (ended.class === undefined && a.class) {
        ended.class = a.class;
        const labels = pbs.classInfo(a.playbookId, a.class)?.labels;
        if (labels) ended.labels = labels;
      }
      ended.accounts++;
      ended.visits += periodVisits;
      if (wasTop) ended.wereTopClass++;
    }
    if (!a.signed && !a.dropped) {
      inPlay++;
      if (a.contacts <= 1) oneContact++;
    }
  }
  ended.hoursEstimate = ended.visits * HOURS_PER_VISIT_ESTIMATE;
  if (ended.class === undefined) {
    const pb = mainPb ?? [...o.playbooks.values()].find((p) => p.roles.willNotBuy?.length);
    const first = pb?.roles.willNotBuy?.[0];
    if (pb && first) {
      ended.class = first;
      const labels = pbs.classInfo(pb.id, first)?.labels;
      if (labels) ended.labels = labels;
    }
  }

  const calibration: CalibrationRow[] = [...cal.entries()]
    .sort(([x, a], [y, b]) => (a.rank ?? 99) - (b.rank ?? 99) || (x < y ? -1 : x > y ? 1 : 0))
    .map(([id, c]) => {
      const days = [...c.days].sort((p, q) => p - q);
      return {
        class: id,
        ...(c.rank !== undefined ? { rank: c.rank } : {}),
        labels: c.labels,
        ...(c.window ? { window: c.window } : {}),
        given: c.given,
        signedInWindow: share(c.inWindow, c.decided),
        open: c.open,
        signed: days.length,
        medianDaysToSign: median(days),
        reclassified: share(c.reclassified, c.given),
        reclassifiedTo: c.reclassifiedTo,
        dropped: share(c.dropped, c.given),
        daysToSign: days,
      };
    });
  return {
    today: o.today,
    ...(o.since ? { since: o.since } : {}),
    accounts: accounts.length,
    visits,
    calibration,
    habits: {
      terms: terms ?? o.playbooks.values().next().value?.terms ?? {},
      ...(topClass ? { topClass } : {}),
      askedOnTop: share(asked, askedN),
      signedWhenAsked: share(signedAsked, asked),
      signedWhenNotAsked: share(signedNotAsked, askedN - asked),
      metFirstKp: share(kp, kpN),
      endedDropped: ended,
      oneContact: share(oneContact, inPlay),
      missingRoles: (['askedToSign', 'metFirstKp'] as const).filter((r) => !rolesSeen[r]),
    },
  };
}

// -- the weekly report ----------------------------------------------------------------------------------

export interface PipelineBar {
  /** A class id, or "?" for the provisional accounts. */
  key: string;
  rank?: number;
  labels: Labels;
  thisWeek: number;
  lastWeek: number;
}

export type MoveKind = 'new' | 'upgraded' | 'downgraded' | 'changed' | 'provisional' | 'signed' | 'dropped';

export interface Move {
  account: string;
  date: string;
  kind: MoveKind;
  from?: string;
  to?: string;
  fromLabels?: Labels;
  toLabels?: Labels;
  /** In the language of the session that saved it; `reasons` in every language when stored (core/reasons.ts). */
  because: string[];
  reasons?: Reasons;
  /** As a manager reads them, where they differ (the rep in the third person, core/reasons.ts reasonsAbout). */
  about?: Reasons;
  /** The rep whose account it is, in a manager's report. */
  rep?: string;
}

export interface DaySteps {
  date: string;
  /** texts: the step in each language its playbook says it in (core/steps.ts stepText). */
  steps: { account: string; text: string; texts?: ChecklistRow['texts']; id: number }[];
}

export interface WeeklyReport {
  today: string;
  /** This week: the seven days ending today; last week: the seven before. */
  weekStart: string;
  lastWeekEnd: string;
  pipeline: PipelineBar[];
  moved: Move[];
  calibration: CalibrationRow[];
  /** The coming two weeks, one entry a day (today first), empty days included. */
  nextSteps: DaySteps[];
  /** Open steps due before today and the accounts they belong to, counted as `checklist` lists them (core/steps.ts). */
  overdue: { steps: number; accounts: number };
  flags: Record<PipelineFlag, number>;
  accounts: number;
}

export interface ReportOptions extends StatsOptions {
  /** Open steps due up to today + 13 days (stepsDue without `from`): the coming two weeks listed, the overdue ones counted. */
  steps: readonly ChecklistRow[];
}

export const REPORT_DAYS = 14;

/**
 * The week's report from any set of rows: one rep's store, or (with the team database) one rep's or
 * the whole team's rows. `stats` gives the calibration.
 */
export function computeWeeklyReport(accounts: readonly StatsAccount[], o: ReportOptions, stats: Stats = computeStats(accounts, o)): WeeklyReport {
  const pbs = new Playbooks(o.playbooks);
  const weekStart = addDays(o.today, -6);
  const lastWeekEnd = addDays(o.today, -7);
  const bars = new Map<string, PipelineBar>();
  const bar = (key: string, rank: number | undefined, labels: Labels) => {
    let b = bars.get(key);
    if (!b) {
      b = { key, ...(rank !== undefined ? { rank } : {}), labels, thisWeek: 0, lastWeek: 0 };
      bars.set(key, b);
    }
    return b;
  };
  const moved: Move[] = [];
  const flags: Record<PipelineFlag, number> = { window: 0, no_next: 0, one_contact: 0, provisional: 0, overdue: 0 };
  for (const a of accounts) {
    const signed = signedOn(a, o.today);
    for (const [when, field] of [
      [o.today, 'thisWeek'],
      [lastWeekEnd, 'lastWeek'],
    ] as const) {
      // the pipeline as it stood at the end of that day: accounts in play by class (signed ones are done)
      if (signed !== undefined && signed <= when) continue;
      const e = classAt(a.events, when);
      if (!e) continue;
      if (e.status === 'provisional') bar('?', 98, {})[field]++;
      else if (e.status === 'classified' && e.to) {
        const info = pbs.classInfo(a.playbookId, e.to);
        bar(e.to, info?.rank, info?.labels ?? e.labels ?? {})[field]++;
      }
    }
    // "new" is said of an account first seen this week; one seen before that gets its first class now
    // (from provisional) has moved, it is not new
    const firstSeen = a.events[0]?.date;
    a.events.forEach((e, i) => {
      if (e.date < weekStart || e.date > o.today) return;
      const why = { because: e.kind === 'signed' ? [] : e.because, ...(e.kind !== 'signed' && reasonsOf(e) ? { reasons: reasonsOf(e) } : {}), ...(e.kind !== 'signed' && e.about ? { about: e.about } : {}), ...(a.rep ? { rep: a.rep } : {}) };
      if (e.kind === 'signed') moved.push({ account: a.name, date: e.date, kind: 'signed', ...(e.class ? { to: e.class } : {}), ...why });
      else if (e.kind === 'dropped') {
        // one row per move: the class change that dropped it ("A -> D") is this row, "dropped: A -> D"
        const before = a.events[i - 1];
        const change = before?.kind === 'class-changed' && before.date === e.date && before.to === e.class ? before : undefined;
        const from = change?.from ?? (change?.fromStatus === 'provisional' ? '?' : undefined);
        moved.push({ account: a.name, date: e.date, kind: 'dropped', ...(from ? { from } : {}), to: e.class, ...(change?.fromLabels ? { fromLabels: change.fromLabels } : {}), ...(change?.labels ? { toLabels: change.labels } : {}), ...why });
      } else if (e.movement !== 'unclassified') {
        const next = a.events[i + 1];
        if (next?.kind === 'dropped' && next.date === e.date && next.class === e.to) return;
        const wasSeen = e.movement === 'new' && firstSeen !== undefined && firstSeen < weekStart;
        const from = e.from ?? (wasSeen && e.fromStatus === 'provisional' ? '?' : undefined);
        moved.push({
          account: a.name,
          date: e.date,
          kind: wasSeen ? 'changed' : e.movement,
          ...(from ? { from } : {}),
          ...(e.to ? { to: e.to } : {}),
          ...(e.fromLabels ? { fromLabels: e.fromLabels } : {}),
          ...(e.labels ? { toLabels: e.labels } : {}),
          ...why,
        });
      }
    });
    const play = !a.signed && !a.dropped;
    if (play && a.classDeadline !== undefined && a.classDeadline < o.today) flags.window++;
    if (play && a.openItems === 0) flags.no_next++;
    if (play && a.contacts <= 1) flags.one_contact++;
    if (a.classStatus === 'provisional') flags.provisional++;
    // as `accounts` flags it and `checklist` lists it: an open step is overdue whatever the account's state
    if (hasOverdueStep(a, o.today)) flags.overdue++;
  }
  moved.sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : x.account < y.account ? -1 : x.account > y.account ? 1 : 0));
  const days: DaySteps[] = Array.from({ length: REPORT_DAYS }, (_, i) => ({ date: addDays(o.today, i), steps: [] }));
  for (const s of o.steps) {
    if (!isOpenStep(s)) continue;
    const i = daysBetween(o.today, s.due);
    if (i >= 0 && i < REPORT_DAYS) days[i].steps.push({ account: s.account, text: s.text, ...(s.texts ? { texts: s.texts } : {}), id: s.id });
  }
  return {
    today: o.today,
    weekStart,
    lastWeekEnd,
    pipeline: [...bars.values()].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99) || (a.key < b.key ? -1 : 1)),
    moved,
    calibration: stats.calibration,
    nextSteps: days,
    overdue: (({ overdue, overdueAccounts }) => ({ steps: overdue, accounts: overdueAccounts }))(countSteps(o.steps, o.today)),
    flags,
    accounts: accounts.length,
  };
}
