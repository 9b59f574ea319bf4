/**
 * What the database gives back is checked, not cast: a row written by an older version, edited by
 * hand or damaged becomes a clear StoreError naming the account, never a crash three screens later.
 */
import * as z from 'zod/mini';
import type { Answers } from '../engine/answers.js';
import type { CoachingResult } from '../engine/evaluate.js';
import { type StoredAccountEvent, StoreError } from './types.js';

const AnswerValue = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);
export const AnswersRow = z.record(z.string(), AnswerValue);
export const LabelsRow = z.partialRecord(z.enum(['en', 'zh-CN', 'zh-TW']), z.string());
/** An event's reasons in every language (core/reasons.ts), beside `because` in the language it was saved in. */
const ReasonsRow = z.partialRecord(z.enum(['en', 'zh-CN', 'zh-TW']), z.array(z.string()));

const Evidence = z.looseObject({ question: z.string(), answer: z.optional(AnswerValue), text: z.string() });
const Status = z.enum(['classified', 'provisional', 'unclassified']);

// the parts of a stored result that the program reads back; other fields pass through
const ResultRow = z.looseObject({
  playbook: z.looseObject({ id: z.string(), version: z.string(), hash: z.string() }),
  mode: z.string(),
  visitDate: z.string(),
  locale: z.string(),
  classification: z.looseObject({
    status: Status,
    class: z.optional(z.string()),
    name: z.optional(z.string()),
    rank: z.optional(z.number()),
    candidates: z.array(z.string()),
    reasons: z.array(z.looseObject({ text: z.string(), because: z.array(Evidence) })),
    unknowns: z.array(z.looseObject({ question: z.string(), text: z.string() })),
    cycle: z.optional(z.looseObject({ maxDays: z.number(), deadline: z.string() })),
  }),
  selfQuestions: z.looseObject({ forward: z.array(z.string()), reverse: z.array(z.string()) }),
  flags: z.array(z.looseObject({ id: z.string(), severity: z.enum(['info', 'warning', 'critical']), message: z.string() })),
  checklist: z.array(z.looseObject({ id: z.string(), text: z.string(), due: z.string() })),
  tips: z.array(z.looseObject({ id: z.string(), text: z.string() })),
  answers: AnswersRow,
  changes: z.array(z.looseObject({ question: z.string() })),
  trace: z.array(z.string()),
});

const opt = <T extends z.ZodMiniType>(t: T) => z.optional(z.nullable(t));
const EventRow = z.union([
  z.looseObject({
    kind: z.literal('class-changed'),
    from: opt(z.string()),
    to: opt(z.string()),
    fromStatus: opt(Status),
    status: z.string(),
    movement: z.string(),
    because: z.array(z.string()),
    reasons: opt(ReasonsRow),
    about: opt(ReasonsRow),
    labels: opt(LabelsRow),
    fromLabels: opt(LabelsRow),
  }),
  z.looseObject({ kind: z.literal('signed'), class: opt(z.string()) }),
  z.looseObject({ kind: z.literal('dropped'), class: z.string(), because: z.array(z.string()), reasons: opt(ReasonsRow), about: opt(ReasonsRow) }),
  z.looseObject({ kind: z.literal('person-added'), person: z.string(), title: opt(z.string()), role: opt(z.string()), planned: opt(z.boolean()) }),
  z.looseObject({ kind: z.literal('person-updated'), person: z.string(), changes: z.array(z.looseObject({ field: z.string() })) }),
  z.looseObject({ kind: z.literal('facts-updated'), changes: z.array(z.looseObject({ field: z.string() })) }),
  z.looseObject({ kind: z.literal('step-opened'), key: z.string(), text: z.string(), due: z.string() }),
  z.looseObject({ kind: z.literal('step-carried'), stepId: z.number(), text: z.string(), due: z.string(), updated: opt(z.boolean()) }),
  z.looseObject({ kind: z.literal('step-closed'), stepId: z.number(), text: z.string(), state: z.enum(['done', 'skipped', 'superseded']) }),
  z.looseObject({ kind: z.literal('step-reopened'), stepId: z.number(), text: z.string(), before: z.enum(['done', 'skipped']) }),
  z.looseObject({ kind: z.literal('step-added'), stepId: z.number(), text: z.string(), due: z.string() }),
  z.looseObject({ kind: z.enum(['class-validated', 'class-challenged']), by: z.string(), class: opt(z.string()), note: z.string() }),
  z.looseObject({ kind: z.literal('note-replied'), by: z.string(), to: z.number(), note: z.string() }),
  z.looseObject({ kind: z.literal('note-resolved'), by: z.string(), to: z.number(), note: opt(z.string()) }),
]);

