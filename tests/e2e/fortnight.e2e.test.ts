/**
 * A rep's fortnight, end to end through the CLI: three accounts (a koala first KP who signs, a second
 * KP whose account moves up when the first KP is met, an account with no budget that is dropped), a
 * new person met at an existing account, repeat visits, en and zh-CN. Every result must be one plan:
 * no two items that exclude each other on one screen, no window step left open on a signed or dropped
 * account, an overdue step still overdue after a later session, one person's facts never on another.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoachingResult } from '../../src/engine/evaluate.js';
import type { Playbook } from '../../src/playbook/types.js';
import { runCli } from '../helpers/cli.js';
import { builtin } from '../helpers/playbook.js';

const home = mkdtempSync(join(tmpdir(), 'sc-fortnight-'));
const env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), LANG: 'en_US.UTF-8', NO_COLOR: '1' };
let n = 0;
let pb: Playbook;

type Result = CoachingResult & { accountEvents?: { kind: string; state?: string; by?: string; key?: string }[] };

/** One session, scripted: the answers as the rep would give them, the JSON result as the program computed it. */
async function session(mode: 'prep' | 'debrief', account: string, date: string, answers: Record<string, unknown>, lang = 'en'): Promise<{ result: Result; screen: string }> {
  const file = join(home, `s${++n}.json`);
  writeFileSync(file, JSON.stringify({ mode, account, date, answers }));
  const json = await runCli([mode, '--answers', file, '--json', '--dry-run', '--lang', lang], { env });
  expect(json.code, json.stderr).toBe(0);
  const shown = await runCli([mode, '--answers', file, '--lang', lang], { env });
  expect(shown.code, shown.stderr).toBe(0);
  const result = JSON.parse(json.stdout) as Result;
  // read as a rep reads it: the words, whatever the line breaks
  const screen = shown.stdout.replace(/\s+/g, ' ');
  onePlan(result, screen);
  return { result, screen };
}

/** The rules every screen keeps: what precedence left out is not shown, and no declared conflict stands. */
function onePlan(r: Result, screen: string): void {
  const kept = new Set(r.kept);
  for (const [a, b] of pb.conflicts) expect(kept.has(a) && kept.has(b), `${a} and ${b} on one screen`).toBe(false);
  for (const x of r.excluded) {
    expect(kept.has(x.id)).toBe(false);
    const step = pb.checklist.find((c) => c.id === x.id);
    // an excluded step's words are not on the screen (its first words, placeholders aside)
    if (step && typeof step.text === 'object' && step.text.en && !step.text.en.startsWith('{')) expect(screen).not.toContain(step.text.en.split('{')[0].slice(0, 40));
  }
}

