/**
 * Neovim's own LSP client (headless, no plugins, no config) against `sales-coach lsp`: the set-up the
 * README gives Neovim users, run for real. Skipped where nvim is not installed (.ci/run installs it).
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
