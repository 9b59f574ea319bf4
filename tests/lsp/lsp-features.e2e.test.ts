/**
 * Issue 24's language-server parts, through the built binary over JSON-RPC as an editor drives it:
 * a rename of a question or class id reaches `roles:`, a class's window and the items' precedence
 * (excludes, conflicts); hover and definition answer on roles: values and option values; completion
 * right after `{answers.` replaces what was typed; a YAML file that is no playbook (compose.yaml) is
 * left alone; quick fixes (code actions) apply a "did you mean", add a missing locale and declare an id.
 */
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../helpers/lsp-client.js';
import { scratch } from '../helpers/spawn.js';

const PLAYBOOK = `id: roles-pb
title: { en: Roles, zh-CN: 角色 }
locales: [en, zh-CN]
roles:
  person: contact
  decision: role
  willNotBuy: [D]
  stance: { question: stance, supporter: [pro], opponent: [con] }
  others: [role]
questions:
  - id: contact
    kind: text
    text: { en: Who?, zh-CN: 谁？ }
  - id: role
    kind: single
    owner: person
    text: { en: Their role?, zh-CN: 角色？ }
    options:
      - { value: boss, label: { en: Boss, zh-CN: 老板 } }
      - { value: other, label: { en: Other, zh-CN: 其他 } }
  - id: stance
    kind: single
    text: { en: Where do they stand?, zh-CN: 立场？ }
    options:
      - { value: pro, label: { en: For us, zh-CN: 支持 } }
      - { value: con, label: { en: Against, zh-CN: 反对 } }
classes:
  - id: A
    name: { en: A, zh-CN: A }
    priority: 1
    cycle: { max: 10, reclassifyAs: [D] }
    when: { question: role, equals: boss }
  - id: D
    name: { en: D, zh-CN: D }
    priority: 2
    when: { question: role, in: [other] }
flags:
  - id: early
    when: { question: role, equals: other }
    excludes: [late]
    message: { en: "Early: {answers.contact}", zh-CN: "早期：{answers.contact}" }
  - id: late
    when: { question: role, equals: boss }
    message: { en: Late, zh-CN: 晚期 }
conflicts: [[early, late]]
`;

