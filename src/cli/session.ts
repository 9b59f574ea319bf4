/**
 * `prep` and `debrief` (and `demo`): gather answers (keyboard, answers file, stdin, draft), run the
 * engine, render. The only place that reads the clock is here, to default the visit date.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Diagnostic, hasErrors, suggest } from '../core/diagnostic.js';
import { type Answers, NOT_SURE } from '../engine/answers.js';
import { addDays, agreedMeeting, isValidDate } from '../engine/dates.js';
import { type AccountEvent, type AccountState, AGREED_FACT, applyVisit, asAtLastVisit, changesSince, type FactChange, carriedAnswers, likelyRole, carryScope, classMove, deciderOf, emptyAccount, findPerson, LAPSED_FACT, nameKey, RECORDED_FACT, speaksForPresent, type StepDecision, stepKeyOf, withCarriedDates } from '../engine/account.js';
import { type AccountHistory, type CoachingResult, evaluateSession, leadOf, type OtherPerson, type Seen } from '../engine/evaluate.js';
import { asksInMode, type KnownState, nextStep, pickPersona, walkInterview } from '../engine/interview.js';
import { fillTemplate, localize } from '../engine/text.js';
import type { AnswersFileMeta } from '../playbook/answers-file.js';
import { snapshotPlaybook } from '../playbook/snapshot.js';
import { type AccountTimeline, isTeamStore, type Store, type StoredPlaybook } from '../store/types.js';
import type { AccountNotes } from '../ui/render-terminal.js';
import { MESSAGES } from '../engine/messages.js';
import { recordVisit } from './record-visit.js';
import { checkWriteTarget, describeFsError, fsWhy, readFileBounded } from './files.js';
import { isLapsed, stepText } from '../core/steps.js';
import { MAX_FILE_BYTES } from '../core/yaml-source.js';
import { dbPath, openStore } from './store.js';
import type { Locale, Mode, Playbook, Question } from '../playbook/types.js';
import { formatDate, UI } from '../ui/messages.js';
import { localizeSuggestion, NOTICE_MESSAGES } from '../ui/notice-messages.js';
import { sanitize, sanitizeBlock, sanitizeDeep, shellCommand, shellQuote } from '../ui/sanitize.js';
import { type Context, localeOf, makeContext, printDiagnostics, resolvePlaybookTarget } from './context.js';
import { type Draft, DraftStore, draftsDirFor } from './drafts.js';
import { EXIT, innerOf, Interrupted, said, UserError } from './errors.js';
import { localToday, now } from './clock.js';
import type { GlobalOptions, IO } from './io.js';
import { packageRoot } from './paths.js';
import { loadPlaybookCached } from './playbook-cache.js';
import { currencyOf, pickLocale } from './config.js';
import { askOpenSteps, collectAtHand, type EarlyStart, lookupFor, readAtHand, writeAtHand } from './first-question.js';
import { noticesBefore } from './notices-before.js';
import { meetingMissedBefore, windowOver } from './window-over.js';

export interface SessionOptions {
  account?: string;
  persona?: string;
  playbook?: string;
  date?: string;
  answers?: string;
  input?: boolean;
  resume?: boolean;
  json?: boolean;
  out?: string;
  dryRun?: boolean;
  demo?: boolean;
  review?: boolean;
  /** "Which account?" was asked already (session-start.ts), and may have been left empty. */
  accountAsked?: boolean;
  /** Everything: the persona's whole profile and every tip, even what the rep read last time. */
  full?: boolean;
  /** --out may replace an existing file. */
  force?: boolean;
  /** Put the message to send (the follow-up after a debrief, else the recap) on the clipboard. */
  copy?: boolean;
  /** The first question was asked before the store was opened (first-question.ts): its answer. */
  early?: EarlyStart;
}


/**
 * Standard input, whole, bounded while reading: at most MAX_FILE_BYTES, and an error (not a hang)
 * when it stays open with nothing written to it for `idleMs` (a script that forgot `< file`).
 */
export async function readStdin(stream: NodeJS.ReadableStream, idleMs: number, maxBytes = MAX_FILE_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  return new Promise<Buffer>((resolveRead, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = (err?: Error) => {
      clearTimeout(timer);
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      stream.pause();
      // an idle pipe left open must not keep the process alive after the error
      (stream as { unref?: () => void }).unref?.();
      if (err) reject(err);
      else resolveRead(Buffer.concat(chunks));
    };
    const arm = () => {
      clearTimeout(timer);
      if (total === 0 && Number.isFinite(idleMs)) timer = setTimeout(() => finish(new UserError(said('stdinIdle', { seconds: idleMs / 1000 }), `standard input stayed open with nothing on it for ${idleMs / 1000} s; nothing was run`, 'give the answers with --answers FILE, or end the input (< file, or Ctrl-D)')), idleMs);
    };
    const onData = (chunk: Buffer | string) => {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += b.length;
      if (total > maxBytes) return finish(new UserError(said('stdinTooLarge', { mb: maxBytes / 1024 / 1024 }), `the answers on standard input are over ${maxBytes / 1024 / 1024} MB; nothing was run`, 'is it the right input?'));
      chunks.push(b);
      arm();
    };
    const onEnd = () => finish();
    const onError = (err: Error) => finish(new UserError(said('stdinUnreadable', { why: (err as NodeJS.ErrnoException).code ?? err.message }), `cannot read standard input: ${(err as NodeJS.ErrnoException).code ?? err.message}`));
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    arm();
  });
}

interface AnswersSource {
  file: string;
  raw: Record<string, unknown>;
  meta: AnswersFileMeta;
  text?: string;
  locate: (path: (string | number)[]) => { line: number; col: number };
  locateKey: (path: (string | number)[]) => { line: number; col: number };
}

export async function sessionCommand(mode: Mode, rawOpts: Record<string, unknown>, io: IO, g: GlobalOptions): Promise<number> {
  const opts = rawOpts as SessionOptions;
  const ctx = makeContext(io, g);
  const stdinTTY = Boolean((io.stdin as { isTTY?: boolean }).isTTY);
  const interactive = stdinTTY && opts.input !== false && !opts.demo;
  // the database is opened only when the session needs it (an account, a draft): the demo and a
  // scripted dry run work even where there is no database at all
  let store: Store | undefined;
  const getStore = async () => {
    store ??= await openStore(io, g);
    return store;
  };
  const run: SessionRun = { mode, opts, io, ctx, g, stdinTTY, interactive, getStore, drafts: new DraftStore(draftsDirFor(dbPath(io, g)), (line) => io.stderr.write(`${line}\n`)) };
  // an --out that would be refused after the interview is refused before its first question
  if (opts.out) checkWriteTarget(resolve(io.cwd, opts.out), { force: opts.force === true, shown: opts.out });
  // what the next session's first question needs, kept when this one ends (or is interrupted)
  let remember: string | undefined;
  // the account's playbook's next-meeting question, kept with it: the next prep's day is known without the playbook
  let meetingQ: { playbook: string; nextMeeting: string | null } | undefined;
  try {
    // a session is stages with typed hand-offs; a stage that ends the run returns its exit code
    const inputs = await resolveInputs(run);
    const context = await loadContext(run, inputs);
    meetingQ = { playbook: context.playbookRef, nextMeeting: context.pb.roles.nextMeeting ?? null };
    const early = checkEarly(run, inputs, context);
    // seed 001: an A past its window is reclassified; said before the first question, not after the
    // last (a scripted session asks none: its result leads with the same flag)
    if (!early?.start && context.state && !context.backfilled && !opts.json && mode !== 'plan' && interactive) {
      const missed = meetingMissedBefore(context.state, context.date, inputs.locale, mode);
      if (missed) io.stderr.write(`${missed}\n`);
      const over = windowOver(context.pb, context.state, context.date, inputs.locale);
      if (over) io.stderr.write(`${over}\n`);
    }
    if (!early?.start && !context.backfilled && !opts.json && mode !== 'plan' && interactive) {
      for (const line of noticesBefore(context.state, context.date, inputs.locale, run.mode)) io.stderr.write(`${line}\n`);
    }
    if (context.store && inputs.account && interactive) {
      remember = inputs.account;
      await rememberAtHand(run, context.store, inputs.account, meetingQ);
    }
    if (opts.early) opts.early.loaded = true;
    const interviewed = await interviewStage(run, inputs, context, early);
    if (typeof interviewed === 'number') return interviewed;
    const evaluated = await evaluateStage(run, inputs, context, interviewed);
    await renderStage(run, inputs, evaluated);
    await persistStage(run, inputs, context, evaluated);
    if (context.store && inputs.account && !inputs.dryRun) remember = inputs.account;
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof Interrupted)) remember = undefined;
    throw err;
  } finally {
    const kept = store && remember && !g.db && !io.env.SALES_COACH_DB && !readAtHand(io.env, dbPath(io, g), remember) ? await collectAtHand(store, io.env, dbPath(io, g), remember, meetingQ).catch(() => undefined) : undefined;
    await store?.close();
    // stamped once the store is closed: closing the last connection folds the WAL into the file
    if (kept) writeAtHand(io.env, kept);
  }
}

