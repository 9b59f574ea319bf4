/** Issue 22: --copy with a clipboard tool that never exits ends the session anyway, in one line. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';

vi.mock('clipboardy', () => ({ default: { write: () => new Promise(() => undefined) } }));

it('a clipboard tool that never answers: the session ends, exit 0, one line says so', async () => {
  const h = mkdtempSync(join(tmpdir(), 'sc-copy-'));
  const r = await Promise.race([
    runCli(['prep', '--demo', '--copy'], { env: { HOME: h, XDG_DATA_HOME: join(h, 'data'), SALES_COACH_CLIPBOARD_TIMEOUT_MS: '200' } }),
    new Promise((resolve) => setTimeout(() => resolve('still running'), 5000)),
  ]);
  expect(r).not.toBe('still running');
  const { code, stderr } = r as { code: number; stderr: string };
  expect(code).toBe(0);
  expect(stderr).toContain('Not copied to the clipboard: the clipboard tool did not answer within 0.2 s.');
}, 10_000);
