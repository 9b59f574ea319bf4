/**
 * Drafts of interrupted interviews. Written synchronously after every answer (write to a temporary
 * file, then rename), because a kill from outside ends the process before any handler runs.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answers } from '../engine/answers.js';
import type { Mode } from '../playbook/types.js';
import type { Env } from '../ui/style.js';
import { draftsDir } from './paths.js';

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

function slug(account: string | undefined): string {
  if (!account) return '_';
  // readable where possible, unique always: the name's letters plus a short hash of the whole name
  let h = 0;
  for (const ch of account) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) >>> 0;
  const readable = account.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).toLowerCase();
  return `${readable || 'account'}-${h.toString(36)}`;
}

export class DraftStore {
  constructor(private readonly dir: string) {}

  static forEnv(env: Env): DraftStore {
    return new DraftStore(draftsDir(env));
  }

  path(mode: Mode, account?: string): string {
    return join(this.dir, `${mode}-${slug(account)}.json`);
  }

  save(draft: Draft): void {
    mkdirSync(this.dir, { recursive: true });
    const file = this.path(draft.mode, draft.account);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(draft, null, 2)}\n`);
    renameSync(tmp, file);
  }

  /** The draft for this account, or, with no account, the most recent draft of this mode. */
  find(mode: Mode, account?: string): Draft | undefined {
    if (account) return this.read(this.path(mode, account));
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => n.startsWith(`${mode}-`) && n.endsWith('.json'));
    } catch {
      return undefined;
    }
    const newest = names.map((n) => join(this.dir, n)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    return newest ? this.read(newest) : undefined;
  }

  remove(mode: Mode, account?: string): void {
    rmSync(this.path(mode, account), { force: true });
  }

  private read(file: string): Draft | undefined {
    try {
      const d = JSON.parse(readFileSync(file, 'utf8')) as Draft;
      return d.version === 1 && typeof d.answers === 'object' ? d : undefined;
    } catch {
      return undefined;
    }
  }
}
