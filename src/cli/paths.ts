/** Where things live: the package's own files, and the user's config, data and drafts (XDG). */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from '../ui/style.js';

let root: string | undefined;

/** The package root (holding playbooks/ and schema/), from the bundle in dist/ or the sources in src/. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'playbooks')) && existsSync(join(dir, 'package.json'))) {
      root = dir;
      return dir;
    }
    dir = dirname(dir);
  }
  throw new Error('sales-coach: cannot find its own playbooks/ folder; the installation is incomplete');
}

export function builtinPlaybooksDir(): string {
  return join(packageRoot(), 'playbooks');
}

export function schemaFile(): string {
  return join(packageRoot(), 'schema', 'playbook.schema.json');
}

export function configFile(env: Env, flag?: string): string {
  if (flag) return flag;
  if (env.SALES_COACH_CONFIG) return env.SALES_COACH_CONFIG;
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'sales-coach', 'config.yaml');
}

export function dataDir(env: Env): string {
  const base = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'sales-coach');
}
