/** The prompt adapter, driven by simulated key presses through the real @inquirer prompts. */
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/engine/answers.js';
import { promptTheme, type QuestionView, questionPrompt } from '../../src/ui/prompt.js';
import { builtin } from '../helpers/playbook.js';

function view(id: string, extra: Partial<QuestionView> = {}): QuestionView {
  const question = builtin().questions.find((q) => q.id === id)!;
  return { question, locale: 'en', position: 2, total: 12, canGoBack: true, lookup: (n) => (n === 'answers.contact_name' ? 'Wang Li' : undefined), ...extra };
}

async function drive(id: string, keys: (e: Awaited<ReturnType<typeof render>>['events']) => void, extra: Partial<QuestionView> = {}) {
  const spec = questionPrompt(builtin(), view(id, extra));
  const r = await render(spec.prompt, spec.config as never);
  const screen = r.getScreen();
  keys(r.events);
  return { outcome: spec.interpret(await r.answer), screen };
}

describe('choice questions', () => {
  it('shows the options, "don\'t know", help and back; Enter picks the highlighted one', async () => {
    const { outcome, screen } = await drive('contact_role', (e) => {
      e.keypress('down');
      e.keypress('enter');
    });
    expect(screen).toContain('Where do they stand in the decision? (2/12)');
    expect(screen).toContain("Don't know");
    expect(screen).toContain('? Why this question');
    expect(screen).toContain('↩ Back to the previous question');
    expect(outcome).toEqual({ kind: 'answer', value: 'second_kp' });
  });

  it('"don\'t know" is an answer', async () => {
    const { outcome } = await drive('has_need', (e) => {
      e.keypress('down');
      e.keypress('down');
      e.keypress('enter');
    });
    expect(outcome).toEqual({ kind: 'answer', value: 'unknown' });
  });

  it('back and help are outcomes, not errors', async () => {
    const back = await drive('has_need', (e) => {
      for (let i = 0; i < 4; i++) e.keypress('down');
      e.keypress('enter');
    });
    expect(back.outcome).toEqual({ kind: 'back' });
    const help = await drive('has_need', (e) => {
      for (let i = 0; i < 3; i++) e.keypress('down');
      e.keypress('enter');
    });
    expect(help.outcome).toEqual({ kind: 'help' });
  });

  it('the first question offers no way back', async () => {
    const { screen } = await drive('contact_role', (e) => e.keypress('enter'), { canGoBack: false });
    expect(screen).not.toContain('Back');
  });

  it('a previous answer is the default when coming back to a question', async () => {
    const { outcome } = await drive('contact_role', (e) => e.keypress('enter'), { default: 'third_kp' as AnswerValue });
    expect(outcome).toEqual({ kind: 'answer', value: 'third_kp' });
  });

  it('fills the contact\'s name into the question and lists the personas', async () => {
    const { screen, outcome } = await drive('persona', (e) => e.keypress('enter'));
    expect(screen).toContain('Which type is Wang Li?');
    expect(screen).toContain('Coordinator');
    expect(screen).toContain('Not sure: let me describe what I saw');
    expect(outcome).toEqual({ kind: 'answer', value: 'koala' });
  });
});

describe('typed questions', () => {
  it('a number', async () => {
    const { outcome } = await drive('contacts_known', (e) => {
      e.type('4');
      e.keypress('enter');
    });
    expect(outcome).toEqual({ kind: 'answer', value: 4 });
  });

  it('< goes back and ? asks why', async () => {
    const typed = (text: string) => (e: Awaited<ReturnType<typeof render>>['events']) => {
      e.type(text);
      e.keypress('enter');
    };
    expect((await drive('contacts_known', typed('<'))).outcome).toEqual({ kind: 'back' });
    expect((await drive('contacts_known', typed('?'))).outcome).toEqual({ kind: 'help' });
  });

  it('refuses what is not a number, and keeps the prompt open', async () => {
    const spec = questionPrompt(builtin(), view('contacts_known'));
    const r = await render(spec.prompt, spec.config as never);
    r.events.type('many');
    r.events.keypress('enter');
    await r.nextRender();
    expect(r.getScreen()).toContain('Please type a whole number');
    for (let i = 0; i < 4; i++) r.events.keypress('backspace');
    r.events.type('2');
    r.events.keypress('enter');
    expect(spec.interpret(await r.answer)).toEqual({ kind: 'answer', value: 2 });
  });

  it('a typed date is read back with its weekday, and a weekend says so before it is kept', async () => {
    for (const [locale, typed, expected] of [
      ['en', '2026-12-12', '2026-12-12 (Sat 12 Dec 2026: a weekend)'],
      ['en', '2026-12-14', '2026-12-14 (Mon 14 Dec 2026)'],
      ['zh-CN', '2026-12-13', '2026-12-13（2026年12月13日周日，是周末）'],
    ] as const) {
      const spec = questionPrompt(builtin(), view('next_meeting', { locale }));
      const r = await render(spec.prompt, spec.config as never);
      r.events.type(typed);
      expect(r.getScreen()).toContain(expected);
      r.events.keypress('enter');
      expect(spec.interpret(await r.answer)).toEqual({ kind: 'answer', value: typed });
    }
  });

  it('an optional date can be left empty', async () => {
    const { outcome } = await drive('next_meeting', (e) => e.keypress('enter'));
    expect(outcome).toEqual({ kind: 'answer', value: null });
  });
});

