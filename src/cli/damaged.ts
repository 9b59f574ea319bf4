/** The rows a manager's read left out because they cannot be read: one line each, on stderr. */
import type { Damaged } from '../store/types.js';
import { sanitize } from '../ui/sanitize.js';
import type { IO } from './io.js';

export function tellDamaged(io: IO, damaged: readonly Damaged[] | undefined): void {
  for (const d of damaged ?? []) {
    io.stderr.write(`sales-coach: left out ${sanitize(d.rep)}'s ${sanitize(d.what)}: it cannot be read (changed outside sales-coach, or damaged); the rep can export what is readable with sales-coach export --json\n`);
  }
}
