/**
 * A session of the built CLI in a real pseudo-terminal (tmux), driven as a rep types: what is on the
 * screen, waiting for a text, keys, the exit code. CI installs tmux (.ci/run).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './spawn.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export function tmuxSession(name: string, env: Record<string, string>, home: string, width = 90) {
  const session = `${name}-${process.pid}`;
  const done = join(home, 'exit-code');
  const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-t', session, '-p', '-S', '-200');
  /** The screen once `text` shows on it `n` times (a question asked again after going back). */
  async function waitForCount(text: string, n: number, timeoutMs = 10_000): Promise<string> {
    const end = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < end) {
      last = screen();
      if (last.split(text).length - 1 >= n) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${JSON.stringify(text)}${n > 1 ? ` ${n} times` : ''}; screen:\n${last}`);
  }
  return {
    screen,
    waitForCount,
    waitFor: (text: string, timeoutMs = 10_000) => waitForCount(text, 1, timeoutMs),
    keys: (...k: string[]) => tmux('send-keys', '-t', session, ...k),
    /** Runs `sales-coach ARGS` in a new session; the exit code is kept for exitCode(). */
    start(args: string): void {
      const vars = Object.entries(env).map(([k, v]) => `${k}='${v}'`).join(' ');
      spawnSync('tmux', ['kill-session', '-t', session]);
      spawnSync('rm', ['-f', done]);
      // killing the last session stops the tmux server; a new session started while it shuts down can
      // fail with "server exited unexpectedly": try again
      for (let attempt = 1; ; attempt++) {
        try {
          tmux('new-session', '-d', '-s', session, '-x', String(width), '-y', '50', `env -i ${vars} TERM=xterm ${process.execPath} ${BIN} ${args}; echo $? > ${done}; sleep 60`);
          return;
        } catch (err) {
          if (attempt === 5) throw err;
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        }
      }
    },
    async exitCode(): Promise<number> {
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        if (existsSync(done)) {
          const text = readFileSync(done, 'utf8').trim();
          if (text) return Number(text);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no exit; screen:\n${screen()}`);
    },
    kill: () => spawnSync('tmux', ['kill-session', '-t', session]),
  };
}