describe('several choices', () => {
  it('space ticks, enter confirms', async () => {
    const { outcome } = await drive('resources', (e) => {
      e.keypress('space');
      e.keypress('down');
      e.keypress('down');
      e.keypress('space');
      e.keypress('enter');
    });
    expect(outcome).toEqual({ kind: 'answer', value: ['success_case', 'competitive'] });
  });
});

describe('in Chinese', () => {
  it('the interface speaks Chinese too', async () => {
    const { screen } = await drive('has_need', (e) => e.keypress('enter'), { locale: 'zh-CN' });
    expect(screen).toContain('他们对你的产品有真实需求吗？');
    expect(screen).toContain('不知道');
    expect(screen).toContain('返回上一题');
    expect(screen).toContain('↑↓ 移动 • 回车 选择');
  });
});

describe('select all, and bounds', () => {
  it('a date before the visit is refused at the question, with the reason', async () => {
    const spec = questionPrompt(builtin(), view('next_meeting', { visitDate: '2026-11-20' }));
    const validate = (spec.config as { validate: (v: string) => true | string }).validate;
    expect(validate('2026-11-19')).toBe('Expected a date on or after 2026-11-20, the visit date');
    expect(validate('2026-11-20')).toBe(true);
  });
});

describe('multiple choice: "why" and "back" are keys, never boxes to tick', () => {
  it('lists only the options; the hint line names the keys', async () => {
    const { screen, outcome } = await drive('resources', (e) => {
      e.keypress('space');
      e.keypress('enter');
    });
    expect(screen).not.toMatch(/◯ .*(Why this question|Back)/);
    expect(screen).toContain('? why this question • < back');
    expect(outcome).toEqual({ kind: 'answer', value: ['success_case'] });
  });

  it('"?" shows the help and keeps the ticks for the question asked again', async () => {
    const { outcome } = await drive('resources', (e) => {
      e.keypress('space');
      e.type('?');
    });
    expect(outcome).toEqual({ kind: 'help', keep: ['success_case'] });
  });

  it('"<" goes back; not on the first question', async () => {
    const { outcome } = await drive('resources', (e) => e.type('<'));
    expect(outcome).toEqual({ kind: 'back' });
    const first = await drive('resources', (e) => {
      e.type('<');
      e.keypress('space');
      e.keypress('enter');
    }, { canGoBack: false });
    expect(first.screen).not.toContain('< back');
    expect(first.outcome).toEqual({ kind: 'answer', value: ['success_case'] });
  });

  it('in Chinese: the key hints, the names of the keys and the refusal of no tick', async () => {
    const required = { ...builtin().questions.find((q) => q.id === 'resources')!, required: true };
    const spec = questionPrompt(builtin(), view('resources', { locale: 'zh-CN', question: required }));
    const r = await render(spec.prompt, spec.config as never);
    const screen = r.getScreen();
    expect(screen).not.toContain('为什么问这个\n');
    expect(screen).not.toMatch(/◯ (\? 为什么问这个|↩)/);
    expect(screen).toContain('↑↓ 移动 • 空格 勾选 • ? 为什么问这个 • < 返回上一题 • 回车 确认');
    expect(screen).not.toMatch(/space|navigate|submit/);
    r.events.keypress('enter');
    expect(r.getScreen()).toContain('请至少勾选一项（空格勾选）');
    r.events.keypress('space');
    r.events.keypress('down');
    r.events.keypress('space');
    r.events.keypress('enter');
    expect(spec.interpret(await r.answer)).toEqual({ kind: 'answer', value: ['success_case', 'expertise'] });
    expect(r.getScreen()).toMatch(/同类型项目的成功案例[^、]*、/);
  });
});

describe('Chinese punctuation around the question', () => {
  it('the count before the question, the hints in 【】 with full-width separators', async () => {
    const spec = questionPrompt(builtin(), view('contact_title', { locale: 'zh-CN' }));
    const r = await render(spec.prompt, spec.config as never);
    const screen = r.getScreen();
    expect(screen).toContain('2/12 Wang Li的职位是什么？【输入 < 返回上一题，? 查看说明；可留空跳过】');
    expect(screen).not.toMatch(/[[\];]|（（|）（/);
  });

  it('a confirm says 是/否, not (Y/n), and refuses in Chinese', async () => {
    const { confirm } = await import('@inquirer/prompts');
    const r = await render(confirm, { message: '还是这样吗？', theme: promptTheme('zh-CN') } as never);
    expect(r.getScreen()).toContain('还是这样吗？ （是/否）');
    expect(r.getScreen()).not.toContain('Y/n');
    r.events.type('x');
    r.events.keypress('enter');
    expect(r.getScreen()).toContain('请回答“是”或“否”');
    r.events.keypress('backspace');
    r.events.keypress('enter');
    expect(await r.answer).toBe(true);
  });
});

describe('the ticked steps echoed after "which are done?"', () => {
  it('are joined as the rep\'s language joins a list (the third trial: "…现场签合同, 2026年…")', () => {
    const chosen = [{ short: '书面确认', value: 1 }, { short: '12月4日 约第一KP', value: 2 }];
    expect(promptTheme('zh-CN').style.renderSelectedChoices(chosen)).toBe('书面确认、12月4日 约第一KP');
    expect(promptTheme('en').style.renderSelectedChoices(chosen)).toBe('书面确认, 12月4日 约第一KP');
  });
});
