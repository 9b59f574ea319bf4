import { QUESTION_TESTS } from '../../engine/conditions.js';
import type { Rule } from './rule.js';

export const conditionForm: Rule = {
  id: 'condition-form',
  docs: 'A condition tests one thing: all, any, not, question with exactly one test, persona, mode, class, metBefore, deciderWin, othersWin or onRecord.',
  stage: 'reference',
  check({ report, eachCondition }) {
    eachCondition((c, { item, path, forms, tests }) => {
      if (forms.length !== 1) {
        const keys = Object.keys(c);
        report(item, path, 'bad-condition', 'error',
          forms.length === 0 ? `the condition names nothing to test${keys.length ? ` (found ${keys.join(', ')})` : ''}` : `the condition mixes ${forms.join(' and ')}; one condition tests one thing`,
          forms.length === 0 ? `write question: ID with one test (${QUESTION_TESTS.join(', ')}), or all: / any: / not: / persona: / mode: / class: / metBefore: / deciderWin: / othersWin: / onRecord:` : 'wrap the parts in all: [ … ] or any: [ … ]');
        return;
      }
      const form = forms[0];
      if (form !== 'question') {
        if (tests.length > 0) report(item, [...path, tests[0]], 'bad-condition', 'error', `"${tests[0]}" only goes with question:`, `write { question: ID, ${tests[0]}: … }`, true);
        if ((form === 'all' || form === 'any') && (c[form] ?? []).length === 0) {
          report(item, [...path, form], 'bad-condition', 'warning', `an empty ${form}: list is always ${form === 'all'}`, 'add conditions or remove it');
        }
        return;
      }
      if (tests.length !== 1) {
        const id = c.question as string;
        report(item, path, 'bad-condition', 'error', tests.length === 0 ? `the test of "${id}" is missing` : `the test of "${id}" has ${tests.join(' and ')}; use one`, `one of: ${QUESTION_TESTS.join(', ')}`);
      }
    });
  },
};
