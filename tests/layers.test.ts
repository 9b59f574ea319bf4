/** The unit layer stands alone (issue 21): no server of its own, and a golden file is never made up. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { expectGolden } from './helpers/golden.js';

describe('test layers', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('a unit run starts no PostgreSQL (its global setup, which may add a system user, belongs to store and e2e)', () => {
    expect(inject('pgPort')).toBeUndefined();
    expect(inject('pgUrl')).toBeUndefined();
  });

  it('a missing golden file fails the test and is not written', () => {
    vi.stubEnv('UPDATE_GOLDEN', '');
    const file = join(mkdtempSync(join(tmpdir(), 'sc-golden-')), 'missing.out');
    expect(() => expectGolden(file, 'anything')).toThrow(/missing golden file .*missing\.out/);
    expect(existsSync(file)).toBe(false);
  });

  it('UPDATE_GOLDEN=1 writes it', () => {
    vi.stubEnv('UPDATE_GOLDEN', '1');
    const file = join(mkdtempSync(join(tmpdir(), 'sc-golden-')), 'new.out');
    expectGolden(file, 'expected\n');
    expect(existsSync(file)).toBe(true);
    vi.stubEnv('UPDATE_GOLDEN', '');
    expectGolden(file, 'expected\n');
  });
});
