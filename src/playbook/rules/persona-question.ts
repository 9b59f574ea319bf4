import type { Rule } from './rule.js';

export const personaQuestion: Rule = {
  id: 'persona-question',
  docs: 'A question of kind persona needs personas to choose from.',
  stage: 'reference',
  check({ pb, report }) {
    if (pb.personas.length > 0) return;
    for (const q of pb.questions) {
      if (q.kind === 'persona') report(q, ['kind'], 'missing-options', 'error', `"${q.id}" asks for a persona, but the playbook declares none`, 'add personas:, or use kind: single');
    }
  },
};
