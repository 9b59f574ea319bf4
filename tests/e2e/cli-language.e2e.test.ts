/**
 * Issue 23, every message of the program in the session's language: the command line's own errors
 * and confirmations (UserError's key and values, src/ui/cli-messages*.ts), with the built binary,
 * across commands. English stays as it was.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

const DEBRIEF = 'mode: debrief\ndate: 2026-12-01\nanswers: { contact_name: Ms Chen, contact_role: first_kp, contacts_known: 3, has_need: "yes", buying_power: "yes", sees_value: "yes", persona: koala, asked_to_sign: "no", trust_built: "no", not_signed_reason: trust, polite_excuse: "no", statement_changed: "no", plan_shared: "no" }\n';

/** A sandbox with one account, Hengda, debriefed on 2026-12-01. */
async function withAccount(): Promise<{ env: Record<string, string>; dir: string; file: (name: string, text: string) => string }> {
  const { env } = sandbox();
  const { dir, file } = scratch('sc-cli-lang-');
  const r = await runBin(['debrief', '--account', 'Hengda', '--no-input', '--answers', file('d.yaml', DEBRIEF)], { env });
  expect(r.code, r.stderr).toBe(0);
  return { env, dir, file };
}

describe("the command line's errors in the session's language", () => {
  it('account: no account of that name, with the one meant (zh-CN), as the rep typed it; English unchanged', async () => {
    const { env } = await withAccount();
    const zh = await runBin(['--lang', 'zh-CN', 'account', 'show', 'Hengdq'], { env });
    expect([zh.code, zh.stderr]).toEqual([2, 'sales-coach: 找不到名为“Hengdq”的客户\n  提示：是不是想写“Hengda”？（sales-coach accounts 可以列出所有客户）\n']);
    const tw = await runBin(['--lang', 'zh-TW', 'account', 'set', 'Hengda', 'trust'], { env });
    expect([tw.code, tw.stderr]).toEqual([2, 'sales-coach: 「trust」不是一項修改\n  提示：寫成 問題=值，例如 trust_level=believed\n']);
    const en = await runBin(['account', 'show', 'Hengdq'], { env });
    expect([en.code, en.stderr]).toEqual([2, 'sales-coach: no account "Hengdq"\n  hint: did you mean "Hengda"? (sales-coach accounts lists them)\n']);
  });

  it('checklist: a --due that is not a date', async () => {
    const { env } = sandbox();
    const r = await runBin(['--lang', 'zh-CN', 'checklist', 'add', '--account', 'Hengda', '--due', '2026-13-01', 'Send the quote'], { env });
    expect([r.code, r.stderr]).toEqual([2, 'sales-coach: --due 2026-13-01 不是有效的日期\n  提示：请写成 YYYY-MM-DD，例如 2026-11-26\n']);
    const en = await runBin(['checklist', 'add', '--account', 'Hengda', '--due', '2026-13-01', 'Send the quote'], { env });
    expect(en.stderr).toBe('sales-coach: --due 2026-13-01 is not a date\n  hint: write it as YYYY-MM-DD, e.g. 2026-11-26\n');
  });

  it('team: a team command on the database on this machine', async () => {
    const { env, home } = sandbox();
    const r = await runBin(['--lang', 'zh-CN', 'team', 'list'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `sales-coach: team list 只能用在团队数据库上，而这是本机上的数据库（${join(home, 'data', 'sales-coach', 'coach.db')}）\n  提示：用 --db postgres://USER@HOST/DATABASE 指定团队数据库，或者设置 SALES_COACH_DB，或者在配置文件里写上 store:\n`,
    );
  });

  it('import: a CSV with no column for the account, one with bad rows (each said, then its hints), and one that is not there', async () => {
    const { env } = sandbox();
    const { file } = scratch('sc-cli-lang-');
    const csv = file('c.csv', 'Name,Phone\nBob,1\n');
    const r = await runBin(['--lang', 'zh-CN', 'import', '--csv', csv], { env });
    expect([r.code, r.stderr]).toEqual([2, `sales-coach: ${csv}:1:1：没有一列是客户名称；找到的列是“Name”、“Phone”\n  提示：把其中一列命名为“Account Name”、“Account”、“Company Name”、“Company”或“公司”\n`]);
    const bad = file('bad.csv', 'Account Name,First Name,Role\nAcme,Li,boss\n,Wang,first_kp\nBeta,Zhao,x,extra\n');
    const rows = await runBin(['--lang', 'zh-CN', 'import', '--csv', bad], { env });
    expect([rows.code, rows.stderr]).toEqual([
      2,
      [
        `${bad}:2:9：没有“boss”这个角色；应为 first_kp、second_kp、third_kp 之一（或它们的显示名称）`,
        `${bad}:3:1：应当有客户名称，这一格却是空的`,
        `${bad}:4:13：表头有3列，这一行却有4列`,
        '  提示：把 CRM 里的说法映射到一个角色：--map-role "boss=ROLE"',
        '  提示：每个联系人都属于一个客户：填上客户名称，或者去掉这一行',
        '  提示：值里有分隔符时，要用引号括起来："Acme, Inc."',
        `sales-coach: ${bad} 里有3处问题；什么都没有导入`,
        '',
      ].join('\n'),
    ]);
    const gone = await runBin(['--lang', 'zh-CN', 'import', '--csv', '/nonexistent/c.csv'], { env });
    expect([gone.code, gone.stderr]).toEqual([2, 'sales-coach: 无法读取 CSV 文件 /nonexistent/c.csv：没有这个文件或文件夹（ENOENT）\n  提示：检查路径\n']);
  });

  it('report: no --out, and a file that exists', async () => {
    const { env } = sandbox();
    const { dir, file } = scratch('sc-cli-lang-');
    const none = await runBin(['--lang', 'zh-CN', 'report'], { env, cwd: dir });
    expect([none.code, none.stderr]).toEqual([2, 'sales-coach: 请说明报告写到哪里\n  提示：sales-coach report --out week.html\n']);
    file('week.html', 'mine');
    const taken = await runBin(['--lang', 'zh-CN', 'report', '--out', 'week.html'], { env, cwd: dir });
    expect([taken.code, taken.stderr]).toEqual([2, 'sales-coach: week.html 已经存在，什么都没有写入\n  提示：换一个名字，或者加上 --force 覆盖它\n']);
  });

  it('calendar: a file that is not iCalendar', async () => {
    const { env } = sandbox();
    const { file } = scratch('sc-cli-lang-');
    const ics = file('c.ics', 'BEGIN:VCALENDAR\nnonsense\n');
    const r = await runBin(['--lang', 'zh-CN', 'today', '--calendar', ics], { env });
    expect(r.code).toBe(2);
    // ical.js's reason in Chinese too, the line it quotes as written
    expect(r.stderr).toBe(`sales-coach: 日历 ${ics} 不是 iCalendar 文件：这一行既没有“;”也没有“:”：“nonsense”\n  提示：从你的日历里导出 .ics（iCalendar）文件\n`);
    const event = file('e.ics', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026120X\nSUMMARY:Hengda\nEND:VEVENT\nEND:VCALENDAR\n');
    const tw = await runBin(['--lang', 'zh-TW', 'today', '--calendar', event], { env });
    expect(tw.stdout).toContain(`${event}:2：事件「Hengda」無法讀取，已略過：日期時間「2026-12-0XT::」無效\n`);
  });

  it("config: a misspelt key, said in the config's own language (lang: zh-CN)", async () => {
    const box = sandbox();
    const dir = join(box.home, 'config', 'sales-coach');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.yaml'), 'lang: zh-CN\nstroe: team.db\n');
    const r = await runBin(['--lang', 'zh-CN', 'accounts'], { env: box.env });
    expect([r.code, r.stderr]).toEqual([2, `sales-coach: ${join(dir, 'config.yaml')}:2:1：配置文件里没有“stroe”这个键\n  提示：是不是想写“store”？\n`]);
  });

  it("files that are not there, in the config's lang: zh-TW (no --lang): the CSV (checked before the command chose its language), the answers, the calendar, a playbook", async () => {
    const box = sandbox();
    const dir = join(box.home, 'config', 'sales-coach');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.yaml'), 'lang: zh-TW\n');
    const csv = await runBin(['import', '--csv', '/nonexistent/c.csv'], { env: box.env });
    expect([csv.code, csv.stderr]).toEqual([2, 'sales-coach: 無法讀取 CSV 檔案 /nonexistent/c.csv：沒有這個檔案或資料夾（ENOENT）\n  提示：檢查路徑\n']);
    const folder = await runBin(['import', '--csv', box.home], { env: box.env });
    expect([folder.code, folder.stderr]).toEqual([2, `sales-coach: CSV 檔案 ${box.home} 是一個資料夾\n  提示：請給出匯出的 .csv 檔案的路徑\n`]);
    const answers = await runBin(['debrief', '--account', 'Hengda', '--no-input', '--answers', '/nonexistent/a.yaml'], { env: box.env });
    expect([answers.code, answers.stderr]).toEqual([2, 'sales-coach: 無法讀取回答檔案 /nonexistent/a.yaml：沒有這個檔案或資料夾（ENOENT）\n']);
    const calendar = await runBin(['today', '--calendar', '/nonexistent/c.ics'], { env: box.env });
    expect([calendar.code, calendar.stderr]).toEqual([2, 'sales-coach: 無法讀取日曆 /nonexistent/c.ics\n  提示：檢查 --calendar（或設定檔裡的 calendar:）\n']);
    const playbook = await runBin(['playbook', 'validate', '/nonexistent/p.yaml'], { env: box.env });
    expect([playbook.code, playbook.stderr]).toEqual([2, 'sales-coach: 沒有這個檔案或資料夾：/nonexistent/p.yaml\n']);
  });

  it("the team database's password file that is not there, with --lang zh-TW and a config without lang: (reading it chose English mid-command)", async () => {
    const box = sandbox();
    const dir = join(box.home, 'config', 'sales-coach');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.yaml'), 'store: postgres://rep@127.0.0.1:1/sales\npasswordFile: /nonexistent/pw\n');
    const r = await runBin(['--lang', 'zh-TW', 'accounts'], { env: box.env });
    expect([r.code, r.stderr]).toEqual([2, 'sales-coach: 無法讀取密碼檔案 /nonexistent/pw\n  提示：檢查設定檔裡的 passwordFile\n']);
  });

  it('--db with a scheme sales-coach does not know', async () => {
    const r = await runBin(['--lang', 'zh-CN', '--db', 'mysql://x/y', 'accounts']);
    expect([r.code, r.stderr]).toEqual([2, 'sales-coach: sales-coach 不认识 mysql:// 这种数据库\n  提示：团队数据库的写法是 postgres://USER@HOST[:PORT]/DATABASE；其他写法都当作 SQLite 文件的路径\n']);
  });

  it("an answers file with answers left out (playbook try): each diagnostic and the summary in Chinese", async () => {
    const { env } = sandbox();
    const { file } = scratch('sc-cli-lang-');
    const answers = file('a.yaml', 'mode: debrief\nanswers: { contact_name: Ms Chen }\n');
    const r = await runBin(['--lang', 'zh-CN', 'playbook', 'try', 'abcd', '--answers', answers, '--no-input'], { env: { ...env, NO_COLOR: '1' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${answers}:2:1: 错误：没有回答“has_need”：他们对你的产品有真实需求吗？`);
    expect(r.stderr).toContain('  提示：在 answers: 下补上这一题，或者在终端里运行，程序会逐题提问');
    expect(r.stderr).toMatch(/sales-coach: 还有\d+个问题没有回答；什么都没有运行\n$/);
    expect(r.stderr).not.toMatch(/no answer to|hint:|error:/);
  });
});

describe("the command line's confirmations in the session's language", () => {
  it('account rename and delete, the report, and export, in zh-CN; in English as before', async () => {
    const { env, dir } = await withAccount();
    const renamed = await runBin(['--lang', 'zh-CN', 'account', 'rename', 'Hengda', 'Hengda Pharma'], { env });
    expect([renamed.code, renamed.stderr]).toEqual([0, '已把“Hengda”改名为“Hengda Pharma”\n']);
    const report = await runBin(['--lang', 'zh-CN', 'report', '--out', 'w.html'], { env, cwd: dir });
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toMatch(/^报告已写入 w\.html（\d+ KB）\n$/);
    const csv = await runBin(['--lang', 'zh-TW', 'export', '--csv', 'out'], { env, cwd: dir });
    expect([csv.code, csv.stderr]).toEqual([0, '已把客戶、聯絡人、拜訪、下一步和歷史記錄寫入 out/\n']);
    const back = await runBin(['account', 'rename', 'Hengda Pharma', 'Hengda'], { env });
    expect([back.code, back.stderr]).toEqual([0, 'renamed "Hengda Pharma" to "Hengda"\n']);
    const deleted = await runBin(['--lang', 'zh-CN', 'account', 'delete', 'Hengda', '--yes'], { env });
    expect([deleted.code, deleted.stderr]).toEqual([0, '已删除“Hengda”\n']);
  });

  it('playbook list: where each playbook comes from, in zh-TW', async () => {
    const r = await runBin(['--lang', 'zh-TW', 'playbook', 'list']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^abcd {2}ABCD客戶分類 v\d+\n {6}內建劇本：\S*playbooks\/abcd\.yaml\n$/);
  });

  it("import's summary, line by line in zh-CN; rows and columns as Taiwan says them (列 / 欄) in zh-TW", async () => {
    const { env } = sandbox();
    const { dir, file } = scratch('sc-cli-lang-');
    file('i.csv', 'Account Name,First Name,Last Name,Phone,Mobile,Notes,\nAcme,Li,Wei,1,2,x,\nBeta,,,3,,y,\n');
    const cn = await runBin(['--lang', 'zh-CN', 'import', '--csv', 'i.csv', '--dry-run'], { env, cwd: dir });
    expect(cn.code, cn.stderr).toBe(0);
    expect(cn.stdout).toBe(
      [
        'i.csv：共2行，以逗号分隔（--dry-run：什么都没有写入）',
        '  将新增客户    2',
        '  将新增联系人  1',
        '  将更新联系人  0',
        '读取的列：客户 <- “Account Name”；名 <- “First Name”；姓 <- “Last Name”；电话 <- “Phone”，其次“Mobile”',
        '没有读取的列：“Notes”、（第7列，没有表头）',
        '有1行有联系方式却没有姓名，所以只会导入它们的客户（第3行）',
        '',
      ].join('\n'),
    );
    const tw = await runBin(['--lang', 'zh-TW', 'import', '--csv', 'i.csv'], { env, cwd: dir });
    expect(tw.stdout).toContain('i.csv：共2列，以逗號分隔\n  新增客戶    2\n');
    expect(tw.stdout).toContain('沒有讀取的欄：「Notes」、（第7欄，沒有表頭）');
    const en = await runBin(['import', '--csv', 'i.csv', '--dry-run'], { env, cwd: dir });
    expect(en.stdout).toContain('i.csv: 2 row(s), comma-separated (--dry-run: nothing written)\n  accounts to add     0\n');
  });
});
