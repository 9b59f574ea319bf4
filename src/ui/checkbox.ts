/**
 * A multiple-choice question with "back" and "why this question" as keys, not as boxes to tick.
 * Inquirer's checkbox can only offer them as choices: they were drawn as "◯ ? Why this question" and
 * "◯ ↩ Back" among the options, ticked by "a" (all), and a rep could submit them with real answers.
 * Here `<` goes back and `?` asks why (the ticks are kept and offered again), as in a typed question,
 * and every word on the screen (the key hints, "choose at least one") is the rep's language.
 */
import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme, type Theme, useKeypress, usePagination, usePrefix, useState } from '@inquirer/core';

export interface TickChoice {
  name: string;
  value: string;
  checked?: boolean;
  description?: string;
}

export interface TickConfig {
  message: string;
  choices: TickChoice[];
  /** At least one box must be ticked; `requiredError` is said otherwise. */
  required?: boolean;
  requiredError: string;
  /** `<` goes back (not offered on the first question). */
  canGoBack: boolean;
  /** `?` shows why the question is asked. */
  canAskWhy: boolean;
  /** The keys' hints, already in the rep's language: [key, what it does]. */
  keys: [string, string][];
  /** Joins the ticked options' names in the answered line ("、" in Chinese). */
  listSep: string;
  pageSize?: number;
  theme?: { style?: { keysHelpTip?: (keys: [string, string][]) => string } };
}

/** What the prompt returns: the ticked values, or back, or help with the ticks to offer again. */
export type TickResult = { ticked: string[] } | { back: true } | { help: true; keep: string[] };

const ICON = { checked: '◉', unchecked: '◯', cursor: '❯' };

export const tickPrompt = createPrompt<TickResult, TickConfig>((config, done) => {
  const theme = makeTheme(config.theme as Partial<Theme>);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const [items, setItems] = useState(config.choices.map((c) => ({ ...c, checked: c.checked === true })));
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  const [answer, setAnswer] = useState('');

  useKeypress((key) => {
    if (status !== 'idle') return;
    const typed = (key as { sequence?: string }).sequence;
    const ticked = items.filter((i) => i.checked);
    if (isEnterKey(key)) {
      if (config.required && ticked.length === 0) return setError(config.requiredError);
      setAnswer(ticked.map((i) => i.name).join(config.listSep));
      setStatus('done');
      done({ ticked: ticked.map((i) => i.value) });
    } else if (typed === '<' && config.canGoBack) {
      setStatus('done');
      done({ back: true });
    } else if (typed === '?' && config.canAskWhy) {
      setStatus('done');
      done({ help: true, keep: ticked.map((i) => i.value) });
    } else if (isUpKey(key) || isDownKey(key)) {
      setError(undefined);
      const next = active + (isUpKey(key) ? -1 : 1);
      if (next >= 0 && next < items.length) setActive(next);
    } else if (isSpaceKey(key)) {
      setError(undefined);
      setItems(items.map((item, i) => (i === active ? { ...item, checked: !item.checked } : item)));
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return [prefix, message, theme.style.answer(answer)].filter(Boolean).join(' ');
  let description: string | undefined;
  const page = usePagination({
    items,
    active,
    pageSize: config.pageSize ?? 12,
    loop: false,
    renderItem({ item, isActive }) {
      if (isActive) description = item.description;
      const line = `${isActive ? ICON.cursor : ' '}${item.checked ? ICON.checked : ICON.unchecked} ${item.name}`;
      return isActive ? theme.style.highlight(line) : line;
    },
  });
  const help = config.theme?.style?.keysHelpTip?.(config.keys) ?? config.keys.map(([k, a]) => `${k} ${a}`).join(' • ');
  return [[prefix, message].filter(Boolean).join(' '), page, ' ', description ?? '', error ? theme.style.error(error) : '', help].filter(Boolean).join('\n').trimEnd();
});
