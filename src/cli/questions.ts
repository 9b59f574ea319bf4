/**
 * A manager's questions with their threads, as every screen of a rep tells them (ui/views/team.ts
 * noteViews): a question on the class of an account signed since is history, not open. The signatures
 * are read for the questioned accounts alone, and only when there are some.
 */
import type { StoredEvent, TeamStore } from '../store/types.js';
import type { NoteView } from '../ui/views/team.js';

/** The threads of these notes; `reps`: whose accounts they are (the reader's own when not given). */
export async function threadsOf(store: TeamStore, notes: readonly StoredEvent[], today: string, reps?: string[]): Promise<NoteView[]> {
  const { noteViews, questionedAccounts } = await import('../ui/views/team.js');
  const asked = questionedAccounts(notes);
  const signed = asked.length ? await store.signedAccounts(reps ?? [await store.currentUser()], asked, today) : [];
  return noteViews(notes, signed);
}
