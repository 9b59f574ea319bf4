/**
 * Cross-checks on a merged playbook: references, ids, condition forms, templates, locales, which
 * questions can be asked, and whether the class rules classify every combination of answers. Each
 * check pushes diagnostics pointing at the item's own file:line:col.
 */
import { basename } from 'node:path';
import { type Diagnostic, type DiagnosticCode, type Severity, suggest } from '../core/diagnostic.js';
import type { PathSegment, YamlSource } from '../core/yaml-source.js';
import { type AnswerValue, type Answers, choiceValues, NOT_SURE, UNKNOWN } from '../engine/answers.js';
import { classifyAccount, orderedRules } from '../engine/classify.js';
import { type ConditionContext, evaluateCondition, QUESTION_TESTS, questionsIn } from '../engine/conditions.js';
import { collectConstants, domainOf } from '../engine/domain.js';
import { ACCOUNT_FIELDS, placeholdersIn, SELF_QUESTION_FIELDS } from '../engine/text.js';
import type { Condition, Mode, Playbook, Question, Text } from './types.js';

type SourceOf = (file: string) => YamlSource | undefined;

const MAX_COMBINATIONS = 200_000;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * `partial`: some items were dropped for their own errors. The checks that reason about the whole
 * playbook (reachability, class coverage, "no classes") would then report ghosts, so they are skipped.
 */
