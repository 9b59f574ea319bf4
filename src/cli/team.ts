/**
 * The team database's commands: `team init | add | list | review`, a manager's `account validate |
 * challenge`, and `store push`. Each parses its options, asks the team store, and renders; access is
 * the database's own business (row-level security), so a refusal comes from PostgreSQL itself.
 */
import { isTeamStore, StoreError, type TeamStore } from '../store/types.js';
import { mustManage, noRepAccount, teamOf, unknownAccount } from './account-names.js';
import { csvLine } from '../ui/csv.js';
import { NOTICE_MESSAGES, type NoticeMessages } from '../ui/notice-messages.js';
import { sanitize, sanitizeDeep, shellQuote } from '../ui/sanitize.js';
import { widthOf } from '../ui/style.js';
import { sinceDate } from './accounts.js';
import { addDays } from '../engine/dates.js';
import { localToday, now } from './clock.js';
import { tellDamaged } from './damaged.js';
import { localeOf, makeContext } from './context.js';
import { EXIT, said, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { localDbPath, openStore, openTeamAt, storeTarget, teamTargetOf } from './store.js';

/** The team store the user named; a clear error when they named a file instead. */
async function openTeam(io: IO, g: GlobalOptions, what: string): Promise<TeamStore> {
  const target = storeTarget(io, g);
  if (target.kind !== 'postgres') {
    throw new UserError(said('teamCommandNeedsTeamDb', { what, path: target.path }), `${what} works on a team database, and this is the database on this machine (${target.path})`, 'give --db postgres://USER@HOST/DATABASE, or set SALES_COACH_DB or store: in the config');
  }
  const store = await openStore(io, g);
  if (isTeamStore(store)) return store;
  await store.close();
  throw new UserError(said('teamCommandNeedsTeamDb', { what }), `${what} works on a team database`, 'give --db postgres://USER@HOST/DATABASE, or set SALES_COACH_DB or store: in the config');
}

async function withTeam<T>(io: IO, g: GlobalOptions, what: string, work: (s: TeamStore) => Promise<T>): Promise<T> {
  const store = await openTeam(io, g, what);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The team commands' confirmations, in the session's language (--lang, SALES_COACH_LANG, the config's lang:, the environment's). */
function noticesFor(io: IO, g: GlobalOptions): NoticeMessages {
  return NOTICE_MESSAGES[localeOf(makeContext(io, g), g)];
}

export async function teamInit(io: IO, g: GlobalOptions): Promise<number> {
  // opening the store applies the schema (in one transaction, under an advisory lock)
  return withTeam(io, g, 'team init', async (s) => {
    const me = await s.currentUser();
    io.stdout.write(`${noticesFor(io, g).teamReady(sanitize(s.where), sanitize(me))}\n`);
    return EXIT.ok;
  });
}

export async function teamAdd(name: string, opts: { manager?: string; passwordFile?: string }, io: IO, g: GlobalOptions): Promise<number> {
  let password: string | undefined;
  if (opts.passwordFile) {
    const { readFileBounded } = await import('./files.js');
    try {
      password = readFileBounded(opts.passwordFile, 4096, 'the password file').toString('utf8').replace(/\r?\n$/, '');
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(said('passwordFileUnreadable', { file: opts.passwordFile, newRep: true }), `cannot read the password file ${opts.passwordFile}`, 'give the path of a file that holds the new rep\'s password');
    }
    if (!password) throw new UserError(said('passwordFileEmpty', { file: opts.passwordFile }), `the password file ${opts.passwordFile} is empty`);
  }
  if (opts.manager !== undefined && !opts.manager.trim()) throw new UserError(said('managerEmpty', {}), '--manager is empty', 'give the manager\'s role, or leave --manager out');
  return withTeam(io, g, 'team add', async (s) => {
    const r = await s.addMember(name, { ...(opts.manager ? { manager: opts.manager } : {}), ...(password !== undefined ? { password } : {}), at: now() });
    io.stdout.write(`${noticesFor(io, g).memberSaved(r.created, sanitize(name), opts.manager ? sanitize(opts.manager) : undefined, password !== undefined)}\n`);
    return EXIT.ok;
  });
}

export async function teamRemove(name: string, io: IO, g: GlobalOptions): Promise<number> {
  return withTeam(io, g, 'team remove', async (s) => {
    const r = await s.removeMember(name);
    io.stdout.write(`${noticesFor(io, g).memberRemoved(sanitize(name), r.accounts)}\n`);
    if (r.accounts) io.stdout.write(`${noticesFor(io, g).reassignHint(sanitize(name))}\n`);
    return EXIT.ok;
  });
}

export async function teamReassign(from: string, to: string, io: IO, g: GlobalOptions): Promise<number> {
  return withTeam(io, g, 'team reassign', async (s) => {
    const r = await s.reassign(from, to);
    io.stdout.write(`${noticesFor(io, g).reassigned(r.accounts, sanitize(from), sanitize(to))}\n`);
    return EXIT.ok;
  });
}

export async function teamList(opts: { json?: boolean }, io: IO, g: GlobalOptions): Promise<number> {
  return withTeam(io, g, 'team list', async (s) => {
    const members = await s.members();
    if (opts.json) io.stdout.write(`${JSON.stringify(sanitizeDeep(members), null, 2)}\n`);
    else if (!members.length) io.stdout.write(`${noticesFor(io, g).noMembers}\n`);
    else for (const m of members) io.stdout.write(`${noticesFor(io, g).memberLine(sanitize(m.rep), m.manager ? sanitize(m.manager) : undefined, m.accounts)}\n`);
    return EXIT.ok;
  });
}

export interface TeamReviewOptions {
  since?: string;
  rep?: string[];
  limit?: string;
  all?: boolean;
  json?: boolean;
  csv?: boolean;
  today?: string;
  /** Days without a visit after which an account in play is untouched (else the config's, else 14). */
  untouched?: string;
}

export async function teamReview(opts: TeamReviewOptions, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  const today = opts.today ?? localToday();
  const since = sinceDate(opts.since ?? '7d', today);
  const limit = Number(opts.limit ?? '5');
  const untouchedDays = opts.untouched !== undefined ? Number(opts.untouched) : (ctx.config.untouchedDays ?? 14);
  if (opts.untouched !== undefined && (!/^\d{1,4}$/.test(opts.untouched) || untouchedDays < 1)) throw new UserError(said('untouchedNotDays', { value: opts.untouched }), `--untouched ${opts.untouched} is not a number of days from 1 to 3650`);
  return withTeam(io, g, 'team review', async (s) => {
    const tree = await s.teamTree();
    const managed = tree.map((t) => t.rep);
    for (const r of opts.rep ?? []) if (!managed.includes(r)) throw new UserError(said('notYourRep', { rep: r, team: managed }), `${r} is not a rep of your team`, managed.length ? `your team: ${managed.join(', ')}` : 'the team admin adds reps with: sales-coach team add REP --manager YOU');
    // a manager under the reader named with --rep: their team (and their own accounts, if they sell)
    const reps = opts.rep?.length ? [...new Set(opts.rep.flatMap((r) => teamOf(tree, r)))] : managed;
    const all = opts.all || opts.json || opts.csv;
    // the JSON and the CSV are everything: every account, needing attention or not; --all too, so that
    // the accounts the header counts a flag on are listed (only one person on record needs no attention)
    const everyAccount = Boolean(all);
    const untouchedSince = addDays(today, -untouchedDays);
    const data = await s.teamReview(reps, today, since, all ? undefined : limit, { everyAccount, untouchedSince });
    // the untouched accounts by name (the screen names the first, the CSV and JSON mark each), and the
    // last visit on or before today of the accounts whose last session is a prep dated ahead
    data.untouched = await s.untouchedAccounts(reps, today, untouchedSince, all ? undefined : limit);
    if (everyAccount) data.visitedBy = await s.visitedBy(reps, today);
    // beside the review, each in a small query of its own: the visits a rep prepared and has not
    // debriefed (as far back as their own morning screen recalls them), and which noted accounts have
    // signed since (a question on their class is history)
    const { UNDEBRIEFED_DAYS } = await import('../ui/views/today.js');
    data.undebriefed = reps.length ? await s.undebriefedVisits(reps, addDays(today, -UNDEBRIEFED_DAYS), today) : [];
    const noted = [...new Set(data.events.filter((e) => e.event.event.kind === 'class-challenged').map((e) => e.event.account))];
    data.signed = reps.length ? await s.signedAccounts(reps, noted, today) : [];
    const reader = await s.currentUser();
    // a rep with no one to manage: team review is their manager's screen, not an empty team of theirs
    const own = tree.length ? undefined : (await s.members()).find((m) => m.rep === reader && m.manager !== undefined);
    const { teamReviewView, renderTeamTerminal, teamJson, TEAM_CSV_HEADER, teamCsvRows } = await import('../ui/views/team.js');
    const view = teamReviewView(data, { reps, locale, today, since, everyAccount, listFlagged: Boolean(opts.all && !opts.json && !opts.csv), untouchedDays, reader, managerOf: Object.fromEntries(tree.map((t) => [t.rep, t.manager])), ...(all ? {} : { limit }), ...(own ? { readerIsRep: { ...(own.manager ? { manager: own.manager } : {}) } } : {}) });
    if (opts.json) io.stdout.write(`${JSON.stringify(sanitizeDeep(teamJson(view)), null, 2)}\n`);
    else if (opts.csv) {
      const shown = (io.stdout as { isTTY?: boolean }).isTTY ? (cells: unknown[]) => cells.map((x) => (typeof x === 'string' ? sanitize(x) : x)) : (cells: unknown[]) => cells;
      io.stdout.write([csvLine(TEAM_CSV_HEADER), ...teamCsvRows(view).map((r) => csvLine(shown(r)))].join(''));
    } else io.stdout.write(renderTeamTerminal(view, ctx.out, widthOf(io.stdout)));
    tellDamaged(io, data.damaged, noticesFor(io, g));
    return EXIT.ok;
  });
}

export async function accountReview(kind: 'class-validated' | 'class-challenged', name: string, opts: { rep?: string; note?: string; today?: string }, io: IO, g: GlobalOptions): Promise<number> {
  const verb = kind === 'class-validated' ? 'validate' : 'challenge';
  if (!opts.rep) throw new UserError(said('reviewNeedsRep', { verb }), `account ${verb} needs --rep: whose account is it?`, 'sales-coach team review lists your team\'s accounts by rep');
  if (!opts.note?.trim()) throw new UserError(said('reviewNeedsNote', { verb, challenge: kind === 'class-challenged' }), `account ${verb} needs --note "...": what the rep should read`, kind === 'class-challenged' ? 'e.g. --note "Why is this an A? Then why was it not signed today?"' : 'e.g. --note "Agreed: the first KP confirmed the budget"');
  const today = opts.today ?? localToday();
  return withTeam(io, g, `account ${verb}`, async (s) => {
    const rep = opts.rep as string;
    const r = await s.reviewClass(rep, name, kind, (opts.note as string).trim(), now(), today).catch(async (err: unknown) => {
      // the rep or the account the manager most likely meant
      if (err instanceof StoreError && err.said.key === 'notYourRep') await mustManage(s, rep);
      throw err instanceof StoreError && err.said.key === 'repHasNoAccount' ? await noRepAccount(s, rep, name) : err;
    });
    io.stdout.write(`${noticesFor(io, g).classReviewed(kind === 'class-validated', r.class ? sanitize(r.class) : undefined, sanitize(r.name), sanitize(rep), r.closed)}\n`);
    return EXIT.ok;
  });
}

/** A rep answers the question their manager left open on one of their accounts. */
export async function accountReply(name: string, opts: { note?: string; today?: string }, io: IO, g: GlobalOptions): Promise<number> {
  if (!opts.note?.trim()) throw new UserError(said('replyNeedsNote', {}), 'account reply needs --note "...": your answer to the question', 'e.g. --note "The first KP signs on Friday: the board approved the budget"');
  const today = opts.today ?? localToday();
  return withTeam(io, g, 'account reply', async (s) => {
    // a misspelt name: the account most likely meant, as every account command says it
    const r = await s.replyToNote(name, (opts.note as string).trim(), now(), today).catch(async (err: unknown) => {
      throw err instanceof StoreError && err.said.key === 'noAccount' ? await unknownAccount(s, name) : err;
    });
    io.stdout.write(`${noticesFor(io, g).noteReplied(sanitize(r.name), sanitize(r.asked))}\n`);
    return EXIT.ok;
  });
}

/** A manager closes the open questions on a rep's account. */
export async function accountResolve(name: string, opts: { rep?: string; note?: string; today?: string }, io: IO, g: GlobalOptions): Promise<number> {
  if (!opts.rep) throw new UserError(said('reviewNeedsRep', { verb: 'resolve' }), 'account resolve needs --rep: whose account is it?', `sales-coach team review lists your team's accounts by rep; a question on your own account is your manager's to close: answer it with sales-coach account reply ${shellQuote(name)} --note "…"`);
  const today = opts.today ?? localToday();
  return withTeam(io, g, 'account resolve', async (s) => {
    const rep = opts.rep as string;
    // a rep naming themself: not "not a rep of your team", but whose question it is to close and how to answer it
    if (rep === (await s.currentUser())) throw new UserError(said('resolveOwnAccount', { account: shellQuote(name) }), `${name} is your own account: its questions are your manager's to close, not a rep's`, `answer it with: sales-coach account reply ${shellQuote(name)} --note "…"`);
    const r = await s.resolveNotes(rep, name, opts.note?.trim() || undefined, now(), today).catch(async (err: unknown) => {
      if (err instanceof StoreError && err.said.key === 'notYourRep') await mustManage(s, rep);
      throw err instanceof StoreError && err.said.key === 'repHasNoAccount' ? await noRepAccount(s, rep, name) : err;
    });
    io.stdout.write(`${noticesFor(io, g).notesResolved(r.closed, sanitize(r.name), sanitize(rep), r.answered)}\n`);
    return EXIT.ok;
  });
}

export async function storePush(opts: { to?: string; json?: boolean }, io: IO, g: GlobalOptions): Promise<number> {
  if (!opts.to) throw new UserError(said('pushNeedsTo', {}), 'store push needs --to postgres://USER@HOST/DATABASE', "the team database to push this machine's accounts into");
  const target = teamTargetOf(io, g, opts.to);
  // what is pushed is the SQLite file on this machine, whatever store the config names
  const local = localDbPath(io, g);
  const { existsSync } = await import('node:fs');
  if (!existsSync(local)) throw new UserError(said('noLocalDb', { path: local }), `there is no database on this machine at ${local}: nothing to push`, 'give its path with --db FILE');
  const { openSqliteStore } = await import('../store/sqlite.js');
  const source = openSqliteStore(local);
  try {
    const history = await source.rawHistory();
    // a row this machine cannot read is not copied where the manager would read it: refused by name
    const { damagedRows } = await import('../store/shape.js');
    const damaged = damagedRows(history);
    if (damaged.length) {
      for (const what of damaged) io.stderr.write(`sales-coach: ${noticesFor(io, g).rowUnreadable(sanitize(what))}\n`);
      throw new UserError(
        said('damagedRows', { count: damaged.length, path: local }),
        `${damaged.length === 1 ? '1 row' : `${damaged.length} rows`} of ${local} cannot be read (changed outside sales-coach, or damaged): nothing was pushed`,
        'export what is readable with sales-coach export --json, then delete or repair the account named above (sales-coach account delete NAME), and push again',
      );
    }
    const team = await openTeamAt(io, g, target);
    try {
      const c = await team.receive(history);
      if (opts.json) io.stdout.write(`${JSON.stringify(c, null, 2)}\n`);
      else {
        const moved = c.accounts + c.accountsUpdated + c.contacts + c.visits + c.steps + c.stepsUpdated + c.events;
        const m = noticesFor(io, g);
        io.stdout.write(`${moved === 0 ? m.nothingToPush(sanitize(team.where), sanitize(local)) : m.pushed(sanitize(team.where), c)}\n`);
        if (c.steps) io.stdout.write(`${m.pushedSteps}\n`);
      }
      return EXIT.ok;
    } finally {
      await team.close();
    }
  } finally {
    await source.close();
  }
}
