/** The engine's words in Simplified Chinese, in the seeds' own terms. zh-TW is generated from this file. */
import type { Messages } from './messages.js';

/** How many points, in words: 两点, not 2点 (more than ten is never one visit's). */
const points = (n: number) => `${['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'][n] ?? n}点`;

export const zhCN: Messages = {
  because: (klass, list) => `${klass}，因为${list}`,
  // 、 joins reasons that are verb phrases (有需求、有购买能力); 和 would join them into one noun
  list: (items) => items.join('、'),
  // 对方 said once for the list (对方有没有需求、认不认可产品价值), never of the company (对方公司)
  unknownList: (items) => items.map((t, i) => (i > 0 && items[0].startsWith('对方') ? t.replace(/^对方(?!公司)/, '') : t)).join('、'),
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
  // the points counted, not glued into one noun ("关键在于需求、对方是否认可产品价值，这一点…")
  provisionalReason: (classes, items) => (items.length < 2 ? `可能是${classes}，关键在于${items.join('')}，这一点你还不清楚` : `可能是${classes}，关键在${points(items.length)}：${zhCN.unknownList(items)}，这${points(items.length)}你还不清楚`),
  notKnownOf: (what) => `{rep}还不清楚${what}`,
  provisionalReasonOf: (classes, items) => (items.length < 2 ? `可能是${classes}，关键在于${items.join('')}，这一点{rep}还不清楚` : `可能是${classes}，关键在${points(items.length)}：${zhCN.unknownList(items)}，这${points(items.length)}{rep}还不清楚`),
  classHeldOf: (person, klass, decider, role, prep) => `{rep}${prep ? '这次要见的是' : '见的是'}${person}，不是${role}：客户仍按${decider}的意见算作${klass}`,
  provisionalQuestionPrep: (items, question, verdict) => `${question}因为你还不清楚${zhCN.unknownList(items)}。像顶尖销售（Top Sales）那样回答：“这${points(items.length)}我还没确认，这次拜访我会问清楚，到时就能判断${verdict}。”`,
  provisionalQuestionDebrief: (list, question, decider) => `${question}因为你还不清楚${list}。像顶尖销售（Top Sales）那样回答：说出原因，再说什么时候能弄清楚（比如“${decider}这段时间在外出差，等对方下周回来，我会见面沟通一次”）。`,
  terms: { decider: '最终决策人', provisionalQuestion: '为什么分类还定不下来？', provisionalVerdict: '这个客户属于哪一类' },
  findOut: (what) => `弄清楚${what}`,
  notSure: '不确定',
  unclassified: '这些回答没有命中任何分类规则（剧本有遗漏）。',
  planNoClass: '客户经营计划针对的是整个客户；客户分类来自每次拜访（拜访准备和拜访复盘）。',
  thisAccount: '这个客户',
  you: (several) => (several ? '各位' : '您'),
  named: (name, role) => `${name}（${role}）`,
  noSupporter: (account) => `${account}内部还没有明确支持你的人：你不在场时，谁会替你说话？在继续投入之前先找到一位（每个采购角色都有自己的态度和“个人的赢”）`,
  opponent: (name) => `${name}反对这个方案：不处理好${name}的反对，单子可能就卡在那里`,
  addressOpponent: (name) => `想好怎么回应${name}的顾虑：${name}的“个人的赢”是什么（绝不是回扣），${name}信任谁`,
  provisionalObjective: (list) => `弄清决定分类的关键——${list}`,
  provisionalCommitment: '如果对方回答不了，就约能回答的人见面',
  provisionalMinimum: (items) => (items.length < 2 ? `就${items.join('')}得到明确答复，并清楚这个答复出自谁` : `这${points(items.length)}都得到明确答复，并清楚每个答复出自谁`),
  windowLapsed: (_to, from, date) => `${from}的签单周期已在${date}结束，仍未签单`,
  keptAfterLapse: (_klass, from) => `${from}的签单周期已过，仍未签单；情况没有变化，这个客户就不会重新成为${from}`,
  lapsedForward: (from) => `为什么在${from}的签单周期内没有签下来？当初判断为${from}的理由里，哪一条是你一厢情愿的，而不是你亲耳听到的？`,
  lapsedReverse: (from, to) => `为什么这个客户不再是${from}？因为没有按时签单。要在${to}的签单周期内签下来，必须发生什么？如果什么都不会发生，就别再投入了。`,
  obstacleAfterWindow: (reason, date, klass, deadline, then) => `${klass}的签单周期${deadline}就到期了，早于客户说的${reason ? `“${reason}”` : '障碍'}所在的${date}：照现在的情况，周期内签不下来。弄清楚有什么办法能在那之前签单，否则重新分类${then ? `为${then}` : ''}`,
  meetingNotDebriefed: (meeting, iso) => `上次约好的${meeting}的见面还没有复盘：先把那次见面的情况记下来（debrief --date ${iso}）；如果那次没见成，这次拜访时弄清楚原因`,
  meetingAfterWindow: (meeting, klass, deadline) => `下次见面定在${meeting}，晚于${klass}的签单周期截止日（${deadline}）：把见面提前，或者在那之前争取签单`,
  windowOver: (klass, date, then) => `${klass}的签单周期已在${date}结束，还没签下来：这次拜访签不下来，就${then ? `改归${then}` : '重新分类'}`,
  toldStep: (step, date) => `${date}前${step}`,
  personRefusedStance: (person) => `${person}的拒绝只是${person}个人的态度，不是整个客户的结论。弄清楚${person}需要什么`,
  personRefused: (person, klass, decider, role) => `${person}的拒绝只是${person}个人的态度，不是整个客户的结论：客户仍按${role} ${decider}的意见算作${klass}。弄清楚${person}需要什么`,
  classOnRecord: (_klass, date) => `分类沿用${date}复盘时的判断：此后你了解的情况没有变化，而拜访准备本身不改变分类`,
  classExpected: (klass, onRecord) => `预计是${klass}。在复盘说明实际情况之前，记录上仍是${onRecord}`,
  classHeld: (person, klass, decider, role, prep) => `${prep ? '这次要见的是' : '你见的是'}${person}，不是${role}：客户仍按${decider}的意见算作${klass}`,
  addressOpponentWin: (name, win) => `想好怎么回应${name}的顾虑，从${name}在工作上想要的东西入手：${win}（绝不是回扣）；如果你的方案满足不了，就在别的方面为${name}找到更大的“个人的赢”`,
  windowOverObjective: (then) => `签单周期已经过了：这次拜访争取签单，否则会后${then ? `改归${then}` : '重新分类'}`,
  windowOverCommitment: '本次拜访签单',
  windowOverUnlessSigned: (then) => `对方认可接下来的计划；这次拜访签不下来，拜访后就${then ? `改归${then}` : '重新分类'}`,
  windowOverMinimum: (then) => `得到明确的结果：签单，或者${then ? `把客户重新归为${then}` : '重新分类'}`,
  date: (iso) => {
    const [, m, d] = iso.split('-').map(Number);
    return `${m}月${d}日`;
  },
};
