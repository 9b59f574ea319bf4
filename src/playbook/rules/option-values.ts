import { NOT_SURE, UNKNOWN } from '../../engine/answers.js';
import type { Rule } from './rule.js';

export const optionValues: Rule = {
  id: 'option-values',
  docs: `Option values are unique within their question and are not the reserved "${UNKNOWN}" or "${NOT_SURE}".`,
  stage: 'reference',
  check({ pb, report }) {
    for (const q of pb.questions) {
      const seen = new Set<string>();
      (q.options ?? []).forEach((o, i) => {
        if (o.value === UNKNOWN || o.value === NOT_SURE) {
          report(q, ['options', i, 'value'], 'invalid-value', 'error', `the option value "${o.value}" is reserved`, q.kind === 'single' ? 'use allowUnknown: true to offer "don\'t know"' : 'choose another value');
        }
        if (seen.has(o.value)) report(q, ['options', i, 'value'], 'duplicate-id', 'error', `the option value "${o.value}" appears twice in "${q.id}"`, 'option values must be unique within a question');
        seen.add(o.value);
      });
    }
  },
};