/**
 * Keeps what the next session's first question needs (first-question.ts) when the file at hand
 * does not hold this account as the store has it now: read while the store is open for reading.
 */
async function rememberAtHand(run: SessionRun, store: Store, account: string, meetingQ?: { playbook: string; nextMeeting: string | null }): Promise<void> {
  const { io, g } = run;
  if (g.db || io.env.SALES_COACH_DB) return;
  const db = dbPath(io, g);
  try {
    if (readAtHand(io.env, db, account)) return;
    const kept = await collectAtHand(store, io.env, db, account, meetingQ);
    if (kept) writeAtHand(io.env, kept);
  } catch {
    // best effort: without it, the next session's first question waits for the store
  }
}

/**
 * The first question asked before the store was opened (first-question.ts) was the right one only if
 * the account is as the file at hand said: the same state, the same playbook. Otherwise (another
 * sales-coach saved it meanwhile) the rep is told, and the interview starts again from what the
 * account holds now, the answers given offered as defaults (they are in the draft meanwhile).
 */
interface EarlyChecked {
  /** The first question's answer, when it was the right question. */
  start?: EarlyStart;
  /** Answers given to a question that turned out not to be the first: offered again as defaults. */
  offered?: Answers;
  draftsOff: boolean;
}

function checkEarly(run: SessionRun, inputs: Inputs, context: SessionContext): EarlyChecked | undefined {
  const early = run.opts.early;
  if (!early) return undefined;
  const { basis } = early;
  const same = JSON.stringify(context.state ?? null) === JSON.stringify(basis.state ?? null) && context.playbookRef === basis.playbook && (basis.hash === undefined || context.pb.hash === basis.hash) && context.date === basis.date;
  if (same) return { start: early, draftsOff: early.draftsOff };
  run.io.stderr.write(`${UI[inputs.locale].accountChangedMeanwhile(sanitize(inputs.account ?? ''))}\n`);
  return { offered: early.answers, draftsOff: early.draftsOff };
}

/** What every stage of a session reads: the command's options and the program's streams. */
interface SessionRun {
  mode: Mode;
  opts: SessionOptions;
  io: IO;
  ctx: Context;
  g: GlobalOptions;
  stdinTTY: boolean;
  /** The questions are asked on the terminal (not an answers file, not the demo). */
  interactive: boolean;
  getStore: () => Promise<Store>;
  /** A damaged draft is set aside with one line naming it, never a crash. */
  drafts: DraftStore;
}

/** Stage 1: where the answers come from, whose account it is, and in which language. */
interface Inputs {
  source?: AnswersSource;
  meta: AnswersFileMeta;
  draft?: Draft;
  locale: Locale;
  account?: string;
  dryRun: boolean;
  /** The draft this run writes is its own (it asks the questions itself, or resumed one). */
  ownsDraft: boolean;
}

async function resolveInputs(run: SessionRun): Promise<Inputs> {
  const { mode, opts, io, ctx, g, stdinTTY, interactive, drafts } = run;
  let source: AnswersSource | undefined;
  if (opts.demo) {
    // the sample's own answers (the account, the person, what was discussed) in the session's language:
    // a Chinese session that recaps "上次我们谈了the pilot…" reads as a half-translated program
    const locale = localeOf(ctx, g);
    const demo = join(packageRoot(), 'examples', `demo-${mode === 'plan' ? 'plan' : 'prep'}${locale === 'en' ? '' : `.${locale}`}.yaml`);
    source = await readAnswersSource(ctx, demo, readFileSync(demo), locale);
  } else if (opts.answers === '-' || (!opts.answers && !stdinTTY && !opts.resume)) {
    // read stdin whole and feed the engine, never the prompts (they cannot share a pipe)
    const idle = Number(io.env.SALES_COACH_STDIN_TIMEOUT_MS);
    // someone typing YAML into a terminal (`--answers -`) may take their time; a pipe may not
    const bytes = await readStdin(io.stdin, stdinTTY ? Number.POSITIVE_INFINITY : Number.isFinite(idle) && idle > 0 ? idle : 2000);
    if (bytes.length === 0) {
      throw new UserError(
        said('noTerminal', { mode }),
        'no terminal to ask the questions on, and no answers given',
        `run it in a terminal, or give the answers: sales-coach ${mode} --answers FILE (see the README, "Scripted sessions")`,
      );
    }
    source = await readAnswersSource(ctx, '<stdin>', bytes, localeOf(ctx, g));
  } else if (opts.answers) {
    const file = resolve(io.cwd, opts.answers);
    let bytes: Buffer;
    try {
      bytes = readFileBounded(file, MAX_FILE_BYTES, 'the answers file');
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(said('answersUnreadable', { file: opts.answers, why: fsWhy(err) }), `cannot read the answers file ${opts.answers}: ${describeFsError(err)}`);
    }
    source = await readAnswersSource(ctx, file, bytes, localeOf(ctx, g));
  }
  const meta = source?.meta ?? {};
  if (meta.mode && meta.mode !== mode && !opts.demo) {
    const n = NOTICE_MESSAGES[localeOf(ctx, g)];
    throw UserError.worded(n.wrongMode(meta.mode, mode), n.run(shellCommand(['sales-coach', meta.mode, '--answers', opts.answers ?? '-'])));
  }

  // -- a resumed draft ---------------------------------------------------------------------------
  let draft = opts.resume ? drafts.find(mode, opts.account ?? meta.account) : undefined;
  // a draft an earlier version kept in the database comes over to the journal when the store opens
  if (opts.resume && !draft && existsSync(dbPath(io, g))) {
    await run.getStore();
    draft = drafts.find(mode, opts.account ?? meta.account);
  }
  if (opts.resume && !draft) {
    const command = shellCommand(['sales-coach', mode, ...(opts.account ? ['--account', opts.account] : [])]);
    throw new UserError(said('noDraftToResume', { mode, command, ...(opts.account ? { account: opts.account } : {}) }), `no interrupted ${mode} to resume${opts.account ? ` for "${opts.account}"` : ''}`, `start a new one: ${command} (sales-coach drafts lists the unfinished ones)`);
  }

  let locale: Locale = g.lang ? localeOf(ctx, g) : meta.lang ? pickLocale(meta.lang, io.env, ctx.config) : draft ? pickLocale(draft.lang, io.env, ctx.config) : localeOf(ctx, g);
  let account = opts.account ?? meta.account ?? draft?.account;
  // a blank name would be saved as an account nobody can name again (or silently not saved at all)
  if (account !== undefined && !sanitize(account).trim()) {
    const example = shellCommand(['sales-coach', mode, '--account', 'Acme Ltd']);
    throw new UserError(said('blankAccountName', { name: JSON.stringify(account), command: example }), `the account name ${JSON.stringify(account)} is blank`, `name the customer company, e.g. ${example}`);
  }
  const dryRun = opts.dryRun === true || opts.demo === true;
  if (!account && interactive && !dryRun && !opts.accountAsked) account = await (await import('./session-start.js')).askAccount(io, locale);
  if (account !== undefined && !account.trim()) throw new UserError(said('emptyAccountName', {}), 'the account name is empty', 'give the customer company\'s name: --account "Acme Ltd"');

  // -- an unfinished session on this account is never replaced silently ------------------------------
  let ownsDraft = interactive || draft !== undefined;
  // a first question asked before the store (first-question.ts) found no draft, and wrote the one there now
  if (!draft && account && !opts.demo && !opts.early) {
    if (existsSync(dbPath(io, g))) await run.getStore();
    const existing = drafts.find(mode, account);
    if (existing) {
      const cmd = resumeCommand(mode, account);
      if (!interactive) {
        io.stderr.write(`${UI[locale].draftKept(UI[locale].modeName[mode], cmd)}\n`);
        ownsDraft = false;
      } else if (await offerDraft(io, locale, mode, existing)) {
        draft = existing;
        if (!g.lang && !meta.lang) locale = pickLocale(draft.lang, io.env, ctx.config);
      } else drafts.remove(mode, account);
    }
  }
  return { source, meta, draft, locale, account, dryRun, ownsDraft };
}

