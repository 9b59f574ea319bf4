/** The words of `today` in Simplified Chinese. zh-TW is generated from this file (scripts/zh-tw.mjs). */
import type { TodayMessages } from './today-messages.js';
import { icalWhy } from '../ical-words.zh-CN.js';

export const zhCN: TodayMessages = {
  title: (date) => `今天，${date}`,
  weekTitle: (from, to) => `未来一周，${from}至${to}`,
  emptyDay: '今天没有安排：今明两天没有计划拜访，没有到期或逾期的下一步，也没有待处理的事。',
  emptyWeek: '本周没有安排：没有计划拜访，没有到期或逾期的下一步，也没有待处理的事。',
  visits: '拜访',
  when: { today: '今天', tomorrow: '明天', later: '' },
  source: { 'next-meeting': '上次拜访时约定', prep: '已准备', calendar: '日历中的安排' },
  prepWith: (cmd) => `准备：${cmd}`,
  debriefWith: (cmd) => `拜访后复盘：${cmd}`,
  undebriefed: '还没复盘的拜访',
  agreedFor: (date) => `上次约好的${date}那次见面（没有做准备）`,
  preparedFor: (date) => `${date}的拜访`,
  steps: '到期的下一步',
  overdueSince: (date) => `已逾期（${date}到期）`,
  dueOn: (date) => `${date}到期`,
  dueToday: '今天到期',
  moreSteps: (n) => `……还有${n}项（sales-coach checklist 列出全部）`,
  pastWindow: '已过签单周期：签单或重新分类',
  windowEnded: (cls, date) => `${cls}，周期已于${date}结束`,
  moreWindow: (n) => `……还有${n}个（sales-coach accounts --flag window 列出全部）`,
  notes: '经理的批注（未读）',
  drafts: '未完成的访谈',
  calendarSkipped: (n, names) => `${n}个重复的日历事件未显示：在这段时间之前已重复超过一万次（${names}）；请把开始日期改晚，或加上 UNTIL`,
  calendarUnreadable: (where, summary, why) => `${where}：${summary ? `事件“${summary}”` : '一个事件'}无法读取，已略过：${icalWhy(why)}`,
  calendarUnreadableMore: (n) => `……另有${n}个日历事件无法读取`,
  unmatched: (n) => `${n}个日历事件没有对应的客户（按事件标题或地点中的客户名称匹配）`,
};
