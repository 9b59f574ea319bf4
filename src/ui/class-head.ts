/**
 * The class as a result's header says it: the label once. A playbook's class name repeats its label
 * ("D类客户：不会购买") and the engine's reason does too ("D类客户，因为…"): beside the badge that was
 * D类客户 three times in three lines. The header keeps the label in the badge, the name's rest
 * ("不会购买") and the reasons' list ("因为…"); the stored reasons are not changed.
 */
import type { CoachingResult } from '../engine/evaluate.js';
import { MESSAGES as ENGINE_MESSAGES } from '../engine/messages.js';
import { UI } from './messages.js';

export interface ClassHead {
  /** The name after its label ("will not buy" of "D: will not buy"); none when the name is the label. */
  rest?: string;
  /** Each reason: a class's "because" reason as its list alone, the others (a window ran out…) as they are. */
  reasons: { text: string; why?: string }[];
}

export function classHead(r: CoachingResult): ClassHead {
  const cls = r.classification;
  const label = cls.label ?? cls.class;
  const name = cls.name?.trim();
  const rest = name && label && name.startsWith(label) ? name.slice(label.length).replace(/^\s*[:：]\s*/u, '').trim() : name === label ? '' : name;
  const list = ENGINE_MESSAGES[r.locale].list;
  const reasons = cls.reasons.map((reason) => (cls.status === 'classified' && reason.because.length > 0 ? { text: reason.text, why: list(reason.because.map((e) => e.text)) } : { text: reason.text }));
  return { ...(rest ? { rest } : {}), reasons };
}

/** The header's lines under the badge: the name's rest and the first reason in one sentence when both are said. */
export function classHeadLines(r: CoachingResult, withName: boolean): string[] {
  const m = UI[r.locale];
  const head = classHead(r);
  const out: string[] = [];
  let rest = withName ? head.rest : undefined;
  for (const reason of head.reasons) {
    if (reason.why === undefined) {
      if (rest) out.push(rest);
      rest = undefined;
      out.push(reason.text);
      continue;
    }
    out.push(m.classWhy(rest, reason.why));
    rest = undefined;
  }
  if (rest) out.push(rest);
  return out;
}