/** Stage 2: what the store and the playbook say of this account and this visit, before any question. */
interface SessionContext {
  store?: Store;
  state?: AccountState;
  pb: Playbook;
  playbookRef: string;
  date: string;
  /** Dated before the account's latest visit: kept as history, moves nothing. */
  backfilled: boolean;
  persona?: string;
  /** The account's revision when its state was read (Store.accountRevision): the save checks it. */
  revision?: string;
}

async function loadContext(run: SessionRun, inputs: Inputs): Promise<SessionContext> {
  const { mode, opts, io, ctx } = run;
  const { account, meta, draft, locale } = inputs;
  const store = account && !opts.demo ? await run.getStore() : undefined;
  // read before the state: a save by another sales-coach while this one asks its questions is then
  // seen when this visit is saved, and the visit applied again to the account as it is by then
  const revision = store && account ? await store.accountRevision(account) : undefined;
  const state: AccountState | undefined = store && account ? await store.accountState(account) : undefined;
  // a manager's note on this account since the last visit (team database): read before the interview
  // (the notes written since the account's last session was saved: what the rep has not seen at a prep)
  // and the questions the manager has not closed, seen or not, each with its thread, under a heading of their own
  const [unseen, every] = store && isTeamStore(store) && state && !opts.json ? await Promise.all([store.reviewNotes(account, { unseen: true }), store.reviewNotes(account)]) : [[], []];
  if (unseen.length || every.some((e) => e.event.kind === 'class-challenged')) {
    const [{ noteLines, noteViews, isOpen }, { threadsOf }] = await Promise.all([import('../ui/views/team.js'), import('./questions.js')]);
    // an account signed since its question is history (a signed one only: no read for the others)
    const threads = state?.signed && store && isTeamStore(store) ? await threadsOf(store, every, '9999-12-31') : noteViews(every);
    const open = threads.filter(isOpen);
    // news: a note written since, or a question closed since (the rep's own answers are not news to them)
    const fresh = new Set(unseen.flatMap((e) => (e.event.kind === 'note-resolved' ? [e.event.to] : e.event.kind === 'note-replied' ? [] : [e.id])));
    const news = threads.filter((n) => !isOpen(n) && n.id !== undefined && fresh.has(n.id));
    const { widthOf } = await import('../ui/style.js');
    const { VIEW_MESSAGES } = await import('../ui/views/messages.js');
    const m = VIEW_MESSAGES[locale];
    const lines = (notes: typeof threads) => noteLines(notes, locale, ctx.out, widthOf(io.stderr), { indent: '  ', account: false, own: true }).join('\n');
    // under the headings `today` and `accounts` give them, dated as every screen dates
    if (open.length) io.stderr.write(`${ctx.out.bold(m.openQuestions)}\n${lines(open)}\n${ctx.out.dim(`  ${m.replyHint(shellQuote(state?.name ?? account ?? ''))}`)}\n`);
    if (news.length) io.stderr.write(`${ctx.out.bold(m.managerNotes)}\n${lines(news)}\n`);
  }
  // an account keeps the playbook that classified it, unless the rep names another
  const accountPlaybook = store && account && state ? (await store.getAccount(account))?.playbookSource : undefined;
  const playbookRef = opts.playbook ?? meta.playbook ?? draft?.playbook ?? accountPlaybook ?? 'abcd';
  const pb = await loadForSession(ctx, playbookRef, playbookRef === accountPlaybook && !opts.playbook && !meta.playbook ? account : undefined);
  // a prep is for the meeting the last visit agreed, else for tomorrow (first-question.ts says the same)
  const date = opts.date ?? meta.date ?? draft?.date ?? opts.early?.basis.date ?? (mode === 'prep' ? (agreedMeeting(pb.roles.nextMeeting, state?.lastAnswers, localToday()) ?? addDays(localToday(), 1)) : localToday());
  if (!isValidDate(date)) throw UserError.worded(NOTICE_MESSAGES[locale].notADateFlag(date), NOTICE_MESSAGES[locale].dateFlagHint);
  // a debrief after which only preps came speaks for the account (a prep records no class)
  const backfilled = state !== undefined && !speaksForPresent(state, mode, date);
  const persona = opts.persona ?? meta.persona ?? ctx.config.persona;
  if (persona !== undefined && !pb.personas.some((p) => p.id === persona)) {
    throw UserError.worded(NOTICE_MESSAGES[locale].unknownPersona(persona), localizeSuggestion(suggest(persona, pb.personas.map((p) => p.id), 'one of'), NOTICE_MESSAGES[locale]));
  }
  return { store, state, pb, playbookRef, date, backfilled, ...(persona !== undefined ? { persona } : {}), ...(revision !== undefined ? { revision } : {}) };
}

/** Stage 3: the answers (given in a file or a draft, carried from earlier sessions, asked), and the rep's word on open steps. */
interface Interviewed {
  answers: Answers;
  stepDecisions: Record<number, StepDecision>;
  /** The other people met at a debrief's meeting. */
  others: OtherPerson[];
}