type Edit = { newText: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
const apply = (text: string, edits: Edit[]) => {
  const lines = text.split('\n');
  for (const e of [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
    const first = lines[e.range.start.line];
    const last = lines[e.range.end.line];
    lines.splice(e.range.start.line, e.range.end.line - e.range.start.line + 1, ...(first.slice(0, e.range.start.character) + e.newText + last.slice(e.range.end.character)).split('\n'));
  }
  return lines.join('\n');
};
const at = (text: string, needle: string, nth = 0) => {
  const lines = text.split('\n');
  let seen = 0;
  for (const [line, l] of lines.entries()) {
    for (let i = l.indexOf(needle); i >= 0; i = l.indexOf(needle, i + 1)) if (seen++ === nth) return { line, character: i + 1 };
  }
  throw new Error(`${needle} #${nth} not found`);
};

describe('sales-coach lsp: roles, precedence, quick fixes, files that are no playbook', () => {
  const dir = scratch('sc-lsp-features-');
  const file = dir.file('roles.yaml', PLAYBOOK);
  const uri = pathToFileURL(file).href;
  let client: LspClient;
  let version = 1;
  const change = async (text: string) => {
    const d = client.diagnostics(uri);
    client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
    return d;
  };

  beforeAll(async () => {
    client = new LspClient(['lsp', '--stdio'], dir.dir);
    const init = await client.request<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: pathToFileURL(dir.dir).href, capabilities: {} });
    expect(init.capabilities).toMatchObject({ codeActionProvider: { codeActionKinds: ['quickfix'] } });
    client.notify('initialized', {});
    const d = client.diagnostics(uri);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text: PLAYBOOK } });
    expect(await d).toEqual([]);
  });
  afterAll(() => client.child.kill());

  it('leaves a compose.yaml alone: no diagnostics, no hover', async () => {
    const compose = dir.file('compose.yaml', 'services:\n  web:\n    image: nginx\n');
    const composeUri = pathToFileURL(compose).href;
    client.notify('textDocument/didOpen', { textDocument: { uri: composeUri, languageId: 'yaml', version: 1, text: 'services:\n  web:\n    image: nginx\n' } });
    // the server answers in order: once the playbook's diagnostics are back, any for compose.yaml would be too
    await change(PLAYBOOK);
    expect(client.notifications.filter((n) => (n.params as { uri?: string })?.uri === composeUri)).toEqual([]);
    expect(await client.request('textDocument/hover', { textDocument: { uri: composeUri }, position: { line: 0, character: 2 } })).toBeNull();
    expect(await client.request('textDocument/completion', { textDocument: { uri: composeUri }, position: { line: 2, character: 11 } })).toEqual([]);
  });

  it('hover and definition on roles: values and on option values', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: at(PLAYBOOK, 'decision: role').line, character: at(PLAYBOOK, 'decision: role').character + 11 } });
    expect(hover.contents.value).toContain('**question** `role` (single)');
    const def = await client.request<{ range: { start: { line: number } } }>('textDocument/definition', { textDocument: { uri }, position: { line: at(PLAYBOOK, 'willNotBuy: [D]').line, character: at(PLAYBOOK, 'willNotBuy: [D]').character + 13 } });
    expect(def.range.start.line).toBe(at(PLAYBOOK, 'id: D').line);
    // an option value in a condition, and in roles.stance
    const option = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: at(PLAYBOOK, 'equals: boss').line, character: at(PLAYBOOK, 'equals: boss').character + 8 } });
    expect(option.contents.value).toContain('**option** `boss` of question `role`');
    expect(option.contents.value).toContain('- en: Boss');
    const pro = await client.request<{ range: { start: { line: number; character: number } } }>('textDocument/definition', { textDocument: { uri }, position: { line: at(PLAYBOOK, 'supporter: [pro').line, character: at(PLAYBOOK, 'supporter: [pro').character + 12 } });
    expect(pro.range.start).toEqual({ line: at(PLAYBOOK, 'value: pro').line, character: at(PLAYBOOK, 'value: pro').character + 6 });
  });

  it('definition and hover on an id in excludes, conflicts and a class window', async () => {
    const def = async (needle: string, offset: number) => {
      const p = at(PLAYBOOK, needle);
      return client.request<{ range: { start: { line: number } } } | null>('textDocument/definition', { textDocument: { uri }, position: { line: p.line, character: p.character - 1 + offset } });
    };
    expect((await def('excludes: [late]', 11))?.range.start.line).toBe(at(PLAYBOOK, 'id: late').line);
    expect((await def('conflicts: [[early, late]]', 14))?.range.start.line).toBe(at(PLAYBOOK, 'id: early').line);
    expect((await def('conflicts: [[early, late]]', 21))?.range.start.line).toBe(at(PLAYBOOK, 'id: late').line);
    expect((await def('reclassifyAs: [D]', 15))?.range.start.line).toBe(at(PLAYBOOK, 'id: D').line);
    const p = at(PLAYBOOK, 'excludes: [late]');
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: p.line, character: p.character + 10 } });
    expect(hover.contents.value).toContain('**item** `late`');
    expect(hover.contents.value).toContain('- en: Late');
  });

  it('renames a question and a class everywhere, roles: and a class window included, and an item in excludes and conflicts', async () => {
    const question = await client.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', { textDocument: { uri }, position: { line: at(PLAYBOOK, '- id: role').line, character: at(PLAYBOOK, '- id: role').character + 6 }, newName: 'buying_role' });
    const klass = await client.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', { textDocument: { uri }, position: { line: at(PLAYBOOK, 'id: D').line, character: at(PLAYBOOK, 'id: D').character + 4 }, newName: 'Dropped' });
    const item = await client.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', { textDocument: { uri }, position: { line: at(PLAYBOOK, 'id: late').line, character: at(PLAYBOOK, 'id: late').character + 4 }, newName: 'later' });
    let renamed = apply(PLAYBOOK, question.changes[uri]);
    expect(renamed).toContain('  decision: buying_role\n');
    expect(renamed).toContain('  others: [buying_role]\n');
    renamed = apply(renamed, klass.changes[uri]);
    expect(renamed).toContain('willNotBuy: [Dropped]');
    expect(renamed).toContain('reclassifyAs: [Dropped]');
    renamed = apply(renamed, item.changes[uri]);
    expect(renamed).toContain('excludes: [later]');
    expect(renamed).toContain('conflicts: [[early, later]]');
    expect(await change(renamed)).toEqual([]);
    await change(PLAYBOOK);
  });

  it('completes {answers. with the question id, not answers. again', async () => {
    const text = PLAYBOOK.replace('message: { en: Late,', 'message: { en: "Late {answers.",');
    await change(text);
    const position = { line: at(text, '{answers.", zh').line, character: at(text, '{answers.", zh').character + 8 };
    const items = await client.request<{ label: string; textEdit?: Edit }[]>('textDocument/completion', { textDocument: { uri }, position });
    const contact = items.find((i) => i.label === 'answers.contact');
    expect(contact?.textEdit).toBeDefined();
    const line = apply(text, [contact?.textEdit as Edit]).split('\n')[position.line];
    expect(line).toContain('"Late {answers.contact",');
    expect(line).not.toContain('answers.answers');
    await change(PLAYBOOK);
  });

  it('a playbook of many questions: completion sends what begins with the typed text, marked incomplete', async () => {
    const many = `id: many\ntitle: Many\nquestions:\n${Array.from({ length: 700 }, (_, i) => `  - { id: q${i}, kind: text, text: Q${i} }\n`).join('')}classes:\n  - { id: A, name: A, priority: 1, when: { question: q1, answered: true } }\n`;
    const manyUri = pathToFileURL(dir.file('many.yaml', many)).href;
    const d = client.diagnostics(manyUri);
    client.notify('textDocument/didOpen', { textDocument: { uri: manyUri, languageId: 'yaml', version: 1, text: many } });
    await d;
    const line = many.split('\n').findIndex((l) => l.includes('question: q1,'));
    const character = many.split('\n')[line].indexOf('q1,') + 2;
    const list = await client.request<{ isIncomplete: boolean; items: { label: string }[] }>('textDocument/completion', { textDocument: { uri: manyUri }, position: { line, character } });
    expect(list.isIncomplete).toBe(true);
    expect(list.items.length).toBe(111); // q1, q10-q19, q100-q199
    expect(list.items.every((i) => i.label.startsWith('q1'))).toBe(true);
  });

  it('quick fixes: a "did you mean", a missing locale, an unknown id declared', async () => {
    const text = PLAYBOOK.replace('when: { question: role, equals: other }', 'when: { question: rloe, equals: other }')
      .replace('message: { en: Late, zh-CN: 晚期 }', 'message: { en: Late }')
      .replace('  person: contact\n', '  person: contact\n  title: job_title\n');
    const diags = await change(text);
    expect(diags.map((d) => d.code).sort()).toEqual(['missing-locale', 'unknown-reference', 'unknown-reference']);
    const actions = async (needle: string) => {
      const p = at(text, needle);
      return client.request<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, Edit[]> } }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: p, end: p },
        context: { diagnostics: diags.filter((d) => d.range.start.line === p.line) },
      });
    };
    const typo = await actions('rloe');
    expect(typo.map((a) => a.title)).toContain('Change "rloe" to "role"');
    let fixed = apply(text, typo.find((a) => a.isPreferred)?.edit.changes[uri] ?? []);
    const locale = await actions('message: { en: Late }');
    expect(locale.map((a) => a.title)).toEqual(['Add zh-CN to translate']);
    fixed = apply(fixed, locale[0].edit.changes[uri]);
    expect(fixed).toContain('message: { en: Late, zh-CN: "TODO Late" }');
    const declare = await actions('title: job_title');
    const stub = declare.find((a) => a.title === 'Declare the question "job_title"');
    expect(stub).toBeDefined();
    fixed = apply(fixed, stub?.edit.changes[uri] ?? []);
    expect(fixed).toMatch(/ {2}- id: job_title\n {4}kind: text\n/);
    expect(await change(fixed)).toEqual([]);
  });
});
