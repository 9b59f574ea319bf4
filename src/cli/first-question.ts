/**
 * The first question of a session on a named account, at hand (issue 25). What it needs is the
 * account's state as the store last gave it and the playbook that asks it: the state is kept in a
 * small file in the cache folder ("at hand"), valid while the database's files are unchanged, and the
 * playbook comes from the playbook cache. With both, the first question goes on screen before the
 * store is opened and the session's machinery loaded; those load while the rep answers, and the
 * session then checks the account against what the first question was chosen from
 * (session.ts, `checkEarly`).
 *
 * Without the file, or where it could be wrong (a config file, a user playbook folder, a database
 * named by --db or SALES_COACH_DB, a draft to offer, --persona), nothing is asked here: the session
 * loads first, as before.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { sha256Hex } from '../core/hash.js';
import { isLapsed, stepText } from '../core/steps.js';
import type { Answers } from '../engine/answers.js';
import type { AccountState, StepDecision } from '../engine/account.js';
import { missedMeeting, speaksForPresent } from '../engine/present.js';
import { addDays, agreedMeeting } from '../engine/dates.js';
import type { Locale, Mode, Playbook } from '../engine/model.js';
import { nameKey } from '../engine/names.js';
import { isTeamStore, type Store } from '../store/types.js';
import { fitsAsIs, widthOf } from '../ui/fits.js';
import { formatDate, UI } from '../ui/messages.js';
import { sanitize } from '../ui/sanitize.js';
import { localToday, now } from './clock.js';
import { noticesBefore } from './notices-before.js';
import type { Config } from './config.js';
import type { Context } from './context.js';
import type { Draft } from './drafts.js';
import { draftFileIn, draftKey, draftsDirFor } from './draft-files.js';
import { Interrupted, UserError } from './errors.js';
import { describeFsError } from './files.js';
import type { GlobalOptions, IO } from './io.js';
import { dataDir } from './paths.js';
import type { PlaybookRegistry } from './registry.js';
import { VERSION } from './version.js';

// -- the file at hand -------------------------------------------------------------------------------

/** Bumped when what the file holds changes. */
const FORMAT = 2;
/** The accounts whose state is kept: the ones the rep had sessions on last. */
const MAX_RECENT = 12;
/** Over this many accounts the names are not kept: a new account's first question then waits for the store. */
const MAX_NAMES = 5000;

interface AtHand {
  format: number;
  version: string;
  db: string;
  /** The database's files when the rest was read: any write since makes the file stale. */
  stamp: (string | null)[];
  /** Every account's name key, to know a new account without the store; absent when there are too many. */
  names?: string[];
  /**
   * nextMeeting: the question of the account's playbook that names the meeting agreed (roles.nextMeeting;
   * null: none), so that a prep's day is known without reading the playbook before its first question.
   */
  accounts: Record<string, { state: AccountState; playbook?: string; nextMeeting?: string | null }>;
  /** Name keys, the latest session's first. */
  recent: string[];
}

/** What the file says of one account: new, or its state and the playbook that classified it. */
export type AtHandAccount = { state?: AccountState; playbook?: string; nextMeeting?: string | null };

function atHandFile(env: IO['env'], db: string): string {
  const key = sha256Hex(db).slice(0, 24);
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'sales-coach', 'at-hand', `${key}.json`);
}

/**
 * The database's files as they are now. An empty WAL counts as none: opening the store for reading
 * creates one, and closing it removes it, without changing what the database holds.
 */
