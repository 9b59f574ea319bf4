/**
 * The engine's events as row changes: the one place that decides what each kind of event does to
 * the checklist's rows, for both databases. The store runs the changes; every kind is named here, so
 * a new kind of event fails to compile until it is decided what it writes.
 */
import type { AccountEvent } from '../engine/account.js';
import { assertNever, type Locale } from '../engine/model.js';

export type StepRowChange =
  /** An open step closes: done or skipped by the rep, or superseded by the account's story. */
  | { kind: 'close'; stepId: number; state: 'done' | 'skipped' | 'superseded' }
  /** A step issued again takes the new session's words and date. */
  | { kind: 'reword'; stepId: number; text: string; texts?: Partial<Record<Locale, string>>; due: string }
  /** A step that prepared the last visit, issued again for this one: the same row, reopened if its visit set it aside, for this visit now. */
  | { kind: 'carry'; stepId: number; text: string; texts?: Partial<Record<Locale, string>>; due: string; until: string; since: string };

/** What an event changes in the steps' rows (besides being recorded as an event, which every event is). */
export function stepRowChange(e: AccountEvent): StepRowChange | undefined {
  switch (e.kind) {
    case 'step-closed':
      return { kind: 'close', stepId: e.stepId, state: e.state };
    case 'step-carried':
      if (e.until !== undefined) return { kind: 'carry', stepId: e.stepId, text: e.text, ...(e.texts ? { texts: e.texts } : {}), due: e.due, until: e.until, since: e.date };
      return e.updated ? { kind: 'reword', stepId: e.stepId, text: e.text, ...(e.texts ? { texts: e.texts } : {}), due: e.due } : undefined;
    // a new step is written from the state's open steps (they carry no id yet), not from its event
    case 'step-opened':
    case 'class-changed':
    case 'signed':
    case 'dropped':
    case 'person-added':
    case 'person-updated':
    case 'facts-updated':
      return undefined;
    default:
      return assertNever(e, 'account event');
  }
}
