// Runs the CLI from the sources (npm run dev -- ARGS): slower to start than bin/, no build needed.
import { main, reportError } from '../src/cli/entry.js';

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
process.exitCode = await main(process.argv.slice(2), io).catch((err) => reportError(err, io, { debug: true }));