async function interviewStage(run: SessionRun, inputs: Inputs, context: SessionContext, early?: EarlyChecked): Promise<Interviewed | number> {
  const { mode, opts, io, ctx, interactive, drafts } = run;
  const { source, locale, account } = inputs;
  const { pb, state, store, date, backfilled, playbookRef, persona } = context;
  let draft = inputs.draft;
  // a draft is a file on disk like an answers file, and is checked the same way before anything is saved
  if (draft) {
    const { checkDraftAnswers } = await import('./draft-check.js');
    const c = checkDraftAnswers(drafts.pathOf(mode, draft.account), draft, pb);
    if (hasErrors(c.diagnostics)) {
      await printDiagnostics(ctx, c.diagnostics, new Map(), undefined, undefined, NOTICE_MESSAGES[locale]);
      io.stderr.write(`${NOTICE_MESSAGES[locale].draftMistakes}\n`);
      return EXIT.usage;
    }
    draft = { ...draft, answers: c.answers, order: c.order, ...(c.others.length ? { others: c.others } : {}) };
  }
  const first = early?.start;
  // the account's story beyond the answers: a signed account is not asked how the close went
  const known: KnownState = state?.signed ? { signed: true } : {};
  // the class on record, as the engine reads it from the history (a D's prep is not coached toward the sale)
  if (!backfilled && state?.lastVisit && state.lastAnswers && state.class) known.onRecord = state.class;
  // whether the person met was met here before: a recap of "last time" is only theirs (set once named)
  const knowMet = (a: Answers) => {
    const m = metBeforeOf(store !== undefined, state, personOf(pb.roles.person, a));
    if (m === undefined) delete known.metBefore;
    else known.metBefore = m;
  };
  let answers: Answers = { ...(draft?.answers ?? first?.answers ?? {}) };
  // the other people at a debrief's meeting: from the file, the draft, or asked after the interview
  let others: OtherPerson[] = [...(draft?.others ?? [])];
  const diagnostics: Diagnostic[] = [];
  if (source) {
    const { checkAnswers } = await import('../playbook/answers-file.js');
    const checked = checkAnswers(source.file, source.raw, pb, source.locate, source.locateKey, date, locale, mode);
    diagnostics.push(...checked.diagnostics);
    answers = { ...answers, ...checked.answers };
    if (checked.others.length) others = checked.others;
  }
  // the type the rep names for this visit (--persona, the file's persona:) is the answer; the config's
  // default type is only for a person whose own type is not on record (it never outweighs it)
  const personaQ = pb.questions.find((q) => q.kind === 'persona');
  const chosenPersona = opts.persona ?? inputs.meta.persona;
  const defaultPersona = (a: Answers): Answers => (personaQ && persona !== undefined && a[personaQ.id] === undefined ? { ...a, [personaQ.id]: persona } : a);
  if (personaQ && chosenPersona !== undefined && answers[personaQ.id] === undefined) answers[personaQ.id] = chosenPersona;
  if (hasErrors(diagnostics)) {
    // a script is told every mistake in one run: the answers it lacks too, beside those it got wrong
    if (!interactive) {
      // the ids the file answered, rightly or not: a wrong answer is reported as wrong, not as missing
      const raw = (source?.raw as { answers?: unknown } | undefined)?.answers;
      const wrong = new Set(raw && typeof raw === 'object' ? Object.keys(raw) : []);
      knowMet(answers);
      const given = defaultPersona(state && !opts.review ? { ...carriedAnswers(pb, state, personOf(pb.roles.person, answers)).answers, ...answers } : answers);
      const lacking = missingQuestions(pb, mode, skipOptional(pb, mode, given, known), known).filter((q) => !wrong.has(q.id) && !Object.hasOwn(given, q.id));
      diagnostics.push(...missingAnswerDiagnostics(lacking, source, locale, lookupFor(answers, account)));
    }
    await printDiagnostics(ctx, diagnostics, new Map(source?.text ? [[source.file, source.text]] : []), undefined, undefined, NOTICE_MESSAGES[locale]);
    io.stderr.write(`${NOTICE_MESSAGES[locale].fileMistakes(diagnostics.filter((d) => d.severity === 'error').length)}\n`);
    return EXIT.usage;
  }
  // what the file holds but this session does not use is said, then the session goes on
  if (diagnostics.length) await printDiagnostics(ctx, diagnostics, new Map(source?.text ? [[source.file, source.text]] : []), undefined, undefined, NOTICE_MESSAGES[locale]);

  // -- the steps still open on the account: confirmed in one go ---------------------------------------------
  // (asked once: the decisions are kept in the draft, so a resumed session applies them too)
  const stepDecisions: Record<number, StepDecision> = { ...(draft?.stepDecisions ?? first?.stepDecisions ?? {}) };
  // (not the steps that prepared a visit made before this session's day: it closes them as no longer
  // needed; the debrief of the visit itself asks about its prep's steps, as done or not)
  const live = (state?.openSteps ?? []).filter((st) => !isLapsed(st, date));
  if (interactive && state && live.length && !draft && !backfilled && !first?.stepsAsked) Object.assign(stepDecisions, await askOpenSteps(io, locale, { ...state, openSteps: live }));

  // -- facts carried from earlier sessions: the account's, and those of the person met, if met before --
  const personQ = pb.roles.person;
  const personName = (a: Answers) => personOf(personQ, a);
  const carry = (name: string | undefined) => (state && !opts.review ? carriedAnswers(pb, state, name) : { answers: {}, carried: [] as string[] });
  // what is offered of a person: their own facts, and for one whose role is not on record the role
  // the account makes likely (not the first KP's when the account knows its first KP: someone else)
  // (--review asks the carried facts again: what is on record is offered, as when the rep answers
  // "no" to "still as at …?", never nothing, which offered a known second KP as the first KP)
  const offeredFor = (name: string | undefined, present: readonly OtherPerson[]): Answers => {
    const own = state ? carriedAnswers(pb, state, name).answers : {};
    const role = name !== undefined && pb.roles.decision && own[pb.roles.decision] === undefined ? likelyRole(pb, state, name, present) : undefined;
    return { ...own, ...(role !== undefined && pb.roles.decision ? { [pb.roles.decision]: role } : {}) };
  };
  const { runInterview } = interactive ? await import('../ui/interview.js') : { runInterview: undefined };
  // the order of the answers given so far, across the two parts of the interview: "back" reaches them all
  let order: string[] = [...(draft?.order ?? first?.order ?? [])];
  // facts carried from earlier sessions, which the counter of questions does not count
  const notCounted: string[] = [];
  let draftsOff = early?.draftsOff ?? false;
  // "no" to "still as recorded?", kept in the draft: a resumed session goes on with the facts' questions
  let reviewing: true | undefined = draft?.reviewing;
  const saveDraft = (a: Answers, o: string[]) => {
    order = o;
    if (draftsOff) return;
    try {
      drafts.save({ version: 1, mode, account, playbook: playbookRef, date, lang: locale, answers: a, order: o, savedAt: now(), ...(Object.keys(stepDecisions).length ? { stepDecisions } : {}), ...(others.length ? { others } : {}), ...(reviewing ? { reviewing } : {}) });
    } catch (err) {
      // a full disk costs the draft, never the interview: said once, and the session goes on
      const code = (err as NodeJS.ErrnoException).code ?? (err as { cause?: NodeJS.ErrnoException }).cause?.code;
      if (!(err instanceof UserError) && code !== 'ENOSPC' && code !== 'EDQUOT' && code !== 'EROFS' && code !== 'EACCES') throw err;
      draftsOff = true;
      io.stderr.write(`${UI[locale].noDraft(err instanceof UserError ? err.message : describeFsError(err))}\n`);
    }
  };
  if (interactive && Object.keys(stepDecisions).length) saveDraft(answers, order);
  // a kill (SIGTERM) or a closed terminal (SIGHUP) ends the interview as Ctrl-C does: the answers
  // are already in the draft, and the rep is told how to go on
  // what the last session agreed for this one (a prep's topic: the next meeting's, from its debrief)
  const offeredLast: Answers = {};
  for (const q of pb.questions) {
    const v = q.offerFrom && asksInMode(q, mode) ? state?.lastAnswers?.[q.offerFrom] : undefined;
    if (typeof v === 'string' && v.trim()) offeredLast[q.id] = v;
  }
  const stop = new AbortController();
  const driver = interactive ? (await import('./ask.js')).askWithInquirer(pb, io, ctx, saveDraft, stop.signal) : undefined;
  const interviewOpts = (until?: (a: Answers) => boolean) => ({
    mode,
    locale,
    answers,
    order,
    // read at each question: what is offered is the person named now's, never the one named before
    defaults: (a: Answers): Answers => ({ ...(personQ && state?.lastPerson ? { [personQ]: state.lastPerson } : {}), ...offeredLast, ...offeredFor(personName(a), others), ...early?.offered }),
    visitDate: date,
    lookup: (a: Answers) => lookupFor(a, account),
    known,
    notCounted,
    ...(until ? { until } : {}),
  });
  const interview = async (o: ReturnType<typeof interviewOpts>): Promise<Answers> => {
    if (!runInterview || !driver) return answers;
    const onSignal = () => stop.abort();
    const signals = ['SIGTERM', 'SIGHUP'] as const;
    for (const sig of signals) process.on(sig, onSignal);
    try {
      return await runInterview(pb, o, driver);
    } catch (err) {
      return interrupted(err);
    } finally {
      for (const sig of signals) process.removeListener(sig, onSignal);
    }
  };
  const interrupted = (err: unknown): never => {
    if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) {
      const d = drafts.find(mode, account);
      throw new Interrupted(d ? UI[locale].draftSaved(answeredIn(d), resumeCommand(mode, account)) : undefined);
    }
    throw err;
  };
  if (draft && interactive) io.stderr.write(`${UI[locale].resumed(answeredIn(draft))}\n`);
  // who is met decides which facts carry: ask that first when the interview starts with it
  if (interactive && personQ && answers[personQ] === undefined && state) answers = await interview(interviewOpts((a) => a[personQ] !== undefined));
  // a resumed draft gets what the last visit left too, for what it does not hold yet: interrupted at
  // "Still as at …?", its answers are the person's name only, and it walked all 19 questions again
  knowMet(answers);
  const carried = carry(personName(answers));
  // carried: the facts filled in from the record now, not those the rep has answered (a draft's,
  // answered again after "no" to "still as recorded?": a resumed draft asked them all once more)
  const carriedIds = carried.carried.filter((id) => answers[id] === undefined);
  for (const id of carriedIds) answers[id] = carried.answers[id];
  answers = defaultPersona(answers);
  notCounted.push(...carriedIds);
  // a carried answer can be gone back to like any other
  for (const id of carriedIds) if (!order.includes(id)) order.push(id);

  // -- ask what is missing, or say what is missing ------------------------------------------------------
  // a script that leaves out what the last session agreed for this one takes it (the recap says it)
  if (!interactive) for (const [id, v] of Object.entries(offeredLast)) if (answers[id] === undefined) answers[id] = v;
  if (!interactive) answers = skipOptional(pb, mode, answers, known); // a script leaves out what it may leave out
  const missing = missingQuestions(pb, mode, answers, known);
  if (missing.length > 0 || (interactive && carriedIds.length > 0)) {
    if (!interactive || !runInterview || !driver) {
      const list = missingAnswerDiagnostics(missing, source, locale, lookupFor(answers, account));
      await printDiagnostics(ctx, list, new Map(source?.text ? [[source.file, source.text]] : []), undefined, undefined, NOTICE_MESSAGES[locale]);
      io.stderr.write(`${NOTICE_MESSAGES[locale].answersMissing(missing.length, source !== undefined)}\n`);
      return EXIT.usage;
    }
    // "still as at the visit of …": the last time this person was met, else the account's last visit
    const met = findPerson(state ?? emptyAccount(''), personName(answers));
    const recorded = met?.lastMet ?? state?.lastVisit;
    // a fact `account set` changed since is as recorded on the edit's day, not the visit's
    const timeline = recorded && store && account ? await store.timeline(account) : undefined;
    const asOf = recorded && timeline ? laterEdit(pb, timeline, recorded, met?.name, carriedIds) : recorded;
    if (carriedIds.length && asOf && (reviewing || !(await confirmCarried(io, pb, locale, asOf, answers, carriedIds).catch(interrupted)))) {
      // not the same facts any more: ask them again, the last answers as defaults
      for (const id of carriedIds) delete answers[id];
      // asked again, they count again ("2/19, 2/18, 2/16…" stood still while the rep answered them)
      notCounted.length = 0;
      if (!reviewing) {
        reviewing = true;
        saveDraft(answers, order);
      }
    }
    answers = await interview(interviewOpts());
  }

  // -- the others at the meeting (a debrief's): each named, then asked what the playbook asks of a person --
  const otherQs = (pb.roles.others ?? []).flatMap((id) => pb.questions.filter((q) => q.id === id));
  if (interactive && runInterview && mode === 'debrief' && otherQs.length && personQ && !source) {
    const m = UI[locale];
    const output = (io.stdout as { isTTY?: boolean }).isTTY ? io.stdout : io.stderr;
    const nameQ: Question = { id: personQ, kind: 'text', required: false, text: { en: '', 'zh-CN': '', 'zh-TW': '' } };
    const main = personName(answers);
    const knownOf = (name: string) => {
      // the others already named at this meeting, and the person the visit is about, hold their roles
      const present = [...others, ...(main ? [{ name: main, answers }] : [])];
      const known = offeredFor(name, present);
      return Object.fromEntries(otherQs.flatMap((q) => (known[q.id] !== undefined ? [[q.id, known[q.id]]] : [])));
    };
    // what is on record of a person met before is theirs already: not asked again (a second KP's
    // personal win on record was asked for again among the others at the meeting), as the person the
    // visit is about is not asked their carried facts; going back asks everything, with it offered
    const recordedOf = (name: string): Answers => {
      const own = state && !opts.review && findPerson(state, name) ? carriedAnswers(pb, state, name).answers : {};
      return Object.fromEntries(otherQs.flatMap((q) => (carryScope(q) === 'person' && own[q.id] !== undefined ? [[q.id, own[q.id]]] : [])));
    };
    /** Ask about one person: what is missing of them (a resumed draft), or everything again with their answers offered (going back). */
    const askAbout = async (person: OtherPerson, again: boolean) => {
      if (!again) person.answers = { ...recordedOf(person.name), ...person.answers };
      if (!again && nextStep({ ...pb, questions: otherQs }, mode, person.answers).done) return;
      output.write(`${ctx.out.bold(m.aboutPerson(person.name))}\n`);
      const given = again ? {} : person.answers;
      const offered = again ? { ...knownOf(person.name), ...person.answers } : knownOf(person.name);
      person.answers = await askPart({ ...pb, questions: otherQs }, given, offered, person.name, true, (a) => {
        person.answers = a;
        saveDraft(answers, order);
      });
      saveDraft(answers, order);
    };
    // a draft interrupted among the others: the person left half asked is finished first
    for (const person of others) {
      try {
        await askAbout(person, false);
      } catch (err) {
        if (!backedOut(err)) throw err;
        await askAbout(person, true);
      }
    }
    let offeredName: string | undefined;
    for (let n = 0; n < MAX_OTHERS * 2 && others.length <= MAX_OTHERS; n++) {
      nameQ.text = { [locale]: others.length ? m.anotherPresent : m.othersPresent };
      let named: Answers;
      try {
        // going back from "anyone else?" reopens the last person named
        named = await askPart({ ...pb, questions: [nameQ] }, {}, offeredName !== undefined ? { [personQ]: offeredName } : {}, undefined, others.length > 0 || order.length > 0);
      } catch (err) {
        if (!backedOut(err)) throw err;
        if (others.length === 0) {
          // nobody named yet: back into the interview, its last answer offered again
          const id = order.at(-1) as string;
          const was = answers[id];
          answers = Object.fromEntries(Object.entries(answers).filter(([k]) => k !== id));
          order = order.slice(0, -1);
          saveDraft(answers, order);
          const o = interviewOpts();
          // (the answer is offered for the person it was given of, not for another named instead)
          const whose = personName(answers);
          const same = (a: Answers) => personName(a) === undefined || whose === undefined || nameKey(personName(a) as string) === nameKey(whose);
          answers = await interview({ ...o, answers, order, defaults: (a: Answers) => ({ ...o.defaults(a), ...(was !== undefined && was !== null && same(a) ? { [id]: was } : {}) }) });
          continue;
        }
        const last = others.at(-1) as OtherPerson;
        try {
          await askAbout(last, true);
        } catch (inner) {
          if (!backedOut(inner)) throw inner;
          // back past their first question: their name is asked again, as typed before
          others = others.slice(0, -1);
          offeredName = last.name;
          saveDraft(answers, order);
        }
        continue;
      }
      offeredName = undefined;
      const name = typeof named[personQ] === 'string' ? sanitize(named[personQ] as string).trim() : '';
      if (!name) break;
      if ((main && nameKey(name) === nameKey(main)) || others.some((o) => nameKey(o.name) === nameKey(name))) continue;
      // what is known of them already is offered, as for the person the visit is about
      const person: OtherPerson = { name, answers: {} };
      others = [...others, person];
      saveDraft(answers, order);
      try {
        await askAbout(person, false);
      } catch (err) {
        if (!backedOut(err)) throw err;
        others = others.filter((o) => o !== person);
        offeredName = name;
        saveDraft(answers, order);
      }
    }
    // the first KP was at the meeting as another person: the visit reads as one with them (the class
    // follows them), so what is asked of a meeting with the first KP is asked now, of them ("did you ask
    // for the signature?" was never asked though the class moved to A "because you met the first KP")
    const decisionQ = pb.roles.decision;
    const lead = decisionQ ? leadOf(pb, answers, others) : undefined;
    if (lead && decisionQ) {
      const asLead: Answers = { ...answers, [decisionQ]: lead.role, [personQ]: lead.name };
      if (!nextStep(pb, mode, asLead).done) {
        output.write(`${ctx.out.bold(m.aboutPerson(lead.name))}\n`);
        const asked = await askPart(pb, asLead, {}, lead.name, false, (a) => {
          for (const [id, v] of Object.entries(a)) if (id !== decisionQ && id !== personQ && answers[id] === undefined) answers[id] = v;
          saveDraft(answers, order);
        });
        for (const [id, v] of Object.entries(asked)) if (id !== decisionQ && id !== personQ && answers[id] === undefined) answers[id] = v;
        saveDraft(answers, order);
      }
    }
  }
  return { answers, stepDecisions, others };

  /** A part of the interview asked apart from the playbook's order (the others at the meeting). */
  async function askPart(part: Playbook, given: Answers, defaults: Answers, who: string | undefined, canLeaveBack: boolean, onAnswer?: (a: Answers) => void): Promise<Answers> {
    if (!runInterview) return given;
    const partDriver = (await import('./ask.js')).askWithInquirer(part, io, ctx, (a) => onAnswer?.(a), stop.signal);
    const onSignal = () => stop.abort();
    const signals = ['SIGTERM', 'SIGHUP'] as const;
    for (const sig of signals) process.on(sig, onSignal);
    try {
      const lookup = (a: Answers) => lookupFor(who && personQ ? { ...a, [personQ]: who } : a, account);
      return await runInterview(part, { mode, locale, answers: given, order: [], defaults, visitDate: date, lookup, canLeaveBack }, partDriver);
    } catch (err) {
      if (backedOut(err)) throw err;
      return interrupted(err);
    } finally {
      for (const sig of signals) process.removeListener(sig, onSignal);
    }
  }
}

