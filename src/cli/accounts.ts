/** `accounts`: the weekly pipeline review. Counts by class, each account's class age and next step, flags. */
import { addDays, daysBetween } from '../engine/dates.js';
import { localize } from '../engine/text.js';
import type { Locale, Playbook } from '../playbook/types.js';
import { csvLine } from '../ui/csv.js';
import { formatDate } from '../ui/messages.js';
import { sanitize, sanitizeDeep, shellCommand } from '../ui/sanitize.js';
import { type Context, localeOf, makeContext, resolvePlaybookTarget } from './context.js';
import { EXIT, UserError } from './errors.js';
import { localToday } from './clock.js';
import type { GlobalOptions, IO } from './io.js';
import { loadPlaybookCached } from './playbook-cache.js';
import { openStore } from './store.js';

export interface AccountsOptions {
  since?: string;
  class?: string[];
  flag?: string[];
  overdue?: boolean;
  sort?: string;
  limit?: string;
  all?: boolean;
  json?: boolean;
  csv?: boolean;
  playbook?: string;
  today?: string;
}

export const FLAG_IDS = ['window', 'no_next', 'one_contact', 'provisional', 'overdue'] as const;

const FLAG_TEXT: Record<Locale, Record<string, string>> = {
  en: { window: 'past its window: sign or reclassify', no_next: 'no next step scheduled', one_contact: 'only one contact known', provisional: 'class still provisional', overdue: 'overdue next step' },
  'zh-CN': { window: '已过签单期限：签单或重新分类', no_next: '没有安排下一步', one_contact: '只认识一个人', provisional: '分类仍是暂定', overdue: '下一步已逾期' },
  'zh-TW': { window: '已過簽單期限：簽單或重新分類', no_next: '沒有安排下一步', one_contact: '只認識一個人', provisional: '分類仍是暫定', overdue: '下一步已逾期' },
};


/** "7d", "2w", "1m" or a date -> the first date of the period. */
export function sinceDate(since: string, today: string): string {
  const m = /^(\d+)\s*([dwm])$/i.exec(since.trim());
  if (m) return addDays(today, -Number(m[1]) * (m[2].toLowerCase() === 'w' ? 7 : m[2].toLowerCase() === 'm' ? 30 : 1));
  if (/^\d{4}-\d{2}-\d{2}$/.test(since)) return since;
  throw new UserError(`--since ${since} is not a period`, 'use 7d, 2w, 1m or a date YYYY-MM-DD');
}

export async function loadPipelinePlaybook(ctx: Context, ref = 'abcd'): Promise<Playbook> {
  const io = ctx.io;
  const r = await loadPlaybookCached(ctx.registry, resolvePlaybookTarget(ctx, ref), io.env);
  if (!r.playbook || r.diagnostics.some((d) => d.severity === 'error')) throw new UserError(`the playbook ${ref} is invalid`, shellCommand(['sales-coach', 'playbook', 'validate', ref]), EXIT.findings);
  return r.playbook;
}

