/**
 * The playbook format. This zod schema is the single source of truth: the loader validates with it,
 * `playbook schema` exports it as JSON Schema for editors, and every `.describe()` is the hover text a
 * trainer reads in VS Code. Semantics that need the whole playbook (references, reachability,
 * coverage of the class rules) live in checks.ts, not here.
 */
import * as z from 'zod/mini';
import { type Condition as ConditionModel, LOCALES, MODES, OWNERS, QUESTION_KINDS, SEVERITIES, STEP_ENDINGS } from '../engine/model.js';

// zod's "mini" build: the same core, checks and JSON Schema export, a twentieth of the code to load
// (which was most of what `playbook validate` cost to start). Code generation is off: a CLI parses
// each schema a handful of times, and we would rather run no generated code at all.
z.config({ jitless: true });

/** A field with its editor hover text. */
function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  return schema.check(z.describe(description)) as T;
}
/** An optional field with its hover text (on the value, where editors look for it). */
function optional<T extends z.ZodMiniType>(schema: T, description: string): z.ZodMiniOptional<T> {
  return z.optional(described(schema, description));
}

export { LOCALES, QUESTION_KINDS } from '../engine/model.js';
export type { Locale } from '../engine/model.js';

const id: z.ZodMiniString<string> = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'an id starts with a letter and holds only letters, digits, _ and -'));

export const LocalizedText = z.strictObject({
    en: optional(z.string(), 'English text.'),
    'zh-CN': optional(z.string(), 'Simplified Chinese text (简体中文).'),
    'zh-TW': optional(z.string(), 'Traditional Chinese text (繁體中文).'),
  });

export const Text = described(z.union([z.string(), LocalizedText]), 'A text: a plain string, or a map of locale to string, e.g. { en: "Budget?", zh-CN: "有预算吗？" }.');

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

// The recursive fields are built once, on first use, and described through the registry: a check
// would clone them, and cloning reads the shape that is still being built.
const lazy = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
};
const describedOnce = <T extends z.ZodMiniType>(schema: T, description: string): T => (schema as z.ZodMiniType).register(z.globalRegistry, { description }) as T;
const allOf = lazy(() => z.optional(describedOnce(z.array(Condition), 'True when every condition in the list is true.')));
const anyOf = lazy(() => z.optional(describedOnce(z.array(Condition), 'True when at least one condition in the list is true.')));
const notOf = lazy(() => z.optional(z.lazy(() => Condition).register(z.globalRegistry, { description: 'True when the condition is false.' })));

export const Condition: z.ZodMiniType<ConditionModel> = z.strictObject({
    get all() {
      return allOf();
    },
    get any() {
      return anyOf();
    },
    get not() {
      return notOf();
    },
    question: optional(id, 'The id of the question this test reads. Goes with exactly one test below.'),
    equals: optional(Scalar, 'True when the answer is this value (an option value for choice questions).'),
    in: optional(z.array(Scalar), 'True when the answer is one of these values.'),
    includes: optional(z.string(), 'For a multiple-choice question: true when this option was ticked.'),
    gt: optional(z.union([z.number(), z.string()]), 'Greater than (numbers, or dates as YYYY-MM-DD).'),
    gte: optional(z.union([z.number(), z.string()]), 'Greater than or equal to.'),
    lt: optional(z.union([z.number(), z.string()]), 'Less than.'),
    lte: optional(z.union([z.number(), z.string()]), 'Less than or equal to.'),
    answered: optional(z.boolean(), 'true: the question has an answer (not "don\'t know"); false: it has none.'),
    unknown: optional(z.boolean(), 'true: the rep answered "don\'t know"; false: any other answer, or none. Every other test of a "don\'t know" answer is undecided (neither true nor false).'),
    persona: optional(id, 'True when this persona is the one chosen or recognised for the visit.'),
    mode: optional(z.enum(MODES), 'True in this kind of session.'),
    class: optional(id, 'True when the account was classified as this class (flags and checklist only).'),
    metBefore: optional(z.boolean(), 'true: the person met was met at an earlier visit to this account; false: the first meeting with them (a recap of "last time" is not theirs). Without an account (a playbook test), read as true.'),
    deciderWin: optional(z.boolean(), 'true: the account\'s first KP (roles.metFirstKp) has a personal win on record (roles.personalWin), so a step does not ask for it again; false: none is recorded, or no first KP is known. Without an account, read as false.'),
    othersWin: optional(z.boolean(), 'true: someone on the account besides the person met and the first KP has a personal win on record (roles.personalWin; {account.othersWithWin} names them), so a step does not ask for it again; false: no one else has. Without an account, read as false.'),
    onRecord: optional(id, 'True when the account\'s class on record before this session (recorded by a debrief) is this class, e.g. { onRecord: D } so that a prep does not coach a D toward the sale. Questions may test it (the class of this session may not). Without an account, or none recorded, false.'),
  })
  // registered rather than checked: a check would read the recursive shape before it exists
  .register(z.globalRegistry, {
    id: 'Condition',
    description:
      'A condition, as data. Combine with all / any / not; test a question with question + one of equals, in, includes, gt, gte, lt, lte, answered, unknown; or test persona, mode, class, metBefore, deciderWin, othersWin or onRecord.',
  });

