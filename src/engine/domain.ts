/**
 * The values worth trying for each question, for the static checks (can this question be asked? do
 * the rules classify everything?) and for exploring the interview's paths. Pure.
 */
import { assertNever, type Condition, type Playbook, type Question } from './model.js';
import { type AnswerValue, choiceValues, UNKNOWN } from './answers.js';

/**
 * Values worth trying for open questions (text, number, date): the constants conditions compare with.
 * Only open questions have an entry: domainOf reads constants for no other kind.
 */
export function collectConstants(pb: Playbook): Map<string, AnswerValue[]> {
  const m = new Map<string, AnswerValue[]>();
  // a playbook of choice questions only (a generated one of 10k) has no constant to look for
  const open = new Set(pb.questions.filter((q) => q.kind === 'text' || q.kind === 'number' || q.kind === 'date').map((q) => q.id));
  if (open.size === 0) return m;
  const visit = (c: Condition | undefined) => {
    if (!c) return;
    c.all?.forEach(visit);
    c.any?.forEach(visit);
    visit(c.not);
    if (c.question === undefined || !open.has(c.question)) return;
    let list = m.get(c.question);
    if (!list) {
      list = [];
      m.set(c.question, list);
    }
    // pushed in place, in the order equals, in, gt, gte, lt, lte: no list per node of a large playbook
    add(list, c.equals);
    if (c.in) for (const v of c.in) add(list, v);
    add(list, c.gt);
    add(list, c.gte);
    add(list, c.lt);
    add(list, c.lte);
  };
  for (const q of pb.questions) visit(q.when);
  for (const c of pb.classes) visit(c.when);
  for (const p of pb.personas) visit(p.recognise);
  return m;
}

function add(list: AnswerValue[], v: unknown): void {
  if (typeof v === 'number') list.push(v, v - 1, v + 1);
  else if (typeof v === 'string') list.push(v);
}

export function domainOf(q: Question, personaIds: readonly string[], constants: AnswerValue[] = []): (AnswerValue | undefined)[] {
  const values: (AnswerValue | undefined)[] = [undefined];
  const choices = choiceValues(q, personaIds);
  switch (q.kind) {
    case 'multiple':
      values.push([], ...(choices ?? []).map((c) => [c]), [...(choices ?? [])]);
      break;
    case 'single':
    case 'yes-no':
    case 'persona':
      values.push(...(choices ?? []));
      break;
    // open answers: the values conditions compare with, and one value that matches none of them
    case 'number':
      values.push(...new Set(constants), -1e9);
      break;
    case 'text':
    case 'date':
      values.push(...new Set(constants), '\u0000other');
      break;
    default:
      assertNever(q.kind, 'question kind');
  }
  if (q.allowUnknown) values.push(UNKNOWN);
  return values;
}

