/** The team commands confirm in the session's language: zh-CN and zh-TW, on a real PostgreSQL server. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { aDebriefAnswers } from '../helpers/answers.js';
import { runCli } from '../helpers/cli.js';
import { ADMIN_PASSWORD, closePgStores, freshDatabase, roleName, serverUrl } from '../helpers/pg.js';

const PASSWORD = 'rep-secret-Ω-2';
let dir: string;
let db: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sc-team-zh-'));
  db = await freshDatabase();
  writeFileSync(join(dir, 'pw.txt'), `${PASSWORD}\n`, { mode: 0o600 });
});
afterEach(async () => {
  await closePgStores();
});

function as(user: string, lang: string, password = user.startsWith('sc_admin') ? ADMIN_PASSWORD : PASSWORD) {
  const home = join(dir, `home-${user}`);
  return (args: string[]) => runCli(args, { env: { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), SALES_COACH_DB: serverUrl(user, db), PGPASSWORD: password, SALES_COACH_LANG: lang } });
}

it('team init, add, list, remove and a manager note confirm in Chinese', async () => {
  const [rep, other, boss] = [roleName('wang'), roleName('lin'), roleName('zhao')];
  const admin = as('sc_admin', 'zh-CN');
  const init = await admin(['team', 'init']);
  expect(init.stdout).toContain('已经可以给 sales-coach 使用');
  expect(init.stdout).toContain('下一步：为每位销售运行 sales-coach team add');
  expect((await admin(['team', 'add', rep, '--manager', boss, '--password-file', join(dir, 'pw.txt')])).stdout).toContain(`已添加${rep}，经理是${boss}（已设置密码）。`);
  expect((await admin(['team', 'add', boss, '--password-file', join(dir, 'pw.txt')])).stdout).toContain(`已更新${boss}（已设置密码）。`); // the first add made the manager's role
  expect((await admin(['team', 'add', other, '--manager', boss])).stdout).toContain(`已添加${other}，经理是${boss}。`);
  expect((await admin(['team', 'list'])).stdout).toContain(`${rep}（经理：${boss}）  0个客户`);

  const answers = join(dir, 'a.yaml');
  writeFileSync(answers, `mode: debrief\nanswers:\n${aDebriefAnswers('Li')}`);
  expect((await as(rep, 'zh-CN')(['debrief', '--account', 'Acme', '--date', '2026-11-20', '--answers', answers])).code).toBe(0);
  const note = await as(boss, 'zh-TW')(['account', 'validate', 'Acme', '--rep', rep, '--note', '同意', '--today', '2026-11-21']);
  expect(note.stdout).toMatch(/^已確認「Acme」（.+）的.+分類；.+下次做拜訪準備和檢視客戶列表時會看到。/);

  const removed = await as('sc_admin', 'zh-TW')(['team', 'remove', other]);
  expect(removed.stdout).toContain(`已把${other}移出團隊；${other}的0個客戶仍保留在資料庫裡`);
  for (const r of [init, removed, note]) expect(r.stdout).not.toMatch(/\b(Added|Removed|Confirmed|ready for)\b/);
});
