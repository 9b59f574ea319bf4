/**
 * A manager's review of the team (the seed's "your manager asks you: why is this an A?"): each rep's
 * pipeline by class, the accounts that need attention (past the signing window, provisional, an
 * overdue step, no next step), what moved, and the managers' notes. Built from what the team store
 * read (pure), with terminal, JSON and CSV renderers over the same model.
 */
import type { ChalkInstance } from 'chalk';
import type { Locale } from '../../playbook/types.js';
import { orderGroups } from '../../core/pipeline-groups.js';
import { PIPELINE_FLAGS, type PipelineFlag, type StoredEvent, type TeamReviewData } from '../../store/types.js';
import { addDays } from '../../engine/dates.js';
import { formatDate, UI } from '../messages.js';
import { hanging, stringWidth } from '../layout.js';
import { sanitize } from '../sanitize.js';
import { VIEW_MESSAGES } from './messages.js';
import { flagOnLine, type MovedView, type PipelineRowView, type PipelineView, pipelineView } from './pipeline.js';
import { formatTotals, sumMoney } from '../money.js';

export interface NoteView {
  /** The note's event (a thread's answers name it). */
  id?: number;
  date: string;
  account: string;
  kind: 'class-validated' | 'class-challenged';
  by: string;
  class?: string;
  note: string;
  /** A question's thread: the rep's answers, oldest first, and its close. */
  replies?: { date: string; by: string; note: string }[];
  resolved?: { date: string; by: string; note?: string };
  /** The account signed since the note (on this day): a question on its class is history, not open. */
  signedOn?: string;
}

/** A question no one has closed yet, on an account that has not signed since. */
export const isOpen = (n: NoteView): boolean => n.kind === 'class-challenged' && !n.resolved && n.signedOn === undefined;
/** The thread's last word: the day of its last answer or close, else of the note. */
export const lastWord = (n: NoteView): string => [n.date, ...(n.replies ?? []).map((r) => r.date), n.resolved?.date ?? ''].sort().at(-1) as string;

export interface RepReview {
  rep: string;
  /** Their manager, when it is not the reader (a manager of managers reads their managers' reps). */
  manager?: string;
  total: number;
  classes: { key: string; title: string; count: number }[];
  flagCounts: Partial<Record<PipelineFlag, number>>;
  attention: PipelineRowView[];
  /** Every account of the rep, needing attention or not (the JSON and the CSV: "everything"); untouched as the activity counts it. */
  accounts?: (PipelineRowView & { untouched: boolean })[];
  /** How many accounts need attention in all (the list may show fewer). */
  attentionTotal: number;
  moved: MovedView[];
  /** Moves of the period not shown (team review's limit per rep). */
  movedHidden: number;
  notes: NoteView[];
  /** The deals' values of the rep's accounts in play (as the rep's own review adds them up). */
  inPlay: PipelineView['inPlay'];
  /** Debriefs in the period, and accounts in play not visited for `untouchedDays` or more. */
  activity: { debriefs: number; untouched: number };
  /** The untouched accounts by name (the first of them, within the review's limit), each with its last visit on or before today. */
  untouchedNamed: { account: string; lastVisit?: string }[];
  /**
   * With --all: the accounts flagged for no reason of attention (only one person on record), which the
   * header counts; listed so that the header and the accounts shown agree.
   */
  flaggedOnly?: PipelineRowView[];
  /** Visits the rep prepared, their day gone, with no debrief (what the rep's `today` recalls). */
  undebriefed: { account: string; date: string }[];
}

export interface TeamReviewView {
  locale: Locale;
  today: string;
  since: string;
  limit?: number;
  reps: RepReview[];
  classes: { key: string; title: string; count: number }[];
  flagCounts: Partial<Record<PipelineFlag, number>>;
  /** The team's value in play: every rep's added up per currency. */
  inPlay: PipelineView['inPlay'];
  /** Days without a visit after which an account in play is untouched. */
  untouchedDays: number;
  /** A manager of managers: each manager under them with their reps' totals (empty for a manager of reps). */
  managers: ManagerRollUp[];
  /** Visits prepared and not debriefed, every rep's. */
  undebriefed: number;
  /** The reader manages no one and is a rep (of this manager, when known): team review is not their screen. */
  readerIsRep?: { manager?: string };
}

