/**
 * The words of `forecast`, one typed catalogue per locale: zh-CN beside this file, zh-TW generated
 * from it (scripts/zh-tw.mjs).
 */
import type { Locale } from '../../engine/model.js';
import { zhCN } from './forecast-messages.zh-CN.js';
import { zhTW } from './forecast-messages.zh-TW.generated.js';

const en = {
  title: (kind: 'month' | 'quarter' | '30d', from: string, to: string) => `Forecast, ${kind === 'month' ? 'this month' : kind === 'quarter' ? 'this quarter' : 'the next 30 days'}: ${from} to ${to}`,
  category: { commit: 'Commit', best: 'Best case', pipeline: 'Pipeline' } as Record<'commit' | 'best' | 'pipeline', string>,
  categoryHelp: 'commit: the classes you stand behind; best case adds the next; pipeline is all in the period',
  categoryHelpRep: 'commit: the classes the rep stands behind; best case adds the next; pipeline is all in the period',
  theTeam: 'the team',
  expectedOf: (expected: string, value: string, n: number, unvalued: number) => `${expected} expected of ${value} (${n} account${n === 1 ? '' : 's'}${unvalued ? `, ${unvalued} without a value` : ''})`,
  noAccount: 'no account in the period',
  accuracyTitle: (kind: 'month' | 'quarter' | '30d') => `How your ${kind === 'month' ? 'monthly' : kind === 'quarter' ? 'quarterly' : '30-day'} forecasts turned out`,
  noneKept: (kind: 'month' | 'quarter' | '30d') => `No ${kind === 'month' ? 'monthly' : kind === 'quarter' ? 'quarterly' : '30-day'} forecast kept has its period over yet: each forecast is kept (one a week), and compared once its period has ended.`,
  keptOn: (made: string, from: string, to: string) => `Forecast of ${made}, for ${from} to ${to}`,
  expectedSigned: (expected: string, signed: string, k: number, n: number) => `expected ${expected}, signed ${signed} (${k} of ${n} account${n === 1 ? '' : 's'})`,
  accuracyTotal: (expected: string, signed: string) => `In all: expected ${expected}, signed ${signed}`,
  reportHeader: ['', 'expected', 'value', 'accounts'],
  unforecast: (n: number, value: string, names: string) => `Also signed in the period, not in this forecast: ${n} account${n === 1 ? '' : 's'}${value ? `, ${value}` : ''} (${names}${n > 5 ? ' …' : ''})`,
  noValue: (n: number) => `${n} account${n === 1 ? '' : 's'}, no value given`,
  chanceOwn: (pct: string, k: number, n: number, rep?: string) => `chance ${pct}: ${rep ? `${rep}'s` : 'your'} own rate, ${k} of ${n} decided signed within the window`,
  chanceDefault: (pct: string, n: number, min: number, rep?: string) => `chance ${pct}: the playbook's default (${n} of ${rep ? `${rep}'s` : 'your'} accounts decided; ${rep ? 'their' : 'your'} own rate from ${min})`,
  row: (value: string, pct: string, expected: string) => `${value} × ${pct} = ${expected}`,
  unvalued: 'no value (account set NAME amount=…)',
  unvaluedRep: 'no value',
  expectedOn: (date: string) => `expected to sign ${date}`,
  windowEnds: (date: string) => `window ends ${date}`,
  total: (expected: string) => `Expected in the period: ${expected}`,
  nothing: 'No account in play has its day in this period.',
  notCounted: 'Not in this forecast',
  /** `see`: the command that lists them, for whoever reads (a manager's names the rep). */
  pastDate: (n: number, value: string, names: string, see = 'accounts --flag window') => `${n} past ${n === 1 ? 'its' : 'their'} day or window: sign or reclassify (${see})${value ? `; ${value}` : ''}${names ? `: ${names}` : ''}`,
  afterPeriod: (n: number, value: string) => `${n} after the period${value ? `, ${value}` : ''} (--period quarter looks further)`,
  provisional: (n: number, value: string) => `${n} provisional: no class yet${value ? `, ${value}` : ''}`,
  unclassified: (n: number, value: string) => `${n} not classified yet (a prep expects a class; the debrief gives it)${value ? `, ${value}` : ''}`,
  andMore: (n: number) => `and ${n} more`,
  shortPeriod: (days: number) => `Only ${days} day${days === 1 ? '' : 's'} left in this period: --period 30d looks further.`,
  kept: 'Kept for forecast --accuracy (one a week).',
  noTeamForecast: (reps: number) => `You manage ${reps} rep${reps === 1 ? '' : 's'}: forecast --rep REP shows each one's forecast, forecast --team the team's.`,
  // forecast --team: a manager's view of every rep's forecast, and the team's in all
  teamTitle: (kind: 'month' | 'quarter' | '30d', from: string, to: string) => `The team's forecast, ${kind === 'month' ? 'this month' : kind === 'quarter' ? 'this quarter' : 'the next 30 days'}: ${from} to ${to}`,
  teamExpected: (expected: string) => `${expected} expected`,
  teamCategory: (category: string, expected: string, value: string, n: number) => `${category} ${expected} of ${value} (${n})`,
  teamAll: 'Team',
  teamNotCounted: (list: string) => `Not in these forecasts: ${list}.`,
  teamLeft: {
    past: (n: number) => `${n} past ${n === 1 ? 'its' : 'their'} day or window`,
    after: (n: number) => `${n} after the period`,
    provisional: (n: number) => `${n} provisional`,
    unclassified: (n: number) => `${n} not classified yet`,
  } as Record<'past' | 'after' | 'provisional' | 'unclassified', (n: number) => string>,
  listSep: ', ',
  teamHint: "Each rep's on their own rates (signed within the window, once 5 cases are decided; else the playbook's). forecast --rep REP shows one rep's working.",
};
export type ForecastMessages = typeof en;

export const FORECAST_MESSAGES: Record<Locale, ForecastMessages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
