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
import { controlCharIn, controlCharMessage } from '../core/control.js';
import { type Diagnostic, suggest } from '../core/diagnostic.js';
import { ANSWERS_KIND, decodeSource, parseYamlSource } from '../core/yaml-source.js';
import { type Answers, coerceAnswer } from '../engine/answers.js';
import { isValidDate } from '../engine/dates.js';
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

export function readAnswersMeta(file: string, bytes: Uint8Array): { meta?: AnswersFileMeta; raw?: Record<string, unknown>; text?: string; diagnostics: Diagnostic[]; locate?: Locate; locateKey?: Locate } {
  const decoded = decodeSource(file, bytes, ANSWERS_KIND);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  const { source, diagnostics } = parseYamlSource(file, decoded.text, ANSWERS_KIND);
  if (!source) return { text: decoded.text, diagnostics };
  if (typeof source.value !== 'object' || source.value === null || Array.isArray(source.value)) {
    diagnostics.push({ file, line: 1, col: 1, code: 'not-a-mapping', severity: 'error', message: 'an answers file is a mapping (mode:, account:, answers: …)', hint: 'see the example in the README, "Scripted sessions"' });
    return { text: source.text, diagnostics };
  }
  const value = source.value as Record<string, unknown>;
  const meta: AnswersFileMeta = {};
  for (const [key, v] of Object.entries(value)) {
    const rule = (ANSWERS_FILE_FIELDS as Record<string, unknown>)[key];
    if (rule === undefined) {
      diagnostics.push({ file, ...source.locateKey([key]), code: 'unknown-key', severity: 'error', message: `unknown key "${key}" in the answers file`, hint: suggest(key, Object.keys(ANSWERS_FILE_FIELDS), 'one of') });
    } else if (Array.isArray(rule)) {
      if (!rule.includes(v as string)) diagnostics.push({ file, ...source.locate([key]), code: 'invalid-value', severity: 'error', message: `${key}: ${JSON.stringify(v)} is not allowed`, hint: suggest(String(v), rule, 'one of') });
      else (meta as Record<string, unknown>)[key] = v;
    } else if (rule === 'mapping') {
      if (v !== null && (typeof v !== 'object' || Array.isArray(v))) diagnostics.push({ file, ...source.locate([key]), code: 'wrong-type', severity: 'error', message: `${key}: expected a mapping of question id to answer`, hint: 'write one answer per line: question_id: answer' });
    } else if (typeof v !== 'string' && !(key === 'date' && v instanceof Date)) {
      diagnostics.push({ file, ...source.locate([key]), code: 'wrong-type', severity: 'error', message: `${key}: expected a string, found ${JSON.stringify(v)}` });
    } else if (typeof v === 'string' && controlCharIn(v)) {
      // "Zeta\0Corp" would be stored, shown as "ZetaCorp" and never found by that name again
      diagnostics.push({ file, ...source.locate([key]), code: 'control-character', severity: 'error', message: `${key}: ${controlCharMessage('the value', controlCharIn(v) as string)}`, hint: 'write the name as it is spoken; escapes such as \\0 or \\e in double quotes are control characters' });
    } else (meta as Record<string, unknown>)[key] = v;
  }
  if (meta.date !== undefined && !isValidDate(meta.date)) {
    diagnostics.push({ file, ...source.locate(['date']), code: 'invalid-value', severity: 'error', message: `the date "${meta.date}" is not a date`, hint: 'write it as YYYY-MM-DD' });
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
): { answers: Answers; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const answers: Answers = {};
  const given = (raw.answers ?? {}) as Record<string, unknown>;
  const ids = pb.questions.map((q) => q.id);
  const personaIds = pb.personas.map((p) => p.id);
  for (const [id, value] of Object.entries(given)) {
    const q = pb.questions.find((x) => x.id === id);
    if (!q) {
      diagnostics.push({ file, ...locateKey(['answers', id]), code: 'unknown-key', severity: 'error', message: `no question "${id}" in the playbook ${pb.id}`, hint: suggest(id, ids, 'one of') });
      continue;
    }
    const c = coerceAnswer(q, value instanceof Date ? value.toISOString().slice(0, 10) : value, personaIds, visitDate);
    // a name (the person met) is one line; a free text may hold newlines and tabs, never other controls
    const control = c.ok && typeof c.value === 'string' ? controlCharIn(c.value, { block: q.kind === 'text' && id !== pb.roles.person }) : undefined;
    if (control) diagnostics.push({ file, ...locate(['answers', id]), code: 'control-character', severity: 'error', message: `"${id}": ${controlCharMessage('the answer', control)}`, hint: 'escapes such as \\0 or \\e in double quotes are control characters; write the text as it is' });
    else if (c.ok) answers[id] = c.value;
    else {
      diagnostics.push({ file, ...locate(['answers', id]), code: 'invalid-answer', severity: 'error', message: `"${id}" cannot be ${JSON.stringify(value)}`, hint: `expected ${c.expected}` });
    }
  }
  return { answers, diagnostics };
}
