/** Localised texts and the recap/flag templates: placeholders are names, never code. Pure. */
import type { Locale, Text } from './model.js';

const FALLBACK: Record<Locale, Locale[]> = {
  en: ['en', 'zh-CN', 'zh-TW'],
  'zh-CN': ['zh-CN', 'zh-TW', 'en'],
  'zh-TW': ['zh-TW', 'zh-CN', 'en'],
};

export function localize(text: Text | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  for (const l of FALLBACK[locale]) {
    const v = text[l];
    if (v !== undefined) return v;
  }
  return '';
}

/** `{answers.budget}`, `{account.name}`, `{visit.date}`, `{reasons}`; `{{` and `}}` are literal braces. */
const PLACEHOLDER = /\{\{|\}\}|\{([^{}\s]*)\}/g;

export function placeholdersIn(template: string): string[] {
  // most texts have no placeholder: no match to look for without a brace
  if (!template.includes('{')) return [];
  const names: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (m[1] !== undefined) names.push(m[1]);
  return names;
}

export function fillTemplate(template: string, lookup: (name: string) => string | undefined): string {
  return template.replace(PLACEHOLDER, (whole, name: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    // a value is one line (a name, an answer): a line break in it must not start a line of the text
    return (lookup(name ?? '') ?? '…').replace(/\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g, ' ');
  });
}

/**
 * The recap goes to the customer as written, so a sentence whose placeholder has no answer is left out
 * rather than sent with a gap ("Where we still differ: …"). Sentences end at . ! ? 。！？ and ；.
 */
export function fillRecap(template: string, lookup: (name: string) => string | undefined): string {
  const sentences = template.match(/(?:\{[^{}]*\}|[^.!?。！？；{}])+(?:[.!?。！？；]+\s*|$)/g) ?? [template];
  const kept = sentences.filter((s) => placeholdersIn(s).every((name) => lookup(name) !== undefined));
  return fillTemplate(kept.join(''), lookup).trim();
}

/** visit.people: everyone met at the visit by name ("Ms Chen and Mr Wang"), the person it is about first. */
// visit.you: how the follow-up addresses the people met, one (您) or several (各位), for the languages that tell them apart
// account.decider: the account's decider by name and role once one is on record ("Ms Wang (the first KP)"), else the playbook's term for them
// account.othersWithWin: the people on the account besides the person met and the first KP whose personal win is on record (the condition othersWin)
export const ACCOUNT_FIELDS = ['account.name', 'account.decider', 'account.othersWithWin', 'visit.date', 'visit.people', 'visit.you'] as const;
export const SELF_QUESTION_FIELDS = ['reasons', 'class'] as const;
