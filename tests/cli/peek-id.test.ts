/**
 * Issue 22, adversarial pass: a playbook is told from a fragment by its top-level `id:` (peekId), which
 * was looked for in the first 4 KB only. A playbook whose id: came later (a long header comment, or
 * written last) was validated as a fragment, its shape only: "✓" over an unknown question, and it was
 * left out of the playbook folder's list.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peekId } from '../../src/cli/registry.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sc-peek-'));
const at = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('the id of a playbook file, wherever its line is', () => {
  it.each([
    ['at the top', 'id: top\nquestions: []\n', 'top'],
    ['after 10 KB of comment', `${'# a long note\n'.repeat(800)}id: later\n`, 'later'],
    ['written last, CRLF', `title: x\r\n${'questions: []\r\n'.repeat(1)}${'# pad\r\n'.repeat(20_000)}id: last\r\n`, 'last'],
    ['cut by a read (the line across 64 KB)', `${'#'.repeat(64 * 1024 - 3)}\nid: across\n`, 'across'],
    ['none: a fragment', `${'# pad\n'.repeat(20_000)}questions: []\n`, undefined],
    ['"id:" inside a long line is no id', `# ${'x'.repeat(70_000)}\nid: real\n`, 'real'],
    ['"id:" where a read begins inside a long line is no id', `${'#'.repeat(64 * 1024)}id: fake\nquestions: []\n`, undefined],
    ['an indented id: is no top-level id', `${'# pad\n'.repeat(2000)}questions:\n  - id: q1\n`, undefined],
  ])('%s', (_name, text, id) => {
    expect(peekId(at(`${_name.replace(/\W+/g, '-')}.yaml`, text))).toBe(id);
  });

  it('playbook validate checks a playbook whose id: comes after 4 KB in full', async () => {
    const pb = await runCli(['playbook', 'init', '--from', 'bant', 'late.yaml'], { cwd: dir });
    expect(pb.code).toBe(0);
    const file = join(dir, 'late.yaml');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(file, 'utf8');
    const withoutId = text.replace(/^id: .*\n/m, '').replace('question: budget', 'question: no_such_question');
    writeFileSync(file, `${'# a trainer\'s notes\n'.repeat(300)}${withoutId}id: late\n`);
    const r = await runCli(['playbook', 'validate', 'late.yaml'], { cwd: dir });
    expect(r.stdout + r.stderr).toContain('unknown question "no_such_question"');
    expect(r.code).toBe(1);
  });
});
