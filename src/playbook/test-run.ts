/** Runs test cases through the engine, compares, and measures what the cases exercise. Pure. */
import type { Answers } from '../engine/answers.js';
import { type CoachingResult, evaluateSession } from '../engine/evaluate.js';
import { walkInterview } from '../engine/interview.js';
import type { Expectations, ParsedCase } from './test-file.js';
import type { Playbook } from './types.js';

export interface Mismatch {
  what: string;
  expected: string;
  actual: string;
}

export interface CaseOutcome {
  name: string;
  passed: boolean;
  mismatches: Mismatch[];
  result?: CoachingResult;
  error?: string;
  ms: number;
}

export function runCase(pb: Playbook, c: ParsedCase, clock: () => number = () => 0): CaseOutcome {
  const t0 = clock();
  let result: CoachingResult;
  try {
    result = evaluateSession(pb, { mode: c.mode, answers: c.answers, visitDate: c.date, locale: c.locale, account: c.account || c.decider || c.people || c.onRecord ? { ...(c.account ? { name: c.account } : {}), ...(c.decider ? { decider: c.decider } : {}), ...(c.people ? { people: c.people } : {}), ...(c.onRecord ? { history: { class: c.onRecord } } : {}) } : undefined, persona: c.persona, others: c.others });
  } catch (err) {
    return { name: c.name, passed: false, mismatches: [], error: err instanceof Error ? err.message : String(err), ms: clock() - t0 };
  }
  // a question a rep would have to answer and the case leaves out would be asked, not skipped: the
  // case says so rather than failing later on a class the missing answer changed
  const unanswered = walkInterview(pb, c.mode, c.answers, c.onRecord ? { onRecord: c.onRecord } : {}).questions.filter((q) => q.required !== false && q.kind !== 'persona' && !Object.hasOwn(c.answers, q.id)).map((q) => q.id);
  const mismatches = [...(unanswered.length ? [{ what: 'answers', expected: `an answer to ${list(unanswered)} (a rep is asked ${unanswered.length === 1 ? 'it' : 'them'})`, actual: '(none)' }] : []), ...(c.expect ? compare(c.expect, result) : [])];
  return { name: c.name, passed: mismatches.length === 0, mismatches, result, ms: clock() - t0 };
}

const list = (xs: string[]) => (xs.length ? xs.join(', ') : '(none)');
const sameSet = (a: string[], b: string[]) => new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));

export function compare(e: Expectations, r: CoachingResult): Mismatch[] {
  const out: Mismatch[] = [];
  const cls = r.classification;
  const actualClass = cls.status === 'classified' ? (cls.class ?? '') : `(${cls.status})`;
  if (e.class !== undefined && e.class !== cls.class) out.push({ what: 'class', expected: e.class, actual: actualClass });
  if (e.provisional !== undefined && e.provisional !== (cls.status === 'provisional')) out.push({ what: 'provisional', expected: String(e.provisional), actual: String(cls.status === 'provisional') });
  // the classes still possible are a set: [hot, warm] and [warm, hot] say the same
  if (e.candidates && !sameSet(e.candidates, cls.candidates)) out.push({ what: 'candidates', expected: list(e.candidates), actual: list(cls.candidates) });
  const reasons = cls.reasons.map((x) => x.text);
  for (const part of e.reasons ?? []) if (!reasons.some((x) => x.includes(part))) out.push({ what: 'reasons', expected: `a reason containing "${part}"`, actual: reasons.join(' | ') || '(none)' });
  const flags = r.flags.map((f) => f.id);
  const missingFlags = (e.flags ?? []).filter((f) => !flags.includes(f));
  if (missingFlags.length) out.push({ what: 'flags', expected: `${list(missingFlags)} raised`, actual: list(flags) });
  const extraFlags = (e.notFlags ?? []).filter((f) => flags.includes(f));
  if (extraFlags.length) out.push({ what: 'flags', expected: `${list(extraFlags)} not raised`, actual: list(flags) });
  for (const item of e.checklist ?? []) {
    const want = typeof item === 'string' ? { id: item } : item;
    const hit = r.checklist.find((x) => (want.id === undefined || x.id === want.id) && (want.text === undefined || x.text.includes(want.text)));
    const label = [want.id, want.text && `"${want.text}"`].filter(Boolean).join(' ');
    if (!hit) out.push({ what: 'checklist', expected: `${label} present`, actual: list(r.checklist.map((x) => x.id)) });
    else if (want.due !== undefined && hit.due !== want.due) out.push({ what: `checklist ${label} due`, expected: want.due, actual: hit.due });
  }
  const present = (e.notChecklist ?? []).filter((id) => r.checklist.some((x) => x.id === id));
  if (present.length) out.push({ what: 'checklist', expected: `${list(present)} absent`, actual: list(r.checklist.map((x) => x.id)) });
  const sq = [...r.selfQuestions.forward, ...r.selfQuestions.reverse];
  for (const part of e.selfQuestions ?? []) if (!sq.some((x) => x.includes(part))) out.push({ what: 'self-questions', expected: `one containing "${part}"`, actual: sq.join(' | ') || '(none)' });
  if (e.followUp) {
    if (e.followUp.length === 0 && r.followUp) out.push({ what: 'follow-up', expected: 'none', actual: r.followUp });
    for (const part of e.followUp) if (!r.followUp?.includes(part)) out.push({ what: 'follow-up', expected: `containing "${part}"`, actual: r.followUp ?? '(none)' });
  }
  if (e.persona !== undefined && e.persona !== r.persona?.id) out.push({ what: 'persona', expected: e.persona, actual: r.persona?.id ?? '(none)' });
  // a tip the playbook gives: among the three shown, or the rest that --full shows
  const tips = [...r.tips, ...(r.moreTips ?? [])].map((x) => x.id);
  const missingTips = (e.tips ?? []).filter((x) => !tips.includes(x));
  if (missingTips.length) out.push({ what: 'tips', expected: `${list(missingTips)} given`, actual: list(tips) });
  return out;
}