/** The rep went back from the first question of a part (ui/interview's BackedOut, loaded lazily with it). */
const backedOut = (err: unknown) => err instanceof Error && err.name === 'BackedOut';

/** More people than this at one meeting are a seminar, not a visit: the rep is not asked on for ever. */
const MAX_OTHERS = 12;

/** Stage 4: the engine's plan for this visit and what it means for the account (pure, but for reading what the rep saw before). */
interface Evaluated {
  result: CoachingResult;
  applied?: { state: AccountState; events: AccountEvent[] };
  /** The rep's decisions on the account's open steps: they still hold if the visit is applied again. */
  stepDecisions: Record<number, StepDecision>;
  notes: AccountNotes;
}

async function evaluateStage(run: SessionRun, inputs: Inputs, context: SessionContext, interviewed: Interviewed): Promise<Evaluated> {
  const { mode, opts } = run;
  const { account, locale } = inputs;
  const { pb, state, store, date, backfilled, persona } = context;
  const { answers, stepDecisions, others } = interviewed;
  const person = personOf(pb.roles.person, answers);
  // the account's history, read once: what the rep has seen, and what changed since the last visit
  const timeline = store && account && state ? await store.timeline(account) : undefined;
  const history = backfilled ? undefined : historyFor(pb, state, person, timeline ? latestVisit(timeline) : undefined, timeline ? classReasonsOf(timeline, state?.class) : undefined);
  // the buying map: where each of the account's people stands, as last known
  const stanceQ = pb.roles.stance?.question;
  const winQ = pb.roles.personalWin;
  const people = state && stanceQ
    ? state.people.map((p) => ({ name: p.name, ...(typeof p.facts[stanceQ] === 'string' ? { stance: p.facts[stanceQ] as string } : {}), ...(winQ && typeof p.facts[winQ] === 'string' ? { personalWin: p.facts[winQ] as string } : {}) }))
    : undefined;
  const decider = backfilled ? undefined : deciderOf(pb, state);
  const seen = timeline && !opts.full ? seenBefore(timeline, pb, mode, answers, person) : undefined;
  const evaluated = evaluateSession(pb, {
    mode,
    answers,
    visitDate: date,
    // a prep made before the visit's day: its steps "before the visit" are due from today, not before it
    ...(mode === 'prep' ? { today: localToday() } : {}),
    locale,
    account: account ? { name: account, history, ...(people ? { people } : {}), ...(decider ? { decider } : {}), ...(seen ? { seen } : {}), ...(metBeforeOf(store !== undefined, state, person) !== undefined ? { metBefore: metBeforeOf(store !== undefined, state, person) } : {}) } : undefined,
    ...(persona !== undefined ? { persona } : {}),
    ...(others.length ? { others } : {}),
  });
  // a deal value given now is in the config's currency (or the language's), kept with it
  const currency = currencyOf(run.ctx.config, locale);
  const applied = account ? applyVisit(pb, state ?? emptyAccount(account), { result: evaluated, stepDecisions, ...(currency ? { currency } : {}) }) : undefined;
  // what the rep sees and what is kept: a step carried from an earlier session with its first date
  const carriedDates = applied ? withCarriedDates(evaluated, applied.state) : evaluated;
  // what changed since the last visit is every fact of the account and of its people, whoever was
  // met: the engine's list compares only the person of this visit with the person of the last one
  const result = history && state && applied && timeline ? { ...carriedDates, changes: await changeLines(pb, locale, changesSince(pb, asAtLastVisit(pb, state, editsSinceLastVisit(timeline)), applied.state)) } : carriedDates;
  // overdue as of the day the screen is read, or of the visit's day for a session dated before it (a
  // debrief entered late says what was overdue at that visit, as its screen did then)
  const [readOn] = [localToday(), date].sort();
  const notes = accountNotes(applied?.events ?? [], applied?.state, result, locale, readOn, backfilled && state?.lastVisit ? state.lastVisit : undefined);
  return { result, ...(applied ? { applied } : {}), stepDecisions, notes };
}

