/** `playbook try`: the result as a rep sees it, from an answers file, saving nothing. */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sc-try-'));

async function bant(dir: string) {
  await runCli(['playbook', 'init', '--from', 'bant', 'team.yaml'], { cwd: dir });
}
const answers = (budget: string) => `mode: debrief
account: Acme Ltd
date: 2026-11-25
answers:
  contact_name: Li
  budget: "${budget}"
  authority: decides
  need: "yes"
  timeline: quarter
  outcome: open
  next_meeting: 2026-11-30
`;

describe('playbook try', () => {
  it('shows the result screen of a session from an answers file, and saves nothing', async () => {
    const dir = tmp();
    await bant(dir);
    writeFileSync(join(dir, 'li.yaml'), answers('yes'));
    const data = join(dir, 'data');
    const r = await runCli(['playbook', 'try', 'team.yaml', '--answers', 'li.yaml'], { cwd: dir, env: { XDG_DATA_HOME: data, XDG_CACHE_HOME: join(dir, 'cache') } });
    expect(r.stderr).toContain('A try: nothing was saved.');
    expect(r.code).toBe(0);
    // the session's own screen: the class badge and title, the reasons, the steps with their dates
    expect(r.stdout).toMatch(/^ Hot {2}Acme Ltd · debrief Wed 25 Nov 2026$/m);
    expect(r.stdout).toContain(' Hot  Acme Ltd · debrief Wed 25 Nov 2026\n  Because budget: yes, the decider, need: yes and this quarter');
    expect(r.stdout).toContain('Get the signature by the deadline, or reclassify');
    expect(existsSync(data)).toBe(false);
    // change one answer and look again
    writeFileSync(join(dir, 'li.yaml'), answers('no'));
    const again = await runCli(['playbook', 'try', 'team.yaml', '--answers', 'li.yaml'], { cwd: dir });
    expect(again.stdout).toMatch(/^ Out {2}Acme Ltd/m);
    expect(again.stdout).not.toContain('Get the signature');
    expect(readdirSync(dir).sort()).toEqual(['li.yaml', 'playbook-test.schema.json', 'playbook.schema.json', 'team.test.yaml', 'team.yaml']);
  });

  it('in Chinese, and as JSON', async () => {
    const dir = tmp();
    await bant(dir);
    writeFileSync(join(dir, 'li.yaml'), answers('yes'));
    const zh = await runCli(['--lang', 'zh-CN', 'playbook', 'try', 'team.yaml', '--answers', 'li.yaml'], { cwd: dir });
    expect(zh.stdout).toContain('在截止日前拿到签字，否则重新分类');
    expect(zh.stderr).toContain('试运行：没有保存任何内容');
    const json = JSON.parse((await runCli(['playbook', 'try', 'team.yaml', '--answers', 'li.yaml', '--json'], { cwd: dir })).stdout);
    expect(json.classification.class).toBe('hot');
  });

  it('--from QUESTION without a terminal names what it would ask again', async () => {
    const dir = tmp();
    await bant(dir);
    writeFileSync(join(dir, 'li.yaml'), answers('yes'));
    const r = await runCli(['playbook', 'try', 'team.yaml', '--answers', 'li.yaml', '--from', 'timeline'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no answer to "timeline": When do they mean to buy?');
    expect(r.stderr).not.toContain('no answer to "need"');
    const typo = await runCli(['playbook', 'try', 'team.yaml', '--answers', 'li.yaml', '--from', 'timelin'], { cwd: dir });
    expect(typo.stderr).toContain('no question "timelin"');
    expect(typo.stderr).toContain('timeline');
  });

  it('without answers and without a terminal, lists every question to answer', async () => {
    const dir = tmp();
    await bant(dir);
    const r = await runCli(['playbook', 'try', 'team.yaml', '--mode', 'prep'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no answer to "contact_name"');
  });
});

describe('the recap heading', () => {
  it('says "after the visit" on a debrief and "before the visit" on a prep', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'notes.yaml'),
      'id: notes\ntitle: Notes\nquestions:\n  - { id: contact_name, kind: text, text: Who? }\n  - { id: topic, kind: text, text: Topic? }\nclasses:\n  - { id: any, name: Any, priority: 1, when: { question: contact_name, answered: true } }\nrecap:\n  text: "Hello {answers.contact_name}: {answers.topic}."\n',
    );
    writeFileSync(join(dir, 'a.yaml'), 'mode: debrief\nanswers: { contact_name: Li, topic: the pilot }\n');
    const debrief = await runCli(['playbook', 'try', 'notes.yaml', '--answers', 'a.yaml'], { cwd: dir });
    expect(debrief.code, debrief.stderr).toBe(0);
    expect(debrief.stdout).toContain('Recap to send after the visit (ready to copy)');
    expect(debrief.stdout).toContain('Hello Li: the pilot.');
    writeFileSync(join(dir, 'a.yaml'), 'mode: prep\nanswers: { contact_name: Li, topic: the pilot }\n');
    const prep = await runCli(['playbook', 'try', 'notes.yaml', '--answers', 'a.yaml'], { cwd: dir });
    expect(prep.code, prep.stderr).toBe(0);
    expect(prep.stdout).toContain('Recap to send before the visit (ready to copy)');
  });

  it("BANT's debrief ends with the follow-up, not a recap", async () => {
    const dir = tmp();
    await bant(dir);
    writeFileSync(join(dir, 'li.yaml'), answers('yes'));
    const r = await runCli(['playbook', 'try', 'team.yaml', '--answers', 'li.yaml'], { cwd: dir });
    expect(r.stdout).toContain('Follow-up to send today (ready to copy)');
    expect(r.stdout).toContain('We agreed the budget and the need.');
    expect(r.stdout).not.toContain('Recap to send');
  });
});
