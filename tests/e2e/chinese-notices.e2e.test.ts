/** Every message in the session's language: the answers file's and the config's diagnostics, with the built binary. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

const { file } = scratch();
const unknownKey = file('unknown-key.yaml', 'mode: debrief\ndate: 2026-11-26\nanswerz: 1\nanswers:\n  contact_name: 陈女士\n');
const lacking = file('lacking.yaml', 'mode: debrief\ndate: 2026-11-26\nanswers:\n  contact_name: 陈女士\n  contact_rol: first_kp\n');

describe('an answers file with mistakes, told in the session language', () => {
  it('zh-CN: the key it does not know, and the answers it lacks', async () => {
    const a = await runBin(['debrief', '--account', '恒达物流', '--answers', unknownKey, '--dry-run', '--lang', 'zh-CN']);
    expect(a.code).not.toBe(0);
    expect(a.stderr).toContain('错误：回答文件里没有“answerz”这个键 [unknown-key]');
    expect(a.stderr).toContain('提示：是不是想写“answers”？');
    expect(a.stderr).toContain('回答文件无法读取，没有运行');
    expect(a.stderr).not.toMatch(/unknown key|did you mean|cannot be read/);

    const b = await runBin(['debrief', '--account', '恒达物流', '--answers', lacking, '--dry-run', '--lang', 'zh-CN']);
    expect(b.code).not.toBe(0);
    expect(b.stderr).toContain('剧本 abcd 里没有“contact_rol”这个问题');
    expect(b.stderr).toContain('是不是想写“contact_role”？');
    expect(b.stderr).toContain('没有回答“contact_role”：陈女士在采购决策中扮演什么角色？');
    expect(b.stderr).toContain('提示：在 answers: 下补上这一题');
    expect(b.stderr).toMatch(/回答文件里有\d+处错误，没有运行/);
    expect(b.stderr).not.toMatch(/no answer to|add it under answers|nothing was run|hint:/);
  });

  it('zh-TW: the same, as Taiwan writes it', async () => {
    const r = await runBin(['debrief', '--account', '恆達物流', '--answers', lacking, '--dry-run', '--lang', 'zh-TW']);
    expect(r.stderr).toContain('錯誤：沒有回答「contact_role」：陈女士在採購決策中扮演什麼角色？');
    expect(r.stderr).toContain('提示：在 answers: 下補上這一題');
    expect(r.stderr).toMatch(/回答檔案裡有\d+處錯誤，沒有執行/);
    expect(r.stderr).not.toMatch(/[“”]|no answer to/);
  });

  it('zh-CN: a file for another kind of session, and a persona the playbook does not know', async () => {
    const prep = file('prep.yaml', 'mode: prep\nanswers:\n  contact_name: 陈女士\n');
    const wrong = await runBin(['debrief', '--account', '恒达物流', '--answers', prep, '--dry-run', '--lang', 'zh-CN']);
    expect(wrong.stderr).toContain('这个回答文件是用于拜访准备的，不是拜访复盘');
    expect(wrong.stderr).toContain('请运行 sales-coach prep --answers');
    const persona = await runBin(['debrief', '--account', '恒达物流', '--answers', lacking, '--persona', 'koalla', '--dry-run', '--lang', 'zh-TW']);
    expect(persona.stderr).toContain('劇本裡沒有「koalla」這種性格類型');
    expect(persona.stderr).toContain('是不是想寫「koala」？');
  });

  it('zh-CN: what a wrong answer should have been is said in Chinese (a trial read "应为：a date on or after…")', async () => {
    const wrong = file('wrong.yaml', 'mode: debrief\ndate: 2026-11-26\nanswers:\n  contact_name: 陈女士\n  has_need: maybe\n  contacts_known: many\n  next_meeting: 2026-11-01\n');
    const r = await runBin(['debrief', '--account', '恒达物流', '--answers', wrong, '--dry-run', '--lang', 'zh-CN']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('“yes”或“no”，或“unknown”');
    expect(r.stderr).toContain('整数，例如 3');
    expect(r.stderr).toContain('2026-11-26（拜访当天）或之后的日期');
    expect(r.stderr).not.toMatch(/a date on or after|a whole number|"yes" or "no"/);
  });

  it('en: unchanged', async () => {
    const r = await runBin(['debrief', '--account', 'Hengda', '--answers', lacking, '--dry-run', '--lang', 'en']);
    expect(r.stderr).toContain('error: no answer to "contact_role"');
    expect(r.stderr).toContain('hint: add it under answers:, or run in a terminal');
    expect(r.stderr).toMatch(/the answers file has \d+ mistakes; nothing was run/);
  });
});

describe('the config, told in the session language', () => {
  it('an unknown kind of database in store:, in zh-CN (from --lang or the config own lang:)', async () => {
    const box = sandbox();
    mkdirSync(join(box.home, 'config', 'sales-coach'), { recursive: true });
    writeFileSync(join(box.home, 'config', 'sales-coach', 'config.yaml'), 'store: postgress://me@db/sales\n');
    const r = await runBin(['accounts', '--lang', 'zh-CN'], { env: box.env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('sales-coach 不认识 postgress:// 这种数据库');
    expect(r.stderr).toContain('是不是想写“postgres://”？团队数据库的写法是 postgres://USER@HOST[:PORT]/DATABASE');
    writeFileSync(join(box.home, 'config', 'sales-coach', 'config.yaml'), 'lang: zh-TW\nstore: postgress://me@db/sales\n');
    const tw = await runBin(['accounts'], { env: box.env });
    expect(tw.stderr).toContain('sales-coach 不認識 postgress:// 這種資料庫');
  });
});
