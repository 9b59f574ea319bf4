/**
 * One question as an @inquirer prompt. `questionPrompt` returns the prompt, its config and how to read
 * its raw answer, so tests can drive the very same prompt with simulated keys (@inquirer/testing).
 * "Back" and "why this question" are answers like any other, never exceptions.
 */
import { input, promptTheme, select, tick } from './prompts.js';
import { controlCharIn } from '../core/control.js';
import { type AnswerValue, NOT_SURE, outOfBounds, parseDecimal, UNKNOWN } from '../engine/answers.js';
import { isValidDate } from '../engine/dates.js';
import { fillTemplate, localize } from '../engine/text.js';
import type { Locale, Playbook, Question } from '../playbook/types.js';
import { formatDate, UI } from './messages.js';
import { sanitize } from './sanitize.js';

/** A typed date with its weekday and day in words when it is one; else the text as typed. */
export function dateInWords(value: string, locale: Locale): string {
  const v = value.trim();
  if (!isValidDate(v)) return value;
  const weekday = new Date(`${v}T00:00:00Z`).getUTCDay();
  return `${value}${UI[locale].dateInWords(formatDate(v, locale), weekday === 0 || weekday === 6)}`;
}

/** keep: what the rep had ticked with "Why this question", offered again after the help. */
export type PromptOutcome = { kind: 'answer'; value: AnswerValue } | { kind: 'back' } | { kind: 'help'; keep?: AnswerValue };

export interface QuestionView {
  question: Question;
  locale: Locale;
  position: number;
  total: number;
  canGoBack: boolean;
  default?: AnswerValue;
  /** The visit date, for a date question's min/max (days from the visit). */
  visitDate?: string;
  /** For filling {answers.x} in the question's text. */
  lookup: (name: string) => string | undefined;
}

export { promptTheme };

const BACK = '@back';
const HELP = '@help';

// biome-ignore lint/suspicious/noExplicitAny: each inquirer prompt has its own config type
type AnyPrompt = (config: any, context?: any) => Promise<any>;

export interface PromptSpec {
  prompt: AnyPrompt;
  config: Record<string, unknown>;
  interpret(raw: unknown): PromptOutcome;
}

export function questionPrompt(pb: Playbook, view: QuestionView): PromptSpec {
  const { question: q, locale } = view;
  const m = UI[locale];
  const t = (x: Parameters<typeof localize>[0]) => sanitize(fillTemplate(localize(x, locale), view.lookup));
  const help = q.help ? t(q.help) : undefined;
  const message = m.questionLine(t(q.text), view.position, view.total);
  const extras = [
    ...(help ? [{ name: m.help, value: HELP }] : []),
    ...(view.canGoBack ? [{ name: m.back, value: BACK }] : []),
  ];
  // the prompts' key hints ("↑↓ navigate • ⏎ select") in the rep's language
  const theme = promptTheme(locale);
  const special = (raw: unknown): PromptOutcome | undefined => (raw === BACK ? { kind: 'back' } : raw === HELP ? { kind: 'help' } : undefined);

  if (q.kind === 'single' || q.kind === 'yes-no' || q.kind === 'persona') {
    const options =
      q.kind === 'yes-no'
        ? [
            { name: t(q.options?.find((o) => o.value === 'yes')?.label) || m.yes, value: 'yes' },
            { name: t(q.options?.find((o) => o.value === 'no')?.label) || m.no, value: 'no' },
          ]
        : q.kind === 'persona'
          ? [...pb.personas.map((p) => ({ name: t(p.name), value: p.id, description: p.summary ? t(p.summary) : undefined })), { name: m.notSure, value: NOT_SURE }]
          : (q.options ?? []).map((o) => ({ name: t(o.label), value: o.value, description: o.help ? t(o.help) : undefined }));
    const choices = [...options, ...(q.allowUnknown ? [{ name: m.unknown, value: UNKNOWN }] : []), ...extras];
    const def = typeof view.default === 'string' && choices.some((c) => c.value === view.default) ? view.default : undefined;
    return {
      prompt: select as AnyPrompt,
      config: { message, choices, default: def, loop: false, pageSize: Math.min(12, choices.length), theme },
      interpret: (raw) => special(raw) ?? { kind: 'answer', value: raw as string },
    };
  }
  if (q.kind === 'multiple') {
    const given = Array.isArray(view.default) ? view.default : [];
    const choices = (q.options ?? []).map((o) => ({ name: t(o.label), value: o.value, checked: given.includes(o.value), description: o.help ? t(o.help) : undefined }));
    // "back" and "why this question" are keys here, never boxes among the options
    const keys: [string, string][] = [['↑↓', 'navigate'], ['space', 'tick'], ...(help ? [['?', 'why'] as [string, string]] : []), ...(view.canGoBack ? [['<', 'back'] as [string, string]] : []), ['⏎', 'submit']];
    return {
      prompt: tick as AnyPrompt,
      config: { message, choices, required: q.required !== false, requiredError: m.tickOne, canGoBack: view.canGoBack, canAskWhy: help !== undefined, keys, listSep: m.tickSep, pageSize: Math.min(12, choices.length), theme },
      interpret: (raw) => {
        const r = raw as { ticked?: string[]; back?: true; help?: true; keep?: string[] };
        if (r.back) return { kind: 'back' };
        if (r.help) return { kind: 'help', ...(r.keep?.length ? { keep: r.keep } : {}) };
        return { kind: 'answer', value: r.ticked ?? [] };
      },
    };
  }
  // text, number, date: typed; "<" goes back, "?" asks why
  const optional = q.required === false;
  const hint = m.inputHints(m.inputHint, ...(q.allowUnknown ? [m.unknownHint] : []), ...(optional && !m.saysSkip.test(message) ? [m.skip] : []));
  // the default is shown in the prompt and taken as typed: an earlier answer (a contact's name) may
  // carry an escape sequence that would retitle or clear the terminal
  const def = view.default !== undefined && view.default !== null ? sanitize(String(view.default)) : undefined;
  return {
    prompt: input as AnyPrompt,
    config: {
      message: `${message}${sanitize(hint)}`,
      default: def,
      // a date is read back in words as it is typed: the weekday shows a Saturday before it is kept
      ...(q.kind === 'date' ? { transformer: (value: string) => dateInWords(value, view.locale) } : {}),
      validate: (value: string) => {
        const v = value.trim();
        if (v === '<' || v === '?') return true;
        if (v === '') return optional ? true : m.required;
        if (q.allowUnknown && (v === UNKNOWN || v === m.unknown)) return true;
        if (q.kind === 'number' && q.integer && !Number.isSafeInteger(parseDecimal(v))) return m.typeWholeNumber;
        if (q.kind === 'number' && !Number.isFinite(parseDecimal(v))) return m.typeNumber;
        if (q.kind === 'date' && !isValidDate(v)) return m.typeDate;
        if (controlCharIn(v)) return m.typeNoControl;
        const bound = outOfBounds(q, q.kind === 'number' ? parseDecimal(v) : v, view.visitDate);
        if (bound) return m.expected(m.expectation(bound));
        return true;
      },
    },
    interpret: (raw) => {
      const v = String(raw ?? '').trim();
      if (v === '<') return { kind: 'back' };
      if (v === '?') return { kind: 'help' };
      if (v === '') return { kind: 'answer', value: null };
      if (q.allowUnknown && (v === UNKNOWN || v === m.unknown)) return { kind: 'answer', value: UNKNOWN };
      if (q.kind === 'number') return { kind: 'answer', value: parseDecimal(v) };
      return { kind: 'answer', value: v };
    },
  };
}
