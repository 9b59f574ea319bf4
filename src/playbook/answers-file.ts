/**
 * An answers file: a scripted interview, in YAML or JSON. It reads like the interview it replaces:
 *
 *   mode: debrief
 *   account: Acme Ltd
 *   date: 2026-11-25
 *   answers:
 *     contact_name: Wang Li
 *     contact_role: first_kp
 *
 * Each mistake is a diagnostic at its own file:line:col, like a playbook's.
 */
import { asksInMode } from '../engine/interview.js';
import { controlCharIn } from '../core/control.js';
import { type Diagnostic, suggest } from '../core/diagnostic.js';
import { ANSWERS_KIND, decodeSource, parseYamlSource } from '../core/yaml-source.js';
import { type Answers, coerceAnswer } from '../engine/answers.js';
import type { OtherPerson } from '../engine/evaluate.js';
import { isValidDate } from '../engine/dates.js';
import type { Locale, Mode } from '../engine/model.js';
import { localizeSuggestion, NOTICE_MESSAGES } from '../ui/notice-messages.js';
import { UI } from '../ui/messages.js';
import type { Playbook } from './types.js';

/**
 * The fields of an answers file. Checked by hand rather than with zod: a scripted session should not
 * pay zod's start-up cost for seven fields. answers-schema.ts describes the same fields for editors,
 * and a test keeps the two in step.
 */
export const ANSWERS_FILE_FIELDS = {
  mode: ['prep', 'debrief', 'plan'],
  account: 'string',
  persona: 'string',
  date: 'string',
  playbook: 'string',
  lang: ['en', 'zh-CN', 'zh-TW'],
  answers: 'mapping',
  others: 'list',
} as const;

export interface AnswersFileMeta {
  mode?: 'prep' | 'debrief' | 'plan';
  account?: string;
  persona?: string;
  date?: string;
  playbook?: string;
  lang?: 'en' | 'zh-CN' | 'zh-TW';
}

/** Reads only the header (mode, account, date, playbook…): the playbook to check answers against depends on it. */
type Locate = (path: (string | number)[]) => { line: number; col: number };

export function readAnswersMeta(file: string, bytes: Uint8Array, locale: Locale = 'en'): { meta?: AnswersFileMeta; raw?: Record<string, unknown>; text?: string; diagnostics: Diagnostic[]; locate?: Locate; locateKey?: Locate } {
  const decoded = decodeSource(file, bytes, ANSWERS_KIND);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  const { source, diagnostics } = parseYamlSource(file, decoded.text, ANSWERS_KIND);
  if (!source) return { text: decoded.text, diagnostics };
  const m = NOTICE_MESSAGES[locale];
  if (typeof source.value !== 'object' || source.value === null || Array.isArray(source.value)) {
    diagnostics.push({ file, line: 1, col: 1, code: 'not-a-mapping', severity: 'error', message: m.notAMapping, hint: m.notAMappingHint });
    return { text: source.text, diagnostics };
  }
  const value = source.value as Record<string, unknown>;
  const meta: AnswersFileMeta = {};
  for (const [key, v] of Object.entries(value)) {
    const rule = (ANSWERS_FILE_FIELDS as Record<string, unknown>)[key];
    if (rule === undefined) {
      diagnostics.push({ file, ...source.locateKey([key]), code: 'unknown-key', severity: 'error', message: m.unknownKey(key), hint: localizeSuggestion(suggest(key, Object.keys(ANSWERS_FILE_FIELDS), 'one of'), m) });
    } else if (Array.isArray(rule)) {
      if (!rule.includes(v as string)) diagnostics.push({ file, ...source.locate([key]), code: 'invalid-value', severity: 'error', message: m.notAllowed(key, JSON.stringify(v)), hint: localizeSuggestion(suggest(String(v), rule, 'one of'), m) });
      else (meta as Record<string, unknown>)[key] = v;
    } else if (rule === 'list') {
      if (v !== null && !Array.isArray(v)) diagnostics.push({ file, ...source.locate([key]), code: 'wrong-type', severity: 'error', message: m.expectedList(key), hint: m.expectedListHint });
    } else if (rule === 'mapping') {
      if (v !== null && (typeof v !== 'object' || Array.isArray(v))) diagnostics.push({ file, ...source.locate([key]), code: 'wrong-type', severity: 'error', message: m.expectedMapping(key), hint: m.expectedMappingHint });
    } else if (typeof v !== 'string' && !(key === 'date' && v instanceof Date)) {
      diagnostics.push({ file, ...source.locate([key]), code: 'wrong-type', severity: 'error', message: m.expectedString(key, JSON.stringify(v)) });
    } else if (typeof v === 'string' && controlCharIn(v)) {
      // "Zeta\0Corp" would be stored, shown as "ZetaCorp" and never found by that name again
      diagnostics.push({ file, ...source.locate([key]), code: 'control-character', severity: 'error', message: `${key}: ${m.controlChar(m.theValue, controlCharIn(v) as string)}`, hint: m.controlNameHint });
    } else (meta as Record<string, unknown>)[key] = v;
  }
  if (meta.date !== undefined && !isValidDate(meta.date)) {
    diagnostics.push({ file, ...source.locate(['date']), code: 'invalid-value', severity: 'error', message: m.notADate(meta.date), hint: m.notADateHint });
  }
  return { meta, raw: source.value as Record<string, unknown>, text: source.text, diagnostics, locate: source.locate, locateKey: source.locateKey };
}

