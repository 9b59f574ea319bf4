/**
 * The result of a session: class and why, self-questions, persona advice, flags, a dated checklist,
 * the visit plan and a recap draft. Pure and deterministic: the visit date and the account's history
 * come in; the same input always gives the same output, and the trace says which rule fired.
 */
import { type Advice, assertNever, type ChecklistItem, type Condition, type Flag, type Locale, type Mode, type Playbook, type Question, type Text } from './model.js';
import { type AnswerValue, type Answers, isUnknown, NOT_SURE, UNKNOWN } from './answers.js';
import { type Classification, classifyAccount, orderedRules } from './classify.js';
import { type ConditionContext, evaluateCondition, evidence } from './conditions.js';
import { addDays } from './dates.js';
import { questionIndex, pickPersona, pruneAnswers } from './interview.js';
import { nameKey } from './names.js';
import { MESSAGES } from './messages.js';
import { fillRecap, fillTemplate, localize } from './text.js';

export interface AccountHistory {
  /** The last stored visit: its date, class and answers (for defaults and "what changed"). */
  lastVisit?: { date: string; mode: Mode; class?: string; answers: Answers };
  /** The account's class now and the sign-by date its window set when it was given: a visit that
   * confirms the class keeps that date (the window runs from the classification, not from each visit). */
  class?: string;
  classDeadline?: string;
}

export interface SessionInput {
  mode: Mode;
  answers: Answers;
  /** The visit date, YYYY-MM-DD: the engine's only notion of "now". */
  visitDate: string;
  locale: Locale;
  /** people: the account's other people, with where each stands (roles.stance), for the buying map. */
  account?: { name?: string; history?: AccountHistory; people?: { name: string; stance?: string }[] };
  /** A persona named on the command line; a persona question's answer takes precedence. */
  persona?: string;
}

export interface Evidence {
  question: string;
  answer: AnswerValue;
  text: string;
}

export interface CoachingResult {
  playbook: { id: string; version: string; hash: string };
  mode: Mode;
  visitDate: string;
  locale: Locale;
  account?: string;
  classification: {
    status: 'classified' | 'provisional' | 'unclassified';
    class?: string;
    name?: string;
    /** The class's label in the session's language ("A" of "A: signs within 7-10 days"). */
    label?: string;
    /** The session ended signed (the playbook's roles.signed held). */
    signed?: boolean;
    summary?: string;
    rank?: number;
    /** The rule that fired (a class id), for the record. */
    rule?: string;
    /** Provisional: the classes still possible, best first. */
    candidates: string[];
    /** The same, as the playbook names them in this locale ("A", "Best case"). */
    candidateLabels?: string[];
    reasons: { text: string; because: Evidence[] }[];
    unknowns: { question: string; text: string }[];
    cycle?: { minDays?: number; maxDays: number; deadline: string };
  };
  selfQuestions: { forward: string[]; reverse: string[] };
  persona?: {
    id: string;
    name: string;
    source: 'chosen' | 'observed';
    /** Observed: what the rep saw that points to this type (seed 000's cues), to show behind the guess. */
    observed: string[];
    summary?: string;
    cues: string[];
    traits: string[];
    do: string[];
    dont: string[];
  };
  flags: { id: string; severity: 'info' | 'warning' | 'critical'; message: string; subtext?: string; source: string }[];
  checklist: { id: string; text: string; due: string; source: string }[];
  tips: { id: string; text: string }[];
  visitPlan?: { objective: string; commitment: string; minimum: string };
  recap?: string;
  answers: Answers;
  /** What reads differently from the last visit, in words: "buying power: don't know → yes". */
  changes: { question: string; before: AnswerValue; after: AnswerValue; text: string }[];
  /** The last visit, when the account has one: its date and class, to show what moved. */
  previous?: { date: string; class?: string };
  trace: string[];
}

