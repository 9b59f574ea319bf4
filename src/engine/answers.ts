/** What an answer is, and how a raw value (typed, or from a file) becomes one. Pure. */
import { addDays, isValidDate, YEARS } from './dates.js';
import { assertNever, type Question } from './model.js';

/** "Don't know", for a question that allows it. Stored as this string so answers files read naturally. */
export const UNKNOWN = 'unknown';
/** Persona question: the rep is not sure, and answers the observation questions instead. */
export const NOT_SURE = 'not-sure';

export type AnswerValue = string | number | string[] | null;
/** Question id -> answer; null = skipped (an optional question the rep passed over). */
export type Answers = Record<string, AnswerValue>;

export function isUnknown(q: Question, v: AnswerValue | undefined): boolean {
  return v === UNKNOWN && q.allowUnknown === true;
}

export const YES_NO = ['yes', 'no'] as const;

/** The values a choice question accepts (option values, yes/no, persona ids), without "unknown". */
export function choiceValues(q: Question, personaIds: readonly string[]): string[] | undefined {
  switch (q.kind) {
    case 'yes-no':
      return [...YES_NO];
    case 'single':
    case 'multiple':
      return (q.options ?? []).map((o) => o.value);
    case 'persona':
      return [...personaIds, NOT_SURE];
    case 'text':
    case 'number':
    case 'date':
      return undefined;
    default:
      return assertNever(q.kind, 'question kind');
  }
}

/**
 * A number as a person writes it: digits, a sign, a decimal point. Number() also reads 0x10, 0b11,
 * 1e3, "Infinity" and whitespace-only strings, none of which a rep means as a count.
 */
export function parseDecimal(text: string): number {
  const t = text.trim();
  // an amount as a person writes it, with thousands separated ("120,000"): a comma never stands for a decimal point here
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) return Number(t.replaceAll(',', ''));
  // and as Chinese writes it: 12万 is 120,000, 1.5亿 is 150,000,000
  const wan = /^(\d+(?:\.\d+)?)\s*(万|萬|亿|億)$/u.exec(t);
  if (wan) return Math.round(Number(wan[1]) * (wan[2] === '万' || wan[2] === '萬' ? 1e4 : 1e8) * 100) / 100;
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
}

/** What an answer should have been, as data: each reader words it in its own language (engine/messages.ts). */
export type Expectation =
  | { kind: 'required' }
  | { kind: 'yes-no' | 'integer' | 'number' | 'text'; unknown?: string }
  | { kind: 'one-of' | 'list-of'; choices: string[]; unknown?: string }
  | { kind: 'date'; minYear: number; maxYear: number; unknown?: string }
  | { kind: 'number-range'; min?: number; max?: number }
  | { kind: 'date-from' | 'date-until'; date: string; visit: boolean };

/** `expected` is the expectation in English, for the readers that are English only (a trainer's test file, `account set`). */
export type Coerced = { ok: true; value: AnswerValue } | { ok: false; expected: string; expectation: Expectation };

/** A bound as people read it: 1,000,000,000,000, not 1000000000000. */
export function grouped(n: number): string {
  return Math.abs(n) >= 10_000 ? n.toLocaleString('en-US') : String(n);
}

/** An expectation in English. */
export function expectationText(e: Expectation): string {
  const or = 'unknown' in e && e.unknown ? `, or "${e.unknown}"` : '';
  const list = (xs: string[]) => xs.map((c) => `"${c}"`).join(', ');
  switch (e.kind) {
    case 'required':
      return 'an answer (this question is required)';
    case 'yes-no':
      return `"yes" or "no"${or}`;
    case 'one-of':
      return `one of ${list(e.choices)}${or}`;
    case 'list-of':
      return `a list of ${list(e.choices)}${or}`;
    case 'integer':
      return `a whole number such as 3${or}`;
    case 'number':
      return `a number such as 3 or 2.5${or}`;
    case 'date':
      return `a date as YYYY-MM-DD, between ${e.minYear} and ${e.maxYear}${or}`;
    case 'text':
      return 'a text';
    case 'number-range':
      return e.min !== undefined && e.max !== undefined ? `a number from ${grouped(e.min)} to ${grouped(e.max)}` : e.min !== undefined ? `a number of at least ${grouped(e.min)}` : `a number of at most ${grouped(e.max as number)}`;
    case 'date-from':
      return `a date on or after ${e.date}${e.visit ? ', the visit date' : ''}`;
    case 'date-until':
      return `a date on or before ${e.date}${e.visit ? ', the visit date' : ''}`;
    default:
      return assertNever(e, 'expectation');
  }
}

