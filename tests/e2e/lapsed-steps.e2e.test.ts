/**
 * Steps with a life, seen on every screen with the built binary: "confirm the meeting of Thu 3 Dec"
 * prepares that meeting. Once the day has passed, the checklist, the morning screen and `account show`
 * no longer list it or call it overdue, the next session does not ask whether it was done, and that
 * session closes it as no longer needed. Before, it stayed on every screen, overdue, until then.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aDebriefAnswers } from '../helpers/answers.js';
import { runBin, sandbox } from '../helpers/spawn.js';

const { home, env } = sandbox();
const EXAMPLE = join(import.meta.dirname, '../../examples/debrief.yaml');
const CONFIRM = 'Confirm the meeting of Thu 3 Dec in writing';

async function json<T>(args: string[]): Promise<T> {
  const r = await runBin(args, { env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

describe('a step that prepares a meeting lives until that meeting', () => {
  it('is listed up to the day of the meeting, and on no screen after it; the next session closes it', async () => {
    // the example's debrief of 2 Dec books the next meeting for 3 Dec
    const saved = await runBin(['debrief', '--account', 'Lapse Co', '--answers', EXAMPLE, '--date', '2026-12-02'], { env });
    expect(saved.code, saved.stderr).toBe(0);
    type Step = { id: number; text: string; overdue?: boolean };
    const onDay = await json<Step[]>(['checklist', '--json', '--account', 'Lapse Co', '--today', '2026-12-03']);
    expect(onDay.map((s) => s.text).join('\n')).toContain(CONFIRM);

    const after = await json<Step[]>(['checklist', '--json', '--account', 'Lapse Co', '--today', '2026-12-05']);
    expect(after.map((s) => s.text).join('\n')).not.toContain(CONFIRM);
    // a step that does not prepare the meeting (tell Ms Chen the plan, due 3 Dec) is still there, overdue
    expect(after.find((s) => s.text.startsWith('Tell Ms Chen the plan'))?.overdue).toBe(true);

    const today = await runBin(['today', '--today', '2026-12-05'], { env });
    expect(today.code, today.stderr).toBe(0);
    expect(today.stdout.replace(/\s+/g, ' ')).not.toContain(CONFIRM);
    expect(today.stdout.replace(/\s+/g, ' ')).toContain('Tell Ms Chen the plan');

    const shown = await runBin(['account', 'show', 'Lapse Co', '--today', '2026-12-05'], { env });
    expect(shown.code, shown.stderr).toBe(0);
    const line = shown.stdout.split('\n').find((l) => l.includes('Confirm the meeting of Thu 3 Dec'));
    expect(line).toBeDefined();
    expect(line).not.toMatch(/overdue/i);
    // still open in the store until the next session: said so, not shown as a step to do
    // its window ended (it lapsed): not "no longer needed", which a window's "signed, or reclassify" still is
    expect(shown.stdout.replace(/\s+/g, ' ')).toContain(`${CONFIRM}, with its agenda (its window ended Thu 3 Dec 2026: the next session closes it)`);
    expect(shown.stdout).not.toMatch(/no longer needed/);
    const zh = await runBin(['--lang', 'zh-CN', 'account', 'show', 'Lapse Co', '--today', '2026-12-05'], { env });
    expect(zh.stdout.replace(/\s+/g, '')).toContain('期限已于2026年12月3日');
    expect(zh.stdout).not.toMatch(/不再需要/);

    // the next prep (5 Dec) closes it, said as no longer needed since the meeting took place
    const prepFile = join(home, 'prep.yaml');
    writeFileSync(prepFile, readFileSync(join(import.meta.dirname, '../../examples/demo-prep.yaml'), 'utf8').replace(/^(account|date):.*$/gm, ''));
    const prep = await runBin(['prep', '--account', 'Lapse Co', '--answers', prepFile, '--date', '2026-12-05', '--json'], { env });
    expect(prep.code, prep.stderr).toBe(0);
    const events = (JSON.parse(prep.stdout) as { accountEvents?: { kind: string; text?: string; state?: string; by?: string }[] }).accountEvents ?? [];
    expect(events.find((e) => e.kind === 'step-closed' && e.text?.startsWith('Confirm the meeting of Thu 3 Dec'))).toMatchObject({ state: 'superseded', by: 'visited' });
  }, 30_000);

  it('checklist done and undo say the step in the reader\'s language, whatever the session that wrote it', async () => {
    const { env: own } = sandbox();
    const saved = await runBin(['--lang', 'zh-CN', 'debrief', '--account', 'Lang Co', '--answers', EXAMPLE, '--date', '2026-12-02'], { env: own });
    expect(saved.code, saved.stderr).toBe(0);
    const steps = JSON.parse((await runBin(['checklist', '--json', '--account', 'Lang Co', '--today', '2026-12-02'], { env: own })).stdout) as { id: number; text: string }[];
    const book = steps.find((s) => s.text.startsWith('Book a meeting with the first KP'));
    expect(book).toBeDefined();
    const done = await runBin(['checklist', 'done', String(book?.id)], { env: own });
    expect(done.stderr).toContain('Book a meeting with the first KP, through Ms Chen');
    const undo = await runBin(['--lang', 'zh-CN', 'checklist', 'undo'], { env: own });
    expect(undo.stderr).toContain('通过Ms Chen约第一KP见面');
  }, 30_000);

  it('a step for a meeting that has taken place is not reopened: said why, and how to add it again', async () => {
    const { env: own } = sandbox();
    const saved = await runBin(['debrief', '--account', 'Undo Co', '--answers', EXAMPLE, '--date', '2026-12-02'], { env: own });
    expect(saved.code, saved.stderr).toBe(0);
    const steps = JSON.parse((await runBin(['checklist', '--json', '--account', 'Undo Co', '--today', '2026-12-02'], { env: own })).stdout) as { id: number; text: string }[];
    const confirm = steps.find((s) => s.text.startsWith(CONFIRM)) as { id: number };
    // (checklist done and undo run on this machine's day, after 3 Dec 2026: the meeting has taken place)
    expect((await runBin(['checklist', 'done', String(confirm.id)], { env: own })).code).toBe(0);
    for (const args of [['checklist', 'undo'], ['checklist', 'reopen', String(confirm.id)]]) {
      const r = await runBin(args, { env: own });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`step ${confirm.id} was for a meeting that has taken place (its last day was 2026-12-03); it cannot be reopened`);
      expect(r.stderr).toContain('sales-coach checklist add');
    }
    const zh = await runBin(['--lang', 'zh-CN', 'checklist', 'undo'], { env: own });
    expect(zh.stderr).toContain('是为一次已经进行过的会面准备的（最后一天是2026-12-03），不能再重新打开');
    // still done: nothing was changed by the refusals
    const after = JSON.parse((await runBin(['checklist', '--json', '--account', 'Undo Co', '--today', '2026-12-02'], { env: own })).stdout) as { id: number }[];
    expect(after.map((s) => s.id)).not.toContain(confirm.id);
  }, 30_000);
});

describe("a signing window's step lives until the window ends", () => {
  it('and the next session, a prep too, closes it: the screen that said so is not left wrong', async () => {
    const { home: own, env: ownEnv } = sandbox();
    const debrief = join(own, 'a.yaml');
    writeFileSync(debrief, `mode: debrief\nanswers:\n${aDebriefAnswers('Li')}`);
    const saved = await runBin(['debrief', '--account', 'Window Co', '--answers', debrief, '--date', '2026-11-20'], { env: ownEnv });
    expect(saved.code, saved.stderr).toBe(0);
    const cycle = 'The A signing cycle (7-10 days) ends';
    const before = await runBin(['account', 'show', 'Window Co', '--today', '2026-12-05'], { env: ownEnv });
    expect(before.stdout.replace(/\s+/g, ' ')).toMatch(/\[ \] \d+ Mon 30 Nov 2026 The A signing cycle \(7-10 days\) ends: .*\(its window ended Mon 30 Nov 2026: the next session closes it\)/);
    const prepFile = join(own, 'prep.yaml');
    writeFileSync(prepFile, readFileSync(join(import.meta.dirname, '../../examples/demo-prep.yaml'), 'utf8').replace(/^(account|date):.*$/gm, ''));
    const prep = await runBin(['prep', '--account', 'Window Co', '--answers', prepFile, '--date', '2026-12-05', '--json'], { env: ownEnv });
    expect(prep.code, prep.stderr).toBe(0);
    const events = (JSON.parse(prep.stdout) as { accountEvents?: { kind: string; text?: string; state?: string; by?: string }[] }).accountEvents ?? [];
    expect(events.find((e) => e.kind === 'step-closed' && e.text?.startsWith(cycle))).toMatchObject({ state: 'superseded', by: 'reclassified' });
    const after = await runBin(['account', 'show', 'Window Co', '--today', '2026-12-06'], { env: ownEnv });
    expect(after.stdout.replace(/\s+/g, ' ')).toMatch(/\[-\] \d+ Mon 30 Nov 2026 The A signing cycle/);
    expect(after.stdout.replace(/\s+/g, ' ')).not.toMatch(/The A signing cycle[^[]*the next session closes it/);
  }, 30_000);
});
