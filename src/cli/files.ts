/**
 * The CLI's file boundary: every file it writes goes through `writeFileAtomic`, every file it reads
 * through `readFileBounded`. A write that fails (full disk, file-size limit, killed half-way) leaves
 * the previous file as it was; a read never takes more than its limit, whatever the file is.
 */
import { closeSync, constants, fstatSync, fsyncSync, linkSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { said, UserError } from './errors.js';
import type { FileWhat, FsWhy } from '../ui/cli-said.js';

const WHY: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than this system allows',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
};

/** describeFsError's words with the system's code, for the other languages to word it (said.ts's FsWhy). */
export function fsWhy(err: unknown): FsWhy {
  const code = (err as NodeJS.ErrnoException).code;
  return { ...(code ? { code } : {}), text: describeFsError(err) };
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (!code) return (err as Error).message;
  return WHY[code] ? `${WHY[code]} (${code})` : code;
}

/**
 * What writeFileAtomic refuses before writing, said as it says it: a folder in the file's place, or a
 * file that exists without `force`. A command that asks questions first (a session's --out) calls it
 * before the first one, so that the answers are never typed for a file that will be refused.
 * Returns the file's stats when there is one.
 */
export function checkWriteTarget(path: string, opts: { force?: boolean; shown?: string } = {}): import('node:fs').Stats | undefined {
  const shown = opts.shown ?? path;
  let previous: import('node:fs').Stats | undefined;
  try {
    previous = statSync(path);
  } catch {
    // no file yet
  }
  if (previous?.isDirectory()) throw new UserError(said('folderInPlace', { file: shown }), `cannot write ${shown}: it is a folder`, 'give the path of a file');
  if (previous && !opts.force) throw new UserError(said('fileExists', { file: shown }), `${shown} already exists`, 'choose another name, or add --force to overwrite it');
  return previous;
}

/**
 * Writes `text` to a temporary file beside `path` and renames it into place once complete and on
 * disk. Without `force`, an existing file is never replaced (checked atomically by the final link).
 */
export function writeFileAtomic(path: string, text: string, opts: { force?: boolean; shown?: string; mode?: number } = {}): void {
  const shown = opts.shown ?? path;
  const previous = checkWriteTarget(path, opts);
  // not crypto's random bytes (a module that costs a session's start 6 ms): O_EXCL below refuses a
  // name in use, and the pid and this keep writers apart
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(16).slice(2, 14)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, opts.mode ?? (previous ? previous.mode & 0o777 : 0o666));
    const bytes = Buffer.from(text);
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (opts.force) renameSync(tmp, path);
    else {
      try {
        linkSync(tmp, path); // fails with EEXIST if another run made the file meanwhile
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(said('fileExists', { file: shown }), `${shown} already exists`, 'choose another name, or add --force to overwrite it');
        // a file system without hard links: the check above has to do
        renameSync(tmp, path);
      }
    }
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // never created, or already renamed
    }
    if (err instanceof UserError) throw err;
    throw new UserError(said('cannotWrite', { file: shown, why: fsWhy(err), kept: previous !== undefined }), `cannot write ${shown}: ${describeFsError(err)}`, previous ? `${shown} was left as it was` : undefined);
  }
  try {
    unlinkSync(tmp);
  } catch {
    // renamed into place: nothing left behind
  }
}

/**
 * Reads a regular file, refusing devices, FIFOs and sockets before opening it (a FIFO would block the
 * open) and anything over `maxBytes` while reading, so `/dev/zero` or a 10 GB file costs nothing.
 */
export function readFileBounded(path: string, maxBytes: number, what: FileWhat): Buffer {
  const st = statSync(path); // ENOENT and friends go to the caller, which knows how to name the file
  if (st.isDirectory()) throw Object.assign(new Error(`${what} ${path} is a folder`), { code: 'EISDIR' });
  if (!st.isFile()) throw new UserError(said('notRegularFile', { what, path, kinds: true }), `${what} ${path} is not a regular file (a device, a pipe or a socket)`, 'give the path of an ordinary file');
  if (st.size > maxBytes) throw new UserError(said('fileTooLarge', { what, path, size: mb(st.size), limit: mb(maxBytes) }), `${what} ${path} is too large (${mb(st.size)}; the limit is ${mb(maxBytes)})`, 'is it the right file?');
  // O_NONBLOCK: had the file been swapped for a FIFO since the stat, the open must not hang
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new UserError(said('notRegularFile', { what, path, kinds: false }), `${what} ${path} is not a regular file`, 'give the path of an ordinary file');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new UserError(said('fileTooLarge', { what, path, limit: mb(maxBytes) }), `${what} ${path} is too large (over ${mb(maxBytes)})`, 'is it the right file?');
      chunks.push(buf.subarray(0, n));
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

function mb(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(n >= 10 << 20 ? 0 : 1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Limits, generous for what a person writes by hand or a CRM exports. */
export const LIMITS = {
  playbook: 4 << 20,
  answers: 1 << 20,
  config: 256 << 10,
  // a CSV import streams (memory stays flat): the bound is what a CRM export can be, about 10M rows
  csv: 2 * 1024 * 1024 * 1024,
} as const;
