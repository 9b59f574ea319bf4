/**
 * `playbook try FILE [--answers FILE] [--from QUESTION]`: the trainer's preview. Runs the interview
 * (asking in a terminal what the answers file leaves out, or everything from QUESTION on, the file's
 * answers offered as defaults) and shows the result through the session's own renderer, as a rep
 * would see it. Nothing is saved: no account, no draft, no database is opened.
 */
import { resolve } from 'node:path';
import { type Diagnostic, hasErrors, suggest } from '../core/diagnostic.js';
import { MAX_FILE_BYTES } from '../core/yaml-source.js';
import type { Answers } from '../engine/answers.js';
import { evaluateSession } from '../engine/evaluate.js';
import { walkInterview } from '../engine/interview.js';
import { fillTemplate, localize } from '../engine/text.js';
import { type AnswersFileMeta, checkAnswers, readAnswersMeta } from '../playbook/answers-file.js';
import type { Mode, Playbook } from '../playbook/types.js';
import { UI } from '../ui/messages.js';
import { NOTICE_MESSAGES } from '../ui/notice-messages.js';
import { sanitizeDeep } from '../ui/sanitize.js';
import { localToday } from './clock.js';
import { type Context, localeOf, makeContext, printDiagnostics, resolvePlaybookTarget } from './context.js';
import { EXIT, said, sayText, UserError } from './errors.js';
import { describeFsError, fsWhy, readFileBounded } from './files.js';
import type { GlobalOptions, IO } from './io.js';
import { loadPlaybookFile } from './playbook-files.js';
import { missingQuestions } from './session.js';

export interface TryOptions {
  /** The playbook: a file or an id. */
  file: string;
  /** An answers file (as for `prep --answers`): its answers are given, the rest asked. */
  answers?: string;
  /** Ask again from this question on, the file's answers as defaults. */
  from?: string;
  mode?: Mode;
  date?: string;
  persona?: string;
  json?: boolean;
  full?: boolean;
  /** false (--no-input): never ask; a missing answer is an error. */
  input?: boolean;
}

