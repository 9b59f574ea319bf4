/** `playbook init [FILE]`: a starter playbook that validates clean and teaches the format in its comments. */
import { existsSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { sanitize, shellCommand } from '../ui/sanitize.js';
import { EXIT, UserError } from './errors.js';
import { writeFileAtomic } from './files.js';
import type { GlobalOptions, IO } from './io.js';
import { schemaFile } from './paths.js';

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

# The interview, asked in this order. kind: single | multiple | yes-no | text | number | date | persona
questions:
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
  - id: next_meeting
    kind: date
    text: { en: "When do you meet again? (YYYY-MM-DD)", zh-CN: "下次见面是哪天？（YYYY-MM-DD）" }
    required: false
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
    message: { en: "No next meeting booked with {account.name}.", zh-CN: "还没和{account.name}约好下次见面。" }

# Next steps; due: days after the visit, or "deadline" for the class's sign-by date.
checklist:
  - id: ask_to_sign
    when: { class: A }
    due: deadline
    text: { en: "Signed by the deadline, or reclassify as B or D", zh-CN: "在期限内签单，否则重新归为B类或D类" }
  - id: confirm_meeting
    when: { question: next_meeting, answered: true }
    due: -1
    text: { en: "Confirm the meeting of {answers.next_meeting}", zh-CN: "确认{answers.next_meeting}的会面" }
`;
}

export async function initCommand(opts: { file: string; force?: boolean }, io: IO, _g: GlobalOptions): Promise<number> {
  const target = resolve(io.cwd, opts.file);
  if (existsSync(target) && !opts.force) {
    throw new UserError(`${opts.file} already exists`, 'choose another file name, or add --force to overwrite it');
  }
  const schema = schemaFile();
  let ref = relative(dirname(target), schema);
  if (!ref.startsWith('.')) ref = `./${ref}`;
  const id = basename(target).replace(/\.ya?ml$/i, '').replace(/[^A-Za-z0-9_-]/g, '-').replace(/^[^A-Za-z]+/, '') || 'my-playbook';
  writeFileAtomic(target, starterPlaybook(ref, id), { force: opts.force, shown: opts.file });
  io.stdout.write(`wrote ${sanitize(opts.file)}\nnext: edit it, then run  ${shellCommand(['sales-coach', 'playbook', 'validate', opts.file])}\n`);
  return EXIT.ok;
}
