/** The built-in playbook, loaded once per test file through the same loader the CLI uses. */
import { loadPlaybookFile } from '../../src/cli/playbook-files.js';
import { PlaybookRegistry } from '../../src/cli/registry.js';
import type { Playbook } from '../../src/playbook/types.js';

let cached: Playbook | undefined;

export function builtin(): Playbook {
  if (cached) return cached;
  const registry = new PlaybookRegistry();
  const r = loadPlaybookFile(registry, registry.find('abcd')?.file as string);
  if (!r.playbook || r.diagnostics.length > 0) throw new Error(`built-in playbook has problems: ${JSON.stringify(r.diagnostics)}`);
  cached = r.playbook;
  return cached;
}
