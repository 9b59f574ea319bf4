/** `playbook init --from TEMPLATE`: a complete, bilingual, tested playbook of a methodology, as a trainer gets it. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sc-templates-'));
const TEMPLATES = ['abcd', 'bant', 'meddicc', 'spin'];
const root = join(import.meta.dirname, '../..');

describe('playbook init --list', () => {
  it('shows each methodology with its title', async () => {
    const r = await runCli(['playbook', 'init', '--list']);
    expect(r.code).toBe(0);
    for (const t of TEMPLATES) expect(r.stdout).toMatch(new RegExp(`^${t} +\\S`, 'm'));
    expect(r.stdout).toContain('MEDDICC deal qualification');
    const zh = await runCli(['--lang', 'zh-CN', 'playbook', 'init', '--list']);
    expect(zh.stdout).toContain('SPIN顾问式销售');
  });

  it('names the templates when asked for one that does not exist', async () => {
    const r = await runCli(['playbook', 'init', '--from', 'medic', 'x.yaml'], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no template "medic"');
    expect(r.stderr).toContain('abcd, bant, meddicc, spin');
  });

  it('ships the templates in the package', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.files).toContain('templates');
  });
});

describe.each(TEMPLATES)('playbook init --from %s', (template) => {
  it('writes a valid bilingual playbook whose own tests pass with 100% coverage, every item asserted', async () => {
    const dir = tmp();
    const init = await runCli(['playbook', 'init', '--from', template, 'team.yaml'], { cwd: dir });
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('wrote team.yaml, team.test.yaml');
    const text = readFileSync(join(dir, 'team.yaml'), 'utf8');
    expect(text).toMatch(/^id: team$/m);
    expect(text).toMatch(/^locales: \[en, zh-CN\]$/m);
    // --strict: a text missing en or zh-CN is a warning, and so a failure here
    const v = await runCli(['playbook', 'validate', '--strict', 'team.yaml'], { cwd: dir });
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    const t = await runCli(['playbook', 'test', '--coverage', 'team.yaml'], { cwd: dir });
    expect(t.stdout).toMatch(/Coverage of team: (\d+)\/\1 \(100%\)/);
    expect(t.stdout).not.toContain('never asserted');
    expect(t.stdout).not.toContain('✗');
    expect(t.stdout.trimEnd().split('\n').pop()).toMatch(/^[1-9]\d* passed, 0 failed$/);
    expect(t.code).toBe(0);
  });
});

describe('playbook init (the starter)', () => {
  it('gives no step that is overdue the day it is made', async () => {
    const dir = tmp();
    await runCli(['playbook', 'init', 'team.yaml'], { cwd: dir });
    const text = readFileSync(join(dir, 'team.yaml'), 'utf8');
    expect(text).not.toMatch(/due: -\d/);
    // a debrief on the 25th with a next meeting: confirming it is due after the visit, not before
    writeFileSync(
      join(dir, 'team.test.yaml'),
      `cases:\n  - name: "confirm"\n    date: 2026-11-25\n    answers: { contact_name: Li, met_first_kp: "yes", budget: "yes", outcome: open, next_meeting: 2026-11-28 }\n    expect: { checklist: [{ id: confirm_meeting, due: 2026-11-26 }] }\n`,
    );
    const t = await runCli(['playbook', 'test', 'team.yaml'], { cwd: dir });
    expect(t.stdout.trimEnd().split('\n').pop()).toBe('1 passed, 0 failed');
  });

  it("the editor's $schema reference survives the folder being moved", async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'a'));
    for (const args of [['playbook', 'init', 'a/team.yaml'], ['playbook', 'init', '--from', 'bant', 'a/bant.yaml']]) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code).toBe(0);
    }
    // moved elsewhere (another folder, another machine): the references still name files that exist
    const moved = join(tmp(), 'elsewhere');
    cpSync(join(dir, 'a'), moved, { recursive: true });
    for (const f of ['team.yaml', 'team.test.yaml', 'bant.yaml', 'bant.test.yaml']) {
      const first = readFileSync(join(moved, f), 'utf8').split('\n')[0];
      const ref = /^# yaml-language-server: \$schema=(\.\/\S+)$/.exec(first)?.[1];
      expect(ref, f).toBeDefined();
      const schema = resolve(dirname(join(moved, f)), ref as string);
      expect(existsSync(schema), `${f} -> ${ref}`).toBe(true);
      expect(JSON.parse(readFileSync(schema, 'utf8')).title).toMatch(/sales-coach/);
    }
  });
});