/** One manager's reps added up, as a manager of managers reads them. */
export interface ManagerRollUp {
  manager: string;
  reps: number;
  total: number;
  classes: { key: string; title: string; count: number }[];
  inPlay: PipelineView['inPlay'];
}

/**
 * The managers' notes among the events, each question with its thread: the rep's answers and the
 * manager's close (the rest are left out, and an answer to a note not among them). `signed`: the noted
 * accounts' first signature (TeamStore.signedAccounts): a note asked on or before it carries the day
 * (signedOn), so that a question on a class since settled is history on every screen, not open on some.
 */
export function noteViews(events: readonly StoredEvent[], signed: readonly { account: string; date: string }[] = []): NoteView[] {
  const notes: NoteView[] = [];
  const byId = new Map<number, NoteView>();
  // in the order they were written, whichever query read them
  events = [...events].sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.id - b.id));
  for (const e of events) {
    const x = e.event;
    if (x.kind === 'class-validated' || x.kind === 'class-challenged') {
      if (byId.has(e.id)) continue;
      const n: NoteView = { id: e.id, date: x.date, account: e.account, kind: x.kind, by: x.by, ...(x.class ? { class: x.class } : {}), note: x.note };
      notes.push(n);
      byId.set(e.id, n);
    }
  }
  for (const e of events) {
    const x = e.event;
    const n = x.kind === 'note-replied' || x.kind === 'note-resolved' ? byId.get(x.to) : undefined;
    if (!n) continue;
    if (x.kind === 'note-replied' && !n.replies?.some((r) => r.date === x.date && r.note === x.note && r.by === x.by)) n.replies = [...(n.replies ?? []), { date: x.date, by: x.by, note: x.note }];
    if (x.kind === 'note-resolved' && !n.resolved) n.resolved = { date: x.date, by: x.by, ...(x.note ? { note: x.note } : {}) };
  }
  const signedOn = new Map<string, string>();
  for (const x of signed) if (!signedOn.has(x.account) || x.date < (signedOn.get(x.account) as string)) signedOn.set(x.account, x.date);
  return notes.map((n) => {
    const on = signedOn.get(n.account);
    return on !== undefined && on >= n.date ? { ...n, signedOn: on } : n;
  });
}

/**
 * The account and a note joined as a label: the label's rule (": " inside becomes " — ") is for the
 * words we compose, so the manager's own note is put in after it, quoted as written ("Agreed: first
 * KP met" read "Agreed — first KP met" in accounts, today and team review, but not in account show).
 */
export function noteLabel(locale: Locale, account: string, say: (note: string) => string, note: string): string {
  // a private-use character, which sanitize keeps and no note is made of
  const mark = '\uE000note\uE000';
  return UI[locale].label(account, say(mark)).replace(mark, () => note);
}

/** The accounts of these events' questions (the names to ask TeamStore.signedAccounts about). */
export const questionedAccounts = (events: readonly StoredEvent[]): string[] => [...new Set(events.filter((e) => e.event.kind === 'class-challenged').map((e) => e.account))];

