/**
 * The playbook format. This zod schema is the single source of truth: the loader validates with it,
 * `playbook schema` exports it as JSON Schema for editors, and every `.describe()` is the hover text a
 * trainer reads in VS Code. Semantics that need the whole playbook (references, reachability,
 * coverage of the class rules) live in checks.ts, not here.
 */
import { z } from 'zod';

// A CLI parses each schema a handful of times per run: compiling fast paths with code generation
// costs more than it saves, and we would rather run no generated code at all.
z.config({ jitless: true });

export const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];

const id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'an id starts with a letter and holds only letters, digits, _ and -');

export const LocalizedText = z
  .object({
    en: z.string().optional().describe('English text.'),
    'zh-CN': z.string().optional().describe('Simplified Chinese text (简体中文).'),
    'zh-TW': z.string().optional().describe('Traditional Chinese text (繁體中文).'),
  })
  .strict();

export const Text = z
  .union([z.string(), LocalizedText])
  .describe('A text: a plain string, or a map of locale to string, e.g. { en: "Budget?", zh-CN: "有预算吗？" }.');
export type Text = z.infer<typeof Text>;

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * A condition is data, never code. Exactly one form per object:
 * { all: [...] } | { any: [...] } | { not: {...} } | { question: id, <one test> } |
 * { persona: id } | { mode: prep|debrief } | { class: A }.
 */
export interface Condition {
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
  question?: string;
  equals?: string | number | boolean;
  in?: (string | number | boolean)[];
  includes?: string;
  gt?: number | string;
  gte?: number | string;
  lt?: number | string;
  lte?: number | string;
  answered?: boolean;
  unknown?: boolean;
  persona?: string;
  mode?: 'prep' | 'debrief';
  class?: string;
}

export const Condition: z.ZodType<Condition> = z
  .object({
    get all() {
      return z.array(Condition).optional().describe('True when every condition in the list is true.');
    },
    get any() {
      return z.array(Condition).optional().describe('True when at least one condition in the list is true.');
    },
    get not() {
      return Condition.optional().describe('True when the condition is false.');
    },
    question: id.optional().describe('The id of the question this test reads. Goes with exactly one test below.'),
    equals: Scalar.optional().describe('True when the answer is this value (an option value for choice questions).'),
    in: z.array(Scalar).optional().describe('True when the answer is one of these values.'),
    includes: z.string().optional().describe('For a multiple-choice question: true when this option was ticked.'),
    gt: z.union([z.number(), z.string()]).optional().describe('Greater than (numbers, or dates as YYYY-MM-DD).'),
    gte: z.union([z.number(), z.string()]).optional().describe('Greater than or equal to.'),
    lt: z.union([z.number(), z.string()]).optional().describe('Less than.'),
    lte: z.union([z.number(), z.string()]).optional().describe('Less than or equal to.'),
    answered: z.boolean().optional().describe('true: the question has an answer (not "don\'t know"); false: it has none.'),
    unknown: z.boolean().optional().describe('true: the rep answered "don\'t know".'),
    persona: id.optional().describe('True when this persona is the one chosen or recognised for the visit.'),
    mode: z.enum(['prep', 'debrief']).optional().describe('True in this kind of session.'),
    class: id.optional().describe('True when the account was classified as this class (flags and checklist only).'),
  })
  .strict()
  .describe(
    'A condition, as data. Combine with all / any / not; test a question with question + one of equals, in, includes, gt, gte, lt, lte, answered, unknown; or test persona, mode or class.',
  )
  .meta({ id: 'Condition' });

export const Mode = z.enum(['prep', 'debrief']);
export type Mode = z.infer<typeof Mode>;

export const QUESTION_KINDS = ['single', 'multiple', 'yes-no', 'text', 'number', 'date', 'persona'] as const;

