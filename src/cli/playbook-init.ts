/**
 * `playbook init [FILE] [--from TEMPLATE]`: a starter playbook that validates clean and teaches the
 * format in its comments, or a complete, tested playbook of a sales methodology (templates/ in the
 * package: MEDDICC, BANT, SPIN, A/B/C/D), each with its test file. `--list` shows the templates.
 *
 * The editor's `$schema` reference is to a copy of the JSON Schema written beside the playbook
 * (`./playbook.schema.json`), not to the install folder: a path into the install folder breaks when
 * the file (or the package) moves, and the schema's `$id` is not a published address an editor could
 * fetch. A copy beside it moves with the trainer's folder (and its git repository), works offline,
 * and matches the version of sales-coach the playbook was written for
 * (`sales-coach playbook schema --out playbook.schema.json` refreshes it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseYamlSource } from '../core/yaml-source.js';
import { localize } from '../engine/text.js';
import type { Text } from '../playbook/types.js';
import { sanitize, shellCommand } from '../ui/sanitize.js';
import { localeOf, makeContext } from './context.js';
import { EXIT, UserError } from './errors.js';
import { writeFileAtomic } from './files.js';
import type { GlobalOptions, IO } from './io.js';
import { packageRoot, schemaFile } from './paths.js';

/** The schema files written beside a new playbook, and the names its `$schema` lines use. */
const SCHEMAS = { playbook: 'playbook.schema.json', test: 'playbook-test.schema.json' } as const;

export function templatesDir(): string {
  return join(packageRoot(), 'templates');
}

export interface TemplateInfo {
  name: string;
  title?: Text;
  description?: Text;
  file: string;
  testFile: string;
}

/** The templates shipped in the package: templates/NAME/NAME.yaml with NAME.test.yaml beside it. */
export function listTemplates(): TemplateInfo[] {
  let names: string[];
  try {
    names = readdirSync(templatesDir()).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const file = join(templatesDir(), name, `${name}.yaml`);
    const testFile = join(templatesDir(), name, `${name}.test.yaml`);
    if (!existsSync(file) || !existsSync(testFile)) return [];
    const value = parseYamlSource(file, readFileSync(file, 'utf8')).source?.value as { title?: Text; description?: Text } | undefined;
    return [{ name, title: value?.title, description: value?.description, file, testFile }];
  });
}

/** A template's text with the new playbook's id, and its header comments naming the new file. */
function fromTemplate(text: string, template: string, id: string, fileName: string): string {
  return text
    .replace(/^id:[ \t]*\S+[ \t]*$/m, `id: ${id}`)
    .replace(new RegExp(`\\b${template}(\\.test)?\\.yaml\\b`, 'g'), (_m, test: string | undefined) => `${fileName}${test ?? ''}.yaml`);
}

