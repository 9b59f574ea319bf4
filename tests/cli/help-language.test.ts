/**
 * Issue 23, `--help` in the session's language: every description, option and argument that commander
 * prints has a zh-CN text (zh-TW is derived from it), and help is recognised on the command lines that
 * print it, so its words load then and only then.
 */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, helpAsked } from '../../src/cli/main.js';
import { sayHelpIn } from '../../src/cli/help.js';
import { zhCN } from '../../src/ui/help-messages.zh-CN.js';
import { zhTW } from '../../src/ui/help-messages.zh-TW.generated.js';
import type { IO } from '../../src/cli/io.js';

const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {} } as unknown as IO;
const program = () => buildProgram(io, () => {}, []);

function texts(cmd: Command, out: string[] = []): string[] {
  out.push(cmd.description());
  for (const o of cmd.options) out.push(o.description);
  for (const a of cmd.registeredArguments) if (a.description) out.push(a.description);
  for (const sub of cmd.commands) texts(sub, out);
  return out;
}

describe('the help in Chinese', () => {
  it('has a zh-CN and a zh-TW text for every description of every command, option and argument', () => {
    const all = texts(program()).filter((t) => t !== '');
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter((t) => !(t in zhCN.texts))).toEqual([]);
    expect(all.filter((t) => !(t in zhTW.texts))).toEqual([]);
    // zh-TW in Taiwan's words: a sales rep is 業務 (銷售 is selling: 銷售方法論)
    expect(Object.values(zhTW.texts).filter((t) => /銷售(?!方法論)/.test(t))).toEqual([]);
    expect(zhTW.texts["a team database on PostgreSQL: set it up, add reps, and review every rep's pipeline"]).toBe('PostgreSQL 上的團隊資料庫：建立資料庫、新增業務、盤點每位業務的客戶');
    // an entry for an English text that is no longer declared is a translation nobody sees
    expect(Object.keys(zhCN.texts).filter((t) => !all.includes(t))).toEqual([]);
  });

  it('says the headings, the help option and the defaults in Chinese, and wraps by display width', () => {
    const p = program();
    sayHelpIn(p, 'zh-CN');
    const validate = p.commands.find((c) => c.name() === 'playbook')?.commands.find((c) => c.name() === 'validate') as Command;
    const help = validate.helpInformation({ error: false });
    expect(help).toContain('用法：sales-coach playbook validate [选项] [paths...]');
    expect(help).toContain('参数：\n  paths              剧本文件或文件夹');
    expect(help).toContain('选项：\n  --format <format>  输出格式（可选：pretty、json，默认：pretty）');
    expect(help).toContain('  -h, --help         显示本命令的帮助');
    expect(help).not.toMatch(/Usage:|Options:|Arguments:|Commands:|display help/);
    const top = p.helpInformation({ error: false });
    expect(top).toContain('命令：');
    for (const line of top.split('\n')) expect([...line].reduce((w, ch) => w + (/[\u3000-\uffef\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0)).toBeLessThanOrEqual(80);
  });

  it.each([
    [['--help'], true],
    [['--lang', 'zh-CN', '-h'], true],
    [['prep', '--help'], true],
    [['help', 'prep'], true],
    [['playbook'], true],
    [['account'], true],
    [['checklist'], false],
    [['prep', '--account', 'Acme'], false],
    [['prep', '--account', 'help'], false],
    [['prep', '--', '--help'], false],
    [['--lang', 'help', 'prep'], false],
    [[], true],
    [['--lang', 'zh-CN'], true],
    [['--version'], false],
    [['-V', '--lang', 'zh-CN'], false],
  ])('help asked by %j: %s', (argv, asked) => {
    expect(helpAsked(program(), argv)).toBe(asked);
  });
});