export async function accountsCommand(opts: AccountsOptions, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  const pb = await loadPipelinePlaybook(ctx, opts.playbook);
  const today = opts.today ?? localToday();
  // thresholds come from the playbook: each class's signing window
  const windows = Object.fromEntries(pb.classes.filter((c) => c.cycle).map((c) => [c.id, c.cycle?.max as number]));
  const rank = Object.fromEntries(pb.classes.map((c) => [c.id, c.rank ?? c.priority]));
  const flags = [...(opts.flag ?? []), ...(opts.overdue ? ['overdue'] : [])];
  for (const f of flags) if (!(FLAG_IDS as readonly string[]).includes(f)) throw new UserError(`unknown flag "${f}"`, `one of ${FLAG_IDS.join(', ')}`);
  const limit = opts.limit ? Number(opts.limit) : 20;
  if (!Number.isInteger(limit) || limit < 1) throw new UserError(`--limit ${opts.limit} is not a positive whole number`);
  const sort = opts.sort ?? 'class';
  if (!['class', 'age', 'due', 'name'].includes(sort)) throw new UserError(`--sort ${sort}: expected class, age, due or name`);

  const store = await openStore(io, g);
  try {
    const all = opts.all || opts.json || opts.csv;
    const p = await store.pipeline({ today, windows, classFilter: opts.class, flags, sort, limitPerClass: all ? undefined : limit, all });
    const counts = p.byClass;
    const moved = opts.since ? await movedSince(store, sinceDate(opts.since, today), rank) : undefined;

    const rows = p.rows.map((r) => ({
      name: r.name,
      class: r.class ?? (r.classStatus === 'provisional' ? '?' : '-'),
      status: r.classStatus ?? 'new',
      classSince: r.classSince,
      classAgeDays: r.classSince ? daysBetween(r.classSince, today) : undefined,
      lastVisit: r.lastVisit,
      signed: r.signed,
      contacts: r.contacts,
      openItems: r.openItems,
      nextDue: r.nextDue,
      nextItem: r.nextItem,
      flags: r.flags,
    }));
    if (opts.json) {
      io.stdout.write(`${JSON.stringify(sanitizeDeep({ today, counts, total: p.total, flagCounts: p.flagCounts, accounts: rows, ...(moved ? { moved } : {}) }), null, 2)}\n`);
      return EXIT.ok;
    }
    if (opts.csv) {
      // CSV keeps the data exactly for a file or a pipe; on a terminal it is shown, so it is sanitised
      const shown = (io.stdout as { isTTY?: boolean }).isTTY ? (cells: unknown[]) => cells.map((x) => (typeof x === 'string' ? sanitize(x) : x)) : (cells: unknown[]) => cells;
      io.stdout.write(csvLine(shown(['account', 'class', 'status', 'class_since', 'class_age_days', 'last_visit', 'signed', 'contacts', 'open_items', 'next_due', 'next_step', 'flags'])));
      for (const r of rows) io.stdout.write(csvLine(shown([r.name, r.class, r.status, r.classSince, r.classAgeDays, r.lastVisit, r.signed ? 'yes' : 'no', r.contacts, r.openItems, r.nextDue, r.nextItem, r.flags.join(' ')])));
      return EXIT.ok;
    }
    const c = ctx.out;
    const t = FLAG_TEXT[locale];
    const order = [...pb.classes].sort((a, b) => (a.rank ?? a.priority) - (b.rank ?? b.priority)).map((x) => x.id);
    const line = order.map((k) => `${k} ${counts[k] ?? 0}`).concat(counts.provisional ? [`? ${counts.provisional}`] : []).join('   ');
    io.stdout.write(`${c.bold(locale === 'en' ? 'Pipeline' : '客户分布')}  ${line}   (${p.total} ${locale === 'en' ? 'shown by the filters' : '个符合条件'})\n`);
    const fc = Object.entries(p.flagCounts).filter(([, n]) => n > 0);
    if (fc.length) io.stdout.write(`${fc.map(([k, n]) => `${c.yellow(String(n))} ${t[k]}`).join(' · ')}\n`);
    let current = '';
    for (const r of rows) {
      const group = r.class === '?' ? (locale === 'en' ? 'Provisional' : '暂定') : r.class;
      if (group !== current) {
        current = group;
        const name = localize(pb.classes.find((x) => x.id === r.class)?.name, locale);
        io.stdout.write(`\n${c.bold.underline(name || group)}\n`);
      }
      const age = r.classAgeDays !== undefined ? `${r.classAgeDays}d` : '';
      const next = r.nextDue ? `${formatDate(r.nextDue, locale)}: ${sanitize(r.nextItem ?? '')}` : c.dim(locale === 'en' ? 'no next step' : '无下一步');
      const marks = r.flags.map((f) => c.yellow(`[${t[f]}]`)).join(' ');
      io.stdout.write(`  ${c.bold(sanitize(r.name))} ${c.dim(age)}${r.signed ? c.green(' ✓ signed') : ''} ${marks}\n    ${next.length > 74 ? `${next.slice(0, 73)}…` : next}\n`);
    }
    if (p.total === 0 && !opts.class && flags.length === 0) {
      io.stdout.write(c.dim(locale === 'en' ? '\nNo accounts yet: sales-coach prep --account NAME starts one (or import --csv from your CRM).\n' : '\n还没有客户：用 sales-coach prep --account 客户名 开始（或 import --csv 从CRM导入）。\n'));
    }
    const hidden = p.total - rows.length;
    if (hidden > 0) io.stdout.write(c.dim(`\n… ${hidden} more (at most ${limit} per class shown; --all, --limit N, --json or --csv for all)\n`));
    if (moved) {
      io.stdout.write(`\n${c.bold.underline(locale === 'en' ? `Moved since ${formatDate(sinceDate(opts.since as string, today), locale)}` : `${formatDate(sinceDate(opts.since as string, today), locale)}以来的变化`)}\n`);
      if (moved.length === 0) io.stdout.write(c.dim('  none\n'));
      for (const m of moved) io.stdout.write(`  ${m.kind.padEnd(10)} ${sanitize(m.account)}  ${m.from ?? '-'} → ${m.to ?? '-'}  ${c.dim(m.date)}\n`);
    }
    return EXIT.ok;
  } finally {
    store.close();
  }
}

async function movedSince(store: Awaited<ReturnType<typeof openStore>>, since: string, rank: Record<string, number>) {
  const changes = await store.classChangesSince(since);
  return changes.map((ch) => {
    const kind =
      ch.status === 'signed'
        ? 'signed'
        : !ch.from && ch.to
          ? 'new'
          : ch.to === 'D'
            ? 'dropped'
            : ch.from && ch.to && rank[ch.to] < rank[ch.from]
              ? 'upgraded'
              : ch.from && ch.to && rank[ch.to] > rank[ch.from]
                ? 'downgraded'
                : ch.status === 'provisional'
                  ? 'provisional'
                  : 'changed';
    return { kind, account: ch.account, date: ch.date, from: ch.from, to: ch.to, reason: ch.reason };
  });
}