export const Mode = z.enum(MODES);


export const Option = z.strictObject({
    value: described(id, 'The stored value; conditions compare against it. Stable: changing it breaks stored answers.'),
    label: described(Text, 'What the rep sees.'),
    short: optional(Text, 'A phrase that reads as a reason on its own, e.g. "the decider" in "Hot because budget: yes, the decider and need: yes"; without it, a reason reads "question: option label".'),
    shortIn: optional(
      z.strictObject({
        prep: optional(Text, 'The phrase at a prep, e.g. "you meet the first KP": the meeting is ahead.'),
        debrief: optional(Text, 'The phrase at a debrief.'),
        plan: optional(Text, 'The phrase in an account plan.'),
      }),
      'The phrase in one session\'s own words where short does not fit it, e.g. { prep: { en: "you meet the first KP" } } beside short "you met the first KP". Without it, short.',
    ),
    about: optional(Text, 'The phrase as a manager reads it (team review, a rep\'s account), the rep in the third person: {rep} stands for their name, e.g. "{rep} met the first KP" beside short "you met the first KP". Without it, short.'),
    help: optional(Text, 'A line shown under the option.'),
  });

export const Question = z.strictObject({
    id: described(id, 'Unique id; conditions, templates and answers files refer to it.'),
    text: described(Text, 'The question as the rep reads it.'),
    textIn: optional(
      z.strictObject({
        prep: optional(Text, 'The question at a prep.'),
        debrief: optional(Text, 'The question at a debrief, e.g. in the past tense: "Who did you meet?".'),
        plan: optional(Text, 'The question in an account plan.'),
      }),
      'The question in one session\'s own words where text does not fit it, e.g. { debrief: { en: "Who did you meet?" } }: a debrief asks of what has happened. Without it, text.',
    ),
    short: optional(Text, 'A short name used in reasons and steps, e.g. "buying power" in "D because buying power: no" and "Find out buying power".'),
    help: optional(Text, 'Why this question is asked; shown when the rep asks for help.'),
    kind: described(z.enum(QUESTION_KINDS), 'single: one option; multiple: several options; yes-no: yes or no; text; number; date (YYYY-MM-DD); persona: pick one of the playbook\'s personas.'),
    options: optional(z.array(Option), 'The choices, for single and multiple questions.'),
    allowUnknown: optional(z.boolean(), 'Offer "don\'t know". Use it for classification questions: the class is then provisional.'),
    findOut: optional(Text, 'The step added when the rep answers "don\'t know" and that answer still decides the class (the class is provisional): due at the visit (prep) or findOutDue days after it. Once the other answers settle the class, no step is added. Default: "Find out" and the question\'s short text.'),
    required: optional(z.boolean(), 'The rep must answer (default true; false lets them skip).'),
    owner: optional(
      z.enum(OWNERS),
      'Whose fact the answer is. "account": a fact of the account (need, buying power, value), carried to its next session. "person": a fact of the person met (their type, role, trust, observed cues, personal win), carried only to the next session with that same person; a new person starts blank. "visit" (the default): of this visit only. Carried facts are not asked again unless the rep reviews them or the last answer was "don\'t know".',
    ),
    carry: optional(
      z.union([z.boolean(), z.enum(['account', 'person'])]),
      'The older spelling of owner (true is "account"); owner wins when both are given. A fact that carries over to the next session: "account" (or true) for a fact of the account (need, buying power, value), "person" for a fact of the person met (their type, role, trust). Carried facts are not asked again unless the rep reviews them or the last answer was "don\'t know"; a person\'s facts carry only when the rep meets that same person again.',
    ),
    min: optional(z.number(), 'The smallest answer accepted. Number questions: the value (0 refuses a negative count). Date questions: days from the visit date (0 refuses a date before the visit).'),
    max: optional(z.number(), 'The largest answer accepted. Number questions: the value. Date questions: days from the visit date (e.g. 365).'),
    integer: optional(z.boolean(), 'Number questions: only a whole number is accepted (a count of people or meetings): 1.5 is refused, saying so.'),
    raises: optional(
      z.strictObject({
        answer: described(z.string(), 'The answer that says it, e.g. "yes".'),
        question: described(id, 'The question whose fact it records, of the same owner (a person\'s: trust_level).'),
        to: described(z.string(), 'The option it records at least, e.g. believed: an answer later in that question\'s options stays.'),
      }),
      'An answer that says what another question\'s fact now is, at least: { answer: "yes", question: trust_level, to: believed } records the person\'s trust as believed when a debrief answers yes (a level later in the options stays). So a later session does not ask again what this one heard.',
    ),
    offerFrom: optional(id, 'The answer offered by default (and taken when an answers file leaves this question out): the latest session\'s answer to that question, e.g. a prep\'s visit_topic with offerFrom: next_topic offers the topic the last debrief agreed for this meeting, which the recap then says.'),
    modes: optional(z.array(Mode), 'The sessions that ask this question (default: prep and debrief).'),
    when: optional(Condition, 'Ask the question only when this condition holds. A condition left undecided by an earlier "don\'t know" asks the question (one question too many rather than a gap); to leave it out then, add { question: ID, unknown: false } to an `all`.'),
    closedBy: optional(z.array(z.enum(['signed'])), 'Events after which the question is no longer asked: [signed] for a question about reaching the signature (did you ask for it? did they sign?), which an account signed at an earlier session is not asked again. Questions whose condition reads its answer fall away with it.'),
  });

