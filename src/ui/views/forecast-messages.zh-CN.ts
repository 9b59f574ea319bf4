/** The words of `forecast` in Simplified Chinese. zh-TW is generated from this file (scripts/zh-tw.mjs). */
import type { ForecastMessages } from './forecast-messages.js';

export const zhCN: ForecastMessages = {
  title: (kind, from, to) => `签单预测，${kind === 'month' ? '本月' : kind === 'quarter' ? '本季度' : '未来30天'}：${from}至${to}`,
  category: { commit: '有把握', best: '乐观', pipeline: '全部在谈' },
  categoryHelp: '有把握：你敢承诺的类别；乐观：再加上下一类；全部在谈：这段时间内的所有客户',
  expectedOf: (expected, value, n) => `预计${expected}，总金额${value}（${n}个客户）`,
  noAccount: '这段时间没有客户',
  accuracyTitle: (kind) => `你的${kind === 'month' ? '月度' : kind === 'quarter' ? '季度' : '30天'}预测后来怎样`,
  noneKept: (kind) => `还没有哪次${kind === 'month' ? '月度' : kind === 'quarter' ? '季度' : '30天'}预测的时段已经结束：每次预测都会保存（每周一份），时段结束后再对比。`,
  keptOn: (made, from, to) => `${made}的预测，时段${from}至${to}`,
  expectedSigned: (expected, signed, k, n) => `预计${expected}，实际签单${signed}（${n}个客户，其中${k}个已签单）`,
  accuracyTotal: (expected, signed) => `合计：预计${expected}，实际签单${signed}`,
  reportHeader: ['', '预计', '总金额', '客户数'],
  noValue: (n) => `${n}个客户，未填金额`,
  chanceOwn: (pct, k, n) => `签约概率${pct}：按你自己的记录，已有结果的${n}个中${k}个在周期内签单`,
  chanceDefault: (pct, n, min) => `签约概率${pct}：用的是剧本的默认值（你已有结果的客户${n}个，满${min}个后改用你自己的记录）`,
  row: (value, pct, expected) => `${value} × ${pct} = ${expected}`,
  unvalued: '未填金额（account set 客户名 amount=…）',
  expectedOn: (date) => `预计${date}签约`,
  windowEnds: (date) => `签单周期${date}结束`,
  total: (expected) => `这段时间预计签单：${expected}`,
  nothing: '这段时间内没有在谈的客户到期。',
  notCounted: '不计入这次预测',
  pastDate: (n) => `${n}个客户已过日期：签单或重新分类（accounts --flag window）`,
  afterPeriod: (n) => `${n}个客户在这段时间之后（--period quarter 看更长）`,
  provisional: (n) => `${n}个客户分类仍是暂定`,
};
