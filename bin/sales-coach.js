#!/usr/bin/env node
// Tiny launcher: loads the compiled CLI and nothing else. Only this file calls process.exit.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true); // stack traces point into src/
// `sales-coach accounts | head`: the reader went away; stop quietly, as Unix tools do
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
const { main, reportError } = await import('../dist/cli.js');

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
let code;
try {
  code = await main(process.argv.slice(2), io);
} catch (err) {
  code = reportError(err, io, { debug: process.argv.includes('--debug') });
}
// let pending writes to a pipe drain before exiting
process.exitCode = code;
if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
