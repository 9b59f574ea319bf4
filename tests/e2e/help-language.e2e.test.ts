/**
 * Issue 23, `--help` in the session's language, with the built binary: the language decided as a
 * session decides it (--lang, then SALES_COACH_LANG, the config's lang:, then LANG), and the Chinese
 * words in a chunk of their own that only a help request loads (a session's cold start does not).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, sandbox } from '../helpers/spawn.js';

const DIST = join(import.meta.dirname, '../../dist');

function withConfigLang(lang: string): Record<string, string> {
  const { env } = sandbox();
  mkdirSync(join(env.XDG_CONFIG_HOME, 'sales-coach'), { recursive: true });
  writeFileSync(join(env.XDG_CONFIG_HOME, 'sales-coach', 'config.yaml'), `lang: ${lang}\n`);
  return env;
}

describe('--help in the session language', () => {
  it('sales-coach --lang zh-CN --help: the headings, commands and options in Chinese', async () => {
    const r = await runBin(['--lang', 'zh-CN', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法：sales-coach \[选项\] \[命令\]\n\nB2B销售的教练（拜访前做准备，拜访后做复盘），也供编写剧本的培训师使用。\n\n选项：\n/);
    expect(r.stdout).toContain('\n命令：\n');
    expect(r.stdout).toMatch(/\n {2}debrief \[选项\] +拜访结束后马上复盘：记下发生了什么/);
    expect(r.stdout).toMatch(/\n {2}-h, --help +显示本命令的帮助\n/);
    expect(r.stdout).toContain('\n示例：\n');
    expect(r.stdout).toContain('退出码：0 正常');
    expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|Examples:|display help|prepare a customer visit/);
  });

  it('sales-coach prep --help with lang: zh-CN in the config, and with LANG=zh_CN.UTF-8', async () => {
    for (const env of [withConfigLang('zh-CN'), { ...sandbox().env, LANG: 'zh_CN.UTF-8' }]) {
      const r = await runBin(['prep', '--help'], { env });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^用法：sales-coach prep \[选项\]\n\n拜访前做准备：/);
      expect(r.stdout).toMatch(/\n {2}--account <name> +客户名称（公司名）\n/);
      expect(r.stdout).not.toMatch(/Usage:|Options:|the account \(customer company\)/);
    }
  });

  it('zh-TW: Taiwan words, from --lang, the config and LANG=zh_TW.UTF-8', async () => {
    const runs = [
      await runBin(['--lang', 'zh-TW', 'prep', '--help']),
      await runBin(['prep', '--help'], { env: withConfigLang('zh-TW') }),
      await runBin(['help', 'prep'], { env: { ...sandbox().env, LANG: 'zh_TW.UTF-8' } }),
    ];
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^用法：sales-coach prep \[選項\]\n\n拜訪前做準備：/);
      expect(r.stdout).toContain('\n選項：\n');
      expect(r.stdout).toMatch(/ {2}--answers <file> +從 YAML 或 JSON 檔案讀取答案/);
      expect(r.stdout).not.toMatch(/[准备访户据]|Options:/);
    }
  });

  it('a command of subcommands named alone prints its help in the language too (stderr, as commander does)', async () => {
    const alone = await runBin(['--lang', 'zh-CN']);
    expect(alone.stdout + alone.stderr).toMatch(/^用法：sales-coach \[选项\] \[命令\]\n/);
    const r = await runBin(['--lang', 'zh-CN', 'playbook']);
    expect(r.stdout + r.stderr).toContain('培训师工具：检查、列出、查看剧本，生成 schema，新建剧本');
    expect(r.stdout + r.stderr).toContain('\n命令：\n');
  });

  it('English stays as it was; --lang wins over the config', async () => {
    const r = await runBin(['--lang', 'en', 'prep', '--help'], { env: withConfigLang('zh-CN') });
    expect(r.stdout).toMatch(/^Usage: sales-coach prep \[options\]\n\nprepare a customer visit/);
    expect(r.stdout).toContain('  -h, --help               display help for command\n');
  });

  it('the Chinese help words are in a chunk that only a dynamic import (a help request) loads', () => {
    const files = readdirSync(DIST).filter((f) => f.endsWith('.js'));
    // esbuild writes non-ASCII text as \u escapes
    const words = '显示本命令的帮助';
    const escaped = [...words].map((ch) => `\\u${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`).join('');
    const holders = files.filter((f) => {
      const text = readFileSync(join(DIST, f), 'utf8');
      return text.includes(words) || text.includes(escaped);
    });
    expect(holders).toHaveLength(1);
    const [chunk] = holders;
    expect(chunk).not.toMatch(/^(cli|main)[-.]/);
    for (const f of files) {
      const text = readFileSync(join(DIST, f), 'utf8');
      expect(text.includes(`from "./${chunk}"`), f).toBe(false);
    }
  });
});
