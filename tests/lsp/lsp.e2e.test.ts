/**
 * `sales-coach lsp` driven over JSON-RPC on stdio exactly as an editor drives it: initialize, didOpen,
 * didChange, completion, hover, definition, references, rename, shutdown, exit. The playbook spans two
 * files (an include), so cross-file definition, references and rename are exercised too.
 */
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../helpers/lsp-client.js';
import { scratch } from '../helpers/spawn.js';

const PART = `questions:
  - id: budget
    kind: yes-no
    text: { en: Do they have a budget?, zh-CN: 有预算吗？ }
  - id: stage
    kind: single
    text: { en: Which stage?, zh-CN: 哪个阶段？ }
    options:
      - { value: early, label: { en: Early, zh-CN: 早期 } }
      - { value: late, label: { en: Late, zh-CN: 后期 } }
`;
const MAIN = `id: team
title: { en: Team playbook, zh-CN: 团队手册 }
locales: [en, zh-CN]
include: [part.yaml]
classes:
  - id: A
    name: { en: A, zh-CN: A }
    priority: 1
    when: { all: [ { question: budget, equals: "yes" }, { question: stage, equals: late } ] }
  - id: D
    name: { en: D, zh-CN: D }
    priority: 2
    when: { question: budgte, answered: true }
flags:
  - id: early
    when: { question: stage, equals: early }
    message: { en: "Early: {answers.budget}", zh-CN: "早期：{answers.budget}" }
`;

