import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { coerceAnswer } from '../../src/engine/answers.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { nextStep, pruneAnswers } from '../../src/engine/interview.js';
import { builtin } from '../helpers/playbook.js';

describe('the interview', () => {
  it('asks the questions in order, skipping those whose condition does not hold', () => {
    const pb = builtin();
    let step = nextStep(pb, 'debrief', {});
    expect(step.done === false && step.question.id).toBe('contact_name');
    expect(nextStep(pb, 'debrief', { contact_name: 'Wang' })).toMatchObject({ question: { id: 'contact_title' } });
    step = nextStep(pb, 'debrief', { contact_name: 'Wang', contact_title: null, contact_role: 'first_kp' });
    // approval_layers applies only when the person is not the first KP
    expect(step.done === false && step.question.id).toBe('contacts_known');
    step = nextStep(pb, 'debrief', { contact_name: 'Wang', contact_title: null, contact_role: 'second_kp' });
    expect(step.done === false && step.question.id).toBe('approval_layers');
  });

  it('prep and debrief ask different questions', () => {
    const pb = builtin();
    const asked = (mode: 'prep' | 'debrief') => {
      const answers: Record<string, string | number | string[]> = {};
      const seen: string[] = [];
      for (let i = 0; i < 50; i++) {
        const s = nextStep(pb, mode, answers);
        if (s.done) break;
        seen.push(s.question.id);
        const q = s.question;
        answers[q.id] = q.kind === 'number' ? 2 : q.kind === 'multiple' ? [] : q.kind === 'yes-no' ? 'yes' : q.kind === 'persona' ? 'koala' : q.options ? q.options[0].value : q.kind === 'date' ? '2026-12-01' : 'x';
      }
      return seen;
    };
    expect(asked('prep')).toContain('visit_focus');
    expect(asked('prep')).not.toContain('signed');
    expect(asked('debrief')).toContain('signed');
    expect(asked('debrief')).not.toContain('trust_level');
  });

  it('changing an earlier answer drops the answers that no longer apply', () => {
    const pb = builtin();
    const before = { contact_name: 'Wang', contact_role: 'second_kp', approval_layers: 'two' };
    expect(pruneAnswers(pb, 'debrief', before)).toEqual(before);
    const after = { ...before, contact_role: 'first_kp' };
    expect(pruneAnswers(pb, 'debrief', after)).toEqual({ contact_name: 'Wang', contact_role: 'first_kp' });
    const r = evaluateSession(pb, { mode: 'debrief', answers: after, visitDate: '2026-11-25', locale: 'en' });
    expect(r.answers).not.toHaveProperty('approval_layers');
  });

  it('drops answers to questions of the other session', () => {
    expect(pruneAnswers(builtin(), 'debrief', { contact_name: 'x', visit_focus: 'y' })).toEqual({ contact_name: 'x' });
  });
});

describe('determinism and purity', () => {
  afterEach(() => vi.useRealTimers());
  const input = { mode: 'debrief' as const, answers: { contact_name: 'Wang', contact_role: 'first_kp', has_need: 'yes', buying_power: 'unknown', sees_value: 'yes', persona: 'koala' }, visitDate: '2026-11-25', locale: 'en' as const };

  it('the same input gives the same output, whatever the clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2020-01-01T00:00:00Z'));
    const a = evaluateSession(builtin(), input);
    vi.setSystemTime(new Date('2031-06-15T23:59:59Z'));
    const b = evaluateSession(builtin(), input);
    expect(b).toEqual(a);
    expect(a.checklist.every((c) => c.due.startsWith('2026-'))).toBe(true);
  });

  it('records which rules fired', () => {
    const r = evaluateSession(builtin(), { ...input, answers: { ...input.answers, buying_power: 'yes' } });
    expect(r.trace).toContain('class rule A (priority 2) held');
    expect(r.trace).toContain('persona koala (chosen)');
  });

  it('the engine imports no I/O, clock, terminal, store or CLI', () => {
    const dir = join(import.meta.dirname, '../../src/engine');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/from ['"](node:)?(fs|child_process|readline|process|os|net)['"]/);
      expect(text, f).not.toMatch(/from ['"]\.\.\/(cli|ui|store)\//);
      expect(text, f).not.toMatch(/Date\.now\(|new Date\(\)|process\./);
    }
  });
});

describe('answers a person writes', () => {
  const pb = builtin();
  const q = (id: string) => pb.questions.find((x) => x.id === id)!;
  const personas = pb.personas.map((p) => p.id);

  it.each([
    ['has_need', true, 'yes'],
    ['has_need', 'No', 'no'],
    ['has_need', 'unknown', 'unknown'],
    ['contacts_known', '3', 3],
    ['resources', 'success_case, expertise', ['success_case', 'expertise']],
    ['persona', 'koala', 'koala'],
    ['persona', 'not-sure', 'not-sure'],
  ])('%s: %j -> %j', (id, raw, value) => {
    expect(coerceAnswer(q(id), raw, personas)).toEqual({ ok: true, value });
  });

  it.each([
    ['has_need', 'maybe', '"yes" or "no", or "unknown"'],
    ['contact_role', 'boss', 'one of "first_kp", "second_kp", "third_kp", or "unknown"'],
    ['contacts_known', 'many', 'a whole number such as 3'],
    ['next_meeting', '2026-02-30', 'a date as YYYY-MM-DD, between 1900 and 2200'],
    ['visit_focus', '', 'an answer (this question is required)'],
  ])('%s: %j is refused, saying what is expected', (id, raw, expected) => {
    expect(coerceAnswer(q(id), raw, personas)).toMatchObject({ ok: false, expected });
  });
});
