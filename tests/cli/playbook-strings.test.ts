/** `playbook strings export|import`: a playbook's texts out to PO or XLIFF and the translations back in place. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gettext from 'gettext-parser';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** A BANT playbook from the template, with one text made a plain string (as a trainer may write it). */
async function bant(): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'sc-strings-'));
  const r = await runCli(['playbook', 'init', '--from', 'bant', 'team.yaml'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const file = join(dir, 'team.yaml');
  const text = readFileSync(file, 'utf8');
  const plain = text.replace('text: { en: "Do they need what you sell?", zh-CN: "他们需要你卖的东西吗？" }', 'text: "Do they need what you sell?"   # asked of every account');
  expect(plain).not.toBe(text);
  writeFileSync(file, plain);
  return { dir, file };
}

/** Sets msgstr of the entries named by msgctxt, as a translator's tool would. */
function translatePo(po: string, targets: Record<string, string>): string {
  const data = gettext.po.parse(po);
  for (const [ctx, text] of Object.entries(targets)) {
    const entry = Object.values(data.translations[ctx] ?? {})[0];
    expect(entry, ctx).toBeDefined();
    entry.msgstr = [text];
    if (entry.comments) entry.comments.flag = '';
  }
  return gettext.po.compile(data).toString('utf8');
}

describe('playbook strings export', () => {
  it('writes every text as a PO entry: the unit id as msgctxt, the English source, the target text now', async () => {
    const { dir } = await bant();
    const r = await runCli(['playbook', 'strings', 'export', 'team.yaml', '--format', 'po', '--lang', 'zh-CN'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('"Language: zh-CN\\n"');
    expect(r.stdout).toMatch(/#: team\.yaml:\d+\nmsgctxt "questions\/budget\/text"\nmsgid "Is there a budget for this purchase\?"\nmsgstr "这次采购有预算吗？"/);
    // an option is named by its value, not its place in the list
    expect(r.stdout).toContain('msgctxt "questions/authority/options/decides/label"');
    // a plain string is the English source, with nothing yet in zh-CN
    expect(r.stdout).toMatch(/msgctxt "questions\/need\/text"\nmsgid "Do they need what you sell\?"\nmsgstr ""/);
    // placeholders are pointed out to the translator
    expect(r.stdout).toMatch(/#: team\.yaml:\d+\n#\. Keep the placeholders as written: \{answers\.contact_name\}\nmsgctxt "questions\/budget\/findOut"/);
    expect(r.stdout).toContain('msgctxt "title"');
  });

  it('writes XLIFF 1.2 to --out, one trans-unit per text', async () => {
    const { dir } = await bant();
    const r = await runCli(['playbook', 'strings', 'export', 'team.yaml', '--format', 'xliff', '--lang', 'zh-CN', '--out', 'team.xlf'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const x = readFileSync(join(dir, 'team.xlf'), 'utf8');
    expect(x).toContain('version="1.2"');
    expect(x).toContain('source-language="en" target-language="zh-CN"');
    expect(x).toMatch(/<trans-unit id="questions\/budget\/text">\s*<source>Is there a budget for this purchase\?<\/source>\s*<target>这次采购有预算吗？<\/target>/);
    expect(r.stderr).toMatch(/wrote \d+ text\(s\) to team\.xlf/);
  });

  it('zh-TW --from zh-CN pre-fills each target through the built-in conversion, marked fuzzy for review', async () => {
    const { dir } = await bant();
    const r = await runCli(['playbook', 'strings', 'export', 'team.yaml', '--format', 'po', '--lang', 'zh-TW', '--from', 'zh-CN'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/#, fuzzy\nmsgctxt "questions\/budget\/text"\nmsgid "Is there a budget for this purchase\?"\nmsgstr "這次採購有預算嗎？"/);
    const bad = await runCli(['playbook', 'strings', 'export', 'team.yaml', '--format', 'po', '--lang', 'zh-CN', '--from', 'zh-TW'], { cwd: dir });
    expect(bad.code).toBe(2);
  });

  it('refuses a missing --format and an unknown language (exit 2)', async () => {
    const { dir } = await bant();
    expect((await runCli(['playbook', 'strings', 'export', 'team.yaml'], { cwd: dir })).code).toBe(2);
    const r = await runCli(['playbook', 'strings', 'export', 'team.yaml', '--format', 'po', '--lang', 'fr'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot translate into "fr"');
  });
});

describe('playbook strings import', () => {
  it('round trip (PO): translated texts are written in place, comments and layout kept; the playbook validates and shows them', async () => {
    const { dir, file } = await bant();
    const exported = await runCli(['playbook', 'strings', 'export', 'team.yaml', '--format', 'po', '--lang', 'zh-TW'], { cwd: dir });
    const po = translatePo(exported.stdout, {
      'questions/budget/text': '這次採購有預算嗎？',
      'questions/need/text': '他們需要你賣的東西嗎？',
      'questions/budget/findOut': '弄清楚{answers.contact_name}的公司有沒有預算',
      description: '用預算、決策權、需求和時間表評估每個商機。',
    });
    writeFileSync(join(dir, 'team.zh-TW.po'), po);
    const before = readFileSync(file, 'utf8');

    const dry = await runCli(['playbook', 'strings', 'import', 'team.yaml', 'team.zh-TW.po', '--dry-run'], { cwd: dir });
    expect(dry.stdout).toMatch(/would write 4 zh-TW text\(s\)/);
    expect(readFileSync(file, 'utf8')).toBe(before);

    const r = await runCli(['playbook', 'strings', 'import', 'team.yaml', 'team.zh-TW.po'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1); // the other texts are missing
    expect(r.stdout).toMatch(/^missing: questions\/authority\/text \(team\.yaml:\d+\): no zh-TW translation$/m);
    expect(r.stdout).toMatch(/wrote 4 zh-TW text\(s\), 0 unchanged, \d+ missing, 0 stale/);
    const after = readFileSync(file, 'utf8');
    // a flow map gets its new locale inside its braces; a plain string becomes a map, its comment kept
    expect(after).toContain('text: { en: "Is there a budget for this purchase?", zh-CN: "这次采购有预算吗？", zh-TW: "這次採購有預算嗎？" }');
    expect(after).toContain('text: { en: "Do they need what you sell?", zh-TW: "他們需要你賣的東西嗎？" }   # asked of every account');
    // a block map gets a new line, indented like its keys
    expect(after).toMatch(/ {2}zh-CN: "用预算[^\n]*"\n {2}zh-TW: "用預算、決策權、需求和時間表評估每個商機。"\n/);
    // every other line as it was
    const kept = new Set(before.split('\n'));
    expect(after.split('\n').filter((l) => !kept.has(l))).toHaveLength(4); // three lines edited, one added
    expect(after.split('\n')).toHaveLength(before.split('\n').length + 1);
    expect(after.startsWith(before.split('\n').slice(0, 6).join('\n'))).toBe(true);

    const valid = await runCli(['playbook', 'validate', 'team.yaml'], { cwd: dir });
    expect(valid.code, valid.stderr + valid.stdout).toBe(0);
    const shown = await runCli(['playbook', 'show', 'team.yaml', '--json'], { cwd: dir });
    const pb = JSON.parse(shown.stdout) as { questions: { id: string; text: Record<string, string> }[] };
    expect(pb.questions.find((q) => q.id === 'need')?.text).toEqual({ en: 'Do they need what you sell?', 'zh-TW': '他們需要你賣的東西嗎？' });

    // imported again: nothing to write, the same texts reported unchanged
    const again = await runCli(['playbook', 'strings', 'import', 'team.yaml', 'team.zh-TW.po'], { cwd: dir });
    expect(again.stdout).toMatch(/wrote 0 zh-TW text\(s\), 4 unchanged/);
  });

  it('a unit whose English changed since the export is stale: reported at its line, not written (exit 1)', async () => {
    const { dir, file } = await bant();
    const exported = await runCli(['playbook', 'strings', 'export', 'team.yaml', '--format', 'po', '--lang', 'zh-TW'], { cwd: dir });
    const po = translatePo(exported.stdout, { 'questions/budget/text': '這次採購有預算嗎？', 'questions/budget/short': '預算' });
    writeFileSync(join(dir, 'tw.po'), po);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Is there a budget for this purchase?"', '"Is a budget approved for this purchase?"'));
    const r = await runCli(['playbook', 'strings', 'import', 'team.yaml', 'tw.po'], { cwd: dir });
    expect(r.code).toBe(1);
    const line = po.split('\n').indexOf('msgctxt "questions/budget/text"') + 1;
    expect(r.stdout).toContain(`tw.po:${line}:1: stale: questions/budget/text: the English text changed since it was translated: was "Is there a budget for this purchase?", now "Is a budget approved for this purchase?"; not written`);
    expect(r.stdout).toMatch(/wrote 1 zh-TW text\(s\), 0 unchanged, \d+ missing, 1 stale/);
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('short: { en: "budget", zh-CN: "预算", zh-TW: "預算" }');
    expect(after).not.toContain('這次採購有預算嗎？');
  });

  it('a translation that drops a placeholder is not written', async () => {
    const { dir, file } = await bant();
    const exported = await runCli(['playbook', 'strings', 'export', 'team.yaml', '--format', 'po', '--lang', 'zh-TW'], { cwd: dir });
    writeFileSync(join(dir, 'tw.po'), translatePo(exported.stdout, { 'questions/budget/findOut': '弄清楚公司有沒有預算' }));
    const r = await runCli(['playbook', 'strings', 'import', 'team.yaml', 'tw.po'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error: questions\/budget\/findOut: the placeholders differ: the English has \{answers\.contact_name\}, the translation none; not written/);
    expect(readFileSync(file, 'utf8')).not.toContain('弄清楚公司有沒有預算');
  });

  it('round trip (XLIFF): a filled <target> is written back', async () => {
    const { dir, file } = await bant();
    await runCli(['playbook', 'strings', 'export', 'team.yaml', '--format', 'xliff', '--lang', 'zh-TW', '--out', 'tw.xlf'], { cwd: dir });
    const x = readFileSync(join(dir, 'tw.xlf'), 'utf8').replace(
      /(<trans-unit id="questions\/authority\/options\/decides\/label">\s*<source>They decide<\/source>\s*)<target\/>|(<trans-unit id="questions\/authority\/options\/decides\/label">\s*<source>They decide<\/source>\s*)<target><\/target>/,
      (_m, a, b) => `${a ?? b}<target>他拍板</target>`,
    );
    expect(x).toContain('<target>他拍板</target>');
    writeFileSync(join(dir, 'tw.xlf'), x);
    const r = await runCli(['playbook', 'strings', 'import', 'team.yaml', 'tw.xlf'], { cwd: dir });
    expect(r.stdout).toMatch(/wrote 1 zh-TW text\(s\)/);
    expect(readFileSync(file, 'utf8')).toContain('{ value: decides, label: { en: "They decide", zh-CN: "他拍板", zh-TW: "他拍板" }');
    expect((await runCli(['playbook', 'validate', 'team.yaml'], { cwd: dir })).code).toBe(0);
  });

  it('an included file gets its own translations; a block scalar and a text with a zh-TW already are edited in place', async () => {
    const { dir, file } = await bant();
    writeFileSync(
      join(dir, 'more.yaml'),
      [
        '# tips kept apart',
        'tips:',
        '  - id: call_back',
        '    when: { class: hot }',
        '    text:',
        '      en: |',
        '        Call back within a day.',
        '      zh-TW: "舊的"   # to be replaced',
        '  - id: follow_up',
        '    when: { class: hot }',
        '    text: |',
        '      Send the recap today.',
        '# the end',
        '',
      ].join('\n'),
    );
    writeFileSync(file, readFileSync(file, 'utf8').replace('locales: [en, zh-CN]', 'locales: [en, zh-CN]\ninclude: [more.yaml]'));
    const exported = await runCli(['playbook', 'strings', 'export', 'team.yaml', '--format', 'po', '--lang', 'zh-TW'], { cwd: dir });
    expect(exported.stdout).toMatch(/#: more\.yaml:6\nmsgctxt "tips\/call_back\/text"\nmsgid "Call back within a day\.\\n"\nmsgstr "舊的"/);
    writeFileSync(join(dir, 'tw.po'), translatePo(exported.stdout, { 'tips/call_back/text': '一天內回電。\n', 'tips/follow_up/text': '今天寄出回顧。\n' }));
    const r = await runCli(['playbook', 'strings', 'import', 'team.yaml', 'tw.po'], { cwd: dir });
    expect(r.stdout).toMatch(/wrote 2 zh-TW text\(s\)/);
    expect(readFileSync(join(dir, 'more.yaml'), 'utf8')).toBe(
      [
        '# tips kept apart',
        'tips:',
        '  - id: call_back',
        '    when: { class: hot }',
        '    text:',
        '      en: |',
        '        Call back within a day.',
        '      zh-TW: "一天內回電。\\n"   # to be replaced',
        '  - id: follow_up',
        '    when: { class: hot }',
        '    text: { en: "Send the recap today.\\n", zh-TW: "今天寄出回顧。\\n" }',
        '# the end',
        '',
      ].join('\n'),
    );
    expect((await runCli(['playbook', 'validate', 'team.yaml'], { cwd: dir })).code).toBe(0);
  });

  it.each([
    { name: 'PO: an unescaped quote', file: 'bad.po', text: 'msgid ""\nmsgstr ""\n"Language: zh-TW\\n"\n\nmsgctxt "title"\nmsgid "BANT "x" y"\nmsgstr ""\n', where: 'bad.po:6:14: error: Invalid key name "x"' },
    { name: 'XLIFF: a tag closed wrongly', file: 'bad.xlf', text: '<?xml version="1.0"?>\n<xliff version="1.2">\n<file target-language="zh-TW"><body>\n<trans-unit id="title"><source>x</sourc></trans-unit></body></file></xliff>\n', where: 'bad.xlf:4:' },
    { name: 'PO without a Language header', file: 'nolang.po', text: 'msgctxt "title"\nmsgid "BANT qualification"\nmsgstr "x"\n', where: 'nolang.po:1:1: error: the file names no target language' },
    { name: 'neither PO nor XLIFF', file: 'notes.txt', text: 'hello\n', where: 'notes.txt:1:1: error: not a PO or XLIFF file' },
  ])('bad translation file, $name: file:line:col, exit 2, nothing written', async ({ file: name, text, where }) => {
    const { dir, file } = await bant();
    const before = readFileSync(file, 'utf8');
    writeFileSync(join(dir, name), text);
    const r = await runCli(['playbook', 'strings', 'import', 'team.yaml', name], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(where);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('playbook strings: every text a rep can see', () => {
  it("exports a tip's short line, and validate --strict warns when it lacks a locale", async () => {
    const { dir, file } = await bant();
    writeFileSync(file, readFileSync(file, 'utf8').replace('text: { en: "Spend your week on hot opportunities first.", zh-CN: "这周先把时间花在热商机上。" }', 'text: { en: "Spend your week on hot opportunities first.", zh-CN: "这周先把时间花在热商机上。" }\n    short: { en: "Hot ones first." }'));
    const r = await runCli(['playbook', 'strings', 'export', 'team.yaml', '--format', 'po', '--lang', 'zh-CN'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/msgctxt "tips\/hot_first\/short"\nmsgid "Hot ones first\."\nmsgstr ""/);
    const v = await runCli(['playbook', 'validate', '--strict', 'team.yaml'], { cwd: dir });
    expect(v.stderr + v.stdout).toMatch(/team\.yaml:\d+:\d+: warning: the text has no zh-CN \[missing-locale\]/);
  });
});
