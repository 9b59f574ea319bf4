/** `playbook show ID|FILE`: the playbook as a rep's session sees it, includes and extends applied. */
import { stringify } from 'yaml';
import { hasErrors } from '../core/diagnostic.js';
import type { Playbook } from '../playbook/types.js';
import { sanitizeBlock, sanitizeDeep, shellCommand } from '../ui/sanitize.js';
import { makeContext, printDiagnostics, resolvePlaybookTarget } from './context.js';
import { EXIT } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { loadPlaybookFile } from './playbook-files.js';
import { displayPath } from './registry.js';

export function resolvedDocument(pb: Playbook, cwd: string): Record<string, unknown> {
  return {
    id: pb.id,
    version: pb.version,
    title: pb.title,
    ...(pb.description ? { description: pb.description } : {}),
    locales: pb.locales,
    findOutDue: pb.findOutDue,
    from: pb.files.map((f) => displayPath(f, cwd)),
    questions: pb.questions,
    personas: pb.personas,
    classes: pb.classes,
    flags: pb.flags,
    checklist: pb.checklist,
    tips: pb.tips,
    ...(pb.recap ? { recap: pb.recap } : {}),
  };
}

export async function showCommand(opts: { target: string; json?: boolean }, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const file = resolvePlaybookTarget(ctx, opts.target);
  const r = loadPlaybookFile(ctx.registry, file);
  if (!r.playbook || hasErrors(r.diagnostics)) {
    await printDiagnostics(ctx, r.diagnostics, r.sources);
    io.stderr.write(`the playbook is invalid; fix the errors above (${shellCommand(['sales-coach', 'playbook', 'validate', displayPath(file, io.cwd)])})\n`);
    return EXIT.findings;
  }
  const doc = sanitizeDeep(resolvedDocument(r.playbook, io.cwd));
  io.stdout.write(opts.json ? `${JSON.stringify(doc, null, 2)}\n` : sanitizeBlock(stringify(doc, { lineWidth: 0 })));
  return EXIT.ok;
}
