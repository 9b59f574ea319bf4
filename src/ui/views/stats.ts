/**
 * `stats` as the rep sees it: a typed view model over the core's Stats (words from the catalogue,
 * class names in the session's language, text from the database sanitised), and its renderers:
 * terminal (bars of Unicode blocks, aligned by display width so CJK labels line up) and JSON.
 */
import type { ChalkInstance } from 'chalk';
import { MESSAGES as ENGINE_MESSAGES } from '../../engine/messages.js';
import type { Locale, Terms } from '../../engine/model.js';
import { localize } from '../../engine/text.js';
import type { Labels, Share, Stats } from '../../stats/stats.js';
import { HOURS_PER_VISIT_ESTIMATE } from '../../stats/stats.js';
import { hanging, stringWidth } from '../layout.js';
import { sanitize } from '../sanitize.js';
import { STATS_MESSAGES } from './stats-messages.js';

/** One measured line: a label, k of n, and the share when there are enough cases to make one. */
export interface Meter {
  label: string;
  share: Share;
  /** What the seed says it should be (shown beside the number), if anything. */
  seed?: string;
}

export interface CalibrationView {
  class: string;
  title: string;
  given: string;
  meter?: Meter;
  notes: string[];
}

export interface StatsView {
  locale: Locale;
  title: string;
  scope: string;
  calibrationTitle: string;
  calibration: CalibrationView[];
  empty?: string;
  habitsTitle: string;
  habits: { heading?: string; meters: Meter[]; notes: string[] };
}

export function classTitle(id: string, labels: Labels | undefined, locale: Locale): string {
  return sanitize(labels?.[locale] ?? labels?.en ?? id);
}

/** `rep`: a manager reads that rep's stats (stats --rep). */
export function statsView(s: Stats, locale: Locale, opts: { rep?: string } = {}): StatsView {
  const m = STATS_MESSAGES[locale];
  // a class as the playbook names it in this language ("成熟", not the id "ready")
  const labelsOf = new Map(s.calibration.map((r) => [r.class, r.labels]));
  const title = (id: string) => classTitle(id, labelsOf.get(id), locale);
  // the playbook's own words (its decider, its sources), data to be sanitised like any playbook text
  const term = (key: keyof Terms): string | undefined => sanitize(localize(s.habits.terms[key], locale)) || undefined;
  const calibration = s.calibration.map((r): CalibrationView => {
    const notes: string[] = [];
    if (r.open) notes.push(m.stillOpen(r.open));
    notes.push(r.medianDaysToSign === null ? m.noneSigned : m.medianDays(r.medianDaysToSign));
    for (const [to, n] of Object.entries(r.reclassifiedTo)) notes.push(m.became(n, title(to)));
    if (r.dropped.k) notes.push(m.droppedN(r.dropped.k));
    return {
      class: sanitize(r.class),
      title: classTitle(r.class, r.labels, locale),
      given: m.given(r.given),
      ...(r.window ? { meter: { label: m.signedWithin(r.window.max), share: r.signedInWindow, seed: term('windowTarget') ?? m.windowTarget } } : {}),
      notes: r.window ? notes : [m.noWindow, ...notes],
    };
  });
  const h = s.habits;
  const top = h.topClass ? classTitle(h.topClass.id, h.topClass.labels, locale) : undefined;
  const meters: Meter[] = [];
  const notes: string[] = [];
  let heading: string | undefined;
  if (h.missingRoles.includes('askedToSign')) notes.push(m.missingRole('askedToSign'));
  else if (!top) notes.push(m.noTopClass);
  else {
    heading = m.onTop(top, term('askToSign'));
    meters.push({ label: `  ${m.askedOnTop}`, share: h.askedOnTop }, { label: `  ${m.signedWhenAsked}`, share: h.signedWhenAsked }, { label: `  ${m.signedWhenNotAsked(term('signedWithoutAsking'))}`, share: h.signedWhenNotAsked });
  }
  if (h.missingRoles.includes('metFirstKp')) notes.push(m.missingRole('metFirstKp'));
  else meters.push({ label: m.metFirstKp(term('decider') ?? ENGINE_MESSAGES[locale].terms.decider), share: h.metFirstKp });
  meters.push({ label: m.oneContact, share: h.oneContact });
  const e = h.endedDropped;
  notes.push(m.endedDropped(e.accounts, e.class ? classTitle(e.class, e.labels, locale) : '?', e.visits, e.hoursEstimate), `  ${m.hoursEstimate(HOURS_PER_VISIT_ESTIMATE, term('visitCost'))}`);
  if (top && e.accounts) notes.push(`  ${m.wereTop(e.wereTopClass, top)}`);
  return {
    locale,
    title: opts.rep !== undefined ? m.titleOf(sanitize(opts.rep)) : m.title,
    scope: m.scope(s.since, s.today, s.accounts, s.visits),
    calibrationTitle: m.calibration,
    calibration,
    ...(calibration.length ? {} : { empty: m.noCalibration }),
    habitsTitle: term('habits') ?? m.habits,
    habits: { ...(heading ? { heading } : {}), meters, notes },
  };
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `width` columns for a share in [0, 1], in eighths of a block. */
export function bar(rate: number, width: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, rate)) * width * 8);
  const full = Math.floor(eighths / 8);
  const part = EIGHTHS[eighths % 8];
  return `${'█'.repeat(full)}${part}${' '.repeat(width - full - (part ? 1 : 0))}`;
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - stringWidth(s)));

function meterLines(meters: Meter[], indent: string, c: ChalkInstance, locale: Locale, width: number): string[] {
  const m = STATS_MESSAGES[locale];
  const barWidth = 20;
  const lw = Math.min(Math.max(0, ...meters.map((x) => stringWidth(x.label))), Math.max(12, width - indent.length - barWidth - 16));
  return meters.flatMap((x) => {
    const counts = m.ofN(x.share.k, x.share.n);
    const number = x.share.rate === null ? c.dim(m.tooFew(x.share.n)) : `${Math.round(x.share.rate * 100)}%`;
    // too few cases: no bar, which would draw a rate that is not one
    const graph = x.share.rate === null ? '' : `${c.cyan(bar(x.share.rate, barWidth))}  `;
    const tail = `${counts}  ${number}${x.seed ? c.dim(`  (${x.seed})`) : ''}`;
    if (stringWidth(x.label) <= lw) return [`${indent}${pad(x.label, lw)}  ${graph}${tail}`];
    // a label longer than its column goes on its own line, the bar under it
    return [hanging(indent, x.label, width), `${indent}${' '.repeat(lw)}  ${graph}${tail}`];
  });
}

export function renderStatsTerminal(v: StatsView, c: ChalkInstance, width: number): string {
  const out: string[] = [c.bold(v.title), c.dim(v.scope), '', c.bold.underline(v.calibrationTitle)];
  if (v.empty) out.push(c.dim(`  ${v.empty}`));
  for (const r of v.calibration) {
    out.push(`  ${c.bold(r.title)}  ${c.dim(r.given)}`);
    if (r.meter) out.push(...meterLines([r.meter], '    ', c, v.locale, width));
    out.push(hanging('    ', c.dim(r.notes.join(' · ')), width));
  }
  out.push('', c.bold.underline(v.habitsTitle));
  if (v.habits.heading) out.push(hanging('  ', v.habits.heading, width));
  out.push(...meterLines(v.habits.meters, '  ', c, v.locale, width));
  for (const n of v.habits.notes) out.push(hanging('  ', n.startsWith('  ') ? c.dim(n.trim()) : n, width));
  return `${out.join('\n')}\n`;
}
