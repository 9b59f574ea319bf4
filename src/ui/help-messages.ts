/**
 * The words of `--help` in a language other than English: commander's headings, and the description
 * of every command, option and argument, keyed by the English that main.ts declares (the English is the
 * source; a test walks every command and fails on a text that has no translation, so a new option or a
 * reworded one cannot fall back to English unnoticed). Loaded only when help is asked for (src/cli/help.ts).
 */
export interface HelpMessages {
  /** commander's headings, as its Help passes them to styleTitle: 'Usage:', 'Options:', 'Arguments:', 'Commands:', 'Global Options:' */
  titles: Record<string, string>;
  /** the English words in commander's usage line ('[options]', '[command]'), as the language says them */
  usageWords: Record<string, string>;
  /** -h, --help and the help command */
  helpOption: string;
  helpCommand: string;
  /** the words inside commander's "(default: …, choices: …)" after a description */
  extra: { default: string; choices: string; env: string; preset: string };
  /** every description of a command, an option or an argument, by its English */
  texts: Record<string, string>;
  /** the text after a command's help, by the command's path ('' for the program, 'account set') */
  after: Record<string, string>;
}
