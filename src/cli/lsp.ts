/** `sales-coach lsp`: the language server for playbook files, over stdio (the editor starts it). */
import { resolve } from 'node:path';
import { makeContext } from './context.js';
import type { GlobalOptions, IO } from './io.js';

export async function lspCommand(io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  // as makeContext finds it: --playbooks, SALES_COACH_PLAYBOOKS, or the config's playbooks:
  const folder = g.playbooks ?? io.env.SALES_COACH_PLAYBOOKS ?? ctx.config.playbooks;
  const { runLanguageServer } = await import('../lsp/server.js');
  return runLanguageServer({
    stdin: io.stdin,
    stdout: io.stdout as unknown as NodeJS.WritableStream,
    cwd: io.cwd,
    playbookFolders: folder ? [resolve(io.cwd, folder)] : [],
    log: (line) => io.stderr.write(`${line}\n`),
    // as the validator does: a user playbook that extends the built-in it replaces finds the built-in
    findById: (id, fromFile) => {
      const self = ctx.registry.entries.find((e) => e.file === fromFile);
      return ctx.registry.find(id, self?.id === id ? self.file : undefined)?.file;
    },
  });
}
