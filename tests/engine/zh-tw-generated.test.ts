/** zh-TW is derived from zh-CN at build time; a zh-CN edit without a build must not ship stale zh-TW. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fillRecap } from '../../src/engine/text.js';

describe('generated zh-TW', () => {
  it('is up to date with its zh-CN sources and the override table (run npm run build after changing them)', () => {
    // --check exits 1 and names the stale files
    expect(() => execFileSync(process.execPath, ['scripts/zh-tw.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});

describe('fillRecap', () => {
  const lookup = (known: Record<string, string>) => (name: string) => known[name];

  it('leaves out a sentence whose answer is missing, never sends a gap', () => {
    const t = 'Hello {answers.a}. We differ on {answers.b}. See you. ';
    expect(fillRecap(t, lookup({ 'answers.a': 'Li' }))).toBe('Hello Li. See you.');
  });

  it('splits Chinese sentences at 。 and ；, and keeps placeholders whole even though they hold a dot', () => {
    const t = '{answers.a}您好。还有几点需要沟通：{answers.b}；期待见面！';
    expect(fillRecap(t, lookup({ 'answers.a': '王力' }))).toBe('王力您好。期待见面！');
  });
});
