/** Layout by display width, so CJK text (two columns per character) wraps and aligns too. */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** Wraps by display width, so CJK text (two columns per character) fits too. */
export function wrap(text: string, width: number, indent = ''): string {
  const w = Math.max(10, width - stringWidth(indent));
  return wrapAnsi(text, w, { hard: true, trim: true })
    .split('\n')
    .map((line) => indent + line)
    .join('\n');
}

/** Wraps with a hanging indent: the first line starts with `first`, the rest align under it. */
export function hanging(first: string, text: string, width: number): string {
  const pad = ' '.repeat(stringWidth(first));
  const wrapped = wrap(text, width, pad);
  return first + wrapped.slice(pad.length);
}

export { stringWidth };