export async function tryCommand(opts: TryOptions, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const pb = await loadPlaybook(ctx, opts.file);
  const given = opts.answers ? await readAnswers(ctx, opts.answers) : undefined;
  const meta: AnswersFileMeta = given?.meta ?? {};
  const mode: Mode = opts.mode ?? meta.mode ?? 'debrief';
  const date = opts.date ?? meta.date ?? localToday();
  const locale = g.lang || !meta.lang ? localeOf(ctx, g) : meta.lang;
  let answers: Answers = {};
  if (given) {
    const checked = checkAnswers(given.file, given.raw, pb, given.locate, given.locateKey, date);
    if (hasErrors(checked.diagnostics)) {
      await printDiagnostics(ctx, checked.diagnostics, new Map(given.text ? [[given.file, given.text]] : []));
      throw new UserError(said('answersHaveMistakes', {}), 'the answers file has mistakes; nothing was run');
    }
    answers = checked.answers;
  }
  const persona = opts.persona ?? meta.persona;
  if (persona !== undefined) {
    const ids = pb.personas.map((p) => p.id);
    if (!ids.includes(persona)) throw new UserError(said('unknownPersona', { persona, suggestion: suggest(persona, ids, 'one of') }), `unknown persona "${persona}"`, suggest(persona, ids, 'one of'));
    const pq = pb.questions.find((q) => q.kind === 'persona');
    if (pq && answers[pq.id] === undefined) answers[pq.id] = persona;
  }
  // --from: that question and every one after it are asked again, the file's answers as defaults
  let defaults: Answers = {};
  if (opts.from !== undefined) {
    const at = pb.questions.findIndex((q) => q.id === opts.from);
    if (at === -1) {
      const hint = suggest(opts.from, pb.questions.map((q) => q.id), 'one of');
      throw new UserError(said('noQuestion', { id: opts.from, playbook: pb.id, suggestion: hint }), `no question "${opts.from}" in the playbook ${pb.id}`, hint);
    }
    const later = new Set(pb.questions.slice(at).map((q) => q.id));
    defaults = Object.fromEntries(Object.entries(answers).filter(([id]) => later.has(id)));
    answers = Object.fromEntries(Object.entries(answers).filter(([id]) => !later.has(id)));
  }
  const interactive = Boolean((io.stdin as { isTTY?: boolean }).isTTY) && opts.input !== false;
  const lookup = (a: Answers) => (name: string) => {
    if (name === 'account.name') return meta.account;
    const v = name.startsWith('answers.') ? a[name.slice(8)] : undefined;
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  };
  if (interactive) {
    const { runInterview } = await import('../ui/interview.js');
    const { askWithInquirer } = await import('./ask.js');
    // nothing is kept between answers: a try has no draft
    answers = await runInterview(pb, { mode, locale, answers, defaults, visitDate: date, lookup }, askWithInquirer(pb, io, ctx, () => {})).catch((err: unknown) => {
      if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) throw new UserError(said('stoppedNothingSaved', {}), 'stopped; nothing was saved', undefined, EXIT.interrupted);
      throw err;
    });
  } else {
    // as a scripted session: optional questions left out count as skipped
    for (let changed = true; changed; ) {
      changed = false;
      for (const q of walkInterview(pb, mode, answers).questions) {
        if (q.required === false && !Object.hasOwn(answers, q.id) && !(q.id in defaults)) {
          answers[q.id] = null;
          changed = true;
        }
      }
    }
    const missing = missingQuestions(pb, mode, answers);
    if (missing.length > 0) {
      const list: Diagnostic[] = [];
      for (const q of missing) {
        const question = fillTemplate(localize(q.text, locale), lookup(answers));
        const from = opts.from !== undefined;
        const english = { message: `no answer to "${q.id}": ${question}`, hint: from ? 'run it in a terminal to answer from there' : 'add it under answers:, or run in a terminal to be asked' };
        const text = await sayText(locale, said('noAnswer', { id: q.id, question, from }), english);
        list.push({ file: given?.file ?? '<answers>', ...(given ? given.locateKey(['answers']) : { line: 0, col: 0 }), code: 'missing-answer', severity: 'error', message: text.message, ...(text.hint ? { hint: text.hint } : {}) });
      }
      await printDiagnostics(ctx, list, new Map(given?.text ? [[given.file, given.text]] : []), undefined, undefined, NOTICE_MESSAGES[locale]);
      throw new UserError(said('answersToGive', { count: missing.length }), `${missing.length} answer${missing.length === 1 ? '' : 's'} to give; nothing was run`);
    }
  }
  const result = evaluateSession(pb, { mode, answers, visitDate: date, locale, ...(meta.account ? { account: { name: meta.account } } : {}), ...(persona ? { persona } : {}) });
  if (opts.json) io.stdout.write(`${JSON.stringify(sanitizeDeep(result), null, 2)}\n`);
  else {
    const { renderResult } = await import('../ui/render-terminal.js');
    const { widthOf } = await import('../ui/style.js');
    io.stdout.write(renderResult(result, ctx.out, widthOf(io.stdout), undefined, { full: opts.full === true }));
    io.stderr.write(`${UI[locale].tryNotSaved}\n`);
  }
  return EXIT.ok;
}

async function loadPlaybook(ctx: Context, target: string): Promise<Playbook> {
  const file = resolvePlaybookTarget(ctx, target);
  const r = loadPlaybookFile(ctx.registry, file);
  if (!r.playbook || hasErrors(r.diagnostics)) {
    await printDiagnostics(ctx, r.diagnostics, r.sources);
    throw new UserError(said('playbookInvalid', { target, command: `sales-coach playbook validate ${target}` }), `the playbook ${target} is invalid; fix it first`, `sales-coach playbook validate ${target}`, EXIT.findings);
  }
  return r.playbook;
}

async function readAnswers(ctx: Context, name: string) {
  const file = resolve(ctx.io.cwd, name);
  let bytes: Uint8Array;
  try {
    bytes = readFileBounded(file, MAX_FILE_BYTES, 'the answers file');
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(said('answersUnreadable', { file: name, why: fsWhy(err) }), `cannot read the answers file ${name}: ${describeFsError(err)}`);
  }
  const r = readAnswersMeta(file, bytes);
  if (hasErrors(r.diagnostics) || !r.meta || !r.raw || !r.locate || !r.locateKey) {
    await printDiagnostics(ctx, r.diagnostics, new Map(r.text ? [[file, r.text]] : []));
    throw new UserError(said('answersCannotBeRead', {}), 'the answers file cannot be read; nothing was run');
  }
  return { file, meta: r.meta, raw: r.raw, text: r.text, locate: r.locate, locateKey: r.locateKey };
}
