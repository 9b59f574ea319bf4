/** Wrapping by display width: the ASCII fast path must agree with what a terminal shows. */
import { describe, expect, it } from 'vitest';
import stringWidthOf from 'string-width';
import { hanging, stringWidth, wrap } from '../../src/ui/layout.js';

const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidthOf(l)));

describe('wrap', () => {
  it('keeps the spacing of a line that wraps, and never goes past the width', () => {
    const text = 'Pipeline  A 20048   B 19988   C 19988   D 19988   Provisional 19988   (100000 accounts)';
    const out = hanging('Pipeline  ', text.slice('Pipeline  '.length), 60);
    expect(out.split('\n')).toEqual(['Pipeline  A 20048   B 19988   C 19988   D 19988', '          Provisional 19988   (100000 accounts)']);
    expect(widest(out)).toBeLessThanOrEqual(60);
  });

  it('measures colour codes as nothing, and cuts a word longer than the line', () => {
    expect(stringWidth('\u001b[1mAcme\u001b[22m')).toBe(4);
    const out = wrap(`see ${'x'.repeat(50)} now`, 20);
    expect(widest(out)).toBeLessThanOrEqual(20);
    expect(out.replace(/\n/g, '')).toContain('x'.repeat(50).slice(0, 20));
  });

  it('Chinese text takes two columns a character and still fits', () => {
    const out = wrap('带上同类型项目的成功案例：它能降低客户的工作难度，是客户最看重的资源', 30, '  ');
    expect(widest(out)).toBeLessThanOrEqual(30);
    expect(stringWidth('中文ab')).toBe(6);
  });
});
