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
  expectedOf: (expected: string, value: string, n: number) => `${expected} expected of ${value} (${n} account${n === 1 ? '' : 's'})`,
  noAccount: 'no account in the period',
  accuracyTitle: (kind: 'month' | 'quarter' | '30d') => `How your ${kind === 'month' ? 'monthly' : kind === 'quarter' ? 'quarterly' : '30-day'} forecasts turned out`,
  noneKept: (kind: 'month' | 'quarter' | '30d') => `No ${kind === 'month' ? 'monthly' : kind === 'quarter' ? 'quarterly' : '30-day'} forecast kept has its period over yet: each forecast is kept (one a week), and compared once its period has ended.`,
  keptOn: (made: string, from: string, to: string) => `Forecast of ${made}, for ${from} to ${to}`,
  expectedSigned: (expected: string, signed: string, k: number, n: number) => `expected ${expected}, signed ${signed} (${k} of ${n} account${n === 1 ? '' : 's'})`,
  accuracyTotal: (expected: string, signed: string) => `In all: expected ${expected}, signed ${signed}`,
  reportHeader: ['', 'expected', 'value', 'accounts'],
  noValue: (n: number) => `${n} account${n === 1 ? '' : 's'}, no value given`,
  chanceOwn: (pct: string, k: number, n: number) => `chance ${pct}: your own rate, ${k} of ${n} decided signed within the window`,
  chanceDefault: (pct: string, n: number, min: number) => `chance ${pct}: the playbook's default (${n} of your accounts decided; your own rate from ${min})`,
  row: (value: string, pct: string, expected: string) => `${value} × ${pct} = ${expected}`,
  unvalued: 'no value (account set NAME amount=…)',
  expectedOn: (date: string) => `expected to sign ${date}`,
  windowEnds: (date: string) => `window ends ${date}`,
  total: (expected: string) => `Expected in the period: ${expected}`,
  nothing: 'No account in play has its day in this period.',
  notCounted: 'Not in this forecast',
  pastDate: (n: number) => `${n} account${n === 1 ? '' : 's'} past ${n === 1 ? 'its' : 'their'} day: sign or reclassify (accounts --flag window)`,
  afterPeriod: (n: number) => `${n} account${n === 1 ? '' : 's'} after the period (--period quarter for longer)`,
  provisional: (n: number) => `${n} provisional account${n === 1 ? '' : 's'}: no class yet`,
};
export type ForecastMessages = typeof en;

export const FORECAST_MESSAGES: Record<Locale, ForecastMessages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
