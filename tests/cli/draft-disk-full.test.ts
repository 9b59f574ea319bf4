/**
 * Issue 22: a full disk during an interactive `prep --dry-run` ended in "internal error: ENOSPC" (exit 3)
 * at the first answer. The draft is what the disk refuses; the interview goes on without one, said in one
 * line, once. The disk is made full for the drafts folder only (node:fs's writeSync, mocked), and the
 * session is run through main() with a terminal's streams, as a rep runs it.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeTerminal } from '../helpers/terminal.js';
import { describe, expect, it, vi } from 'vitest';

const full = vi.hoisted(() => ({ fds: new Set<number>() }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = ((path: import('node:fs').PathLike, ...rest: unknown[]) => {
    const fd = (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
    if (String(path).includes('.drafts')) full.fds.add(fd);
    return fd;
  }) as typeof fs.openSync;
  const writeSync = ((fd: number, ...rest: unknown[]) => {
    if (full.fds.has(fd)) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    return (fs.writeSync as (...a: unknown[]) => number)(fd, ...rest);
  }) as typeof fs.writeSync;
  const closeSync = ((fd: number) => {
    full.fds.delete(fd);
    return fs.closeSync(fd);
  }) as typeof fs.closeSync;
  return { ...fs, default: { ...fs, openSync, writeSync, closeSync }, openSync, writeSync, closeSync };
});

const { main } = await import('../../src/cli/main.js');

describe('a full disk during an interactive session', () => {
  it('costs the draft, said once, never the interview: no internal error, the session goes on', async () => {
    const home = mkdtempSync(join(tmpdir(), 'sc-disk-full-'));
    const { stdin, stdout, screen } = fakeTerminal();
    const env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1', LANG: 'en_US.UTF-8' };
    const code = main(['prep', '--account', 'Acme', '--dry-run', '--date', '2026-11-26'], { stdin, stdout, stderr: stdout, env, cwd: home } as never);
    const waitFor = async (re: RegExp) => {
      for (let i = 0; i < 250 && !re.test(screen()); i++) await new Promise((r) => setTimeout(r, 20));
      expect(screen(), screen()).toMatch(re);
    };
    await waitFor(/Who do you meet/);
    stdin.write('Wang\r');
    await waitFor(/job title/);
    stdin.write('CFO\r');
    await waitFor(/Where do they stand/);
    stdin.write('\u0003');
    const exit = await Promise.race([code, new Promise((r) => setTimeout(() => r('still running'), 10_000))]);
    expect(screen()).not.toContain('internal error');
    expect(screen().match(/Cannot keep a draft \(the disk is full \(ENOSPC\)\); going on without one/g)?.length).toBe(1);
    expect(exit).toBe(130);
    // and nothing half-written is left in the drafts folder
    const drafts = join(home, 'data', 'sales-coach', 'coach.drafts');
    expect(existsSync(drafts) ? readdirSync(drafts) : []).toEqual([]);
  });
});