/** Each note on its lines, wrapped to the width: in the review, in `accounts` and before a prep. */
export function noteLines(notes: readonly NoteView[], locale: Locale, c: ChalkInstance, width: number, opts: { indent: string; account: boolean; own?: boolean }): string[] {
  const m = VIEW_MESSAGES[locale];
  return notes.flatMap((n) => {
    // a question on the class of an account signed since is history: said as it was, dated, not open
    const history = n.kind === 'class-challenged' && !n.resolved && n.signedOn !== undefined;
    const say = (note: string) => (history ? m.noteBeforeSigning(n.by, n.class, note, formatDate(n.signedOn as string, locale)) : m.managerNote(n.kind, n.by, n.class, note));
    // the account and the note joined as the reader's language joins them (a full-width colon in Chinese)
    const text = opts.account ? noteLabel(locale, c.bold(sanitize(n.account)), (x) => sanitize(say(x)), sanitize(n.note)) : sanitize(say(n.note));
    const lines = [hanging(`${opts.indent}${formatDate(n.date, locale)}  `, text, width)];
    // the thread under its question, as far as the dates' column: each answer, then its close or where it stands
    const under = `${opts.indent}${' '.repeat(stringWidth(formatDate(n.date, locale)) + 2)}`;
    // on the rep's own screens every answer is theirs (only the account's rep may answer): "you"
    const ui = UI[locale];
    for (const r of n.replies ?? []) lines.push(hanging(`${under}`, `${sanitize(opts.own ? m.noteReplyOwn(r.note) : m.noteReply(r.by, r.note))}${c.dim(ui.aside(formatDate(r.date, locale)))}`, width));
    if (n.resolved) lines.push(hanging(under, c.dim(`${sanitize(m.noteClosed(n.resolved.by, n.resolved.note))}${ui.aside(formatDate(n.resolved.date, locale))}`), width));
    else if (n.kind === 'class-challenged' && !history) lines.push(hanging(under, c.yellow(m.noteState((n.replies ?? []).length > 0)), width));
    return lines;
  });
}

const ATTENTION: PipelineFlag[] = ['window', 'provisional', 'overdue', 'no_next'];

