/**
 * Counting diagnostics for a summary line. Apart from the printing of diagnostics (./diagnostics.ts),
 * which loads the width tables: a clean `playbook validate` prints only counts, and need not load them.
 */
import type { Diagnostic } from '../core/diagnostic.js';

export function summarize(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
