#!/usr/bin/env node
// Tiny launcher: loads the compiled CLI and nothing else. Only this file calls process.exit.
import { writeSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps V8's compiled code of the bundle on disk (in the system's temp folder), so a
// command does not compile half a megabyte of JavaScript again at every start; Node 20 has no such
// cache and starts as before
module.enableCompileCache?.();

if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true); // stack traces point into src/

// A write to stdout that fails (a full disk, `> /dev/full`, a reader that went away) must never end
// in exit 0 or a stack trace: the first failure is remembered, said in one line, and the exit is 74
// (EX_IOERR); a reader that closed the pipe (`accounts | head`) had what it wanted: exit 141
// (128 + SIGPIPE) without a word, as `yes | head`, git or ls would.
let outputError;
const onError = (name) => (err) => {
  if (outputError) return;
  outputError = { name, code: err.code ?? err.message };
  if (name === 'stdout') failOutput();
};
process.stdout.on('error', onError('stdout'));
process.stderr.on('error', onError('stderr'));

function failOutput() {
  const { name, code } = outputError;
  if (code === 'EPIPE' && name === 'stdout') process.exit(141);
  const why = code === 'EPIPE' ? 'the reader closed the pipe' : code === 'ENOSPC' ? 'the disk is full' : code;
  try {
    writeSync(2, `sales-coach: cannot write to standard ${name === 'stdout' ? 'output' : 'error'} (${why}); the output is incomplete\n`);
  } catch {
    // stderr is gone too: the exit status is all that is left to say it
  }
  process.exit(code === 'EPIPE' ? 141 : 74);
}

const { main, reportError, closeAll } = await import('../dist/cli.js');

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
let code;
try {
  code = await main(process.argv.slice(2), io);
} catch (err) {
  code = await reportError(err, io, { debug: process.argv.includes('--debug') });
}
// native handles (the database) closed before exit: Node 24 aborts when one is left to its exit hooks
closeAll();
// should the process end on its own while the streams flush, it ends with the right status
process.exitCode = code;
// an empty write's callback runs once everything before it has been written, or with the error that stopped it
const flushed = (stream) =>
  stream.writable && !stream.isTTY ? new Promise((resolve) => stream.write('', (err) => resolve(err))) : Promise.resolve(undefined);
const err = await flushed(process.stdout);
if (err && !outputError) onError('stdout')(err);
if (outputError?.name === 'stdout') failOutput();
await flushed(process.stderr);
process.exit(code);
