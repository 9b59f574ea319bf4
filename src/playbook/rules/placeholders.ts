import { suggest } from '../../core/diagnostic.js';
import { ACCOUNT_FIELDS, placeholdersIn } from '../../engine/text.js';
import type { Rule } from './rule.js';
import { eachString } from './texts.js';

export const placeholders: Rule = {
  id: 'placeholders',
  docs: 'A placeholder names an existing answer ({answers.ID}), an account field or, where the text allows it, {reasons}.',
  stage: 'reference',
  check({ pb, report, eachText, questions }) {
    const answerNames = [...questions.keys()].map((id) => `answers.${id}`);
    const known = new Set([...answerNames, ...ACCOUNT_FIELDS]);
    eachText((text, { item, path, placeholders: extra }) => {
      if (extra === null) return;
      eachString(text, (locale, s) => {
        for (const name of placeholdersIn(s)) {
          if (known.has(name) || extra.includes(name)) continue;
          // a question dropped for its own error was reported there; its answer is not a second mistake
          if (name.startsWith('answers.') && pb.brokenIds.has(name.slice(8))) continue;
          report(item, locale ? [...path, locale] : path, 'bad-placeholder', 'error', `unknown placeholder {${name}}`,
            name.startsWith('answers.') ? suggest(name, answerNames, 'one of') : `placeholders name answers and account fields only: {answers.ID}, ${[...ACCOUNT_FIELDS, ...extra].map((f) => `{${f}}`).join(', ')}`);
        }
      });
    });
  },
};