/** Stage 5: the result on the terminal, or as JSON. */
async function renderStage(run: SessionRun, _inputs: Inputs, evaluated: Evaluated): Promise<void> {
  const { opts, io, ctx } = run;
  const { result, applied, notes } = evaluated;
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(sanitizeDeep({ ...result, ...(applied ? { accountEvents: applied.events, stillOpen: notes.stillOpen } : {}) }), null, 2)}\n`);
    return;
  }
  const { renderResult } = await import('../ui/render-terminal.js');
  const { widthOf } = await import('../ui/style.js');
  io.stdout.write(renderResult(result, ctx.out, widthOf(io.stdout), notes, { full: opts.full === true }));
}

/** Stage 6: the visit saved in one write (or kept for the team database), the draft gone, then the --out file. */
async function persistStage(run: SessionRun, inputs: Inputs, context: SessionContext, evaluated: Evaluated): Promise<void> {
  const { mode, opts, io, ctx, interactive, drafts } = run;
  const { account, locale, dryRun, ownsDraft } = inputs;
  const { pb, playbookRef, revision } = context;
  const { result, applied, stepDecisions } = evaluated;
  // a save that fails (a busy or full database) says so, and where the answers are kept
  const notSaved = (err: unknown): never => {
    if (!(err instanceof Error) || err.name !== 'StoreError') throw err;
    let kept = false;
    try {
      kept = interactive && drafts.find(mode, account) !== undefined;
    } catch {
      // the journal cannot even be read: say what failed, without the draft
    }
    const resume = kept ? resumeCommand(mode, account) : undefined;
    throw new UserError(said('saveFailed', { inner: innerOf(err), ...(resume ? { resume } : {}) }), `${err.message}; the visit was not saved`, kept ? `your answers are kept as a draft; when it is free, continue with: ${resumeCommand(mode, account)}` : (err as Error & { hint?: string }).hint);
  };
  // the visit is saved before anything else can fail (a bad --out never costs the rep the visit)
  if (!dryRun && account && applied) {
    const recorded = await recordVisit(await run.getStore(), pb, account, result, {
      at: now(),
      applied,
      ...(revision !== undefined ? { basedOn: revision } : {}),
      // applied again to a changed account, the rep's decisions on its steps still hold
      stepDecisions,
      ...(currencyOf(ctx.config, locale) ? { currency: currencyOf(ctx.config, locale) } : {}),
      playbookSource: ctx.registry.find(playbookRef) ? playbookRef : resolvePlaybookTarget(ctx, playbookRef),
      ...keptPlaybook(pb, ctx),
    }).catch(notSaved);
    // kept for the team database is said even with --json: the rep must know the visit has not reached it yet
    if (recorded.pending) io.stderr.write(`${UI[locale].savedLater(sanitize(account))}\n`);
    else if (!opts.json) io.stderr.write(`${UI[locale].saved(sanitize(account))}\n`);
  } else if (!opts.json && !opts.demo) io.stderr.write(`${dryRun ? UI[locale].dryRun : UI[locale].notSavedNoAccount}\n`);
  if (ownsDraft) drafts.remove(mode, account);
  // the --out file comes after the save: a file that cannot be written must never cost the visit
  if (opts.out) {
    const { renderMarkdown } = await import('../ui/render-markdown.js');
    const { writeFileAtomic } = await import('./files.js');
    try {
      // like report and export, an existing file is replaced only when asked (--force)
      writeFileAtomic(resolve(io.cwd, opts.out), renderMarkdown(result), { force: opts.force === true, shown: opts.out });
    } catch (err) {
      if (err instanceof UserError && !dryRun && account) throw new UserError(said('savedButOutFailed', { inner: innerOf(err) }), `${err.message}; the visit itself is saved`, err.hint);
      throw err;
    }
    if (!opts.json) io.stderr.write(`${UI[locale].wroteMarkdown(sanitize(opts.out))}\n`);
  }
  if (opts.copy) await copyMessage(result, io, locale);
}

/**
 * --copy: the message the rep sends next (a debrief's follow-up, else the recap) on the clipboard.
 * After the save, and never fatal: a machine with no clipboard (no display, no xsel) is told so in one
 * line and the message stays on the screen to copy by hand.
 */
async function copyMessage(result: CoachingResult, io: SessionRun['io'], locale: Locale): Promise<void> {
  const text = result.followUp ?? result.recap;
  if (!text) {
    io.stderr.write(`${UI[locale].nothingToCopy}\n`);
    return;
  }
  try {
    const { default: clipboard } = await import('clipboardy');
    // a clipboard tool that never exits (xclip waiting on a display that does not answer) must not
    // hold the session: the visit is saved, the message is on the screen to copy by hand
    const limit = Number(io.env.SALES_COACH_CLIPBOARD_TIMEOUT_MS);
    const ms = Number.isFinite(limit) && limit > 0 ? limit : 3000;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      clipboard.write(sanitizeBlock(text)),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the clipboard tool did not answer within ${ms / 1000} s.`)), ms);
        timer.unref();
      }),
    ]).finally(() => clearTimeout(timer));
    io.stderr.write(`${UI[locale].copied(result.followUp ? 'followUp' : 'recap')}\n`);
  } catch (err) {
    // clipboardy says why in its first line (no display server, no xsel)
    io.stderr.write(`${UI[locale].notCopied(sanitize(String((err as Error).message ?? err).split('\n')[0] ?? ''))}\n`);
  }
}

