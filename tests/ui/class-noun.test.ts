/**
 * zh-CN (and its generated zh-TW) grammar of class names: a playbook may name a class "A" or, as the
 * built-in one does, "A类客户". Every message that takes a class label reads right with either:
 * "现在是A类", "现在是A类客户", never "现在是A类客户类".
 */
import { describe, expect, it } from 'vitest';
import { classNoun } from '../../src/ui/class-noun.js';
import { UI } from '../../src/ui/messages.js';
import { VIEW_MESSAGES } from '../../src/ui/views/messages.js';
import { STATS_MESSAGES } from '../../src/ui/views/stats-messages.js';

type Locale = 'zh-CN' | 'zh-TW';

/** Every message of the interface's catalogues that takes a class label, called with that label. */
const withClass: [string, (l: Locale, cls: string) => string][] = [
  ['sinceLast (same class)', (l, cls) => UI[l].sinceLast('11月20日', cls, cls)],
  ['sinceLast (moved)', (l, cls) => UI[l].sinceLast('11月20日', cls, cls.replace('A', 'D'))],
  ['moved', (l, cls) => UI[l].moved(cls, cls.replace('A', 'D'), '没有购买能力')],
  ['ev.classNew', (l, cls) => VIEW_MESSAGES[l].ev.classNew(cls, '没有购买能力')],
  ['ev.classMoved', (l, cls) => VIEW_MESSAGES[l].ev.classMoved(cls, cls.replace('A', 'D'), '没有购买能力')],
  ['ev.classValidated', (l, cls) => VIEW_MESSAGES[l].ev.classValidated('王经理', cls, '同意')],
  ['ev.classChallenged', (l, cls) => VIEW_MESSAGES[l].ev.classChallenged('王经理', cls, '为什么？')],
  ['managerNote', (l, cls) => VIEW_MESSAGES[l].managerNote('class-challenged', '王经理', cls, '为什么？')],
  ['stats became', (l, cls) => STATS_MESSAGES[l].became(2, cls)],
  ['stats onTop', (l, cls) => STATS_MESSAGES[l].onTop(cls)],
  ['stats endedDropped', (l, cls) => STATS_MESSAGES[l].endedDropped(2, cls, 3, 9)],
  ['stats wereTop', (l, cls) => STATS_MESSAGES[l].wereTop(1, cls)],
];

const DOUBLED = /(类|類|客户|客戶)(类|類)/u;

describe.each(['zh-CN', 'zh-TW'] as const)('class labels in %s messages', (locale) => {
  const bare = 'A';
  const noun = locale === 'zh-CN' ? 'A类客户' : 'A類客戶';
  it.each(withClass)('%s reads right with "A" and with "A类客户"', (_name, say) => {
    const short = say(locale, bare);
    const long = say(locale, noun);
    expect(short).not.toMatch(DOUBLED);
    expect(long).not.toMatch(DOUBLED);
    // the label is said whole: the playbook's noun as it wrote it
    expect(long).toContain(noun);
  });

  it('sinceLast says "A类" for a bare label and the label itself for a noun (the trial printed "现在是D类客户类")', () => {
    const now = locale === 'zh-CN' ? '现在是D类。' : '現在是D類。';
    expect(UI[locale].sinceLast('11月20日', 'A', 'D')).toMatch(new RegExp(`${now}$`));
    const d = locale === 'zh-CN' ? 'D类客户' : 'D類客戶';
    const a = locale === 'zh-CN' ? 'A类客户' : 'A類客戶';
    expect(UI[locale].sinceLast('11月20日', a, d)).toMatch(new RegExp(`${d}。$`));
    expect(UI[locale].sinceLast('11月20日', d, d)).toContain(`是${d}，`);
  });
});

describe('classNoun', () => {
  it.each([
    ['A', '类', 'A类'],
    ['A类客户', '类', 'A类客户'],
    ['A类', '类', 'A类'],
    ['A類客戶', '類', 'A類客戶'],
    ['Key account ', '类', 'Key account类'],
  ] as const)('%s + %s -> %s', (label, word, out) => {
    expect(classNoun(label, word)).toBe(out);
  });
});

describe('a provisional class in a sentence', () => {
  it('reads "记录中自…起是暂定的分类", never "是暂定类"', async () => {
    const { UI } = await import('../../src/ui/messages.js');
    expect(UI['zh-CN'].sinceLast('12月8日', UI['zh-CN'].provisional, 'A类客户')).toBe('记录中自12月8日起是暂定的分类，现在是A类客户。');
    expect(UI['zh-TW'].sinceLast('12月8日', UI['zh-TW'].provisional, 'A類客戶')).toBe('記錄中自12月8日起是暫定的分類，現在是A類客戶。');
  });
});