export function checkPlaybook(pb: Playbook, sourceOf: SourceOf, partial = false): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (item: object | undefined, sub: PathSegment[], code: DiagnosticCode, severity: Severity, message: string, hint?: string, onKey = false) => {
    const origin = item ? pb.origins.get(item) : undefined;
    const file = origin?.file ?? pb.files[0];
    const src = sourceOf(file);
    const path = [...(origin?.path ?? []), ...sub];
    const pos = src ? (onKey ? src.locateKey(path) : src.locate(path)) : { line: 1, col: 1 };
    out.push({ file, ...pos, code, severity, message, hint });
  };
  const questions = new Map<string, Question>();
  const questionOrder = new Map<string, number>();
  pb.questions.forEach((q, i) => {
    if (!questions.has(q.id)) {
      questions.set(q.id, q);
      questionOrder.set(q.id, i);
    }
  });
  const personaIds = pb.personas.map((p) => p.id);
  const classIds = pb.classes.map((c) => c.id);

  // -- ids ------------------------------------------------------------------------------------
  const checkIds = (items: { id: string }[], what: string) => {
    const first = new Map<string, object>();
    for (const item of items) {
      const prev = first.get(item.id);
      if (prev) {
        const o = pb.origins.get(prev);
        const src = o ? sourceOf(o.file) : undefined;
        const here = pb.origins.get(item);
        const line = o && src ? src.locate([...o.path, 'id']).line : undefined;
        const where = o && line ? (here?.file === o.file ? `line ${line}` : `${basename(o.file)}:${line}`) : 'earlier';
        report(item, ['id'], 'duplicate-id', 'error', `the ${what} id "${item.id}" is already used`, `first defined at ${where}; ids must be unique`);
      } else first.set(item.id, item);
    }
  };
  checkIds(pb.questions, 'question');
  checkIds(pb.personas, 'persona');
  checkIds(pb.classes, 'class');
  checkIds([...pb.flags, ...pb.personas.flatMap((p) => p.flags ?? [])], 'flag');
  checkIds([...pb.checklist, ...pb.personas.flatMap((p) => p.checklist ?? [])], 'checklist item');
  checkIds(pb.tips, 'tip');
  if (pb.classes.length === 0 && !partial) {
    out.push({ file: pb.files[0], line: 1, col: 1, code: 'missing-field', severity: 'error', message: 'the playbook declares no classes, so no account can be classified', hint: 'add classes: (A/B/C/D), or extends: abcd to build on the built-in rules' });
  }

  // -- questions --------------------------------------------------------------------------------
  for (const q of pb.questions) {
    if (q.kind === 'single' || q.kind === 'multiple') {
      if (!q.options || q.options.length < 2) {
        report(q, q.options ? ['options'] : ['kind'], 'missing-options', 'error', `the ${q.kind}-choice question "${q.id}" needs at least two options`, 'add options: with - value: … label: …');
      }
    } else if (q.kind === 'yes-no' && q.options) {
      // options on a yes-no question only name the two answers (labels, and short phrases for reasons)
      q.options.forEach((o, i) => {
        if (o.value !== 'yes' && o.value !== 'no') report(q, ['options', i, 'value'], 'invalid-value', 'error', `a yes-no question's options can only be "yes" and "no", not "${o.value}"`, 'use kind: single for other choices');
      });
    } else if (q.options) {
      report(q, ['options'], 'missing-options', 'warning', `options are ignored for a question of kind ${q.kind}`, 'use kind: single or multiple, or remove options');
    }
    const seen = new Set<string>();
    (q.options ?? []).forEach((o, i) => {
      if (o.value === UNKNOWN || o.value === NOT_SURE) {
        report(q, ['options', i, 'value'], 'invalid-value', 'error', `the option value "${o.value}" is reserved`, q.kind === 'single' ? 'use allowUnknown: true to offer "don\'t know"' : 'choose another value');
      }
      if (seen.has(o.value)) report(q, ['options', i, 'value'], 'duplicate-id', 'error', `the option value "${o.value}" appears twice in "${q.id}"`, 'option values must be unique within a question');
      seen.add(o.value);
    });
    if (q.kind === 'persona' && pb.personas.length === 0) {
      report(q, ['kind'], 'missing-options', 'error', `"${q.id}" asks for a persona, but the playbook declares none`, 'add personas:, or use kind: single');
    }
    if (q.findOut && !q.allowUnknown) {
      report(q, ['findOut'], 'invalid-value', 'warning', `"${q.id}" has findOut but does not allow "don't know", so it is never used`, 'add allowUnknown: true');
    }
  }

  // -- conditions -------------------------------------------------------------------------------
  const FORMS = ['all', 'any', 'not', 'question', 'persona', 'mode', 'class'] as const;
  const checkCondition = (c: Condition, item: object, path: PathSegment[], opts: { classAllowed: boolean; beforeIndex?: number }) => {
    const keys = Object.keys(c);
    const forms = FORMS.filter((f) => c[f] !== undefined);
    const tests = QUESTION_TESTS.filter((t) => c[t] !== undefined);
    if (forms.length !== 1) {
      report(item, path, 'bad-condition', 'error',
        forms.length === 0 ? `the condition names nothing to test${keys.length ? ` (found ${keys.join(', ')})` : ''}` : `the condition mixes ${forms.join(' and ')}; one condition tests one thing`,
        forms.length === 0 ? 'write question: ID with one test (equals, in, …), or all: / any: / not:' : 'wrap the parts in all: [ … ] or any: [ … ]');
      return;
    }
    const form = forms[0];
    if (form !== 'question' && tests.length > 0) {
      report(item, [...path, tests[0]], 'bad-condition', 'error', `"${tests[0]}" only goes with question:`, `write { question: ID, ${tests[0]}: … }`, true);
    }
    if (form === 'all' || form === 'any') {
      const list = c[form] ?? [];
      if (list.length === 0) report(item, [...path, form], 'bad-condition', 'warning', `an empty ${form}: list is always ${form === 'all'}`, 'add conditions or remove it');
      list.forEach((x, i) => checkCondition(x, item, [...path, form, i], opts));
      return;
    }
    if (form === 'not' && c.not) return checkCondition(c.not, item, [...path, 'not'], opts);
    if (form === 'persona' && c.persona && !personaIds.includes(c.persona) && !pb.brokenIds.has(c.persona)) {
      report(item, [...path, 'persona'], 'unknown-reference', 'error', `unknown persona "${c.persona}"`, suggest(c.persona, personaIds, 'one of'));
    }
    if (form === 'class' && c.class) {
      if (!opts.classAllowed) report(item, [...path, 'class'], 'bad-condition', 'error', 'a class can only be tested by flags, checklist items, tips and self-questions', 'the class is known only at the end of the interview', true);
      else if (!classIds.includes(c.class) && !pb.brokenIds.has(c.class)) report(item, [...path, 'class'], 'unknown-reference', 'error', `unknown class "${c.class}"`, suggest(c.class, classIds, 'one of'));
    }
    if (form !== 'question') return;
    const id = c.question as string;
    const q = questions.get(id);
    if (!q) {
      if (pb.brokenIds.has(id)) return;
      report(item, [...path, 'question'], 'unknown-reference', 'error', `unknown question "${id}"`, suggest(id, [...questions.keys()], 'one of'));
      return;
    }
    if (opts.beforeIndex !== undefined && (questionOrder.get(id) ?? 0) >= opts.beforeIndex) {
      report(item, [...path, 'question'], 'forward-reference', 'error',
        (questionOrder.get(id) ?? 0) === opts.beforeIndex ? `the question "${id}" depends on its own answer` : `this condition reads "${id}", which is asked later`,
        'a question can depend only on questions asked before it: move it below, or move the condition');
    }
    if (tests.length !== 1) {
      report(item, path, 'bad-condition', 'error', tests.length === 0 ? `the test of "${id}" is missing` : `the test of "${id}" has ${tests.join(' and ')}; use one`, `one of: ${QUESTION_TESTS.join(', ')}`);
      return;
    }
    checkTest(c, tests[0], q, item, path);
  };

  const checkTest = (c: Condition, test: (typeof QUESTION_TESTS)[number], q: Question, item: object, path: PathSegment[]) => {
    const choices = choiceValues(q, personaIds);
    const at = [...path, test];
    const impossible = (v: unknown, i?: number) => {
      const p = i === undefined ? at : [...at, i];
      report(item, p, 'impossible-value', 'error', `"${q.id}" can never be ${JSON.stringify(v)}`, choices ? suggest(String(v), choices, 'one of') : `"${q.id}" is a ${q.kind} question`);
    };
    const fitsChoice = (v: unknown) => {
      if (q.kind === 'yes-no' && typeof v === 'boolean') return true;
      if (v === UNKNOWN && q.allowUnknown) return true;
      return typeof v === 'string' && (choices?.includes(v) ?? false);
    };
    switch (test) {
      case 'equals':
      case 'in': {
        const values = test === 'equals' ? [c.equals] : (c.in ?? []);
        if (q.kind === 'multiple') {
          report(item, at, 'bad-condition', 'error', `"${q.id}" takes several answers; test one option with includes:`, `write { question: ${q.id}, includes: VALUE }`, true);
          return;
        }
        values.forEach((v, i) => {
          const idx = test === 'in' ? i : undefined;
          if (v === UNKNOWN && q.allowUnknown) {
            report(item, idx === undefined ? at : [...at, idx], 'bad-condition', 'error', `"don't know" is not a value to compare with`, `write { question: ${q.id}, unknown: true }`);
          } else if (choices) {
            if (!fitsChoice(v)) impossible(v, idx);
          } else if (q.kind === 'number' && typeof v !== 'number') impossible(v, idx);
          else if (q.kind === 'date' && !(typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))) impossible(v, idx);
        });
        return;
      }
      case 'includes':
        if (q.kind !== 'multiple') report(item, at, 'bad-condition', 'error', `includes: tests a multiple-choice question; "${q.id}" is ${q.kind}`, 'use equals: or in:', true);
        else if (!choices?.includes(c.includes as string)) impossible(c.includes);
        return;
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte': {
        const v = c[test];
        if (q.kind === 'number') {
          if (typeof v !== 'number') report(item, at, 'bad-condition', 'error', `"${q.id}" is a number; compare it with a number, not ${JSON.stringify(v)}`);
        } else if (q.kind === 'date') {
          if (!(typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))) report(item, at, 'bad-condition', 'error', `"${q.id}" is a date; compare it with a date written YYYY-MM-DD`);
        } else {
          report(item, at, 'bad-condition', 'error', `${test}: compares numbers and dates; "${q.id}" is a ${q.kind} question`, 'use equals: or in:', true);
        }
        return;
      }
      case 'unknown':
        if (c.unknown && !q.allowUnknown) report(item, at, 'impossible-value', 'error', `"${q.id}" does not offer "don't know", so this never holds`, `add allowUnknown: true to "${q.id}"`);
        return;
      default:
        return;
    }
  };

  pb.questions.forEach((q, i) => {
    if (q.when) checkCondition(q.when, q, ['when'], { classAllowed: false, beforeIndex: i });
  });
  for (const c of pb.classes) checkCondition(c.when, c, ['when'], { classAllowed: false });
  const outcome = { classAllowed: true };
  const allFlags = [...pb.flags, ...pb.personas.flatMap((p) => p.flags ?? [])];
  const allChecklist = [...pb.checklist, ...pb.personas.flatMap((p) => p.checklist ?? [])];
  for (const f of allFlags) checkCondition(f.when, f, ['when'], outcome);
  for (const item of allChecklist) if (item.when) checkCondition(item.when, item, ['when'], outcome);
  for (const t of pb.tips) if (t.when) checkCondition(t.when, t, ['when'], outcome);
  if (pb.recap?.when) checkCondition(pb.recap.when, pb.recap, ['when'], outcome);
  for (const c of pb.classes) c.visit?.variants?.forEach((v, i) => checkCondition(v.when, c, ['visit', 'variants', i, 'when'], outcome));
  pb.personas.forEach((p) => {
    if (p.recognise) checkCondition(p.recognise, p, ['recognise'], { classAllowed: false });
    for (const key of ['do', 'dont'] as const) {
      (p[key] ?? []).forEach((a, i) => {
        if (typeof a === 'object' && 'id' in a && a.when) checkCondition(a.when as Condition, p, [key, i, 'when'], outcome);
      });
    }
  });
  pb.classes.forEach((c) => {
    for (const key of ['forward', 'reverse'] as const) {
      (c[key] ?? []).forEach((sq, i) => {
        if (sq.when) checkCondition(sq.when, c, [key, i, 'when'], outcome);
      });
    }
  });

  // -- texts: templates, locales, control characters ----------------------------------------------
  const answerNames = [...questions.keys()].map((id) => `answers.${id}`);
  const answerNameSet = new Set(answerNames);
  const checkText = (text: Text | undefined, item: object, path: PathSegment[], extra: readonly string[] | null) => {
    if (text === undefined) return;
    const entries: [string | undefined, string][] = typeof text === 'string' ? [[undefined, text]] : Object.entries(text).filter((e): e is [string, string] => typeof e[1] === 'string');
    if (typeof text === 'string') {
      if (pb.locales.length > 1) report(item, path, 'missing-locale', 'warning', `a plain string, but the playbook declares ${pb.locales.join(' and ')}`, `write { ${pb.locales.map((l) => `${l}: …`).join(', ')} }`);
    } else {
      const missing = pb.locales.filter((l) => text[l] === undefined);
      if (missing.length) report(item, path, 'missing-locale', 'warning', `the text has no ${missing.join(', ')}`, `the playbook declares locales ${pb.locales.join(', ')}; add ${missing.map((l) => `${l}: …`).join(', ')}`);
    }
    for (const [locale, s] of entries) {
      const p = locale ? [...path, locale] : path;
      if (CONTROL.test(s)) report(item, p, 'control-character', 'warning', 'the text holds a terminal control character', 'remove it: it would be shown as-is, and is stripped before printing');
      if (extra === null) continue;
      for (const name of placeholdersIn(s)) {
        if (!answerNameSet.has(name) && !(ACCOUNT_FIELDS as readonly string[]).includes(name) && !extra.includes(name)) {
          report(item, p, 'bad-placeholder', 'error', `unknown placeholder {${name}}`,
            name.startsWith('answers.') ? suggest(name, answerNames, 'one of') : `placeholders name answers and account fields only: {answers.ID}, ${[...ACCOUNT_FIELDS, ...extra].map((f) => `{${f}}`).join(', ')}`);
        }
      }
    }
  };
  const noTemplate = null;
  checkText(pb.title, {}, ['title'], noTemplate);
  checkText(pb.description, {}, ['description'], noTemplate);
  for (const q of pb.questions) {
    checkText(q.text, q, ['text'], noTemplate);
    checkText(q.short, q, ['short'], noTemplate);
    checkText(q.help, q, ['help'], noTemplate);
    checkText(q.findOut, q, ['findOut'], []);
    (q.options ?? []).forEach((o, i) => {
      checkText(o.label, q, ['options', i, 'label'], noTemplate);
      checkText(o.short, q, ['options', i, 'short'], noTemplate);
      checkText(o.help, q, ['options', i, 'help'], noTemplate);
    });
  }
  for (const p of pb.personas) {
    checkText(p.name, p, ['name'], noTemplate);
    checkText(p.summary, p, ['summary'], noTemplate);
    for (const key of ['cues', 'traits'] as const) (p[key] ?? []).forEach((t, i) => checkText(t, p, [key, i], noTemplate));
    for (const key of ['do', 'dont'] as const) {
      (p[key] ?? []).forEach((a, i) => {
        if (typeof a === 'object' && 'id' in a) checkText(a.text as Text, p, [key, i, 'text'], []);
        else checkText(a as Text, p, [key, i], []);
      });
    }
  }
  for (const c of pb.classes) {
    checkText(c.name, c, ['name'], noTemplate);
    checkText(c.summary, c, ['summary'], []);
    for (const key of ['forward', 'reverse'] as const) (c[key] ?? []).forEach((sq, i) => checkText(sq.text, c, [key, i, 'text'], SELF_QUESTION_FIELDS));
    if (c.visit) for (const key of ['objective', 'commitment', 'minimum'] as const) checkText(c.visit[key], c, ['visit', key], SELF_QUESTION_FIELDS);
    c.visit?.variants?.forEach((v, i) => {
      for (const key of ['objective', 'commitment', 'minimum'] as const) checkText(v[key], c, ['visit', 'variants', i, key], SELF_QUESTION_FIELDS);
    });
  }
  for (const f of allFlags) {
    checkText(f.message, f, ['message'], []);
    checkText(f.subtext, f, ['subtext'], []);
  }
  for (const item of allChecklist) checkText(item.text, item, ['text'], SELF_QUESTION_FIELDS);
  for (const t of pb.tips) checkText(t.text, t, ['text'], []);
  if (pb.recap) checkText(pb.recap.text, pb.recap, ['text'], []);

  if (partial || out.some((d) => d.severity === 'error')) return out; // the analyses below assume sound references

  // -- which questions can be asked ---------------------------------------------------------------
  const constants = collectConstants(pb);
  const unreachable = new Set<string>();
  pb.questions.forEach((q) => {
    if (!q.when) return;
    const reads = [...questionsIn(q.when)];
    const domains = reads.map((id) => (unreachable.has(id) ? [undefined] : domainOf(questions.get(id) as Question, personaIds, constants.get(id))));
    const modes: Mode[] = q.modes ?? ['prep', 'debrief'];
    const personas = [undefined, ...personaIds];
    let reachable = false;
    let count = 0;
    const ok = enumerate(reads, domains, (answers) => {
      for (const mode of modes) {
        for (const persona of personas) {
          if (evaluateCondition(q.when, { answers, questions, mode, persona }) !== false) {
            reachable = true;
            return false;
          }
        }
      }
      count++;
      return count < MAX_COMBINATIONS;
    });
    if (ok && !reachable) {
      unreachable.add(q.id);
      report(q, ['when'], 'unreachable-question', 'error', `the question "${q.id}" can never be asked: no answers make its condition hold`, 'check the values it compares with and the questions it reads');
    }
  });

  // -- do the class rules classify every interview? -------------------------------------------------
  if (pb.classes.length > 0) checkClassCoverage(pb, questions, personaIds, constants, unreachable, report);

  // -- unused questions -------------------------------------------------------------------------------
  const used = usedQuestions(pb);
  for (const q of pb.questions) {
    if (!used.has(q.id) && q.kind !== 'persona') {
      report(q, ['id'], 'unused-question', 'warning', `the answer to "${q.id}" is never used: no condition, rule or text reads it`, `read it in a condition, or in a text as {answers.${q.id}}; or remove the question`);
    }
  }
  return out;
}

