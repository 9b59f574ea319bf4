/**
 * A playbook kept with the visits it classified (issue 24): the text of its files, by the paths the
 * loader read them from, and which of them are the playbooks it extends. Loaded again by the normal
 * loader from that text alone, so a reader gets the same playbook (same hash) after the files were
 * moved, edited or deleted; one whose files do not give its hash again is not that playbook, and is
 * not used. Apart from the loader (snapshot-load.ts): a session keeps its playbook without loading the
 * YAML reader.
 */
import type { Playbook } from './types.js';

export interface Snapshot {
  /** The entry file: the one the loader starts from (Playbook.files[0]). */
  entry: string;
  files: Record<string, string>;
  /** [id, file]: the playbooks among the files, for `extends`. */
  ids: [string, string][];
}

/**
 * The playbook's files as one text; undefined when one of them cannot be read now. `ids` are the
 * playbooks by id as the registry knows them (those among the files are kept).
 */
export function snapshotPlaybook(pb: Playbook, read: (file: string) => string | undefined, ids: readonly { id: string; file: string }[]): string | undefined {
  const files: Record<string, string> = {};
  for (const f of pb.files) {
    const text = read(f);
    if (text === undefined) return undefined;
    files[f] = text;
  }
  const snapshot: Snapshot = { entry: pb.files[0], files, ids: ids.filter((e) => e.file in files).map((e) => [e.id, e.file]) };
  return JSON.stringify(snapshot);
}
