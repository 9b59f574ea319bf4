/**
 * What "open" and "overdue" mean for a next step, said once. The checklist, the review's flags, the
 * weekly report, the team review, `account show` and the exports (calendar, Markdown) all ask here,
 * so no two screens count the same steps differently. The stores select open steps in SQL
 * (`state = 'open'`, `next_due < today`): their clauses say the same thing, and a test holds them to it.
 *
 * A step's state is whatever the store says: a step of a signed or dropped account still open is
 * open (and overdue when its date has passed) until an event closes it; no rule is added here.
 */

/** A step's states: `superseded` is a step replaced by a newer one (after a class change), shown as closed. */
export type StepState = 'open' | 'done' | 'skipped' | 'superseded';

/** Open: still to do. Done, skipped and superseded steps are closed. */
export function isOpenStep(step: { state: StepState }): boolean {
  return step.state === 'open';
}

/**
 * Overdue: open, and due before `today` (a step due today is due, not overdue). Dates are
 * YYYY-MM-DD and compare as text, as they do in the stores' SQL.
 * @example isOverdue({ state: 'open', due: '2026-11-27' }, '2026-12-04') // true
 */
export function isOverdue(step: { state: StepState; due: string }, today: string): boolean {
  return isOpenStep(step) && step.due < today;
}

/**
 * Lapsed: a step that prepared a visit (`until`, that visit's day: "confirm the meeting of 3 Dec")
 * seen from a day after that visit, or a signing window's step after its last day (the window-over
 * flag speaks for it then). It is no longer listed, asked about or overdue anywhere; the next
 * session saved closes it as no longer needed. On the day itself it is still shown: the debrief of
 * that visit asks whether it was done.
 * @example isLapsed({ until: '2026-12-03' }, '2026-12-05') // true
 */
export function isLapsed(step: { until?: string }, date: string): boolean {
  return step.until !== undefined && date > step.until;
}

/** When an open step falls due, seen from `today`: what the checklist says beside its date. */
export function dueWhen(step: { state: StepState; due: string }, today: string): 'overdue' | 'today' | 'later' {
  return isOverdue(step, today) ? 'overdue' : step.due === today ? 'today' : 'later';
}

/**
 * An account has an overdue step when the earliest due date of its open steps (the store's
 * `nextDue`) is before today: the same test as isOverdue, on the one step that decides it.
 */
export function hasOverdueStep(account: { nextDue?: string }, today: string): boolean {
  return account.nextDue !== undefined && isOverdue({ state: 'open', due: account.nextDue }, today);
}

/** Open and overdue steps of a list, counted as every screen counts them. */
export function countSteps(steps: readonly { state: StepState; due: string; account?: string }[], today: string): { open: number; overdue: number; overdueAccounts: number } {
  let open = 0;
  let overdue = 0;
  const accounts = new Set<string | undefined>();
  for (const s of steps) {
    if (!isOpenStep(s)) continue;
    open++;
    if (isOverdue(s, today)) {
      overdue++;
      accounts.add(s.account);
    }
  }
  return { open, overdue, overdueAccounts: accounts.size };
}

/** A step's words in the reader's language, when its playbook says it in that language; else as written. */
export function stepText(step: { text: string; texts?: Partial<Record<'en' | 'zh-CN' | 'zh-TW', string>> }, locale: 'en' | 'zh-CN' | 'zh-TW'): string {
  return step.texts?.[locale] ?? step.text;
}
