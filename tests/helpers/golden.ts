/** Golden files: the expected output is committed beside the input; UPDATE_GOLDEN=1 rewrites them for review. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) throw new Error(`missing golden file ${file}`);
    writeFileSync(file, actual);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
