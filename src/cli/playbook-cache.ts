/**
 * A rep's session should not re-parse and re-check a playbook that has not changed: the resolved
 * playbook is kept as JSON in the cache folder, keyed by the playbooks known, and used only while
 * every file it came from is unchanged (path, size, modification time). Trainers' commands
 * (validate, show, test) always load from the files.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '../core/hash.js';
import type { LoadResult } from '../playbook/load.js';
import type { Playbook } from '../playbook/types.js';
import type { Env } from '../ui/style.js';
import type { PlaybookRegistry } from './registry.js';
import { VERSION } from './version.js';

interface Stamp {
  path: string;
  size: number;
  mtimeMs: number;
}

interface Entry {
  files: Stamp[];
  playbook: Omit<Playbook, 'origins' | 'brokenIds'>;
}

export function cacheDir(env: Env): string {
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'sales-coach', 'playbooks');
}

function stamp(path: string): Stamp | undefined {
  try {
    const st = statSync(path);
    return { path, size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  }
}

/** Bumped when what a resolved playbook holds changes (3: roles; zh-TW filled in at load). */
const CACHE_FORMAT = 3;

export async function loadPlaybookCached(registry: PlaybookRegistry, file: string, env: Env): Promise<LoadResult> {
  const key = sha256Hex(`${VERSION}\0${CACHE_FORMAT}\0${file}\0${registry.entries.map((e) => `${e.id}=${e.file}`).join('\n')}`).slice(0, 24);
  const path = join(cacheDir(env), `${key}.json`);
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as Entry;
    const fresh = entry.files.every((f) => {
      const now = stamp(f.path);
      return now !== undefined && now.size === f.size && now.mtimeMs === f.mtimeMs;
    });
    if (fresh) return { playbook: { ...entry.playbook, origins: new Map(), brokenIds: new Set() }, diagnostics: [], sources: new Map() };
  } catch {
    // no cache yet, or an unreadable one: load from the files
  }
  const { loadPlaybookFile } = await import('./playbook-files.js');
  const result = loadPlaybookFile(registry, file);
  const pb = result.playbook;
  if (pb && result.diagnostics.length === 0) {
    const files = pb.files.map(stamp);
    if (files.every((f): f is Stamp => f !== undefined)) {
      const { origins: _o, brokenIds: _b, ...rest } = pb;
      try {
        mkdirSync(cacheDir(env), { recursive: true });
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ files, playbook: rest } satisfies Entry));
        renameSync(tmp, path);
      } catch {
        // best effort: a read-only cache folder only costs speed
      }
    }
  }
  return result;
}
