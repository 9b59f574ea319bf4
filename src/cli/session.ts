/**
 * `prep` and `debrief` (and `demo`): gather answers (keyboard, answers file, stdin, draft), run the
 * engine, render. The only place that reads the clock is here, to default the visit date.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Diagnostic, hasErrors, suggest } from '../core/diagnostic.js';
import { type Answers, isUnknown, isValidDate } from '../engine/answers.js';
import { addDays } from '../engine/dates.js';
import { type AccountHistory, evaluateSession } from '../engine/evaluate.js';
import { nextStep, walkInterview } from '../engine/interview.js';
import { fillTemplate, localize } from '../engine/text.js';
import { type AnswersFileMeta, checkAnswers, readAnswersMeta } from '../playbook/answers-file.js';
import type { Contact, Store } from '../store/types.js';
import { openStore } from './store.js';
import { describeFsError, readFileBounded } from './files.js';
import { MAX_FILE_BYTES } from '../core/yaml-source.js';
import type { Locale, Mode, Playbook } from '../playbook/types.js';
import { UI } from '../ui/messages.js';
import { sanitize, sanitizeDeep, shellCommand } from '../ui/sanitize.js';
import { type Context, localeOf, makeContext, printDiagnostics, resolvePlaybookTarget } from './context.js';
import { DraftStore } from './drafts.js';
import { EXIT, Interrupted, UserError } from './errors.js';
import { localToday } from './clock.js';
import type { GlobalOptions, IO } from './io.js';
import { packageRoot } from './paths.js';
import { loadPlaybookCached } from './playbook-cache.js';
import { pickLocale } from './config.js';

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
      if (total === 0 && Number.isFinite(idleMs)) timer = setTimeout(() => finish(new UserError(`standard input stayed open with nothing on it for ${idleMs / 1000} s; nothing was run`, 'give the answers with --answers FILE, or end the input (< file, or Ctrl-D)')), idleMs);
    };
    const onData = (chunk: Buffer | string) => {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += b.length;
      if (total > maxBytes) return finish(new UserError(`the answers on standard input are over ${maxBytes / 1024 / 1024} MB; nothing was run`, 'is it the right input?'));
      chunks.push(b);
      arm();
    };
    const onEnd = () => finish();
    const onError = (err: Error) => finish(new UserError(`cannot read standard input: ${(err as NodeJS.ErrnoException).code ?? err.message}`));
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
  try {
    return await runSession(mode, opts, io, ctx, getStore, stdinTTY, interactive, g);
  } finally {
    store?.close();
  }
}

async function runSession(mode: Mode, opts: SessionOptions, io: IO, ctx: Context, getStore: () => Promise<Store>, stdinTTY: boolean, interactive: boolean, g: GlobalOptions): Promise<number> {
  let draftStore: DraftStore | undefined;
  const drafts = async () => {
    draftStore ??= new DraftStore(await getStore());
    return draftStore;
  };

  // -- where the answers come from ------------------------------------------------------------
  let source: AnswersSource | undefined;
  if (opts.demo) source = readAnswersSource(ctx, join(packageRoot(), 'examples', 'demo-prep.yaml'), readFileSync(join(packageRoot(), 'examples', 'demo-prep.yaml')));
  else if (opts.answers === '-' || (!opts.answers && !stdinTTY && !opts.resume)) {
    // read stdin whole and feed the engine, never the prompts (they cannot share a pipe)
    const idle = Number(io.env.SALES_COACH_STDIN_TIMEOUT_MS);
    // someone typing YAML into a terminal (`--answers -`) may take their time; a pipe may not
    const bytes = await readStdin(io.stdin, stdinTTY ? Number.POSITIVE_INFINITY : Number.isFinite(idle) && idle > 0 ? idle : 2000);
    if (bytes.length === 0) {
      throw new UserError(
        'no terminal to ask the questions on, and no answers given',
        `run it in a terminal, or give the answers: sales-coach ${mode} --answers FILE (see the README, "Scripted sessions")`,
      );
    }
    source = readAnswersSource(ctx, '<stdin>', bytes);
  } else if (opts.answers) {
    const file = resolve(io.cwd, opts.answers);
    let bytes: Buffer;
    try {
      bytes = readFileBounded(file, MAX_FILE_BYTES, 'the answers file');
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(`cannot read the answers file ${opts.answers}: ${describeFsError(err)}`);
    }
    source = readAnswersSource(ctx, file, bytes);
  }
  const meta = source?.meta ?? {};
  if (meta.mode && meta.mode !== mode && !opts.demo) {
    throw new UserError(`the answers file is for a ${meta.mode}, not a ${mode}`, `run ${shellCommand(['sales-coach', meta.mode, '--answers', opts.answers ?? '-'])}`);
  }

  // -- a resumed draft ---------------------------------------------------------------------------
  const draft = opts.resume ? (await drafts()).find(mode, opts.account ?? meta.account) : undefined;
  if (opts.resume && !draft) {
    throw new UserError(`no interrupted ${mode} to resume${opts.account ? ` for "${opts.account}"` : ''}`, `start a new one: ${shellCommand(['sales-coach', mode, ...(opts.account ? ['--account', opts.account] : [])])}`);
  }

  const locale: Locale = g.lang ? localeOf(ctx, g) : meta.lang ? pickLocale(meta.lang, io.env, ctx.config) : draft ? pickLocale(draft.lang, io.env, ctx.config) : localeOf(ctx, g);
  let account = opts.account ?? meta.account ?? draft?.account;
  // a blank name would be saved as an account nobody can name again (or silently not saved at all)
  if (account !== undefined && !sanitize(account).trim()) {
    throw new UserError(`the account name ${JSON.stringify(account)} is blank`, `name the customer company, e.g. ${shellCommand(['sales-coach', mode, '--account', 'Acme Ltd'])}`);
  }
  const dryRun = opts.dryRun === true || opts.demo === true;
  if (!account && interactive && !dryRun) account = await askAccount(io, locale);
  const playbookRef = opts.playbook ?? meta.playbook ?? draft?.playbook ?? 'abcd';
  const pb = await loadForSession(ctx, playbookRef);
  const date = opts.date ?? meta.date ?? draft?.date ?? (mode === 'prep' ? addDays(localToday(), 1) : localToday());
  if (!isValidDate(date)) throw new UserError(`--date ${date} is not a date`, 'write it as YYYY-MM-DD, e.g. --date 2026-11-26');

  // -- what the store remembers of this account --------------------------------------------------------
  const last = account && !opts.demo ? await (await getStore()).lastVisit(account) : undefined;
  const history: AccountHistory | undefined = last ? { lastVisit: { date: last.date, mode: last.mode, class: last.result.classification.class, answers: last.answers } } : undefined;

  // -- the answers given so far ---------------------------------------------------------------------
  let answers: Answers = { ...(draft?.answers ?? {}) };
  const carried: string[] = [];
  if (last && !opts.review && !draft) {
    // facts that carry between visits are not asked again; a "don't know" is asked again
    for (const q of pb.questions) {
      const v = last.answers[q.id];
      if (q.carry && v !== undefined && v !== null && !isUnknown(q, v)) {
        answers[q.id] = v;
        carried.push(q.id);
      }
    }
  }
  const diagnostics: Diagnostic[] = [];
  if (source) {
    const checked = checkAnswers(source.file, source.raw, pb, source.locate, source.locateKey);
    diagnostics.push(...checked.diagnostics);
    answers = { ...answers, ...checked.answers };
  }
  const persona = opts.persona ?? meta.persona ?? ctx.config.persona;
  if (persona !== undefined) {
    const ids = pb.personas.map((p) => p.id);
    if (!ids.includes(persona)) throw new UserError(`unknown persona "${persona}"`, suggest(persona, ids, 'one of'));
    const pq = pb.questions.find((q) => q.kind === 'persona');
    if (pq && answers[pq.id] === undefined) answers[pq.id] = persona;
  }
  if (hasErrors(diagnostics)) {
    printDiagnostics(ctx, diagnostics, new Map(source?.text ? [[source.file, source.text]] : []));
    io.stderr.write(`the answers file has ${diagnostics.length === 1 ? 'a mistake' : `${diagnostics.length} mistakes`}; nothing was run\n`);
    return EXIT.usage;
  }

  // -- ask what is missing, or say what is missing ------------------------------------------------------
  if (!interactive) answers = skipOptional(pb, mode, answers); // a script leaves out what it may leave out
  const missing = missingQuestions(pb, mode, answers);
  if (missing.length > 0) {
    if (!interactive) {
      const file = source?.file ?? '<answers>';
      const where = source ? source.locateKey(['answers']) : { line: 0, col: 0 };
      const list: Diagnostic[] = missing.map((q) => ({
        file,
        ...where,
        code: 'missing-answer',
        severity: 'error',
        message: `no answer to "${q.id}": ${fillTemplate(localize(q.text, locale), lookupFor(answers, account))}`,
        hint: 'add it under answers:, or run in a terminal (without --no-input) to be asked',
      }));
      printDiagnostics(ctx, list, new Map(source?.text ? [[source.file, source.text]] : []));
      io.stderr.write(`${missing.length} answer${missing.length === 1 ? '' : 's'} missing; nothing was run\n`);
      return EXIT.usage;
    }
    const { runInterview } = await import('../ui/interview.js');
    const { askWithInquirer } = await import('./ask.js');
    if (draft) io.stderr.write(`${UI[locale].resumed(Object.keys(draft.answers).length)}\n`);
    if (carried.length && last && !(await confirmCarried(io, pb, locale, last.date, answers, carried))) {
      // not the same facts any more: ask them again, the last visit's answers as defaults
      for (const id of carried) delete answers[id];
    }
    const draftsNow = await drafts();
    const saveDraft = (a: Answers, order: string[]) =>
      draftsNow.save({ version: 1, mode, account, playbook: playbookRef, date, lang: locale, answers: a, order, savedAt: new Date().toISOString() });
    // a kill (SIGTERM) or a closed terminal (SIGHUP) ends the interview as Ctrl-C does: the answers
    // are already in the draft, and the rep is told how to go on
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    const signals = ['SIGTERM', 'SIGHUP'] as const;
    for (const sig of signals) process.on(sig, onSignal);
    try {
      answers = await runInterview(
        pb,
        { mode, locale, answers, order: draft?.order ?? [], defaults: last?.answers, lookup: (a) => lookupFor(a, account) },
        askWithInquirer(pb, io, ctx, saveDraft, stop.signal),
      );
    } catch (err) {
      if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) {
        const d = draftsNow.find(mode, account);
        const cmd = resumeCommand(mode, account);
        throw new Interrupted(d ? UI[locale].draftSaved(Object.keys(d.answers).length, cmd) : undefined);
      }
      throw err;
    } finally {
      for (const sig of signals) process.removeListener(sig, onSignal);
    }
  }

  // -- the result -------------------------------------------------------------------------------------------
  const result = evaluateSession(pb, { mode, answers, visitDate: date, locale, account: account ? { name: account, history } : undefined, persona });
  if (opts.json) io.stdout.write(`${JSON.stringify(sanitizeDeep(result), null, 2)}\n`);
  else {
    const { renderResult } = await import('../ui/render-terminal.js');
    const { widthOf } = await import('../ui/style.js');
    io.stdout.write(renderResult(result, ctx.out, widthOf(io.stdout)));
  }
  // a save that fails (a busy or full database) says so, and where the answers are kept
  const notSaved = (err: unknown): never => {
    if (!(err instanceof Error) || err.name !== 'StoreError') throw err;
    let kept = false;
    try {
      kept = interactive && draftStore?.find(mode, account) !== undefined;
    } catch {
      // the store cannot even be read: say what failed, without the draft
    }
    throw new UserError(`${err.message}; the visit was not saved`, kept ? `your answers are kept as a draft; when it is free, continue with: ${resumeCommand(mode, account)}` : (err as Error & { hint?: string }).hint);
  };
  if (!dryRun && account) {
    const contactName = typeof result.answers.contact_name === 'string' ? result.answers.contact_name : undefined;
    await (await getStore()).saveVisit({
      account,
      mode,
      date,
      playbookId: pb.id,
      playbookHash: pb.hash,
      answers: result.answers,
      result,
      at: new Date().toISOString(),
      contact: contactName
        ? {
            name: contactName,
            role: typeof result.answers.contact_role === 'string' ? (result.answers.contact_role as Contact['role']) : undefined,
            approvalLayers: typeof result.answers.approval_layers === 'string' ? result.answers.approval_layers : undefined,
            persona: result.persona?.id,
          }
        : undefined,
    }).catch(notSaved);
    if (!opts.json) io.stderr.write(`${UI[locale].saved(sanitize(account))}\n`);
  } else if (!opts.json && !opts.demo) io.stderr.write(`${dryRun ? UI[locale].dryRun : UI[locale].notSavedNoAccount}\n`);
  draftStore?.remove(mode, account);
  // the --out file comes after the save: a file that cannot be written must never cost the visit
  if (opts.out) {
    const { renderMarkdown } = await import('../ui/render-markdown.js');
    const { writeFileAtomic } = await import('./files.js');
    try {
      writeFileAtomic(resolve(io.cwd, opts.out), renderMarkdown(result), { force: true, shown: opts.out });
    } catch (err) {
      if (err instanceof UserError && !dryRun && account) throw new UserError(`${err.message}; the visit itself is saved`, err.hint);
      throw err;
    }
    if (!opts.json) io.stderr.write(`${UI[locale].wroteMarkdown(sanitize(opts.out))}\n`);
  }
  return EXIT.ok;
}

/** The line to paste to continue: quoted so that any account name survives the shell as it is. */
export function resumeCommand(mode: Mode, account?: string): string {
  return shellCommand(['sales-coach', mode, '--resume', ...(account ? ['--account', account] : [])]);
}

