/**
 * Commander's errors said in Chinese by their code: each English shape commander writes today (taken
 * from commander itself, so an upgrade that rewords one fails here rather than printing English).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { sayUsageError } from '../../src/cli/usage-errors.js';
import { USAGE_MESSAGES } from '../../src/ui/usage-messages.js';

/** The code and message commander gives error() for `argv`. */
function refusal(argv: string[]): { code: string; message: string } {
  let got: { code: string; message: string } | undefined;
  const program = new Command('sc').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  program.option('--limit <n>', 'n', (v) => {
    if (v === '0') throw new InvalidArgumentError('expected a whole number from 1 to 999999');
    return v;
  });
  program.addOption(new Option('--sort <key>').choices(['name', 'due']));
  program
    .command('list')
    .addOption(new Option('--json').conflicts('csv'))
    .addOption(new Option('--csv'))
    .action(() => {});
  program.command('show').argument('<name>').action(() => {});
  program.command('done').argument('<id>').requiredOption('--why <text>').action(() => {});
  const wrap = (cmd: Command) => {
    const english = cmd.error.bind(cmd);
    cmd.error = (message: string, options?: { code?: string; exitCode?: number }) => {
      got = { code: options?.code ?? 'commander.error', message };
      return english(message, options);
    };
    for (const c of cmd.commands) wrap(c);
  };
  wrap(program);
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
  }
  if (!got) throw new Error(`no error for ${argv.join(' ')}`);
  return got;
}

describe('commander errors in zh-CN', () => {
  const m = USAGE_MESSAGES['zh-CN'];
  const cases: [string[], string][] = [
    [['--limt', '3'], '错误：没有 --limt 这个选项\n是不是想写 --limit？'],
    [['shwo'], '错误：没有“shwo”这个命令\n是不是想写 show？'],
    [['show'], '错误：缺少必填的参数 name'],
    [['show', 'a', 'b'], '错误：参数太多了（show）：应为1个，实际给了2个'],
    [['--limit'], '错误：选项 --limit <n> 后面缺少取值'],
    [['done', '3'], '错误：必须给出选项 --why <text>'],
    [['--limit', '0'], '错误：选项 --limit <n> 的值“0”无效：应为 1 到 999999 之间的整数'],
    [['--sort', 'x'], '错误：选项 --sort <key> 的值“x”无效：可选的值：name、due'],
    [['list', '--json', '--csv'], '错误：选项 --json 不能和选项 --csv 一起使用'],
  ];
  for (const [argv, said] of cases) {
    it(argv.join(' '), () => {
      const { code, message } = refusal(argv);
      expect(sayUsageError(code, message, m)).toBe(said);
    });
  }

  it('a message of a shape it does not know is left to commander (English)', () => {
    expect(sayUsageError('commander.error', 'error: something new', m)).toBeUndefined();
    expect(sayUsageError('commander.unknownOption', 'error: an unknown option, worded anew', m)).toBeUndefined();
  });
});

describe("a bug's lines in the session's language", () => {
  it("says them in zh-CN and zh-TW, the error's own words as they are; English as before", async () => {
    const { internalErrorLines } = await import('../../src/cli/usage-errors.js');
    const { forgetPickedLocale } = await import('../../src/cli/locale.js');
    const io = { env: { LANG: 'en_US.UTF-8' } } as never;
    const e = new Error('boom');
    // each as a run of its own: main forgets the language chosen by the run before
    const lines = (g: object) => {
      forgetPickedLocale();
      return internalErrorLines(e, io, g as never);
    };
    expect(lines({ lang: 'zh-CN' })).toBe(
      'sales-coach: 内部错误：boom\n加上 --debug 再运行一次，可以看到详细信息。\n这是 sales-coach 的程序错误：请把你运行的命令连同这段信息一起报告给我们。\n',
    );
    expect(lines({ lang: 'zh-TW' })).toMatch(/^sales-coach: 內部錯誤：boom\n/);
    expect(lines({})).toBe(
      'sales-coach: internal error: boom\nRun again with --debug for details.\nThis is a bug in sales-coach: please report it with the command you ran.\n',
    );
  });
});
