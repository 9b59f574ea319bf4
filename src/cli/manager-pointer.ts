/**
 * A manager on a team database has no accounts or steps of their own: `accounts`, `checklist` and
 * `today` read the user's own rows and were empty for them with no word of where their reps' are.
 * When such a screen is empty for a user who manages reps, one line says where to look.
 */
import type { Locale } from '../playbook/types.js';
import { isTeamStore, type Store } from '../store/types.js';

export async function managerPointer(store: Store, locale: Locale): Promise<string | undefined> {
  if (!isTeamStore(store)) return undefined;
  const reps = await store.managedReps();
  if (reps.length === 0) return undefined;
  const { VIEW_MESSAGES } = await import('../ui/views/messages.js');
  return VIEW_MESSAGES[locale].youManage(reps.length);
}
