/** The interface's own words, per locale. Content words come from the playbook. */
import type { Locale } from '../playbook/types.js';

const en = {
  back: '↩ Back to the previous question',
  help: '? Why this question',
  unknown: "Don't know",
  notSure: 'Not sure: let me describe what I saw',
  skip: '(leave empty to skip)',
  inputHint: 'type < to go back, ? for help',
  unknownHint: 'or "unknown"',
  required: 'An answer is needed here (type < to go back)',
  yes: 'Yes',
  no: 'No',
  progress: (n: number, total: number) => `${n}/${total}`,
  class: 'Class',
  provisional: 'Provisional',
  unclassified: 'Unclassified',
  signBy: (date: string, klass: string, window: string) => `Sign by ${date} (${window}), or reclassify${klass === 'A' ? ' as B or D' : ''}.`,
  window: (min: number | undefined, max: number) => (min !== undefined ? `${min}-${max} days` : `about ${max} days`),
  askYourself: 'Ask yourself',
  forward: 'Forward',
  reverse: 'Reverse',
  persona: 'The person',
  observed: 'likely, from what you observed',
  chosen: 'as you said',
  do: 'Do',
  dont: "Don't",
  flags: 'Flags',
  nextSteps: 'Next steps',
  plan: 'This visit',
  objective: 'Objective',
  commitment: 'Ask for',
  minimum: 'At least',
  recap: 'Recap to send before the visit (ready to copy)',
  tips: 'Coaching',
  changes: 'Changed since the last visit',
  sinceLast: (date: string, before: string, now: string) => (before === now ? `Class ${now}, as at the last visit (${date}).` : `Class ${before} at the last visit (${date}), ${now} now.`),
  noFlags: 'none',
  prep: 'prep',
  debrief: 'debrief',
  draftSaved: (n: number, cmd: string) => `Interrupted. Your ${n} answer${n === 1 ? ' is' : 's are'} saved as a draft; continue with:\n  ${cmd}`,
  resumed: (n: number) => `Resuming the draft: ${n} answer${n === 1 ? '' : 's'} already given.`,
  dryRun: 'Not saved (--dry-run).',
  notSavedNoAccount: 'Not saved: no account given (--account NAME).',
  saved: (a: string) => `Saved to the account "${a}".`,
  whichAccount: 'Which account (customer company)?',
  carriedConfirm: (date: string, facts: string) => `Still as at the visit of ${date}? ${facts}`,
  wroteMarkdown: (f: string) => `Wrote ${f}`,
  label: (name: string, value: string) => `${name}: ${value}`,
  keys: {} as Record<string, string>,
  aside: (text: string) => `(${text})`,
};
export type UiMessages = typeof en;

const zhCN: UiMessages = {
  back: '↩ 返回上一题',
  help: '? 为什么问这个',
  unknown: '不知道',
  notSure: '不确定：我来描述看到的情况',
  skip: '（留空跳过）',
  inputHint: '输入 < 返回上一题，? 查看说明',
  unknownHint: '或输入 unknown 表示不知道',
  required: '这一题需要回答（输入 < 返回上一题）',
  yes: '是',
  no: '否',
  progress: (n, total) => `${n}/${total}`,
  class: '客户分类',
  provisional: '暂定',
  unclassified: '无法分类',
  signBy: (date, klass, window) => `${date}前签单（${window}），否则重新分类${klass === 'A' ? '为B类或D类' : ''}。`,
  window: (min, max) => (min !== undefined ? `${min}~${max}天` : `约${max}天`),
  askYourself: '问自己',
  forward: '正向',
  reverse: '反向',
  persona: '这个人',
  observed: '根据你的观察推断',
  chosen: '你的判断',
  do: '要做',
  dont: '不要',
  flags: '警示',
  nextSteps: '下一步行动',
  plan: '这次拜访',
  objective: '目标',
  commitment: '争取',
  minimum: '底线',
  recap: '拜访前发送的总结（可直接复制）',
  tips: '辅导建议',
  changes: '与上次拜访相比的变化',
  sinceLast: (date, before, now) => (before === now ? `仍是${now}类，与上次拜访（${date}）相同。` : `上次拜访（${date}）是${before}类，现在是${now}类。`),
  noFlags: '无',
  prep: '拜访准备',
  debrief: '拜访复盘',
  draftSaved: (n, cmd) => `已中断。你的${n}个回答已存为草稿，继续请运行：\n  ${cmd}`,
  resumed: (n) => `继续草稿：已回答${n}题。`,
  dryRun: '未保存（--dry-run）。',
  notSavedNoAccount: '未保存：没有指定客户（--account 客户名）。',
  saved: (a) => `已保存到客户“${a}”。`,
  whichAccount: '哪个客户（公司名称）？',
  carriedConfirm: (date, facts) => `和${date}拜访时一样吗？${facts}`,
  wroteMarkdown: (f) => `已写入 ${f}`,
  label: (name, value) => `${name}：${value}`,
  keys: { navigate: '移动', select: '选择', submit: '确认', all: '全选', invert: '反选' },
  aside: (text) => `（${text}）`,
};

const zhTW: UiMessages = { ...zhCN };

export const UI: Record<Locale, UiMessages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** Dates as a rep reads them: "Wed 26 Nov 2026" / "2026年11月26日 周三". Computed in UTC: a date has no time zone. */
const formatters = new Map<Locale, Intl.DateTimeFormat>();

export function formatDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  let f = formatters.get(locale);
  if (!f) {
    // one formatter per locale: building one costs far more than using it
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
    formatters.set(locale, f);
  }
  return f.format(new Date(Date.UTC(y, m - 1, d)));
}
