/** Runs the CLI in-process with captured streams: fast, and the same code path as bin/. */
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture {
  text = '';
  isTTY = false;
  columns = 80;
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

export async function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; stdin?: string } = {}): Promise<RunResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = new PassThrough();
  if (opts.stdin !== undefined) stdin.end(opts.stdin);
  else stdin.end();
  const env = { HOME: '/nonexistent-home', NO_COLOR: '1', LANG: 'en_US.UTF-8', ...opts.env };
  const code = await main(args, { stdin, stdout, stderr, env, cwd: opts.cwd ?? process.cwd() });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
