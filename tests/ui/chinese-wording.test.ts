/**
 * Issue 23, Chinese from a rep's trial: wording a trainer would rewrite, held off for good. A company is
 * never 他 (对方, 这个客户, or its name); a class change says its reason once, without naming the class
 * again; the A window is worded as the seed words it, 1周到10天, everywhere; a dropped account's note
 * says plainly what a prep does and how the account comes back; the trust levels are the seed's own
 * (喜欢你, 相信你, 离不开你), not the rep speaking of themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/engine/messages.js';
import { UI } from '../../src/ui/messages.js';
import { VIEW_MESSAGES } from '../../src/ui/views/messages.js';

/** Every zh-CN text of the built-in playbook and of the templates `playbook init` writes. */
function playbookTexts(): { where: string; text: string }[] {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.yaml') && !e.name.endsWith('.test.yaml') ? [join(dir, e.name)] : []));
  const out: { where: string; text: string }[] = [];
  const walk = (node: unknown, where: string) => {
    if (Array.isArray(node)) for (const v of node) walk(v, where);
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) {
        if (k === 'zh-CN' && typeof v === 'string') out.push({ where, text: v });
        else walk(v, where);
      }
  };
  for (const f of [...files('playbooks'), ...files('templates')]) for (const doc of parseAllDocuments(readFileSync(f, 'utf8'))) walk(doc.toJS(), f);
  return out;
}

/** Each line of the zh-CN catalogues that holds Chinese. */
function catalogueLines(): { where: string; text: string }[] {
  const files = ['src/engine/messages.zh-CN.ts', 'src/ui/messages.zh-CN.ts', 'src/ui/views/messages.zh-CN.ts', 'src/ui/views/stats-messages.zh-CN.ts', 'src/ui/views/today-messages.zh-CN.ts', 'src/ui/views/forecast-messages.zh-CN.ts', 'src/ui/notice-messages.zh-CN.ts', 'src/ui/cli-messages.zh-CN.ts', 'src/ui/store-messages.zh-CN.ts', 'src/ui/usage-messages.zh-CN.ts', 'src/ui/help-messages.zh-CN.ts'];
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((text, i) => (/\p{Script=Han}/u.test(text) ? [{ where: `${f}:${i + 1}`, text }] : [])),
  );
}

const ALL = [...playbookTexts(), ...catalogueLines()];
const found = (re: RegExp) => ALL.filter(({ text }) => re.test(text)).map(({ where, text }) => `${where}: ${text.trim().slice(0, 80)}`);

describe('Chinese a trainer would not rewrite', () => {
  it('reads the playbook, the templates and the catalogues', () => {
    expect(ALL.length).toBeGreaterThan(800);
  });

  it('a company is not 他: its strategy, its first choice, its class are 对方的 or 这个客户的', () => {
    expect(found(/把它重新归为/)).toEqual([]);
    expect(found(/他的战略|他心目中|是他的首选|不是他对你有什么贡献|他属于哪一类|他是不是A类客户|为什么他不再是|只认识一个人：他|它还是A类客户/)).toEqual([]);
    expect(MESSAGES['zh-CN'].terms.provisionalVerdict).toBe('这个客户属于哪一类');
    expect(MESSAGES['zh-CN'].lapsedReverse('A类客户', 'B类客户')).toMatch(/^为什么这个客户不再是A类客户？/);
  });

  it('a class change says its reason once: "因为A类客户的签单周期…", not "因为B类客户：A类客户的签单周期…"', () => {
    const zh = MESSAGES['zh-CN'];
    for (const reason of [zh.windowLapsed('B类客户', 'A类客户', '12月11日'), zh.keptAfterLapse('B类客户', 'A类客户')]) {
      const moved = UI['zh-CN'].moved('A类客户', 'B类客户', reason);
      expect(moved.split('B类客户').length - 1, moved).toBe(1);
      expect(VIEW_MESSAGES['zh-CN'].ev.classMoved('A类客户', 'B类客户', reason).split('B类客户').length - 1).toBe(1);
    }
    expect(UI['zh-CN'].moved('A类客户', 'B类客户', zh.windowLapsed('B类客户', 'A类客户', '12月11日'))).toBe('分类从A类客户变为B类客户，因为A类客户的签单周期已在12月11日结束，仍未签单。');
    // nor does a catalogue say a reason's class and then the reason: "B类客户：A类客户…"
    expect(found(/\$\{(to|klass)\}：(\$\{from\}的签单周期|按\$\{date\})/)).toEqual([]);
    expect(zh.classOnRecord('A类客户', '12月1日')).toBe('分类沿用12月1日复盘时的判断：此后你了解的情况没有变化，而拜访准备本身不改变分类');
  });

  it('the A window is 1周到10天 wherever it is given, as the class name and the seed say it', () => {
    expect(UI['zh-CN'].window(7, 10)).toBe('1周到10天');
    expect(UI['zh-CN'].signBy('12月11日周五', UI['zh-CN'].window(7, 10))).toBe('12月11日周五前签单（1周到10天），否则重新分类。');
    expect(UI['zh-CN'].window(undefined, 20)).toBe('约20天');
    expect(found(/(?<!1周)(?<!\d)\d+\s*(到|至|~|～|-)\s*10\s*天/)).toEqual([]);
  });

  it('a dropped account before a prep: what the prep does not do, and how the account comes back, said naturally', () => {
    const said = UI['zh-CN'].droppedBeforePrep('Lotus', 'D类客户', '2026年12月16日');
    expect(said).toBe('Lotus自2026年12月16日起是D类客户，已放弃。拜访准备不会让已放弃的客户重新进入跟进；拜访后做复盘时，如果情况确实有了变化，这个客户会重新开始跟进。');
    expect(found(/不会重新跟进它/)).toEqual([]);
  });

  it('the levels of trust are the seed’s (喜欢你, 相信你, 离不开你), not the rep speaking of themselves', () => {
    expect(found(/(喜欢|相信|离不开)我（/)).toEqual([]);
    const labels = playbookTexts().filter((t) => /（(浅度|中度|深度)信任）$/.test(t.text)).map((t) => t.text);
    expect(labels).toEqual(['喜欢你（浅度信任）', '相信你（中度信任）', '离不开你（深度信任）']);
  });
});
