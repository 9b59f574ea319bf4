/** `checklist`: open next steps by due date; `checklist done ID` / `skip ID` close one. */
import { formatDate } from '../ui/messages.js';
import { sanitize, sanitizeDeep } from '../ui/sanitize.js';
import { localToday } from './clock.js';
import { localeOf, makeContext } from './context.js';
import { EXIT, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { openStore } from './store.js';

export async function checklistList(opts: { account?: string; json?: boolean; today?: string }, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  const today = opts.today ?? localToday();
  const store = await openStore(io, g);
  try {
    const items = await store.openChecklist(opts.account);
    if (opts.json) {
      io.stdout.write(`${JSON.stringify(sanitizeDeep(items.map((i) => ({ ...i, overdue: i.due < today }))), null, 2)}\n`);
      return EXIT.ok;
    }
    const c = ctx.out;
    if (items.length === 0) io.stdout.write(locale === 'en' ? 'No open next steps.\n' : '没有待办的下一步。\n');
    for (const i of items) {
      const date = formatDate(i.due, locale);
      const when = i.due < today ? c.red(date) : i.due === today ? c.yellow(date) : date;
      io.stdout.write(`${c.dim(String(i.id).padStart(5))}  ${when}  ${c.bold(sanitize(i.account))}: ${sanitize(i.text)}\n`);
    }
    return EXIT.ok;
  } finally {
    store.close();
  }
}

export async function checklistSet(state: 'done' | 'skipped', id: string, io: IO, g: GlobalOptions): Promise<number> {
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`"${id}" is not a checklist item number`, 'sales-coach checklist shows the numbers');
  const store = await openStore(io, g);
  try {
    const row = await store.setChecklistState(n, state, new Date().toISOString());
    io.stderr.write(`${state === 'done' ? 'done' : 'skipped'}: ${sanitize(row.account)}: ${sanitize(row.text)}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
