/** `playbook schema [--out FILE]`: the JSON Schema, for editors (yaml-language-server) and CI. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { playbookJsonSchemaText } from '../playbook/json-schema.js';
import { EXIT, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';

export async function schemaCommand(opts: { out?: string }, io: IO, _g: GlobalOptions): Promise<number> {
  const text = playbookJsonSchemaText();
  if (!opts.out) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  try {
    writeFileSync(resolve(io.cwd, opts.out), text);
  } catch (err) {
    throw new UserError(`cannot write ${opts.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  io.stderr.write(`wrote ${opts.out}\n`);
  return EXIT.ok;
}
