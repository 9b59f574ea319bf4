/**
 * Walks the paths through an interview, as a trainer's safety net: every path when there are few,
 * otherwise a seeded random sample (the seed is reported, so a run can be repeated). Reports answer
 * combinations that end unclassified, dead ends, crashes, and questions that never appear, each with
 * the answers that reproduce it. Pure: no I/O, no clock, no Math.random.
 */
import { assertNever, type Condition, type Mode, type Playbook, type Question } from './model.js';
import type { AnswerValue, Answers } from './answers.js';
import { collectConstants, domainOf } from './domain.js';
import { evaluateSession } from './evaluate.js';
import { nextStep } from './interview.js';

export interface ExploreOptions {
  modes?: Mode[];
  /** Above this many complete paths per mode, sample instead of walking them all. */
  maxPaths?: number;
  /** Random walks per mode when sampling. */
  samples?: number;
  seed?: number;
  visitDate?: string;
}

export interface Finding {
  mode: Mode;
  answers: Answers;
  detail?: string;
}

export interface ExploreReport {
  exhaustive: boolean;
  seed: number;
  paths: number;
  unclassified: Finding[];
  deadEnds: Finding[];
  crashes: Finding[];
  neverAsked: string[];
  /** Pairs a trainer declared contradictory (conflicts:) that fired together with neither left out: findings. */
  conflicts: (Finding & { pair: [string, string] })[];
  /** Pairs that fired together where one excluded the other, as the playbook declares: for the trainer to review. */
  resolved: (Finding & { pair: [string, string] })[];
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MAX_FINDINGS = 5;

export function exploreInterview(pb: Playbook, opts: ExploreOptions = {}): ExploreReport {
  const modes = opts.modes ?? ['prep', 'debrief'];
  const maxPaths = opts.maxPaths ?? 20_000;
  const samples = opts.samples ?? 4_000;
  const seed = opts.seed ?? 1;
  const visitDate = opts.visitDate ?? '2026-01-05';
  const personaIds = pb.personas.map((p) => p.id);
  const constants = collectConstants(pb);
  const domains = new Map<string, AnswerValue[]>();
  const domain = (q: Question): AnswerValue[] => {
    let d = domains.get(q.id);
    if (!d) {
      const base = domainOf(q, personaIds, constants.get(q.id)).filter((v): v is AnswerValue => v !== undefined);
      const open = openValues(q, visitDate);
      d = [...base.filter((v) => v !== '\u0000other' && v !== -1e9), ...(base.some((v) => v === '\u0000other' || v === -1e9) ? open : [])];
      if (d.length === 0) d = open;
      if (q.required === false) d.push(null);
      domains.set(q.id, d);
    }
    return d;
  };

  // the class on record is the account's, not an answer: each a question's condition tests (onRecord),
  // and none, so that a question asked only of a D on record is walked too
  const records: (string | undefined)[] = [undefined, ...recordsTested(pb)];
  let onRecord: string | undefined;
  const known = () => (onRecord !== undefined ? { onRecord } : {});
  const asked = new Set<string>();
  const report: ExploreReport = { exhaustive: true, seed, paths: 0, unclassified: [], deadEnds: [], crashes: [], neverAsked: [], conflicts: [], resolved: [] };
  const pairsSeen = new Set<string>();
  const finish = (mode: Mode, answers: Answers) => {
    report.paths++;
    try {
      const r = evaluateSession(pb, { mode, answers, visitDate, locale: pb.locales[0] ?? 'en', ...(onRecord !== undefined ? { account: { history: { class: onRecord } } } : {}) });
      if (r.classification.status === 'unclassified' && report.unclassified.length < MAX_FINDINGS) report.unclassified.push({ mode, answers: { ...answers } });
      // each pair once, with the first answers that show it
      for (const x of r.excluded) {
        if (x.by.startsWith('answer:')) continue;
        const key = `${x.by}\u0000${x.id}`;
        if (pairsSeen.has(key)) continue;
        pairsSeen.add(key);
        report.resolved.push({ mode, answers: { ...answers }, pair: [x.by, x.id] });
      }
      const kept = new Set(r.kept);
      for (const pair of pb.conflicts) {
        const key = `conflict\u0000${pair[0]}\u0000${pair[1]}`;
        if (!kept.has(pair[0]) || !kept.has(pair[1]) || pairsSeen.has(key)) continue;
        pairsSeen.add(key);
        report.conflicts.push({ mode, answers: { ...answers }, pair, detail: `${pair[0]} and ${pair[1]} stand on one screen, and nothing excludes either` });
      }
    } catch (err) {
      if (report.crashes.length < MAX_FINDINGS) report.crashes.push({ mode, answers: { ...answers }, detail: err instanceof Error ? err.message : String(err) });
    }
  };
  /** One step; returns the question to branch on, or undefined when the path is complete or stuck. */
  const step = (mode: Mode, answers: Answers, record = true): Question | undefined | 'stuck' => {
    let s: ReturnType<typeof nextStep>;
    try {
      s = nextStep(pb, mode, answers, known());
    } catch (err) {
      if (record && report.crashes.length < MAX_FINDINGS) report.crashes.push({ mode, answers: { ...answers }, detail: err instanceof Error ? err.message : String(err) });
      return 'stuck';
    }
    if (s.done) return undefined;
    asked.add(s.question.id);
    if (domain(s.question).length === 0 || Object.keys(answers).length > pb.questions.length) {
      if (record && report.deadEnds.length < MAX_FINDINGS) report.deadEnds.push({ mode, answers: { ...answers }, detail: `no answer is possible to "${s.question.id}"` });
      return 'stuck';
    }
    return s.question;
  };

  for (const mode of modes) {
    onRecord = undefined;
    // count the paths first, stopping as soon as there are too many to walk
    let count = 0;
    const countPaths = (answers: Answers): boolean => {
      const q = step(mode, answers, false);
      if (q === undefined || q === 'stuck') return ++count <= maxPaths;
      for (const v of domain(q)) if (!countPaths({ ...answers, [q.id]: v })) return false;
      return true;
    };
    const small = records.length === 1 && countPaths({});
    if (small) {
      const walk = (answers: Answers) => {
        const q = step(mode, answers);
        if (q === 'stuck') return;
        if (q === undefined) return finish(mode, answers);
        for (const v of domain(q)) walk({ ...answers, [q.id]: v });
      };
      walk({});
    } else {
      report.exhaustive = false;
      const random = prng(seed + (mode === 'prep' ? 0 : 7919));
      for (let i = 0; i < samples; i++) {
        // one path in eight is walked for an account with a class on record, in turn: the same number of paths
        onRecord = records.length > 1 && i % 8 === 7 ? records[1 + (Math.floor(i / 8) % (records.length - 1))] : undefined;
        const answers: Answers = {};
        for (;;) {
          const q = step(mode, answers);
          if (q === 'stuck') break;
          if (q === undefined) {
            finish(mode, answers);
            break;
          }
          const d = domain(q);
          answers[q.id] = d[Math.floor(random() * d.length)];
        }
      }
    }
  }
  report.neverAsked = pb.questions.filter((q) => !asked.has(q.id) && (!q.modes || q.modes.some((m) => modes.includes(m)))).map((q) => q.id);
  return report;
}

/** A value a rep could type for an open question, used where no condition names one. */
function openValues(q: Question, visitDate: string): AnswerValue[] {
  switch (q.kind) {
    case 'text':
      return ['text'];
    case 'number':
      return [1];
    case 'date':
      return [visitDate];
    case 'single':
    case 'multiple':
    case 'yes-no':
    case 'persona':
      return [];
    default:
      return assertNever(q.kind, 'question kind');
  }
}

/** The classes the questions' conditions test as the class on record (onRecord), each once. */
function recordsTested(pb: Playbook): string[] {
  const out = new Set<string>();
  const visit = (c: Condition | undefined): void => {
    if (!c) return;
    if (c.onRecord !== undefined) out.add(c.onRecord);
    for (const x of [...(c.all ?? []), ...(c.any ?? []), ...(c.not ? [c.not] : [])]) visit(x);
  };
  for (const q of pb.questions) visit(q.when);
  return [...out];
}
