/**
 * Walks over a merged playbook: every condition and every text, with the item and the path inside it
 * where each is written. The rules check them; the language server finds references with them.
 */
import { type Condition, MODES, type PathSegment, type Playbook, type Text } from '../engine/model.js';
import { SELF_QUESTION_FIELDS } from '../engine/text.js';
import { formsOf } from './rules/conditions.js';
import type { ConditionSite, TextSite } from './rules/rule.js';

/** Every condition node (nested ones under a well-formed all/any/not), with its item, path and what it may read. */
export function eachCondition(pb: Playbook, visit: (c: Condition, site: ConditionSite) => void): void {
  // positional arguments and one site object of a fixed shape per node: a 10k-question playbook has
  // tens of thousands of nodes, and spreading a site object for each was most of the walk's time
  const walk = (c: Condition, item: object, path: PathSegment[], classAllowed: boolean, beforeIndex: number | undefined) => {
    const { forms, tests } = formsOf(c);
    visit(c, { forms, tests, item, path, classAllowed, beforeIndex });
    const form = forms.length === 1 ? forms[0] : undefined;
    if (form === 'all' || form === 'any') {
      const list = c[form] ?? [];
      for (let i = 0; i < list.length; i++) walk(list[i], item, [...path, form, i], classAllowed, beforeIndex);
    } else if (form === 'not' && c.not) walk(c.not, item, [...path, 'not'], classAllowed, beforeIndex);
  };
  const outcome = (item: object, path: PathSegment[], c: Condition | undefined) => {
    if (c) walk(c, item, path, true, undefined);
  };
  pb.questions.forEach((q, i) => {
    if (q.when) walk(q.when, q, ['when'], false, i);
  });
  for (const c of pb.classes) walk(c.when, c, ['when'], false, undefined);
  for (const p of pb.personas) if (p.recognise) walk(p.recognise, p, ['recognise'], false, undefined);
  // the signing condition reads the session's answers, like a class rule
  if (pb.roles?.signed) walk(pb.roles.signed, pb.roles, ['signed'], false, undefined);
  if (pb.roles?.askedToSign) walk(pb.roles.askedToSign, pb.roles, ['askedToSign'], false, undefined);
  if (pb.roles?.metFirstKp) walk(pb.roles.metFirstKp, pb.roles, ['metFirstKp'], false, undefined);
  for (const f of [...pb.flags, ...pb.personas.flatMap((p) => p.flags ?? [])]) outcome(f, ['when'], f.when);
  for (const item of [...pb.checklist, ...pb.personas.flatMap((p) => p.checklist ?? [])]) outcome(item, ['when'], item.when);
  for (const t of pb.tips) outcome(t, ['when'], t.when);
  if (pb.recap) outcome(pb.recap, ['when'], pb.recap.when);
  if (pb.followUp) {
    outcome(pb.followUp, ['when'], pb.followUp.when);
    for (const part of pb.followUp.parts) outcome(part, ['when'], part.when);
  }
  for (const p of pb.personas) {
    for (const key of ['do', 'dont'] as const) {
      (p[key] ?? []).forEach((a, i) => {
        if (typeof a === 'object' && 'id' in a) outcome(p, [key, i, 'when'], a.when);
      });
    }
  }
  for (const c of pb.classes) {
    for (const key of ['forward', 'reverse'] as const) (c[key] ?? []).forEach((sq, i) => outcome(c, [key, i, 'when'], sq.when));
    c.visit?.variants?.forEach((v, i) => outcome(c, ['visit', 'variants', i, 'when'], v.when));
  }
}

/** Every text of the playbook, with its item, path and the placeholders it may use (null: none). */
export function eachText(pb: Playbook, visit: (text: Text, site: TextSite) => void): void {
  const plain = null;
  const templated: readonly string[] = [];
  const at = (text: Text | undefined, item: object, path: PathSegment[], placeholders: readonly string[] | null) => {
    if (text !== undefined) visit(text, { item, path, placeholders });
  };
  const top = {};
  at(pb.title, top, ['title'], plain);
  at(pb.description, top, ['description'], plain);
  for (const q of pb.questions) {
    at(q.text, q, ['text'], plain);
    for (const m of MODES) at(q.textIn?.[m], q, ['textIn', m], plain);
    at(q.short, q, ['short'], plain);
    at(q.help, q, ['help'], plain);
    at(q.findOut, q, ['findOut'], templated);
    (q.options ?? []).forEach((o, i) => {
      at(o.label, q, ['options', i, 'label'], plain);
      at(o.short, q, ['options', i, 'short'], plain);
      for (const mode of MODES) at(o.shortIn?.[mode], q, ['options', i, 'shortIn', mode], plain);
      at(o.about, q, ['options', i, 'about'], plain);
      at(o.help, q, ['options', i, 'help'], plain);
    });
  }
  for (const p of pb.personas) {
    at(p.name, p, ['name'], plain);
    at(p.summary, p, ['summary'], plain);
    for (const key of ['cues', 'traits'] as const) (p[key] ?? []).forEach((t, i) => at(t, p, [key, i], plain));
    for (const key of ['do', 'dont'] as const) {
      (p[key] ?? []).forEach((a, i) => {
        if (typeof a === 'object' && 'id' in a) {
          at(a.text, p, [key, i, 'text'], templated);
          at(a.short, p, [key, i, 'short'], templated);
        }
        else at(a, p, [key, i], templated);
      });
    }
  }
  for (const c of pb.classes) {
    at(c.name, c, ['name'], plain);
    at(c.summary, c, ['summary'], templated);
    for (const key of ['forward', 'reverse'] as const) (c[key] ?? []).forEach((sq, i) => at(sq.text, c, [key, i, 'text'], SELF_QUESTION_FIELDS));
    if (c.visit) for (const key of ['objective', 'commitment', 'minimum'] as const) at(c.visit[key], c, ['visit', key], SELF_QUESTION_FIELDS);
    c.visit?.variants?.forEach((v, i) => {
      for (const key of ['objective', 'commitment', 'minimum'] as const) at(v[key], c, ['visit', 'variants', i, key], SELF_QUESTION_FIELDS);
    });
  }
  for (const f of [...pb.flags, ...pb.personas.flatMap((p) => p.flags ?? [])]) {
    at(f.message, f, ['message'], templated);
    at(f.subtext, f, ['subtext'], templated);
  }
  for (const item of [...pb.checklist, ...pb.personas.flatMap((p) => p.checklist ?? [])]) {
    at(item.text, item, ['text'], SELF_QUESTION_FIELDS);
    at(item.tellCustomer, item, ['tellCustomer'], templated);
  }
  for (const t of pb.tips) {
    at(t.text, t, ['text'], templated);
    at(t.short, t, ['short'], templated);
  }
  if (pb.recap) at(pb.recap.text, pb.recap, ['text'], templated);
  if (pb.followUp) {
    const f = pb.followUp;
    f.parts.forEach((part) => at(part.text, part, ['text'], templated));
    at(f.steps, f, ['steps'], plain);
    at(f.closing, f, ['closing'], plain);
  }
  for (const [key, text] of Object.entries(pb.terms)) at(text, pb.terms, [key], plain);
}
