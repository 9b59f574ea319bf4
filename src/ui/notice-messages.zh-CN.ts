/** The words of the program's notices in Simplified Chinese. zh-TW is generated from this file (scripts/zh-tw.mjs). */
import type { NoticeMessages } from './notice-messages.js';

const MODE: Record<string, string> = { prep: '拜访准备', debrief: '拜访复盘', plan: '客户经营计划' };

export const zhCN: NoticeMessages = {
  error: '错误',
  warning: '警告',
  hint: '提示：',
  labelSep: '：',
  didYouMean: (word) => `是不是想写“${word}”？`,
  expectedOneOf: (list) => `应为以下之一：${list}`,
  nothingYet: '目前还没有可以引用的内容',
  controlChar: (what, code) => `${what}含有控制字符（${code}），无法显示，也无法再输入`,
  theValue: '这个值',
  theAnswer: '这个回答',

  notAMapping: '回答文件应当是键值对（mode:、account:、answers: ……）',
  notAMappingHint: '参考README里“Scripted sessions”一节的示例',
  unknownKey: (key) => `回答文件里没有“${key}”这个键`,
  notAllowed: (key, value) => `${key}：不能是${value}`,
  expectedMapping: (key) => `${key}：应当是“问题id: 回答”的键值对`,
  expectedList: (key) => `${key}：应当是列表，每人一项`,
  expectedListHint: '每人写成一项：以“-”开头，先写姓名（如 王先生），下面写他的回答',
  noOthers: (playbook) => `others：剧本“${playbook}”不记录同场的其他人（没有 roles.others）`,
  noOthersHint: '删掉 others:，或在剧本里加上 roles.others',
  otherNotMapping: (n) => `others：第${n}个人应当是“问题id: 回答”的键值对`,
  otherUnnamed: (n, id) => `others：第${n}个人没有名字（${id}）`,
  otherHint: (id, ids) => `每人写上“${id}”，以及这些问题中的任意几项：${ids.join('、')}`,
  notAskedOfOthers: (id) => `others：“${id}”不是问同场其他人的问题`,
  expectedMappingHint: '每行写一个回答：question_id: 回答',
  expectedString: (key, value) => `${key}：应当是文字，实际是${value}`,
  controlNameHint: '按说出来的样子写名字；双引号里的 \\0、\\e 这类转义是控制字符',
  controlTextHint: '双引号里的 \\0、\\e 这类转义是控制字符；请直接写文字',
  notADate: (date) => `“${date}”不是有效的日期`,
  notADateHint: '请写成 YYYY-MM-DD',
  noQuestion: (id, playbook) => `剧本 ${playbook} 里没有“${id}”这个问题`,
  notAskedInMode: (id, mode) => `${mode === 'prep' ? '拜访准备' : mode === 'debrief' ? '拜访复盘' : mode}不问“${id}”：这个回答不会被使用`,
  askedIn: (modes) => `在这些环节提问：${modes}；要在两次拜访之间修改某项事实，请用 sales-coach account set`,
  cannotBe: (id, value) => `“${id}”的回答不能是${value}`,
  expected: (what) => `应为：${what}`,
  noAnswer: (id, question) => `没有回答“${id}”：${question}`,
  noAnswerHint: '在 answers: 下补上这一题，或者在终端里运行（不加 --no-input），程序会逐题提问',
  fileMistakes: (n) => `回答文件里有${n}处错误，没有运行`,
  answersMissing: (n, file) => `${file ? '回答文件' : '回答'}里缺少${n}个回答，没有运行`,
  draftMistakes: '草稿里有错误，没有保存任何内容',
  cannotRead: '回答文件无法读取，没有运行',
  wrongMode: (fileMode, mode) => `这个回答文件是用于${MODE[fileMode] ?? fileMode}的，不是${MODE[mode] ?? mode}`,
  run: (command) => `请运行 ${command}`,
  notADateFlag: (date) => `--date ${date} 不是有效的日期`,
  dateFlagHint: '请写成 YYYY-MM-DD，例如 --date 2026-11-26',
  unknownPersona: (persona) => `剧本里没有“${persona}”这种性格类型`,
  cannotReadHint: '先改正上面的问题；README里有一份完整的回答文件',

  theConfig: '配置文件',
  unknownStore: (scheme) => `sales-coach 不认识 ${scheme}:// 这种数据库`,
  storeHint: (close) => `${close ? `是不是想写“${close}://”？` : ''}团队数据库的写法是 postgres://USER@HOST[:PORT]/DATABASE；其他写法都当作 SQLite 文件的路径`,

  teamReady: (where, me) => `团队数据库 ${where} 已经可以给 sales-coach 使用（你的身份是 ${me}）。\n下一步：为每位销售运行 sales-coach team add 姓名 --manager 经理 --password-file 文件。`,
  memberSaved: (created, name, manager, password) => `已${created ? '添加' : '更新'}${name}${manager ? `，经理是${manager}` : ''}${password ? '（已设置密码）' : ''}。`,
  memberRemoved: (name, accounts) => `已把${name}移出团队；${name}的${accounts}个客户仍保留在数据库里，数据库角色本身由你处理。`,
  noMembers: '团队里还没有人：sales-coach team add 姓名 --manager 经理',
  memberLine: (rep, manager, accounts) => `${rep}${manager ? `（经理：${manager}）` : ''}  ${accounts}个客户`,
  classReviewed: (validated, cls, account, rep) => `已${validated ? '确认' : '质疑'}“${account}”（${rep}）的${cls ? `${cls}分类` : '暂定分类'}；${rep}下次做拜访准备和查看客户列表时会看到。`,
  nothingToPush: (where, local) => `没有需要推送的内容：${local} 里的每个客户、拜访和下一步，${where} 都已经有了。`,
  pushed: (where, c) => `已推送到 ${where}：新增${c.accounts}个客户（更新${c.accountsUpdated}个），${c.visits}次拜访，${c.steps}项下一步（更新${c.stepsUpdated}项），添加或更新${c.contacts}个联系人，${c.events}条历史记录。`,
  pushedSteps: '下一步在团队数据库里有自己的编号：在团队数据库上运行 sales-coach checklist 可以列出它们。',
  reassignHint: (name) => `可以把这些客户交给团队里的其他人：sales-coach team reassign ${name} 角色`,
  reassigned: (accounts, from, to) => `已把${from}的${accounts}个客户转给${to}，连同其中的联系人、拜访、下一步和历史记录。`,
  rowLeftOut: (rep, what) => `没有列出${rep}的${rowName(what)}：它无法读取（在 sales-coach 之外被改动过，或者已经损坏）；这位销售可以用 sales-coach export --json 导出还能读取的内容`,
  rowUnreadable: (what) => `保存的${rowName(what)}无法读取`,
};

/** A stored row as the store names it in English (src/store/shape.ts), in Chinese; a name it does not know stays as written. */
function rowName(what: string): string {
  const forms: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^class of "(.*)"$/s, (m) => `客户“${m[1]}”的分类`],
    [/^visit of (\S+) to "(.*)"$/s, (m) => `${m[1]}对客户“${m[2]}”的拜访记录`],
    [/^history of "(.*)"$/s, (m) => `客户“${m[1]}”的历史记录`],
    [/^facts of "(.*)"$/s, (m) => `客户“${m[1]}”的档案`],
    [/^facts of (.*) at "(.*)"$/s, (m) => `客户“${m[2]}”的联系人${m[1]}的档案`],
    [/^last visit to "(.*)"$/s, (m) => `客户“${m[1]}”最近一次拜访的回答`],
  ];
  for (const [form, word] of forms) {
    const m = form.exec(what);
    if (m) return word(m);
  }
  return what;
}
