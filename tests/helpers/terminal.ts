/** A terminal for `main` in-process: a TTY stdin the test writes keys to, and a TTY stdout it reads. */
import { PassThrough, Writable } from 'node:stream';

export function fakeTerminal(columns = 100) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  let text = '';
  // a terminal is never ended by a prompt that finishes (a PassThrough piped from inquirer's output is)
  const write = (chunk: Buffer, _enc: unknown, done: () => void) => {
    text += chunk;
    done();
  };
  const stdout = Object.assign(new Writable({ write }), { isTTY: true, columns, end: () => stdout });
  return { stdin, stdout, screen: () => text };
}
