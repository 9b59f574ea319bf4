/** Bad option values are usage errors (exit 2) that say what was expected; never exit 3. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('option values', () => {
  it.each([
    { args: ['accounts', '--today', 'xyz'], expected: 'expected a calendar date YYYY-MM-DD between 1900 and 2200' },
    { args: ['accounts', '--today', '2026-02-30'], expected: 'expected a calendar date YYYY-MM-DD' },
    { args: ['accounts', '--today', '99999-01-01'], expected: 'expected a calendar date YYYY-MM-DD' },
    { args: ['checklist', '--today', '3000-01-01'], expected: 'between 1900 and 2200' },
    { args: ['accounts', '--since', '99999999999d'], expected: 'expected a period such as 7d, 2w or 1m' },
    { args: ['accounts', '--since', '2026-13-01'], expected: 'expected a period such as 7d, 2w or 1m' },
    { args: ['accounts', '--limit', '1e300'], expected: 'expected a whole number from 1 to 999999' },
    { args: ['accounts', '--limit', '0'], expected: 'expected a whole number' },
    { args: ['debrief', '--date', '1800-01-01'], expected: 'between 1900 and 2200' },
    { args: ['prep', '--date', '2026-02-30'], expected: 'expected a calendar date' },
  ])('$args: exit 2, "$expected"', async ({ args, expected }) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
    expect(r.stderr).not.toContain('internal error');
  });

  it('a date in an answers file outside 1900-2200 is refused where it is written', async () => {
    const r = await runCli(['debrief', '--dry-run', '--answers', '-'], { stdin: 'mode: debrief\ndate: 9999-12-31\nanswers: {}\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<stdin>:2:\d+/);
  });
});
