import { formOf } from './conditions.js';
import type { Rule } from './rule.js';

export const conditionOrder: Rule = {
  id: 'condition-order',
  docs: 'A question\'s condition reads only questions asked before it.',
  stage: 'reference',
  check({ report, eachCondition, questionOrder }) {
    eachCondition((c, site) => {
      const { item, path, beforeIndex } = site;
      if (beforeIndex === undefined || formOf(c, site) !== 'question') return;
      const id = c.question as string;
      const at = questionOrder.get(id);
      if (at === undefined || at < beforeIndex) return;
      report(item, [...path, 'question'], 'forward-reference', 'error',
        at === beforeIndex ? `the question "${id}" depends on its own answer` : `this condition reads "${id}", which is asked later`,
        'a question can depend only on questions asked before it: move it below, or move the condition');
    });
  },
};