/** The account's open steps, as `checklist` lists them. */
async function checklist(account: string, today: string): Promise<{ text: string; due: string; overdue: boolean }[]> {
  const r = await runCli(['checklist', '--json', '--account', account, '--today', today], { env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const facts = { contacts_known: 3, has_need: 'yes', buying_power: 'yes', sees_value: 'yes' };
const debriefQuiet = { polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };

beforeAll(async () => {
  pb = await builtin();
});

describe("a rep's fortnight", () => {
  it('a koala first KP: trust before the close, a new person who refuses, the window runs out, then the signature', async () => {
    // prep with Ms Chen, a koala whose trust is not built: no on-site contract beside "do not ask for the signature"
    const prep = await session('prep', 'Hengda', '2026-11-17', { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, persona: 'koala', trust_level: 'none', perception: 'supplier', resources: ['success_case'], internal_support: [], last_discussed: 'the pilot', still_differ: 'the date', visit_focus: 'the plan', visit_topic: 'the pilot plan' });
    expect(prep.result.classification.class).toBe('A');
    const ids = prep.result.checklist.map((c) => c.id);
    expect(ids).toContain('koala_build_trust_before_close');
    expect(ids).not.toContain('line_up_contracts');
    expect(prep.screen).toContain('Have the contract ready for the deciding meeting');

    const first = await session('debrief', 'Hengda', '2026-11-17', { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, persona: 'koala', observed: ['asks_details', 'takes_notes'], asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'trust comes first', ...debriefQuiet, next_meeting: '2026-11-24' });
    expect(first.result.classification.cycle?.deadline).toBe('2026-11-27');

    // Mr Zhao, met for the first time, a koala who leaves with a polite excuse: his stance, not the account's D
    const refusal = await session('debrief', 'Hengda', '2026-11-21', { contact_name: 'Mr Zhao', contact_role: 'second_kp', approval_layers: 'one', ...facts, persona: 'koala', polite_excuse: 'yes', statement_changed: 'no', plan_shared: 'yes', next_meeting: '2026-11-25' });
    expect(refusal.result.classification).toMatchObject({ class: 'A', heldBy: { decider: 'Ms Chen', person: 'Mr Zhao', wouldBe: 'D', refused: true } });
    expect(refusal.result.flags.map((f) => f.id)).toContain('person-refused');
    expect(refusal.result.flags.map((f) => f.id)).not.toContain('d_time');
    expect(refusal.screen).toContain("Mr Zhao's refusal is Mr Zhao's own stance");
    const people = await runCli(['account', 'show', 'Hengda', '--json'], { env });
    expect(people.code, people.stderr).toBe(0);
    expect(JSON.parse(people.stdout).account.class).toBe('A');

    // on its last day it is still listed, due today (read before the next session, which closes it)
    const onTheDay = await checklist('Hengda', '2026-11-27');
    expect(onTheDay.filter((s) => /A signing cycle/.test(s.text))).toEqual([expect.objectContaining({ due: '2026-11-27', overdue: false })]);

    // the A's window ran out on 27 Nov: flagged at the next prep, which speaks alone (the window's step
    // listed "(overdue)" beside the flag said it twice: the manager's second trial)
    const late = await session('prep', 'Hengda', '2026-11-28', { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, persona: 'koala', trust_level: 'liked', perception: 'supplier', resources: ['success_case'], internal_support: ['contracts_finance'], last_discussed: 'the pilot', still_differ: 'the date', visit_focus: 'the plan', visit_topic: 'the pilot plan' });
    expect(late.result.flags[0]).toMatchObject({ id: 'window-over', severity: 'critical' });
    expect(late.screen).toMatch(/The A window ended on 27 Nov|The A window ended on .*27/);
    expect(late.screen).not.toMatch(/The A signing cycle \(7-10 days\) ends/);
    const steps = await checklist('Hengda', '2026-11-28');
    expect(steps.filter((s) => /A signing cycle/.test(s.text))).toEqual([]);
    // and the next session closed it (a signing window's step whose window ended)

    // signed: the window step ends, what follows a signature opens
    const signed = await session('debrief', 'Hengda', '2026-11-29', { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, persona: 'koala', asked_to_sign: 'yes', signed: 'yes', ...debriefQuiet });
    expect(signed.result.classification.signed).toBe(true);
    expect(signed.result.classification.cycle).toBeUndefined();
    const after = await checklist('Hengda', '2026-11-29');
    const open = after.map((s) => s.text);
    expect(open.some((t) => /signing cycle/.test(t))).toBe(false);
    expect(open.some((t) => /kickoff/.test(t))).toBe(true);
    expect(open.some((t) => /referrals/.test(t))).toBe(true);
    // the next session on a signed account speaks of no signing deadline
    const later = await session('prep', 'Hengda', '2026-12-02', { contact_name: 'Ms Chen', contact_role: 'first_kp', ...facts, persona: 'koala', trust_level: 'believed', perception: 'partner', resources: ['success_case'], internal_support: ['contracts_finance'], last_discussed: 'the kickoff', still_differ: 'none', visit_focus: 'referrals', visit_topic: 'the rollout' });
    expect(later.result.classification.cycle).toBeUndefined();
    expect(later.screen).not.toMatch(/Sign by/);
    // after the signature, nothing that leads to one: no close, no window, no "why was it not signed?"
    expect(later.result.visitPlan).toBeUndefined();
    expect(later.result.selfQuestions).toEqual({ forward: [], reverse: [] });
    expect(later.result.checklist.map((c) => c.id)).not.toEqual(expect.arrayContaining(['koala_ask_signature']));
    expect(later.result.checklist.some((c) => /signing cycle|ask for the signature/i.test(c.text))).toBe(false);
    expect(later.result.flags.map((f) => f.id)).not.toContain('no-supporter');
    // one rung of the trust ladder open at a time
    const rungs = (await checklist('Hengda', '2026-12-02')).filter((st) => /^(Get liked first|From liked to believed|From believed to indispensable)/.test(st.text));
    expect(rungs).toHaveLength(1);
  });

  it('a second KP, then the first KP: one deadline, the old window superseded', async () => {
    const b = await session('debrief', 'Baoli', '2026-11-16', { contact_name: 'Mr Wu', contact_role: 'second_kp', approval_layers: 'one', ...facts, persona: 'thinker', asked_to_sign: 'no', ...debriefQuiet, next_meeting: '2026-11-23' });
    expect(b.result.classification.class).toBe('B');
    const a = await session('debrief', 'Baoli', '2026-11-23', { contact_name: 'Mr Ma', contact_role: 'first_kp', ...facts, persona: 'commander', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'legal review', ...debriefQuiet, next_meeting: '2026-11-26' });
    expect(a.result.classification.class).toBe('A');
    expect(a.result.accountEvents?.filter((e) => e.kind === 'step-closed' && e.state === 'superseded' && e.by === 'reclassified').length).toBeGreaterThan(0);
    const steps = await checklist('Baoli', '2026-11-23');
    const windows = steps.filter((s) => /signing cycle/.test(s.text));
    expect(windows).toHaveLength(1);
    expect(windows[0].text).toMatch(/^The A signing cycle/);
    expect(steps.some((s) => /Book a meeting with the first KP/.test(s.text))).toBe(false);
  });

  it('an account with no budget is dropped (in zh-CN): nothing left to do, and the review reads the reason in English', async () => {
    await session('debrief', 'Cuizhu', '2026-11-16', { contact_name: 'Ms Sun', contact_role: 'second_kp', approval_layers: 'one', ...facts, persona: 'socializer', asked_to_sign: 'no', ...debriefQuiet, next_meeting: '2026-11-18' });
    expect((await checklist('Cuizhu', '2026-11-16')).length).toBeGreaterThan(0);
    const d = await session('debrief', 'Cuizhu', '2026-11-18', { contact_name: 'Ms Sun', contact_role: 'second_kp', approval_layers: 'one', ...facts, buying_power: 'no', persona: 'socializer', asked_to_sign: 'no', ...debriefQuiet }, 'zh-CN');
    expect(d.result.classification.class).toBe('D');
    expect(d.result.checklist).toEqual([]);
    // a D is told to stop investing, and given no relationship building beside it
    expect(d.result.tips.concat(d.result.moreTips ?? []).some((t) => /LINK|ladder|阶梯/.test(t.id))).toBe(false);
    expect(await checklist('Cuizhu', '2026-12-01')).toEqual([]);
    // the account's checklist says why each step closed, as its timeline does
    const shown = await runCli(['account', 'show', 'Cuizhu', '--today', '2026-11-20'], { env });
    expect(shown.stdout.replace(/\s+/g, ' ')).toContain('(account dropped)');
    expect(shown.stdout).not.toContain('(superseded)');
    const ics = join(home, 'steps.ics');
    const exported = await runCli(['export', '--ics', ics], { env });
    expect(exported.code, exported.stderr).toBe(0);
    expect(readFileSync(ics, 'utf8')).not.toMatch(/Cuizhu|Stop investing/);
    const review = await runCli(['accounts', '--since', '2026-11-01', '--today', '2026-11-20'], { env });
    expect(review.code, review.stderr).toBe(0);
    expect(review.stdout).toContain('their company cannot pay');
    expect(review.stdout).not.toMatch(/购买能力/);
  });

  it('a tip read at any earlier session is not shown again: the prep after a debrief does not bring back the first prep\'s tips', async () => {
    const prepAnswers = { contact_name: 'Ms Lin', contact_role: 'first_kp', ...facts, persona: 'koala', trust_level: 'none', perception: 'supplier', resources: ['success_case'], internal_support: [], last_discussed: 'the pilot', still_differ: 'the date', visit_focus: 'the plan', visit_topic: 'the pilot plan' };
    const first = await session('prep', 'Repeat Co', '2026-11-16', prepAnswers);
    const firstTips = first.result.tips.map((t) => t.id);
    expect(firstTips.length).toBeGreaterThan(0);
    const debrief = await session('debrief', 'Repeat Co', '2026-11-17', { contact_name: 'Ms Lin', contact_role: 'first_kp', ...facts, persona: 'koala', asked_to_sign: 'no', trust_built: 'no', not_signed_reason: 'trust comes first', ...debriefQuiet, next_meeting: '2026-11-24' });
    const again = await session('prep', 'Repeat Co', '2026-11-23', prepAnswers);
    const shown = again.result.tips.map((t) => t.id);
    for (const id of [...firstTips, ...debrief.result.tips.map((t) => t.id)]) expect(shown).not.toContain(id);
    // those that still hold are left for --full, and said so
    const more = (again.result.moreTips ?? []).map((t) => t.id);
    expect(firstTips.filter((id) => more.includes(id)).length).toBeGreaterThan(0);
    expect(again.screen).toMatch(/\d+ more with --full/);
  });

  it("a person's fact the prep could not say is found out at the visit: its step ends when the debrief answers it", async () => {
    const unknowns = { contact_role: 'second_kp', approval_layers: 'unknown', contacts_known: 1, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'thinker', contact_stance: 'unknown', trust_level: 'none', perception: 'supplier', resources: [], internal_support: [], visit_focus: 'needs', visit_topic: 'their needs' };
    await session('prep', 'Northwind', '2026-11-26', { contact_name: 'Tom Baker', ...unknowns });
    const before = (await checklist('Northwind', '2026-11-26')).map((st) => st.text);
    expect(before).toContain('Find out who must approve above Tom Baker, up to the first KP');
    expect(before).toContain('Find out where Tom Baker stands: for you, neutral or against');
    await session('debrief', 'Northwind', '2026-11-26', { contact_name: 'Tom Baker', contact_role: 'second_kp', approval_layers: 'one', contacts_known: 1, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'thinker', contact_stance: 'neutral', asked_to_sign: 'no', ...debriefQuiet });
    const after = (await checklist('Northwind', '2026-11-27')).map((st) => st.text);
    expect(after.filter((t) => /Find out (who must approve above|where) Tom Baker/.test(t))).toEqual([]);
  });

  it('what the customer is told the rep will do is due by the next meeting they agreed, never after it', async () => {
    // Thu 3 Dec: "a kickoff plan" asked for, the next meeting on Fri 4 Dec (two days on would be Mon 7 Dec)
    const d = await session('debrief', 'Kickoff Co', '2026-12-03', { contact_name: 'Ms Hu', contact_role: 'first_kp', ...facts, persona: 'thinker', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'the kickoff plan', customer_asked: 'a kickoff plan', ...debriefQuiet, next_meeting: '2026-12-04' });
    expect(d.result.checklist.find((c) => c.id === 'answer_request')?.due).toBe('2026-12-04');
    // with no meeting sooner, two working days on
    const later = await session('debrief', 'Kickoff Two', '2026-12-03', { contact_name: 'Mr He', contact_role: 'first_kp', ...facts, persona: 'thinker', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'the kickoff plan', customer_asked: 'a kickoff plan', ...debriefQuiet, next_meeting: '2026-12-09' });
    expect(later.result.checklist.find((c) => c.id === 'answer_request')?.due).toBe('2026-12-07');
  });
});
