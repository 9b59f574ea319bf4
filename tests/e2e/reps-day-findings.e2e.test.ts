/**
 * Issue 25, a rep's fortnight with the built binary: what a prep may record (it expects, a debrief
 * records), a class that moves only on new evidence, the meeting a D's debrief agreed, one plan across
 * sessions, a debrief's first question in the past tense, and `checklist done --date`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, sandbox } from '../helpers/spawn.js';

const { home, env } = sandbox();
let n = 0;

type Result = { visitDate: string; classification: { class?: string; reasons: { text: string }[] }; checklist: { id: string; text: string; due: string }[]; accountEvents?: { kind: string; key?: string }[] };

/** One scripted session: its JSON result (saved unless dryRun) and, when asked, its screen. */
async function session(mode: 'prep' | 'debrief', account: string, answers: Record<string, unknown>, date?: string): Promise<Result> {
  const file = join(home, `s${++n}.json`);
  writeFileSync(file, JSON.stringify({ mode, account, ...(date ? { date } : {}), answers }));
  const r = await runBin([mode, '--answers', file, '--json'], { env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Result;
}

async function accountClass(name: string): Promise<string | null> {
  const r = await runBin(['accounts', '--json'], { env });
  expect(r.code, r.stderr).toBe(0);
  const { accounts } = JSON.parse(r.stdout) as { accounts: { name: string; class?: string | null }[] };
  return accounts.find((a) => a.name === name)?.class ?? null;
}

async function openSteps(account: string, today: string): Promise<{ id: number; text: string; due: string }[]> {
  const r = await runBin(['checklist', '--json', '--account', account, '--today', today], { env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const facts = { contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes' };
const prepOnly = { trust_level: 'none', perception: 'supplier', resources: [], internal_support: [], visit_focus: 'the plan', visit_topic: 'the pilot' };

describe("the rep's day (issue 25)", () => {
  it("a D given on the first KP's polite excuse stays D at the next prep, which is for the meeting that debrief agreed", async () => {
    const today = new Date();
    const meeting = day(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 5));
    const d = await session('debrief', 'Excuse Co', { contact_name: 'Ms Lee', contact_role: 'first_kp', ...facts, persona: 'koala', observed: ['asks_details'], asked_to_sign: 'no', trust_built: 'no', not_asked_why: 'other', not_signed_reason: 'trust first', polite_excuse: 'yes', statement_changed: 'no', plan_shared: 'no', next_meeting: meeting }, day(today));
    expect(d.classification.class).toBe('D');
    // nothing new since: the carried facts alone read A (or C), but the class stands on what the visit heard
    // a D on record is asked what would make the visit worth it, not how to win the sale (the fifth trial)
    const p = await session('prep', 'Excuse Co', { contact_name: 'Ms Lee', worth_again: 'a budget of their own' });
    expect(p.classification.class).toBe('D');
    expect(p.classification.reasons.map((r) => r.text)).toEqual(['D because they ended the meeting with a polite excuse', expect.stringContaining('nothing you know has changed since')]);
    // no --date: the prep is for the meeting agreed, not for tomorrow
    expect(p.visitDate).toBe(meeting);
    expect(await accountClass('Excuse Co')).toBe('D');
  });

  it('a prep shows the class it expects and records none: the debrief does', async () => {
    const p = await session('prep', 'Expect Co', { contact_name: 'Mr Wu', contact_role: 'first_kp', ...facts, persona: 'commander', ...prepOnly }, '2026-11-17');
    expect(p.classification.class).toBe('A');
    expect(p.accountEvents?.some((e) => e.kind === 'class-changed')).toBe(false);
    expect(await accountClass('Expect Co')).toBeNull();
    const d = await session('debrief', 'Expect Co', { contact_name: 'Mr Wu', contact_role: 'second_kp', approval_layers: 'one', ...facts, persona: 'commander', asked_to_sign: 'no', not_asked_why: 'other', not_signed_reason: 'the boss decides', polite_excuse: 'no', statement_changed: 'no' }, '2026-11-17');
    expect(d.classification.class).toBe('B');
    expect(await accountClass('Expect Co')).toBe('B');
    // a prep whose answers say otherwise (he turns out to be the first KP) expects A; the record stays B
    const again = await session('prep', 'Expect Co', { contact_name: 'Mr Wu', contact_role: 'first_kp', ...prepOnly }, '2026-11-20');
    expect(again.classification.class).toBe('A');
    expect(again.classification.reasons.map((r) => r.text).join('\n')).toContain('Expected: A. The account stays B on record until the debrief says what happened');
    expect(await accountClass('Expect Co')).toBe('B');
  });

  it('one plan across sessions: "through Li" is not left beside "around Li" once Li stands against you', async () => {
    const base = { ...facts, contacts_known: 3, persona: 'thinker', asked_to_sign: 'no', not_asked_why: 'other', not_signed_reason: 'needs the boss', polite_excuse: 'no', statement_changed: 'no' };
    await session('debrief', 'Stance Co', { contact_name: 'Zhang', contact_role: 'third_kp', approval_layers: 'two', contact_stance: 'neutral', ...base }, '2026-11-10');
    await session('debrief', 'Stance Co', { contact_name: 'Li', contact_role: 'second_kp', approval_layers: 'one', contact_stance: 'supporter', ...base }, '2026-11-12');
    await session('debrief', 'Stance Co', { contact_name: 'Li', contact_role: 'second_kp', approval_layers: 'one', contact_stance: 'opponent', ...base }, '2026-11-16');
    const texts = (await openSteps('Stance Co', '2026-11-16')).map((s) => s.text).join('\n');
    expect(texts).toContain('another way than through Li');
    expect(texts).not.toContain('Book a meeting with the first KP, through Li');
    // nor is Li, now against you, still to be equipped to carry your value (Zhang's stance does not keep it)
    expect(texts).not.toContain('Equip Li to carry the value');
  });

  it("the personal win of each buying role asks only for those whose win is not on record", async () => {
    const base = { ...facts, contacts_known: 3, persona: 'thinker', asked_to_sign: 'no', not_asked_why: 'other', not_signed_reason: 'timing', polite_excuse: 'no', statement_changed: 'no' };
    await session('debrief', 'Win Co', { contact_name: 'Ms Chen', contact_role: 'first_kp', personal_win: 'a result to show the board', ...base }, '2026-11-10');
    const li = await session('debrief', 'Win Co', { contact_name: 'Li', contact_role: 'second_kp', approval_layers: 'one', ...base }, '2026-11-12');
    const wins = li.checklist.filter((c) => c.text.includes('personal win')).map((c) => c.text);
    expect(wins).toHaveLength(1);
    // Ms Chen's win is on record: not asked again, said as known
    expect(wins[0]).toContain('Li and the users (Ms Chen (the first KP)');
    expect(wins[0]).not.toContain('Li, Ms Chen (the first KP) and the users');
  });

  it("a debrief's first question asks of a meeting that has taken place", async () => {
    const file = join(home, 'missing.json');
    writeFileSync(file, JSON.stringify({ mode: 'debrief', account: 'Tense Co', date: '2026-11-17', answers: { has_need: 'yes' } }));
    const debrief = await runBin(['debrief', '--answers', file, '--no-input'], { env });
    expect(debrief.stderr).toContain('Who did you meet?');
    expect(debrief.stderr).not.toContain('Who do you meet?');
    writeFileSync(file, JSON.stringify({ mode: 'prep', account: 'Tense Co', date: '2026-11-17', answers: { has_need: 'yes' } }));
    const prep = await runBin(['prep', '--answers', file, '--no-input'], { env });
    expect(prep.stderr).toContain('Who do you meet?');
    writeFileSync(file, JSON.stringify({ mode: 'debrief', account: 'Tense Co', date: '2026-11-17', answers: { has_need: 'yes' } }));
    const zh = await runBin(['--lang', 'zh-CN', 'debrief', '--answers', file, '--no-input'], { env });
    expect(zh.stderr).toContain('这次见了谁');
  });

  it('checklist done --date records the day it happened; a bad or future day is refused (exit 2)', async () => {
    await session('debrief', 'Tick Co', { contact_name: 'Ms Xu', contact_role: 'first_kp', ...facts, persona: 'commander', asked_to_sign: 'no', not_asked_why: 'other', not_signed_reason: 'budget round', polite_excuse: 'no', statement_changed: 'no', next_meeting: '2026-11-24' }, '2026-11-17');
    const [step] = await openSteps('Tick Co', '2026-11-18');
    expect(step).toBeDefined();
    const bad = await runBin(['checklist', 'done', String(step.id), '--date', '2026-13-01'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('YYYY-MM-DD');
    const ahead = await runBin(['checklist', 'done', String(step.id), '--date', '2199-01-01'], { env });
    expect(ahead.code).toBe(2);
    expect(ahead.stderr).toContain('after today');
    // done before the visit that gave it: a day that cannot be (the third rep's trial)
    const early = await runBin(['checklist', 'done', String(step.id), '--date', '2026-11-10'], { env });
    expect([early.code, early.stderr]).toEqual([2, expect.stringContaining(`step ${step.id} was given on 2026-11-17: it cannot have been done on 2026-11-10`)]);
    const done = await runBin(['checklist', 'done', String(step.id), '--date', '2026-11-19'], { env });
    expect(done.code, done.stderr).toBe(0);
    const shown = await runBin(['account', 'show', 'Tick Co'], { env });
    expect(shown.stdout).toMatch(/Thu 19 Nov 2026\s+Confirm the meeting[^(]*\(done\)/);
    const help = await runBin(['checklist', 'done', '--help'], { env });
    expect(help.stdout).toContain('--date <YYYY-MM-DD>');
  });
});
