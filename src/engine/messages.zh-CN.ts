/** The engine's words in Simplified Chinese, in the seeds' own terms. zh-TW is generated from this file. */
import type { Messages } from './messages.js';

export const zhCN: Messages = {
  because: (klass, list) => `${klass}，因为${list}`,
  // 、 joins reasons that are verb phrases (有需求、有购买能力); 和 would join them into one noun
  list: (items) => items.join('、'),
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
  notKnown: (what) => `还不清楚${what}`,
  provisionalReason: (classes, list) => `暂定：可能是${classes}。要看${list}，而你还不清楚`,
  provisionalQuestionPrep: (list, question, verdict) => `${question}因为你还不清楚${list}。这次拜访就把它弄清楚，然后像Top Sales一样回答：“这一点我还没确认，这次拜访我会问清楚，到时就能判断${verdict}。”`,
  provisionalQuestionDebrief: (list, question, decider) => `${question}因为你还不清楚${list}。像Top Sales一样回答：说出原因，再说什么时候能弄清楚（比如“${decider}这段时间在外出差，等他下周回来，我会和他见面沟通一次”）。`,
  terms: { decider: '最终决策人', provisionalQuestion: '为什么分类还定不下来？', provisionalVerdict: '他属于哪一类' },
  findOut: (what) => `弄清楚${what}`,
  notSure: '不确定',
  unclassified: '这些回答没有命中任何分类规则（剧本有遗漏）。',
  planNoClass: '客户经营计划针对的是整个客户；客户分类来自每次拜访（拜访准备和拜访复盘）。',
  thisAccount: '这个客户',
  noSupporter: (account) => `${account}还没有已知的支持者：你不在场的时候，谁会替你说话？在继续投入之前先找到一位（每个采购角色都有自己的态度和“个人的赢”）`,
  opponent: (name) => `${name}反对这个方案：不处理好${name}的反对，单子可能就卡在那里`,
  addressOpponent: (name) => `想好怎么回应${name}的顾虑：对${name}来说“个人的赢”是什么（绝不是回扣），${name}信任谁`,
  provisionalObjective: (list) => `弄清楚决定分类的关键：${list}`,
  provisionalCommitment: '如果他回答不了，就约能回答的人见面',
  provisionalMinimum: (list) => `在${list}上得到明确答复，并知道是谁说了算`,
  windowOver: (klass, date, then) => `${klass}的签单周期已在${date}结束，还没签下来：${then ? `把它重新归为${then}` : '重新分类'}，或者现在就签下来`,
  toldStep: (step, date) => `${date}前${step}`,
  personRefused: (person, klass, decider, role) => `${person}的拒绝只是${person}个人的态度，不是整个客户的结论：客户仍按${role} ${decider}的意见算作${klass}。弄清楚${person}需要什么`,
  classHeld: (person, klass, decider, role) => `你见的是${person}，不是${role}：客户仍按${decider}的意见算作${klass}`,
  addressOpponentWin: (name, win) => `想好怎么回应${name}的顾虑，从${name}在工作上想要的东西入手：${win}（绝不是回扣）；如果你的方案满足不了，就在别的方面为${name}找到更大的“个人的赢”`,
  windowOverObjective: (then) => `签单周期已经过了：这次拜访争取签单，否则会后${then ? `把它重新归为${then}` : '重新分类'}`,
  windowOverCommitment: '本次拜访签单',
  windowOverMinimum: (then) => `得到明确的结果：签单，或者${then ? `把客户重新归为${then}` : '重新分类'}`,
  date: (iso) => {
    const [, m, d] = iso.split('-').map(Number);
    return `${m}月${d}日`;
  },
};
