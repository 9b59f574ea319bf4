/** The built-in content: every string in en and zh-CN, and nothing unethical slipped in from the seeds. */
import { describe, expect, it } from 'vitest';
import { resolvedDocument } from '../../src/cli/playbook-show.js';
import { builtin } from '../helpers/playbook.js';

const TEXT_KEYS = new Set(['title', 'description', 'text', 'short', 'help', 'findOut', 'label', 'name', 'summary', 'message', 'subtext', 'objective', 'commitment', 'minimum']);
const TEXT_LISTS = new Set(['cues', 'traits', 'do', 'dont']);

function texts(node: unknown, path: string, out: { path: string; value: unknown }[]) {
  if (Array.isArray(node)) node.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (TEXT_KEYS.has(k)) out.push({ path: `${path}.${k}`, value: v });
      else if (TEXT_LISTS.has(k) && Array.isArray(v)) v.forEach((x, i) => (x && typeof x === 'object' && 'id' in x ? texts(x, `${path}.${k}[${i}]`, out) : out.push({ path: `${path}.${k}[${i}]`, value: x })));
      else if (k !== 'when' && k !== 'recognise') texts(v, `${path}.${k}`, out);
    }
  }
  return out;
}

describe('built-in content', () => {
  const all = texts(resolvedDocument(builtin(), process.cwd()), '$', []);

  it('has hundreds of texts, every one in en and zh-CN', () => {
    expect(all.length).toBeGreaterThan(200);
    const missing = all.filter((t) => typeof t.value !== 'object' || t.value === null || !(t.value as Record<string, string>).en || !(t.value as Record<string, string>)['zh-CN']);
    expect(missing).toEqual([]);
  });

  it('writes Chinese with the seeds\' terms (第一KP, not a translation of "first key person")', () => {
    const zh = all.map((t) => (t.value as Record<string, string>)['zh-CN']).join('\n');
    expect(zh).toContain('第一KP');
    expect(zh).toContain('无尾熊');
    expect(zh).toContain('二八规律');
    expect(zh).not.toMatch(/首要关键决策人|关键人物一/);
  });

  it('mentions kickbacks only to rule them out', () => {
    for (const t of all) {
      const v = t.value as Record<string, string>;
      if (/kickback/i.test(v.en)) expect(v.en, t.path).toMatch(/never a kickback/i);
      if (/回扣/.test(v['zh-CN'])) expect(v['zh-CN'], t.path).toMatch(/绝不是回扣/);
    }
  });

  it('has none of the seeds\' unethical advice (hiding orders, gifts to sway colleagues)', () => {
    const joined = all.map((t) => JSON.stringify(t.value)).join('\n');
    expect(joined).not.toMatch(/hide (the )?order|藏单|送礼/i);
  });
});
