/** Issue 22: the language server's input is a boundary: its files, and the stream the editor writes. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runLanguageServer } from '../../src/lsp/server.js';
import { Workspace } from '../../src/lsp/workspace.js';
import { BIN, sandbox } from '../helpers/spawn.js';

const frame = (m: object) => {
  const s = JSON.stringify(m);
  return `Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`;
};
const INIT = frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

describe('the stream the editor writes', () => {
  it.each([
    ['ends after initialize', ''],
    ['ends mid-message (a Content-Length larger than what follows)', 'Content-Length: 100\r\n\r\n{"jsonrpc"'],
    ['carries a message that is neither request nor notification, then ends', 'Content-Length: 2\r\n\r\n{}'],
    ['carries a header without Content-Length, then ends', 'Hello: x\r\n\r\n{}'],
  ])('%s: the server ends (exit 1, no shutdown), in one line at most, never a stack', async (_name, tail) => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    stdout.resume();
    const log: string[] = [];
    const done = runLanguageServer({ stdin, stdout, cwd: tmpdir(), findById: () => undefined, log: (l) => log.push(l) });
    stdin.write(INIT);
    await new Promise((r) => setTimeout(r, 50));
    stdin.end(tail);
    const code = await Promise.race([done, new Promise((r) => setTimeout(() => r('still running'), 3000))]);
    expect(code).toBe(1);
    for (const l of log) expect(l).not.toMatch(/\n|at .*\.[jt]s:\d+/);
  });
});

describe('the files it reads: regular files only, bounded, as playbook validate reads them', () => {
  it('a symlink to /dev/zero and a FIFO named pipe.yaml are not read (no hang, no endless read)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-lsp-files-'));
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    writeFileSync(join(dir, 'part.yaml'), 'questions: []\n');
    const ws = new Workspace(() => undefined);
    expect(ws.textOf(join(dir, 'zero.yaml'))).toBeUndefined();
    expect(ws.textOf(join(dir, 'pipe.yaml'))).toBeUndefined();
    // finding the playbook a part belongs to reads every *.yaml beside it: the FIFO must not block it
    expect(ws.entryOf(join(dir, 'part.yaml'))).toBe(join(dir, 'part.yaml'));
    const a = ws.analyse(join(dir, 'zero.yaml'));
    expect(a.result.playbook).toBeUndefined();
  });
});

describe('the built binary: sales-coach lsp as an editor starts it', () => {
  // the in-process tests above miss what only the real process shows: the console the protocol
  // library writes a malformed message to, the minified bundle in a stack trace, an exit that never comes
  const run = (input: string) => {
    const r = spawnSync(process.execPath, [BIN, 'lsp', '--stdio'], { input, encoding: 'utf8', timeout: 15_000, env: sandbox().env });
    return { code: r.status, signal: r.signal, stderr: r.stderr, stdout: r.stdout };
  };
  it.each([
    ['a malformed message (Content-Length: 2, then {})', 'Content-Length: 2\r\n\r\n{}'],
    ['input ending mid-message (a Content-Length larger than what follows)', 'Content-Length: 100\r\n\r\n{"jsonrpc"'],
    ['a header without Content-Length', 'Hello: x\r\n\r\n{}'],
  ])('%s: the process exits, with one log line at most and no stack', (_name, tail) => {
    const r = run(INIT + tail);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeLessThanOrEqual(1);
    expect(r.stderr).not.toMatch(/\bat .*[\\/].*:\d+:\d+|Error: |function\s*\(|=>/);
    expect(r.stderr.length).toBeLessThan(400);
    expect(r.stdout).not.toMatch(/\bat .*:\d+:\d+/);
  });
});
