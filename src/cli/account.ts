/** `account show / rename / merge / delete`: one account's timeline, and keeping the list tidy. */
import { existsSync } from 'node:fs';
import type { Playbook } from '../playbook/types.js';
import { isTeamStore } from '../store/types.js';
import { formatDate, UI } from '../ui/messages.js';
import { sanitize, sanitizeDeep } from '../ui/sanitize.js';
import { widthOf } from '../ui/style.js';
import { accountView, renderAccountMarkdown, renderAccountTerminal } from '../ui/views/account.js';
import { labelerFor } from '../ui/views/labels.js';
import { type Context, localeOf, makeContext } from './context.js';
import { loadPlaybookCached } from './playbook-cache.js';
import { localToday, now } from './clock.js';
import { EXIT, Interrupted, said, sayDone, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { openStore } from './store.js';
import { mustManage, noRepAccount, unknownAccount } from './account-names.js';

async function withStore<T>(io: IO, g: GlobalOptions, work: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(io, g);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export async function accountShow(name: string, opts: { json?: boolean; markdown?: boolean; rep?: string; today?: string }, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  return withStore(io, g, async (store) => {
    // a manager reads a rep's account on the team database (row-level security decides what is seen)
    if (opts.rep) await mustManage(store, opts.rep);
    const t = opts.rep && isTeamStore(store) ? await store.teamAccount(opts.rep, name) : await store.timeline(name);
    if (!t && opts.rep && isTeamStore(store)) throw await noRepAccount(store, opts.rep, name);
    if (!t) throw await unknownAccount(store, name);
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
    const view = accountView(t, labelerFor(pb, locale, t.account.value?.currency ? { currency: t.account.value.currency } : {}), locale, { ...(stance ? { stance } : {}), ...(personalWin ? { personalWin } : {}), today: opts.today ?? localToday(), ...(opts.rep ? { about: opts.rep } : {}) });
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
  if (!to.trim()) throw new UserError(said('newNameEmpty', {}), 'the new name is empty', 'give the account a name with at least one visible character');
  return withStore(io, g, async (store) => {
    if (!(await store.getAccount(from))) throw await unknownAccount(store, from);
    await store.renameAccount(from, to);
    io.stderr.write(`${await sayDone(localeOf(makeContext(io, g), g), said('renamed', { from: sanitize(from), to: sanitize(to) }), `renamed "${sanitize(from)}" to "${sanitize(to)}"`)}\n`);
    return EXIT.ok;
  });
}

export async function accountMerge(from: string, into: string, io: IO, g: GlobalOptions): Promise<number> {
  return withStore(io, g, async (store) => {
    for (const name of [from, into]) if (!(await store.getAccount(name))) throw await unknownAccount(store, name);
    await store.mergeAccounts(from, into);
    io.stderr.write(`${await sayDone(localeOf(makeContext(io, g), g), said('merged', { from: sanitize(from), into: sanitize(into) }), `merged "${sanitize(from)}" into "${sanitize(into)}"`)}\n`);
    return EXIT.ok;
  });
}

export async function accountDelete(name: string, opts: { yes?: boolean }, io: IO, g: GlobalOptions): Promise<number> {
  return withStore(io, g, async (store) => {
    const t = await store.timeline(name);
    if (!t) throw await unknownAccount(store, name);
    if (!opts.yes) {
      if (!(io.stdin as { isTTY?: boolean }).isTTY) throw new UserError(said('deleteNeedsConfirm', { name }), `deleting "${name}" needs confirmation`, 'add --yes to delete without asking');
      const { confirm } = await import('../ui/prompts.js');
      const locale = localeOf(makeContext(io, g), g);
      const counts = { visits: t.visits.length, contacts: t.contacts.length, steps: t.checklist.length };
      const english = `Delete "${sanitize(t.account.name)}" with its ${counts.visits} visit(s), ${counts.contacts} contact(s) and ${counts.steps} checklist item(s)? This cannot be undone.`;
      const message = await sayDone(locale, said('confirmDelete', { name: sanitize(t.account.name), ...counts }), english);
      let ok: boolean;
      try {
        ok = await confirm(
          { message, default: false },
          { input: io.stdin, output: io.stderr } as never,
        );
      } catch {
        throw new Interrupted(await sayDone(locale, said('nothingDeleted', {}), 'nothing was deleted'));
      }
      if (!ok) {
        io.stderr.write(`${await sayDone(localeOf(makeContext(io, g), g), said('nothingDeleted', {}), 'nothing was deleted')}\n`);
        return EXIT.ok;
      }
    }
    await store.deleteAccount(name);
    io.stderr.write(`${await sayDone(localeOf(makeContext(io, g), g), said('deleted', { name: sanitize(t.account.name) }), `deleted "${sanitize(t.account.name)}"`)}\n`);
    return EXIT.ok;
  });
}

/**
 * `account set NAME [--person P] fact=value…`: one fact changed between visits without a session.
 * Each value is checked as an answers file's would be (with "did you mean"); the change is an event
 * in the account's timeline, dated, and the next session starts from it. The class is not moved.
 */
export async function accountSet(name: string, assignments: string[], opts: { person?: string; date?: string; json?: boolean; dryRun?: boolean }, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const date = opts.date ?? localToday();
  if (assignments.length === 0) throw new UserError(said('nothingToSet', {}), 'nothing to set', 'write each change as question=value, e.g. trust_level=believed');
  return withStore(io, g, async (store) => {
    const row = await store.getAccount(name);
    const state = row ? await store.accountState(name) : undefined;
    if (!row || !state) throw await unknownAccount(store, name);
    const pb = await playbookOf(ctx, row.playbookSource ?? row.playbookId ?? 'abcd');
    if (!pb) throw new UserError(said('accountPlaybookGone', { playbook: String(row.playbookSource ?? row.playbookId), account: name }), `the playbook "${row.playbookSource ?? row.playbookId}" that classified "${name}" cannot be loaded`, 'sales-coach playbook list shows the playbooks you have');
    const { carryScope, editFacts, findPerson } = await import('../engine/account.js');
    const { coerceAnswer } = await import('../engine/answers.js');
    const { suggest } = await import('../core/diagnostic.js');
    const person = opts.person !== undefined ? findPerson(state, opts.person) : undefined;
    if (opts.person !== undefined && !person) {
      const hint = state.people.length ? suggest(opts.person, state.people.map((p) => p.name), 'one of') : undefined;
      throw new UserError(said('noPerson', { person: opts.person, account: name, ...(hint !== undefined ? { suggestion: hint } : {}) }), `no person "${opts.person}" at "${name}"`, hint ?? 'the account has no people on record yet: a session names them');
    }
    // a person's facts with --person, the account's without; a visit's own answers are not kept
    const scope = person ? 'person' : 'account';
    const settable = pb.questions.filter((q) => carryScope(q) === scope);
    const facts: Record<string, import('../engine/answers.js').AnswerValue> = {};
    for (const a of assignments) {
      const at = a.indexOf('=');
      if (at <= 0) throw new UserError(said('notAChange', { text: a }), `"${a}" is not a change`, 'write it as question=value, e.g. trust_level=believed');
      const given = a.slice(0, at).trim();
      const raw = a.slice(at + 1);
      // a fact as the screens name it ("stance", "role", "trust") is the one fact whose id it begins or ends
      const named = settable.filter((x) => x.id.endsWith(`_${given}`) || x.id.startsWith(`${given}_`));
      // the deal's value and signing day by their roles' names, whatever the playbook calls the questions
      const byRole = scope === 'account' ? new Map([['amount', pb.roles.amount], ['value', pb.roles.amount], ['close', pb.roles.closeDate], ['closeDate', pb.roles.closeDate]]).get(given) : undefined;
      const id = settable.some((x) => x.id === given) ? given : byRole ?? (named.length === 1 ? named[0].id : given);
      const q = settable.find((x) => x.id === id);
      if (!q) {
        const other = pb.questions.find((x) => x.id === id);
        const why = !other ? `no question "${id}" in the playbook ${pb.id}` : carryScope(other) === undefined ? `"${id}" is an answer of one visit, not a fact the account keeps` : `"${id}" is a fact of ${carryScope(other) === 'person' ? 'a person: add --person NAME' : 'the account: leave out --person'}`;
        const hint = other ? undefined : suggest(id, settable.map((x) => x.id), scope === 'person' ? "one of a person's facts" : "one of the account's facts");
        const key = !other ? said('noSuchFact', { id, playbook: pb.id, suggestion: hint ?? '', person: scope === 'person' }) : carryScope(other) === undefined ? said('answerNotFact', { id }) : said('factOfOther', { id, person: carryScope(other) === 'person' });
        throw new UserError(key, why, hint);
      }
      // a date's bounds count from the day of the change, as a session's count from its visit
      const c = coerceAnswer(q, raw, pb.personas.map((p) => p.id), date);
      if (!c.ok) {
        // said as an answers file says it, in the session's language ("不能是…", "你是不是想写…")
        const { localizeSuggestion, NOTICE_MESSAGES } = await import('../ui/notice-messages.js');
        const m = NOTICE_MESSAGES[localeOf(ctx, g)];
        const values = q.options?.map((o) => o.value) ?? (q.kind === 'persona' ? pb.personas.map((p) => p.id) : []);
        // named as the rep typed it ("stance"), not by the playbook's internal id ("contact_stance")
        throw UserError.worded(m.cannotBe(given, JSON.stringify(raw)), values.length ? localizeSuggestion(suggest(raw, values, 'one of'), m) : m.expected(UI[localeOf(ctx, g)].expectation(c.expectation)));
      }
      facts[id] = c.value;
    }
    const revision = await store.accountRevision(name);
    const { currencyOf } = await import('./config.js');
    const edit = editFacts(pb, state, { ...(person ? { person: person.name } : {}), facts }, date, currencyOf(ctx.config, localeOf(ctx, g)));
    if (opts.json) io.stdout.write(`${JSON.stringify(sanitizeDeep({ account: row.name, events: edit.events }), null, 2)}\n`);
    const locale = localeOf(ctx, g);
    if (edit.events.length === 0) {
      if (!opts.json) io.stderr.write(`${UI[locale].factsUnchanged}\n`);
      return EXIT.ok;
    }
    if (!opts.dryRun) await store.saveEdit({ account: row.name, state: edit.state, events: edit.events, at: now(), ...(revision !== undefined ? { basedOn: revision } : {}) });
    if (!opts.json) {
      const t = await store.timeline(row.name);
      // the change in the timeline's own words: the view of the account with only these events
      const view = t ? accountView({ ...t, visits: [], events: edit.events.map((event, i) => ({ id: -1 - i, account: row.name, at: date, event })) }, labelerFor(pb, locale, edit.state.value?.currency ? { currency: edit.state.value.currency } : {}), locale, { today: date }) : undefined;
      for (const line of view?.timeline ?? []) io.stderr.write(`${formatDate(line.date, locale)}  ${sanitize(line.text)}\n`);
      io.stderr.write(`${opts.dryRun ? UI[locale].dryRun : UI[locale].saved(sanitize(row.name))}\n`);
    }
    return EXIT.ok;
  });
}
