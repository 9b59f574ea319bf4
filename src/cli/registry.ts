/**
 * Which playbooks exist: the built-in ones shipped in playbooks/, and the user's from a folder (flag,
 * env var or config). A user playbook with the id of a built-in one replaces it; one that `extends`
 * that id builds on the built-in. This is the only place that reads playbook files from disk.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { sanitize } from '../ui/sanitize.js';
import { builtinPlaybooksDir, packageRoot } from './paths.js';

export interface PlaybookEntry {
  id: string;
  file: string;
  origin: 'built-in' | 'user';
}

const YAML_FILE = /\.ya?ml$/i;
const TEST_FILE = /\.test\.ya?ml$/i;

/** As far as peekId reads: the largest playbook the loader reads (MAX_FILE_BYTES, not imported: it would load the YAML reader with the registry). */
const PEEK_LIMIT = 16 * 1024 * 1024;

/** The id an entry file names at its top level (`id: team`), read line by line up to the line that says it, without parsing the YAML. */
export function peekId(file: string): string | undefined {
  let fd: number | undefined;
  try {
    // non-blocking, and only a regular file: a FIFO named like a playbook must not hang the scan
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return undefined;
    // read on until the top-level id: is found, not only the first 4 KB: a playbook whose id: came after
    // a long header comment or its questions was taken for a fragment, validated for its shape only
    // ("✓" over an unknown question) and left out of the playbook folder's list. Each read is searched
    // once, whole lines only (a line cut by the read is carried into the next)
    const decoder = new StringDecoder('utf8');
    const buf = Buffer.alloc(64 * 1024);
    let carry = '';
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, total);
      const last = n < buf.length || total + n >= PEEK_LIMIT;
      let text = carry + decoder.write(buf.subarray(0, n)) + (last ? decoder.end() : '');
      if (total === 0) text = text.replace(/^\uFEFF/, '');
      total += n;
      const end = last ? text.length : text.lastIndexOf('\n') + 1;
      const m = /^id:[ \t]*["']?([A-Za-z][A-Za-z0-9_-]*)["']?[ \t]*(?:#.*)?$/m.exec(text.slice(0, end));
      if (m) return m[1];
      if (last) return undefined;
      carry = text.slice(end);
      // no id: line is this long: keep only that the next read starts mid-line (so its start is no line's start)
      if (carry.length > 4096) carry = '-';
    }
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
