/** Layout by display width, so CJK text (two columns per character) wraps and aligns too. */
import stringWidthOf from 'string-width';
import wrapAnsi from 'wrap-ansi';

// colour codes (SGR) take no columns; printable ASCII, and the few marks our screens use (… · → ←
// – — ✓ ✗ ↷), take one column a character
const SGR = /\u001b\[[0-9;]*m/g;
const PRINTABLE_ASCII = /^[\x20-\x7e\u2026\u00b7\u2192\u2190\u2013\u2014\u2713\u2717\u21b7]*$/;

/**
 * The display width. Printable ASCII (with or without colour) is measured by its length: string-width
 * runs an emoji pattern over every call, which made a review of a hundred lines take 0.2 s.
 */
export function stringWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  return PRINTABLE_ASCII.test(plain) ? plain.length : stringWidthOf(text);
}

/** Greedy word wrap of printable ASCII (colour codes take no columns): what wrap-ansi does, without its cost. */
function wrapAscii(text: string, w: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  // each word keeps the spaces before it while it stays on the line ("A 1   B 2" keeps its columns)
  for (const [, gap, word] of text.matchAll(/( *)([^ ]+)/g)) {
    let rest = word;
    let len = stringWidth(rest);
    if (used > 0 && used + gap.length + len <= w) {
      line += gap + rest;
      used += gap.length + len;
      continue;
    }
    if (used > 0) lines.push(line);
    // a word longer than the line is cut (a URL, an id): never wider than the terminal
    while (len > w && !rest.includes('\u001b')) {
      lines.push(rest.slice(0, w));
      rest = rest.slice(w);
      len = rest.length;
    }
    line = rest;
    used = len;
  }
  lines.push(line);
  return lines;
}

/** Wraps by display width, so CJK text (two columns per character) fits too. */
export function wrap(text: string, width: number, indent = ''): string {
  const w = Math.max(10, width - stringWidth(indent));
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  if (!text.includes('\n') && PRINTABLE_ASCII.test(plain)) {
    // most lines are ASCII and fit as they are, or wrap at spaces
    const trimmed = text.trim();
    const lines = plain.length <= w && trimmed === text ? [text] : wrapAscii(trimmed, w);
    return lines.map((line) => indent + line).join('\n');
  }
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
