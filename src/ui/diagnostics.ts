/** Diagnostics printed like a compiler: location, severity, message and code, the source line, a caret, a hint. */
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../core/diagnostic.js';
import { sanitize } from './sanitize.js';
import { stringWidth } from './layout.js';

const WINDOW = 100;

/** The words of a diagnostic's labels, in the session's language (src/ui/notice-messages.ts). */
export interface DiagnosticLabels {
  error: string;
  warning: string;
  hint: string;
  /** Between the severity and the message: ": ", or "：" after a Chinese label. */
  labelSep?: string;
}
const EN_LABELS: DiagnosticLabels = { error: 'error', warning: 'warning', hint: 'hint: ', labelSep: ': ' };

export function formatDiagnostic(d: Diagnostic, sourceText: string | undefined, c: ChalkInstance, labels: DiagnosticLabels = EN_LABELS): string {
  const sev = d.severity === 'error' ? c.red.bold(labels.error) : c.yellow.bold(labels.warning);
  const loc = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
    // "file:line:col: " stays as compilers write it (editors read it); the label's colon is the language's
  const lines = [`${c.bold(sanitize(loc))}: ${sev}${labels.labelSep ?? ': '}${sanitize(d.message)} ${c.dim(`[${d.code}]`)}`];
  if (sourceText !== undefined && d.line > 0) {
    const raw = sourceLine(sourceText, d.line);
    if (raw !== undefined) {
      // Show at most WINDOW characters around the column, so a 2 MB line prints as one short line.
      const col0 = Math.max(0, d.col - 1);
      const start = Math.max(0, col0 - 40);
      let shown = raw.slice(start, start + WINDOW).replace(/\t/g, ' ');
      shown = sanitize(shown);
      const prefix = start > 0 ? '…' : '';
      const suffix = start + WINDOW < raw.length ? '…' : '';
      const gutter = String(d.line);
      const pad = ' '.repeat(gutter.length);
      const before = prefix + sanitize(raw.slice(start, col0).replace(/\t/g, ' '));
      const spanLen = d.endCol && d.endCol > d.col ? Math.min(d.endCol - d.col, 60) : 1;
      const span = sanitize(raw.slice(col0, col0 + spanLen));
      const caret = `^${'~'.repeat(Math.max(0, stringWidth(span) - 1))}`;
      lines.push(`${c.dim(` ${gutter} |`)} ${prefix}${shown}${suffix}`);
      lines.push(`${c.dim(` ${pad} |`)} ${' '.repeat(stringWidth(before))}${c.red(caret)}`);
    }
  }
  if (d.hint) lines.push(`${c.cyan(`  ${labels.hint.trimEnd()}`)}${labels.hint.endsWith(' ') ? ' ' : ''}${sanitize(d.hint)}`);
  return lines.join('\n');
}

function sourceLine(text: string, line: number): string | undefined {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) return undefined;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
}
