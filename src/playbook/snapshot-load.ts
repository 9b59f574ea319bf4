/** A kept playbook (snapshot.ts) loaded again by the normal loader, from its text alone. */
import { loadPlaybook, type PlaybookHost } from './load.js';
import type { Snapshot } from './snapshot.js';
import type { Playbook } from './types.js';

/** The playbook a snapshot holds, if it loads without an error and is the one of `hash`. */
export function loadSnapshot(source: string, hash: string): Playbook | undefined {
  let s: Snapshot;
  try {
    s = JSON.parse(source) as Snapshot;
    if (typeof s?.entry !== 'string' || typeof s.files !== 'object' || !Array.isArray(s.ids)) return undefined;
  } catch {
    return undefined;
  }
  const host: PlaybookHost = {
    read: (file) => (Object.hasOwn(s.files, file) && typeof s.files[file] === 'string' ? Buffer.from(s.files[file], 'utf8') : undefined),
    // a playbook that extends the one it replaces (same id) finds the other one
    findById: (id, fromFile) => s.ids.find(([i, f]) => i === id && f !== fromFile)?.[1],
  };
  const r = loadPlaybook(s.entry, host);
  if (!r.playbook || r.diagnostics.some((d) => d.severity === 'error') || r.playbook.hash !== hash) return undefined;
  return r.playbook;
}
