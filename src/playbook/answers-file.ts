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
import { z } from 'zod';
import { type Diagnostic, suggest } from '../core/diagnostic.js';
import { decodeSource, parseYamlSource } from '../core/yaml-source.js';
import { validateWithSchema } from '../core/zod-diagnostics.js';
import { type Answers, coerceAnswer, isValidDate } from '../engine/answers.js';
import type { Playbook } from './types.js';

export const AnswersFileSchema = z
  .object({
    mode: z.enum(['prep', 'debrief']).optional().describe('prep (before the visit) or debrief (after it). Must match the command if given.'),
    account: z.string().optional().describe('The account (customer company).'),
    persona: z.string().optional().describe('The persona of the person met, e.g. koala.'),
    date: z.string().optional().describe('The visit date, YYYY-MM-DD.'),
    playbook: z.string().optional().describe('The playbook id (default abcd).'),
    lang: z.enum(['en', 'zh-CN', 'zh-TW']).optional().describe('The language of the result.'),
    answers: z.record(z.string(), z.unknown()).optional().describe('Question id -> answer.'),
  })
  .strict();

export interface AnswersFileMeta {
  mode?: 'prep' | 'debrief';
  account?: string;
  persona?: string;
  date?: string;
  playbook?: string;
  lang?: 'en' | 'zh-CN' | 'zh-TW';
}

/** Reads only the header (mode, account, date, playbook…): the playbook to check answers against depends on it. */
type Locate = (path: (string | number)[]) => { line: number; col: number };

export function readAnswersMeta(file: string, bytes: Uint8Array): { meta?: AnswersFileMeta; raw?: Record<string, unknown>; text?: string; diagnostics: Diagnostic[]; locate?: Locate; locateKey?: Locate } {
  const decoded = decodeSource(file, bytes);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  const { source, diagnostics } = parseYamlSource(file, decoded.text);
  if (!source) return { text: decoded.text, diagnostics };
  if (typeof source.value !== 'object' || source.value === null || Array.isArray(source.value)) {
    diagnostics.push({ file, line: 1, col: 1, code: 'not-a-mapping', severity: 'error', message: 'an answers file is a mapping (mode:, account:, answers: …)', hint: 'see the example in the README, "Scripted sessions"' });
    return { text: source.text, diagnostics };
  }
  const r = validateWithSchema(AnswersFileSchema, source);
  diagnostics.push(...r.diagnostics);
  if (r.data?.date !== undefined && !isValidDate(r.data.date)) {
    diagnostics.push({ file, ...source.locate(['date']), code: 'invalid-value', severity: 'error', message: `the date "${r.data.date}" is not a date`, hint: 'write it as YYYY-MM-DD' });
  }
  const { answers: _answers, ...meta } = r.data ?? {};
  return { meta: r.data ? meta : undefined, raw: source.value as Record<string, unknown>, text: source.text, diagnostics, locate: source.locate, locateKey: source.locateKey };
}

/** Checks each answer against the playbook's questions; returns what is valid and a diagnostic for the rest. */
export function checkAnswers(
  file: string,
  raw: Record<string, unknown>,
  pb: Playbook,
  locate: Locate,
  locateKey: Locate = locate,
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
    const c = coerceAnswer(q, value instanceof Date ? value.toISOString().slice(0, 10) : value, personaIds);
    if (c.ok) answers[id] = c.value;
    else {
      diagnostics.push({ file, ...locate(['answers', id]), code: 'invalid-answer', severity: 'error', message: `"${id}" cannot be ${JSON.stringify(value)}`, hint: `expected ${c.expected}` });
    }
  }
  return { answers, diagnostics };
}