type Report = (item: object | undefined, sub: PathSegment[], code: DiagnosticCode, severity: Severity, message: string, hint?: string, onKey?: boolean) => void;

/** Calls visit for each combination; stops when visit returns false. Returns false if the space was too large. */
function enumerate(ids: string[], domains: (AnswerValue | undefined)[][], visit: (a: Answers) => boolean): boolean {
  const size = domains.reduce((n, d) => n * d.length, 1);
  if (size > MAX_COMBINATIONS) return false;
  const answers: Answers = {};
  const go = (i: number): boolean => {
    if (i === ids.length) return visit(answers);
    for (const v of domains[i]) {
      if (v === undefined) delete answers[ids[i]];
      else answers[ids[i]] = v;
      if (!go(i + 1)) return false;
    }
    delete answers[ids[i]];
    return true;
  };
  go(0);
  return true;
}

function checkClassCoverage(
  pb: Playbook,
  questions: Map<string, Question>,
  personaIds: string[],
  constants: Map<string, AnswerValue[]>,
  unreachable: Set<string>,
  report: Report,
): void {
  const rules = orderedRules(pb);
  // the questions the rules read, and the questions that decide whether those are asked
  const relevant = new Set<string>();
  const add = (id: string) => {
    if (relevant.has(id)) return;
    relevant.add(id);
    for (const dep of questionsIn(questions.get(id)?.when)) add(dep);
  };
  for (const r of rules) for (const id of questionsIn(r.when)) add(id);
  const order = pb.questions.filter((q) => relevant.has(q.id));
  let gap: Answers | undefined;
  const overlaps = new Map<string, Answers>();
  let leaves = 0;
  const walk = (i: number, answers: Answers, mode: Mode): boolean => {
    if (leaves > MAX_COMBINATIONS) return false;
    if (i === order.length) {
      leaves++;
      const ctx: ConditionContext = { answers, questions, mode };
      const result = classifyAccount(rules, ctx);
      if (result.status === 'unclassified' && !gap) gap = { ...answers };
      if (result.status === 'classified') {
        for (const other of rules) {
          if (other !== result.rule && other.priority === result.rule.priority && evaluateCondition(other.when, ctx) === true) {
            const key = [result.rule.id, other.id].sort().join('|');
            if (!overlaps.has(key)) overlaps.set(key, { ...answers });
          }
        }
      }
      return true;
    }
    const q = order[i];
    const asked = !unreachable.has(q.id) && (!q.modes || q.modes.includes(mode)) && evaluateCondition(q.when, { answers, questions, mode }) !== false;
    if (!asked) return walk(i + 1, answers, mode);
    const domain = domainOf(q, personaIds, constants.get(q.id)).filter((v) => v !== undefined || q.required === false);
    for (const v of domain) {
      const next = { ...answers };
      if (v !== undefined) next[q.id] = v;
      if (!walk(i + 1, next, mode)) return false;
    }
    return true;
  };
  for (const mode of ['prep', 'debrief'] as Mode[]) if (!walk(0, {}, mode)) return;
  const show = (a: Answers) => Object.entries(a).map(([k, v]) => `${k} = ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`).join(', ') || 'no answers';
  if (gap) {
    report(rules[rules.length - 1], [], 'unclassified-answers', 'error', `no class rule holds for: ${show(gap)}`, 'add a rule for these answers, or widen a rule (a last rule such as D often catches what the others leave)');
  }
  for (const [key, answers] of overlaps) {
    const [a, b] = key.split('|');
    const later = rules.find((r) => r.id === b) ?? rules[0];
    report(later, ['priority'], 'overlapping-rules', 'error', `the rules for ${a} and ${b} both hold for: ${show(answers)}, and share priority ${later.priority}`, 'give one of them a lower priority number so it is tried first');
  }
}

