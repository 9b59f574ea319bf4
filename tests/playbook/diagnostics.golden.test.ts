/**
 * Every diagnostic code has a golden test: a bad file and the exact output a trainer sees. Bad files
 * that cannot live in the repo (huge, binary, not UTF-8, absurdly deep) are generated.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/core/diagnostic.js';
import { runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

const dir = join(import.meta.dirname, '../fixtures/diagnostics');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const seen = new Set<string>();

async function validate(cwd: string, file: string) {
  const r = await runCli(['playbook', 'validate', file], { cwd });
  const json = await runCli(['playbook', 'validate', '--format', 'json', file], { cwd });
  const codes = (JSON.parse(json.stdout).diagnostics as { code: string }[]).map((d) => d.code);
  for (const c of codes) seen.add(c);
  return { ...r, codes, jsonCode: json.code };
}

describe('diagnostic goldens', () => {
  it.each(fixtures)('%s', async (name) => {
    const r = await validate(dir, name);
    expect(r.code).toBe(r.jsonCode);
    expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/); // never a stack trace
    expectGolden(join(dir, name.replace(/\.yaml$/, '.out')), `exit ${r.code}\n--- stderr\n${r.stderr}--- stdout\n${r.stdout}`);
    // the file is named after the code it demonstrates
    const code = name.replace(/\.yaml$/, '').replace(/-(comments|proto|merge|scalar|loop|top-level)$/, '');
    expect(r.codes).toContain(code);
  });

  const generated: [string, () => Buffer][] = [
    ['file-too-large', () => Buffer.alloc(30 * 1024 * 1024, 'a: b\n')],
    ['binary-file', () => Buffer.from([0x69, 0x64, 0x3a, 0x20, 0x00, 0x01, 0x02, 0xff])],
    ['not-utf8', () => Buffer.concat([Buffer.from('id: latin\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\n')])],
    ['yaml-syntax-2mb-line', () => Buffer.from(`id: long\ntitle: "${'x'.repeat(2 * 1024 * 1024)}\n`)],
    ['too-deep-generated', () => Buffer.from(`id: deep\ntitle: x\nq: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)],
  ];
  it.each(generated)('%s (generated)', async (name, make) => {
    const tmp = mkdtempSync(join(tmpdir(), 'sc-golden-'));
    writeFileSync(join(tmp, 'input.yaml'), make());
    const started = Date.now();
    const r = await validate(tmp, 'input.yaml');
    expect(Date.now() - started).toBeLessThan(10_000); // never hangs
    expect(r.code).toBe(1);
    expectGolden(join(dir, 'generated', `${name}.out`), `exit ${r.code}\n--- stderr\n${r.stderr}--- stdout\n${r.stdout}`);
  });

  const answersDir = join(import.meta.dirname, '../fixtures/answers');
  const answerFiles = readdirSync(answersDir).filter((f) => f.endsWith('.yaml')).sort();
  it.each(answerFiles)('answers file %s', async (name) => {
    const mode = readFileSync(join(answersDir, name), 'utf8').match(/^mode: (\w+)/m)?.[1] ?? 'prep';
    const data = mkdtempSync(join(tmpdir(), 'sc-golden-data-'));
    const r = await runCli([mode, '--answers', name, '--no-input', '--dry-run'], { cwd: answersDir, env: { XDG_DATA_HOME: data } });
    expect(r.code).toBe(2);
    expectGolden(join(answersDir, name.replace(/\.yaml$/, '.out')), `exit ${r.code}\n--- stderr\n${r.stderr}--- stdout\n${r.stdout}`);
    for (const m of r.stderr.matchAll(/\[([a-z-]+)\]$/gm)) seen.add(m[1]);
    expect(r.stderr).toContain(`[${name.replace(/\.yaml$/, '')}]`);
  });

  it('covers every diagnostic code', () => {
    // file-not-found needs a file that vanishes between listing and reading: see tests/playbook/loader.test.ts
    const elsewhere = new Set(['file-not-found']);
    const missing = DIAGNOSTIC_CODES.filter((c) => !elsewhere.has(c) && !seen.has(c));
    expect(missing).toEqual([]);
  });
});
