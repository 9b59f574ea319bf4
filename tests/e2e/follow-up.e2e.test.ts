/**
 * Issue 25: a debrief ends with the follow-up to send the customer the same day, in the session's
 * language, and `--copy` puts it on the clipboard (clipboardy, which runs `xsel` on Linux: a stand-in
 * `xsel` on PATH records what it was given, as a desktop's would hold it).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

const KOALA = `mode: debrief
date: 2026-12-01
answers:
  contact_name: Ms Chen
  contact_role: first_kp
  contacts_known: 3
  has_need: "yes"
  buying_power: "yes"
  sees_value: "yes"
  persona: koala
  asked_to_sign: "no"
  trust_built: "no"
  not_signed_reason: trust is not there yet
  customer_asked: a reference site
  polite_excuse: "no"
  statement_changed: "no"
  plan_shared: "yes"
  meetings_left: 2
  next_meeting: 2026-12-08
  next_topic: the rollout plan
`;

/** A PATH whose `xsel` writes what it is given to a file. */
function fakeClipboard(dir: string): { path: string; held: () => string | undefined } {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const file = join(dir, 'clipboard.txt');
  writeFileSync(join(bin, 'xsel'), `#!/bin/sh\ncat > '${file}'\n`);
  chmodSync(join(bin, 'xsel'), 0o755);
  return { path: `${bin}:${process.env.PATH ?? ''}`, held: () => (existsSync(file) ? readFileSync(file, 'utf8') : undefined) };
}

describe('the follow-up after a debrief', () => {
  it('says thanks, the next meeting and its topic, the plan a koala wants and the request with its date; --copy puts it on the clipboard', async () => {
    const { dir, file } = scratch('sc-followup-');
    const clip = fakeClipboard(dir);
    const env = { ...sandbox().env, PATH: clip.path };
    const r = await runBin(['debrief', '--account', 'Hengda', '--no-input', '--copy', '--answers', file('k.yaml', KOALA)], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Follow-up to send today (ready to copy)');
    expect(r.stderr).toContain('Saved to the account "Hengda".');
    expect(r.stderr).toContain('The follow-up is on the clipboard.');
    expect(clip.held()).toBe(
      [
        'Hello Ms Chen, thank you for your time today.',
        'As agreed, we meet again on Tue 8 Dec. Next time we will cover the rollout plan.',
        'So that you can plan, the meetings we still need before a decision: about 2.',
        'What I will do next:',
        '- send you what you asked for: a reference site, by Thu 3 Dec',
        'Best regards',
      ].join('\n'),
    );
    // the customer reads neither the class nor the rep's coaching
    expect(clip.held()).not.toMatch(/\bA\b|first KP|koala|signature/);
    // what they asked for is the rep's step too, inside the A window
    expect(r.stdout).toMatch(/Thu 3 Dec +Send them what they asked for: a reference site/);
  });

  it('in Chinese, simplified and traditional', async () => {
    const { file } = scratch('sc-followup-zh-');
    const answers = file('k.yaml', KOALA.replace('Ms Chen', '陈总'));
    const cn = await runBin(['debrief', '--account', 'Hengda', '--no-input', '--dry-run', '--lang', 'zh-CN', '--answers', answers], { env: sandbox().env });
    expect(cn.code, cn.stderr).toBe(0);
    expect(cn.stdout).toContain('今天要发给客户的跟进消息（可直接复制）');
    expect(cn.stdout).toContain('陈总，您好！感谢您今天抽出时间。');
    expect(cn.stdout).toContain('也跟您说一下整体安排：接下来大概还要再沟通2次。');
    const tw = await runBin(['debrief', '--account', 'Hengda', '--no-input', '--dry-run', '--lang', 'zh-TW', '--answers', answers], { env: sandbox().env });
    expect(tw.code, tw.stderr).toBe(0);
    // the playbook's words are converted; what the rep typed (the name) is kept as typed
    expect(tw.stdout).toContain('陈总，您好！感謝您今天抽出時間。');
    expect(tw.stdout).not.toContain('感谢');
  });

  it('none for a D; --copy then says there is nothing to copy, and no clipboard is never an error', async () => {
    const { dir, file } = scratch('sc-followup-d-');
    const d = await runBin(['debrief', '--account', 'Gone', '--no-input', '--copy', '--answers', file('d.yaml', KOALA.replace('has_need: "yes"', 'has_need: "no"'))], { env: { ...sandbox().env, PATH: fakeClipboard(dir).path } });
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).not.toContain('Follow-up');
    expect(d.stderr).toContain('Nothing to copy: this session drafted no follow-up and no recap.');
    // no xsel and no display: said in a line, the visit saved, exit 0
    const bare = await runBin(['debrief', '--account', 'Hengda', '--no-input', '--copy', '--answers', file('k.yaml', KOALA)], { env: { ...sandbox().env, PATH: '/usr/bin:/bin', DISPLAY: '' } });
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stderr).toContain('Saved to the account "Hengda".');
    expect(bare.stderr).toMatch(/^Not copied to the clipboard: .+ The message is on the screen above\.$/m);
  });
});