export const Severity = z.enum(SEVERITIES);

const ref = z.string().check(z.regex(/^#?[A-Za-z][A-Za-z0-9_-]*$/, 'an item id, or #tag'));
/** The precedence fields every item may carry (flags, steps, tips, persona advice). */
const precedence = {
  tags: optional(z.array(id), 'Tags other items can exclude as a group, e.g. [invest] for advice that invests in the relationship.'),
  excludes: optional(z.array(ref), 'Items this one overrides when both fire: item ids, or #tag for every item with that tag (e.g. a "stop investing" step excludes #invest). The loader refuses unknown names, an item excluding itself, and cycles.'),
  findsOut: optional(id, 'The question this item finds out: once that answer is known, the item is left out (a step that says "learn their personal win" when it is known).'),
  closedBy: optional(z.array(z.enum(STEP_ENDINGS)), 'Events that end the item. An open step is closed by them: signed (the signature makes it moot), reclassified (a new class replaces it: a class window step), dropped (every step ends when the account is dropped anyway), visited (a step that prepares the visit ends once the visit has taken place: its debrief or any later session). Any item with signed here (a flag, a tip, advice about the close) is no longer given once the account is signed.'),
};

export const Flag = z.strictObject({
    id: described(id, 'Unique id.'),
    when: described(Condition, 'Raise the flag when this condition holds.'),
    severity: optional(Severity, 'info, warning (default) or critical.'),
    message: described(Text, 'What the rep is told. Placeholders: {answers.ID}, {account.name}, {visit.date}.'),
    subtext: optional(Text, 'What it usually means: the subtext behind the words.'),
    ...precedence,
  });

export const ChecklistItem = z.strictObject({
    id: described(id, 'Unique id.'),
    when: optional(Condition, 'Add the item only when this condition holds (default: always).'),
    text: described(Text, 'The next step. Placeholders: {answers.ID}, {account.name}, {visit.date}.'),
    due: optional(z.union([z.int().check(z.minimum(-365), z.maximum(365)), z.literal('deadline')]), 'Due date: days after the visit (0 = the visit day; -1 = the day before, for a step that prepares the visit), or "deadline" for the class\'s sign-by date. Default 1.'),
    supersedes: optional(z.array(ref), 'Open steps this one replaces when it opens, by id or #tag (a tag the step itself has means the other steps of its group): the rung of a ladder replaces the rung before.'),
    forMeeting: optional(z.boolean(), 'true: the step is for the next meeting agreed (roles.nextMeeting), e.g. "have the contract ready for the deciding meeting": a debrief that agrees a meeting on another day re-dates the open step to that day, so it does not keep the date of a meeting that moved.'),
    beforeMeeting: optional(z.int().check(z.minimum(1), z.maximum(30)), 'Days before the next meeting agreed (roles.nextMeeting) that the step falls due, on a working day, when that is later than its due: "confirm the meeting of 12 Jan in writing" a few days before it, not five weeks ahead.'),
    inWindow: optional(z.boolean(), 'true: the step is for the class\'s signing window, e.g. "agree the day you will hear back, inside the signing cycle": it lapses with the window (no longer listed nor overdue after its last day; the next session closes it as no longer needed), as the window\'s own step (due: deadline) does.'),
    tellCustomer: optional(Text, 'The step as the customer hears it in the follow-up after a debrief, e.g. "send you the list of reference sites"; listed with its date, which is never after the next meeting agreed (roles.nextMeeting). Without it the step is the rep\'s own and never told. Placeholders as in text.'),
    owedAtSigning: optional(z.boolean(), 'true, with closedBy: [signed]: the step is still given at the session that records the signature and after it (a request the customer made at the signing meeting, or later, is owed), while one left open from before the signature ends with it (what they asked for to decide is moot once they have).'),
    ...precedence,
  });

export const Advice = z.strictObject({
    id: described(id, 'Unique id.'),
    when: optional(Condition, 'Show the advice only when this condition holds.'),
    text: described(Text, 'One piece of advice.'),
    short: optional(Text, 'The advice in a line, for the screen a rep reads in a minute; the whole text shows with --full and in exported files.'),
    ...precedence,
  });

const AdviceList = z.array(z.union([Text, Advice]));

export const Persona = z.strictObject({
    id: described(id, 'Unique id, e.g. koala.'),
    name: described(Text, 'The persona\'s name, e.g. "Coordinator".'),
    summary: optional(Text, 'One line that sums the type up.'),
    cues: optional(z.array(Text), 'How a rep recognises this type: what they see and hear.'),
    traits: optional(z.array(Text), 'What the type is like.'),
    do: optional(AdviceList, 'What to do with this type. A text, or { id, when, text } for advice that depends on the visit.'),
    dont: optional(AdviceList, 'What not to do with this type.'),
    recognise: optional(Condition, 'When the rep is not sure of the type, this condition over their observations offers this persona as the likely one.'),
    checklist: optional(z.array(ChecklistItem), 'Checklist items added when this persona is met.'),
    flags: optional(z.array(Flag), 'Flags checked when this persona is met.'),
  });

export const SelfQuestion = z.strictObject({
    when: optional(Condition, 'Ask it only when this condition holds.'),
    text: described(Text, 'The question the rep asks themself. Placeholders: {answers.ID}, {account.name}, {reasons} (with a `when`, only the reasons that read a question the `when` reads).'),
  });

export const ClassRule = z.strictObject({
    id: described(id, 'The class, e.g. A.'),
    name: described(Text, 'Its name, e.g. "A: signs within 7-10 days".'),
    summary: optional(Text, 'What the class means for the rep, said plainly: shown when the account moves into the class, and with --full.'),
    priority: described(z.int(), 'Rules are tried from the lowest priority number up; the first that holds decides.'),
    when: described(Condition, 'The rule: the account is this class when this condition holds.'),
    cycle: optional(
      z.strictObject({
        min: optional(z.int().check(z.minimum(0)), 'The earliest expected signing, in days after the visit.'),
        max: described(z.int().check(z.minimum(0)), 'Signed by then, or reclassify.'),
        reclassifyAs: optional(z.array(id), 'The classes to reclassify as when the window ends unsigned, e.g. [B, D] for A.'),
      }),
      'The signing cycle window in days. Absent for a class that will not buy.',
    ),
    rank: optional(z.int(), 'For sorting the pipeline and telling upgrades from downgrades: 1 is best.'),
    forecast: optional(
      z.strictObject({
        chance: described(z.number().check(z.minimum(0), z.maximum(1)), 'The share of this class\'s accounts expected to sign within the window, from 0 to 1 (e.g. 0.8): the forecast uses it until the rep has 5 accounts of the class decided, then the rep\'s own rate.'),
        category: described(z.enum(['commit', 'best', 'pipeline']), 'Where the class counts in the forecast: commit (the rep stands behind it), best (the best case adds it), pipeline (the rest in play).'),
      }),
      'How the class counts in `forecast`. Absent: the class is not forecast (a class that will not buy).',
    ),
    forward: optional(z.array(SelfQuestion), 'Forward self-questions: "why is this an A?"'),
    reverse: optional(z.array(SelfQuestion), 'Reverse self-questions: "why is this not an A?"'),
    visit: optional(
      z.strictObject({
        objective: described(Text, 'What the next visit is for.'),
        commitment: described(Text, 'The commitment to ask for.'),
        minimum: described(Text, 'The minimum acceptable commitment.'),
        variants: optional(
          z.array(
            z.strictObject({
              when: described(Condition, 'Use this plan instead when the condition holds (e.g. a koala whose trust is not built yet).'),
              objective: described(Text, 'What the next visit is for.'),
              commitment: described(Text, 'The commitment to ask for.'),
              minimum: described(Text, 'The minimum acceptable commitment.'),
            }),
          ),
          'Plans that replace the default one when their condition holds; the first that holds wins.',
        ),
      }),
      'For prep: the visit plan for an account of this class.',
    ),
  });

export const FollowUp = z.strictObject({
    when: optional(Condition, 'Draft the follow-up only when this condition holds. Never for a class the playbook says will not buy (roles.willNotBuy).'),
    parts: described(
      z.array(z.strictObject({
        when: optional(Condition, 'Write this paragraph only when this condition holds (e.g. { persona: koala } for the plan a koala wants).'),
        text: described(Text, 'A paragraph in the customer-facing voice: never the rep\'s objective or the class. A sentence whose placeholder has no answer is left out.'),
      })),
      'The paragraphs of the message, in order; each is written when its condition holds.',
    ),
    steps: optional(Text, 'The line before the steps told to the customer (checklist items with tellCustomer), each with its date, e.g. "What I will do next:". Default: no line, and no steps listed.'),
    closing: optional(Text, 'The last line, e.g. "Best regards".'),
  });

export const Recap = z.strictObject({
    when: optional(Condition, 'Draft the recap only when this condition holds.'),
    text: described(Text, 'The recap message. Placeholders name answers and account fields only: {answers.ID}, {account.name}, {visit.date}. No code, no loops.'),
  });

/**
 * What the account model needs to know of a playbook, declared rather than guessed from ids: which
 * answers name the person met, which answer means the deal is signed, which class means "will not buy".
 */
export const Roles = z.strictObject({
  person: optional(id, 'The text question that names the person met (e.g. contact_name). Each visit records that person on the account.'),
  title: optional(id, 'The text question that gives the person\'s job title (e.g. contact_title).'),
  decision: optional(id, 'The single-choice question that gives the person\'s role in the buying decision (e.g. contact_role); its options are the roles a CRM import can map to.'),
  signed: optional(Condition, 'When this condition holds, the session ends with the deal signed (e.g. { question: signed, equals: "yes" }).'),
  askedToSign: optional(Condition, 'When this condition holds, the rep asked for the signature at the visit (seed 001: in the last 20 minutes), e.g. { question: asked_to_sign, equals: "yes" }. `stats` compares the sign rate with and without.'),
  metFirstKp: optional(Condition, 'When this condition holds, the visit met the final decision-maker (seed 001: the first KP), e.g. { question: contact_role, equals: first_kp }. `stats` counts the share of visits that did.'),
  willNotBuy: optional(z.array(id), 'Classes that mean the account will not buy (e.g. [D]): reaching one drops the account from the active pipeline.'),
  nextMeeting: optional(id, 'The date question that gives the next meeting agreed at a visit (e.g. next_meeting): `today` lists it as a planned visit.'),
  obstacleDate: optional(id, 'The date question that gives the day the customer places what stands in the way of the signature (e.g. obstacle_date: "budget only in January"): a debrief whose class window ends before that day says so (a flag), instead of a deadline that silently contradicts what the customer said.'),
  amount: optional(id, 'The number question that gives the deal\'s value (e.g. deal_value; owner: account): the value carries with the account, in the currency of the config (`currency:`), and `accounts`, `team review` and `forecast` add it up. A change is an event in the timeline.'),
  closeDate: optional(id, 'The date question that gives the day the customer expects to sign (e.g. expected_close; owner: account): `forecast` counts the account in the period that holds that day, else the one that holds its class window\'s end.'),
  contacts: optional(id, 'The number question that counts the people the rep knows at the account (e.g. contacts_known): a carried answer is never fewer than the people on record.'),
  personalWin: optional(id, 'The text question that gives the person\'s personal win (seed 003: their own success at work, never a kickback); shown with the person on the account.'),
  stance: optional(
    z.strictObject({
      question: described(id, 'The single-choice question that gives where the person stands on your offer (e.g. contact_stance).'),
      supporter: described(z.array(id), 'Its option values that mean the person speaks for you (e.g. [supporter]).'),
      opponent: described(z.array(id), 'Its option values that mean the person is against (e.g. [opponent]).'),
    }),
    'The buying map (seed 003): where each person stands. With it, a session knows every person of the account: it flags an account with no supporter known, and an opponent nobody plans to address.',
  ),
  others: optional(
    z.array(id),
    'Several people at one meeting: the questions asked of each other person a debrief met besides the one it is about (e.g. [contact_title, contact_role, persona, contact_stance]). Each must be a person\'s question (owner: person). Each person is recorded on the account with these facts; the class follows the highest role present (the options of roles.decision, the first the highest), and {visit.people} names them all (for the follow-up\'s greeting).',
  ),
});
export type Roles = z.infer<typeof Roles>;

/**
 * The words the program itself says about a playbook's content (the engine's reasons, `stats`): a
 * playbook names its own decision-maker and its own sources, so one method's words never show on
 * another's screens. Each has a neutral default.
 */
export const Terms = z.strictObject({
  decider: optional(Text, 'How this playbook names the person whose word decides the class, in the program\'s own sentences ("You met Ms Li, not the first KP"; `stats`: "visits that met the first KP"). Default: "the decision-maker".'),
  provisionalQuestion: optional(Text, 'The reverse self-question asked when the class is provisional, before "Because you don\'t know …", e.g. "Why is this not an A yet?". Default: "Why is the class not settled yet?".'),
  provisionalVerdict: optional(Text, 'What the rep can say once the unknown is found out, ending "… and then I can say ___.", e.g. "whether it is an A". Default: "which class it is".'),
  habits: optional(Text, 'The heading of the habits part of `stats`, e.g. "Habits from the seeds". Default: "Habits".'),
  askToSign: optional(Text, 'Where the habit of asking for the signature comes from, shown beside "On A visits", e.g. "seed 001: ask for the signature in the last 20 minutes". Default: nothing.'),
  signedWithoutAsking: optional(Text, 'The expected share of deals signed without asking, beside that meter, e.g. "seed: about 10%". Default: nothing.'),
  windowTarget: optional(Text, 'The target beside each class\'s "signed within N days" meter, e.g. "seed: all should". Default: "target: all".'),
  visitCost: optional(Text, 'Why a visit is counted as 3 hours in `stats`, e.g. "seed 001 says a D costs at least 3 hours". Default: nothing.'),
});
export type Terms = z.infer<typeof Terms>;

const sections = {
  questions: optional(z.array(Question), 'The interview, in the order it is asked.'),
  personas: optional(z.array(Persona), 'Customer types and how to sell to them.'),
  classes: optional(z.array(ClassRule), 'The account classes and their rules (A/B/C/D in the built-in playbook).'),
  flags: optional(z.array(Flag), 'Warnings raised by the answers.'),
  checklist: optional(z.array(ChecklistItem), 'Next steps, each with a due date.'),
  tips: optional(z.array(Advice), 'Coaching shown with the result when its condition holds.'),
  recap: optional(Recap, 'The recap message drafted for the rep to send before the visit.'),
  followUp: optional(FollowUp, 'The follow-up message a debrief drafts for the rep to send the same day: thanks, what was agreed, the steps told to the customer with their dates, what the customer asked for.'),
  conflicts: optional(
    z.array(z.tuple([id, id])),
    'Pairs of item ids that contradict each other on one screen, e.g. [[line_up_contracts, koala_build_trust_before_close]]. `playbook test --explore` reports a pair that can fire together when neither excludes the other.',
  ),
  terms: optional(Terms, 'The words the program uses about this playbook\'s content: its name for the decision-maker, the provisional self-question, the sources `stats` cites. Each has a neutral default; in an extending playbook, each term given replaces the parent\'s.'),
  roles: optional(Roles, 'Which questions and classes carry meaning for the account: the person met, their title and role, signing, and the classes that mean "will not buy". In an extending playbook, each role given replaces the parent\'s.'),
};

export const PlaybookFile = z.strictObject({
    id: optional(id, 'The playbook\'s id (required in the main file; absent in an included fragment).'),
    version: optional(z.union([z.string(), z.number()]), 'The playbook\'s version, e.g. 1 or "2026.11".'),
    title: optional(Text, 'The playbook\'s title.'),
    description: optional(Text, 'What the playbook is for.'),
    locales: optional(z.array(z.enum(LOCALES)), 'The locales every text must carry (a missing one is a warning). Default: [en].'),
    extends: optional(id, 'The id of a playbook this one builds on; items with the same id replace the parent\'s.'),
    include: optional(z.array(z.string()), 'Other files (paths relative to this one) whose sections are added to this playbook.'),
    findOutDue: optional(z.int().check(z.minimum(0)), 'Days after the visit by which a "don\'t know" must be found out. Default 2.'),
    ...sections,
  }).check(z.describe('A sales-coach playbook: the interview, the classification rules and the coaching content.'));
export type PlaybookFile = z.infer<typeof PlaybookFile>;
