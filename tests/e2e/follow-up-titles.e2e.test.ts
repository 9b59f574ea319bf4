/**
 * Issue 23: the follow-up to several people greets and names each exactly as the rep entered them,
 * titles and all (赵总、王主任; Mr Zhao and Director Wang), in en, zh-CN and zh-TW, on screen and in
 * the --out file; the coaching's mentions (the others at the meeting, the personal-win step) too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, scratch } from '../helpers/spawn.js';

const debrief = (main: string, other: string) => `mode: debrief
date: 2026-12-01
answers:
  contact_name: ${main}
  contact_role: first_kp
  contacts_known: 3
  has_need: "yes"
  buying_power: "yes"
  sees_value: "yes"
  persona: koala
  asked_to_sign: "no"
  trust_built: "no"
  not_signed_reason: 信任还不够
  customer_asked: 一个参考案例
  polite_excuse: "no"
  statement_changed: "no"
  plan_shared: "yes"
  meetings_left: 2
  next_meeting: 2026-12-08
  next_topic: 上线计划
others:
  - contact_name: ${other}
    contact_role: second_kp
`;

/** The screen without the terminal's wrapping: a name split over two lines reads whole again. */
const flat = (s: string) => s.replace(/\n\s*(│\s*)?/g, ' ');

describe('the follow-up names several people with their titles', () => {
  it('zh-CN: 赵总、王主任 in the greeting, the mentions and the --out file', async () => {
    const { dir, file } = scratch('sc-titles-');
    const out = join(dir, 'visit.md');
    const r = await runBin(['--lang', 'zh-CN', 'debrief', '--account', '恒达', '--no-input', '--answers', file('a.yaml', debrief('赵总', '王主任')), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('│ 赵总、王主任，各位好！感谢各位今天抽出时间。');
    expect(r.stdout).toContain('同时在场：王主任（第二KP）');
    expect(flat(r.stdout)).toContain('不只是赵总的');
    expect(readFileSync(out, 'utf8')).toContain('> 赵总、王主任，各位好！感谢各位今天抽出时间。');
  });

  it('zh-TW: the names stay as typed (simplified, as the rep wrote them), the rest as Taiwan writes', async () => {
    const { file } = scratch('sc-titles-');
    const r = await runBin(['--lang', 'zh-TW', 'debrief', '--account', '恒达', '--no-input', '--answers', file('a.yaml', debrief('赵总（总经理）', '王主任'))]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('│ 赵总（总经理）、王主任，各位好！感謝各位今天抽出時間。');
    expect(r.stdout).toContain('同時在場：王主任（第二KP）');
  });

  it('en: Mr Zhao and Director Wang', async () => {
    const { file } = scratch('sc-titles-');
    const r = await runBin(['debrief', '--account', 'Hengda', '--no-input', '--answers', file('a.yaml', debrief('Mr Zhao', 'Director Wang'))]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('│ Hello Mr Zhao and Director Wang, thank you for your time today.');
    expect(r.stdout).toContain('Also at the meeting: Director Wang (Second KP)');
    expect(flat(r.stdout)).toContain("not only Mr Zhao's");
  });
});
