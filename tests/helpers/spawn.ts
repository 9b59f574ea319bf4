/** Spawns the built binary, as a user would run it (npm test builds it first). */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const BIN = join(import.meta.dirname, '../../bin/sales-coach.js');

export function sandbox(): { home: string; env: Record<string, string> } {
  const home = mkdtempSync(join(tmpdir(), 'sc-home-'));
  return { home, env: { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), LANG: 'en_US.UTF-8', NO_COLOR: '1', PATH: process.env.PATH ?? '' } };
}

export function runBin(args: string[], opts: { env?: Record<string, string>; input?: string; cwd?: string; timeoutMs?: number } = {}): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: opts.env ?? sandbox().env, cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 15_000);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/** A scratch folder, and a function that writes a named file into it and returns its path. */
export function scratch(prefix = 'sc-e2e-'): { dir: string; file: (name: string, text: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file: (name, text) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
  };
}

/**
 * Sessions from answers files in one sandbox, each file written from an object: the e2e trials' way
 * of living a rep's days. `out` is stdout with its whitespace folded (a wrapped line reads whole).
 */
export function sessionRunner(): { home: string; env: Record<string, string>; run: (mode: 'prep' | 'debrief', account: string, answers: Record<string, unknown>, date: string, extra?: string[]) => Promise<{ out: string; raw: string; stderr: string }> } {
  const { home, env } = sandbox();
  let n = 0;
  const run = async (mode: 'prep' | 'debrief', account: string, answers: Record<string, unknown>, date: string, extra: string[] = []) => {
    const file = join(home, `s${++n}.json`);
    writeFileSync(file, JSON.stringify({ mode, account, date, answers }));
    const r = await runBin([...extra, mode, '--answers', file], { env });
    expect(r.code, r.stderr).toBe(0);
    return { out: r.stdout.replace(/\s+/g, ' '), raw: r.stdout, stderr: r.stderr };
  };
  return { home, env, run };
}
