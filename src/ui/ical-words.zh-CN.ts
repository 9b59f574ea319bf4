/**
 * Why a calendar, or one event of it, could not be read, in Chinese: ical.js words it in English (and
 * src/cli/calendar.ts when ical.js says nothing of use). Its known shapes are said here; the value it
 * quotes stays as written, it is what the rep finds in the file. zh-TW is generated from this file.
 */
const FORMS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^invalid date-time value: "(.*)"$/s, (m) => `日期时间“${m[1]}”无效`],
  [/^invalid duration value: Not enough duration components in "(.*)"$/s, (m) => `时长“${m[1]}”不完整`],
  [/^invalid duration value: Missing number before "(.*)"$/s, (m) => `时长里“${m[1]}”前面少了数字`],
  [/^invalid duration value: Invalid number "(.*)" before "(.*)"$/s, (m) => `时长里“${m[2]}”前面的数字“${m[1]}”无效`],
  [/^invalid line \(no token ";" or ":"\) "(.*)"$/s, (m) => `这一行既没有“;”也没有“:”：“${m[1]}”`],
  [/^invalid line \(no matching double quote\) "(.*)"$/s, (m) => `这一行的双引号没有配对：“${m[1]}”`],
  [/^invalid ical body\. component began but did not end$/s, () => '有一部分开始了却没有结束（少了 END:）'],
  [/^Invalid parameters in '(.*)'$/s, (m) => `参数无效：“${m[1]}”`],
  [/^Missing parameter value in '(.*)'$/s, (m) => `参数没有值：“${m[1]}”`],
  [/^Empty parameter name in '(.*)'$/s, (m) => `参数名是空的：“${m[1]}”`],
  [/^invalid frequency "(.*)" expected: .*$/s, (m) => `重复规则的频率“${m[1]}”无效`],
  [/^invalid (WKST|BYDAY) value "(.*)"$/s, (m) => `重复规则里 ${m[1]} 的值“${m[2]}”无效`],
  [/^Invalid BYMONTHDAY value$/s, () => '重复规则里 BYMONTHDAY 的值无效'],
  [/^a property could not be read \(its DTSTART, RRULE, RDATE or EXDATE\?\)$/s, () => '有一个属性无法读取（DTSTART、RRULE、RDATE 还是 EXDATE？）'],
];

/** ical.js's reason in Chinese; one of another shape is quoted as the parser wrote it, marked as its words. */
export function icalWhy(detail: string): string {
  for (const [form, word] of FORMS) {
    const m = form.exec(detail);
    if (m) return word(m);
  }
  return `日历解析器的原话：${detail}`;
}
