/**
 * Golden files: the expected output is committed beside the input. A missing golden file fails the
 * run (a test that writes its own expectation proves nothing); UPDATE_GOLDEN=1 writes or rewrites
 * them, for review in the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden file ${file}: write it with UPDATE_GOLDEN=1, then review it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