/** One question instead of many: are last visit's facts (the contact, their role…) still true? */
async function confirmCarried(io: IO, pb: Playbook, locale: Locale, date: string, answers: Answers, carried: string[]): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  const output = (io.stdout as { isTTY?: boolean }).isTTY ? io.stdout : io.stderr;
  const facts = carried.map((id) => {
    const q = pb.questions.find((x) => x.id === id) as Playbook['questions'][number];
    const v = answers[id];
    const option = q.kind === 'persona' ? pb.personas.find((p) => p.id === v)?.name : q.options?.find((o) => o.value === v)?.label;
    return `${localize(q.short, locale) || id}: ${option ? localize(option, locale) : String(v)}`;
  });
  try {
    return await confirm({ message: UI[locale].carriedConfirm(date, sanitize(facts.join(' · '))), default: true }, { input: io.stdin, output } as never);
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') throw new Interrupted();
    throw err;
  }
}

async function askAccount(io: IO, locale: Locale): Promise<string | undefined> {
  const { input } = await import('@inquirer/prompts');
  const output = (io.stdout as { isTTY?: boolean }).isTTY ? io.stdout : io.stderr;
  try {
    const name = await input({ message: UI[locale].whichAccount }, { input: io.stdin, output } as never);
    return name.trim() || undefined;
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') throw new Interrupted();
    throw err;
  }
}

