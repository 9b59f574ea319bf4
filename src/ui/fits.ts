/**
 * A line that wrap() (layout.ts) gives back as it is, told without loading layout.ts: its Unicode line
 * breaker takes longer to load than the rest of a session's first question (issue 25). And the
 * screen's width, without chalk (style.ts).
 */

// printable ASCII, and the few marks our screens use (… · → ← – — ✓ ✗ ↷), take one column a character
export const PRINTABLE_ASCII = /^[\x20-\x7e\u2026\u00b7\u2192\u2190\u2013\u2014\u2713\u2717\u21b7]*$/;

/** One line of printable ASCII, no colour, no spaces around it, that fits `width` columns. */
export function fitsAsIs(text: string, width: number): boolean {
  return !text.includes('\n') && !text.includes('\u001b') && PRINTABLE_ASCII.test(text) && text.length <= Math.max(10, width) && text.trim() === text;
}

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** 80 columns unless the terminal says otherwise; never wider than 80, the width the result is written for. */
export function widthOf(stream: OutputStream): number {
  const c = stream.isTTY && stream.columns ? stream.columns : 80;
  return Math.max(40, Math.min(c, 80));
}
