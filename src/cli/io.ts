/** What a command may touch, passed in so tests can run `main` in-process with fake streams. */
import type { Env, OutputStream } from '../ui/style.js';

export interface IO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: OutputStream;
  stderr: OutputStream;
  env: Env;
  cwd: string;
}

export interface GlobalOptions {
  debug?: boolean;
  color?: boolean;
  lang?: string;
  playbooks?: string;
  config?: string;
  db?: string;
}
