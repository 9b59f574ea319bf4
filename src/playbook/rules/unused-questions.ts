import { placeholdersIn } from '../../engine/text.js';
import type { Rule } from './rule.js';
import { eachString } from './texts.js';

export const unusedQuestions: Rule = {
  id: 'unused-questions',
  docs: 'Every answer is read somewhere: by a condition, a rule, or a text as {answers.ID} (a warning; persona questions are exempt).',
  stage: 'analysis',
  check({ pb, report, eachCondition, eachText }) {
    const used = new Set<string>();
    eachCondition((c) => {
      if (c.question !== undefined) used.add(c.question);
    });
    // a question named by a role is read by the account model
    for (const id of [pb.roles?.person, pb.roles?.title, pb.roles?.decision, pb.roles?.personalWin, pb.roles?.obstacleDate, pb.roles?.amount, pb.roles?.closeDate, pb.roles?.stance?.question, ...(pb.roles?.others ?? [])]) if (id) used.add(id);
    eachText((text, { placeholders }) => {
      if (placeholders === null) return;
      eachString(text, (_, s) => {
        for (const name of placeholdersIn(s)) if (name.startsWith('answers.')) used.add(name.slice(8));
      });
    });
    for (const q of pb.questions) {
      if (!used.has(q.id) && q.kind !== 'persona') {
        report(q, ['id'], 'unused-question', 'warning', `the answer to "${q.id}" is never used: no condition, rule or text reads it`, `read it in a condition, or in a text as {answers.${q.id}}; or remove the question`);
      }
    }
  },
};
