/**
 * Loading a playbook from its files, with the registry resolving `extends`. Kept apart from the
 * registry so that a session served from the cache never loads the parser and zod.
 */
import { realpathSync, statSync } from 'node:fs';
import type { Diagnostic } from '../core/diagnostic.js';
import { MAX_FILE_BYTES, tooLarge } from '../core/yaml-source.js';
import { UserError } from './errors.js';
import { readFileBounded } from './files.js';
import { resolve } from 'node:path';
import { loadPlaybook, type LoadResult, type PlaybookHost } from '../playbook/load.js';
import type { PlaybookRegistry } from './registry.js';

/** A playbook file's bytes, bounded while reading; a diagnostic for what is refused unread. */
export function readPlaybookBytes(path: string): Uint8Array | undefined | Diagnostic {
      try {
        const st = statSync(path);
        // refused unread: a FIFO would block, /dev/zero never ends, a 10 GB file would fill memory
        if (!st.isFile()) return { file: path, line: 0, col: 0, code: 'file-not-found', severity: 'error', message: `cannot read ${path}: not a regular file (a device, a pipe or a socket)` };
        if (st.size > MAX_FILE_BYTES) return tooLarge(path, st.size);
        return readFileBounded(path, MAX_FILE_BYTES, 'the playbook');
      } catch (err) {
        if (err instanceof UserError) return { file: path, line: 0, col: 0, code: 'file-too-large', severity: 'error', message: err.message };
        return undefined;
      }
}

export function loadPlaybookFile(registry: PlaybookRegistry, file: string): LoadResult {
  const host: PlaybookHost = {
    read: readPlaybookBytes,
    realpath: (path) => {
      try {
        return realpathSync(path);
      } catch {
        return path; // not there: reported as missing where it is included
      }
    },
    // a user playbook that extends the built-in it replaces must find the built-in, not itself
    findById: (id, fromFile) => {
      const self = registry.entries.find((e) => e.file === fromFile);
      return registry.find(id, self?.id === id ? self.file : undefined)?.file;
    },
  };
  return loadPlaybook(resolve(file), host);
}
