/**
 * The one path from a session's result to the store: read the account's state, let the engine say
 * what the visit means (applyVisit), persist the new state and the events. Sessions, imports of
 * visits and the tests all record a visit through here.
 */
import { type AccountEvent, type AccountState, applyVisit, emptyAccount, habitAnswers, type StepDecision } from '../engine/account.js';
import type { CoachingResult } from '../engine/evaluate.js';
import type { Playbook } from '../playbook/types.js';
import { AccountChanged, type Store, StoreError, type StoredPlaybook } from '../store/types.js';

export interface Recorded {
  state: AccountState;
  events: AccountEvent[];
  visitId: number;
  /** Kept on this machine: the team database could not be reached (sent by the next command that reaches it). */
  pending?: boolean;
}

/** Saves that may find the account changed (and apply the visit again) before one says so. */
const ATTEMPTS = 100;

export async function recordVisit(
  store: Store,
  pb: Playbook,
  account: string,
  result: CoachingResult,
  opts: { at: string; stepDecisions?: Record<number, StepDecision>; currency?: string; state?: AccountState; playbookSource?: string; playbook?: StoredPlaybook; applied?: { state: AccountState; events: AccountEvent[] }; basedOn?: string },
): Promise<Recorded> {
  const person = pb.roles.person ? result.answers[pb.roles.person] : undefined;
  for (let attempt = 0; ; attempt++) {
    // the first attempt may use what the caller read (a session reads the account when it begins);
    // another save in between makes the store refuse it, and the visit is applied again to the
    // account as it is now: the engine's events are data, nothing is lost or doubled
    const first = attempt === 0;
    const handed = first && (opts.applied !== undefined || opts.state !== undefined);
    // the revision is read before the state: a save in between is then seen as a change, never missed
    const basedOn = handed ? opts.basedOn : await store.accountRevision(account);
    const { state, events } =
      (handed ? opts.applied : undefined) ??
      applyVisit(pb, (handed ? opts.state : undefined) ?? (await store.accountState(account)) ?? emptyAccount(account), { result, ...(opts.stepDecisions ? { stepDecisions: opts.stepDecisions } : {}), ...(opts.currency ? { currency: opts.currency } : {}) });
    try {
      const { visitId, pending } = await store.saveVisit({
        account,
        visit: { mode: result.mode, date: result.visitDate, playbookId: pb.id, playbookHash: pb.hash, ...(typeof person === 'string' && person.trim() ? { person: person.trim() } : {}), answers: result.answers, result, habitAnswers: habitAnswers(pb, result.answers) },
        state,
        events,
        at: opts.at,
        ...(opts.playbookSource ? { playbookSource: opts.playbookSource } : {}),
        ...(opts.playbook ? { playbook: opts.playbook } : {}),
        ...(basedOn !== undefined ? { basedOn } : {}),
      });
      return { state, events, visitId, ...(pending ? { pending } : {}) };
    } catch (err) {
      if (!(err instanceof AccountChanged)) throw err;
      if (attempt + 1 >= ATTEMPTS) throw new StoreError(`the account "${account}" kept changing while this visit was being saved (${ATTEMPTS} tries); nothing was saved`, 'run the session again; its draft is kept', {
          key: 'accountKeptChanging',
          params: { account, tries: ATTEMPTS },
        });
    }
  }
}