export function teamReviewView(
  data: TeamReviewData,
  opts: { reps: string[]; locale: Locale; today: string; since: string; limit?: number; everyAccount?: boolean; listFlagged?: boolean; untouchedDays?: number; reader?: string; managerOf?: Readonly<Record<string, string>>; readerIsRep?: { manager?: string } },
): TeamReviewView {
  const untouchedDays = opts.untouchedDays ?? 14;
  const managerOf = opts.managerOf ?? {};
  const managers = new Set(Object.values(managerOf));
  const reps = opts.reps.map((rep): RepReview => {
    const groups = data.groups.filter((g) => g.rep === rep);
    const rows = data.attention.filter((a) => a.rep === rep).map((a) => a.row);
    const attentionTotal = data.attention.find((a) => a.rep === rep)?.total ?? 0;
    const events = data.events.filter((e) => e.rep === rep).map((e) => e.event);
    const flagCounts = Object.fromEntries(PIPELINE_FLAGS.map((f) => [f, 0])) as Record<PipelineFlag, number>;
    for (const g of groups) for (const [k, n] of Object.entries(g.flagCounts)) flagCounts[k as PipelineFlag] = (flagCounts[k as PipelineFlag] ?? 0) + n;
    for (const [k, n] of Object.entries(data.repFlags?.[rep] ?? {})) flagCounts[k as PipelineFlag] = (flagCounts[k as PipelineFlag] ?? 0) + (n ?? 0);
    // the rep's review as the rep sees it (the same names, the same order, the same moves)
    const view = pipelineView(
      { groups: mergeGroups(groups), rows, total: groups.reduce((n, g) => n + g.count, 0), flagCounts, values: (data.values ?? []).filter((x) => x.rep === rep) },
      { locale: opts.locale, today: opts.today, filtered: false, since: opts.since, about: rep, events: events.filter((e) => e.event.kind === 'class-changed' || e.event.kind === 'signed' || e.event.kind === 'dropped') },
    );
    // the period's notes, and every question still open however old; a question asked before the
    // account signed is history (the class it questioned is settled), no longer open
    const notes = noteViews(
      events,
      (data.signed ?? []).filter((x) => x.rep === rep),
    ).filter((n) => isOpen(n) || lastWord(n) >= opts.since);
    const manager = managerOf[rep];
    // a prep dated ahead is not a visit: each account's last visit on or before today, and untouched as
    // the activity counts it (the CSV gave the prep's day and an empty untouched column)
    const untouchedNamed = (data.untouched ?? []).filter((x) => x.rep === rep).map(({ account, lastVisit }) => ({ account, ...(lastVisit ? { lastVisit } : {}) }));
    const untouched = new Set(untouchedNamed.map((x) => x.account));
    const seen = new Map((data.visitedBy ?? []).filter((x) => x.rep === rep).map((x) => [x.account, x.lastVisit]));
    const asOfToday = (a: PipelineRowView): PipelineRowView => {
      if (!seen.has(a.name)) return a;
      const { lastVisit: _ahead, ...rest } = a;
      const last = seen.get(a.name);
      return last ? { ...rest, lastVisit: last } : rest;
    };
    const accountRows = rowsOf(view).map(asOfToday);
    return {
      rep,
      ...(manager && manager !== opts.reader ? { manager } : {}),
      total: view.total,
      classes: view.groups.map((g) => ({ key: g.key, title: g.title, count: g.count })),
      // every flag, in the order the rep's review and the weekly report count them: an account listed
      // with "only one contact" is counted in the header too (it was left out, and the report said 3)
      flagCounts: inFlagOrder(flagCounts),
      // the store gave every account when asked for them all: those needing attention are among them
      attention: accountRows.filter((a) => !opts.everyAccount || a.flags.some((f) => ATTENTION.includes(f))),
      ...(opts.everyAccount ? { accounts: accountRows.map((a) => ({ ...a, untouched: untouched.has(a.name) })) } : {}),
      ...(opts.everyAccount && opts.listFlagged ? { flaggedOnly: accountRows.filter((a) => a.flags.length > 0 && !a.flags.some((f) => ATTENTION.includes(f))) } : {}),
      attentionTotal,
      moved: view.moved ?? [],
      // the moves the limit left out (a move the store counted but could not read is not among them)
      movedHidden: Math.max(0, (data.movedTotal?.[rep] ?? 0) - events.filter((e) => e.event.kind === 'class-changed' || e.event.kind === 'signed' || e.event.kind === 'dropped').length),
      notes,
      inPlay: view.inPlay,
      activity: data.activity?.[rep] ?? { debriefs: 0, untouched: 0 },
      untouchedNamed,
      undebriefed: (data.undebriefed ?? []).filter((x) => x.rep === rep).map(({ account, date }) => ({ account, date })),
    };
  });
  const sums: Partial<Record<PipelineFlag, number>> = {};
  for (const r of reps) for (const [k, n] of Object.entries(r.flagCounts)) sums[k as PipelineFlag] = (sums[k as PipelineFlag] ?? 0) + n;
  // in the one order every flag is listed in (the team's header read the first rep's order, so the
  // same review listed its flags otherwise with --rep)
  const flagCounts = inFlagOrder(sums);
  const inPlay = addUp(reps);
  // a manager under the reader is listed with their reps' totals; as a rep, only when they sell too
  // each manager's reps together, as the roll-up adds them up
  const shown = reps.filter((r) => !managers.has(r.rep) || r.total > 0).sort((x, y) => (x.manager ?? '').localeCompare(y.manager ?? '') || x.rep.localeCompare(y.rep));
  const rollUp = [...managers]
    .filter((m) => m !== opts.reader)
    .sort()
    .flatMap((manager): ManagerRollUp[] => {
      // the manager's own accounts, if they sell too, are their team's as well
      const under = reps.filter((r) => r.rep === manager || below(r.rep, manager, managerOf));
      const sellers = under.filter((r) => !managers.has(r.rep) || r.total > 0);
      return under.some((r) => r.rep !== manager) ? [{ manager, reps: sellers.length, total: under.reduce((n, r) => n + r.total, 0), classes: teamClasses(under, data), inPlay: addUp(under) }] : [];
    });
  return {
    locale: opts.locale,
    today: opts.today,
    since: opts.since,
    ...(opts.limit ? { limit: opts.limit } : {}),
    reps: shown,
    classes: teamClasses(reps, data),
    flagCounts,
    inPlay,
    untouchedDays,
    managers: rollUp,
    undebriefed: reps.reduce((n, r) => n + r.undebriefed.length, 0),
    ...(opts.readerIsRep && reps.length === 0 ? { readerIsRep: opts.readerIsRep } : {}),
  };
}

