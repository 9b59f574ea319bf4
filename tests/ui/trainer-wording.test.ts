/**
 * Sentences a trainer would rewrite, found by a bilingual review of whole sessions: each case renders
 * the screen the rep reads and checks the wording a trainer asked for (and that the old one is gone).
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { fillTemplate, localize } from '../../src/engine/text.js';
import type { Locale, Mode } from '../../src/playbook/types.js';
import { renderResult } from '../../src/ui/render-terminal.js';
import { builtin } from '../helpers/playbook.js';

const screen = (answers: Answers, mode: Mode, locale: Locale, width = 1000) =>
  renderResult(evaluateSession(builtin(), { mode, answers, visitDate: '2026-12-10', locale, account: { name: '华信科技' } }), new Chalk({ level: 0 }), width, undefined, { full: true })

const firstKp: Answers = { contact_name: '张伟', contact_role: 'first_kp', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala' };

describe('a reason that names what the rep does not know reads as a sentence', () => {
  it('en: "you don\'t know whether they see the value", not "you don\'t know recognises the value"', () => {
    const out = screen({ ...firstKp, buying_power: 'unknown', sees_value: 'unknown' }, 'prep', 'en');
    expect(out).toContain("It depends on buying power and whether they see the value, which you don't know yet");
    expect(out).toContain("Because you don't know buying power and whether they see the value.");
    expect(out).not.toMatch(/know recognises|on recognises/);
  });

  it('zh-CN: 还不清楚对方有没有购买能力、认不认可产品价值 (review 2026-12-07 #31: the clause has its subject; issue 23: the points counted, not glued into one noun)', () => {
    const out = screen({ ...firstKp, buying_power: 'unknown', sees_value: 'unknown' }, 'prep', 'zh-CN');
    expect(out).toContain('因为你还不清楚对方有没有购买能力、认不认可产品价值。');
    const flat = out.replace(/\n\s*/g, '');
    expect(flat).toContain('可能是A类客户或D类客户，关键在两点：对方有没有购买能力、认不认可产品价值，这两点你还不清楚');
    expect(flat).toContain('“这两点我还没确认，');
    expect(flat).toContain('底线：这两点都得到明确答复，并清楚每个答复出自谁');
    expect(flat).not.toMatch(/关键在于[^，]*、|就[^，]*、[^，]*得到明确答复/);
    expect(out).not.toContain('清楚认可价值');
  });
});

describe('the D screen of a polite refusal says each thing once', () => {
  const refused: Answers = { ...firstKp, asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'excuse', statement_changed: 'no', plan_shared: 'no' };
  for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
    it(`${locale}: the subtext once, the time lost to a D once`, () => {
      const out = screen(refused, 'debrief', locale);
      const quote = { 'zh-CN': '我不能伤害你', 'zh-TW': '我不能傷害你', en: 'I cannot hurt you' }[locale];
      expect(out.split(quote).length - 1).toBe(1);
      const taken = { 'zh-CN': '从A类客户那里抢走', 'zh-TW': '從A類客戶那裡搶走', en: 'taken from an A' }[locale];
      expect(out.split(taken).length - 1).toBeLessThanOrEqual(1);
    });
  }
});

describe('Chinese wording', () => {
  const pb = builtin();
  const zh = (id: string, name = '陈静') => fillTemplate(localize(pb.questions.find((q) => q.id === id)?.text, 'zh-CN'), (n) => (n === 'answers.contact_name' ? name : undefined));

  it('a question about the person met names them, never 他 (the person may be a woman)', () => {
    expect(zh('contact_role')).toBe('陈静在采购决策中扮演什么角色？');
    expect(zh('approval_layers')).toBe('从陈静到签单，中间还要经过几层确认？');
    expect(zh('decision_pace')).toBe('陈静做决定的节奏怎样？');
    expect(zh('focus')).toBe('陈静首先关心的是什么？');
    for (const q of pb.questions) expect(zh(q.id), q.id).not.toMatch(/^他(?!们)/);
  });

  it('"个人的赢" is the one term, quoted, in the question, labels and steps (review 2026-12-07 #22, the glossary\'s term)', () => {
    expect(zh('personal_win')).toBe('陈静个人在工作上想赢得什么（“个人的赢”，绝不是回扣）？');
    // the resource a rep brings the person is the glossary's 个人利益 (seed 002), beside 企业利益
    const personal = pb.questions.find((q) => q.id === 'resources')?.options?.map((o) => localize(o.label, 'zh-CN'));
    expect(personal).toContain('个人利益（在公司里出彩、技能、人脉；绝不是回扣）');
    expect(localize(pb.questions.find((q) => q.id === 'personal_win')?.short, 'zh-CN')).toBe('个人的赢');
    const out = screen({ ...firstKp, persona: 'commander', contact_stance: 'neutral' }, 'prep', 'zh-CN');
    expect(out).toContain('弄清每个采购角色的“个人的赢”（工作上的成绩，绝不是回扣或礼物）：不只是张伟的');
    expect(out).not.toMatch(/[^“]个人的赢/);
  });

  it('the signing window of an A is written as Chinese writes a range (1周到10天), not 1周~10天', () => {
    const out = screen({ ...firstKp, asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: '等董事会', statement_changed: 'no', plan_shared: 'no' }, 'debrief', 'zh-CN');
    expect(out).toContain('1周到10天');
    expect(out).not.toContain('~');
  });

  it('the advice on an excuse says it is a refusal, not to ignore it', () => {
    const out = screen({ ...firstKp }, 'prep', 'zh-CN');
    expect(out).toContain('对方委婉找借口，别当成要你去解决的问题：那其实就是拒绝');
  });
});

describe('the follow-up after a signature', () => {
  it('says how many meetings are left as the plan, and not at all once signed (the decision was made)', async () => {
    const { renderMarkdown } = await import('../../src/ui/render-markdown.js');
    const open: Answers = { ...firstKp, asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'think_over', not_signed_reason: '要和财务商量', statement_changed: 'no', plan_shared: 'yes', meetings_left: 1, next_meeting: '2026-12-15', next_topic: '试点方案' };
    const planned = renderMarkdown(evaluateSession(builtin(), { mode: 'debrief', answers: open, visitDate: '2026-12-10', locale: 'zh-CN', account: { name: '恒达物流' } }));
    expect(planned).toContain('也跟您说一下整体安排：接下来大概还要再沟通1次。');
    const signed: Answers = { ...firstKp, asked_to_sign: 'yes', signed: 'yes', statement_changed: 'no', plan_shared: 'yes', meetings_left: 1, next_meeting: '2026-12-22', next_topic: '项目启动会' };
    const md = renderMarkdown(evaluateSession(builtin(), { mode: 'debrief', answers: signed, visitDate: '2026-12-10', locale: 'zh-CN', account: { name: '恒达物流' } }));
    expect(md).not.toContain('还需要沟通');
    expect(md).not.toContain('做决定之前');
  });
});
