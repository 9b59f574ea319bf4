/**
 * Loading a playbook from its files, with the registry resolving `extends`. Kept apart from the
 * registry so that a session served from the cache never loads the parser and zod.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPlaybook, type LoadResult, type PlaybookHost } from '../playbook/load.js';
import type { PlaybookRegistry } from './registry.js';

export function loadPlaybookFile(registry: PlaybookRegistry, file: string): LoadResult {
  const host: PlaybookHost = {
    read: (path) => {
      try {
        return readFileSync(path);
      } catch {
        return undefined;
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
