/**
 * Text from playbooks, answers, arguments and the database is data: control characters in it must
 * never reach the terminal, where they could move the cursor, retitle the window, hide text, or
 * (bidirectional overrides) show text in an order other than the one it is stored in. This is the
 * one sanitiser; every view applies it where data meets output.
 *
 * - `sanitize`: a single-line field (a name, a label, an error message): newlines, tabs and every
 *   other C0 control become a space or go, with C1 (U+0080-U+009F), DEL and bidi overrides.
 * - `sanitizeBlock`: a paragraph (advice, a recap, a YAML listing): the same, but newlines and tabs stay.
 */
// ESC-led sequences first (so their parameters go too), then any control character left over.
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[PX^_][^\u001b]*\u001b\\|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]|[\u0090\u0098\u009d-\u009f][^\u0007\u001b\u009c]*(?:\u0007|\u009c|\u001b\\)/g;
/** U+202A-U+202E (embeddings, overrides) and U+2066-U+2069 (isolates): "Trojan Source" reordering. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
const BLOCK_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const LINE_BREAK = /\r\n|[\n\r\t\u000b\u000c\u0085\u2028\u2029]/g;
const LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function sanitize(text: string): string {
  return text.replace(ESCAPES, '').replace(BIDI, '').replace(LINE_BREAK, ' ').replace(LINE_CONTROL, '');
}

export function sanitizeBlock(text: string): string {
  return text.replace(ESCAPES, '').replace(BIDI, '').replace(/\r\n?/g, '\n').replace(BLOCK_CONTROL, '');
}

/**
 * Data printed as it is stored (a Mermaid graph, a translation file): a terminal gets it as a block
 * through `sanitizeBlock`, since an escape in a playbook's text would act on it; a file or a pipe gets
 * it exactly, as `accounts --csv` does, since the bytes are the output there.
 *
 * @example io.stdout.write(forTerminal(io.stdout, graph))
 */
export function forTerminal(stream: { isTTY?: boolean }, text: string): string {
  return stream.isTTY ? sanitizeBlock(text) : text;
}

/**
 * Deep copy with every string sanitised as a block: for JSON output, where escapes would survive as
 * \u001b and a consumer may print them; newlines stay (JSON escapes them, and they may be meant).
 */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitizeBlock(value) as T;
  if (Array.isArray(value)) return value.map(sanitizeDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizeDeep(v)])) as T;
  }
  return value;
}

/** A word for a POSIX shell, so a command line printed for copying runs exactly as shown when pasted. */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${sanitize(word).replace(/'/g, `'\\''`)}'`;
}

/** A command line to copy: each argument quoted as needed. */
export function shellCommand(words: string[]): string {
  return words.map(shellQuote).join(' ');
}
