/**
 * Drafts of interrupted interviews, kept in the store and written synchronously after every answer,
 * because a kill from outside ends the process before any handler runs.
 */
import type { Answers } from '../engine/answers.js';
import type { Mode } from '../playbook/types.js';
import type { Store } from '../store/types.js';

export interface Draft {
  version: 1;
  mode: Mode;
  account?: string;
  playbook: string;
  date: string;
  lang: string;
  answers: Answers;
  order: string[];
  savedAt: string;
}

function key(mode: Mode, account?: string): string {
  return `${mode}:${account ? account.normalize('NFKC').trim().toLowerCase() : ''}`;
}

export class DraftStore {
  constructor(private readonly store: Store) {}

  save(draft: Draft): void {
    this.store.saveDraft(key(draft.mode, draft.account), draft.mode, draft.account, draft, draft.savedAt);
  }

  /** The draft for this account, or, with no account, the most recent draft of this mode. */
  find(mode: Mode, account?: string): Draft | undefined {
    const d = this.store.findDraft(account ? key(mode, account) : undefined, mode) as Draft | undefined;
    return d?.version === 1 && typeof d.answers === 'object' ? d : undefined;
  }

  remove(mode: Mode, account?: string): void {
    this.store.removeDraft(key(mode, account));
  }
}
