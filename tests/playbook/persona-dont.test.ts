/** A persona's Don't list holds only what not to do: "ask plainly" stood under it and read "Don't − ask plainly" (rep's trial). */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

type Item = { id?: string; text?: { en: string; 'zh-CN'?: string }; en?: string; 'zh-CN'?: string };
const personas = (parse(readFileSync(new URL('../../playbooks/abcd/personas.yaml', import.meta.url), 'utf8')) as { personas: { id: string; do?: Item[]; dont?: Item[] }[] }).personas;
const words = (x: Item) => x.text ?? (x as { en: string; 'zh-CN'?: string });

describe("the built-in personas' Don't lists", () => {
  it('every item says what not to do, in English and in Chinese', () => {
    for (const p of personas)
      for (const x of p.dont ?? []) {
        expect(words(x).en, `${p.id}: ${words(x).en}`).toMatch(/^(Do not|Don't|No |Never|Avoid)/);
        expect(words(x)['zh-CN'], `${p.id}: ${words(x)['zh-CN']}`).toMatch(/不要|别|避免|绝不|^不/);
      }
  });

  it("the thinker's 'ask plainly, with the evidence in hand' is a thing to do", () => {
    const thinker = personas.find((p) => p.id === 'thinker');
    expect(thinker?.do?.map((x) => x.id)).toContain('thinker_ask_plainly');
    expect(thinker?.dont?.map((x) => x.id)).not.toContain('thinker_ask_plainly');
  });
});