const refuse = (expectation: Expectation): Coerced => ({ ok: false, expectation, expected: expectationText(expectation) });

/**
 * The playbook's `min`/`max` for a number, or for a date in days from the visit date: what was
 * expected when the answer falls outside, else undefined. A date bound needs the visit date.
 */
export function outOfBounds(q: Question, v: AnswerValue, visitDate?: string): Expectation | undefined {
  if (q.min === undefined && q.max === undefined) return undefined;
  if (q.kind === 'number' && typeof v === 'number') {
    if ((q.min !== undefined && v < q.min) || (q.max !== undefined && v > q.max)) return { kind: 'number-range', ...(q.min !== undefined ? { min: q.min } : {}), ...(q.max !== undefined ? { max: q.max } : {}) };
  }
  if (q.kind === 'date' && typeof v === 'string' && visitDate && isValidDate(v)) {
    const from = q.min !== undefined ? addDays(visitDate, q.min) : undefined;
    const to = q.max !== undefined ? addDays(visitDate, q.max) : undefined;
    if (from && v < from) return { kind: 'date-from', date: from, visit: from === visitDate };
    if (to && v > to) return { kind: 'date-until', date: to, visit: to === visitDate };
  }
  return undefined;
}

/**
 * Accepts what a person would write in an answers file (true/false for yes/no, a number as text, a
 * date YAML left as a string) and refuses what the question cannot take, saying what it expected.
 */
export function coerceAnswer(q: Question, raw: unknown, personaIds: readonly string[], visitDate?: string): Coerced {
  const c = coerceShape(q, raw, personaIds);
  if (!c.ok || c.value === null || c.value === UNKNOWN) return c;
  const bound = outOfBounds(q, c.value, visitDate);
  return bound ? refuse(bound) : c;
}

function coerceShape(q: Question, raw: unknown, personaIds: readonly string[]): Coerced {
  if (raw === null || raw === undefined || raw === '') {
    return q.required === false ? { ok: true, value: null } : refuse({ kind: 'required' });
  }
  if (raw === UNKNOWN && q.allowUnknown) return { ok: true, value: UNKNOWN };
  const unknown = q.allowUnknown ? { unknown: UNKNOWN } : {};
  const choices = choiceValues(q, personaIds);
  switch (q.kind) {
    case 'yes-no': {
      const v = raw === true ? 'yes' : raw === false ? 'no' : typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
      return v === 'yes' || v === 'no' ? { ok: true, value: v } : refuse({ kind: 'yes-no', ...unknown });
    }
    case 'single':
    case 'persona': {
      const v = typeof raw === 'string' ? raw.trim() : raw;
      return typeof v === 'string' && choices?.includes(v)
        ? { ok: true, value: v }
        : refuse({ kind: 'one-of', choices: choices ?? [], ...unknown });
    }
    case 'multiple': {
      const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : null;
      if (!list?.every((x) => typeof x === 'string' && choices?.includes(x))) {
        return refuse({ kind: 'list-of', choices: choices ?? [], ...unknown });
      }
      return { ok: true, value: [...new Set(list as string[])] };
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseDecimal(raw) : Number.NaN;
      if (q.integer) return Number.isSafeInteger(n) ? { ok: true, value: n } : refuse({ kind: 'integer', ...unknown });
      return Number.isFinite(n) ? { ok: true, value: n } : refuse({ kind: 'number', ...unknown });
    }
    case 'date': {
      const s = raw instanceof Date ? raw.toISOString().slice(0, 10) : typeof raw === 'string' ? raw.trim() : '';
      return isValidDate(s) ? { ok: true, value: s } : refuse({ kind: 'date', minYear: YEARS.min, maxYear: YEARS.max, ...unknown });
    }
    case 'text': {
      if (typeof raw === 'string' || typeof raw === 'number') return { ok: true, value: String(raw) };
      return refuse({ kind: 'text' });
    }
    default:
      return assertNever(q.kind, 'question kind');
  }
}
