/**
 * A trainer's test cases, in YAML beside the playbook (NAME.test.yaml): answers in, expectations out.
 * The file's own mistakes (an unknown question, an answer it cannot take, a flag that does not exist)
 * are diagnostics at file:line:col, like the playbook's.
 */
import * as z from 'zod/mini';
import { type Diagnostic, suggest } from '../core/diagnostic.js';
import { decodeSource, parseYamlSource, type YamlSource } from '../core/yaml-source.js';
import { validateWithSchema } from '../core/zod-diagnostics.js';
import { type Answers, coerceAnswer } from '../engine/answers.js';
import { isValidDate } from '../engine/dates.js';
import type { OtherPerson } from '../engine/evaluate.js';
import { checkAnswers } from './answers-file.js';
import { LOCALES, Mode } from './schema.js';
import type { Playbook } from './types.js';

const d = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text)) as T;
const opt = <T extends z.ZodMiniType>(schema: T, text: string) => z.optional(d(schema, text));
const strings = z.array(z.string());

const ExpectedItem = z.union([
  d(z.string(), 'A checklist item id.'),
  z.strictObject({
    id: opt(z.string(), 'The item id.'),
    text: opt(z.string(), "Part of the item's text, in the case's locale."),
    due: opt(z.string(), 'Its due date, YYYY-MM-DD.'),
  }),
]);

export const Expectations = z.strictObject({
  class: opt(z.string(), 'The class the account must get (A, B, C, D).'),
  provisional: opt(z.boolean(), 'true: the class must be provisional; false: it must not.'),
  candidates: opt(strings, 'For a provisional class: the classes still possible.'),
  reasons: opt(strings, 'Parts of text the reasons must contain.'),
  flags: opt(strings, 'Flag ids that must be raised.'),
  notFlags: opt(strings, 'Flag ids that must not be raised.'),
  checklist: opt(z.array(ExpectedItem), 'Checklist items that must be there: an id, or { id, text, due }.'),
  notChecklist: opt(strings, 'Checklist item ids that must not be there.'),
  selfQuestions: opt(strings, 'Parts of text that some self-question must contain.'),
  followUp: opt(strings, 'Parts of text the follow-up message must contain; [] means no follow-up is drafted.'),
  persona: opt(z.string(), 'The persona the advice must be for.'),
  tips: opt(strings, 'Tip ids that must be shown.'),
});
export type Expectations = z.infer<typeof Expectations>;

export const TestCase = z.strictObject({
  name: d(z.string(), 'What the case checks, in a sentence.'),
  mode: opt(Mode, 'prep, debrief or plan (default debrief).'),
  persona: opt(z.string(), 'The persona named on the command line.'),
  date: opt(z.string(), 'The visit date, YYYY-MM-DD (default 2026-01-05).'),
  locale: opt(z.enum(LOCALES), 'The locale of texts in the expectations (default en).'),
  account: opt(z.string(), 'The account name, for {account.name}.'),
  decider: opt(
    z.strictObject({
      name: d(z.string(), "The first KP's name, for {account.decider}."),
      facts: opt(z.record(z.string(), z.unknown()), 'What is on record of them, by question id, e.g. { personal_win: "a result to show" } for deciderWin.'),
    }),
    "The account's first KP on record (met at an earlier visit), e.g. for a step that reads deciderWin.",
  ),
  people: opt(
    z.array(z.strictObject({ name: d(z.string(), 'Their name.'), personalWin: opt(z.string(), 'Their personal win on record.'), stance: opt(z.string(), 'Where they stand (roles.stance).') })),
    "The account's other people on record, e.g. [{ name: Zhao, personalWin: credit for a sound choice }] for a step that reads othersWin.",
  ),
  onRecord: opt(z.string(), "The account's class on record before this session (a debrief recorded it), e.g. D for a question or step that reads onRecord."),
  answers: d(z.record(z.string(), z.unknown()), 'Question id -> answer, as in an answers file.'),
  others: opt(
    z.array(z.unknown()),
    "The other people at the meeting (a debrief), as in an answers file: each the person question's answer (their name) and their answers to the playbook's roles.others.",
  ),
  expect: opt(Expectations, 'What the result must show. Leave it out and run with --update to fill it from the actual result.'),
});

export const TestFile = z
  .strictObject({
    playbook: opt(z.string(), 'The id of the playbook under test (default: the playbook beside this file).'),
    cases: d(z.array(TestCase), 'The cases.'),
  })
  .check(z.describe('Test cases for a sales-coach playbook.'));

export interface ParsedCase {
  index: number;
  name: string;
  mode: 'prep' | 'debrief' | 'plan';
  persona?: string;
  date: string;
  locale: (typeof LOCALES)[number];
  account?: string;
  decider?: { name: string; facts: Answers };
  people?: { name: string; personalWin?: string; stance?: string }[];
  onRecord?: string;
  answers: Answers;
  /** As written until checkTestFile reads them against the playbook. */
  othersRaw?: unknown[];
  others?: OtherPerson[];
  expect?: Expectations;
}

export interface ParsedTestFile {
  file: string;
  playbook?: string;
  cases: ParsedCase[];
  source: YamlSource;
  text: string;
}

export const DEFAULT_TEST_DATE = '2026-01-05';

