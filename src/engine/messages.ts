/** The engine's own words (connectives in reasons, the provisional note), per locale. Data only. */
import type { Locale } from './model.js';

const en = {
  because: (klass: string, list: string) => `${klass} because ${list}`,
  and: ', ',
  yes: 'yes',
  no: 'no',
  unknown: "don't know",
  skipped: 'skipped',
  is: '=',
  isNot: '≠',
  or: ' or ',
  isValue: (name: string, value: string) => `${name}: ${value}`,
  isNotValue: (name: string, value: string) => `${name} is not ${value}`,
  noneOf: (name: string, values: string) => `${name} is neither ${values}`,
  with: (name: string, option: string) => `${name} include ${option}`,
  without: (name: string, option: string) => `${name} do not include ${option}`,
  compared: (name: string, value: string, op: 'gt' | 'gte' | 'lt' | 'lte', bound: string) =>
    `${name}: ${value} (${{ gt: 'more than', gte: 'at least', lt: 'less than', lte: 'at most' }[op]} ${bound})`,
  provisionalReason: (classes: string, list: string) => `Provisional: could be ${classes}; it depends on ${list}, which you don't know yet`,
  provisionalQuestion: (list: string) => `Which class is this really? Before the next visit, find out: ${list}.`,
  findOut: (what: string) => `Find out: ${what}`,
  notSure: 'not sure',
  unclassified: 'No class rule holds for these answers (the playbook leaves a gap).',
  thisAccount: 'this account',
  provisionalObjective: (list: string) => `Find out what decides the class: ${list}`,
  provisionalCommitment: 'A meeting with whoever can answer it, if it is not this person',
  provisionalMinimum: (list: string) => `A clear answer on ${list}, and from whom`,
};

type Messages = typeof en;

const zhCN: Messages = {
  because: (klass, list) => `${klass}，因为${list}`,
  and: '、',
  yes: '是',
  no: '否',
  unknown: '不知道',
  skipped: '跳过',
  is: '=',
  isNot: '≠',
  or: '或',
  isValue: (name, value) => `${name}：${value}`,
  isNotValue: (name, value) => `${name}不是“${value}”`,
  noneOf: (name, values) => `${name}不是${values}中的任何一个`,
  with: (name, option) => `${name}包括${option}`,
  without: (name, option) => `${name}不包括${option}`,
  compared: (name, value, op, bound) => `${name}：${value}（${{ gt: '多于', gte: '至少', lt: '少于', lte: '至多' }[op]}${bound}）`,
  provisionalReason: (classes, list) => `暂定：可能是${classes}；取决于${list}，你还不清楚`,
  provisionalQuestion: (list) => `这到底是哪一类客户？下次拜访前先弄清楚：${list}。`,
  findOut: (what) => `弄清楚：${what}`,
  notSure: '不确定',
  unclassified: '这些回答没有命中任何分类规则（剧本有遗漏）。',
  thisAccount: '该客户',
  provisionalObjective: (list) => `弄清楚决定分类的关键：${list}`,
  provisionalCommitment: '如果对方答不了，约到能回答的人',
  provisionalMinimum: (list) => `在${list}上得到明确答复，并知道是谁说了算`,
};

const zhTW: Messages = {
  ...zhCN,
  because: (klass, list) => `${klass}，因為${list}`,
  or: '或',
  isNotValue: (name, value) => `${name}不是「${value}」`,
  noneOf: (name, values) => `${name}不是${values}中的任何一個`,
  with: (name, option) => `${name}包括${option}`,
  without: (name, option) => `${name}不包括${option}`,
  compared: (name, value, op, bound) => `${name}：${value}（${{ gt: '多於', gte: '至少', lt: '少於', lte: '至多' }[op]}${bound}）`,
  provisionalReason: (classes, list) => `暫定：可能是${classes}；取決於${list}，你還不清楚`,
  provisionalQuestion: (list) => `這到底是哪一類客戶？下次拜訪前先弄清楚：${list}。`,
  notSure: '不確定',
  unclassified: '這些回答沒有命中任何分類規則（劇本有遺漏）。',
  thisAccount: '該客戶',
  provisionalObjective: (list) => `弄清楚決定分類的關鍵：${list}`,
  provisionalCommitment: '如果對方答不了，約到能回答的人',
  provisionalMinimum: (list) => `在${list}上得到明確答覆，並知道是誰說了算`,
};

export const MESSAGES: Record<Locale, Messages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
export type { Messages };
