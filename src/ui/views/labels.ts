/**
 * Ids become words: an answer, a role or a type is shown as the playbook labels it in the session's
 * language. Without the playbook (it was a file that is gone), an id is at least made readable.
 */
import { type AnswerValue, isUnknown, NOT_SURE } from '../../engine/answers.js';
import { localize } from '../../engine/text.js';
import type { Locale, Playbook } from '../../playbook/types.js';
import { formatDate, UI } from '../messages.js';
import { formatMoney } from '../money.js';

export interface Labeler {
  question(id: string): string;
  /** `currency`: the one an amount was given in, where the account's own may since have changed ('' for none). */
  answer(questionId: string, v: AnswerValue | undefined, currency?: string): string;
  role(value: string): string;
  persona(id: string): string;
}

const readable = (id: string) => id.replace(/[_-]+/g, ' ').trim();

/** `currency`: the account's deal value's, so that its value reads as money (¥120,000, not 120000). */
export function labelerFor(pb: Playbook | undefined, locale: Locale, opts: { currency?: string } = {}): Labeler {
  const m = UI[locale];
  const q = (id: string) => pb?.questions.find((x) => x.id === id);
  const persona = (id: string) => {
    const p = pb?.personas.find((x) => x.id === id);
    // "not sure" as a value in a list, not the option's invitation to describe what was seen
    return p ? localize(p.name, locale) : id === NOT_SURE ? m.notSureValue : readable(id);
  };
  const option = (qid: string, v: string) => {
    const question = q(qid);
    const o = question?.options?.find((x) => x.value === v);
    if (o) return localize(o.label, locale).split(/[:：]/)[0].trim();
    if (question?.kind === 'yes-no') return v === 'yes' ? m.yes : v === 'no' ? m.no : v;
    if (question?.kind === 'persona') return persona(v);
    return question ? v : readable(v);
  };
  return {
    question: (id) => {
      // a person's fields are stored as role, title and persona: named by the questions that ask them
      const field: Record<string, string | undefined> = { role: pb?.roles.decision, title: pb?.roles.title, persona: pb?.questions.find((x) => x.kind === 'persona')?.id };
      const question = q(field[id] ?? id);
      return question ? localize(question.short, locale) || localize(question.text, locale) : readable(id);
    },
    answer: (qid, v, currency) => {
      const question = q(qid);
      if (v === undefined || v === null) return '—';
      if (question && isUnknown(question, v)) return m.unknown;
      if (Array.isArray(v)) return v.map((x) => option(qid, x)).join(m.tickSep);
      if (typeof v === 'number') return qid === pb?.roles.amount ? formatMoney(v, currency === '' ? undefined : (currency ?? opts.currency), locale) : String(v);
      // a date as every other date of the screen reads (not 2026-12-12 beside "Sat 28 Nov 2026")
      if (question?.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v, locale);
      return question && question.kind === 'text' ? v : question?.kind === 'date' ? v : option(qid, v);
    },
    role: (value) => (pb?.roles.decision ? option(pb.roles.decision, value) : readable(value)),
    persona,
  };
}
