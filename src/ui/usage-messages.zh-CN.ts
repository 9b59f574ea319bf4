/** The command line's mistakes in Simplified Chinese. zh-TW is generated from this file (scripts/zh-tw.mjs). */
import type { RefusedAt, RefusedBecause, UsageMessages } from './usage-messages.js';

const FIELDS: Record<string, string> = { 'the account name': '客户名称', "the person's name": '人名', 'the new name': '新名称' };

function because(b: RefusedBecause): string {
  switch (b.kind) {
    case 'date':
      return `应为 ${b.min} 到 ${b.max} 年之间的日期，写成 YYYY-MM-DD，例如 2026-11-26`;
    case 'period':
      return `应为 7d、2w、1m 这样的时长（最长100年），或 ${b.min} 到 ${b.max} 年之间的日期 YYYY-MM-DD`;
    case 'count':
      return '应为 1 到 999999 之间的整数';
    case 'control':
      return `${FIELDS[b.field] ?? b.field}含有控制字符（${b.code}），无法显示，也无法再输入`;
    case 'choices':
      return `可选的值：${b.choices.join('、')}`;
    default:
      return b.text;
  }
}

const where = (at: RefusedAt): string => ('argument' in at ? `参数 ${at.argument} ` : at.env ? `环境变量 ${at.env} 给选项 ${at.option} ` : `选项 ${at.option} `);
const side = (x: { option?: string; env?: string }): string => (x.env ? `环境变量 ${x.env}` : `选项 ${x.option}`);

export const zhCN: UsageMessages = {
  unknownOption: (flag) => `错误：没有 ${flag} 这个选项`,
  unknownCommand: (name) => `错误：没有“${name}”这个命令`,
  didYouMean: (words) => (words.length === 1 ? `是不是想写 ${words[0]}？` : `是不是想写其中之一：${words.join('、')}？`),
  missingArgument: (name) => `错误：缺少必填的参数 ${name}`,
  optionMissingArgument: (flags) => `错误：选项 ${flags} 后面缺少取值`,
  missingMandatoryOptionValue: (flags) => `错误：必须给出选项 ${flags}`,
  conflictingOption: (a, b) => `错误：${side(a)} 不能和${side(b)} 一起使用`,
  excessArguments: (command, expected, got) => `错误：参数太多了${command ? `（${command}）` : ''}：应为${expected}个，实际给了${got}个`,
  invalidArgument: (value, at, b) => `错误：${where(at)}的值“${value}”无效：${because(b)}`,
  seeHelp: '加上 --help 可查看用法。',
  hint: '提示：',
  unknownLanguage: (value) => `没有“${value}”这种语言可选`,
  unknownLanguageHint: '请用 --lang en、--lang zh-CN 或 --lang zh-TW',
  internalError: (message) => `内部错误：${message}`,
  runWithDebug: '加上 --debug 再运行一次，可以看到详细信息。',
  pleaseReport: '这是 sales-coach 的程序错误：请把你运行的命令连同这段信息一起报告给我们。',
};
