/**
 * Inputs are bounded before they are read: devices, FIFOs and huge files are refused unread, an
 * idle standard input ends in an error (not a hang), includes stay in the playbook's folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sc-bounded-'));
const fifo = join(dir, 'fifo.yaml');
execFileSync('mkfifo', [fifo]);
const huge = join(dir, 'huge.yaml');
writeFileSync(huge, '');
truncateSync(huge, 10 * 1024 ** 3); // 10 GB, sparse: nothing is written to disk
const data = { XDG_DATA_HOME: join(dir, 'data') };

/**
 * Runs a command with flat memory, or the test fails: a device or a huge file read before it is refused
 * shows in the memory. A hang is caught by the test's own timeout (not a wall-clock bound of our own,
 * which a busy machine failed at 1.0-1.2 s with nothing read).
 */
async function quick(args: string[]) {
  const heap = process.memoryUsage().rss;
  const r = await runCli(args, { cwd: dir, env: data });
  expect(process.memoryUsage().rss - heap).toBeLessThan(64 * 1024 * 1024);
  return r;
}

describe('every file read is bounded', () => {
  it.each([
    ['answers file /dev/zero', ['debrief', '--dry-run', '--answers', '/dev/zero'], 'the answers file /dev/zero is not a regular file'],
    ['answers file FIFO', ['debrief', '--dry-run', '--answers', fifo], `the answers file ${fifo} is not a regular file`],
    ['answers file of 10 GB', ['debrief', '--dry-run', '--answers', huge], 'is too large (10240 MB; the limit is 16 MB)'],
    ['config /dev/zero', ['--config', '/dev/zero', 'accounts'], 'the config file /dev/zero is not a regular file'],
    ['config FIFO', ['--config', fifo, 'accounts'], 'is not a regular file'],
    ['CSV /dev/zero', ['import', '--csv', '/dev/zero'], 'the CSV file /dev/zero is not a regular file'],
    ['CSV of 10 GB', ['import', '--csv', huge], 'is too large'],
  ])('%s: exit 2, said in one line', async (_, args, expected) => {
    const r = await quick(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
  });

  it.each([
    ['FIFO', fifo, 'not a regular file (a device, a pipe or a socket)'],
    ['10 GB file', huge, 'the file is 10240.0 MB; a playbook file may be at most 16 MB'],
  ])('playbook validate on a %s: a finding, not a hang', async (_, file, expected) => {
    const r = await quick(['playbook', 'validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(expected);
  });

  it('playbook test on a FIFO named like a test file: an error, not a hang', async () => {
    const testFifo = join(dir, 'x.test.yaml');
    execFileSync('mkfifo', [testFifo]);
    const r = await quick(['playbook', 'test', testFifo]);
    expect(r.code).toBe(2);
  });

  it('playbook includes stay in the playbook folder; the outside file is never read into a diagnostic', async () => {
    const d = mkdtempSync(join(tmpdir(), 'sc-include-'));
    mkdirSync(join(d, 'pb'));
    writeFileSync(join(d, 'secret.yaml'), 'questions: [ "TOP SECRET value"\n');
    writeFileSync(join(d, 'pb', 'main.yaml'), 'id: leaky\ntitle: Leaky\ninclude:\n  - ../secret.yaml\n  - /dev/zero\n');
    const r = await quick(['playbook', 'validate', join(d, 'pb', 'main.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`../secret.yaml is outside the playbook's folder ${join(d, 'pb')}; it was not read`);
    expect(r.stderr).toContain("/dev/zero is outside the playbook's folder");
    expect(r.stderr).not.toContain('TOP SECRET');
  });
});

describe('standard input', () => {
  it('left open with nothing on it: a clear error after the wait, never a hang', async () => {
    const stdin = new PassThrough(); // never written, never ended
    const out = { text: '', isTTY: false, write(s: string) { this.text += s; return true; } };
    const err = { text: '', isTTY: false, write(s: string) { this.text += s; return true; } };
    const started = Date.now();
    const code = await main(['debrief', '--dry-run', '--no-input'], { stdin, stdout: out, stderr: err, env: { HOME: dir, NO_COLOR: '1', SALES_COACH_STDIN_TIMEOUT_MS: '300', ...data }, cwd: dir });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(code).toBe(2);
    expect(err.text).toContain('standard input stayed open with nothing on it for 0.3 s; nothing was run');
  });
});

describe('names', () => {
  it.each(['', '   ', '\u001b[2J'])('a blank account name %j is refused (exit 2), nothing saved', async (name) => {
    const r = await runCli(['debrief', '--account', name, '--answers', '-'], { cwd: dir, env: data, stdin: 'mode: debrief\nanswers: {}\n' });
    expect(r.code).toBe(2);
    // an escape sequence is refused before it is found blank: it holds a control character
    expect(r.stderr).toMatch(/is blank|holds a control character/);
  });

  it('answers-file errors speak of answers files, not playbooks', async () => {
    const r = await runCli(['debrief', '--dry-run', '--answers', '-'], { cwd: dir, env: data, stdin: '# only a comment\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected an answers file (a mapping with mode:, account:, answers: …)');
    expect(r.stderr).not.toMatch(/playbook/i);
  });
});
