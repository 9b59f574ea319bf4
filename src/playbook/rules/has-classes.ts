import type { Rule } from './rule.js';

export const hasClasses: Rule = {
  id: 'has-classes',
  docs: 'The playbook declares at least one class, or extends one that does.',
  stage: 'reference',
  check({ pb, partial, report }) {
    // when class rules were dropped for their own errors, "no classes" would be a consequence, not news
    if (pb.classes.length > 0 || partial) return;
    report(undefined, [], 'missing-field', 'error', 'the playbook declares no classes, so no account can be classified', 'add classes: (A/B/C/D), or extends: abcd to build on the built-in rules');
  },
};