export const Option = z
  .object({
    value: id.describe('The stored value; conditions compare against it. Stable: changing it breaks stored answers.'),
    label: Text.describe('What the rep sees.'),
    short: Text.optional().describe('A short label used in reasons, e.g. "first KP" in "A because person met = first KP".'),
    help: Text.optional().describe('A line shown under the option.'),
  })
  .strict();

export const Question = z
  .object({
    id: id.describe('Unique id; conditions, templates and answers files refer to it.'),
    text: Text.describe('The question as the rep reads it.'),
    short: Text.optional().describe('A short name used in reasons, e.g. "buying power" in "D because buying power = no".'),
    help: Text.optional().describe('Why this question is asked; shown when the rep asks for help.'),
    kind: z
      .enum(QUESTION_KINDS)
      .describe(
        'single: one option; multiple: several options; yes-no: yes or no; text; number; date (YYYY-MM-DD); persona: pick one of the playbook\'s personas.',
      ),
    options: z.array(Option).optional().describe('The choices, for single and multiple questions.'),
    allowUnknown: z
      .boolean()
      .optional()
      .describe('Offer "don\'t know". Use it for classification questions: the class is then provisional.'),
    findOut: Text.optional().describe('The checklist item added when the rep answers "don\'t know".'),
    required: z.boolean().optional().describe('The rep must answer (default true; false lets them skip).'),
    carry: z
      .boolean()
      .optional()
      .describe('A fact that carries over to the next visit of the same account (the contact, their role): not asked again unless the rep reviews, or the last answer was "don\'t know".'),
    modes: z.array(Mode).optional().describe('The sessions that ask this question (default: prep and debrief).'),
    when: Condition.optional().describe('Ask the question only when this condition holds.'),
  })
  .strict();
export type Question = z.infer<typeof Question>;

export const Severity = z.enum(['info', 'warning', 'critical']);

export const Flag = z
  .object({
    id: id.describe('Unique id.'),
    when: Condition.describe('Raise the flag when this condition holds.'),
    severity: Severity.optional().describe('info, warning (default) or critical.'),
    message: Text.describe('What the rep is told. Placeholders: {answers.ID}, {account.name}, {visit.date}.'),
    subtext: Text.optional().describe('What it usually means: the subtext behind the words.'),
  })
  .strict();
export type Flag = z.infer<typeof Flag>;

export const ChecklistItem = z
  .object({
    id: id.describe('Unique id.'),
    when: Condition.optional().describe('Add the item only when this condition holds (default: always).'),
    text: Text.describe('The next step. Placeholders: {answers.ID}, {account.name}, {visit.date}.'),
    due: z
      .union([z.number().int().min(-365).max(365), z.literal('deadline')])
      .optional()
      .describe('Due date: days after the visit (0 = the visit day), or "deadline" for the class\'s sign-by date. Default 1.'),
  })
  .strict();
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const Advice = z
  .object({
    id: id.describe('Unique id.'),
    when: Condition.optional().describe('Show the advice only when this condition holds.'),
    text: Text.describe('One piece of advice.'),
  })
  .strict();
export type Advice = z.infer<typeof Advice>;

const AdviceList = z
  .array(z.union([Text, Advice]))
  .optional();

export const Persona = z
  .object({
    id: id.describe('Unique id, e.g. koala.'),
    name: Text.describe('The persona\'s name, e.g. "Koala (coordinator)".'),
    summary: Text.optional().describe('One line that sums the type up.'),
    cues: z.array(Text).optional().describe('How a rep recognises this type: what they see and hear.'),
    traits: z.array(Text).optional().describe('What the type is like.'),
    do: AdviceList.describe('What to do with this type. A text, or { id, when, text } for advice that depends on the visit.'),
    dont: AdviceList.describe('What not to do with this type.'),
    recognise: Condition.optional().describe(
      'When the rep is not sure of the type, this condition over their observations offers this persona as the likely one.',
    ),
    checklist: z.array(ChecklistItem).optional().describe('Checklist items added when this persona is met.'),
    flags: z.array(Flag).optional().describe('Flags checked when this persona is met.'),
  })
  .strict();
