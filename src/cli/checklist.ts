/**
 * `checklist`: open next steps by due date. `done ID`, `skip ID` close one, `reopen ID` opens it
 * again, `undo` reverses the last of these, `add` writes a step of the rep's own.
 */
import { isLapsed, stepText } from '../core/steps.js';
import { isValidDate } from '../engine/dates.js';
import { formatDate } from '../ui/messages.js';
import { sanitize, sanitizeDeep } from '../ui/sanitize.js';
import { widthOf } from '../ui/style.js';
import { managerPointer } from './manager-pointer.js';
import { checklistJson, checklistView, renderChecklistTerminal } from '../ui/views/checklist.js';
import { VIEW_MESSAGES } from '../ui/views/messages.js';
import { localToday, now } from './clock.js';
import { localeOf, makeContext } from './context.js';
import { unknownAccount } from './account-names.js';
import { EXIT, said, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { openStore } from './store.js';

async function withStore<T>(io: IO, g: GlobalOptions, work: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(io, g);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function checkDate(flag: string, value: string): string {
  if (!isValidDate(value)) throw new UserError(said('notADate', { flag, value, example: '2026-11-26' }), `${flag} ${value} is not a date`, 'write it as YYYY-MM-DD, e.g. 2026-11-26');
  return value;
}

export async function checklistList(opts: { account?: string; json?: boolean; today?: string }, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  const today = opts.today ? checkDate('--today', opts.today) : localToday();
  return withStore(io, g, async (store) => {
    if (opts.account !== undefined && !(await store.getAccount(opts.account))) throw await unknownAccount(store, opts.account);
    const view = checklistView((await store.openChecklist(opts.account)).filter((s) => !isLapsed(s, today)), locale, today);
    io.stdout.write(opts.json ? `${JSON.stringify(sanitizeDeep(checklistJson(view)), null, 2)}\n` : renderChecklistTerminal(view, ctx.out, widthOf(io.stdout)));
    const pointer = !opts.json && view.items.length === 0 && opts.account === undefined ? await managerPointer(store, locale) : undefined;
    if (pointer) io.stdout.write(`${ctx.out.dim(pointer)}\n`);
    return EXIT.ok;
  });
}

function itemNumber(id: string): number {
  const n = Number(id);
  if (!/^\d{1,15}$/.test(id) || !Number.isSafeInteger(n) || n < 1) throw new UserError(said('notAnItemNumber', { id }), `"${id}" is not a checklist item number`, 'sales-coach checklist shows the numbers');
  return n;
}

/**
 * --date: the day it happened, as the sessions take it ("done on Friday", said on Monday); never a day
 * still ahead (a step is not done tomorrow). Today without it.
 */
function dayOf(date: string | undefined): string {
  const today = localToday();
  if (date === undefined) return today;
  const day = checkDate('--date', date);
  if (day > today) throw new UserError(said('dateAfterToday', { flag: '--date', value: day, today }), `--date ${day} is after today`, `give the day it happened: today (${today}) or earlier`);
  return day;
}

export async function checklistSet(state: 'open' | 'done' | 'skipped', id: string, io: IO, g: GlobalOptions, opts: { date?: string } = {}): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  const m = VIEW_MESSAGES[locale];
  const n = itemNumber(id);
  const day = dayOf(opts.date);
  return withStore(io, g, async (store) => {
    const { row, before } = await store.setChecklistState(n, state, now(), day);
    const say = state === 'done' ? m.done : state === 'skipped' ? m.skipped : m.reopened;
    io.stderr.write(`${say(sanitize(row.account), sanitize(stepText(row, locale)))}\n`);
    if (before !== state) io.stderr.write(`  ${m.undoHint}\n`);
    return EXIT.ok;
  });
}

export async function checklistUndo(io: IO, g: GlobalOptions, opts: { date?: string } = {}): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  const m = VIEW_MESSAGES[locale];
  const day = dayOf(opts.date);
  return withStore(io, g, async (store) => {
    const last = await store.lastChecklistChange();
    // a step is superseded by a session, never by hand: no change of the rep's leads back to that state
    if (!last || last.before === 'superseded') throw UserError.worded(m.nothingToUndo);
    // marked as the undoing of that change: the next undo walks further back, it does not undo this one
    const { row } = await store.setChecklistState(last.id, last.before, now(), day, last.event);
    const say = last.before === 'open' ? m.reopened : last.before === 'done' ? m.done : m.skipped;
    io.stderr.write(`${say(sanitize(row.account), sanitize(stepText(row, locale)))}\n`);
    return EXIT.ok;
  });
}

export async function checklistAdd(text: string, opts: { account?: string; due?: string }, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  const m = VIEW_MESSAGES[locale];
  if (!opts.account?.trim()) throw new UserError(said('whichAccountForStep', {}), 'which account is the step for?', 'sales-coach checklist add --account "Acme Ltd" --due 2026-12-01 "Send the quote"');
  if (!text.trim()) throw new UserError(said('emptyStep', {}), 'the step is empty', 'write what to do, e.g. "Send the quote"');
  const today = localToday();
  const due = opts.due ? checkDate('--due', opts.due) : today;
  if (due < today) throw new UserError(said('dueInPast', { due, today }), `--due ${due} is in the past`, `a new step is due today (${today}) or later`);
  return withStore(io, g, async (store) => {
    if (!(await store.getAccount(opts.account as string))) throw await unknownAccount(store, opts.account as string);
    const row = await store.addChecklistItem(opts.account as string, text.trim(), due, now(), today);
    io.stderr.write(`${m.added(row.id, sanitize(row.account), sanitize(row.text), formatDate(row.due, locale))}\n`);
    return EXIT.ok;
  });
}
