/**
 * Neovim's own LSP client (headless, no plugins, no config) against `sales-coach lsp`: the set-up the
 * README gives Neovim users, run for real. Skipped where nvim is not installed (.ci/run installs it).
 * Issue 24: a rename that reaches roles:, completion right after `{answers.`, a quick fix, and a
 * compose.yaml the server leaves alone, each applied by Neovim's own code.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, sandbox, scratch } from '../helpers/spawn.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNvim = nvim.status === 0;

const PLAYBOOK = `id: nv
title: Neovim
questions:
  - id: budget
    kind: yes-no
    text: Do they have a budget?
classes:
  - id: A
    name: A
    priority: 1
    when: { question: budgte, equals: "yes" }
  - id: D
    name: D
    priority: 2
    when: { question: budget, equals: "no" }
`;

describe.skipIf(!hasNvim)('neovim headless, built-in LSP client', () => {
  it('shows the validator\'s diagnostic, hovers and jumps to a definition', () => {
    const dir = scratch('sc-nvim-');
    const file = dir.file('nv.yaml', PLAYBOOK);
    const out = join(dir.dir, 'out.json');
    // the README's set-up, with results written out for the test to read
    const script = dir.file('test.lua', `
local client = vim.lsp.start_client({ name = 'sales-coach', cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(BIN)}, 'lsp', '--stdio' }, root_dir = ${JSON.stringify(dir.dir)} })
vim.cmd('edit ' .. ${JSON.stringify(file)})
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client)
local result = {}
vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
result.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, message = d.message, code = d.code }) end
local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 14, character = 24 } }
local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 5000)
for _, r in pairs(hover or {}) do if r.result then result.hover = r.result.contents.value end end
local def = vim.lsp.buf_request_sync(buf, 'textDocument/definition', params, 5000)
for _, r in pairs(def or {}) do if r.result then result.definition = r.result.range end end
local f = io.open(${JSON.stringify(out)}, 'w')
f:write(vim.fn.json_encode(result))
f:close()
vim.lsp.stop_client(client)
vim.wait(2000, function() return vim.lsp.client_is_stopped(client) end, 50)
vim.cmd('qa!')
`);
    const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${script}`], { encoding: 'utf8', timeout: 30_000, env: { ...sandbox().env } });
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.diagnostics).toEqual([{ lnum: 10, col: 22, code: 'unknown-reference', message: 'unknown question "budgte"\ndid you mean "budget"?' }]);
    expect(result.hover).toContain('**question** `budget` (yes-no)');
    expect(result.definition).toEqual({ start: { line: 3, character: 8 }, end: { line: 3, character: 14 } });
  });
});

const ROLES = `id: nv-roles
title: Roles
roles:
  person: contact
  decision: role
questions:
  - id: contact
    kind: text
    text: Who?
  - id: role
    kind: single
    text: Their role?
    options:
      - { value: boss, label: Boss }
      - { value: other, label: Other }
classes:
  - id: A
    name: A
    priority: 1
    when: { question: role, equals: boss }
  - id: D
    name: D
    priority: 2
    when: { question: rloe, equals: other }
flags:
  - id: f
    when: { question: role, equals: other }
    message: "Met {answers."
`;

describe.skipIf(!hasNvim)('neovim headless, issue 24', () => {
  it('renames into roles:, completes after {answers., applies a quick fix, leaves compose.yaml alone', () => {
    const dir = scratch('sc-nvim24-');
    const file = dir.file('roles.yaml', ROLES);
    const compose = dir.file('compose.yaml', 'services:\n  web:\n    image: nginx\n');
    const out = join(dir.dir, 'out.json');
    const script = dir.file('test.lua', `
local client = vim.lsp.start_client({ name = 'sales-coach', cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(BIN)}, 'lsp', '--stdio' }, root_dir = ${JSON.stringify(dir.dir)} })
local result = {}
vim.cmd('edit ' .. ${JSON.stringify(compose)})
local cbuf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(cbuf, client)
vim.cmd('edit ' .. ${JSON.stringify(file)})
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client)
vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local uri = vim.uri_from_bufnr(buf)
-- answered in order: once this is back, diagnostics for compose.yaml would have come before it
local h = vim.lsp.buf_request_sync(cbuf, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(cbuf) }, position = { line = 0, character = 2 } }, 5000)
result.composeHover = 0
for _, r in pairs(h or {}) do if r.result then result.composeHover = 1 end end
result.composeDiagnostics = #vim.diagnostic.get(cbuf)
-- a quick fix: the "did you mean" on rloe (line 23)
local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', { textDocument = { uri = uri }, range = { start = { line = 23, character = 22 }, ['end'] = { line = 23, character = 22 } }, context = { diagnostics = {} } }, 5000)
for _, r in pairs(actions or {}) do for _, a in ipairs(r.result or {}) do if a.isPreferred then result.action = a.title; vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16') end end end
-- completion right after {answers. (line 27)
local line = vim.api.nvim_buf_get_lines(buf, 27, 28, false)[1]
local items = vim.lsp.buf_request_sync(buf, 'textDocument/completion', { textDocument = { uri = uri }, position = { line = 27, character = #line - 1 } }, 5000)
for _, r in pairs(items or {}) do for _, it in ipairs(r.result or {}) do if it.label == 'answers.contact' then vim.lsp.util.apply_text_edits({ it.textEdit }, buf, 'utf-16') end end end
-- rename the question role from its definition (line 9, "  - id: role")
local edit = vim.lsp.buf_request_sync(buf, 'textDocument/rename', { textDocument = { uri = uri }, position = { line = 9, character = 9 }, newName = 'buying_role' }, 5000)
for _, r in pairs(edit or {}) do if r.result then vim.lsp.util.apply_workspace_edit(r.result, 'utf-16') end end
result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
local f = io.open(${JSON.stringify(out)}, 'w')
f:write(vim.fn.json_encode(result))
f:close()
vim.lsp.stop_client(client)
vim.wait(2000, function() return vim.lsp.client_is_stopped(client) end, 50)
vim.cmd('qa!')
`);
    const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${script}`], { encoding: 'utf8', timeout: 30_000, env: { ...sandbox().env } });
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.composeDiagnostics).toBe(0);
    expect(result.composeHover).toBe(0);
    expect(result.action).toBe('Change "rloe" to "role"');
    const text = (result.lines as string[]).join('\n');
    expect(text).toContain('  decision: buying_role\n');
    expect(text).toContain('when: { question: buying_role, equals: other }');
    expect(text).toContain('message: "Met {answers.contact"');
    expect(text).not.toContain('answers.answers');
  });
});
