// Issue 13 figures: how long `sales-coach lsp` takes from an edit (didChange) to the diagnostics it
// publishes, over stdio as an editor sees it: the built-in playbook (target < 50 ms) and a generated
// 10k-question playbook (target < 500 ms), clean and while an edit leaves a mistake in it (each
// diagnostic then needs a position). Median of several edits. Run: npm run build && node bench/lsp.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bin, fmt, generatePlaybook, median, root } from './lib.mjs';

function client() {
  const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
  let buffer = Buffer.alloc(0);
  let id = 0;
  const pending = new Map();
  const waiters = [];
  child.stdout.on('data', (d) => {
    buffer = Buffer.concat([buffer, d]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
      if (buffer.length < end + 4 + len) return;
      const msg = JSON.parse(buffer.subarray(end + 4, end + 4 + len).toString());
      buffer = buffer.subarray(end + 4 + len);
      if (msg.id !== undefined && !msg.method) pending.get(msg.id)?.(msg.result);
      else if (msg.method === 'textDocument/publishDiagnostics') {
        const w = waiters.findIndex((x) => x.uri === msg.params.uri);
        if (w >= 0) waiters.splice(w, 1)[0].done(msg.params.diagnostics);
      }
    }
  });
  const send = (m) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }));
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  return {
    request: (method, params) => new Promise((done) => { pending.set(++id, done); send({ id, method, params }); }),
    notify: (method, params) => send({ method, params }),
    diagnostics: (uri) => new Promise((done) => waiters.push({ uri, done })),
    close: async () => { await new Promise((done) => { pending.set(++id, done); send({ id, method: 'shutdown', params: null }); }); send({ method: 'exit', params: null }); },
  };
}

/** Opens the file, then times `edits` full-text changes that each touch one line, until diagnostics arrive. */
async function measure(file, edits, edit) {
  const c = client();
  await c.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  c.notify('initialized', {});
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const opened = c.diagnostics(uri);
  const t0 = performance.now();
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const first = await opened;
  const openMs = performance.now() - t0;
  const times = [];
  let last = [];
  for (let i = 0; i < edits; i++) {
    const next = c.diagnostics(uri);
    const start = performance.now();
    c.notify('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: edit(text, i) }] });
    last = await next;
    times.push(performance.now() - start);
  }
  await c.close();
  return { openMs, editMs: median(times), diagnostics: first.length, afterEdit: last.length };
}

// the built-in playbook: edit a question's text in the included questions file, as a trainer would
const questions = join(root, 'playbooks', 'abcd', 'questions.yaml');
const builtin = await measure(questions, 21, (t, i) => t.replace(/text: \{ en: "/, `text: { en: "edit ${i} `));
const verdict = (ms, target) => (ms < target ? 'met' : 'NOT met');
console.log(`lsp, built-in playbook: open ${fmt(builtin.openMs)}, edit -> diagnostics ${fmt(builtin.editMs)} median of 21 (target < 50 ms: ${verdict(builtin.editMs, 50)}); ${builtin.diagnostics} diagnostics`);

const dir = mkdtempSync(join(tmpdir(), 'sc-bench-lsp-'));
const big = join(dir, 'gen-10000.yaml');
writeFileSync(big, generatePlaybook(10000));
const tenK = await measure(big, 7, (t, i) => t.replace('text: "Question 5000?"', `text: "Question 5000, edit ${i}?"`));
console.log(`lsp, 10k-question playbook: open ${fmt(tenK.openMs)}, edit -> diagnostics ${fmt(tenK.editMs)} median of 7 (target < 500 ms: ${verdict(tenK.editMs, 500)}); ${tenK.diagnostics} diagnostics`);
// the same edits, each also comparing q4999 with a value it never takes: an error to place
const broken = await measure(big, 7, (t, i) => t.replace('text: "Question 5000?"', `text: "Question 5000, edit ${i}?"`).replace('{ question: q4999, equals: a }', '{ question: q4999, equals: c }'));
console.log(`lsp, 10k-question playbook, an edit that leaves an error: edit -> diagnostics ${fmt(broken.editMs)} median of 7 (target < 500 ms: ${verdict(broken.editMs, 500)}); ${broken.afterEdit} diagnostic${broken.afterEdit === 1 ? '' : 's'}`);
