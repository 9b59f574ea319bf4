/** `playbook graph`: the logic as Mermaid, as a trainer pastes it into Markdown. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('playbook graph', () => {
  it('draws questions into conditions into classes, flags, steps and tips', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-graph-'));
    await runCli(['playbook', 'init', '--from', 'bant', 'team.yaml'], { cwd: dir });
    const r = await runCli(['playbook', 'graph', 'team.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    expect(r.stdout).toContain('  q_budget["budget: Is there a budget for this purchase?"]');
    expect(r.stdout).toContain('  class_hot(["class Hot: sign this quarter"])');
    expect(r.stdout).toMatch(/^ {2}flag_no_authority\{\{"flag no_authority: /m);
    expect(r.stdout).toMatch(/^ {2}step_meet_decider\[\/"step meet_decider: Book a meeting with whoever decides"\/\]$/m);
    // "out" is any of three answers: one junction, three labelled arrows into it
    const out = /^ {2}(j\d+) --> class_out$/m.exec(r.stdout)?.[1];
    expect(out).toBeDefined();
    expect(r.stdout).toContain(`  ${out}{"any"}`);
    for (const edge of ['q_budget -- "= no"', 'q_need -- "= no"', 'q_timeline -- "= never"']) expect(r.stdout).toContain(`  ${edge} --> ${out}`);
    // a step reads the class: the arrow comes from the class node
    expect(r.stdout).toMatch(/^ {2}class_hot --> j\d+$/m);
    // every label is quoted whole: an even number of quotes on every line
    for (const l of lines) expect((l.match(/"/g) ?? []).length % 2, l).toBe(0);
  });

  it('--markdown wraps it in a mermaid block; zh-CN labels with --lang', async () => {
    const r = await runCli(['--lang', 'zh-CN', 'playbook', 'graph', 'abcd', '--markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('```mermaid\nflowchart LR\n')).toBe(true);
    expect(r.stdout.trimEnd().endsWith('```')).toBe(true);
    expect(r.stdout).toMatch(/class_D\(\["class D类客户/);
  });
});
