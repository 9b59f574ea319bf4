import { assertNever } from '../../engine/model.js';
import type { Rule } from './rule.js';

export const choiceOptions: Rule = {
  id: 'choice-options',
  docs: 'single and multiple questions have at least two options; yes-no options only relabel yes and no; other kinds have none.',
  stage: 'reference',
  check({ pb, report, damaged }) {
    for (const q of pb.questions) {
      if (damaged(q, 'options')) continue;
      switch (q.kind) {
        case 'single':
        case 'multiple':
          if (!q.options || q.options.length < 2) {
            report(q, q.options ? ['options'] : ['kind'], 'missing-options', 'error', `the ${q.kind}-choice question "${q.id}" needs at least two options`, 'add options: with - value: … label: …');
          }
          break;
        case 'yes-no':
          // options on a yes-no question only name the two answers (labels, and short phrases for reasons)
          (q.options ?? []).forEach((o, i) => {
            if (o.value !== 'yes' && o.value !== 'no') report(q, ['options', i, 'value'], 'invalid-value', 'error', `a yes-no question's options can only be "yes" and "no", not "${o.value}"`, 'use kind: single for other choices');
          });
          break;
        case 'text':
        case 'number':
        case 'date':
        case 'persona':
          if (q.options) report(q, ['options'], 'missing-options', 'warning', `options are ignored for a question of kind ${q.kind}`, 'use kind: single or multiple, or remove options');
          break;
        default:
          assertNever(q.kind, 'question kind');
      }
    }
  },
};
