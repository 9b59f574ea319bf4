/**
 * `playbook init [FILE] [--from TEMPLATE]`: a starter playbook that validates clean and teaches the
 * format in its comments, or a complete, tested playbook of a sales methodology (templates/ in the
 * package: MEDDICC, BANT, SPIN, A/B/C/D), each with its test file. `--list` shows the templates.
 *
 * The editor's `$schema` reference is to a copy of the JSON Schema written beside the playbook
 * (`./playbook.schema.json`), not to the install folder: a path into the install folder breaks when
 * the file (or the package) moves, and the schema's `$id` is not a published address an editor could
 * fetch. A copy beside it moves with the trainer's folder (and its git repository), works offline,
 * and matches the version of sales-coach the playbook was written for
 * (`sales-coach playbook schema --out playbook.schema.json` refreshes it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseYamlSource } from '../core/yaml-source.js';
import { localize } from '../engine/text.js';
import type { Text } from '../playbook/types.js';
import { sanitize, shellCommand } from '../ui/sanitize.js';
import { localeOf, makeContext } from './context.js';
import { EXIT, said, sayDone, UserError } from './errors.js';
import { writeFileAtomic } from './files.js';
import type { GlobalOptions, IO } from './io.js';
import { packageRoot, schemaFile } from './paths.js';

/** The schema files written beside a new playbook, and the names its `$schema` lines use. */
const SCHEMAS = { playbook: 'playbook.schema.json', test: 'playbook-test.schema.json' } as const;

export function templatesDir(): string {
  return join(packageRoot(), 'templates');
}

export interface TemplateInfo {
  name: string;
  title?: Text;
  description?: Text;
  file: string;
  testFile: string;
}

/** The templates shipped in the package: templates/NAME/NAME.yaml with NAME.test.yaml beside it. */
export function listTemplates(): TemplateInfo[] {
  let names: string[];
  try {
    names = readdirSync(templatesDir()).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const file = join(templatesDir(), name, `${name}.yaml`);
    const testFile = join(templatesDir(), name, `${name}.test.yaml`);
    if (!existsSync(file) || !existsSync(testFile)) return [];
    const value = parseYamlSource(file, readFileSync(file, 'utf8')).source?.value as { title?: Text; description?: Text } | undefined;
    return [{ name, title: value?.title, description: value?.description, file, testFile }];
  });
}

/** A template's text with the new playbook's id, and its header comments naming the new file. */
function fromTemplate(text: string, template: string, id: string, fileName: string): string {
  return text
    .replace(/^id:[ \t]*\S+[ \t]*$/m, `id: ${id}`)
    .replace(new RegExp(`\\b${template}(\\.test)?\\.yaml\\b`, 'g'), (_m, test: string | undefined) => `${fileName}${test ?? ''}.yaml`);
}

/**
 * The starter (`playbook init` without --from): a small playbook that validates clean and teaches the
 * format in its comments, with two tests. Data of the package (templates/starter.yaml), as the
 * methodology templates are: no playbook content, nor any of its ids, is written into the code.
 */
function starterFiles(): { file: string; testFile: string } {
  return { file: join(templatesDir(), 'starter.yaml'), testFile: join(templatesDir(), 'starter.test.yaml') };
}

export interface InitOptions {
  file: string;
  force?: boolean;
  /** A methodology template: meddicc, bant, spin or abcd. */
  from?: string;
  /** Print the templates and write nothing. */
  list?: boolean;
}

export async function initCommand(opts: InitOptions, io: IO, g: GlobalOptions): Promise<number> {
  const templates = listTemplates();
  if (opts.list) {
    const locale = localeOf(makeContext(io, g), g);
    const width = Math.max(...templates.map((t) => t.name.length));
    for (const t of templates) {
      io.stdout.write(`${t.name.padEnd(width)}  ${sanitize(localize(t.title, locale))}\n${' '.repeat(width + 2)}${sanitize(localize(t.description, locale))}\n`);
    }
    io.stdout.write(`\nwrite one with  ${shellCommand(['sales-coach', 'playbook', 'init', '--from', templates[0]?.name ?? 'bant', 'team.yaml'])}\n`);
    return EXIT.ok;
  }
  const template = opts.from === undefined ? undefined : templates.find((t) => t.name === opts.from);
  if (opts.from !== undefined && !template) {
    throw new UserError(said('noTemplate', { name: String(opts.from), templates: templates.map((t) => t.name) }), `no template "${opts.from}"`, `the templates are: ${templates.map((t) => t.name).join(', ')} (sales-coach playbook init --list)`, EXIT.usage);
  }
  const target = resolve(io.cwd, opts.file);
  if (existsSync(target) && !opts.force) {
    throw new UserError(said('fileExists', { file: opts.file, fileName: true }), `${opts.file} already exists`, 'choose another file name, or add --force to overwrite it');
  }
  const base = basename(target).replace(/\.ya?ml$/i, '');
  const id = base.replace(/[^A-Za-z0-9_-]/g, '-').replace(/^[^A-Za-z]+/, '') || 'my-playbook';
  const testTarget = `${target.replace(/\.ya?ml$/i, '')}.test.yaml`;
  const testName = `${opts.file.replace(/\.ya?ml$/i, '')}.test.yaml`;
  if (existsSync(testTarget) && !opts.force) {
    throw new UserError(said('fileExists', { file: testName, both: true }), `${testName} already exists`, 'choose another file name, or add --force to overwrite both');
  }
  const source = template ?? { name: 'starter', ...starterFiles() };
  const playbookText = fromTemplate(readFileSync(source.file, 'utf8'), source.name, id, base);
  const testText = fromTemplate(readFileSync(source.testFile, 'utf8'), source.name, id, base);
  // each file whole or not at all (a full disk leaves neither half-written)
  writeFileAtomic(target, playbookText, { force: opts.force, shown: opts.file });
  writeFileAtomic(testTarget, testText, { force: opts.force, shown: testName });
  // the schemas beside it, for the editor: an existing copy is the trainer's (maybe of another version) and is kept
  const wrote = [opts.file, testName];
  for (const [kind, name] of [['playbook', SCHEMAS.playbook], ['test', SCHEMAS.test]] as const) {
    const path = join(dirname(target), name);
    if (existsSync(path) && !opts.force) continue;
    const source = kind === 'playbook' ? schemaFile() : join(dirname(schemaFile()), SCHEMAS.test);
    writeFileAtomic(path, readFileSync(source, 'utf8'), { force: true, shown: name });
    wrote.push(join(dirname(opts.file), name));
  }
  const validate = shellCommand(['sales-coach', 'playbook', 'validate', opts.file]);
  const test = shellCommand(['sales-coach', 'playbook', 'test', '--coverage', opts.file]);
  const english = `wrote ${wrote.map(sanitize).join(', ')}\nnext: edit them, then run  ${validate}  and  ${test}`;
  io.stdout.write(`${await sayDone(localeOf(makeContext(io, g), g), said('wroteStarter', { files: wrote.map(sanitize), validate, test }), english)}\n`);
  return EXIT.ok;
}