/** "no answer to X", at the file's answers: key, for each question a script leaves out. */
function missingAnswerDiagnostics(missing: readonly Question[], source: { file: string; locateKey: (path: (string | number)[]) => { line: number; col: number } } | undefined, locale: Locale, lookup: (name: string) => string | undefined): Diagnostic[] {
  const file = source?.file ?? '<answers>';
  const where = source ? source.locateKey(['answers']) : { line: 0, col: 0 };
  return missing.map((q) => ({
    file,
    ...where,
    code: 'missing-answer',
    severity: 'error',
    message: NOTICE_MESSAGES[locale].noAnswer(q.id, fillTemplate(localize(q.text, locale), lookup)),
    hint: NOTICE_MESSAGES[locale].noAnswerHint,
  }));
}

/** The person a session's answers name (the playbook's roles.person), trimmed. */
function personOf(personQ: string | undefined, a: Answers): string | undefined {
  const v = personQ ? a[personQ] : undefined;
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** What the engine compares with to say what changed: the account's facts, and the person's only if it is the same person. */
/** Why the class on record was given: the reasons of the latest event that recorded it, in every language. */
function classReasonsOf(timeline: AccountTimeline, klass: string | undefined): AccountHistory['classReasons'] {
  if (klass === undefined) return undefined;
  const given = timeline.events.map((e) => e.event).filter((e) => e.kind === 'class-changed' && e.to === klass).at(-1);
  if (given?.kind !== 'class-changed') return undefined;
  return given.reasons ?? (given.because.length ? { en: given.because } : undefined);
}

function historyFor(pb: Playbook, state: AccountState | undefined, person: string | undefined, latest?: AccountTimeline['visits'][number], classReasons?: AccountHistory['classReasons']): AccountHistory | undefined {
  if (!state?.lastVisit || !state.lastAnswers) return undefined;
  const samePerson = person !== undefined && state.lastPerson !== undefined && nameKey(person) === nameKey(state.lastPerson);
  // a person's facts as last recorded for them, though someone else was met in between
  const known = findPerson(state, person);
  const before: Answers = {};
  for (const q of pb.questions) {
    const scope = carryScope(q);
    if (q.id === pb.roles.person) continue;
    if (scope === 'account' || (scope === 'person' && samePerson)) {
      if (state.lastAnswers[q.id] !== undefined) before[q.id] = state.lastAnswers[q.id];
    } else if (scope === 'person' && known?.facts[q.id] !== undefined) before[q.id] = known.facts[q.id];
  }
  const agreed = pb.roles.nextMeeting ? state.lastAnswers[pb.roles.nextMeeting] : undefined;
  return {
    // what the last session was, what a prep expected (it records no class), and the meeting a debrief agreed
    lastVisit: {
      date: state.lastVisit,
      mode: latest?.date === state.lastVisit && latest.mode !== 'plan' ? latest.mode : 'prep',
      ...(state.class ? { class: state.class } : {}),
      answers: before,
      ...(latest?.date === state.lastVisit && latest.mode === 'prep' && latest.result?.classification?.class ? { expected: latest.result.classification.class } : {}),
      ...(typeof agreed === 'string' ? { agreed } : {}),
    },
    ...(state.class ? { class: state.class } : {}),
    ...(state.class && classReasons ? { classReasons } : {}),
    ...(state.classStatus !== undefined ? { classSince: state.classSince ?? state.lastVisit } : {}),
    ...(state.classDeadline ? { classDeadline: state.classDeadline } : {}),
    ...(state.signed ? { signed: true } : {}),
    ...(Array.isArray(state.facts[LAPSED_FACT]) ? { lapsedFrom: state.facts[LAPSED_FACT] as string[] } : {}),
    ...(typeof state.facts[AGREED_FACT] === 'string' && typeof state.facts[RECORDED_FACT] === 'string' ? { agreedMeeting: { agreed: state.facts[AGREED_FACT] as string, debriefed: state.facts[RECORDED_FACT] as string } } : {}),
  };
}

/**
 * What the rep has read already: the persona's profile at an earlier session with this same person,
 * and the tips of every earlier session on the account (the last session's alone let the one before's
 * come back at every other visit: a prep, its debrief, the next prep with the first prep's tips). The
 * result then shows what is new, the rest behind --full.
 */
function seenBefore(timeline: AccountTimeline, pb: Playbook, mode: Mode, answers: Answers, person: string | undefined): Seen | undefined {
  const visits = timeline.visits;
  if (!visits.length) return undefined;
  const personaNow = pickPersona(pb, mode, answers)?.id;
  const samePerson = (v: (typeof visits)[number]) => person !== undefined && v.person !== undefined && nameKey(v.person) === nameKey(person);
  const profile = personaNow !== undefined && visits.some((v) => samePerson(v) && v.result?.persona?.id === personaNow);
  const tips = new Set(visits.flatMap((v) => (v.result?.tips ?? []).map((t) => t.id)));
  // the advice the last session with this person of this mode gave (its kept ids: the persona's advice
  // among them): a prep's advice is the last prep's news, not the debrief's between them ("open with a
  // short summary of the last visit" was new again at every prep of a prep, debrief, prep fortnight)
  const lastWith = visits.filter((v) => samePerson(v) && v.mode === mode).reduce<(typeof visits)[number] | undefined>((a, b) => (!a || b.date > a.date || (b.date === a.date && b.id > a.id) ? b : a), undefined);
  const advice = personaNow !== undefined && lastWith?.result?.persona?.id === personaNow ? (lastWith.result.kept ?? []) : [];
  return { ...(profile ? { personaProfile: true } : {}), tips: [...tips], ...(advice.length ? { advice: [...advice] } : {}) };
}

/** The latest visit of a timeline (the latest date; of one day, the one saved last). */
function latestVisit(timeline: AccountTimeline): AccountTimeline['visits'][number] | undefined {
  return timeline.visits.reduce<AccountTimeline['visits'][number] | undefined>((a, b) => (!a || b.date > a.date || (b.date === a.date && b.id > a.id) ? b : a), undefined);
}

/**
 * The facts changed between visits since the latest one (`account set`: events of no visit), oldest
 * first: those written after that visit's own events, or after it was saved when it had none.
 */
function editsSinceLastVisit(timeline: AccountTimeline): AccountEvent[] {
  const last = latestVisit(timeline);
  if (!last) return [];
  const own = timeline.events.filter((e) => e.visitId === last.id).map((e) => e.id);
  const after = (e: AccountTimeline['events'][number]) => (own.length ? e.id > Math.max(...own) : e.at > last.createdAt);
  return timeline.events
    .filter((e) => e.visitId === undefined && (e.event.kind === 'person-updated' || e.event.kind === 'facts-updated') && after(e))
    .sort((a, b) => a.id - b.id)
    .map((e) => e.event as AccountEvent);
}

/**
 * The day the facts offered as "still as recorded?" were last recorded: the visit's, or a later
 * `account set` of one of them (of the account, or of this person).
 */
function laterEdit(pb: Playbook, timeline: AccountTimeline, recorded: string, person: string | undefined, ids: readonly string[]): string {
  // a person row keeps its title, role and type by those names: their questions' ids are what is offered
  const idOf = (field: string) => (field === 'title' ? pb.roles.title : field === 'role' ? pb.roles.decision : field === 'persona' ? pb.questions.find((q) => q.kind === 'persona')?.id : field);
  let day = recorded;
  for (const { event: e } of timeline.events) {
    if (e.kind !== 'facts-updated' && e.kind !== 'person-updated') continue;
    if (e.kind === 'person-updated' && (person === undefined || nameKey(e.person) !== nameKey(person))) continue;
    if (e.date > day && e.changes.some((c) => ids.includes(idOf(c.field) ?? c.field))) day = e.date;
  }
  return day;
}

/** The changes in the words of the account's timeline, each with its owner: "Mr Zhao: stance Neutral → A supporter". */
async function changeLines(pb: Playbook, locale: Locale, changes: readonly FactChange[]): Promise<CoachingResult['changes']> {
  if (!changes.length) return [];
  const { labelerFor } = await import('../ui/views/labels.js');
  const { factChangeText } = await import('../ui/views/account.js');
  const label = labelerFor(pb, locale);
  return changes.map((c) => ({ question: c.question, before: c.before, after: c.after, text: factChangeText(label, locale, c) }));
}

/** The class move in words, and the steps still open from earlier sessions. */
function accountNotes(events: AccountEvent[], state: AccountState | undefined, result: CoachingResult, locale: Locale, today: string, backfilledBefore?: string): AccountNotes {
  // state is the account after this visit: its open steps are the ones kept, plus this visit's
  const m = UI[locale];
  const move = classMove(events);
  const label = (id: string | undefined, labels?: Partial<Record<Locale, string>>) => (id ? (labels?.[locale] ?? id) : m.provisional);
  let moved: string | undefined;
  if (move?.from && (move.to || move.status === 'provisional')) {
    // a window that ran out is said by the reason above, a sentence of its own: not again after "because"
    // ("Class moved from A to B because The A window ended on Thu 3 Dec without a signature…")
    moved = result.classification.lapsed?.deadline !== undefined ? m.movedLapsed(label(move.from, move.fromLabels), label(move.to, move.labels)) : m.moved(label(move.from, move.fromLabels), label(move.to, move.labels), MESSAGES[locale].list(move.because));
  }
  // steps from earlier sessions that this one did not issue again (those are in its own next steps)
  const issued = new Set(result.checklist.flatMap((i) => [i.id, stepKeyOf(i)]));
  // (not those past their last day: every screen leaves them out, as the window-over flag speaks for an ended window)
  const stillOpen = (state?.openSteps ?? []).filter((s) => s.id !== undefined && !issued.has(s.key) && !isLapsed(s, today)).map((s) => ({ text: stepText(s, locale), due: s.due }));
  return { ...(moved ? { moved } : {}), stillOpen, today, ...(backfilledBefore ? { backfilled: m.backfilled(backfilledBefore) } : {}) };
}


/** Offers the unfinished session: continue it, or discard it (asked twice, it cannot be undone). */
async function offerDraft(io: IO, locale: Locale, mode: Mode, d: Draft): Promise<boolean> {
  const { select, confirm } = await import('../ui/prompts.js');
  const { promptTheme } = await import('../ui/prompt.js');
  const output = (io.stdout as { isTTY?: boolean }).isTTY ? io.stdout : io.stderr;
  const m = UI[locale];
  try {
    for (;;) {
      const theme = promptTheme(locale);
      const saved = d.savedAt.slice(0, 16).replace('T', ' ');
      const choice = await select({ message: m.draftFound(m.modeName[mode], Object.keys(d.answers).length, sanitize(saved)), choices: [{ name: m.draftContinue, value: 'continue' }, { name: m.draftDiscard, value: 'discard' }], theme }, { input: io.stdin, output } as never);
      if (choice === 'continue') return true;
      if (await confirm({ message: m.draftDiscardSure, default: false, theme }, { input: io.stdin, output } as never)) return false;
    }
  } catch (err) {
    // the draft is untouched: say how to go on with it, as an interview interrupted does
    if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) throw new Interrupted(m.draftSaved(answeredIn(d), resumeCommand(mode, d.account)));
    throw err;
  }
}