function readAnswersSource(ctx: Context, file: string, bytes: Uint8Array): AnswersSource {
  const r = readAnswersMeta(file, bytes);
  if (hasErrors(r.diagnostics) || !r.meta || !r.raw || !r.locate || !r.locateKey) {
    printDiagnostics(ctx, r.diagnostics, new Map(r.text ? [[file, r.text]] : []));
    throw new UserError('the answers file cannot be read; nothing was run', 'fix the problems above; the README shows a complete answers file');
  }
  return { file, raw: r.raw, meta: r.meta, text: r.text, locate: r.locate, locateKey: r.locateKey };
}

async function loadForSession(ctx: Context, ref: string): Promise<Playbook> {
  const file = resolvePlaybookTarget(ctx, ref);
  const r = await loadPlaybookCached(ctx.registry, file, ctx.io.env);
  if (!r.playbook || hasErrors(r.diagnostics)) {
    printDiagnostics(ctx, r.diagnostics, r.sources);
    throw new UserError(`the playbook ${ref} is invalid; fix it first`, shellCommand(['sales-coach', 'playbook', 'validate', ref]), EXIT.findings);
  }
  return r.playbook;
}

/** Optional questions left out of an answers file count as skipped. */
function skipOptional(pb: Playbook, mode: Mode, answers: Answers): Answers {
  const out = { ...answers };
  for (let changed = true; changed; ) {
    changed = false;
    for (const q of walkInterview(pb, mode, out).questions) {
      if (q.required === false && !Object.hasOwn(out, q.id)) {
        out[q.id] = null;
        changed = true;
      }
    }
  }
  return out;
}

/** Every question still without an answer, in order: skipping each one shows the ones after it. */
export function missingQuestions(pb: Playbook, mode: Mode, answers: Answers) {
  const probe: Answers = { ...answers };
  const missing = [];
  for (let i = 0; i < pb.questions.length + 1; i++) {
    const step = nextStep(pb, mode, probe);
    if (step.done) break;
    missing.push(step.question);
    probe[step.question.id] = null;
  }
  return missing;
}

function lookupFor(answers: Answers, account?: string) {
  return (name: string): string | undefined => {
    if (name === 'account.name') return account;
    if (name.startsWith('answers.')) {
      const v = answers[name.slice(8)];
      return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
    }
    return undefined;
  };
}
