/**
 * The bilingual review of 2026-12-07 (content findings): the same advice is said once on a screen, two
 * items that exclude each other never stand together, advice that is moot once signed is not given, and
 * the zh-CN wording the trainer asked for stays (one term, “个人的赢”, for the personal win).
 */
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers.js';
import { type CoachingResult, evaluateSession } from '../../src/engine/evaluate.js';
import type { Locale, Mode } from '../../src/playbook/types.js';
import { builtin } from '../helpers/playbook.js';

const met = (role: string, extra: Answers = {}): Answers => ({
  contact_name: '陈总',
  contact_role: role,
  contacts_known: 3,
  has_need: 'yes',
  buying_power: 'yes',
  sees_value: 'yes',
  persona: 'koala',
  ...extra,
});
const run = (answers: Answers, mode: Mode = 'prep', locale: Locale = 'zh-CN', signed = false): CoachingResult =>
  evaluateSession(builtin(), { mode, answers, visitDate: '2026-11-25', locale, account: { name: '恒达', ...(signed ? { history: { class: 'A', signed: true } } : {}) } });
/** Everything a prep screen says: the plan, the persona's advice, flags, steps and tips. */
const screen = (r: CoachingResult): string[] => [
  r.visitPlan?.objective ?? '',
  r.visitPlan?.commitment ?? '',
  r.visitPlan?.minimum ?? '',
  ...(r.persona?.do ?? []),
  ...(r.persona?.doNow ?? []),
  ...(r.persona?.dont ?? []),
  ...(r.persona?.dontNow ?? []),
  ...r.flags.map((f) => f.message),
  ...r.checklist.map((c) => c.text),
  ...[...r.tips, ...(r.moreTips ?? [])].map((t) => t.text),
];
const count = (lines: string[], re: RegExp) => lines.filter((l) => re.test(l)).length;
const believed = { trust_level: 'believed', perception: 'supplier', visit_focus: 'x' };

describe('review 2026-12-07: said once, never contradicted', () => {
  it('#19: a koala who believes you is not told to build trust first and to close now', () => {
    const r = run(met('first_kp', believed));
    const all = screen(r).join('\n');
    expect(all).not.toContain('把重点放在尽快建立信任上');
    expect(r.checklist.map((c) => c.id)).toContain('koala_ask_signature');
    // before trust is built the advice stands (a B koala: no A step replaces it)
    const b = run(met('second_kp', { approval_layers: 'one', trust_level: 'liked', perception: 'supplier', visit_focus: 'x' }));
    expect(b.persona?.doNow ?? []).toEqual(expect.arrayContaining([expect.stringContaining('把重点放在尽快建立信任上')]));
  });

  it('#20: "no pressure tactics" and "calmly in the last 20 minutes" each once on an A koala prep', () => {
    const lines = screen(run(met('first_kp', believed)));
    expect(count(lines, /推销味太重的技巧/)).toBe(1);
    expect(count(lines, /最后20分钟/)).toBe(1);
    expect(count(lines, /平和地/)).toBe(1);
  });

  it('#21: "never a kickback or a gift" once beside the role step, never as if the roles were kickbacks', () => {
    for (const extra of [{ trust_level: 'liked' }, { trust_level: 'believed' }]) {
      const lines = screen(run(met('second_kp', { approval_layers: 'one', persona: 'thinker', perception: 'supplier', visit_focus: 'x', ...extra })));
      expect(count(lines, /回扣/)).toBe(1);
      expect(lines.join('\n')).not.toMatch(/。绝不是回扣/);
    }
  });

  it('#22: the personal win is “个人的赢” everywhere, never 个人诉求', () => {
    const r = run(met('first_kp', { persona: 'thinker', personal_win: '升任厂长', trust_level: 'liked', perception: 'supplier', visit_focus: 'x' }));
    const all = screen(r).join('\n');
    expect(all).toContain('“个人的赢”');
    expect(all).not.toContain('个人诉求');
    expect(JSON.stringify(builtin())).not.toContain('个人诉求');
  });

  it('#13 #14: after the signature, no buying-decision formula and no "don\'t sell" opener', () => {
    const r = run(met('first_kp', { ...believed, last_discussed: '合同签署和实施团队' }), 'prep', 'zh-CN', true);
    const all = screen(r).join('\n');
    expect([...r.tips, ...(r.moreTips ?? [])].map((t) => t.id)).not.toContain('purchase_formula');
    expect(all).not.toMatch(/不要马上销售/);
    expect(all).toContain('开场先简短总结上一次拜访');
    // at the signing debrief too: no "the close comes after trust", no "meetings left before a decision"
    const signing = screen(run(met('first_kp', { asked_to_sign: 'yes', signed: 'yes', statement_changed: 'no' }), 'debrief')).join('\n');
    expect(signing).not.toContain('成交在信任之后');
    expect(signing).not.toContain('整个沟通大概还需要几次');
  });

  it('#43: relationship = value + trust speaks of no "last time"', () => {
    const r = run(met('first_kp', { persona: 'thinker', trust_level: 'liked', perception: 'supplier', visit_focus: 'x' }));
    const tip = [...r.tips, ...(r.moreTips ?? [])].find((t) => t.id === 'value_and_trust');
    expect(tip?.text).toBe('关系 = 价值 + 信任：这次拜访带上对客户有价值的东西，说到的每一件事，再小也要做到');
  });
});

describe('review 2026-12-07: reasons and the recap as a trainer says them', () => {
  it('#38: a B reads who you met, the three tests, then what is missing', () => {
    const r = run(met('second_kp', { approval_layers: 'one', persona: 'thinker', polite_excuse: 'no', statement_changed: 'no' }), 'debrief');
    expect(r.classification.reasons[0].text).toContain('见的是第二KP、有需求、对方公司有购买能力、认可产品价值、只差第一KP确认');
    expect(r.selfQuestions.forward.join('')).toContain('还是你一厢情愿的？');
  });

  it('#30 #31: a provisional class names whose fact is unknown', () => {
    const r = run(met('first_kp', { persona: 'thinker', sees_value: 'unknown', trust_level: 'liked', perception: 'supplier', visit_focus: 'x' }));
    expect(r.selfQuestions.reverse[0]).toContain('因为你还不清楚对方认不认可产品价值。');
  });

  it('#16: the recap has no colon per sentence, and each sentence stands alone', () => {
    const r = run(met('first_kp', { ...believed, persona: 'thinker', last_discussed: '合同签署和实施团队', still_differ: '上线时间', visit_topic: '项目启动会和实施计划' }));
    expect(r.recap).toContain('简单回顾一下，上次我们谈了合同签署和实施团队。还需要再商量的是：上线时间。这次见面，我想重点和您沟通项目启动会和实施计划。');
    const noDiffer = run(met('first_kp', { ...believed, persona: 'thinker', last_discussed: '合同签署和实施团队', visit_topic: '项目启动会和实施计划' }));
    expect(noDiffer.recap).toContain('上次我们谈了合同签署和实施团队。这次见面');
  });
});