/** The flags counted, in the one order flags are listed in everywhere (the store's PIPELINE_FLAGS). */
function inFlagOrder(counts: Partial<Record<PipelineFlag, number>>): Partial<Record<PipelineFlag, number>> {
  return Object.fromEntries(PIPELINE_FLAGS.filter((k) => (counts[k] ?? 0) > 0).map((k) => [k, counts[k]]));
}

/** Every account row of a rep's review, each with its flags in that one order. */
const rowsOf = (view: PipelineView): PipelineRowView[] => view.groups.flatMap((g) => g.rows).map((a) => ({ ...a, flags: PIPELINE_FLAGS.filter((f) => a.flags.includes(f)) }));

/** Whether `manager` is above `rep`, at any depth (the tree the database gave: no cycles, team add refuses them). */
function below(rep: string, manager: string, managerOf: Readonly<Record<string, string>>): boolean {
  const seen = new Set<string>();
  for (let up = managerOf[rep]; up !== undefined && !seen.has(up); up = managerOf[up]) {
    if (up === manager) return true;
    seen.add(up);
  }
  return false;
}

const addUp = (reps: readonly RepReview[]): PipelineView['inPlay'] => ({ values: sumMoney(reps.flatMap((r) => r.inPlay.values)), valued: reps.reduce((n, r) => n + r.inPlay.valued, 0), accounts: reps.reduce((n, r) => n + r.inPlay.accounts, 0) });

/** The classes of these reps added up, in the playbook's order of classes (best first), as each rep's line is. */
function teamClasses(reps: readonly RepReview[], data: TeamReviewData): { key: string; title: string; count: number }[] {
  const classes = new Map<string, { key: string; title: string; count: number; class?: string; rank?: number }>();
  for (const r of reps) for (const c of r.classes) classes.set(c.key, { ...c, count: (classes.get(c.key)?.count ?? 0) + c.count });
  for (const g of data.groups) {
    const c = classes.get(g.key);
    if (!c) continue;
    if (g.class !== undefined) c.class = g.class;
    if (g.rank !== undefined && (c.rank === undefined || g.rank < c.rank)) c.rank = g.rank;
  }
  return orderGroups([...classes.values()]).map(({ key, title, count }) => ({ key, title, count }));
}

