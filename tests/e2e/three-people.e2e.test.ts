/**
 * A three-person debrief through the built binary (issue 25): an answers file names the others at the
 * meeting; the class follows the first KP who was there, all three are on the account, the follow-up
 * greets them all; a wrong value among the others is told at its line and column, and nothing is saved.
 */
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

const MAIN = `mode: debrief
account: Hengda
date: 2026-12-03
answers:
  contact_name: Ms Chen
  contact_title: Purchasing manager
  contact_role: second_kp
  approval_layers: one
  contacts_known: 3
  has_need: "yes"
  buying_power: "yes"
  sees_value: "yes"
  persona: koala
  contact_stance: supporter
  asked_to_sign: "yes"
  trust_built: "yes"
  signed: "no"
  not_signed_kind: obstacle
  not_signed_reason: board approval next week
  polite_excuse: "no"
  statement_changed: "no"
  plan_shared: "yes"
  next_meeting: 2026-12-08
  next_topic: the contract
`;

const OTHERS = `others:
  - contact_name: Mr Wang
    contact_title: General manager
    contact_role: first_kp
    persona: commander
    contact_stance: supporter
  - contact_name: Li Na
    contact_role: third_kp
    persona: not-sure
    observed: [talkative]
    contact_stance: neutral
`;

describe('a debrief with three people at the meeting', () => {
  it('classifies on the first KP present, records all three, greets all three (en, zh-CN)', async () => {
    const { file } = scratch('sc-three-');
    const answers = file('three.yaml', MAIN + OTHERS);
    const { env } = sandbox();
    const r = await runBin(['debrief', '--answers', answers], { env });
    expect(r.code).toBe(0);
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain(' A Hengda · debrief Thu 3 Dec 2026');
    expect(out).toContain("Also at the meeting: Mr Wang (General manager, First KP, Commander, A supporter); the class follows Mr Wang's role, the highest at the meeting");
    expect(out).toContain('Also at the meeting: Li Na (Third KP, Socializer, Neutral)');
    expect(out).toContain('Hello Mr Wang, Ms Chen and Li Na, thank you for your time today.');

    const show = JSON.parse((await runBin(['account', 'show', 'Hengda', '--json'], { env })).stdout) as { contacts: { name: string; role?: string; persona?: string; title?: string }[] };
    expect(show.contacts.map((c) => [c.name, c.role, c.persona])).toEqual([
      ['Ms Chen', 'second_kp', 'koala'],
      ['Mr Wang', 'first_kp', 'commander'],
      ['Li Na', 'third_kp', 'socializer'],
    ]);

    const zh = await runBin(['debrief', '--answers', answers, '--dry-run', '--lang', 'zh-CN'], { env });
    expect(zh.code).toBe(0);
    expect(zh.stdout.replace(/\s+/g, '')).toContain('同时在场：MrWang（Generalmanager，第一KP，指挥官，支持者）；客户分类以在场职位最高的MrWang为准');
    expect(zh.stdout).toContain('Mr Wang、Ms Chen、Li Na，各位好！感谢各位今天抽出时间。');
  });

  it('a wrong value, an unknown question and a nameless person among the others are each told where; nothing is saved', async () => {
    const { file } = scratch('sc-three-bad-');
    const bad = `${MAIN}others:\n  - contact_name: Mr Wang\n    contact_role: boss\n  - contact_role: third_kp\n  - contact_name: Li Na\n    has_need: "no"\n`;
    const answers = file('bad.yaml', bad);
    const { env } = sandbox();
    const r = await runBin(['debrief', '--answers', answers], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:27:19: error: "contact_role" cannot be "boss" \[invalid-answer\]/);
    expect(r.stderr).toMatch(/bad\.yaml:28:5: error: others: person 2 has no name \(contact_name\) \[missing-answer\]/);
    expect(r.stderr).toMatch(/bad\.yaml:30:5: error: others: "has_need" is not asked of the other people at a meeting \[unknown-key\]/);
    expect(r.stderr).toContain('the answers file has 3 mistakes; nothing was run');
    expect((await runBin(['accounts', '--json'], { env })).stdout).not.toContain('Hengda');
  });
});
