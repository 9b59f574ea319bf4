/** `account show / rename / merge / delete`: one account's timeline, and keeping the list tidy. */
import { formatDate } from '../ui/messages.js';
import { sanitize, sanitizeDeep } from '../ui/sanitize.js';
import { localeOf, makeContext } from './context.js';
import { EXIT, Interrupted, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { openStore } from './store.js';

async function withStore<T>(io: IO, g: GlobalOptions, work: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(io, g);
  try {
    return await work(store);
  } finally {
    store.close();
  }
}

export async function accountShow(name: string, opts: { json?: boolean }, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  return withStore(io, g, async (store) => {
    const t = await store.timeline(name);
    if (!t) throw new UserError(`no account "${name}"`, 'sales-coach accounts lists them');
    if (opts.json) {
      io.stdout.write(`${JSON.stringify(sanitizeDeep(t), null, 2)}\n`);
      return EXIT.ok;
    }
    const c = ctx.out;
    const a = t.account;
    io.stdout.write(`${c.bold(sanitize(a.name))}  ${a.class ? c.inverse(` ${a.class} `) : a.classStatus === 'provisional' ? c.yellow('provisional') : ''}${a.signed ? c.green(' ✓ signed') : ''}\n`);
    if (t.contacts.length) {
      io.stdout.write(`\n${c.bold.underline(locale === 'en' ? 'Contacts' : '联系人')}\n`);
      for (const p of t.contacts) io.stdout.write(`  ${sanitize(p.name)}${p.title ? `, ${sanitize(p.title)}` : ''}${p.role ? c.dim(` (${p.role})`) : ''}${p.persona ? c.dim(` · ${p.persona}`) : ''}\n`);
    }
    io.stdout.write(`\n${c.bold.underline(locale === 'en' ? 'Timeline' : '时间线')}\n`);
    const events = [
      ...t.visits.map((v) => ({ date: v.date, text: `${v.mode}: ${v.result.classification.status === 'classified' ? v.result.classification.class : v.result.classification.status}${v.result.flags.length ? ` · ${v.result.flags.length} flag(s)` : ''}` })),
      ...t.classes.map((h) => ({ date: h.date, text: `${h.status === 'signed' ? 'signed' : `class ${h.from ?? '-'} → ${h.to ?? h.status}`}${h.reason && h.status !== 'signed' ? c.dim(` (${h.reason})`) : ''}` })),
    ].sort((x, y) => x.date.localeCompare(y.date));
    for (const e of events) io.stdout.write(`  ${formatDate(e.date, locale)}  ${sanitize(e.text)}\n`);
    io.stdout.write(`\n${c.bold.underline(locale === 'en' ? 'Checklist' : '行动清单')}\n`);
    for (const i of t.checklist) {
      const mark = i.state === 'done' ? c.green('[x]') : i.state === 'skipped' ? c.dim('[-]') : '[ ]';
      io.stdout.write(`  ${mark} ${String(i.id).padStart(4)}  ${formatDate(i.due, locale)}  ${sanitize(i.text)}\n`);
    }
    return EXIT.ok;
  });
}

export async function accountRename(from: string, to: string, io: IO, g: GlobalOptions): Promise<number> {
  if (!to.trim()) throw new UserError('the new name is empty');
  return withStore(io, g, async (store) => {
    await store.renameAccount(from, to);
    io.stderr.write(`renamed "${sanitize(from)}" to "${sanitize(to)}"\n`);
    return EXIT.ok;
  });
}

export async function accountMerge(from: string, into: string, io: IO, g: GlobalOptions): Promise<number> {
  return withStore(io, g, async (store) => {
    await store.mergeAccounts(from, into);
    io.stderr.write(`merged "${sanitize(from)}" into "${sanitize(into)}"\n`);
    return EXIT.ok;
  });
}

export async function accountDelete(name: string, opts: { yes?: boolean }, io: IO, g: GlobalOptions): Promise<number> {
  return withStore(io, g, async (store) => {
    const t = await store.timeline(name);
    if (!t) throw new UserError(`no account "${name}"`, 'sales-coach accounts lists them');
    if (!opts.yes) {
      if (!(io.stdin as { isTTY?: boolean }).isTTY) throw new UserError(`deleting "${name}" needs confirmation`, 'add --yes to delete without asking');
      const { confirm } = await import('@inquirer/prompts');
      let ok: boolean;
      try {
        ok = await confirm(
          { message: `Delete "${sanitize(t.account.name)}" with its ${t.visits.length} visit(s), ${t.contacts.length} contact(s) and ${t.checklist.length} checklist item(s)? This cannot be undone.`, default: false },
          { input: io.stdin, output: io.stderr } as never,
        );
      } catch {
        throw new Interrupted('nothing was deleted');
      }
      if (!ok) {
        io.stderr.write('nothing was deleted\n');
        return EXIT.ok;
      }
    }
    await store.deleteAccount(name);
    io.stderr.write(`deleted "${sanitize(t.account.name)}"\n`);
    return EXIT.ok;
  });
}
