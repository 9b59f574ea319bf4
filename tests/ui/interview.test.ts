import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers.js';
import { runInterview } from '../../src/ui/interview.js';
import type { PromptOutcome, QuestionView } from '../../src/ui/prompt.js';
import { builtin } from '../helpers/playbook.js';

/** A scripted rep: answers by question id, with "back" and "help" where the script says so. */
function scripted(script: [string, PromptOutcome][]) {
  const asked: { id: string; default: unknown }[] = [];
  const saved: Answers[] = [];
  const helps: string[] = [];
  return {
    asked,
    saved,
    helps,
    driver: {
      async ask(v: QuestionView) {
        const next = script.shift();
        if (!next) throw new Error(`unexpected question ${v.question.id}`);
        expect(v.question.id).toBe(next[0]);
        asked.push({ id: v.question.id, default: v.default });
        return next[1];
      },
      showHelp: (t: string) => {
        helps.push(t);
      },
      onAnswer: (a: Answers) => saved.push({ ...a }),
    },
  };
}
const ans = (value: Answers[string]): PromptOutcome => ({ kind: 'answer', value });

describe('runInterview', () => {
  it('saves after every answer, goes back with the old answer as default, shows help', async () => {
    const rep = scripted([
      ['contact_name', ans('Wang')],
      ['contact_title', ans('CFO')],
      ['contact_role', { kind: 'help' }],
      ['contact_role', ans('first_kp')],
      ['contacts_known', { kind: 'back' }],
      ['contact_role', ans('second_kp')],
      ['approval_layers', ans('one')],
      ['contacts_known', ans(2)],
      ['has_need', ans('yes')],
      ['buying_power', ans('yes')],
      ['sees_value', ans('yes')],
      ['persona', ans('commander')],
      ['contact_stance', ans('supporter')],
      ['personal_win', ans(null)],
      ['deal_value', ans(null)],
      ['expected_close', ans(null)],
      ['customer_asked', ans(null)],
      ['polite_excuse', ans('no')],
      ['statement_changed', ans('no')],
      // "did you tell them the plan?" is a koala's question, not a commander's
      ['next_meeting', ans(null)],
    ]);
    const answers = await runInterview(builtin(), { mode: 'debrief', locale: 'en', answers: {}, lookup: () => () => undefined }, rep.driver);
    expect(rep.helps[0]).toMatch(/^Only the first KP has the final say/);
    expect(rep.asked.find((a, i) => a.id === 'contact_role' && i === 5)?.default).toBe('first_kp');
    expect(answers).toMatchObject({ contact_role: 'second_kp', approval_layers: 'one', next_meeting: null });
    // a save after each answer and after going back
    expect(rep.saved.length).toBe(19);
    expect(rep.saved[2]).toEqual({ contact_name: 'Wang', contact_title: 'CFO', contact_role: 'first_kp' });
    expect(rep.saved[3]).toEqual({ contact_name: 'Wang', contact_title: 'CFO' });
  });

  it('asks only what is missing when answers are given', async () => {
    const rep = scripted([['next_meeting', ans('2026-12-01')], ['next_topic', ans(null)]]);
    const given = { contact_name: 'W', contact_title: null, contact_role: 'first_kp', contacts_known: 3, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', asked_to_sign: 'no', not_asked_why: null, not_signed_reason: 'the board', persona: 'thinker', contact_stance: null, personal_win: null, deal_value: null, expected_close: null, customer_asked: null, obstacle_date: null, polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };
    const answers = await runInterview(builtin(), { mode: 'debrief', locale: 'en', answers: given, lookup: () => () => undefined }, rep.driver);
    expect(answers.next_meeting).toBe('2026-12-01');
    // a next meeting brings its topic, for the follow-up
    expect(rep.asked.map((a) => a.id)).toEqual(['next_meeting', 'next_topic']);
  });
});

describe('the question counter', () => {
  it('counts the questions the rep is asked: facts carried from the last visit do not make it jump', async () => {
    const pb = builtin();
    const seen: string[] = [];
    const carried: Answers = { contact_title: 'GM', contact_role: 'first_kp', contacts_known: 3, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala' };
    const driver = {
      async ask(v: QuestionView): Promise<PromptOutcome> {
        seen.push(`${v.position}/${v.total}`);
        // two questions are enough to read the counter
        if (seen.length > 2) throw Object.assign(new Error('stop'), { name: 'Stop' });
        return { kind: 'answer', value: v.question.kind === 'text' ? 'x' : (v.question.options?.[0]?.value ?? 'yes') };
      },
      showHelp: () => {},
      onAnswer: () => {},
    };
    await runInterview(pb, { mode: 'prep', locale: 'en', answers: { contact_name: 'Chen', ...carried }, notCounted: Object.keys(carried), lookup: () => () => undefined }, driver).catch((e: Error) => {
      if (e.name !== 'Stop') throw e;
    });
    // the name was asked (1), the carried facts are not counted: the next question is the 2nd, not the 9th
    expect(seen[0]).toMatch(/^2\//);
    expect(seen[1]).toMatch(/^3\//);
  });
});

describe('the question counter moves by one with each answer (issue 25: "1/17 -> 4/16 -> 11/17")', () => {
  /** A rep who answers every question with its first option (text: "x"), recording the counter. */
  async function walk(mode: 'prep' | 'debrief', answers: Answers, notCounted: string[] = []): Promise<string[]> {
    const seen: string[] = [];
    const driver = {
      async ask(v: QuestionView): Promise<PromptOutcome> {
        seen.push(`${v.position}/${v.total}`);
        const q = v.question;
        const value = q.kind === 'text' ? 'x' : q.kind === 'number' ? 2 : q.kind === 'date' ? null : q.kind === 'multiple' ? [] : (q.options?.[0]?.value ?? 'yes');
        return { kind: 'answer', value };
      },
      showHelp: () => {},
      onAnswer: () => {},
    };
    await runInterview(builtin(), { mode, locale: 'en', answers, notCounted, visitDate: '2026-11-23', lookup: () => () => undefined }, driver);
    return seen;
  }
  const positions = (seen: string[]) => seen.map((x) => Number(x.split('/')[0]));

  it("a debrief's first question, asked in the debrief's own words, is 1, not 0", async () => {
    const seen = await walk('debrief', {});
    expect(seen[0]).toMatch(/^1\//);
  });

  it('answers already given further on (a draft, a file) do not make it jump: 1, 2, 3…', async () => {
    // the facts further down the list are given; the rep answers the rest in order
    const given: Answers = { has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala' };
    const seen = await walk('debrief', given);
    const at = positions(seen);
    for (let i = 1; i < at.length; i++) expect(at[i], seen.join(' ')).toBe(at[i - 1] + 1);
    for (const x of seen) expect(Number(x.split('/')[0])).toBeLessThanOrEqual(Number(x.split('/')[1]));
  });

  it('carried facts that are not counted keep it moving by one as well', async () => {
    const carried: Answers = { contact_role: 'second_kp', approval_layers: 'one', contacts_known: 3, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala' };
    const seen = await walk('prep', { contact_name: 'Chen', ...carried }, Object.keys(carried));
    const at = positions(seen);
    expect(at[0]).toBe(2); // the name, asked before the carried facts were filled in, is the first
    for (let i = 1; i < at.length; i++) expect(at[i], seen.join(' ')).toBe(at[i - 1] + 1);
  });
});

describe('runInterview: what is offered of a person is that person\'s', () => {
  it('going back to the name and naming someone else offers the new person\'s facts, not the answers given of the one named before', async () => {
    const known: Record<string, Answers> = { 'Ms Chen': { contact_title: 'GM', contact_role: 'first_kp' }, 'Mr Zhao': { contact_role: 'second_kp' } };
    const rep = scripted([
      ['contact_name', ans('Ms Chen')],
      ['contact_title', ans('GM')],
      ['contact_role', ans('first_kp')],
      ['contacts_known', { kind: 'back' }],
      ['contact_role', { kind: 'back' }],
      ['contact_title', { kind: 'back' }],
      ['contact_name', ans('Mr Zhao')],
      ['contact_title', ans(null)],
      ['contact_role', ans('second_kp')],
      ['approval_layers', ans('one')],
      ['contacts_known', { kind: 'back' }],
    ]);
    const defaults = (a: Answers) => known[a.contact_name as string] ?? {};
    await expect(runInterview(builtin(), { mode: 'debrief', locale: 'en', answers: {}, defaults, lookup: () => () => undefined }, rep.driver)).rejects.toThrow(/unexpected question/);
    const offered = rep.asked.map((a) => [a.id, a.default]);
    // Ms Chen's title and role, given before the name was changed, are not offered for Mr Zhao
    expect(offered.slice(6, 9)).toEqual([
      ['contact_name', 'Ms Chen'],
      ['contact_title', undefined],
      ['contact_role', 'second_kp'],
    ]);
    // the same person's answer is still offered on going back
    expect(offered[4]).toEqual(['contact_role', 'first_kp']);
  });
});
