/**
 * CSV as CRMs and spreadsheets write it (RFC 4180, plus the habits of Excel): read incrementally, so a
 * million-row export never sits in memory, and every record knows the line and column each of its
 * cells starts on, for errors a user can find in their editor. Pure: text in, records out.
 */

export type Delimiter = ',' | ';' | '\t';

export interface CsvCell {
  value: string;
  /** 1-based line and column (in characters) where the cell starts. */
  line: number;
  col: number;
}

export interface CsvRecord {
  line: number;
  cells: CsvCell[];
}

export interface CsvProblem {
  line: number;
  col: number;
  code: 'unclosed-quote' | 'text-after-quote' | 'field-too-long' | 'too-many-fields';
  message: string;
}

/** No contact field is this long; a longer one is a broken file. */
export const MAX_CELL = 64 * 1024;
/** No CRM export has this many columns; a row with more is not a table (and must not fill memory). */
export const MAX_FIELDS = 4096;

export const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/**
 * The delimiter of a file, from its first line (the header): the one of comma, semicolon and tab that
 * occurs most often outside quotes; a comma when none does. Excel's `sep=;` first line is obeyed.
 */
export function sniffDelimiter(firstLine: string): { delimiter: Delimiter; sepLine: boolean } {
  const text = firstLine.replace(/^\uFEFF/, '');
  const sep = /^sep=(.)\s*$/i.exec(text);
  if (sep && (sep[1] === ',' || sep[1] === ';' || sep[1] === '\t')) return { delimiter: sep[1], sepLine: true };
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return { delimiter: best, sepLine: false };
}

/**
 * An incremental parser: `push` text as it is decoded, get back the records it completes; `end` at the
 * end of the file. Problems are collected (the parser carries on from the next line), never thrown.
 */
export class CsvParser {
  private cells: CsvCell[] = [];
  private cell = '';
  private quoted = false;
  private afterQuote = false;
  private atCellStart = true;
  private line = 1;
  private col = 1;
  private cellLine = 1;
  private cellCol = 1;
  private recordLine = 1;
  private pendingCR = false;
  private skipBadRecord = false;
  private tooLong = false;
  private started = false;
  readonly problems: CsvProblem[] = [];

  private readonly delimCode: number;

  constructor(private readonly delimiter: Delimiter) {
    this.delimCode = delimiter.charCodeAt(0);
  }

  /** The line being read, for errors found outside the parser (text that is not UTF-8). */
  get currentLine(): number {
    return this.line;
  }

  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < text.length; i++) {
      const ch = text[i];
      if (this.pendingCR) {
        this.pendingCR = false;
        if (ch === '\n') continue;
      }
      if (this.quoted) {
        if (ch === '"') {
          this.quoted = false;
          this.afterQuote = true;
          this.col++;
        } else if (ch === '\r' || ch === '\n') {
          // a line break inside quotes is part of the value (CRLF kept as one break)
          this.append('\n', 0, 1);
          this.line++;
          this.col = 1;
          this.pendingCR = ch === '\r';
        } else {
          let j = i + 1;
          while (j < text.length) {
            const c = text.charCodeAt(j);
            if (c === 34 || c === 10 || c === 13) break;
            j++;
          }
          this.append(text, i, j);
          this.col += j - i;
          i = j - 1;
        }
        continue;
      }
      if (this.afterQuote && ch === '"') {
        // "" inside a quoted field is one quote
        this.cell += '"';
        this.quoted = true;
        this.afterQuote = false;
        this.col++;
        continue;
      }
      if (ch === this.delimiter) {
        this.endCell();
        this.col++;
        this.startCell();
      } else if (ch === '\n' || ch === '\r') {
        this.endCell();
        const rec = this.endRecord();
        if (rec) out.push(rec);
        this.line++;
        this.col = 1;
        if (ch === '\r') this.pendingCR = true;
        this.recordLine = this.line;
        this.startCell();
      } else if (ch === '"' && this.atCellStart) {
        this.quoted = true;
        this.atCellStart = false;
        this.col++;
      } else {
        if (this.afterQuote && !this.skipBadRecord && ch !== ' ') {
          this.problems.push({ line: this.line, col: this.col, code: 'text-after-quote', message: `expected "${this.delimiter === '\t' ? '\\t' : this.delimiter}" or the end of the line after a closing quote, found "${ch}"` });
          this.skipBadRecord = true;
        }
        this.atCellStart = false;
        if (this.afterQuote) {
          this.col++;
          continue;
        }
        // the run of plain characters up to the next delimiter, quote or line break, in one slice
        let j = i + 1;
        while (j < text.length) {
          const c = text.charCodeAt(j);
          if (c === this.delimCode || c === 10 || c === 13) break;
          j++;
        }
        this.append(text, i, j);
        this.col += j - i;
        i = j - 1;
      }
    }
    return out;
  }

  end(): CsvRecord[] {
    if (this.quoted) {
      this.problems.push({ line: this.cellLine, col: this.cellCol, code: 'unclosed-quote', message: 'a quoted field is never closed (expected a closing ")' });
      return [];
    }
    if (this.cell !== '' || this.cells.length || !this.atCellStart || this.afterQuote) {
      this.endCell();
      const rec = this.endRecord();
      return rec ? [rec] : [];
    }
    return [];
  }

  /** A field stops growing at MAX_CELL: a quote never closed must not pull a whole file into memory. */
  private append(text: string, from: number, to: number): void {
    if (this.cell.length + (to - from) > MAX_CELL) {
      if (!this.tooLong) this.problems.push({ line: this.cellLine, col: this.cellCol, code: 'field-too-long', message: `expected a field of at most ${MAX_CELL / 1024}K characters; this one goes on (a quote never closed?)` });
      this.tooLong = true;
      this.skipBadRecord = true;
      return;
    }
    this.cell += text.slice(from, to);
  }

  private startCell(): void {
    this.tooLong = false;
    this.cell = '';
    this.atCellStart = true;
    this.afterQuote = false;
    this.cellLine = this.line;
    this.cellCol = this.col;
  }

  private endCell(): void {
    if (this.cells.length >= MAX_FIELDS) {
      if (!this.skipBadRecord) this.problems.push({ line: this.cellLine, col: this.cellCol, code: 'too-many-fields', message: `expected at most ${MAX_FIELDS} fields in a row` });
      this.skipBadRecord = true;
      return;
    }
    this.cells.push({ value: this.cell, line: this.cellLine, col: this.cellCol });
  }

  private endRecord(): CsvRecord | undefined {
    const cells = this.cells;
    this.cells = [];
    const bad = this.skipBadRecord;
    this.skipBadRecord = false;
    // blank lines are not records
    if (bad || (cells.length === 1 && cells[0].value === '')) return undefined;
    return { line: this.recordLine, cells };
  }
}
