/**
 * A user's mistake is a value, not an exception: every loader returns a list of these, and the CLI
 * prints them like a compiler (or as JSON for editors and CI).
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  /** 1-based; 0 when the problem is about the whole file. */
  line: number;
  /** 1-based; 0 when the problem is about the whole file. */
  col: number;
  /** Optional end of the offending span on the same line, for the caret underline. */
  endCol?: number;
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  hint?: string;
  /** The playbook check that found it (src/playbook/rules), for editors and `--format json`. */
  rule?: string;
}

/** Stable codes: editors and CI match on them, so never rename one. Each has a golden test. */
export const DIAGNOSTIC_CODES = [
  'file-not-found',
  'file-too-large',
  'binary-file',
  'not-utf8',
  'yaml-syntax',
  'tab-indentation',
  'duplicate-key',
  'multiple-documents',
  'alias-limit',
  'unsupported-tag',
  'empty-file',
  'not-a-mapping',
  'too-deep',
  'unknown-key',
  'missing-field',
  'wrong-type',
  'invalid-value',
  'duplicate-id',
  'unknown-reference',
  'impossible-value',
  'bad-condition',
  'forward-reference',
  'unreachable-question',
  'unclassified-answers',
  'overlapping-rules',
  'missing-options',
  'bad-placeholder',
  'missing-locale',
  'unused-question',
  'control-character',
  'include-error',
  'extends-error',
  'missing-answer',
  'not-asked-in-mode',
  'invalid-answer',
  'precedence-cycle',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export function hasErrors(diagnostics: readonly Diagnostic[], strict = false): boolean {
  return diagnostics.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code),
  );
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment):
 * "iknd" is one slip from "kind", as a trainer typing fast makes it. Names here are short ids.
 */
function distance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/**
 * "did you mean" only when one candidate is clearly the closest (strictly nearer than the runner-up
 * and within a third of the word's length); otherwise the caller lists the choices.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const scored = candidates
    .map((c) => ({ c, d: distance(lower, c.toLowerCase()) }))
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  if (scored.length === 0) return undefined;
  const [best, second] = scored;
  const limit = Math.max(1, Math.ceil(word.length / 3));
  if (best.d > limit) return undefined;
  if (second && second.d === best.d) return undefined;
  return best.c;
}

/** The hint for an unknown name: "did you mean X?" or the sorted list of choices. */
export function suggest(word: string, candidates: readonly string[], what = 'one of'): string {
  const best = closest(word, candidates);
  if (best) return `did you mean "${best}"?`;
  const sorted = [...new Set(candidates)].sort();
  if (sorted.length === 0) return 'there is nothing to refer to yet';
  const shown = sorted.slice(0, 20).map((c) => `"${c}"`).join(', ');
  return `expected ${what} ${shown}${sorted.length > 20 ? `, … (${sorted.length - 20} more)` : ''}`;
}
