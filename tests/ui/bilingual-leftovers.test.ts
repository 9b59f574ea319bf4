/**
 * Issue 23, the bilingual review's leftovers (rv-10212): its own answers files run through the CLI in
 * zh-CN, zh-TW and en, and the rules each finding broke, held over the whole playbook and catalogue
 * (the template, not the one sentence the review saw).
 */
import { readFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { MESSAGES as ENGINE_MESSAGES } from '../../src/engine/messages.js';
import type { Locale } from '../../src/engine/model.js';
import { UI } from '../../src/ui/messages.js';
import { promptTheme, questionPrompt } from '../../src/ui/prompt.js';
import { renderMarkdown } from '../../src/ui/render-markdown.js';
import { wrap } from '../../src/ui/layout.js';
import { renderResult } from '../../src/ui/render-terminal.js';
import { accountView, renderAccountTerminal } from '../../src/ui/views/account.js';
import { labelerFor } from '../../src/ui/views/labels.js';
import { VIEW_MESSAGES } from '../../src/ui/views/messages.js';
import { runCli } from '../helpers/cli.js';
import { builtin } from '../helpers/playbook.js';
import { sandbox } from '../helpers/spawn.js';

const DIR = 'tests/fixtures/answers/rv-10212';

/** Runs one review session in a fresh sandbox (or the one given), the screen as the rep reads it. */
async function session(args: string[], env = sandbox().env): Promise<string> {
  const r = await runCli(args, { env: { ...env, COLUMNS: '90' } });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('the review’s sessions, as a trainer reads them', () => {
  it('a request for material is sent (发给您), never promised an 答复, in the step and the follow-up', async () => {
    const cn = await session(['debrief', '--account', '恒达物流', '--answers', `${DIR}/cn-deb1.yaml`, '--lang', 'zh-CN', '--dry-run']);
    expect(cn).toContain('发资料给对方：一份同类型仓库项目的成功案例');
    expect(cn).toContain('12月10日前把您要的资料发给您：一份同类型仓库项目的成功案例');
    expect(cn).not.toContain('答复');
    const tw = await session(['debrief', '--account', '恆達物流', '--answers', `${DIR}/tw-deb1.yaml`, '--lang', 'zh-TW', '--dry-run']);
    expect(tw).toContain('把您要的資料發給您：');
    expect(tw).not.toMatch(/答覆|答復/);
    const en = await session(['debrief', '--account', 'Hengda', '--answers', `${DIR}/cn-deb1.yaml`, '--lang', 'en', '--dry-run']);
    expect(en).toContain('send you what you asked for: 一份同类型仓库项目的成功案例');
  });

  it('a D by a koala’s polite excuse explains the refusal once (the flag), not in the reason, the questions and the flag', async () => {
    const cn = await session(['debrief', '--account', '华信科技', '--answers', `${DIR}/cn-deb2.yaml`, '--lang', 'zh-CN', '--dry-run']);
    expect(cn.match(/委婉/g)?.length).toBe(2); // the flag's title, and the reverse question's plain fact "已经委婉地拒绝了"
    expect(cn.match(/潜台词/g)?.length).toBe(1);
    expect(cn).not.toMatch(/很难\s*说出/);
    expect(cn).toContain('不会购买，因为对方（无尾熊型）找借口结束了谈话\n');
  });

  it('the A prep’s question names the contact, not 他 three times; the visit’s lines have one colon each', async () => {
    const cn = await session(['prep', '--account', '恒达物流', '--answers', `${DIR}/cn-prep.yaml`, '--lang', 'zh-CN', '--dry-run']);
    expect(cn).toMatch(/这次拜访要让陈总看到什么，对方才会信任你/);
    const visit = cn.split('这次拜访\n')[1].split('\n\n')[0].split('\n');
    expect(visit.length).toBe(3);
    for (const line of visit) expect(line.match(/：/g)?.length, line).toBe(1);
  });

  it('after the debrief the account speaks of the visit as held: no 计划于 beside a debriefed visit, no 会面已进行', async () => {
    const { env } = sandbox();
    await session(['prep', '--account', '恒达物流', '--answers', `${DIR}/cn-prep.yaml`, '--lang', 'zh-CN'], env);
    await session(['debrief', '--account', '恒达物流', '--answers', `${DIR}/cn-deb1.yaml`, '--lang', 'zh-CN'], env);
    // the review ran on 7 Dec with sessions dated 8 Dec: the class's day is after "today"
    const accounts = await session(['accounts', '--today', '2026-12-07', '--lang', 'zh-CN'], env);
    expect(accounts).not.toContain('计划于');
    expect(accounts).toContain('2026年12月8日周二拜访后归入此类');
    const show = await session(['account', 'show', '恒达物流', '--today', '2026-12-10', '--lang', 'zh-CN'], env);
    expect(show).not.toContain('会面已进行');
    expect(show).toContain('（拜访已结束）');
  });
});

describe('the rules behind the findings, over every template', () => {
  const pb = builtin();
  const freeText = new Set(pb.questions.filter((q) => q.kind === 'text' && q.id !== 'contact_name' && q.id !== 'contact_title').map((q) => q.id));

  it('a step or tip frames what the rep typed (after a colon, in quotes or brackets), never makes it the sentence’s subject', () => {
    const loose: string[] = [];
    for (const item of [...pb.checklist, ...pb.tips]) {
      for (const [locale, text] of Object.entries(typeof item.text === 'string' ? { en: item.text } : item.text)) {
        for (const m of (text ?? '').matchAll(/\{answers\.(\w+)\}/g)) {
          if (!freeText.has(m[1])) continue;
          const before = (text ?? '').slice(0, m.index);
          const after = (text ?? '').slice((m.index ?? 0) + m[0].length);
          const framed = locale === 'en' ? /(^|: |"|\()$/.test(before) && /^($|"|\)|\.|,|;)/.test(after) : /(^|[：“「（])$/.test(before) && /^($|[”」）。；，])/.test(after);
          if (!framed) loose.push(`${item.id} ${locale}: ${text}`);
        }
      }
    }
    expect(loose).toEqual([]);
  });

  it('no objective, commitment or minimum of a visit holds a colon: the screen puts one after its label', () => {
    const withColon: string[] = [];
    for (const c of pb.classes) {
      const visits = [c.visit, ...(c.visit?.variants ?? [])].filter((v) => v !== undefined);
      for (const v of visits)
        for (const t of [v.objective, v.commitment, v.minimum])
          for (const text of Object.values(typeof t === 'string' ? { en: t } : (t ?? {}))) if (/[：:]/.test(text ?? '')) withColon.push(`${c.id}: ${text}`);
    }
    expect(withColon).toEqual([]);
  });

  it('a typed question that already says it may be left empty is not told so again by the prompt', () => {
    for (const locale of ['en', 'zh-CN', 'zh-TW'] as Locale[]) {
      const question = pb.questions.find((q) => q.id === 'next_meeting');
      if (!question) throw new Error('next_meeting');
      const spec = questionPrompt(pb, { question, locale, position: 3, total: 9, canGoBack: true, lookup: () => undefined });
      const message = String(spec.config.message);
      expect(message.match(locale === 'en' ? /leave empty/g : /留空/g)?.length, message).toBe(1);
    }
    // the question after the interview, who else was there: 没有就直接回车 says it already
    const others = pb.questions.find((q) => q.id === 'contact_title');
    if (!others) throw new Error('contact_title');
    for (const locale of ['en', 'zh-CN', 'zh-TW'] as Locale[]) {
      const spec = questionPrompt(pb, { question: { ...others, text: { [locale]: UI[locale].othersPresent } }, locale, position: 1, total: 1, canGoBack: true, lookup: () => undefined });
      expect(String(spec.config.message), locale).not.toContain(UI[locale].skip);
    }
    // a question that does not say it is still told
    const optional = pb.questions.find((q) => q.kind === 'text' && q.required === false && !/留空/.test(String((q.text as Record<string, string>)['zh-CN'])));
    if (optional) expect(String(questionPrompt(pb, { question: optional, locale: 'zh-CN', position: 1, total: 2, canGoBack: false, lookup: () => 'x' }).config.message)).toContain(UI['zh-CN'].skip);
  });

  it('a person prepared for and not met, once the day has gone by, is not "planned" in the present', () => {
    expect(VIEW_MESSAGES['zh-CN'].plannedMeeting('2026年12月8日周二', true)).toBe('原定2026年12月8日周二见面，还没有复盘');
    expect(VIEW_MESSAGES['zh-CN'].plannedMeeting('2026年12月8日周二', false)).toBe('计划于2026年12月8日周二见面');
  });
});

describe('the review of the three sessions (issue 23, second bilingual read)', () => {
  const pb = builtin();
  const dAnswers: Answers = { contact_name: '李经理', contact_role: 'second_kp', approval_layers: 'one', contacts_known: 2, has_need: 'no', buying_power: 'yes', sees_value: 'no', persona: 'koala', polite_excuse: 'yes', statement_changed: 'no', plan_shared: 'no' };

  it('a D’s reverse question lists the criteria that failed, and says the koala’s excuse apart (it is not one of the three)', () => {
    const reverse = (locale: Locale) => evaluateSession(pb, { mode: 'debrief', answers: dAnswers, visitDate: '2026-12-09', locale, account: { name: '华信科技' } }).selfQuestions.reverse;
    expect(reverse('zh-CN')).toEqual(['为什么他不是A类客户？因为没有需求、不认可产品价值——三条缺一条就是D类客户。', '另外，李经理找借口结束了谈话，这是无尾熊型客户的委婉拒绝。', '省下来的时间，你打算花在哪个A类客户身上？']);
    expect(reverse('zh-TW')[0]).toBe('為什麼他不是A類客戶？因為沒有需求、不認可產品價值——三條缺一條就是D類客戶。');
    expect(reverse('en')[0]).not.toMatch(/excuse/);
    expect(reverse('en')[1]).toMatch(/^Besides, 李经理 made an excuse/);
  });

  it('a step says who does what in plain order: the leader calls and commits; the second KP is helped to explain the value', () => {
    const zh = (id: string) => ((pb.checklist.find((c) => c.id === id)?.text ?? {}) as Record<string, string>)['zh-CN'];
    expect(zh('involve_manager_a')).toBe('请你的领导给{answers.contact_name}打个电话或见一面，表个态：公司会派最好的人保障这个项目（这是给对方企业的利益）');
    expect(zh('equip_second_kp')).toMatch(/^帮\{answers.contact_name\}向第一KP讲清产品价值：/);
    const visit = pb.classes.find((c) => c.id === 'B')?.visit?.objective as Record<string, string>;
    expect(visit['zh-CN']).toBe('帮{answers.contact_name}向第一KP讲清产品价值，并争取见到第一KP');
  });

  it('“Top Sales” in brackets inside Chinese stays on one line', () => {
    for (let width = 30; width < 60; width++) for (const line of wrap('因为你还不清楚对方有没有购买能力。像顶尖销售（Top Sales）那样回答：', width).split('\n')) expect(line, String(width)).not.toMatch(/Top$|^\s*Sales/);
  });
});

describe('one word for one thing, said once (issue 23, the third read)', () => {
  it('zh-CN says 回答文件 everywhere, never 答案文件; drafts are 中断后未完成的访谈, not the same said twice in brackets', () => {
    const files = ['src/ui/help-messages.zh-CN.ts', 'src/ui/notice-messages.zh-CN.ts', 'src/ui/messages.zh-CN.ts', 'src/ui/cli-messages.zh-CN.ts', 'src/ui/usage-messages.zh-CN.ts', 'src/ui/store-messages.zh-CN.ts'];
    const all = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(all).not.toContain('答案文件');
    expect(all).toContain('中断后未完成的访谈');
    expect(all).not.toMatch(/访谈（中断的访谈）/);
  });

  it('the checkbox footers call the space bar’s action by one word (勾选 / 勾選), inquirer’s own “select” too', () => {
    for (const [locale, word] of [['zh-CN', '空格 勾选'], ['zh-TW', '空白鍵 勾選']] as const) {
      const tip = promptTheme(locale).style.keysHelpTip([['↑↓', 'navigate'], ['space', 'select'], ['⏎', 'submit']]);
      expect(tip).toContain(word);
    }
  });

  it('a signature’s follow-up thanks once (for the trust), in every language; zh-TW ends as a Taiwanese rep writes', () => {
    const pb = builtin();
    const answers: Answers = { contact_name: '陈总', contact_role: 'first_kp', approval_layers: 'one', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'thinker', asked_to_sign: 'yes', signed: 'yes', statement_changed: 'no', plan_shared: 'yes' };
    for (const locale of ['en', 'zh-CN', 'zh-TW'] as Locale[]) {
      const r = evaluateSession(pb, { mode: 'debrief', answers, visitDate: '2026-12-09', locale, account: { name: '恒达物流' } });
      const text = JSON.stringify(r.followUp ?? '');
      expect(text.match(/thank|感谢|感謝/gi)?.length, text).toBe(1);
    }
    const table: Record<string, string> = JSON.parse(readFileSync('playbooks/abcd.zh-TW.json', 'utf8'));
    expect(table['祝好！']).toBe('再麻煩您了，謝謝！');
    expect(Object.values(table).join('')).not.toContain('按我們約好的');
  });
});

describe('a prep that expects another class than the record says so once', () => {
  it('zh-TW: 預計是A類客戶 once, no second line 這次拜訪預計是', async () => {
    const { env } = sandbox();
    await session(['debrief', '--account', '恒达物流', '--answers', `${DIR}/cn-deb-b.yaml`, '--lang', 'zh-TW'], env);
    const prep = await session(['prep', '--account', '恒达物流', '--answers', `${DIR}/tw-prep.yaml`, '--lang', 'zh-TW', '--dry-run'], env);
    const head = prep.split('\n\n')[0];
    expect(head).toContain('預計是A類客戶');
    expect(head.match(/預計是/g)?.length, head).toBe(1);
  });
});

describe('no stacked colons in a labelled line', () => {
  it('a value with its own colon takes a dash (认知阶梯：特色产品供应商——产品有优势), in every language', () => {
    expect(UI['zh-CN'].label('认知阶梯', '特色产品供应商：产品有优势')).toBe('认知阶梯：特色产品供应商——产品有优势');
    expect(UI['zh-TW'].label('態度', '支持者：在內部為我們說話')).toBe('態度：支持者——在內部為我們說話');
    expect(UI.en.label('Stance', 'supporter: speaks for us inside')).toBe('Stance: supporter — speaks for us inside');
  });
});

describe('the demo in Chinese', () => {
  it('its sample answers (the account, the person, what was discussed) are Chinese, in the prep and the plan', async () => {
    for (const [lang, chen, pilot] of [['zh-CN', '陈总', '上海仓库的试点方案'], ['zh-TW', '陳總', '上海倉庫的試點方案']]) {
      const demo = await session(['demo', '--lang', lang]);
      expect(demo).toContain(chen);
      expect(demo).toContain(`${lang === 'zh-CN' ? '上次我们谈了' : '上次我們談了'}${pilot}`);
      const plan = await session(['plan', '--demo', '--lang', lang]);
      for (const out of [demo, plan]) expect(out.replace(/Top Sales|LINE|--full|KP/g, '').match(/[A-Za-z]{3,}.*/g) ?? []).toEqual([]);
    }
  });
});

describe('zh-TW keeps the seed’s facts', () => {
  it('the bigger-win story stays in Beijing and a county town: seed 003 says 他的家在北京，工作的企业却在一个县城 (and 高考), which no Taiwanese city fits', () => {
    const table: Record<string, string> = JSON.parse(readFileSync('playbooks/abcd.zh-TW.json', 'utf8'));
    const story = Object.entries(table).find(([cn]) => cn.startsWith('更大的“个人的赢”可以从哪里来'))?.[1] ?? '';
    expect(story).toContain('他家在北京，工作的企業卻在縣城');
  });
});

describe('help in Chinese, as a mainland trainer reads it', () => {
  it('no space after 用法：, and the usage line’s words in Chinese', async () => {
    for (const [lang, options] of [['zh-CN', '[选项]'], ['zh-TW', '[選項]']]) {
      const r = await runCli(['prep', '--help', '--lang', lang], { env: sandbox().env });
      const first = r.stdout.split('\n')[0];
      expect(first).toBe(`用法：sales-coach prep ${options}`);
    }
  });

  it('commander’s choices and defaults are listed with 、 and no English quotes', async () => {
    const r = await runCli(['accounts', '--help', '--lang', 'zh-CN'], { env: sandbox().env });
    const flat = r.stdout.replace(/\n\s*/g, '');
    expect(flat).toContain('（可选：class、age、due、name、value，默认：class）');
    expect(flat).toContain('每个分类显示多少个客户（默认：20）');
    expect(r.stdout).not.toMatch(/"class"/);
  });
});

describe('a timeline line reads as one sentence: no label stacked before a step that has its own colon', () => {
  /** The timeline's entries, a wrapped entry joined again (its next lines are indented past the date). */
  const entries = (show: string, heading: string, next: string) => {
    const all: string[] = [];
    for (const line of show.split(`${heading}\n`)[1].split(`\n\n${next}`)[0].split('\n')) {
      if (/^ {2}\S/.test(line)) all.push(line.trim());
      else all[all.length - 1] += line.trim();
    }
    return all;
  };

  it('account show in zh-CN, zh-TW and en: 从喜欢你到相信你：… is not under 新增下一步：, and no entry has two colons', async () => {
    const { env } = sandbox();
    await session(['prep', '--account', '恒达物流', '--answers', `${DIR}/cn-prep.yaml`, '--lang', 'zh-CN'], env);
    await session(['debrief', '--account', '恒达物流', '--answers', `${DIR}/cn-deb1.yaml`, '--lang', 'zh-CN'], env);
    for (const [lang, heading, next, colon] of [
      ['zh-CN', '时间线', '下一步清单', /：/g],
      ['zh-TW', '時間線', '下一步清單', /：/g],
      ['en', 'Timeline', 'Checklist', /: /g],
    ] as const) {
      const show = await session(['account', 'show', '恒达物流', '--today', '2026-12-10', '--lang', lang], env);
      const lines = entries(show, heading, next);
      expect(lines.length, show).toBeGreaterThan(8);
      for (const line of lines) expect(line.match(colon)?.length ?? 0, line).toBeLessThanOrEqual(1);
      expect(show).not.toMatch(/新增下一步：|step added: |你添加了：|you added: /);
    }
    const cn = entries(await session(['account', 'show', '恒达物流', '--today', '2026-12-10', '--lang', 'zh-CN'], env), '时间线', '下一步清单');
    expect(cn).toContain('2026年12月8日周二  从喜欢你到相信你：带上同类项目的成功案例，兑现每一个小承诺（新的下一步，2026年12月8日周二前）');
    expect(cn).toContain('2026年12月8日周二  从喜欢你到相信你：带上同类项目的成功案例，兑现每一个小承诺（拜访已结束，随之关闭）');
  });

  it('an event stored before (no texts, a step the rep added, a reopened one) renders in the same form', () => {
    const label = labelerFor(builtin(), 'zh-CN');
    const t = {
      account: { name: '恒达物流', signed: false, dropped: false },
      contacts: [],
      checklist: [],
      visits: [],
      events: [
        { id: 1, account: '恒达物流', at: '2026-11-20T10:00:00Z', event: { kind: 'step-opened', date: '2026-11-20', stepId: 1, key: 'x', text: '发资料给对方：报价单', due: '2026-11-23' } },
        { id: 2, account: '恒达物流', at: '2026-11-21T10:00:00Z', event: { kind: 'step-added', date: '2026-11-21', stepId: 2, text: '确认预算：找财务', due: '2026-11-25' } },
        { id: 3, account: '恒达物流', at: '2026-11-22T10:00:00Z', event: { kind: 'step-reopened', date: '2026-11-22', stepId: 1, text: '发资料给对方：报价单', before: 'done' } },
      ],
    } as unknown as Parameters<typeof accountView>[0];
    const out = renderAccountTerminal(accountView(t, label, 'zh-CN'), new Chalk({ level: 0 }), 200);
    expect(out).toContain('发资料给对方：报价单（新的下一步，2026年11月23日周一前）');
    expect(out).toContain('确认预算：找财务（你添加的，2026年11月25日周三前）');
    expect(out).toContain('发资料给对方：报价单（重新打开）');
  });

  it('the confirmations of checklist done, drop, reopen and add say the step first, and add no colon of their own', () => {
    for (const locale of ['en', 'zh-CN', 'zh-TW'] as Locale[]) {
      const m = VIEW_MESSAGES[locale];
      for (const said of [m.done('恒达物流', 'X'), m.skipped('恒达物流', 'X'), m.reopened('恒达物流', 'X'), m.added(6, '恒达物流', 'X', '12月9日'), m.next('12月9日', 'X')]) {
        expect(said.startsWith('X'), said).toBe(true);
        expect(said, said).not.toMatch(/[：:]/);
      }
    }
  });
});

describe('a result’s header says the class once: the badge, then what it means and why', () => {
  const pb = builtin();
  const base: Answers = { contact_name: '李经理', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', approval_layers: 'one' };
  const cases: [string, Answers, 'prep' | 'debrief'][] = [
    ['A', { ...base, contact_role: 'first_kp' }, 'prep'],
    ['B', { ...base, contact_role: 'second_kp' }, 'prep'],
    ['C', { ...base, contact_role: 'second_kp', approval_layers: 'two' }, 'prep'],
    ['D', { ...base, contact_role: 'second_kp', persona: 'koala', polite_excuse: 'yes', statement_changed: 'no', plan_shared: 'no' }, 'debrief'],
  ];
  const label = { en: (c: string) => c, 'zh-CN': (c: string) => `${c}类客户`, 'zh-TW': (c: string) => `${c}類客戶` } as const;

  for (const [klass, answers, mode] of cases) {
    it(`${klass}: the label once in the header of the screen and of the Markdown, in en, zh-CN and zh-TW`, () => {
      for (const locale of ['en', 'zh-CN', 'zh-TW'] as Locale[]) {
        const r = evaluateSession(pb, { mode, answers, visitDate: '2026-12-10', locale, account: { name: '华信科技' } });
        expect(r.classification.class).toBe(klass);
        const head = renderResult(r, new Chalk({ level: 0 }), 200).split('\n\n')[0];
        const said = new RegExp(locale === 'en' ? `\\b${klass}\\b` : label[locale](klass), 'g');
        expect(head.match(said)?.length, head).toBe(1);
        expect(head, head).toMatch(locale === 'en' ? /because /i : /因[为為]/);
        const md = renderMarkdown(r).split('\n## ')[1].split('\n\n').slice(0, 2).join('\n\n');
        expect(md.match(said)?.length, md).toBe(1);
      }
    });
  }

  it('a reason under the badge does not name the class again: a window that ran out, a class on record (en said "B: the A window…", "D as recorded…")', () => {
    for (const locale of ['en', 'zh-CN', 'zh-TW'] as Locale[]) {
      const m = ENGINE_MESSAGES[locale];
      for (const said of [m.windowLapsed('Q', 'A', '11月27日'), m.keptAfterLapse('Q', 'A'), m.classOnRecord('Q', '11月23日')]) expect(said, said).not.toContain('Q');
    }
  });

  it('D in zh-CN reads as one sentence: 不会购买，因为对方（无尾熊型）找借口结束了谈话', () => {
    const r = evaluateSession(pb, { mode: 'debrief', answers: cases[3][1], visitDate: '2026-12-10', locale: 'zh-CN', account: { name: '华信科技' } });
    expect(renderResult(r, new Chalk({ level: 0 }), 200).split('\n').slice(0, 2)).toEqual([' D类客户  华信科技 · 拜访复盘 2026年12月10日周四', '  不会购买，因为对方（无尾熊型）找借口结束了谈话']);
  });
});

describe('the four persona types are named alike', () => {
  it('each by the role it plays, one noun without brackets or 型, in en, zh-CN and zh-TW; the ids unchanged', () => {
    const pb = builtin();
    const names = (locale: Locale) => pb.personas.map((p) => (typeof p.name === 'string' ? p.name : (p.name[locale] ?? '')));
    expect(pb.personas.map((p) => p.id)).toEqual(['koala', 'commander', 'socializer', 'thinker']);
    expect(names('en')).toEqual(['Coordinator', 'Commander', 'Socializer', 'Thinker']);
    expect(names('zh-CN')).toEqual(['协调者', '指挥官', '社交者', '思考者']);
    expect(names('zh-TW')).toEqual(['協調者', '指揮官', '社交者', '思考者']);
    // the seed's koala is not lost: the coordinator's summary says it
    const koala = pb.personas[0].summary as Record<string, string>;
    expect(koala['zh-CN']).toContain('无尾熊型客户');
    expect(koala['zh-TW']).toContain('無尾熊型客戶');
    expect(koala.en).toContain('koala');
  });
});

describe('help speaks of the advice, never of our sources', () => {
  it('no question’s help or text says "seed" or 种子 in any language', () => {
    const said: string[] = [];
    for (const q of builtin().questions)
      for (const t of [q.text, q.help])
        for (const [locale, text] of Object.entries(typeof t === 'string' ? { en: t } : (t ?? {}))) if (/seed|种子|種子/i.test(text ?? '')) said.push(`${q.id} ${locale}: ${text}`);
    expect(said).toEqual([]);
  });
});
