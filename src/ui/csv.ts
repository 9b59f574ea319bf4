/**
 * CSV cells (RFC 4180) that are safe to open in a spreadsheet and still round-trip through
 * `import --csv`. A cell starting with = + - @ (or a tab or carriage return) would run as a formula
 * in Excel, LibreOffice or Google Sheets, so it gets a leading apostrophe, which spreadsheets
 * show as text and `import` removes again. Numbers and phone numbers (`+86 138 0013 8000`,
 * `-12.5`, `(021) 555-0100`) and a lone `-` cannot call anything, and are written exactly as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Digits with the punctuation of numbers and phone numbers only: no names, no calls, no references. */
const NUMBER_LIKE = /^[+-]?[\d\s().,/-]*\d[\d\s().,/-]*$|^[+-]$/;

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) && !NUMBER_LIKE.test(value) ? `'${value}` : value;
}

/** What `guardFormula` added, taken off again on import: an apostrophe before a formula character. */
export function unguardFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) && !NUMBER_LIKE.test(value.slice(1)) ? value.slice(1) : value;
}

export function csvCell(v: unknown): string {
  const s = guardFormula(v === undefined || v === null ? '' : String(v));
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