/**
 * Whether the person met was met at an earlier visit to this account: an account the store does not
 * hold yet is a first meeting; without the store (the demo, no account) or a name, not known.
 */
function metBeforeOf(storeRead: boolean, state: AccountState | undefined, person: string | undefined): boolean | undefined {
  if (!storeRead) return undefined;
  if (!state) return false;
  if (person === undefined) return undefined;
  return findPerson(state, person)?.lastMet !== undefined;
}

/** The answers a draft holds: the rep's about the person met, and those about each other person at the meeting. */
function answeredIn(d: { answers: Answers; others?: { answers: Answers }[]; stepDecisions?: Record<number, unknown> }): number {
  // the open steps' question counts as one answer, as at the first question (session-start.ts): a
  // Ctrl-C after it said "your 0 answers are saved as a draft" of a draft that holds it
  const steps = Object.keys(d.stepDecisions ?? {}).length ? 1 : 0;
  return Object.keys(d.answers).length + steps + (d.others ?? []).reduce((n, o) => n + Object.keys(o.answers).length, 0);
}

/** The line to paste to continue: quoted so that any account name survives the shell as it is. */
export function resumeCommand(mode: Mode, account?: string): string {
  return shellCommand(['sales-coach', mode, '--resume', ...(account ? ['--account', account] : [])]);
}

/** One question instead of many: are last visit's facts (the contact, their role…) still true? */
async function confirmCarried(io: IO, pb: Playbook, locale: Locale, date: string, answers: Answers, carried: string[]): Promise<boolean> {
  const { confirm } = await import('../ui/prompts.js');
  const output = (io.stdout as { isTTY?: boolean }).isTTY ? io.stdout : io.stderr;
  const facts = carried.map((id) => {
    const q = pb.questions.find((x) => x.id === id) as Playbook['questions'][number];
    const v = answers[id];
    // labels, never ids: "asks about every detail, takes notes", not "asks_details,takes_notes"
    const labelOf = (x: unknown) => {
      if (q.kind === 'persona' && x === NOT_SURE) return MESSAGES[locale].notSure;
      const option = q.kind === 'persona' ? pb.personas.find((p) => p.id === x)?.name : q.options?.find((o) => o.value === x)?.label;
      return option ? localize(option, locale) : String(x);
    };
    return UI[locale].label(localize(q.short, locale) || id, Array.isArray(v) ? v.map(labelOf).join(UI[locale].listSep) : String(labelOf(v)));
  });
  // Ctrl-C here is the interview's: the caller says what is kept and how to go on
  // the answer echoed in the rep's language ("是", not "Yes")
  const { promptTheme } = await import('../ui/prompt.js');
  return confirm(
    { message: UI[locale].carriedConfirm(formatDate(date, locale), sanitize(facts.join(' · '))), default: true, transformer: (yes: boolean) => (yes ? UI[locale].yes : UI[locale].no), theme: promptTheme(locale) },
    { input: io.stdin, output } as never,
  );
}

async function readAnswersSource(ctx: Context, file: string, bytes: Uint8Array, locale: Locale): Promise<AnswersSource> {
  // the YAML reader loads only for a session that has an answers file
  const { readAnswersMeta } = await import('../playbook/answers-file.js');
  const r = readAnswersMeta(file, bytes, locale);
  if (hasErrors(r.diagnostics) || !r.meta || !r.raw || !r.locate || !r.locateKey) {
    await printDiagnostics(ctx, r.diagnostics, new Map(r.text ? [[file, r.text]] : []), undefined, undefined, NOTICE_MESSAGES[locale]);
    throw UserError.worded(NOTICE_MESSAGES[locale].cannotRead, NOTICE_MESSAGES[locale].cannotReadHint);
  }
  return { file, raw: r.raw, meta: r.meta, text: r.text, locate: r.locate, locateKey: r.locateKey };
}

async function loadForSession(ctx: Context, ref: string, storedFor?: string): Promise<Playbook> {
  let file: string;
  try {
    file = resolvePlaybookTarget(ctx, ref);
  } catch (err) {
    if (storedFor === undefined) throw err;
    throw new UserError(said('playbookGone', { account: storedFor, ref }), `"${storedFor}" was classified with the playbook ${ref}, which cannot be found now`, 'give the playbook to use: --playbook ID|FILE');
  }
  const r = await loadPlaybookCached(ctx.registry, file, ctx.io.env);
  if (!r.playbook || hasErrors(r.diagnostics)) {
    await printDiagnostics(ctx, r.diagnostics, r.sources);
    const command = shellCommand(['sales-coach', 'playbook', 'validate', ref]);
    throw new UserError(said('playbookInvalid', { target: ref, command }), `the playbook ${ref} is invalid; fix it first`, command, EXIT.findings);
  }
  return r.playbook;
}

/**
 * The playbook that classified the visit, kept with it by its content (issue 24): `stats` and
 * `report` find a playbook given as a file after the file is gone. Nothing when a file cannot be read
 * now (the visit is saved all the same).
 */
function keptPlaybook(pb: Playbook, ctx: Context): { playbook?: StoredPlaybook } {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  const source = snapshotPlaybook(pb, read, ctx.registry.entries);
  return source === undefined ? {} : { playbook: { hash: pb.hash, id: pb.id, source } };
}

/** Optional questions left out of an answers file count as skipped. */
function skipOptional(pb: Playbook, mode: Mode, answers: Answers, known: KnownState = {}): Answers {
  const out = { ...answers };
  for (let changed = true; changed; ) {
    changed = false;
    for (const q of walkInterview(pb, mode, out, known).questions) {
      if (q.required === false && !Object.hasOwn(out, q.id)) {
        out[q.id] = null;
        changed = true;
      }
    }
  }
  return out;
}

/** Every question still without an answer, in order: skipping each one shows the ones after it. */
export function missingQuestions(pb: Playbook, mode: Mode, answers: Answers, known: KnownState = {}) {
  const probe: Answers = { ...answers };
  const missing = [];
  for (let i = 0; i < pb.questions.length + 1; i++) {
    const step = nextStep(pb, mode, probe, known);
    if (step.done) break;
    missing.push(step.question);
    probe[step.question.id] = null;
  }
  return missing;
}
