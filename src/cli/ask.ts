/** The interview's keyboard driver on a real terminal: @inquirer prompts, help lines, the draft saved after each answer. */
import type { Answers } from '../engine/answers.js';
import type { Playbook } from '../playbook/types.js';
import type { InterviewDriver } from '../ui/interview.js';
import { questionPrompt } from '../ui/prompt.js';
import { sanitizeBlock } from '../ui/sanitize.js';
import type { Context } from './context.js';
import type { IO } from './io.js';

export function askWithInquirer(pb: Playbook, io: IO, ctx: Context, save: (answers: Answers, order: string[]) => void, signal?: AbortSignal): InterviewDriver {
  // prompts go to the terminal even when the result is piped elsewhere
  const output = (io.stdout as { isTTY?: boolean }).isTTY ? io.stdout : io.stderr;
  return {
    async ask(view) {
      const spec = questionPrompt(pb, view);
      const raw = await spec.prompt(spec.config, { input: io.stdin, output, clearPromptOnDone: false, signal });
      return spec.interpret(raw);
    },
    async showHelp(text) {
      // the layout library loads only when a rep first asks for help: the first question stays fast
      const { wrap } = await import('../ui/layout.js');
      output.write(`${ctx.out.cyan(wrap(sanitizeBlock(text || '—'), 78, '  '))}\n`);
    },
    onAnswer: save,
  };
}
