import { describe, expect, it } from 'vitest';
import { exploreInterview } from '../../src/engine/explore.js';
import { walkInterview } from '../../src/engine/interview.js';
import type { Playbook } from '../../src/playbook/types.js';
import { builtin } from '../helpers/playbook.js';

function playbook(p: Partial<Playbook>): Playbook {
  return { id: 't', version: '1', title: 't', locales: ['en'], findOutDue: 2, questions: [], personas: [], classes: [], flags: [], checklist: [], tips: [], conflicts: [], origins: new Map(), files: [], hash: '', brokenIds: new Set(), roles: {}, terms: {}, ...p };
}

describe('exploreInterview', () => {
  it('walks every path of a small interview and reports the answers that end unclassified', () => {
    const r = exploreInterview(
      playbook({
        questions: [
          { id: 'budget', kind: 'yes-no', text: 'Budget?', allowUnknown: true },
          { id: 'size', kind: 'single', text: 'Size?', options: [{ value: 'big', label: 'Big' }, { value: 'small', label: 'Small' }], when: { question: 'budget', equals: 'yes' } },
        ],
        classes: [{ id: 'A', name: 'A', priority: 1, when: { all: [{ question: 'budget', equals: 'yes' }, { question: 'size', equals: 'big' }] } }, { id: 'D', name: 'D', priority: 2, when: { question: 'budget', equals: 'no' } }],
      }),
      { modes: ['debrief'] },
    );
    expect(r.exhaustive).toBe(true);
    // yes+big, yes+small, no, and "don't know" (which still asks the size: big or small)
    expect(r.paths).toBe(5);
    expect(r.unclassified.map((f) => f.answers)).toEqual([{ budget: 'yes', size: 'small' }]);
    expect(r.neverAsked).toEqual([]);
  });

  it('finds questions that never appear and dead ends', () => {
    const r = exploreInterview(
      playbook({
        questions: [
          { id: 'a', kind: 'yes-no', text: 'A?' },
          { id: 'never', kind: 'text', text: 'Never', when: { all: [{ question: 'a', equals: 'yes' }, { question: 'a', equals: 'no' }] } },
          { id: 'stuck', kind: 'single', text: 'No options', options: [], when: { question: 'a', equals: 'no' } },
        ],
        classes: [{ id: 'A', name: 'A', priority: 1, when: { question: 'a', answered: true } }],
      }),
      { modes: ['prep'] },
    );
    expect(r.neverAsked).toEqual(['never']);
    expect(r.deadEnds).toEqual([{ mode: 'prep', answers: { a: 'no' }, detail: 'no answer is possible to "stuck"' }]);
  });

  it('samples a large interview with a seed, and the same seed gives the same walk', () => {
    const a = exploreInterview(builtin(), { samples: 300, seed: 42 });
    const b = exploreInterview(builtin(), { samples: 300, seed: 42 });
    expect(a.exhaustive).toBe(false);
    expect(a.seed).toBe(42);
    expect(a.paths).toBe(600);
    expect(b).toEqual(a);
  });
});

describe('a condition that reads a "don\'t know" (issue 24: what the schema says is what the interview does)', () => {
  const budget = { id: 'budget', kind: 'yes-no' as const, text: 'Budget?', allowUnknown: true };
  const asked = (when: Playbook['questions'][number]['when'], answer: string) =>
    walkInterview(playbook({ questions: [budget, { id: 'sign_by', kind: 'date', text: 'Signing date?', when }] }), 'debrief', { budget: answer }).questions.map((q) => q.id);

  it('an undecided condition asks the question, as the schema says', () => {
    expect(asked({ question: 'budget', equals: 'yes' }, 'unknown')).toEqual(['budget', 'sign_by']);
  });

  it('{ unknown: false } leaves it out after a "don\'t know", so the rep is never made to invent a date', () => {
    const when = { all: [{ question: 'budget', equals: 'yes' }, { question: 'budget', unknown: false }] };
    expect(asked(when, 'unknown')).toEqual(['budget']);
    expect(asked(when, 'yes')).toEqual(['budget', 'sign_by']);
    expect(asked(when, 'no')).toEqual(['budget']);
  });
});