/** Checks each answer against the playbook's questions; returns what is valid and a diagnostic for the rest. */
export function checkAnswers(
  file: string,
  raw: Record<string, unknown>,
  pb: Playbook,
  locate: Locate,
  locateKey: Locate = locate,
  /** For date answers bounded relative to the visit (min/max in days). */
  visitDate?: string,
  locale: Locale = 'en',
  /** The session's kind: an answer to a question it never asks is said, not dropped unseen. */
  mode?: Mode,
): { answers: Answers; others: OtherPerson[]; diagnostics: Diagnostic[] } {
  const m = NOTICE_MESSAGES[locale];
  const diagnostics: Diagnostic[] = [];
  const answers: Answers = {};
  const given = (raw.answers ?? {}) as Record<string, unknown>;
  const ids = pb.questions.map((q) => q.id);
  const personaIds = pb.personas.map((p) => p.id);
  /** One answer, checked against its question; a diagnostic at `path` when it is wrong. */
  const check = (path: (string | number)[], id: string, value: unknown, into: Answers) => {
    const q = pb.questions.find((x) => x.id === id);
    if (!q) return false;
    const c = coerceAnswer(q, value instanceof Date ? value.toISOString().slice(0, 10) : value, personaIds, visitDate);
    // a name (the person met) is one line; a free text may hold newlines and tabs, never other controls
    const control = c.ok && typeof c.value === 'string' ? controlCharIn(c.value, { block: q.kind === 'text' && id !== pb.roles.person }) : undefined;
    if (control) diagnostics.push({ file, ...locate(path), code: 'control-character', severity: 'error', message: `"${id}": ${m.controlChar(m.theAnswer, control)}`, hint: m.controlTextHint });
    else if (c.ok) into[id] = c.value;
    else diagnostics.push({ file, ...locate(path), code: 'invalid-answer', severity: 'error', message: m.cannotBe(id, JSON.stringify(value)), hint: m.expected(UI[locale].expectation(c.expectation)) });
    return true;
  };
  for (const [id, value] of Object.entries(given)) {
    const q = mode ? pb.questions.find((x) => x.id === id) : undefined;
    if (q && mode && !asksInMode(q, mode)) {
      // a trust level given to a debrief, which asks none: the rep would believe it recorded. A wrong
      // value is still said as wrong
      const before = diagnostics.length;
      check(['answers', id], id, value, {});
      if (diagnostics.length === before) diagnostics.push({ file, ...locateKey(['answers', id]), code: 'not-asked-in-mode', severity: 'warning', message: m.notAskedInMode(id, mode), hint: m.askedIn((q.modes ?? []).join(', ')) });
      continue;
    }
    if (!check(['answers', id], id, value, answers)) {
      diagnostics.push({ file, ...locateKey(['answers', id]), code: 'unknown-key', severity: 'error', message: m.noQuestion(id, pb.id), hint: localizeSuggestion(suggest(id, ids, 'one of'), m) });
    }
  }
  // the others at the meeting: each named by the person question, asked only the playbook's roles.others
  const others: OtherPerson[] = [];
  const listed = Array.isArray(raw.others) ? raw.others : [];
  const personQ = pb.roles.person;
  const allowed = pb.roles.others ?? [];
  listed.forEach((entry: unknown, i: number) => {
    if (!personQ || allowed.length === 0) {
      if (i === 0) diagnostics.push({ file, ...locateKey(['others']), code: 'unknown-key', severity: 'error', message: m.noOthers(pb.id), hint: m.noOthersHint });
      return;
    }
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      diagnostics.push({ file, ...locate(['others', i]), code: 'wrong-type', severity: 'error', message: m.otherNotMapping(i + 1), hint: m.otherHint(personQ, allowed) });
      return;
    }
    const person: Answers = {};
    for (const [id, value] of Object.entries(entry as Record<string, unknown>)) {
      if (id !== personQ && !allowed.includes(id)) {
        diagnostics.push({ file, ...locateKey(['others', i, id]), code: 'unknown-key', severity: 'error', message: m.notAskedOfOthers(id), hint: localizeSuggestion(suggest(id, [personQ, ...allowed], 'one of'), m) });
        continue;
      }
      check(['others', i, id], id, value, person);
    }
    const name = person[personQ];
    if (typeof name === 'string' && name.trim()) {
      const { [personQ]: _, ...rest } = person;
      others.push({ name: name.trim(), answers: rest });
    } else if (!Object.hasOwn(entry, personQ)) {
      diagnostics.push({ file, ...locate(['others', i]), code: 'missing-answer', severity: 'error', message: m.otherUnnamed(i + 1, personQ), hint: m.otherHint(personQ, allowed) });
    }
  });
  return { answers, others, diagnostics };
}
