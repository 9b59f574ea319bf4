import type { Rule } from './rule.js';

export const findOut: Rule = {
  id: 'find-out',
  docs: 'findOut is used only by a question that allows "don\'t know".',
  stage: 'reference',
  check({ pb, report, damaged }) {
    for (const q of pb.questions) {
      if (q.findOut && !q.allowUnknown && !damaged(q, 'allowUnknown')) report(q, ['findOut'], 'invalid-value', 'warning', `"${q.id}" has findOut but does not allow "don't know", so it is never used`, 'add allowUnknown: true');
    }
  },
};
