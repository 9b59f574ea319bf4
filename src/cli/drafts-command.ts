/** `drafts`: the unfinished sessions, each with the command that continues it; `drafts discard` drops one. */
import { existsSync } from 'node:fs';
import { sanitizeDeep } from '../ui/sanitize.js';
import { widthOf } from '../ui/style.js';
import { draftViews, renderDraftsTerminal } from '../ui/views/checklist.js';
import { MODES, type Mode } from '../engine/model.js';
import { localeOf, makeContext } from './context.js';
import { DraftStore, draftKey, draftsDirFor } from './drafts.js';
import { EXIT, said, sayDone, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { shellQuote } from '../ui/sanitize.js';
import { dbPath, openStore, storeTarget } from './store.js';

export async function draftsList(opts: { json?: boolean }, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  // opening the database hands over drafts an earlier version kept in it (only a SQLite file had
  // them: with a team database the drafts are on this machine, and listing them needs no server)
  if (storeTarget(io, g).kind === 'sqlite' && existsSync(dbPath(io, g))) await (await openStore(io, g)).close();
  const list = draftViews(new DraftStore(draftsDirFor(dbPath(io, g)), (line) => io.stderr.write(`${line}\n`)).list(), shellQuote);
  io.stdout.write(opts.json ? `${JSON.stringify(sanitizeDeep(list), null, 2)}\n` : renderDraftsTerminal(list, localeOf(ctx, g), ctx.out, widthOf(io.stdout)));
  return EXIT.ok;
}

export async function draftsDiscard(mode: string, opts: { account?: string }, io: IO, g: GlobalOptions): Promise<number> {
  if (!(MODES as readonly string[]).includes(mode)) throw new UserError(said('notASession', { mode, modes: [...MODES] }), `"${mode}" is not a session`, `sales-coach drafts discard ${MODES.join('|')} [--account NAME]`);
  const store = new DraftStore(draftsDirFor(dbPath(io, g)), (line) => io.stderr.write(`${line}\n`));
  const key = draftKey(mode as Mode, opts.account);
  if (!store.list().some((d) => draftKey(d.mode, d.account) === key)) throw new UserError(said('noDraftToDiscard', { mode, ...(opts.account ? { account: opts.account } : {}) }), `no unfinished ${mode}${opts.account ? ` for "${opts.account}"` : ''}`, 'sales-coach drafts lists them');
  store.remove(mode as Mode, opts.account);
  io.stderr.write(`${await sayDone(localeOf(makeContext(io, g), g), said('discardedDraft', { mode, ...(opts.account ? { account: opts.account } : {}) }), `discarded the unfinished ${mode}${opts.account ? ` of "${opts.account}"` : ''}`)}\n`);
  return EXIT.ok;
}
