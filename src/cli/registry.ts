/**
 * Which playbooks exist: the built-in ones shipped in playbooks/, and the user's from a folder (flag,
 * env var or config). A user playbook with the id of a built-in one replaces it; one that `extends`
 * that id builds on the built-in. This is the only place that reads playbook files from disk.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { sanitize } from '../ui/sanitize.js';
import { builtinPlaybooksDir, packageRoot } from './paths.js';

export interface PlaybookEntry {
  id: string;
  file: string;
  origin: 'built-in' | 'user';
}

const YAML_FILE = /\.ya?ml$/i;
const TEST_FILE = /\.test\.ya?ml$/i;

/** Reads the first lines only: an entry file names its id at the top level. */
export function peekId(file: string): string | undefined {
  let fd: number | undefined;
  try {
    // non-blocking, and only a regular file: a FIFO named like a playbook must not hang the scan
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return undefined;
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const head = buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '');
    const m = /^id:[ \t]*["']?([A-Za-z][A-Za-z0-9_-]*)["']?[ \t]*(?:#.*)?$/m.exec(head);
    return m?.[1];
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Playbook entry files in a folder (recursively), skipping fragments without an id and test files. */
export function scanFolder(dir: string, origin: PlaybookEntry['origin']): PlaybookEntry[] {
  const out: PlaybookEntry[] = [];
  const walk = (d: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(d, name);
      let st: ReturnType<typeof statSync>;
      try {
        st = statSync(full);
      } catch {
        continue;
      }
      if (st.isDirectory() && depth < 4) walk(full, depth + 1);
      else if (st.isFile() && YAML_FILE.test(name) && !TEST_FILE.test(name)) {
        const id = peekId(full);
        if (id) out.push({ id, file: full, origin });
      }
    }
  };
  walk(dir, 0);
  return out;
}

export class PlaybookRegistry {
  readonly entries: PlaybookEntry[];

  constructor(userDir?: string) {
    const builtin = scanFolder(builtinPlaybooksDir(), 'built-in');
    const user = userDir ? scanFolder(resolve(userDir), 'user') : [];
    // user first: a user playbook with a built-in's id wins
    this.entries = [...user, ...builtin];
  }

  /** The visible playbooks: one per id (a user's replaces the built-in of the same id). */
  list(): PlaybookEntry[] {
    const seen = new Set<string>();
    return this.entries.filter((e) => !seen.has(e.id) && seen.add(e.id));
  }

  find(id: string, notFile?: string): PlaybookEntry | undefined {
    return this.entries.find((e) => e.id === id && e.file !== notFile);
  }
}

/**
 * Paths in messages: relative to the working directory when that is shorter, package files by their
 * package path. A file's name is data too (`x\e]0;title\a.yaml` in the playbook folder): shown
 * through the sanitiser, since every caller prints it.
 */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  if (!rel.startsWith('..')) return sanitize(rel || file);
  const pkg = relative(packageRoot(), file);
  if (!pkg.startsWith('..')) return sanitize(`<sales-coach>/${pkg}`);
  return sanitize(file);
}
