/**
 * The store's names of a row ("class of \"Acme\"") in Chinese: said by the store's errors and by the
 * notices of a damaged row, apart from both catalogues so that the session's notices do not load the
 * store's (about 20 KB) before the first question.
 */
export function rowName(what: string): string {
  const m =
    /^class of "(.*)"$/s.exec(what) ??
    /^history of "(.*)"$/s.exec(what) ??
    /^facts of "(.*)"$/s.exec(what) ??
    /^last visit to "(.*)"$/s.exec(what) ??
    /^facts of (.*) at "(.*)"$/s.exec(what) ??
    /^visit of (\S+) to "(.*)"$/s.exec(what) ??
    /^class (.*)$/s.exec(what);
  if (!m) return what;
  if (what.startsWith('class of ')) return `客户“${m[1]}”的分类`;
  if (what.startsWith('history of ')) return `客户“${m[1]}”的历史记录`;
  if (what.startsWith('facts of "')) return `客户“${m[1]}”的资料`;
  if (what.startsWith('last visit to ')) return `客户“${m[1]}”的上次拜访`;
  if (what.startsWith('facts of ')) return `客户“${m[2]}”里${m[1]}的资料`;
  if (what.startsWith('visit of ')) return `客户“${m[2]}”${m[1]}的拜访记录`;
  return `分类${m[1]}的名称`;
}