/** "a, b and c" in the reader's language. */
function listed(xs: readonly string[], locale: Locale): string {
  const m = VIEW_MESSAGES[locale];
  return xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(UI[locale].listComma)}${m.and}${xs.at(-1)}`;
}

/** One group per class across its statuses, as the store's own pipeline folds them. */
function mergeGroups(groups: TeamReviewData['groups']): TeamReviewData['groups'] {
  const by = new Map<string, TeamReviewData['groups'][number]>();
  for (const g of groups) {
    const had = by.get(g.key);
    if (!had) by.set(g.key, { ...g });
    else {
      had.count += g.count;
      if (g.rank !== undefined && (had.rank === undefined || g.rank < had.rank)) had.rank = g.rank;
      had.labels ??= g.labels;
      had.dropped ||= g.dropped;
    }
  }
  return orderGroups([...by.values()]);
}

export function renderTeamTerminal(v: TeamReviewView, c: ChalkInstance, width: number): string {
  const m = VIEW_MESSAGES[v.locale];
  const s = sanitize;
  // a rep: not "ask the team admin to add reps to you", but whose screen this is and where theirs is
  if (v.readerIsRep) return `${hanging('', m.teamReviewIsManagers(v.readerIsRep.manager ? s(v.readerIsRep.manager) : undefined), width)}\n`;
  const out: string[] = [];
  const total = v.reps.reduce((n, r) => n + r.total, 0);
  out.push(hanging(`${c.bold(m.team)}  `, `${m.teamReps(v.reps.length)} · ${m.shown(total)}   ${v.classes.map((g) => `${s(g.title)} ${g.count}`).join('   ')}`, width));
  // the manager reads a rep's people with --rep: "account show lists them" would show their own
  const flagText = { ...m.flag, one_contact: m.oneContactOfRep };
  if (v.inPlay.valued > 0) out.push(hanging('  ', m.valueInPlay(formatTotals(v.inPlay.values, v.locale), v.inPlay.valued, v.inPlay.accounts), width));
  for (const [k, n] of Object.entries(v.flagCounts) as [PipelineFlag, number][]) out.push(hanging(`  ${c.yellow(String(n).padStart(4))}  `, flagText[k], width));
  // a flag the header counts on accounts not needing attention, which the screen lists only with --all
  const unlisted = (Object.keys(v.flagCounts) as PipelineFlag[]).filter((f) => !ATTENTION.includes(f));
  if (unlisted.length && !v.reps.some((r) => r.flaggedOnly)) out.push(hanging('        ', c.dim(m.flaggedNotListed(unlisted.map((f) => flagOnLine(flagText[f])).join(UI[v.locale].listComma))), width));
  if (v.undebriefed) out.push(hanging(`  ${c.yellow(String(v.undebriefed).padStart(4))}  `, m.notDebriefed(v.undebriefed), width));
  // a manager of managers: each manager's team added up, before the reps one by one
  for (const t of v.managers) {
    out.push('', hanging('  ', `${c.bold(m.managerTeam(s(t.manager), t.reps, t.total))}   ${t.classes.map((g) => `${s(g.title)} ${g.count}`).join('   ')}`, width));
    if (t.inPlay.valued > 0) out.push(hanging('    ', m.valueInPlay(formatTotals(t.inPlay.values, v.locale), t.inPlay.valued, t.inPlay.accounts), width));
  }
  for (const r of v.reps) {
    out.push('', `${c.bold.underline(m.repLine(s(r.rep), r.total))}${r.manager ? c.dim(`  ${m.inTeamOf(s(r.manager))}`) : ''}`);
    out.push(hanging('  ', r.classes.length ? r.classes.map((g) => `${s(g.title)} ${g.count}`).join('   ') : c.dim(m.none), width));
    if (r.inPlay.valued > 0) out.push(hanging('  ', m.valueInPlay(formatTotals(r.inPlay.values, v.locale), r.inPlay.valued, r.inPlay.accounts), width));
    out.push(hanging('  ', c.dim(m.activity(r.activity.debriefs, formatDate(v.since, v.locale), r.activity.untouched, v.untouchedDays)), width));
    // the untouched accounts named, as many as the review's limit lets (the count named none)
    if (r.activity.untouched > 0 && r.untouchedNamed.length) {
      const names = r.untouchedNamed.map((x) => `${s(x.account)}${UI[v.locale].aside(x.lastVisit ? m.lastVisitOn(formatDate(x.lastVisit, v.locale)) : m.neverVisited)}`).join(UI[v.locale].listComma);
      out.push(hanging('  ', c.dim(m.untouchedNamed(names, Math.max(0, r.activity.untouched - r.untouchedNamed.length))), width));
    }
    // what the rep's morning screen recalls to them ("Not yet debriefed"): the manager sees it too
    if (r.undebriefed.length) out.push(hanging('  ', c.yellow(`! ${m.notDebriefedOf(r.undebriefed.length, r.undebriefed.map((x) => `${s(x.account)}${UI[v.locale].aside(formatDate(x.date, v.locale))}`).join(UI[v.locale].listComma))}`), width));
    out.push(hanging('  ', r.attentionTotal ? c.yellow(m.needsAttention(r.attentionTotal)) : c.dim(m.allWell), width));
    for (const a of r.attention) {
      const next = a.nextDue ? m.next(formatDate(a.nextDue, v.locale), s(a.nextStep ?? '')) : m.noNext;
      out.push(hanging('    ', `${c.bold(s(a.name))}  ${s(a.classLabel)} · ${c.dim(next)}`, width));
      // every flag of the account, as the header counts them
      out.push(hanging('      ', c.yellow(a.flags.map((f) => `! ${flagOnLine(flagText[f])}`).join('  ')), width));
    }
    if (r.attentionTotal > r.attention.length) out.push(c.dim(hanging('    ', m.moreAttention(r.attentionTotal - r.attention.length), width)));
    // --all: the accounts the header counts for a flag that is no reason of attention (one person on record)
    if (r.flaggedOnly?.length) {
      out.push(hanging('  ', c.dim(m.alsoFlagged(r.flaggedOnly.length)), width));
      for (const a of r.flaggedOnly) out.push(hanging('    ', `${c.bold(s(a.name))}  ${s(a.classLabel)} · ${c.yellow(a.flags.map((f) => `! ${flagOnLine(flagText[f])}`).join('  '))}`, width));
    }
    if (r.moved.length) {
      out.push(hanging('  ', c.dim(m.movedSince(formatDate(v.since, v.locale))), width));
      for (const x of r.moved) {
        const kind = m.movement[x.movement] ?? x.movement;
        const fromTo = x.from && x.to ? m.fromTo(s(x.from), s(x.to)) : s(x.to ?? '');
        // "a, b and c", as the rep's own screen lists them (a run of "and" read as one long clause)
        const why = x.because.length ? `${m.clauseSep}${m.because(s(listed(x.because, v.locale)))}` : '';
        out.push(hanging(`    ${formatDate(x.date, v.locale)}  ${kind}  `, `${c.bold(s(x.account))} ${fromTo}${why}`, width));
      }
      if (r.movedHidden > 0) out.push(c.dim(hanging('    ', m.moreMoved(r.movedHidden), width)));
    }
    out.push(...noteLines(r.notes, v.locale, c, width, { indent: '    ', account: true }));
  }
  if (v.reps.length === 0) out.push('', c.dim(m.noTeam));
  return `${out.join('\n')}\n`;
}

export function teamJson(v: TeamReviewView): unknown {
  return { today: v.today, since: v.since, classes: v.classes, flagCounts: v.flagCounts, undebriefed: v.undebriefed, inPlay: v.inPlay, untouchedDays: v.untouchedDays, managers: v.managers, reps: v.reps };
}

const CSV_FLAGS: PipelineFlag[] = ['window', 'overdue', 'no_next', 'one_contact', 'provisional'];

/** One line per account; each flag a column of its own (yes or empty), with the last visit and whether it is untouched. */
export const TEAM_CSV_HEADER = ['rep', 'account', 'class', 'class_name', 'status', 'class_since', 'next_due', 'next_step', 'value', 'currency', 'expected_close', 'last_visit', ...CSV_FLAGS, 'untouched', 'manager', 'not_debriefed'];

export function teamCsvRows(v: TeamReviewView): unknown[][] {
  const cutoff = addDays(v.today, -v.untouchedDays);
  return v.reps.flatMap((r) =>
    (r.accounts ?? r.attention).map((a) => [
      r.rep,
      a.name,
      // as the screens group it: a signed account is signed (the JSON's signed: true), not its class A
      a.signed ? 'signed' : a.class,
      a.classLabel,
      a.status,
      a.classSince,
      a.nextDue,
      a.nextStep,
      a.value?.amount,
      a.value?.currency,
      a.closeDate,
      a.lastVisit,
      ...CSV_FLAGS.map((f) => (a.flags.includes(f) ? 'yes' : '')),
      // as the activity counts it (a prep dated ahead is not a visit); else from the row, for a view built without it
      ('untouched' in a ? a.untouched : !a.signed && !a.dropped && (a.lastVisit ?? '') < cutoff) ? 'yes' : '',
      // a manager of managers: the rep's own manager (empty for the reader's own reps)
      r.manager ?? '',
      // the days of the visits prepared and not debriefed
      r.undebriefed.filter((x) => x.account === a.name).map((x) => x.date).join(' '),
    ]),
  );
}
