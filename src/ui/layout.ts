/** Layout by display width, so CJK text (two columns per character) wraps and aligns too. */
import { createRequire } from 'node:module';
import { fitsAsIs, PRINTABLE_ASCII } from './fits.js';

/**
 * The Unicode line breaker (linebreak) and string-width, required the first time a text is not
 * printable ASCII: linebreak decodes its table of line-break classes when loaded (25 ms of a 100k
 * review's 0.3 s at load 2), and a review or a result in English never needs it. The build bundles
 * both into one CommonJS file (scripts/build.mjs, as js-yaml's reader); from the sources they are
 * the packages (Node >= 20.19 requires ES modules).
 */
declare const __UNICODE_TEXT__: string | undefined;
type UnicodeText = { LineBreaker: typeof import('linebreak').LineBreaker; stringWidth: typeof import('string-width').default };
const requireLazy = createRequire(import.meta.url);
let unicode: UnicodeText | undefined;
function unicodeText(): UnicodeText {
  unicode ??=
    typeof __UNICODE_TEXT__ === 'string'
      ? (requireLazy(__UNICODE_TEXT__) as UnicodeText)
      : { LineBreaker: (requireLazy('linebreak') as typeof import('linebreak')).LineBreaker, stringWidth: (requireLazy('string-width') as typeof import('string-width')).default };
  return unicode;
}

// colour codes (SGR) take no columns; printable ASCII, and the few marks our screens use (… · → ←
// – — ✓ ✗ ↷), take one column a character
const SGR = /\u001b\[[0-9;]*m/g;

/**
 * The display width. Printable ASCII (with or without colour) is measured by its length: string-width
 * runs an emoji pattern over every call, which made a review of a hundred lines take 0.2 s.
 */
export function stringWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  return PRINTABLE_ASCII.test(plain) ? plain.length : unicodeText().stringWidth(text);
}

/** Greedy word wrap of printable ASCII (colour codes take no columns), without the cost of the line breaking algorithm. */
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
  if (indent === '' && fitsAsIs(text, width)) return text;
  const w = Math.max(10, width - stringWidth(indent));
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  if (!text.includes('\n') && PRINTABLE_ASCII.test(plain)) {
    // most lines are ASCII and fit as they are, or wrap at spaces
    const trimmed = text.trim();
    const lines = plain.length <= w && trimmed === text ? [text] : wrapAscii(trimmed, w);
    return lines.map((line) => indent + line).join('\n');
  }
  return text
    .trim()
    .split('\n')
    .flatMap((para) => wrapParagraph(para, w))
    .map((line) => indent + line)
    .join('\n');
}