export function dbStamp(db: string): (string | null)[] {
  return [db, `${db}-wal`].map((file) => {
    try {
      const st = statSync(file);
      return file.endsWith('-wal') && st.size === 0 ? null : `${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch {
      return null;
    }
  });
}

function readAtHandFile(env: IO['env'], db: string): AtHand | undefined {
  try {
    const f = JSON.parse(readFileSync(atHandFile(env, db), 'utf8')) as AtHand;
    return f.format === FORMAT && f.version === VERSION && f.db === db ? f : undefined;
  } catch {
    return undefined;
  }
}

/** The account as the file says it is, when the file is current; undefined when it cannot say. */
export function readAtHand(env: IO['env'], db: string, account: string): AtHandAccount | undefined {
  const f = readAtHandFile(env, db);
  if (!f || JSON.stringify(f.stamp) !== JSON.stringify(dbStamp(db))) return undefined;
  const key = nameKey(account);
  const known = Object.hasOwn(f.accounts, key) ? f.accounts[key] : undefined;
  if (known) return known;
  return f.names && !f.names.includes(key) ? {} : undefined;
}

/**
 * Reads what the next session's first question needs from the open store: every account's name, and
 * the state of the accounts the rep had sessions on last (this one first). Undefined for the team
 * database, whose accounts others change: its first question always waits for it.
 */
export async function collectAtHand(store: Store, env: IO['env'], db: string, account: string, meetingQ?: { playbook: string; nextMeeting: string | null }): Promise<Omit<AtHand, 'stamp'> | undefined> {
  if (isTeamStore(store)) return undefined;
  const names = await store.accountKeys(MAX_NAMES + 1);
  const recent = [...new Set([nameKey(account), ...(readAtHandFile(env, db)?.recent ?? [])])].slice(0, MAX_RECENT);
  const accounts: AtHand['accounts'] = {};
  for (const key of recent) {
    const state = await store.accountState(key);
    if (!state) continue;
    const playbook = (await store.getAccount(key))?.playbookSource;
    // (of the session's playbook only: another account's may name its meeting otherwise)
    const meeting = meetingQ !== undefined && (playbook ?? 'abcd') === meetingQ.playbook ? { nextMeeting: meetingQ.nextMeeting } : {};
    accounts[key] = { state, ...(playbook ? { playbook } : {}), ...meeting };
  }
  return { format: FORMAT, version: VERSION, db, ...(names.length <= MAX_NAMES ? { names } : {}), accounts, recent: recent.filter((k) => Object.hasOwn(accounts, k)) };
}

/** Writes what collectAtHand read, stamped with the database's files as they are now. Best effort. */
export function writeAtHand(env: IO['env'], data: Omit<AtHand, 'stamp'>): void {
  const file = atHandFile(env, data.db);
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ ...data, stamp: dbStamp(data.db) } satisfies AtHand), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    // a read-only cache folder only costs speed: the first question then waits for the store
  }
}

// -- what the session says and asks first (shared with session.ts: the same words either way) -------

/**
 * The steps still open on the account, confirmed in one go: the ones ticked are done, the rest stay
 * open. `onShown` runs once the question is on screen.
 */
export async function askOpenSteps(io: IO, locale: Locale, state: AccountState, onShown?: () => void): Promise<Record<number, StepDecision>> {
  const { checkbox, promptTheme } = await import('../ui/prompts.js');
  const output = (io.stdout as { isTTY?: boolean }).isTTY ? io.stdout : io.stderr;
  const m = UI[locale];
  const steps = state.openSteps.filter((st) => st.id !== undefined);
  const intro = m.openStepsIntro(steps.length, sanitize(state.name));
  const width = widthOf(output);
  // the line breaker loads only for a line that needs it
  output.write(`${fitsAsIs(intro, width) ? intro : (await import('../ui/layout.js')).wrap(intro, width)}\n`);
  try {
    const asked = checkbox(
      {
        message: m.stepsDoneQuestion,
        // in the session's language, as today and checklist say them, not the one the step was made in
        choices: steps.map((st) => ({ name: `${formatDate(st.due, locale)}  ${sanitize(stepText(st, locale))}`, value: st.id as number })),
        theme: promptTheme(locale),
      },
      { input: io.stdin, output } as never,
    );
    onShown?.();
    const done = (await asked) as number[];
    return Object.fromEntries(steps.map((st) => [st.id as number, done.includes(st.id as number) ? 'done' : 'keep']));
  } catch (err) {
    if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) throw new Interrupted();
    throw err;
  }
}

/** Fills {account.name} and {answers.x} in a question's text. */
export function lookupFor(answers: Answers, account?: string) {
  return (name: string): string | undefined => {
    if (name === 'account.name') return account;
    if (name.startsWith('answers.')) {
      const v = answers[name.slice(8)];
      return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
    }
    return undefined;
  };
}

// -- the first question, before the store --------------------------------------------------------------

/** The first question's answer, handed to the session, and what the question was chosen from. */
export interface EarlyStart {
  answers: Answers;
  order: string[];
  stepDecisions: Record<number, StepDecision>;
  /** The steps still open were asked already (the account's first question). */
  stepsAsked: boolean;
  /**
   * The session checks the store against this before it goes on (session.ts, checkEarly); `hash`, the
   * playbook's, when the question came from it.
   */
  basis: { state?: AccountState; playbook: string; hash?: string; date: string };
  /** The draft could not be written (a full disk): said once already. */
  draftsOff: boolean;
  /**
   * Set by the session once the store and the playbook are loaded and the interview goes on: from
   * then on it says itself what is kept when something fails (session-start.ts says it before).
   */
  loaded?: boolean;
}

interface EarlyOptions {
  account?: string;
  persona?: string;
  playbook?: string;
  date?: string;
  json?: boolean;
  review?: boolean;
}

/**
 * Asks the session's first question when everything it needs is at hand, and returns its answer;
 * undefined, having asked nothing, when anything it needs is not (the session then loads first).
 * While the rep answers, the session's modules load; the store is opened after the answer.
 */
export async function askFirstQuestion(mode: Mode, opts: EarlyOptions, io: IO, g: GlobalOptions, locale: Locale): Promise<EarlyStart | undefined> {
  const { env } = io;
  const account = opts.account;
  // where the first question could be other than the one the file knows of, the session loads first
  if (account === undefined || !account.trim() || opts.persona !== undefined || g.db || env.SALES_COACH_DB) return undefined;
  const db = join(dataDir(env), 'coach.db');
  const known = existsSync(db) ? readAtHand(env, db, account) : undefined;
  if (!known) return undefined;
  // a draft of this session is offered first (session.ts): that takes the store
  if (existsSync(draftFileIn(draftsDirFor(db), draftKey(mode, account)))) return undefined;
  const playbookRef = opts.playbook ?? known.playbook ?? 'abcd';
  const { state } = known;
  let pb: Playbook | undefined;
  let registry: PlaybookRegistry | undefined;
  /** The account's playbook, loaded once; false when it cannot be (the session then loads first). */
  const loadPlaybook = async (): Promise<boolean> => {
    if (pb) return true;
    // (loaded here: the steps' question, asked without a playbook, does not wait for these modules)
    const [{ PlaybookRegistry }, { loadPlaybookCached }] = await Promise.all([import('./registry.js'), import('./playbook-cache.js')]);
    registry = new PlaybookRegistry(undefined);
    const byId = registry.find(playbookRef)?.file;
    const path = resolve(io.cwd, playbookRef);
    const file = byId ?? (existsSync(path) && statSync(path).isFile() ? path : undefined);
    if (!file) return false;
    const loaded = await loadPlaybookCached(registry, file, env);
    if (!loaded.playbook || loaded.diagnostics.some((d) => d.severity === 'error')) return false;
    pb = loaded.playbook;
    return true;
  };
  // a prep is for the meeting the last visit agreed, else for tomorrow (as session.ts): which answer
  // is that meeting is the playbook's to say, so an account with answers on record loads it first
  let date = opts.date ?? (mode === 'prep' ? addDays(localToday(), 1) : localToday());
  if (mode === 'prep' && opts.date === undefined && state?.lastAnswers !== undefined) {
    // the question that names it is kept with the account (of its own playbook, not one given by
    // --playbook): the 178 KB playbook was read before "Which are done?" only to find its id
    const kept = opts.playbook === undefined && known.nextMeeting !== undefined;
    if (!kept && !(await loadPlaybook())) return undefined;
    date = agreedMeeting(kept ? (known.nextMeeting ?? undefined) : pb?.roles.nextMeeting, state.lastAnswers, localToday()) ?? date;
  }
  const backfilled = state !== undefined && !speaksForPresent(state, mode, date);
  // the steps still open come first on an account that has some: that question needs no playbook
  // the steps that prepared a visit made before this day are not asked about (the session closes
  // them); the debrief of the visit itself asks about its prep's steps
  const live = (state?.openSteps ?? []).filter((st) => !isLapsed(st, date));
  const stepsFirst = state !== undefined && live.length > 0 && !backfilled;
  const windowMaybeOver = state?.classDeadline !== undefined && state.classDeadline < date && !backfilled && !opts.json && mode !== 'plan';
  // the prompts' modules load while the playbook is read
  const promptsLoading = stepsFirst ? import('../ui/prompts.js') : Promise.all([import('../ui/interview.js'), import('./ask.js')]);
  promptsLoading.catch(() => undefined);
  // the playbooks are looked for only when this question needs one: the steps' question does not (the
  // session, loading after it, says so should the account's playbook be gone)
  // a meeting agreed and passed with no debrief is said first (window-over.ts)
  if (state && !backfilled && !opts.json && mode === 'prep' && missedMeeting(state, date) !== undefined) {
    const missed = (await import('./window-over.js')).meetingMissedBefore(state, date, locale, mode);
    if (missed) io.stderr.write(`${missed}\n`);
  }
  if (!stepsFirst || windowMaybeOver) {
    if (!(await loadPlaybook()) || !pb) return undefined;
    // an account's interview starts with the person met; a playbook that names none: the session decides
    if (state && !stepsFirst && !(pb as Playbook).roles.person) return undefined;
  }
  // (the classes' labels load only for an account whose window is over)
  if (state && pb && windowMaybeOver) {
    const over = (await import('./window-over.js')).windowOver(pb, state, date, locale);
    if (over) io.stderr.write(`${over}\n`);
  }
  if (!backfilled && !opts.json && mode !== 'plan') for (const line of noticesBefore(state, date, locale, mode)) io.stderr.write(`${line}\n`);

  // the draft of this first answer: written as the session writes it, the journal's module loaded
  // while the question is on screen
  let drafts: typeof import('./drafts.js') | undefined;
  let draftsLoading: Promise<typeof import('./drafts.js')> | undefined;
  const loadDrafts = () =>
    (draftsLoading ??= import('./drafts.js').then((m) => {
      drafts = m;
      return m;
    }));
  let draftsOff = false;
  const stepDecisions: Record<number, StepDecision> = {};
  const draftOf = (answers: Answers, order: string[]): Draft => ({ version: 1, mode, account, playbook: playbookRef, date, lang: locale, answers, order, savedAt: now(), ...(Object.keys(stepDecisions).length ? { stepDecisions } : {}) });
  const save = (m: typeof import('./drafts.js'), answers: Answers, order: string[]) => {
    if (draftsOff) return;
    try {
      new m.DraftStore(m.draftsDirFor(db), (line) => io.stderr.write(`${line}\n`)).save(draftOf(answers, order));
    } catch (err) {
      // as the session does: a full disk costs the draft, never the interview
      const code = (err as NodeJS.ErrnoException).code ?? (err as { cause?: NodeJS.ErrnoException }).cause?.code;
      if (!(err instanceof UserError) && code !== 'ENOSPC' && code !== 'EDQUOT' && code !== 'EROFS' && code !== 'EACCES') throw err;
      draftsOff = true;
      io.stderr.write(`${UI[locale].noDraft(err instanceof UserError ? err.message : describeFsError(err))}\n`);
    }
  };
  // the steps' question depends on the account alone; the interview's on the playbook too
  const basis = { ...(state ? { state } : {}), playbook: playbookRef, ...(pb && !stepsFirst ? { hash: pb.hash } : {}), date };
  const preload = () =>
    setImmediate(() => {
      // the session and the store's modules, not the store itself: it is opened after the answer
      for (const load of [() => import('./session.js'), () => import('../store/sqlite.js'), loadDrafts]) load().catch(() => undefined);
    });

  if (state && stepsFirst) {
    Object.assign(stepDecisions, await askOpenSteps(io, locale, { ...state, openSteps: live }, preload));
    if (Object.keys(stepDecisions).length) save(await loadDrafts(), {}, []);
    return { answers: {}, order: [], stepDecisions, stepsAsked: true, basis, draftsOff };
  }

  // else the interview's first question: the person met, last time's offered (an account), or the
  // playbook's first (a new account), as the session would ask it
  if (!pb || !registry) return undefined; // (loaded above: the interview is asked only with a playbook)
  const personQ = pb.roles.person;
  const [{ runInterview }, { askWithInquirer }] = await Promise.all([import('../ui/interview.js'), import('./ask.js')]);
  // colour is for the help lines only: loaded when the rep first asks for help
  const ctx = { io, config: {} as Config, registry } as Context;
  let order: string[] = [];
  const stop = new AbortController();
  const base = askWithInquirer(pb, io, ctx, (a, o) => {
    order = o;
    if (drafts) save(drafts, a, o);
  }, stop.signal);
  let preloading = false;
  const driver = {
    ...base,
    async showHelp(text: string) {
      const { makeChalk } = await import('../ui/style.js');
      ctx.out ??= makeChalk(io.stdout, env, g.color === false);
      return base.showHelp(text);
    },
    ask(view: Parameters<typeof base.ask>[0]) {
      const asked = base.ask(view);
      if (!preloading) preload();
      preloading = true;
      return asked;
    },
  };
  const carried = state && !opts.review ? (await import('../engine/account.js')).carriedAnswers(pb, state, undefined).answers : {};
  const defaults: Answers = { ...(personQ && state?.lastPerson ? { [personQ]: state.lastPerson } : {}), ...carried };
  const onSignal = () => stop.abort();
  const signals = ['SIGTERM', 'SIGHUP'] as const;
  for (const sig of signals) process.on(sig, onSignal);
  let answers: Answers;
  try {
    answers = await runInterview(pb, { mode, locale, answers: {}, order: [], defaults, visitDate: date, lookup: (a) => lookupFor(a, account), until: (a) => (state && personQ ? a[personQ] !== undefined : Object.keys(a).length > 0) }, driver);
  } catch (err) {
    // nothing is answered yet at the first question: nothing to keep
    if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) throw new Interrupted();
    throw err;
  } finally {
    for (const sig of signals) process.removeListener(sig, onSignal);
  }
  // answered before the journal's module had loaded: kept now
  if (!drafts) save(await loadDrafts(), answers, order);
  return { answers, order, stepDecisions, stepsAsked: false, basis, draftsOff };
}