export function starterPlaybook(schemaRef: string, id: string): string {
  return `# yaml-language-server: $schema=${schemaRef}
# A sales-coach playbook. Your editor completes keys and shows what each means on hover
# (VS Code: install the "YAML" extension by Red Hat). Check it with:
#   sales-coach playbook validate ${id}.yaml
id: ${id}
version: 1
title: { en: "My first playbook", zh-CN: "我的第一个剧本" }
# Every text is a plain string, or one string per locale. Declare the locales you promise:
locales: [en, zh-CN]

# What a session means for the account is read through these roles: who was met (kept as a person
# of the account), which answer means the deal is signed, which classes mean "will not buy".
roles:
  person: contact_name
  signed: { question: outcome, equals: won }
  willNotBuy: [D]

# The interview, asked in this order. kind: single | multiple | yes-no | text | number | date | persona
questions:
  - id: contact_name
    kind: text
    text: { en: "Who do you meet? (their name)", zh-CN: "你见的是谁？（姓名）" }
  - id: met_first_kp
    kind: yes-no
    text: { en: "Did you meet the final decision-maker (the first KP)?", zh-CN: "你见到第一KP了吗？" }
    short: { en: "met the first KP", zh-CN: "见到第一KP" }
    help: { en: "Only the first KP can sign.", zh-CN: "只有第一KP能拍板签单。" }
    allowUnknown: true            # offers "don't know"; the class is then provisional
    findOut: { en: "Find out who the first KP is", zh-CN: "弄清楚谁是第一KP" }
  - id: budget
    kind: yes-no
    text: { en: "Do they have the budget?", zh-CN: "他们有预算吗？" }
    short: { en: "budget", zh-CN: "预算" }
  - id: outcome
    kind: single
    modes: [debrief]              # asked after the visit only
    text: { en: "How did it end?", zh-CN: "结果怎样？" }
    options:
      - { value: won, label: { en: "Signed", zh-CN: "签单了" } }
      - { value: open, label: { en: "Still open", zh-CN: "还在跟进" } }
  - id: next_meeting
    kind: date
    text: { en: "When do you meet again? (YYYY-MM-DD)", zh-CN: "下次见面是哪天？（YYYY-MM-DD）" }
    required: false
    min: 0                        # days from the visit: a next meeting never before it
    # Conditions are data: all / any / not, or question + one test
    # (equals, in, includes, gt, gte, lt, lte, answered, unknown).
    when: { question: budget, equals: "yes" }

# Rules are tried from the lowest priority up; the first that holds decides.
classes:
  - id: D
    name: { en: "D: will not buy", zh-CN: "D类客户：不会购买" }
    priority: 1
    when: { question: budget, equals: "no" }
  - id: A
    name: { en: "A: sign within 10 days", zh-CN: "A类客户：10天内签单" }
    priority: 2
    cycle: { min: 7, max: 10 }    # sign by the visit date + max, or reclassify
    when: { all: [ { question: met_first_kp, equals: "yes" }, { question: budget, equals: "yes" } ] }
    forward:
      - text: { en: "Why is this an A? Because {reasons}.", zh-CN: "为什么他是A类客户？因为{reasons}。" }
  - id: B
    name: { en: "B: about 20 days", zh-CN: "B类客户：约20天签单" }
    priority: 3
    cycle: { max: 20 }
    when: { all: [ { question: met_first_kp, equals: "no" }, { question: budget, equals: "yes" } ] }
    reverse:
      - text: { en: "Why is this not an A? You have not met the first KP.", zh-CN: "为什么他不是A类客户？你还没见到第一KP。" }

flags:
  - id: no_next_meeting
    severity: warning
    when: { all: [ { question: budget, equals: "yes" }, { question: next_meeting, answered: false } ] }
    message: { en: "No next meeting booked with {answers.contact_name} at {account.name}.", zh-CN: "还没和{account.name}的{answers.contact_name}约好下次见面。" }

# Next steps; due: days after the visit, or "deadline" for the class's sign-by date.
checklist:
  - id: ask_to_sign
    when: { class: A }
    due: deadline
    text: { en: "Signed by the deadline, or reclassify as B or D", zh-CN: "在签单周期内签单，否则重新归为B类或D类" }
  - id: confirm_meeting
    when: { question: next_meeting, answered: true }
    due: 1                        # the day after this visit (-1, the day before it, is overdue at once)
    text: { en: "Confirm the meeting of {answers.next_meeting}", zh-CN: "确认{answers.next_meeting}的会面" }
`;
}

/** The starter's test file: two cases that pass against the starter, and how to add more. */
export function starterTests(schemaRef: string, id: string): string {
  return `# yaml-language-server: $schema=${schemaRef}
# Test cases for ${id}.yaml: answers in, what the result must show out. Run them with:
#   sales-coach playbook test ${id}.yaml
# A new case may leave out expect:, then  sales-coach playbook test --update ${id}.yaml  fills it
# from what the playbook does now (review it before you keep it).
cases:
  - name: "no budget makes a D"
    mode: debrief
    date: 2026-11-25              # fixed, so due dates can be checked
    answers: { contact_name: Li, met_first_kp: "yes", budget: "no", outcome: open }
    expect:
      class: D
  - name: "the first KP with a budget makes an A, signed by the deadline"
    mode: debrief
    date: 2026-11-25
    answers: { contact_name: Li, met_first_kp: "yes", budget: "yes", outcome: open, next_meeting: 2026-11-28 }
    expect:
      class: A
      checklist:
        - { id: ask_to_sign, due: 2026-12-05 }
        - { id: confirm_meeting, due: 2026-11-26 }   # due: 1, the day after the visit
      notFlags: [no_next_meeting]
`;
}

