/** The interface's words in Simplified Chinese. zh-TW is generated from this file. */
import { grouped } from '../engine/answers.js';
import { classNoun } from './class-noun.js';
import type { UiMessages } from './messages.js';

export const zhCN: UiMessages = {
  back: '↩ 返回上一题',
  expectation: (e) => {
    const or = 'unknown' in e && e.unknown ? `，或“${e.unknown}”` : '';
    const list = (xs: string[]) => xs.map((c) => `“${c}”`).join('、');
    switch (e.kind) {
      case 'required':
        return '一个回答（这个问题必须回答）';
      case 'yes-no':
        return `“yes”或“no”${or}`;
      case 'one-of':
        return `其中之一：${list(e.choices)}${or}`;
      case 'list-of':
        return `由这些值组成的列表：${list(e.choices)}${or}`;
      case 'integer':
        return `整数，例如 3${or}`;
      case 'number':
        return `数字，例如 3、2.5 或 12万${or}`;
      case 'date':
        return `YYYY-MM-DD 格式的日期，年份在${e.minYear}到${e.maxYear}之间${or}`;
      case 'text':
        return '一段文字';
      case 'number-range':
        return e.min !== undefined && e.max !== undefined ? `${grouped(e.min)}到${grouped(e.max)}之间的数` : e.min !== undefined ? `不小于${grouped(e.min)}的数` : `不大于${grouped(e.max as number)}的数`;
      case 'date-from':
        return `${e.date}${e.visit ? '（拜访当天）' : ''}或之后的日期`;
      case 'date-until':
        return `${e.date}${e.visit ? '（拜访当天）' : ''}或之前的日期`;
    }
  },
  help: '? 为什么问这个',
  unknown: '不知道',
  notSure: '不确定：我来描述看到的情况',
  notSureValue: '不确定',
  skip: '可留空跳过',
  // 下次见面是哪天？（YYYY-MM-DD，没有就留空）【…；可留空跳过】 said 留空 twice
  saysSkip: /留空|不填|直接回车/,
  inputHint: '输入 < 返回上一题，? 查看说明',
  unknownHint: '不清楚就输入“不知道”',
  required: '这一题需要回答（输入 < 返回上一题）',
  expected: (what) => `应为：${what}`,
  yes: '是',
  no: '否',
  progress: (n, total) => `${n}/${total}`,
  // the count before the question: after it, "（姓名）（1/19）" doubled the brackets
  questionLine: (text, n, total) => `${n}/${total} ${text}`,
  // 【】 set the hints apart from a question that ends in its own （）: "（没有就留空）【输入 < 返回上一题】"
  inputHints: (...parts) => `【${parts.join('；')}】`,
  defaultAnswer: (text) => `（${text}）`,
  class: '客户分类',
  classWhy: (rest, why) => (rest ? `${rest}，因为${why}` : `因为${why}`),
  provisional: '暂定',
  provisionalBadge: (classes) => `暂定：${classes}`,
  unclassified: '无法分类',
  signBy: (date, window) => `${date}前签单（${window}），否则重新分类。`,
  // a window worded as the seed and the class name word it (A类客户“1周到10天”签单): a minimum of whole weeks in weeks
  window: (min, max) => (min !== undefined ? `${min % 7 === 0 ? `${min / 7}周` : min}到${max}天` : `约${max}天`),
  askYourself: '问自己',
  forward: '正向',
  reverse: '反向',
  persona: '这个人',
  observed: '根据你的观察推断',
  chosen: '你的判断',
  do: '要做',
  dont: '不要',
  flags: '警示',
  nextSteps: '下一步',
  plan: '这次拜访',
  objective: '目标',
  commitment: '争取',
  minimum: '底线',
  recap: '拜访前发送的总结（可直接复制）',
  recapAfter: '拜访后发送的总结（可直接复制）',
  followUp: '今天要发给客户的跟进消息（可直接复制）',
  nothingToCopy: '没有可复制的内容：这次既没有跟进消息，也没有总结。',
  copied: (what) => `${what === 'followUp' ? '跟进消息' : '总结'}已复制到剪贴板。`,
  notCopied: (why) => `没能复制到剪贴板：${why} 消息就在上面，可以手动复制。`,
  tips: '辅导建议',
  changes: '与上次拜访相比的变化',
  stillOpen: '之前拜访留下、仍未完成的下一步',
  signedNow: '已签单。做得好：接下来把售后服务做到位。',
  backfilled: (latest) => `这次拜访的日期早于该客户最近一次拜访（${latest}）：记入历史，不改变分类，也不改变未完成的下一步。`,
  moved: (from, to, because) => `分类从${from}变为${to}，因为${because}。`,
  movedLapsed: (from, to) => `分类从${from}变为${to}。`,
  openStepsIntro: (n, account) => `${account}还有${n}项下一步没完成。`,
  stepsDoneQuestion: '哪些已经完成？（空格勾选，回车确认；没勾的继续保留）',
  droppedBefore: (account, klass, date) => `${account}自${date}起是${klass}，已放弃：只有这次的回答表明情况变了，才会重新跟进。`,
  droppedBeforePrep: (account, klass, date) => `${account}自${date}起是${klass}，已放弃。拜访准备不会让已放弃的客户重新进入跟进；拜访后做复盘时，如果情况确实有了变化，这个客户会重新开始跟进。`,
  weekendVisit: (date) => `拜访日期是${date}，是周末：如果拜访不在这天，请加上 --date YYYY-MM-DD 重新开始。`,
  windowOverBefore: (account, klass, date, then) => `${account}：${klass}的签单周期已在${date}结束，还没签下来。这次要重新分类${then ? `（${then}）` : ''}。`,
  personaKnown: (name, summary) => `${name}：${summary}`,
  moreWithFull: (n) => `还有${n}条，加 --full 查看`,
  signedBefore: '已签单：接下来是售后阶段的辅导。',
  signedBadge: '已签单',
  alsoMet: '同时在场',
  othersPresent: '这次见面还有其他人在场吗？请输入姓名（没有就直接回车）',
  anotherPresent: '还有别人在场吗？请输入姓名（没有了就直接回车）',
  aboutPerson: (name) => `关于${name}：`,
  classFollows: (name) => `客户分类以在场职位最高的${name}为准`,
  noDraft: (why) => `无法保存草稿（${why}）；继续进行，但现在中断的话，回答会丢失。`,
  stepDone: '已完成',
  stepKeep: '保留',
  stepDrop: '取消（不再需要）',
  draftFound: (mode, n, saved) => `这个客户有一次没做完的${mode}，已存为草稿（已回答${n}题，${saved}）。`,
  draftContinue: '继续草稿',
  draftDiscard: '放弃草稿，重新开始',
  draftDiscardSure: '确定要永久删除这份草稿吗？',
  draftKept: (mode, cmd) => `这个客户有一次没做完的${mode}，草稿保留不动。继续请运行：\n  ${cmd}`,
  sinceLast: (since, before, now, expected = false) =>
    expected ? `记录中自${since}起是${classNoun(before, '类')}，这次拜访预计是${classNoun(now, '类')}。` : `记录中自${since}起是${classNoun(before, '类')}，现在是${classNoun(now, '类')}。`,
  provisionalInline: '暂定',
  noFlags: '无',
  prep: '拜访准备',
  debrief: '拜访复盘',
  modeName: { prep: '拜访准备', debrief: '拜访复盘', plan: '客户经营计划' },
  draftSaved: (n, cmd) => `已中断。你的${n}个回答已存为草稿，继续请运行：\n  ${cmd}`,
  resumed: (n) => `继续草稿：已回答${n}题。`,
  answersKept: (n, cmd) => `你的${n}个回答已存为草稿；问题解决后，继续请运行：\n  ${cmd}`,
  accountChangedMeanwhile: (account) => `你回答期间，另一个 sales-coach 改动了${account}的记录：问题按最新的记录重新开始，你已有的回答作为默认值。`,
  dryRun: '未保存（--dry-run）。',
  notSavedNoAccount: '未保存：没有指定客户（--account 客户名）。',
  tryNotSaved: '试运行：没有保存任何内容。改动回答文件里的一个回答，再运行一次即可对比。',
  saved: (a) => `已保存到客户“${a}”。`,
  factsUnchanged: '没有变化：客户记录里已经是这样。',
  savedLater: (a) => `无法连接团队数据库：对客户“${a}”的这次拜访已保存在本机，下一次能连上时会自动发送。`,
  whichAccount: '哪个客户（公司名称）？',
  carriedConfirm: (date, facts) => `还和${date}记录的一样吗？${facts}`,
  wroteMarkdown: (f) => `已写入 ${f}`,
  // a value with its own colon takes a dash, not a second colon (认知阶梯：特色产品供应商——产品有优势)
  label: (name, value) => `${name}：${value.replaceAll('：', '——')}`,
  keys: { navigate: '移动', select: '选择', submit: '确认', all: '全选', invert: '反选', tick: '勾选', why: '为什么问这个', back: '返回上一题' },
  keyNames: { space: '空格', '⏎': '回车' },
  yesOrNo: '请回答“是”或“否”',
  tickOne: '请至少勾选一项（空格勾选）',
  tickSep: '、',
  aside: (text) => `（${text}）`,
  quoted: (text) => `“${text}”`,
  typeNumber: '请输入数字，如 3 或 2.5',
  typeWholeNumber: '请输入整数，如 3',
  typeNoControl: '含有控制字符，无法显示，也无法再输入：请去掉后重新输入',
  typeDate: '请按 YYYY-MM-DD 输入日期',
  overdueMark: '（已逾期）',
  dateInWords: (words, weekend) => `（${words}${weekend ? '，是周末' : ''}）`,
  dateLocale: 'zh-CN',
  listSep: '；',
  listComma: '，',
  observedCues: '你观察到的',
  cues: '怎么识别',
  traits: '性格特点',
};
