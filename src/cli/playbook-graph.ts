/** `playbook graph FILE`: the playbook's logic as a Mermaid flowchart, for any Markdown viewer. */
import { hasErrors } from '../core/diagnostic.js';
import { playbookGraph } from '../playbook/graph.js';
import { forTerminal } from '../ui/sanitize.js';
import { type Context, localeOf, makeContext, printDiagnostics, resolvePlaybookTarget } from './context.js';
import { EXIT, said, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { loadPlaybookFile } from './playbook-files.js';

export async function graphCommand(opts: { file: string; markdown?: boolean }, io: IO, g: GlobalOptions): Promise<number> {
  const ctx: Context = makeContext(io, g);
  const r = loadPlaybookFile(ctx.registry, resolvePlaybookTarget(ctx, opts.file));
  if (!r.playbook || hasErrors(r.diagnostics)) {
    await printDiagnostics(ctx, r.diagnostics, r.sources);
    throw new UserError(said('playbookInvalid', { target: opts.file, command: `sales-coach playbook validate ${opts.file}` }), `the playbook ${opts.file} is invalid; fix it first`, `sales-coach playbook validate ${opts.file}`, EXIT.findings);
  }
  const graph = playbookGraph(r.playbook, localeOf(ctx, g));
  // a playbook's text is data: stripped on a terminal, exact in a file or a pipe
  io.stdout.write(forTerminal(io.stdout, opts.markdown ? `\`\`\`mermaid\n${graph}\`\`\`\n` : graph));
  return EXIT.ok;
}