/** For --update: expectations that describe the actual result, for the trainer to review. */
export function expectationsFrom(r: CoachingResult): Expectations {
  const cls = r.classification;
  return {
    ...(cls.status === 'classified' && cls.class ? { class: cls.class } : {}),
    provisional: cls.status === 'provisional',
    ...(cls.status === 'provisional' ? { candidates: cls.candidates } : {}),
    ...(r.flags.length ? { flags: r.flags.map((f) => f.id) } : {}),
    ...(r.checklist.length ? { checklist: r.checklist.map((c) => ({ id: c.id, due: c.due })) } : {}),
    ...(r.persona ? { persona: r.persona.id } : {}),
    ...(r.tips.length ? { tips: [...r.tips, ...(r.moreTips ?? [])].map((t) => t.id) } : {}),
  };
}

export interface CoverageItem {
  kind: 'rule' | 'flag' | 'checklist' | 'persona' | 'advice' | 'tip' | 'question';
  id: string;
  item: object;
  path: (string | number)[];
}

/** Everything a case can exercise, with where it is written (for file:line in the report). */
export function coverageItems(pb: Playbook): CoverageItem[] {
  const items: CoverageItem[] = [];
  for (const c of pb.classes) items.push({ kind: 'rule', id: c.id, item: c, path: ['when'] });
  for (const f of pb.flags) items.push({ kind: 'flag', id: f.id, item: f, path: ['id'] });
  for (const c of pb.checklist) items.push({ kind: 'checklist', id: c.id, item: c, path: ['id'] });
  for (const t of pb.tips) items.push({ kind: 'tip', id: t.id, item: t, path: ['id'] });
  for (const p of pb.personas) {
    items.push({ kind: 'persona', id: p.id, item: p, path: ['id'] });
    for (const f of p.flags ?? []) items.push({ kind: 'flag', id: f.id, item: f, path: ['id'] });
    for (const c of p.checklist ?? []) items.push({ kind: 'checklist', id: c.id, item: c, path: ['id'] });
    for (const key of ['do', 'dont'] as const) {
      (p[key] ?? []).forEach((a, i) => {
        if (typeof a === 'object' && 'id' in a) items.push({ kind: 'advice', id: String(a.id), item: p, path: [key, i, 'id'] });
      });
    }
  }
  for (const q of pb.questions) items.push({ kind: 'question', id: q.id, item: q, path: ['id'] });
  return items;
}

/** What a case exercised: the rule that fired, flags, items, tips, persona and advice shown, questions asked. */
export function exercised(pb: Playbook, c: { mode: ParsedCase['mode']; answers: Answers; onRecord?: string }, r: CoachingResult): Set<string> {
  const hit = new Set<string>();
  if (r.classification.rule) hit.add(`rule:${r.classification.rule}`);
  for (const f of r.flags) hit.add(`flag:${f.id}`);
  for (const i of r.checklist) hit.add(`checklist:${i.id}`);
  for (const t of [...r.tips, ...(r.moreTips ?? [])]) hit.add(`tip:${t.id}`);
  if (r.persona) hit.add(`persona:${r.persona.id}`);
  for (const line of r.trace) if (line.startsWith('advice ')) hit.add(`advice:${line.slice(7)}`);
  const { questions } = walkInterview(pb, c.mode, c.answers, c.onRecord ? { onRecord: c.onRecord } : {});
  for (const q of questions) if (Object.hasOwn(r.answers, q.id)) hit.add(`question:${q.id}`);
  return hit;
}

/**
 * What a case asserts, in the keys of `exercised`: an item counts as tested only when an expectation
 * names it (the class, a flag, a step, a tip, the persona). Advice has no expectation of its own: it is
 * asserted with its persona. A question is asserted by a case that expects anything at all.
 */
export function asserted(pb: Playbook, c: { expect?: Expectations }, r: CoachingResult): Set<string> {
  const out = new Set<string>();
  const e = c.expect;
  if (!e) return out;
  if (e.class !== undefined) out.add(`rule:${e.class}`);
  for (const f of e.flags ?? []) out.add(`flag:${f}`);
  for (const item of e.checklist ?? []) {
    const want = typeof item === 'string' ? { id: item } : item;
    if (want.id !== undefined) out.add(`checklist:${want.id}`);
    else if (want.text !== undefined) for (const x of r.checklist) if (x.text.includes(want.text)) out.add(`checklist:${x.id}`);
  }
  for (const t of e.tips ?? []) out.add(`tip:${t}`);
  if (e.persona !== undefined) {
    out.add(`persona:${e.persona}`);
    const p = pb.personas.find((x) => x.id === e.persona);
    for (const key of ['do', 'dont'] as const) for (const a of p?.[key] ?? []) if (typeof a === 'object' && 'id' in a) out.add(`advice:${String(a.id)}`);
  }
  if (Object.keys(e).length > 0) for (const q of pb.questions) out.add(`question:${q.id}`);
  return out;
}
