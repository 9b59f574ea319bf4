/**
 * The one path from a session's result to the store: read the account's state, let the engine say
 * what the visit means (applyVisit), persist the new state and the events. Sessions, imports of
 * visits and the tests all record a visit through here.
 */
import { type AccountEvent, type AccountState, applyVisit, emptyAccount, habitAnswers, type StepDecision } from '../engine/account.js';
import type { CoachingResult } from '../engine/evaluate.js';
import type { Playbook } from '../playbook/types.js';
import type { Store } from '../store/types.js';

export interface Recorded {
  state: AccountState;
  events: AccountEvent[];
  visitId: number;
  /** Kept on this machine: the team database could not be reached (sent by the next command that reaches it). */
  pending?: boolean;
}

export async function recordVisit(store: Store, pb: Playbook, account: string, result: CoachingResult, opts: { at: string; stepDecisions?: Record<number, StepDecision>; state?: AccountState; playbookSource?: string; applied?: { state: AccountState; events: AccountEvent[] } }): Promise<Recorded> {
  // a session that already applied the visit (to show the class move) hands its result over
  const { state, events } =
    opts.applied ?? applyVisit(pb, opts.state ?? (await store.accountState(account)) ?? emptyAccount(account), { result, ...(opts.stepDecisions ? { stepDecisions: opts.stepDecisions } : {}) });
  const person = pb.roles.person ? result.answers[pb.roles.person] : undefined;
  const { visitId, pending } = await store.saveVisit({
    account,
    visit: { mode: result.mode, date: result.visitDate, playbookId: pb.id, playbookHash: pb.hash, ...(typeof person === 'string' && person.trim() ? { person: person.trim() } : {}), answers: result.answers, result, habitAnswers: habitAnswers(pb, result.answers) },
    state,
    events,
    at: opts.at,
    ...(opts.playbookSource ? { playbookSource: opts.playbookSource } : {}),
  });
  return { state, events, visitId, ...(pending ? { pending } : {}) };
}