/** Shape only: which playbook the file is for. The cases are checked against it in checkTestFile. */
export function parseTestFile(file: string, bytes: Uint8Array): { parsed?: ParsedTestFile; text?: string; diagnostics: Diagnostic[] } {
  const decoded = decodeSource(file, bytes);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  const { source, diagnostics } = parseYamlSource(file, decoded.text);
  if (!source) return { text: decoded.text, diagnostics };
  const r = validateWithSchema(TestFile, source);
  diagnostics.push(...r.diagnostics);
  if (!r.data) return { text: source.text, diagnostics };
  const cases = r.data.cases.map((c, index) => ({
    index,
    name: c.name,
    mode: c.mode ?? 'debrief',
    persona: c.persona,
    date: c.date ?? DEFAULT_TEST_DATE,
    locale: c.locale ?? 'en',
    account: c.account,
    ...(c.decider ? { decider: { name: c.decider.name, facts: (c.decider.facts ?? {}) as Answers } } : {}),
    ...(c.people ? { people: c.people } : {}),
    ...(c.onRecord !== undefined ? { onRecord: c.onRecord } : {}),
    answers: c.answers as Answers,
    othersRaw: c.others,
    expect: c.expect,
  }));
  return { parsed: { file, playbook: r.data.playbook, cases, source, text: source.text }, text: source.text, diagnostics };
}

/** References checked against the playbook under test: questions, answers, flags, items, classes. */
export function checkTestFile(t: ParsedTestFile, pb: Playbook): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (path: (string | number)[], key = false) => (key ? t.source.locateKey(path) : t.source.locate(path));
  const err = (path: (string | number)[], code: Diagnostic['code'], message: string, hint?: string, key = false) =>
    out.push({ file: t.file, ...at(path, key), code, severity: 'error', message, hint });
  const personaIds = pb.personas.map((p) => p.id);
  // the engine's own flags and steps: the buying map's (with roles.stance), and "find out" for a don't know
  const flagIds = [...pb.flags, ...pb.personas.flatMap((p) => p.flags ?? [])].map((f) => f.id).concat(pb.roles.stance ? ['no-supporter'] : [], pb.roles.obstacleDate ? ['obstacle-after-window'] : []);
  const itemIds = [...pb.checklist, ...pb.personas.flatMap((p) => p.checklist ?? [])].map((c) => c.id).concat(pb.questions.filter((q) => q.allowUnknown).map((q) => `find-out:${q.id}`));
  // one per person, named after them: "opponent:Qian", "address-opponent:qian"
  const perPerson = (id: string, prefix: string) => pb.roles.stance !== undefined && id.startsWith(prefix) && id.length > prefix.length;
  const classIds = pb.classes.map((c) => c.id);
  const tipIds = pb.tips.map((x) => x.id);
  for (const c of t.cases) {
    const base = ['cases', c.index];
    if (!isValidDate(c.date)) err([...base, 'date'], 'invalid-value', `"${c.date}" is not a date`, 'write it as YYYY-MM-DD');
    if (c.persona !== undefined && !personaIds.includes(c.persona)) err([...base, 'persona'], 'unknown-reference', `unknown persona "${c.persona}"`, suggest(c.persona, personaIds));
    const answers: Answers = {};
    for (const [id, raw] of Object.entries(c.answers)) {
      const q = pb.questions.find((x) => x.id === id);
      if (!q) {
        err([...base, 'answers', id], 'unknown-reference', `no question "${id}" in the playbook ${pb.id}`, suggest(id, pb.questions.map((x) => x.id)), true);
        continue;
      }
      const v = coerceAnswer(q, raw instanceof Date ? raw.toISOString().slice(0, 10) : raw, personaIds);
      if (!v.ok) err([...base, 'answers', id], 'invalid-answer', `"${id}" cannot be ${JSON.stringify(raw)}`, `expected ${v.expected}`);
      else answers[id] = v.value;
    }
    c.answers = answers;
    if (c.othersRaw) {
      // the same reading as an answers file's others:, placed inside this case
      const inCase = (path: (string | number)[]) => at([...base, ...path]);
      const r = checkAnswers(t.file, { others: c.othersRaw }, pb, inCase, (path) => at([...base, ...path], true), c.date);
      out.push(...r.diagnostics);
      c.others = r.others;
    }
    const e = c.expect;
    if (!e) continue;
    const ref = (list: string[] | undefined, key: string, known: string[], what: string) =>
      (list ?? []).forEach((id, i) => {
        if (!known.includes(id) && !perPerson(id, what === 'flag' ? 'opponent:' : 'address-opponent:')) err([...base, 'expect', key, i], 'unknown-reference', `unknown ${what} "${id}"`, suggest(id, known));
      });
    ref(e.flags, 'flags', flagIds, 'flag');
    ref(e.notFlags, 'notFlags', flagIds, 'flag');
    ref(e.notChecklist, 'notChecklist', itemIds, 'checklist item');
    ref(e.tips, 'tips', tipIds, 'tip');
    ref(e.candidates, 'candidates', classIds, 'class');
    (e.checklist ?? []).forEach((item, i) => {
      const id = typeof item === 'string' ? item : item.id;
      if (id !== undefined && !itemIds.includes(id) && !perPerson(id, 'address-opponent:')) err([...base, 'expect', 'checklist', i], 'unknown-reference', `unknown checklist item "${id}"`, suggest(id, itemIds));
      if (typeof item === 'object' && item.due !== undefined && !isValidDate(item.due)) err([...base, 'expect', 'checklist', i, 'due'], 'invalid-value', `"${item.due}" is not a date`);
    });
    if (e.class !== undefined && !classIds.includes(e.class)) err([...base, 'expect', 'class'], 'unknown-reference', `unknown class "${e.class}"`, suggest(e.class, classIds));
    if (e.persona !== undefined && !personaIds.includes(e.persona)) err([...base, 'expect', 'persona'], 'unknown-reference', `unknown persona "${e.persona}"`, suggest(e.persona, personaIds));
  }
  return out;
}
