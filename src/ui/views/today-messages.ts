/**
 * The words of `today` (the rep's morning screen), one typed catalogue per locale: zh-CN beside this
 * file, zh-TW generated from it at build time (scripts/zh-tw.mjs).
 */
import type { Locale } from '../../engine/model.js';
import { zhCN } from './today-messages.zh-CN.js';
import { zhTW } from './today-messages.zh-TW.generated.js';

const en = {
  title: (date: string) => `Today, ${date}`,
  weekTitle: (from: string, to: string) => `The week ahead, ${from} to ${to}`,
  emptyDay: 'Nothing today: no visit planned today or tomorrow, no step due or overdue, nothing waiting for you.',
  emptyWeek: 'Nothing this week: no visit planned, no step due or overdue, nothing waiting for you.',
  visits: 'Visits',
  when: { today: 'today', tomorrow: 'tomorrow', later: '' } as Record<'today' | 'tomorrow' | 'later', string>,
  source: { 'next-meeting': 'agreed at the last visit', prep: 'prepared', calendar: 'in your calendar' } as Record<'next-meeting' | 'prep' | 'calendar', string>,
  prepWith: (cmd: string) => `prepare: ${cmd}`,
  debriefWith: (cmd: string) => `after the visit: ${cmd}`,
  undebriefed: 'Not yet debriefed',
  agreedFor: (date: string) => `the meeting of ${date} agreed at the last visit (not prepared)`,
  preparedFor: (date: string) => `the visit of ${date}`,
  steps: 'Steps due',
  overdueSince: (date: string) => `due ${date}, overdue`,
  dueOn: (date: string) => `due ${date}`,
  dueToday: 'due today',
  moreSteps: (n: number) => `… and ${n} more (sales-coach checklist lists them all)`,
  pastWindow: 'Past the signing window: sign or reclassify',
  windowEnded: (cls: string, date: string) => `${cls}, window ended ${date}`,
  moreWindow: (n: number) => `… and ${n} more (sales-coach accounts --flag window lists them all)`,
  notes: 'From your manager, not yet read',
  drafts: 'Unfinished sessions',
  calendarSkipped: (n: number, names: string) =>
    `${n} recurring calendar event${n === 1 ? ' is' : 's are'} not shown: more than 10,000 occurrences before this period (${names}); give ${n === 1 ? 'it' : 'them'} a later start or an UNTIL`,
  calendarUnreadable: (where: string, summary: string | undefined, why: string) => `${where}: ${summary ? `the event "${summary}"` : 'an event'} is left out: ${why}`,
  calendarUnreadableMore: (n: number) => `… and ${n} more event${n === 1 ? '' : 's'} of the calendar that could not be read`,
  unmatched: (n: number) => `${n} calendar event${n === 1 ? '' : 's'} named no account (matched by the account's name in the event's title or place)`,
};
export type TodayMessages = typeof en;

export const TODAY_MESSAGES: Record<Locale, TodayMessages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
