/**
 * Control characters in a value that names something (an account, a person, a title): refused where
 * the value comes in, with the field and line, rather than stripped on the way out. A name stored as
 * "Zeta\0Corp" shows as "ZetaCorp" and can never be typed again ("account show ZetaCorp" finds
 * nothing); one carrying ESC ] 2 ; … BEL retitles the terminal wherever it is not sanitised.
 */

/** C0 and C1 controls, DEL, the Unicode line and paragraph separators, and bidirectional overrides. */
const LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** The same in a paragraph (a note, a reason): newlines and tabs are text there. */
const BLOCK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** The first control character in `text` as "U+0000", or undefined when there is none. */
export function controlCharIn(text: string, opts: { block?: boolean } = {}): string | undefined {
  const m = (opts.block ? BLOCK : LINE).exec(text);
  return m ? `U+${m[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** The message for a value refused for one: "the account name holds a control character (U+0000)". */
export function controlCharMessage(what: string, code: string): string {
  return `${what} holds a control character (${code}), which cannot be shown or typed back`;
}
