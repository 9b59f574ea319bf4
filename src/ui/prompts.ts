/**
 * The four @inquirer prompts this program uses, named statically: a dynamic import of
 * '@inquirer/prompts' itself keeps every prompt it offers (the editor, search…) in the bundle that
 * loads before the first question; this module lets the bundler leave them out.
 *
 * Each is wrapped so that SIGTERM and SIGHUP (a kill, a closed terminal) end an open prompt as Ctrl-C
 * does, whichever prompt it is ("Which account?", the draft on offer, the open steps): the prompt
 * rejects with AbortPromptError, the terminal is restored, and the caller keeps the draft and prints
 * the line to go on, exit 130. Left to inquirer's own exit hook, the process was killed by the signal
 * before any of that could run (exit 143 or 129, no line, the terminal's modes left as the prompt set them).
 */
import { styleText } from 'node:util';
import type { Locale } from '../engine/model.js';
import { tickPrompt } from './checkbox.js';
import { UI } from './messages.js';
import { checkbox as checkboxPrompt, confirm as confirmPrompt, input as inputPrompt, select as selectPrompt } from '@inquirer/prompts';

const SIGNALS = ['SIGTERM', 'SIGHUP'] as const;

// biome-ignore lint/suspicious/noExplicitAny: inquirer's prompts are generic in their config and value; the wrapper keeps each one's own type
type AnyPrompt = (config: any, context?: any) => Promise<any>;

/** The prompt, aborted by SIGTERM or SIGHUP while it is open (and by the caller's own signal, if any). */
function interruptible<P extends AnyPrompt>(prompt: P): P {
  return ((config: unknown, context: { signal?: AbortSignal } = {}) => {
    const stop = new AbortController();
    const onSignal = (sig: NodeJS.Signals) => stop.abort(new Error(`interrupted by ${sig}`));
    for (const sig of SIGNALS) process.on(sig, onSignal);
    const signal = context.signal ? AbortSignal.any([context.signal, stop.signal]) : stop.signal;
    const asked = prompt(config, { ...context, signal });
    const done = () => {
      for (const sig of SIGNALS) process.removeListener(sig, onSignal);
    };
    // inquirer's own promise is returned (with its cancel()), so a caller sees exactly what it did;
    // the listeners go when it settles, on a branch of its own that swallows nothing the caller gets
    asked.then(done, done);
    return asked;
  }) as unknown as P;
}

export const checkbox = interruptible(checkboxPrompt);
export const confirm = interruptible(confirmPrompt);
export const input = interruptible(inputPrompt);
export const select = interruptible(selectPrompt);

export const tick = interruptible(tickPrompt);

/**
 * Every word inquirer draws itself, in the rep's language: the key hints ("↑↓ navigate • ⏎ select",
 * the key names too: "空格" for space), a confirm's yes and no ("是/否", not "(Y/n)") and its refusal.
 * Pass it as `theme` to every prompt.
 */
export function promptTheme(locale: Locale) {
  const m = UI[locale];
  return {
    style: {
      // the space bar ticks a box, in one word on every list: inquirer's own checkbox calls it "select"
      // (空白鍵 選擇 beside our 空白鍵 勾選)
      keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${m.keyNames[key] ?? key} ${m.keys[key === 'space' ? 'tick' : action] ?? action}`).join(' • '),
      // a default answer, or a confirm's "是/否", in the brackets of the rep's language
      defaultAnswer: (text: string) => styleText('dim', m.defaultAnswer(text)),
      // the ticked answers joined as the rep's language joins a list: "、" in Chinese, not ", "
      renderSelectedChoices: <T>(chosen: ReadonlyArray<{ short: string; value: T }>) => chosen.map((c) => c.short).join(m.tickSep),
    },
    keywords: { yes: m.yes, no: m.no, error: () => m.yesOrNo },
  };
}
