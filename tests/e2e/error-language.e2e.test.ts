/**
 * Issue 23, every message in the session's language: the store's errors (StoreError, said as a key and
 * values, worded by the CLI) and the command line's own (commander's, by its error code), with the built
 * binary. English stays as it was.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, freshDatabase, roleName, serverUrl } from '../helpers/pg.js';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

describe("the store's errors in the session's language", () => {
  it('zh-CN: a checklist item that does not exist, with its hint; exit 2', async () => {
    const r = await runBin(['--lang', 'zh-CN', 'checklist', 'done', '999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sales-coach: 找不到编号为999的下一步\n  提示：sales-coach checklist 会列出待办的下一步及其编号\n');
  });

  it('zh-TW: the same, as Taiwan writes it', async () => {
    const r = await runBin(['--lang', 'zh-TW', 'checklist', 'done', '999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sales-coach: 找不到編號為999的下一步\n  提示：sales-coach checklist 會列出待辦的下一步及其編號\n');
  });

  it('the language of the environment (LANG) when no --lang is given', async () => {
    const { env } = sandbox();
    const r = await runBin(['checklist', 'done', '999'], { env: { ...env, LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到编号为999的下一步');
  });

  it("the config's own lang: (zh-TW) when neither --lang nor the environment says one", async () => {
    const box = sandbox();
    mkdirSync(join(box.home, 'config', 'sales-coach'), { recursive: true });
    writeFileSync(join(box.home, 'config', 'sales-coach', 'config.yaml'), 'lang: zh-TW\n');
    const r = await runBin(['checklist', 'done', '999'], { env: box.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sales-coach: 找不到編號為999的下一步\n  提示：sales-coach checklist 會列出待辦的下一步及其編號\n');
  });

  it('English as before', async () => {
    const r = await runBin(['checklist', 'done', '999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sales-coach: no checklist item 999\n  hint: sales-coach checklist lists the open items with their numbers\n');
  });

  it('zh-CN: a --db that is not a SQLite file is refused in Chinese, and left untouched', async () => {
    const { dir } = scratch('sc-store-err-');
    const db = join(dir, 'notes.txt');
    writeFileSync(db, 'my own notes, not a database\n');
    const r = await runBin(['--lang', 'zh-CN', '--db', db, 'accounts']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`sales-coach: ${db} 不是 sales-coach 的数据库（它不是 SQLite 文件）；没有动它`);
    expect(r.stderr).toContain('  提示：用 --db（SALES_COACH_DB）指向另一个文件，或者把这个文件移走');
    expect(r.stderr).not.toMatch(/is not|hint:/);
  });
});

describe("the team database's errors in the session's language", () => {
  it('zh-CN: a member who is not in the team, a role name that cannot be one, a wrong password', async () => {
    const db = await freshDatabase();
    const env = { ...sandbox().env, SALES_COACH_DB: serverUrl('sc_admin', db), PGPASSWORD: ADMIN_PASSWORD };
    expect((await runBin(['team', 'init'], { env })).code).toBe(0);
    const nobody = roleName('nobody');
    const gone = await runBin(['--lang', 'zh-CN', 'team', 'remove', nobody], { env });
    expect(gone.code).toBe(2);
    expect(gone.stderr).toBe(`sales-coach: ${nobody} 不在团队里\n  提示：sales-coach team list 会列出团队成员\n`);
    const bad = await runBin(['--lang', 'zh-CN', 'team', 'add', 'Bad-Name'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('sales-coach: “Bad-Name”不能用作这里的数据库角色名\n  提示：只用小写字母、数字和 _（例如 alice_wong），并以字母开头');
    const refused = await runBin(['--lang', 'zh-TW', 'accounts'], { env: { ...env, PGPASSWORD: 'not-the-password' } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^sales-coach: 團隊資料庫 \S+ 拒絕了這個使用者的密碼\n {2}提示：檢查 PGPASSWORD/);
    for (const r of [gone, bad, refused]) expect(r.stderr).not.toMatch(/hint:|is not|refused|cannot/);
  });
});

describe("the command line's own errors in the session's language", () => {
  const zh = (args: string[], env?: Record<string, string>) => runBin(['--lang', 'zh-CN', ...args], env ? { env: { ...sandbox().env, ...env } } : {});

  it('an unknown option, with commander\'s suggestion; exit 2', async () => {
    const r = await zh(['accounts', '--limt', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('错误：没有 --limt 这个选项\n是不是想写 --limit？\n加上 --help 可查看用法。\n');
  });

  it('an unknown command', async () => {
    const r = await zh(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('错误：没有“frobnicate”这个命令\n加上 --help 可查看用法。\n');
  });

  it('a missing argument, too many, an option without its value', async () => {
    const missing = await zh(['account', 'rename']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('错误：缺少必填的参数 name');
    const many = await zh(['checklist', 'done', '1', '2', '3']);
    expect(many.code).toBe(2);
    expect(many.stderr).toContain('错误：参数太多了（done）：应为1个，实际给了3个');
    const noValue = await zh(['prep', '--account']);
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toContain('错误：选项 --account <name> 后面缺少取值');
    for (const r of [missing, many, noValue]) {
      expect(r.stderr).toContain('加上 --help 可查看用法。');
      expect(r.stderr).not.toMatch(/error:|run with --help/);
    }
  });

  it('an invalid value: a number, a date, a choice', async () => {
    const limit = await zh(['accounts', '--limit', '0']);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('错误：选项 --limit <n> 的值“0”无效：应为 1 到 999999 之间的整数');
    const day = await zh(['stats', '--today', '2026-02-30']);
    expect(day.code).toBe(2);
    expect(day.stderr).toContain('错误：选项 --today <YYYY-MM-DD> 的值“2026-02-30”无效：应为 1900 到 2200 年之间的日期，写成 YYYY-MM-DD，例如 2026-11-26');
    const since = await zh(['accounts', '--since', '3x']);
    expect(since.stderr).toContain('错误：选项 --since <period> 的值“3x”无效：应为 7d、2w、1m 这样的时长（最长100年），或 1900 到 2200 年之间的日期 YYYY-MM-DD');
    const sort = await zh(['accounts', '--sort', 'bogus']);
    expect(sort.code).toBe(2);
    expect(sort.stderr).toMatch(/错误：选项 --sort <key> 的值“bogus”无效：可选的值：\S+、/);
    for (const r of [limit, day, since, sort]) expect(r.stderr).not.toMatch(/error:|is invalid|expected|Allowed/);
  });

  it('zh-TW, from LANG, before the config is read', async () => {
    const r = await runBin(['accounts', '--limt', '3'], { env: { ...sandbox().env, LANG: 'zh_TW.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('錯誤：沒有 --limt 這個選項\n是不是想寫 --limit？\n加上 --help 可檢視用法。\n');
  });

  it('English as commander writes it', async () => {
    const r = await runBin(['accounts', '--limt', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown option '--limt'\n(Did you mean --limit?)\n(run with --help for usage)\n");
  });

  it('an unknown --lang is said in the environment\'s language; a hint worded in Chinese is labelled 提示', async () => {
    const tw = await runBin(['--lang', 'xx', 'accounts'], { env: { ...sandbox().env, LANG: 'zh_TW.UTF-8' } });
    expect(tw.code).toBe(2);
    expect(tw.stderr).toBe('sales-coach: 沒有「xx」這種語言可選\n  提示：請用 --lang en、--lang zh-CN 或 --lang zh-TW\n');
    const en = await runBin(['--lang', 'xx', 'accounts']);
    expect(en.stderr).toBe('sales-coach: unknown language "xx"\n  hint: use --lang en, --lang zh-CN or --lang zh-TW\n');
    const { file } = scratch('sc-hint-');
    const r = await runBin(['--lang', 'zh-CN', 'debrief', '--account', 'X', '--dry-run', '--answers', file('bad.yaml', 'mode: [\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sales-coach: 回答文件无法读取，没有运行\n  提示：先改正上面的问题');
    expect(r.stderr).not.toContain('hint:');
  });
});
