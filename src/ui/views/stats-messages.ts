/**
 * The words of `stats` and `report`, one typed catalogue per locale: zh-CN beside this file, zh-TW
 * generated from it at build time (scripts/zh-tw.mjs).
 */
import type { Locale } from '../../engine/model.js';
import { zhCN } from './stats-messages.zh-CN.js';
import { zhTW } from './stats-messages.zh-TW.generated.js';

const en = {
  title: 'Your classes, checked against what happened',
  /** A manager reading a rep's stats (stats --rep): whose they are, and that they are only read. */
  titleOf: (rep: string) => `${rep}'s classes, checked against what happened (read-only)`,
  scope: (since: string | undefined, today: string, accounts: number, visits: number) => `${since ? `${since} to ${today}` : `all history to ${today}`}: ${accounts} account${accounts === 1 ? '' : 's'}, ${visits} visit${visits === 1 ? '' : 's'}`,
  calibration: 'Calibration: each class as you gave it, and how it turned out',
  noCalibration: 'No class was given in this period.',
  given: (n: number) => `given ${n} time${n === 1 ? '' : 's'}`,
  signedWithin: (max: number) => `signed within ${max} days`,
  ofN: (k: number, n: number) => `${k} of ${n}`,
  tooFew: (n: number) => `n=${n} is not a rate`,
  /** Beside "signed within N days", for a playbook that declares no terms.windowTarget. */
  windowTarget: 'target: all',
  stillOpen: (n: number) => `${n} still inside the window`,
  noWindow: 'no signing window',
  medianDays: (d: number) => `median ${d} day${d === 1 ? '' : 's'} to sign`,
  noneSigned: 'none signed',
  became: (n: number, cls: string) => `${n} became ${cls}`,
  droppedN: (n: number) => `${n} dropped`,
  habits: 'Habits',
  // `note`: the playbook's terms (where the habit comes from), absent for a playbook that cites none
  onTop: (cls: string, note?: string) => `On ${cls} visits${note ? ` (${note})` : ''}`,
  askedOnTop: 'asked for the signature',
  signedWhenAsked: 'signed after you asked',
  signedWhenNotAsked: (note?: string) => `signed without asking${note ? ` (${note})` : ''}`,
  metFirstKp: (decider: string) => `visits that met ${decider}`,
  endedDropped: (accounts: number, cls: string, visits: number, hours: number) => `${accounts} account${accounts === 1 ? '' : 's'} ended ${cls}: ${visits} visit${visits === 1 ? '' : 's'}, about ${hours} hours`,
  hoursEstimate: (h: number, note?: string) => `an estimate: ${h} hours a visit${note ? ` (${note})` : ''}; no playbook records how long a visit took`,
  wereTop: (n: number, cls: string) => `${n} of them had been ${cls}`,
  oneContact: 'in play, one person on record',
  missingRole: (role: string) => `your playbook declares no roles.${role}, so this is not counted`,
  noTopClass: 'your playbook ranks no class first',
  // report
  teamOf: (n: number) => `the team (${n} rep${n === 1 ? '' : 's'})`,
  reportTitle: (today: string) => `Week ending ${today}`,
  reportScope: (accounts: number, from: string, to: string) => `${accounts} account${accounts === 1 ? '' : 's'} · this week ${from} – ${to}`,
  pipeline: 'Accounts in play by class (the signed left out): this week against last',
  thisWeek: 'this week',
  lastWeek: 'last week',
  accountsAxis: 'accounts',
  provisional: 'provisional',
  moved: 'What moved this week',
  noMoves: 'Nothing moved this week.',
  colDate: 'date',
  colAccount: 'account',
  colWhat: 'what',
  colWhy: 'why',
  move: { new: 'new', upgraded: 'upgraded', downgraded: 'downgraded', changed: 'changed', provisional: 'provisional', signed: 'signed', dropped: 'dropped' } as Record<string, string>,
  moreRows: (n: number) => `… and ${n} more`,
  calibrationChart: 'Calibration: planned window against actual days to sign',
  plannedWindow: 'planned window (days)',
  actualDays: 'median days to sign',
  classAxis: 'class',
  daysAxis: 'days',
  nextSteps: 'Next steps, the coming two weeks',
  stepsAxis: 'steps due',
  // what a screen reader says of the charts (their aria labels): a bar, an axis, the legend, and what each part is
  chartBar: { pipeline: (cls: string, week: string, n: number) => `${cls}, ${week}: ${n} account${n === 1 ? '' : 's'}`, calibration: (cls: string, what: string, days: number) => `${cls}, ${what}: ${days}`, steps: (day: string, n: number) => `${day}: ${n} step${n === 1 ? '' : 's'} due` },
  chartClasses: (classes: string[]) => (classes.length ? `classes: ${classes.join(', ')}` : 'no class'),
  chartDays: (from: string, to: string) => `the days from ${from} to ${to}`,
  chartScale: (title: string, max: number) => `${title}, from 0 to ${max}`,
  chartLegend: (items: string[]) => `legend: ${items.join(', ')}`,
  /** Vega's own role names (aria-roledescription), as a screen reader announces each part. */
  chartRoles: { axis: 'axis', legend: 'legend', bar: 'bar', 'group mark container': 'chart', 'rect mark container': 'bars' } as Record<string, string>,
  noSteps: 'No step due in the coming two weeks.',
  overdueOfTeam: (steps: number, accounts: number) => `${steps} step${steps === 1 ? '' : 's'} overdue, in ${accounts} account${accounts === 1 ? '' : 's'} (sales-coach team review lists the accounts; account show NAME --rep REP their steps)`,
  overdue: (steps: number, accounts: number) => `${steps} step${steps === 1 ? '' : 's'} overdue, in ${accounts} account${accounts === 1 ? '' : 's'} (sales-coach checklist lists them)`,
  flags: 'Flags',
  /** The report's list of managers' questions no one has closed yet, each with its thread. */
  openQuestions: 'Questions still open',
  /** The week's waterfall of the value in play (stats/forecast.ts valueWaterfall). */
  valueWeek: 'The value in play this week',
  valueHeader: ['', 'a week ago', 'new', 'up', 'down', 'signed', 'dropped', 'now'],
  valueNote: 'A week ago + new + up − down − signed − dropped = now. New: accounts that came into play this week; up and down: values changed; signed and dropped: their value that day.',
  flag: {
    window: 'past the signing window',
    no_next: 'no next step',
    one_contact: 'one person on record',
    provisional: 'class provisional',
    overdue: 'a step overdue',
  } as Record<string, string>,
  made: (today: string) => `made by sales-coach on ${today}`,
  dateLocale: 'en',
};
export type StatsMessages = typeof en;

export const STATS_MESSAGES: Record<Locale, StatsMessages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