export function evaluateSession(pb: Playbook, input: SessionInput): CoachingResult {
  const { mode, locale, visitDate } = input;
  const msg = MESSAGES[locale];
  const questions = questionIndex(pb);
  const answers = pruneAnswers(pb, mode, input.answers);
  const t = (text: Text | undefined) => localize(text, locale);
  const trace: string[] = [];

  const picked = pickPersona(pb, mode, answers) ?? (input.persona ? { id: input.persona, source: 'chosen' as const } : undefined);
  const persona = picked ? pb.personas.find((p) => p.id === picked.id) : undefined;
  if (persona && picked) trace.push(`persona ${persona.id} (${picked.source})`);

  const base: ConditionContext = { answers, questions, mode, persona: persona?.id };
  const rules = orderedRules(pb);
  // a plan is about the account as a whole, not a visit: the visits (prep, debrief) classify it
  const classification: Classification = mode === 'plan' ? { status: 'unclassified', undecided: [] } : classifyAccount(rules, base);
  const settled = classification.status === 'classified' ? classification.rule : undefined;
  const ctx: ConditionContext = { ...base, klass: settled?.id };

  const answerText = (q: Question, v: AnswerValue | undefined): string => {
    if (v === undefined || v === null) return msg.skipped;
    if (isUnknown(q, v)) return msg.unknown;
    const label = (x: string) => {
      const o = q.options?.find((opt) => opt.value === x);
      return t(o?.label) || x;
    };
    switch (q.kind) {
      case 'yes-no':
        return t(q.options?.find((o) => o.value === v)?.label) || (v === 'yes' ? msg.yes : msg.no);
      case 'persona':
        return v === NOT_SURE ? msg.notSure : t(pb.personas.find((p) => p.id === v)?.name) || String(v);
      case 'single':
      case 'multiple':
        return Array.isArray(v) ? v.map(label).join(', ') : label(String(v));
      case 'date':
        return typeof v === 'string' ? msg.date(v) : String(v);
      case 'text':
      case 'number':
        return Array.isArray(v) ? v.join(', ') : String(v);
      default:
        return assertNever(q.kind, 'question kind');
    }
  };
  const shortName = (q: Question) => t(q.short) || q.id;
  // a reason names the value the rule tested, in words: "economic buyer is not Met them", never the
  // answer given behind a ≠; comparisons read as "contacts known: 1 (at most 1)"
  const describe = (c: Condition): Evidence => {
    const negated = c.not !== undefined;
    const leaf = (negated ? c.not : c) as Condition;
    const q = questions.get(leaf.question as string) as Question;
    const v = answers[q.id] ?? null;
    const name = shortName(q);
    const valueText = (x: string | number | boolean) => answerText(q, typeof x === 'boolean' ? (x ? 'yes' : 'no') : typeof x === 'number' && q.kind !== 'number' ? String(x) : x);
    // an option's short phrase reads as a reason on its own: "no buying power", "met the first KP"
    const phrase = !negated && (leaf.equals !== undefined || leaf.in !== undefined) && typeof v === 'string' ? q.options?.find((o) => o.value === v)?.short : undefined;
    if (phrase) return { question: q.id, answer: v, text: t(phrase) };
    if (leaf.equals !== undefined) {
      return { question: q.id, answer: v, text: negated ? msg.isNotValue(name, valueText(leaf.equals)) : msg.isValue(name, answerText(q, v)) };
    }
    if (leaf.in !== undefined) {
      return { question: q.id, answer: v, text: negated ? msg.noneOf(name, leaf.in.map(valueText).join(msg.or)) : msg.isValue(name, answerText(q, v)) };
    }
    if (leaf.includes !== undefined) {
      const opt = answerText(q, leaf.includes);
      return { question: q.id, answer: v, text: negated ? msg.without(name, opt) : msg.with(name, opt) };
    }
    for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
      const ref = leaf[op];
      if (ref === undefined) continue;
      // not (x > 3) is x ≤ 3: say the bound that held
      const held = negated ? ({ gt: 'lte', gte: 'lt', lt: 'gte', lte: 'gt' } as const)[op] : op;
      return { question: q.id, answer: v, text: msg.compared(name, answerText(q, v), held, String(ref)) };
    }
    if (leaf.answered !== undefined || leaf.unknown !== undefined) {
      const unknownHeld = (leaf.unknown === true) !== negated || (leaf.answered === false) !== negated;
      return { question: q.id, answer: v, text: unknownHeld && isUnknown(q, v) ? msg.isValue(name, msg.unknown) : msg.isValue(name, answerText(q, v)) };
    }
    return { question: q.id, answer: v, text: msg.isValue(name, answerText(q, v)) };
  };
  // an observed cue reads as the option the rep ticked ("asks about every detail"), not as the whole answer
  const observedCue = (c: Condition): string => {
    const q = c.question !== undefined ? questions.get(c.question) : undefined;
    const o = q && c.includes !== undefined ? q.options?.find((x) => x.value === c.includes) : undefined;
    return o ? t(o.label) : describe(c).text;
  };
  const lookup = (extra: Record<string, string> = {}) => (name: string): string | undefined => {
    if (name in extra) return extra[name];
    if (name === 'account.name') return input.account?.name ?? msg.thisAccount;
    if (name === 'visit.date') return visitDate;
    if (name.startsWith('answers.')) {
      const q = questions.get(name.slice(8));
      const v = q ? answers[q.id] : undefined;
      return q && v !== undefined && v !== null && !isUnknown(q, v) ? answerText(q, v) : undefined;
    }
    return undefined;
  };
  const fill = (text: Text | undefined, extra?: Record<string, string>) => fillTemplate(t(text), lookup(extra));

  // -- classification, with the answers behind it --------------------------------------------------
  const reasons: CoachingResult['classification']['reasons'] = [];
  const unknowns: CoachingResult['classification']['unknowns'] = [];
  let candidates: string[] = [];
  let candidateLabels: string[] = [];
  if (classification.status === 'classified') {
    const because = dedupeEvidence(evidence(classification.rule.when, ctx).map(describe));
    const label = classLabel(classification.rule.name, locale) || classification.rule.id;
    reasons.push({ text: msg.because(label, msg.list(because.map((e) => e.text))), because });
    trace.push(`class rule ${classification.rule.id} (priority ${classification.rule.priority}) held`);
  } else if (classification.status === 'provisional') {
    const possible = [...classification.undecided, ...(classification.rule ? [classification.rule] : [])];
    candidates = possible.map((r) => r.id);
    candidateLabels = possible.map((r) => classLabel(r.name, locale) || r.id);
    for (const id of classification.unknownQuestions) {
      const q = questions.get(id) as Question;
      unknowns.push({ question: id, text: shortName(q) });
    }
    reasons.push({
      text: msg.provisionalReason(candidateLabels.join(' / '), msg.list(unknowns.map((u) => u.text))),
      because: unknowns.map((u) => ({ question: u.question, answer: UNKNOWN, text: msg.notKnown(u.text) })),
    });
    trace.push(`provisional: rules ${classification.undecided.map((r) => r.id).join(', ')} undecided${classification.rule ? `, ${classification.rule.id} held after them` : ''}`);
  } else if (mode === 'plan') {
    reasons.push({ text: msg.planNoClass, because: [] });
    trace.push('plan: no classification');
  } else {
    reasons.push({ text: msg.unclassified, because: [] });
    trace.push('no class rule held');
  }
  const unknownList = msg.list(unknowns.map((u) => u.text));
  // signed: the window is closed, there is nothing left to sign by
  const signedNow = pb.roles.signed !== undefined && evaluateCondition(pb.roles.signed, base) === true;
  const history = input.account?.history;
  const keptDeadline = settled && history?.class === settled.id ? history.classDeadline : undefined;
  const cycle = settled?.cycle && !signedNow ? { minDays: settled.cycle.min, maxDays: settled.cycle.max, deadline: keptDeadline ?? addDays(visitDate, settled.cycle.max) } : undefined;
  const reasonList = msg.list(reasons[0]?.because.map((e) => e.text) ?? []);
  const classExtra = { reasons: reasonList, class: (settled ? classLabel(settled.name, locale) || settled.id : undefined) ?? candidateLabels.join('/') };

  // -- self-questions ---------------------------------------------------------------------------------
  const selfQuestions = { forward: [] as string[], reverse: [] as string[] };
  if (settled) {
    for (const key of ['forward', 'reverse'] as const) {
      for (const sq of settled[key] ?? []) if (evaluateCondition(sq.when, ctx) === true) selfQuestions[key].push(fill(sq.text, classExtra));
    }
  } else if (classification.status === 'provisional') {
    selfQuestions.reverse.push(mode === 'prep' ? msg.provisionalQuestionPrep(unknownList) : msg.provisionalQuestionDebrief(unknownList));
  }

  // -- flags ------------------------------------------------------------------------------------------------
  const flags: CoachingResult['flags'] = [];
  const addFlags = (list: Flag[], source: string) => {
    for (const f of list) {
      if (evaluateCondition(f.when, ctx) !== true) continue;
      flags.push({ id: f.id, severity: f.severity ?? 'warning', message: fill(f.message), ...(f.subtext ? { subtext: fill(f.subtext) } : {}), source });
      trace.push(`flag ${f.id}`);
    }
  };
  addFlags(pb.flags, 'playbook');
  if (persona) addFlags(persona.flags ?? [], `persona:${persona.id}`);
  // -- the buying map (seed 003): who speaks for you, who is against; not worth it for "will not buy" --
  const opponents: string[] = [];
  const stance = pb.roles.stance;
  const droppedNow = settled !== undefined && (pb.roles.willNotBuy ?? []).includes(settled.id);
  if (stance && !droppedNow) {
    const met = pb.roles.person ? answers[pb.roles.person] : undefined;
    const here = typeof met === 'string' && met.trim() ? met.trim() : undefined;
    const now = answers[stance.question];
    const map = [
      ...(input.account?.people ?? []).filter((p) => !here || nameKey(p.name) !== nameKey(here)),
      ...(here ? [{ name: here, ...(typeof now === 'string' ? { stance: now } : {}) }] : []),
    ];
    // "don't know" is not a stance: the map counts only the people whose stance is known
    const known = map.filter((p) => p.stance !== undefined && p.stance !== UNKNOWN);
    if (known.length > 0 && !known.some((p) => stance.supporter.includes(p.stance as string))) {
      flags.push({ id: 'no-supporter', severity: 'warning', message: msg.noSupporter(input.account?.name ?? msg.thisAccount), source: 'engine' });
      trace.push('flag no-supporter');
    }
    for (const p of known) {
      if (!stance.opponent.includes(p.stance as string)) continue;
      opponents.push(p.name);
      flags.push({ id: `opponent:${p.name}`, severity: 'warning', message: msg.opponent(p.name), source: 'engine' });
      trace.push('flag opponent');
    }
  }
  const order = { critical: 0, warning: 1, info: 2 } as const;
  flags.sort((a, b) => order[a.severity] - order[b.severity]);

  // -- checklist ----------------------------------------------------------------------------------------------
  const checklist: CoachingResult['checklist'] = [];
  const dueOf = (item: ChecklistItem) => (item.due === 'deadline' ? (cycle?.deadline ?? addDays(visitDate, 1)) : addDays(visitDate, item.due ?? 1));
  const addItems = (list: ChecklistItem[], source: string) => {
    for (const item of list) {
      if (evaluateCondition(item.when, ctx) !== true) continue;
      checklist.push({ id: item.id, text: fill(item.text, classExtra), due: dueOf(item), source });
      trace.push(`checklist ${item.id}`);
    }
  };
  addItems(pb.checklist, 'playbook');
  if (persona) addItems(persona.checklist ?? [], `persona:${persona.id}`);
  // an opponent is addressed by a plan: one step per person, the same step at every session
  for (const name of opponents) {
    checklist.push({ id: `address-opponent:${nameKey(name)}`, text: msg.addressOpponent(name), due: mode === 'prep' ? visitDate : addDays(visitDate, 3), source: 'engine' });
  }
  // a "don't know" is worth a step only while it decides the class: once the class holds (a D above
  // all, whose only step is to stop investing) it would send the rep to invest in a dead account
  for (const q of settled ? [] : pb.questions) {
    if (!isUnknown(q, answers[q.id])) continue;
    // before a visit, the visit itself is the chance to find out; after it, within findOutDue days
    const due = mode === 'prep' ? visitDate : addDays(visitDate, pb.findOutDue);
    checklist.push({ id: `find-out:${q.id}`, text: q.findOut ? fill(q.findOut) : msg.findOut(shortName(q)), due, source: `question:${q.id}` });
  }
  // by due date; equal dates keep the playbook's order
  const sorted = checklist.map((c, i) => ({ c, i })).sort((a, b) => a.c.due.localeCompare(b.c.due) || a.i - b.i).map((x) => x.c);

  // -- persona advice, tips, plan, recap -----------------------------------------------------------------------
  const adviceList = (list: (Text | Advice)[] | undefined) =>
    (list ?? []).flatMap((a) => {
      if (typeof a === 'object' && 'id' in a && 'text' in a) {
        if (evaluateCondition((a as Advice).when, ctx) !== true) return [];
        trace.push(`advice ${(a as Advice).id}`);
        return [fill((a as Advice).text)];
      }
      return [fill(a as Text)];
    });
  const personaOut: CoachingResult['persona'] =
    persona && picked
      ? {
          id: persona.id,
          name: t(persona.name),
          source: picked.source,
          observed: picked.source === 'observed' ? dedupeText(evidence(persona.recognise, base).map(observedCue)) : [],
          ...(persona.summary ? { summary: t(persona.summary) } : {}),
          cues: (persona.cues ?? []).map(t),
          traits: (persona.traits ?? []).map(t),
          do: adviceList(persona.do),
          dont: adviceList(persona.dont),
        }
      : undefined;
  const tips = pb.tips.filter((tip) => evaluateCondition(tip.when, ctx) === true).map((tip) => ({ id: tip.id, text: fill(tip.text) }));
  for (const tip of tips) trace.push(`tip ${tip.id}`);
  // a class's plan may have variants (a koala whose trust is not built is not asked to sign): the first that holds
  const plan = settled?.visit ? (settled.visit.variants?.find((v) => evaluateCondition(v.when, ctx) === true) ?? settled.visit) : undefined;
  // a provisional class has no plan of its own yet: this visit is for finding out what decides it
  const visitPlan =
    mode !== 'prep'
      ? undefined
      : plan
        ? { objective: fill(plan.objective, classExtra), commitment: fill(plan.commitment, classExtra), minimum: fill(plan.minimum, classExtra) }
        : classification.status === 'provisional'
          ? { objective: msg.provisionalObjective(unknownList), commitment: msg.provisionalCommitment, minimum: msg.provisionalMinimum(unknownList) }
          : undefined;
  const recap = pb.recap && evaluateCondition(pb.recap.when, ctx) === true ? fillRecap(t(pb.recap.text), lookup()) : undefined;

  // -- what changed since the last visit ------------------------------------------------------------------------
  const changes: CoachingResult['changes'] = [];
  const before = input.account?.history?.lastVisit?.answers;
  if (before) {
    for (const q of pb.questions) {
      if (!(q.id in answers) || !(q.id in before)) continue;
      if (JSON.stringify(before[q.id]) !== JSON.stringify(answers[q.id])) {
        changes.push({ question: q.id, before: before[q.id], after: answers[q.id], text: `${shortName(q)}: ${answerText(q, before[q.id])} → ${answerText(q, answers[q.id])}` });
      }
    }
  }

  return {
    playbook: { id: pb.id, version: pb.version, hash: pb.hash },
    mode,
    visitDate,
    locale,
    ...(input.account?.name ? { account: input.account.name } : {}),
    classification: {
      status: classification.status,
      ...(settled ? { class: settled.id, name: t(settled.name), label: classLabel(settled.name, locale) || settled.id, ...(settled.summary ? { summary: fill(settled.summary, classExtra) } : {}), ...(settled.rank !== undefined ? { rank: settled.rank } : {}), rule: settled.id } : {}),
      ...(signedNow ? { signed: true } : {}),
      candidates,
      ...(candidateLabels.length ? { candidateLabels } : {}),
      reasons,
      unknowns,
      ...(cycle ? { cycle } : {}),
    },
    selfQuestions,
    ...(personaOut ? { persona: personaOut } : {}),
    flags,
    checklist: sorted,
    tips,
    ...(visitPlan ? { visitPlan } : {}),
    ...(recap ? { recap } : {}),
    answers,
    changes,
    ...(input.account?.history?.lastVisit ? { previous: { date: input.account.history.lastVisit.date, ...(input.account.history.lastVisit.class ? { class: input.account.history.lastVisit.class } : {}) } } : {}),
    trace,
  };
}

/** The class's label is its name up to the colon: "A类客户" of "A类客户：1周~10天签单". */
export function classLabel(name: Text, locale: Locale): string {
  return localize(name, locale).split(/[:：]/)[0].trim();
}

function dedupeText(list: string[]): string[] {
  return [...new Set(list)];
}

function dedupeEvidence(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => !seen.has(e.text) && seen.add(e.text));
}
