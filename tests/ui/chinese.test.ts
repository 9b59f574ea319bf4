/**
 * Chinese that reads as written by a person: zh-TW as Taiwan writes it (every generated string checked
 * against the list of wrong forms kept in tests/fixtures/zh-tw-wrong-forms.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface WrongForm {
  wrong?: string;
  pattern?: string;
  right: string;
  except?: string[];
  why: string;
}

const forms: WrongForm[] = JSON.parse(readFileSync('tests/fixtures/zh-tw-wrong-forms.json', 'utf8')).forms;

const CATALOGUES = [
  'src/engine/messages.zh-TW.generated.ts',
  'src/ui/messages.zh-TW.generated.ts',
  'src/ui/views/messages.zh-TW.generated.ts',
  'src/ui/views/stats-messages.zh-TW.generated.ts',
  'src/ui/views/today-messages.zh-TW.generated.ts',
];

/** Every zh-TW text: each line of a generated catalogue that holds Chinese, and every value of the playbook table. */
function zhTWStrings(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const file of CATALOGUES) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/\p{Script=Han}/u.test(line)) out.push({ where: `${file}:${i + 1}`, text: line });
      });
  }
  const table: Record<string, string> = JSON.parse(readFileSync('playbooks/abcd.zh-TW.json', 'utf8'));
  for (const [cn, tw] of Object.entries(table)) out.push({ where: `playbooks/abcd.zh-TW.json "${cn.slice(0, 20)}"`, text: tw });
  return out;
}

/** The wrong forms found in a text (a word of `except` that holds the form is right). */
function wrongFormsIn(text: string): WrongForm[] {
  return forms.filter((f) => {
    let t = text;
    for (const e of f.except ?? []) t = t.split(e).join('');
    return f.pattern !== undefined ? new RegExp(f.pattern, 'u').test(t) : t.includes(f.wrong as string);
  });
}

describe('zh-TW as Taiwan writes it', () => {
  const strings = zhTWStrings();

  it('reads every generated catalogue and the built-in playbook table', () => {
    expect(strings.length).toBeGreaterThan(400);
    expect(forms.length).toBeGreaterThan(40);
  });

  it('no zh-TW string holds a form Taiwan does not write', () => {
    const found = strings.flatMap(({ where, text }) => wrongFormsIn(text).map((f) => `${where}: ${f.wrong ?? f.pattern} (→ ${f.right}: ${f.why})`));
    expect(found).toEqual([]);
  });

  it('catches the forms the trainer flagged, and leaves the right words alone', () => {
    const flagged = ['拜訪前，把總結髮給他', '不籤', '現場籤合同', '性格型別', '瞭解你的物件', '態度：支援', '直屬領導', '客戶靠譜嗎', '拜訪復盤', '二八規律', '說“不”字', '1周~10天'];
    for (const text of flagged) expect(wrongFormsIn(text), text).not.toEqual([]);
    for (const text of ['把總結發給他', '標籤', '現場簽合約', '性格類型', '直屬主管', '80/20 法則', '說「不」字', '周哈里窗', '1週~10天', '頭髮']) expect(wrongFormsIn(text), text).toEqual([]);
  });
});
