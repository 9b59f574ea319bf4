/**
 * `checklist undo` walks back the rep's history of changes by hand: an undo is itself a change,
 * marked with the event it undoes (`undoes` in its data), so the next undo skips both and reaches
 * the change before. Shared by both stores: they differ only in how they read the events.
 */
import type { ChecklistRow, StoredAccountEvent } from './types.js';
import { type EventDb, storedEvent } from './shape.js';

export type ChecklistChange = { id: number; before: ChecklistRow['state']; after: ChecklistRow['state']; event: number };

/** The event as written, marked as the undoing of `undoes` when it is one. */
export function undoMark(e: StoredAccountEvent, undoes: number | undefined): StoredAccountEvent {
  return undoes === undefined ? e : ({ ...e, undoes } as unknown as StoredAccountEvent);
}

/** A walker over the rep's step events, newest first: feed rows until it answers. */
function walker() {
  const undone = new Set<number>();
  return (r: EventDb): ChecklistChange | undefined => {
    const e = storedEvent(r).event; // checked: a damaged row is a StoreError naming the account
    const undoes = (e as { undoes?: unknown }).undoes;
    if (typeof undoes === 'number') {
      undone.add(undoes);
      return undefined;
    }
    if (undone.has(r.id)) return undefined;
    if (e.kind === 'step-closed') return { id: e.stepId, before: 'open', after: e.state, event: r.id };
    if (e.kind === 'step-reopened') return { id: e.stepId, before: e.before, after: 'open', event: r.id };
    return undefined;
  };
}

export function latestNotUndone(rows: Iterable<EventDb>): ChecklistChange | undefined {
  const step = walker();
  for (const r of rows) {
    const found = step(r);
    if (found) return found;
  }
  return undefined;
}

export async function latestNotUndoneAsync(rows: AsyncIterable<EventDb>): Promise<ChecklistChange | undefined> {
  const step = walker();
  for await (const r of rows) {
    const found = step(r);
    if (found) return found;
  }
  return undefined;
}