export interface InitOptions {
  file: string;
  force?: boolean;
  /** A methodology template: meddicc, bant, spin or abcd. */
  from?: string;
  /** Print the templates and write nothing. */
  list?: boolean;
}

export async function initCommand(opts: InitOptions, io: IO, g: GlobalOptions): Promise<number> {
  const templates = listTemplates();
  if (opts.list) {
    const locale = localeOf(makeContext(io, g), g);
    const width = Math.max(...templates.map((t) => t.name.length));
    for (const t of templates) {
      io.stdout.write(`${t.name.padEnd(width)}  ${sanitize(localize(t.title, locale))}\n${' '.repeat(width + 2)}${sanitize(localize(t.description, locale))}\n`);
    }
    io.stdout.write(`\nwrite one with  ${shellCommand(['sales-coach', 'playbook', 'init', '--from', templates[0]?.name ?? 'bant', 'team.yaml'])}\n`);
    return EXIT.ok;
  }
  const template = opts.from === undefined ? undefined : templates.find((t) => t.name === opts.from);
  if (opts.from !== undefined && !template) {
    throw new UserError(`no template "${opts.from}"`, `the templates are: ${templates.map((t) => t.name).join(', ')} (sales-coach playbook init --list)`, EXIT.usage);
  }
  const target = resolve(io.cwd, opts.file);
  if (existsSync(target) && !opts.force) {
    throw new UserError(`${opts.file} already exists`, 'choose another file name, or add --force to overwrite it');
  }
  const base = basename(target).replace(/\.ya?ml$/i, '');
  const id = base.replace(/[^A-Za-z0-9_-]/g, '-').replace(/^[^A-Za-z]+/, '') || 'my-playbook';
  const testTarget = `${target.replace(/\.ya?ml$/i, '')}.test.yaml`;
  const testName = `${opts.file.replace(/\.ya?ml$/i, '')}.test.yaml`;
  if (existsSync(testTarget) && !opts.force) {
    throw new UserError(`${testName} already exists`, 'choose another file name, or add --force to overwrite both');
  }
  const playbookText = template ? fromTemplate(readFileSync(template.file, 'utf8'), template.name, id, base) : starterPlaybook(`./${SCHEMAS.playbook}`, id);
  const testText = template ? fromTemplate(readFileSync(template.testFile, 'utf8'), template.name, id, base) : starterTests(`./${SCHEMAS.test}`, id);
  // each file whole or not at all (a full disk leaves neither half-written)
  writeFileAtomic(target, playbookText, { force: opts.force, shown: opts.file });
  writeFileAtomic(testTarget, testText, { force: opts.force, shown: testName });
  // the schemas beside it, for the editor: an existing copy is the trainer's (maybe of another version) and is kept
  const wrote = [opts.file, testName];
  for (const [kind, name] of [['playbook', SCHEMAS.playbook], ['test', SCHEMAS.test]] as const) {
    const path = join(dirname(target), name);
    if (existsSync(path) && !opts.force) continue;
    const source = kind === 'playbook' ? schemaFile() : join(dirname(schemaFile()), SCHEMAS.test);
    writeFileAtomic(path, readFileSync(source, 'utf8'), { force: true, shown: name });
    wrote.push(join(dirname(opts.file), name));
  }
  io.stdout.write(`wrote ${wrote.map(sanitize).join(', ')}\nnext: edit them, then run  ${shellCommand(['sales-coach', 'playbook', 'validate', opts.file])}  and  ${shellCommand(['sales-coach', 'playbook', 'test', '--coverage', opts.file])}\n`);
  return EXIT.ok;
}
