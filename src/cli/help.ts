/**
 * `--help` in zh-CN and zh-TW: commander's help said in the session's language. main.ts imports this
 * module only when help is asked for in one of them, so no other command line loads its words.
 */
import type { EventEmitter } from 'node:events';
import { type Command, Help, type Option } from 'commander';
import type { Locale } from '../engine/model.js';
import type { HelpMessages } from '../ui/help-messages.js';
import { zhCN } from '../ui/help-messages.zh-CN.js';
import { zhTW } from '../ui/help-messages.zh-TW.generated.js';
import { stringWidth, wrap } from '../ui/layout.js';

export const HELP_MESSAGES: Record<Exclude<Locale, 'en'>, HelpMessages> = { 'zh-CN': zhCN, 'zh-TW': zhTW };

/** The path of a command under the program, as the catalogue's `after` keys it ('' for the program, 'account set'). */
function pathOf(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** commander's "(default: …, choices: …)" after a description, in the catalogue's words and full-width brackets. */
function extraInfo(text: string, m: HelpMessages): string {
  return text.replace(/ \(((?:choices|default|preset|env): .*)\)$/s, (_, inner: string) => {
    // commander quotes each value and joins them with ", "; Chinese lists with 、 and needs no quotes
    // (可选：class、age、due、name，默认：class)
    const said = inner
      .replace(/", "/g, '"、"')
      .replace(/(^|, )(choices|default|preset|env): /g, (_x, sep: string, key: keyof HelpMessages['extra']) => `${sep ? '，' : ''}${m.extra[key]}：`)
      .replace(/"([^"]*)"/g, '$1');
    return `（${said}）`;
  });
}

/**
 * Every description, argument, option, heading and after-text of the program said in `locale`; text the
 * catalogue does not know stays English (a test fails on it). Layout by display width: commander counts a
 * Chinese character as one column and wraps at spaces only, so its lines would run past the terminal.
 */
export function sayHelpIn(program: Command, locale: Exclude<Locale, 'en'>): void {
  const m = HELP_MESSAGES[locale];
  const say = (text: string) => m.texts[text] ?? text;
  const usageWords = (text: string) => text.replace(/\[(?:options|command)\]/g, (w) => m.usageWords[w] ?? w);
  const english = new Help();
  const configure = {
    styleTitle: (title: string) => m.titles[title] ?? title,
    // commander writes "Usage: x"; a heading that ends in a full-width colon takes no space after it (用法：sales-coach …)
    formatHelp: (cmd: Command, helper: Help) => Help.prototype.formatHelp.call(helper, cmd, helper).replace(/^(\S*：) /, '$1'),
    displayWidth: (text: string) => stringWidth(text),
    boxWrap: (text: string, width: number) => (width < 40 ? text : text.split('\n').map((line) => wrap(line, width)).join('\n')),
    subcommandTerm: (cmd: Command) => usageWords(english.subcommandTerm(cmd)),
    optionDescription: (option: Option) => extraInfo(english.optionDescription(option), m),
    argumentDescription: (argument: Parameters<Help['argumentDescription']>[0]) => extraInfo(english.argumentDescription(argument), m),
  };
  const walk = (cmd: Command) => {
    cmd.description(say(cmd.description()));
    for (const option of cmd.options) option.description = say(option.description);
    for (const argument of cmd.registeredArguments) argument.description = say(argument.description);
    cmd.usage(usageWords(cmd.usage()));
    cmd.helpOption('-h, --help', m.helpOption);
    if (cmd.commands.length) cmd.helpCommand('help [command]', m.helpCommand);
    cmd.configureHelp(configure);
    const after = m.after[pathOf(cmd)];
    if (after !== undefined) {
      // the English text after the help is a listener of commander's; the catalogue's replaces it
      (cmd as unknown as EventEmitter).removeAllListeners('afterHelp');
      cmd.addHelpText('after', after);
    }
    for (const sub of cmd.commands) walk(sub);
  };
  walk(program);
}