const HAN = /\p{Script=Han}/u;
const ALNUM = /[0-9A-Za-z]/;
// a short term in capitals or digits right after a Han character stays with it: 第一KP, 第2
const SHORT_TERM = /^[A-Z0-9]{1,3}(?![A-Za-z0-9])/;
// quotation marks UAX #14 (the linebreak package's Unicode) keeps glued on both sides; Unicode 15.1's
// LB19a lets Chinese text break before an opening one and after a closing one, as Chinese is typeset
const OPENING_QUOTE = /[“‘]/;
const CLOSING_QUOTE = /[”’]/;
/** Marks no line may start with (closing brackets, quotes and the stops), nor end with (the opening ones). */
const NO_LINE_START = /^[）」』】》〉〕］｝”’，。、：；！？．,.:;!?)\]}…·]/u;
const NO_LINE_END = /[（「『【《〈〔［｛“‘([{]$/u;
// a name or a term of two or three Latin words inside Chinese text (Ms Chen, Top Sales, Hengda Logistics Ltd)
const LATIN_RUN = /(?<![\w.'’&-] ?)[A-Za-z0-9][\w.'’&-]*(?: [A-Za-z0-9][\w.'’&-]*){1,2}(?![\w.'’&-]* ?[A-Za-z0-9])/g;
/** The widest such name kept on one line; a longer run of words (a sentence in English) wraps at its spaces. */
const KEEP_LATIN = 20;
// a Chinese name (or a short term) inside English text: two to four Han characters between a space, a
// Latin letter or a bracket and the same or an English mark ("serves 王丽's personal win", "with 李总.")
// ("IT主管" stays whole too)
const HAN_NAME = /(?<=^|[\s'’"“([-])[A-Za-z0-9]*\p{Script=Han}{2,4}(?=$|[\s\w'’"”)\].,;:!?-])/gu;
// a date as the program writes it in Chinese, its weekday with it: 2026年12月3日周四, 12月3日（週四）. UAX #14
// breaks after 年 and 月, and the rule above keeps only a digit with the character after it: a reader sees
// "2026年" at the end of one line and "12月3日" at the start of the next as two dates
// an address or a path (postgres://USER@HOST/DB, $XDG_DATA_HOME/sales-coach/coach.db) is one word: UAX #14
// breaks it after each / and before @ (one wider than the line is still cut by width)
const URL_RUN = /[\x21-\x7e]*\/[\x21-\x7e]*/g;
const HAN_DATE = /(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[（(]?(?:周|週|星期)[一二三四五六日天][）)]?)?/gu;
// the full-width marks of Chinese text: （）「」、。，：
const CJK_MARK = /[\u3000-\u303f\uff01-\uff60]/u;
/** A Han character or a full-width mark just before or after the run (a space between allowed): the run is inside Chinese text. */
function besideHan(plain: string, from: number, to: number): boolean {
  const before = plain[from - 1] === ' ' ? plain[from - 2] : plain[from - 1];
  const after = plain[to] === ' ' ? plain[to + 1] : plain[to];
  // Chinese punctuation is Chinese text too: 顶尖销售（Top Sales）那样
  const chinese = (c: string | undefined) => c !== undefined && (HAN.test(c) || CJK_MARK.test(c));
  return chinese(before) || chinese(after);
}

/**
 * Where a line may start (string offsets of the plain text, 0 and the end left out): the Unicode line
 * breaking algorithm (UAX #14, the linebreak package) — so no line starts with ， 、 。 ： ） or ”, nor
 * ends with （ or “ — less the breaks it allows that Chinese typesetting does not: between a number and
 * the character after it (2027年, 12月, 10天), inside a date (2026年12月3日周四), inside a short run of
 * Latin words in Chinese text, and inside a Chinese name in English text.
 */
function breakOpportunities(plain: string): Set<number> {
  const at = new Set<number>();
  const breaker = new (unicodeText().LineBreaker)(plain);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const p = bk.position;
    // a number or a letter and the character after it are one word: 2027年, 10天, A类
    if (p > 0 && p < plain.length && !(ALNUM.test(plain[p - 1]) && HAN.test(plain[p]))) at.add(p);
  }
  if (HAN.test(plain)) {
    for (let p = 1; p < plain.length; p++) {
      if (OPENING_QUOTE.test(plain[p]) && HAN.test(plain[p - 1])) at.add(p);
      if (CLOSING_QUOTE.test(plain[p - 1]) && (HAN.test(plain[p]) || /[（「『“]/.test(plain[p]))) at.add(p);
      if (HAN.test(plain[p - 1]) && SHORT_TERM.test(plain.slice(p, p + 4))) at.delete(p);
    }
    // UAX #14 breaks between any two ideographs: "王" at the end of a line, "丽" at the start of the next
    for (const m of plain.matchAll(HAN_NAME)) for (let p = (m.index ?? 0) + 1; p < (m.index ?? 0) + m[0].length; p++) at.delete(p);
    for (const m of plain.matchAll(URL_RUN)) for (let p = (m.index ?? 0) + 1; p < (m.index ?? 0) + m[0].length; p++) at.delete(p);
    for (const m of plain.matchAll(HAN_DATE)) for (let p = (m.index ?? 0) + 1; p < (m.index ?? 0) + m[0].length; p++) at.delete(p);
    for (const m of plain.matchAll(LATIN_RUN)) {
      // kept whole only inside Chinese text: in English with a Chinese name, "about the budget" wraps as English
      if (stringWidth(m[0]) > KEEP_LATIN || !besideHan(plain, m.index ?? 0, (m.index ?? 0) + m[0].length)) continue;
      for (let p = (m.index ?? 0) + 1; p < (m.index ?? 0) + m[0].length; p++) at.delete(p);
    }
  }
  return at;
}

/** One paragraph (no newline) into lines of at most w columns, cut only where a line may start. */
function wrapParagraph(text: string, w: number): string[] {
  // the plain text (colour codes left out), and where each of its characters is in the text
  const plainAt: number[] = [];
  let plain = '';
  for (let i = 0; i < text.length; ) {
    const sgr = text[i] === '\u001b' ? /^\u001b\[[0-9;]*m/.exec(text.slice(i)) : null;
    if (sgr) {
      i += sgr[0].length;
      continue;
    }
    plainAt.push(i);
    plain += text[i];
    i++;
  }
  plainAt.push(text.length);
  const cuts = [...breakOpportunities(plain)].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of [...cuts, plain.length]) {
    pieces.push(text.slice(from === 0 ? 0 : plainAt[from], p === plain.length ? text.length : plainAt[p]));
    from = p;
  }
  const lines: string[] = [];
  let line = '';
  let used = 0; // the width of the line, its trailing spaces included
  for (const piece of pieces) {
    const bare = piece.trimEnd();
    const width = charsWidth(bare);
    const trailing = piece.length - bare.length;
    if (line !== '' && used + width <= w) {
      line += piece;
      used += width + trailing;
      continue;
    }
    if (line !== '') lines.push(line.trimEnd());
    line = piece;
    used = width + trailing;
    // a piece wider than the line (a URL, an id, a long run of Latin words) is cut by width
    while (used - trailing > w) {
      const [head, rest] = cutByWidth(line, w);
      lines.push(head);
      line = rest;
      used = charsWidth(rest.trimEnd()) + trailing;
    }
  }
  lines.push(line.trimEnd());
  return lines;
}

// two columns: CJK ideographs, CJK punctuation and kana, Hangul syllables, full-width forms
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]/;
const NARROW = /[\x20-\x7e\u2026\u00b7\u2013\u2014\u2018\u2019\u201c\u201d]/;

/**
 * The width of a piece (a word, or a Chinese character and its punctuation): counted a character at a
 * time when each is plainly one or two columns wide, else string-width, which costs some microseconds a
 * call (a screen of Chinese has thousands of pieces).
 */
function charsWidth(piece: string): number {
  let width = 0;
  for (const ch of piece) {
    if (WIDE.test(ch)) width += 2;
    else if (NARROW.test(ch)) width += 1;
    else return stringWidth(piece);
  }
  return width;
}

/** The longest head of `text` at most w columns wide (colour codes take none), and the rest. */
function cutByWidth(text: string, w: number): [string, string] {
  let used = 0;
  let i = 0;
  while (i < text.length) {
    const sgr = text[i] === '\u001b' ? /^\u001b\[[0-9;]*m/.exec(text.slice(i)) : null;
    if (sgr) {
      i += sgr[0].length;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i) as number);
    const cw = charsWidth(ch);
    if (used + cw > w && used > 0) break;
    used += cw;
    i += ch.length;
  }
  // a cut by width is still a line break: no line starts with ） ， 。 nor ends with （ “. The cut moves
  // back while the line keeps some text; a run of closing marks too long for that hangs past the width
  // (Chinese typesetting's hanging punctuation). Coloured text is cut as measured.
  if (i < text.length && !text.includes('\u001b')) {
    const bad = (at: number) => NO_LINE_START.test(text.slice(at)) || NO_LINE_END.test(text.slice(0, at)) || /[\ud800-\udbff]$/.test(text.slice(0, at));
    let cut = i;
    while (cut > 1 && bad(cut)) cut--;
    if (!bad(cut)) i = cut;
    else while (i < text.length && NO_LINE_START.test(text.slice(i))) i++;
  }
  return [text.slice(0, i), text.slice(i)];
}

/** Wraps with a hanging indent: the first line starts with `first`, the rest align under it. */
export function hanging(first: string, text: string, width: number): string {
  const pad = ' '.repeat(stringWidth(first));
  const wrapped = wrap(text, width, pad);
  return first + wrapped.slice(pad.length);
}