function usedQuestions(pb: Playbook): Set<string> {
  const used = new Set<string>();
  const cond = (c: Condition | undefined) => questionsIn(c, used);
  const text = (t: Text | undefined) => {
    if (t === undefined) return;
    for (const s of typeof t === 'string' ? [t] : Object.values(t)) {
      for (const name of placeholdersIn(s ?? '')) if (name.startsWith('answers.')) used.add(name.slice(8));
    }
  };
  for (const q of pb.questions) cond(q.when);
  for (const c of pb.classes) {
    cond(c.when);
    for (const sq of [...(c.forward ?? []), ...(c.reverse ?? [])]) {
      cond(sq.when);
      text(sq.text);
    }
    for (const v of c.visit ? [c.visit, ...(c.visit.variants ?? [])] : []) {
      if ('when' in v) cond(v.when);
      [v.objective, v.commitment, v.minimum].forEach(text);
    }
    text(c.summary);
  }
  for (const p of pb.personas) {
    cond(p.recognise);
    for (const f of p.flags ?? []) {
      cond(f.when);
      text(f.message);
    }
    for (const c of p.checklist ?? []) {
      cond(c.when);
      text(c.text);
    }
    for (const a of [...(p.do ?? []), ...(p.dont ?? [])]) {
      if (typeof a === 'object' && 'id' in a) {
        cond(a.when as Condition);
        text(a.text as Text);
      } else text(a as Text);
    }
  }
  for (const f of pb.flags) {
    cond(f.when);
    text(f.message);
    text(f.subtext);
  }
  for (const c of pb.checklist) {
    cond(c.when);
    text(c.text);
  }
  for (const t of pb.tips) {
    cond(t.when);
    text(t.text);
  }
  if (pb.recap) {
    cond(pb.recap.when);
    text(pb.recap.text);
  }
  return used;
}

