/**
 * sha256 in hex, for the names of cache and draft files. Not from node:crypto: loading that module
 * (with its webcrypto, key generation and certificate parts) costs about 6 ms of a session's start on
 * a slow machine, before the first question, and these names are all it was needed for there. The
 * digest is the same, so files named by an earlier version keep their names.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
