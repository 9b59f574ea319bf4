/** The rows a manager's read left out because they cannot be read: one line each, on stderr. */
import type { Damaged } from '../store/types.js';
import type { NoticeMessages } from '../ui/notice-messages.js';
import { sanitize } from '../ui/sanitize.js';
import type { IO } from './io.js';

export function tellDamaged(io: IO, damaged: readonly Damaged[] | undefined, m: NoticeMessages): void {
  for (const d of damaged ?? []) io.stderr.write(`sales-coach: ${m.rowLeftOut(sanitize(d.rep), sanitize(d.what))}\n`);
}
