/**
 * A minimal Language Server Protocol client, as an editor is one: it spawns `sales-coach lsp`, frames
 * JSON-RPC messages with Content-Length headers on stdin, and reads responses and notifications back.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { BIN, sandbox } from './spawn.js';

type Json = Record<string, unknown>;

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (msg: Json) => void>();
  readonly notifications: Json[] = [];
  private readonly waiters: { match: (m: Json) => boolean; done: (m: Json) => void }[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(args: string[] = ['lsp', '--stdio'], cwd?: string) {
    this.child = spawn(process.execPath, [BIN, ...args], { env: sandbox().env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (d: Buffer) => this.read(d));
    this.child.stderr.on('data', (d) => (this.stderr += d));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Json;
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (typeof msg.id === 'number' && !('method' in msg)) this.pending.get(msg.id)?.(msg);
      else if ('method' in msg && 'id' in msg) this.send({ jsonrpc: '2.0', id: msg.id, result: null }); // server -> client requests
      else {
        this.notifications.push(msg);
        for (const w of [...this.waiters]) {
          if (w.match(msg)) {
            this.waiters.splice(this.waiters.indexOf(w), 1);
            w.done(msg);
          }
        }
      }
    }
  }

  private send(msg: Json): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request<T = unknown>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (msg) => (msg.error ? reject(new Error(JSON.stringify(msg.error))) : resolve(msg.result as T)));
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next notification that matches (one already received and not yet taken counts too). */
  waitFor(match: (m: Json) => boolean, timeoutMs = 10_000): Promise<Json> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching notification in ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({
        match,
        done: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** The diagnostics the server publishes next for this file. */
  diagnostics(uri: string): Promise<{ range: { start: { line: number; character: number } }; message: string; code: string; severity: number }[]> {
    return this.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as Json).uri === uri).then((m) => (m.params as Json).diagnostics as never);
  }
}
