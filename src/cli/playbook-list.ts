/** `playbook list`: the playbooks a rep can use, and where each comes from. */
import { NOTICE_MESSAGES } from '../ui/notice-messages.js';
import { sanitize, sanitizeDeep } from '../ui/sanitize.js';
import { localize } from '../engine/text.js';
import { localeOf, makeContext } from './context.js';
import { EXIT } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { loadPlaybookFile } from './playbook-files.js';
import { displayPath } from './registry.js';

export async function listCommand(opts: { json?: boolean }, io: IO, g: GlobalOptions): Promise<number> {
  const ctx = makeContext(io, g);
  const locale = localeOf(ctx, g);
  const rows = ctx.registry.list().map((e) => {
    const r = loadPlaybookFile(ctx.registry, e.file);
    const overrides = e.origin === 'user' && ctx.registry.entries.some((x) => x.origin === 'built-in' && x.id === e.id);
    return {
      id: e.id,
      title: r.playbook ? localize(r.playbook.title, locale) : '',
      version: r.playbook?.version ?? '',
      origin: e.origin,
      overrides,
      file: displayPath(e.file, io.cwd),
      valid: !r.diagnostics.some((d) => d.severity === 'error'),
    };
  });
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(sanitizeDeep(rows), null, 2)}\n`);
    return EXIT.ok;
  }
  const c = ctx.out;
  const m = NOTICE_MESSAGES[locale];
  const idWidth = Math.max(2, ...rows.map((r) => r.id.length));
  for (const r of rows) {
    io.stdout.write(`${c.bold(sanitize(r.id).padEnd(idWidth))}  ${sanitize(r.title)}${r.version ? c.dim(` v${sanitize(r.version)}`) : ''}${r.valid ? '' : c.red(m.playbookListedInvalid)}\n`);
    io.stdout.write(`${' '.repeat(idWidth)}  ${c.dim(m.playbookOrigin(r.origin === 'user' ? 'user' : 'built-in', r.overrides, r.file))}\n`);
  }
  return EXIT.ok;
}