export type Persona = z.infer<typeof Persona>;

export const SelfQuestion = z
  .object({
    when: Condition.optional().describe('Ask it only when this condition holds.'),
    text: Text.describe('The question the rep asks themself. Placeholders: {answers.ID}, {account.name}, {reasons}.'),
  })
  .strict();

export const ClassRule = z
  .object({
    id: id.describe('The class, e.g. A.'),
    name: Text.describe('Its name, e.g. "A: signs within 7-10 days".'),
    summary: Text.optional().describe('What the class means for the rep, said plainly.'),
    priority: z
      .number()
      .int()
      .describe('Rules are tried from the lowest priority number up; the first that holds decides.'),
    when: Condition.describe('The rule: the account is this class when this condition holds.'),
    cycle: z
      .object({
        min: z.number().int().min(0).optional().describe('The earliest expected signing, in days after the visit.'),
        max: z.number().int().min(0).describe('Signed by then, or reclassify.'),
      })
      .strict()
      .optional()
      .describe('The signing cycle window in days. Absent for a class that will not buy.'),
    rank: z.number().int().optional().describe('For sorting the pipeline and telling upgrades from downgrades: 1 is best.'),
    forward: z.array(SelfQuestion).optional().describe('Forward self-questions: "why is this an A?"'),
    reverse: z.array(SelfQuestion).optional().describe('Reverse self-questions: "why is this not an A?"'),
    visit: z
      .object({
        objective: Text.describe('What the next visit is for.'),
        commitment: Text.describe('The commitment to ask for.'),
        minimum: Text.describe('The minimum acceptable commitment.'),
      })
      .strict()
      .optional()
      .describe('For prep: the visit plan for an account of this class.'),
  })
  .strict();
export type ClassRule = z.infer<typeof ClassRule>;

export const Recap = z
  .object({
    when: Condition.optional().describe('Draft the recap only when this condition holds.'),
    text: Text.describe(
      'The recap message. Placeholders name answers and account fields only: {answers.ID}, {account.name}, {visit.date}. No code, no loops.',
    ),
  })
  .strict();

const sections = {
  questions: z.array(Question).optional().describe('The interview, in the order it is asked.'),
  personas: z.array(Persona).optional().describe('Customer types and how to sell to them.'),
  classes: z.array(ClassRule).optional().describe('The account classes and their rules (A/B/C/D in the built-in playbook).'),
  flags: z.array(Flag).optional().describe('Warnings raised by the answers.'),
  checklist: z.array(ChecklistItem).optional().describe('Next steps, each with a due date.'),
  tips: z.array(Advice).optional().describe('Coaching shown with the result when its condition holds.'),
  recap: Recap.optional().describe('The recap message drafted for the rep to send before the visit.'),
};

export const PlaybookFile = z
  .object({
    id: id.optional().describe('The playbook\'s id (required in the main file; absent in an included fragment).'),
    version: z.union([z.string(), z.number()]).optional().describe('The playbook\'s version, e.g. 1 or "2026.11".'),
    title: Text.optional().describe('The playbook\'s title.'),
    description: Text.optional().describe('What the playbook is for.'),
    locales: z
      .array(z.enum(LOCALES))
      .optional()
      .describe('The locales every text must carry (a missing one is a warning). Default: [en].'),
    extends: id.optional().describe('The id of a playbook this one builds on; items with the same id replace the parent\'s.'),
    include: z
      .array(z.string())
      .optional()
      .describe('Other files (paths relative to this one) whose sections are added to this playbook.'),
    findOutDue: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Days after the visit by which a "don\'t know" must be found out. Default 2.'),
    ...sections,
  })
  .strict()
  .describe('A sales-coach playbook: the interview, the classification rules and the coaching content.');
export type PlaybookFile = z.infer<typeof PlaybookFile>;
