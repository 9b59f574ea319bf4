/**
 * Where a draft is kept, apart from the journal's reader (zod): the first question of a session
 * (first-question.ts) looks for a draft before anything else is loaded.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { Mode } from '../engine/model.js';
import { nameKey } from '../engine/names.js';
import { sha256Hex } from '../core/hash.js';

/** The same normalisation as the store's account names: "ACME" and "Acme" share one draft. */
export function draftKey(mode: Mode, account?: string): string {
  return `${mode}:${account ? nameKey(account) : ''}`;
}

/** coach.db -> coach.drafts/ beside it. */
export function draftsDirFor(dbPath: string): string {
  return join(dirname(dbPath), `${basename(dbPath, extname(dbPath)) || 'coach'}.drafts`);
}

/** The file of the draft with this key in the journal folder `dir`. */
export function draftFileIn(dir: string, key: string): string {
  return join(dir, `${sha256Hex(key).slice(0, 24)}.json`);
}