describe('sales-coach lsp over stdio', () => {
  const dir = scratch('sc-lsp-');
  const part = dir.file('part.yaml', PART);
  const main = dir.file('main.yaml', MAIN);
  const mainUri = pathToFileURL(main).href;
  const partUri = pathToFileURL(part).href;
  let client: LspClient;

  beforeAll(async () => {
    client = new LspClient(['lsp', '--stdio'], dir.dir);
    const init = await client.request<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: pathToFileURL(dir.dir).href, capabilities: {} });
    expect(init.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, referencesProvider: true, renameProvider: { prepareProvider: true } });
    client.notify('initialized', {});
  });
  afterAll(() => client.child.kill());

  it('publishes the validator\'s diagnostics on open, at the right line, and clears them once fixed', async () => {
    const diags = client.diagnostics(mainUri);
    client.notify('textDocument/didOpen', { textDocument: { uri: mainUri, languageId: 'yaml', version: 1, text: MAIN } });
    const list = await diags;
    expect(list.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([['unknown-reference', 12, 22]]);
    expect(list[0].message).toContain('did you mean "budget"?');

    const fixed = client.diagnostics(mainUri);
    // an incremental change, as editors send: replace "budgte" on line 13 (0-based 12)
    client.notify('textDocument/didChange', {
      textDocument: { uri: mainUri, version: 2 },
      contentChanges: [{ range: { start: { line: 12, character: 22 }, end: { line: 12, character: 28 } }, text: 'budget' }],
    });
    expect(await fixed).toEqual([]);
  });

  it('completes question ids after question:, from the included file too', async () => {
    const items = await client.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: mainUri }, position: { line: 12, character: 22 } });
    expect(items.map((i) => i.label).sort()).toEqual(['budget', 'stage']);
  });

  it('completes option values after equals: of a choice question, and placeholders in a message', async () => {
    const values = await client.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: mainUri }, position: { line: 15, character: 40 } });
    expect(values.map((i) => i.label)).toEqual(['early', 'late']);
    const open = client.diagnostics(mainUri);
    const edited = MAIN.replace('message: { en: "Early: {answers.budget}"', 'message: { en: "Early: {answers.budget} {"').replace('budgte', 'budget');
    client.notify('textDocument/didChange', { textDocument: { uri: mainUri, version: 3 }, contentChanges: [{ text: edited }] });
    await open;
    const line = edited.split('\n')[16];
    const placeholders = await client.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: mainUri }, position: { line: 16, character: line.indexOf('} {') + 3 } });
    expect(placeholders.map((i) => i.label)).toEqual(expect.arrayContaining(['answers.budget', 'answers.stage', 'account.name', 'visit.date']));
    const back = client.diagnostics(mainUri);
    client.notify('textDocument/didChange', { textDocument: { uri: mainUri, version: 4 }, contentChanges: [{ text: MAIN.replace('budgte', 'budget') }] });
    expect(await back).toEqual([]);
  });

  it('hover shows a question\'s texts in every locale and where it is used', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: mainUri }, position: { line: 8, character: 33 } });
    expect(hover.contents.value).toContain('**question** `budget` (yes-no)');
    expect(hover.contents.value).toContain('- en: Do they have a budget?');
    expect(hover.contents.value).toContain('- zh-CN: 有预算吗？');
    expect(hover.contents.value).toMatch(/used 4 times: main\.yaml:9, main\.yaml:13, main\.yaml:17, main\.yaml:17/);
  });

  it('goes to the definition in the included file, and finds every reference', async () => {
    const def = await client.request<{ uri: string; range: { start: { line: number; character: number } } }>('textDocument/definition', { textDocument: { uri: mainUri }, position: { line: 8, character: 33 } });
    expect(def).toEqual({ uri: partUri, range: { start: { line: 1, character: 8 }, end: { line: 1, character: 14 } } });
    const refs = await client.request<{ uri: string; range: { start: { line: number; character: number } } }[]>('textDocument/references', { textDocument: { uri: partUri }, position: { line: 1, character: 10 }, context: { includeDeclaration: true } });
    expect(refs.map((r) => `${r.uri === partUri ? 'part' : 'main'}:${r.range.start.line}:${r.range.start.character}`)).toEqual(['part:1:8', 'main:8:31', 'main:12:22', 'main:16:36', 'main:16:66']);
  });

  it('renames an id across the playbook\'s files, placeholders included', async () => {
    const prep = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: mainUri }, position: { line: 8, character: 33 } });
    expect(prep.placeholder).toBe('budget');
    const edit = await client.request<{ changes: Record<string, { newText: string; range: { start: { line: number } } }[]> }>('textDocument/rename', { textDocument: { uri: mainUri }, position: { line: 8, character: 33 }, newName: 'funds' });
    expect(edit.changes[partUri].map((e) => e.range.start.line)).toEqual([1]);
    expect(edit.changes[mainUri].map((e) => e.range.start.line)).toEqual([8, 12, 16, 16]);
    expect(new Set(Object.values(edit.changes).flat().map((e) => e.newText))).toEqual(new Set(['funds']));
    // the edits, applied, give a playbook that still validates
    const apply = (text: string, edits: { newText: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) => {
      const lines = text.split('\n');
      for (const e of [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
        const l = lines[e.range.start.line];
        lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
      }
      return lines.join('\n');
    };
    const renamedMain = apply(MAIN.replace('budgte', 'budget'), edit.changes[mainUri] as never);
    const renamedPart = apply(PART, edit.changes[partUri] as never);
    expect(renamedMain).toContain('{answers.funds}');
    const partDiags = client.diagnostics(partUri);
    const mainDiags = client.diagnostics(mainUri);
    client.notify('textDocument/didOpen', { textDocument: { uri: partUri, languageId: 'yaml', version: 1, text: renamedPart } });
    await partDiags;
    await mainDiags;
    const after = client.diagnostics(mainUri);
    client.notify('textDocument/didChange', { textDocument: { uri: mainUri, version: 5 }, contentChanges: [{ text: renamedMain }] });
    expect(await after).toEqual([]);
  });

  it('shuts down and exits with 0 when asked in order', async () => {
    expect(await client.request('shutdown', null)).toBeNull();
    client.notify('exit', null);
    expect(await client.exited).toBe(0);
    expect(client.stderr).toBe('');
  });
});
