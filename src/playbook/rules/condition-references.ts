import { suggest } from '../../core/diagnostic.js';
import { formOf } from './conditions.js';
import type { Rule } from './rule.js';

export const conditionReferences: Rule = {
  id: 'condition-references',
  docs: 'A condition names questions, personas and classes that exist; only outcomes (flags, checklist, tips, self-questions, recap) test the class.',
  stage: 'reference',
  check({ pb, report, eachCondition, questions, personaIds, classIds }) {
    // an item dropped for its own error was already reported: a reference to it is not a second mistake
    const known = (id: string, ids: { includes(x: string): boolean }) => ids.includes(id) || pb.brokenIds.has(id);
    eachCondition((c, site) => {
      const { item, path, classAllowed } = site;
      switch (formOf(c, site)) {
        case 'persona':
          if (!known(c.persona as string, personaIds)) report(item, [...path, 'persona'], 'unknown-reference', 'error', `unknown persona "${c.persona}"`, suggest(c.persona as string, personaIds, 'one of'));
          return;
        case 'class':
          if (!classAllowed) report(item, [...path, 'class'], 'bad-condition', 'error', 'a class can only be tested by flags, checklist items, tips, self-questions and the recap', 'the class is known only at the end of the interview', true);
          else if (!known(c.class as string, classIds)) report(item, [...path, 'class'], 'unknown-reference', 'error', `unknown class "${c.class}"`, suggest(c.class as string, classIds, 'one of'));
          return;
        case 'onRecord':
          if (!known(c.onRecord as string, classIds)) report(item, [...path, 'onRecord'], 'unknown-reference', 'error', `unknown class "${c.onRecord}"`, suggest(c.onRecord as string, classIds, 'one of'));
          return;
        case 'question': {
          const id = c.question as string;
          if (!questions.has(id) && !pb.brokenIds.has(id)) report(item, [...path, 'question'], 'unknown-reference', 'error', `unknown question "${id}"`, suggest(id, [...questions.keys()], 'one of'));
          return;
        }
        default:
          return;
      }
    });
  },
};
