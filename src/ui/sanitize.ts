/**
 * Text from playbooks, answers and the database is data: escape sequences and other control
 * characters in it must never reach the terminal, where they could move the cursor, retitle the
 * window or hide text. Newlines and tabs survive; everything else in C0/C1 and DEL goes.
 */
// ESC-led sequences first (so their parameters go too), then any control character left over.
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function sanitize(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROL, '');
}

/** Deep copy with every string sanitised: for JSON output, where escapes would survive as \u001b. */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitize(value) as T;
  if (Array.isArray(value)) return value.map(sanitizeDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizeDeep(v)])) as T;
  }
  return value;
}
