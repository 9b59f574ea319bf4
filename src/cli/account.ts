/** `account show / rename / merge / delete`: one account's timeline, and keeping the list tidy. */
import { existsSync } from 'node:fs';
import type { Playbook } from '../playbook/types.js';
import { isTeamStore } from '../store/types.js';
import { sanitize, sanitizeDeep } from '../ui/sanitize.js';
import { widthOf } from '../ui/style.js';
import { accountView, renderAccountMarkdown, renderAccountTerminal } from '../ui/views/account.js';
import { labelerFor } from '../ui/views/labels.js';
import { type Context, localeOf, makeContext } from './context.js';
import { loadPlaybookCached } from './playbook-cache.js';
import { localToday } from './clock.js';
import { EXIT, Interrupted, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { openStore } from './store.js';

async function withStore<T>(io: IO, g: GlobalOptions, work: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(io, g);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export async function accountShow(name: string, opts: { json?: boolean; markdown?: boolean; rep?: string }, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  return withStore(io, g, async (store) => {
    // a manager reads a rep's account on the team database (row-level security decides what is seen)
    if (opts.rep && !isTeamStore(store)) throw new UserError('--rep reads a rep\'s account on a team database, and this is the database on this machine', 'give --db postgres://USER@HOST/DATABASE, or set SALES_COACH_DB');
    const t = opts.rep && isTeamStore(store) ? await store.teamAccount(opts.rep, name) : await store.timeline(name);
    if (!t) throw new UserError(`no account "${name}"${opts.rep ? ` of ${opts.rep} that you can see` : ''}`, opts.rep ? 'sales-coach team review lists your team\'s accounts' : 'sales-coach accounts lists them');
    if (opts.json) {
      io.stdout.write(`${JSON.stringify(sanitizeDeep(t), null, 2)}\n`);
      return EXIT.ok;
    }
    // the labels of the playbook that classified the account, when it can still be found by its id
    // an account only imported so far has no playbook of its own: label it with the default one
    const pb = await playbookOf(ctx, t.account.playbookSource ?? t.account.playbookId ?? 'abcd');
    // the buying map's questions, as the playbook declares them
    const stance = pb?.roles.stance?.question;
    const personalWin = pb?.roles.personalWin;
    const view = accountView(t, labelerFor(pb, locale), locale, { ...(stance ? { stance } : {}), ...(personalWin ? { personalWin } : {}), today: localToday() });
    io.stdout.write(opts.markdown ? renderAccountMarkdown(view) : renderAccountTerminal(view, ctx.out, widthOf(io.stdout)));
    return EXIT.ok;
  });
}

/** The playbook that classified the account, by id or by the file it came from; undefined if gone. */
async function playbookOf(ctx: Context, source: string | undefined): Promise<Playbook | undefined> {
  if (!source) return undefined;
  const file = ctx.registry.find(source)?.file ?? (existsSync(source) ? source : undefined);
  if (!file) return undefined;
  const r = await loadPlaybookCached(ctx.registry, file, ctx.io.env);
  return r.playbook;
}

export async function accountRename(from: string, to: string, io: IO, g: GlobalOptions): Promise<number> {
  if (!to.trim()) throw new UserError('the new name is empty', 'give the account a name with at least one visible character');
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
      const { confirm } = await import('../ui/prompts.js');
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