function parseJson(text: string, what: string | (() => string)): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw damaged(typeof what === 'string' ? what : what());
  }
}

/**
 * A stored row the program cannot read: named by `what` (e.g. `class of "Acme"`). A reader of many
 * rows (a manager's review of the team) names it and goes on without it; a reader of one account
 * stops and says so.
 */
export class DamagedRow extends StoreError {
  constructor(readonly what: string) {
    // named as every StoreError is: the CLI tells a user's error by that name (a damaged row is one, exit 2)
    super(`the stored ${what} cannot be read: the database was changed outside sales-coach, or is damaged`, 'export what you can with sales-coach export --json, or restore a backup', { key: 'damagedRow', params: { what } });
  }
}

function damaged(what: string): StoreError {
  return new DamagedRow(what);
}

function check<T>(schema: z.ZodMiniType, text: string, what: string): T {
  const r = schema.safeParse(parseJson(text, what));
  if (!r.success) throw damaged(what);
  return r.data as T;
}

/** null from a JSON column becomes "absent", as the engine's types say. */
function dropNulls<T>(o: T): T {
  if (Array.isArray(o) || o === null || typeof o !== 'object') return o;
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as T;
}

export const readAnswers = (text: string, what: string): Answers => check<Answers>(AnswersRow, text, what);
export const readResult = (text: string, what: string): CoachingResult => check<CoachingResult>(ResultRow, text, what);
export const readLabels = (text: string, what: string): Partial<Record<'en' | 'zh-CN' | 'zh-TW', string>> => check(LabelsRow, text, what);

export function readEvent(kind: string, date: string, text: string, what: string): StoredAccountEvent {
  const data = { ...(parseJson(text, what) as object), kind };
  const r = EventRow.safeParse(data);
  if (!r.success) throw damaged(what);
  return { ...dropNulls(r.data as object), date } as StoredAccountEvent;
}

const isStrings = (x: unknown) => Array.isArray(x) && x.every((y) => typeof y === 'string');
const isLabels = (x: unknown) => x === undefined || x === null || (typeof x === 'object' && !Array.isArray(x) && Object.values(x as object).every((y) => typeof y === 'string'));
const optString = (x: unknown) => x === undefined || x === null || typeof x === 'string';
const isReasons = (x: unknown) => x === undefined || x === null || (typeof x === 'object' && !Array.isArray(x) && Object.values(x as object).every(isStrings));

/**
 * The three kinds of event stats read (class-changed, signed, dropped), checked field by field as
 * readEvent's schema does, without its cost: a hundred thousand accounts have several each.
 */
export function readStatsEvent(kind: string, date: string, text: string, account: string): StoredAccountEvent {
  // the account named only in an error: the message is not built for each of 180,000 events
  const what = () => `history of "${account}"`;
  const o = parseJson(text, what) as Record<string, unknown>;
  if (o === null || typeof o !== 'object' || Array.isArray(o)) throw damaged(what());
  const ok =
    kind === 'class-changed'
      ? optString(o.from) && optString(o.to) && optString(o.fromStatus) && typeof o.status === 'string' && typeof o.movement === 'string' && isStrings(o.because) && isReasons(o.reasons) && isReasons(o.about) && isLabels(o.labels) && isLabels(o.fromLabels)
      : kind === 'signed'
        ? optString(o.class)
        : kind === 'dropped'
          ? typeof o.class === 'string' && isStrings(o.because) && isReasons(o.reasons) && isReasons(o.about)
          : false;
  if (!ok) throw damaged(what());
  // the parsed object is ours: completed in place rather than copied (180,000 events in a report)
  for (const k in o) if (o[k] === null) delete o[k];
  o.kind = kind;
  o.date = date;
  return o as StoredAccountEvent;
}

const isAnswerValue = (x: unknown) => typeof x === 'string' || typeof x === 'number' || isStrings(x);

/**
 * Answers to `ids` read out by the database one by one as JSON text (`text(i)`: the i-th id's, null
 * when absent), checked value by value as readAnswers checks them all; null ("skipped") reads as
 * not answered. A plain string is read without JSON.parse, the common case.
 */
export function readAnswerValues(ids: readonly string[], text: (i: number) => string | null | undefined, what: string): Answers {
  const out: Answers = {};
  for (let i = 0; i < ids.length; i++) {
    const t = text(i);
    if (t === null || t === undefined) continue;
    const v = t.charCodeAt(0) === 34 && !t.includes('\\') ? t.slice(1, -1) : parseJson(t, what);
    if (v === null) continue;
    if (!isAnswerValue(v)) throw damaged(what);
    out[ids[i]] = v as Answers[string];
  }
  return out;
}
