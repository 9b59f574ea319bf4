/** The built binary, spawned as a rep or a script would run it: answers files, stdin, exit codes, output. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

const { dir, file } = scratch('sc-e2e-');

const fullDebrief = `mode: debrief
account: "Acme \\"Quotes\\" 有限公司"
date: 2026-11-25
answers:
  contact_name: 王经理
  contact_role: first_kp
  contacts_known: 1
  has_need: "yes"
  buying_power: "yes"
  sees_value: "yes"
  persona: koala
  asked_to_sign: "no"
  trust_built: "yes"
  not_signed_reason: wants to ask the board
  polite_excuse: "no"
  statement_changed: "no"
  plan_shared: "no"
  next_meeting: 2026-12-01
`;

describe('scripted sessions', () => {
  it('debrief --answers FILE prints the class, why, flags and dated next steps', async () => {
    const r = await runBin(['debrief', '--answers', file('a.yaml', fullDebrief), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Not saved (--dry-run).\n');
    expect(r.stdout).toContain(' A  Acme "Quotes" 有限公司 · debrief Wed 25 Nov 2026');
    expect(r.stdout).toContain('Because you met the first KP, they have a need, their company can pay');
    expect(r.stdout).toContain('Sign by Fri 4 Dec 2026 (7-10 days), or reclassify.');
    // where to reclassify an A is the playbook's word (seed 001), not the program's
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('or reclassify as B or D');
    expect(r.stdout).toContain('→ So why was it not signed today?');
    // a koala whose trust was built: the close was due, said in the koala's words (not beside the prep's hold-back)
    expect(r.stdout).toContain('!! Trust was built, so the close was due in the last 20 minutes');
    expect(r.stdout).toMatch(/\[ \] Fri 27 Nov\s+Confirm the meeting of Tue 1 Dec/);
    expect(r.stdout).not.toMatch(/\u001b/); // not a terminal: no colour
  });

  it('plan --account NAME: a key account plan with dated steps and no class', async () => {
    const r = await runBin(['plan', '--account', 'Hengda', '--answers', 'examples/demo-plan.yaml', '--dry-run', '--lang', 'zh-TW']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('客戶經營計畫'); // Taiwan's form of 计划
    expect(r.stdout).toMatch(/12月9日週三\s+把合作目標拿到客戶那裡/);
    expect(r.stdout).not.toMatch(/[签单经营计划]/);
  });

  it('fits 80 columns, measuring CJK by display width', async () => {
    const r = await runBin(['debrief', '--answers', file('zh.yaml', fullDebrief), '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('因为见的是第一KP');
    const widest = Math.max(...r.stdout.split('\n').map((l) => stringWidth(l)));
    expect(widest).toBeLessThanOrEqual(80);
  });

  it('--json prints the engine result; --out writes Markdown', async () => {
    const md = join(dir, 'visit.md');
    const r = await runBin(['debrief', '--answers', file('b.yaml', fullDebrief), '--json', '--out', md]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.classification).toMatchObject({ status: 'classified', class: 'A', rule: 'A' });
    expect(result.flags.map((f: { id: string }) => f.id)).toContain('koala_trust_won_not_asked');
    const text = readFileSync(md, 'utf8');
    expect(text).toMatch(/^# Acme "Quotes" 有限公司 · debrief Wed 25 Nov 2026/);
    expect(text).toContain('- [ ] Fri 4 Dec 2026: The A signing cycle (7-10 days) ends');
  });

  it('answers piped on stdin are read whole and fed to the engine', async () => {
    const r = await runBin(['debrief', '--json'], { input: fullDebrief });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).classification.class).toBe('A');
  });

  it('no terminal and no answers: a clear error at once, never a hang', async () => {
    const r = await runBin(['prep'], { input: '' });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no terminal to ask the questions on, and no answers given');
    expect(r.stderr).toContain('--answers FILE');
  });

  it('missing answers are each named, with where to add them', async () => {
    const r = await runBin(['debrief', '--answers', file('missing.yaml', 'mode: debrief\nanswers:\n  contact_name: Li\n  contact_role: second_kp\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.yaml:2:1: error: no answer to "approval_layers"');
    expect(r.stderr).toContain('no answer to "has_need"');
    expect(r.stderr).toMatch(/\d+ answers missing in the answers file; nothing was run/);
  });

  it('an invalid answer names the question, the value, what is expected, and where', async () => {
    const r = await runBin(['prep', '--answers', file('bad.yaml', 'answers:\n  contact_name: Li\n  has_need: maybe\n  budgte: 3\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml:3:13: error: "has_need" cannot be "maybe" [invalid-answer]');
    expect(r.stderr).toContain('expected "yes" or "no", or "unknown"');
    expect(r.stderr).toContain('bad.yaml:4:3: error: no question "budgte" in the playbook abcd [unknown-key]');
  });

  it('a broken answers file is reported with its position, not a stack trace', async () => {
    const r = await runBin(['prep', '--answers', file('broken.yaml', 'answers:\n  contact_name: "Li\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.yaml:2:17: error: this quote is never closed');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('the answers file must be for this kind of session', async () => {
    const r = await runBin(['prep', '--answers', file('mode.yaml', fullDebrief)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the answers file is for a debrief, not a prep');
  });

  it('--persona must name a persona of the playbook', async () => {
    const r = await runBin(['debrief', '--persona', 'kaola', '--answers', file('p.yaml', fullDebrief)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown persona "kaola"');
    expect(r.stderr).toContain('did you mean "koala"?');
  });

  it('control sequences in answers are refused at the boundary, with where, and never reach the terminal', async () => {
    const evil = fullDebrief.replace('wants to ask the board', '"\\e]0;owned\\a\\e[2Jboard"');
    const r = await runBin(['debrief', '--answers', file('evil.yaml', evil)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/evil\.yaml:\d+:\d+/);
    expect(r.stderr).toContain('not_signed_reason');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\u001b|\u0007/);
  });
});

describe('demo and help', () => {
  it('demo runs a complete example with no set-up', async () => {
    const { env } = sandbox();
    const r = await runBin(['demo'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hengda Logistics');
    expect(r.stdout).toContain('The person: Coordinator (');
    expect(r.stdout).toContain('Recap to send before the visit');
  });

  it('--help explains the commands and exit codes', async () => {
    const r = await runBin(['--help']);
    expect(r.code).toBe(0);
    for (const word of ['prep', 'debrief', 'demo', 'playbook', 'Exit codes']) expect(r.stdout).toContain(word);
  });

  it('--version prints the version', async () => {
    const r = await runBin(['--version']);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
