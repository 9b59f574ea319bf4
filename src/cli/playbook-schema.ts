/** `playbook schema [--out FILE]`: the JSON Schema, for editors (yaml-language-server) and CI. */
import { resolve } from 'node:path';
import { playbookJsonSchemaText } from '../playbook/json-schema.js';
import { EXIT } from './errors.js';
import { writeFileAtomic } from './files.js';
import type { GlobalOptions, IO } from './io.js';

export async function schemaCommand(opts: { out?: string }, io: IO, _g: GlobalOptions): Promise<number> {
  const text = playbookJsonSchemaText();
  if (!opts.out) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  // a generated file, rewritten on every run: replaced whole, never left half-written
  writeFileAtomic(resolve(io.cwd, opts.out), text, { force: true, shown: opts.out });
  io.stderr.write(`wrote ${opts.out}\n`);
  return EXIT.ok;
}
