import { suggest } from '../../core/diagnostic.js';
import { ownerOf, type Question } from '../../engine/model.js';
import type { Rule } from './rule.js';

/**
 * The account model reads answers through `roles:` (the person met, their title and role, signing,
 * "will not buy"): a typo there would silently lose every contact or every signature.
 */
export const roles: Rule = {
  id: 'roles',
  docs: 'Each role names a question of the kind it needs (person and title: text; decision and stance: single choice, with stance values among its options) or classes that exist (willNotBuy); roles.others names person-owned questions.',
  stage: 'reference',
  check({ pb, report, questions, classIds }) {
    const r = pb.roles;
    const ids = [...questions.keys()];
    const needQuestion = (key: 'person' | 'title' | 'decision' | 'personalWin' | 'contacts' | 'nextMeeting' | 'obstacleDate' | 'amount' | 'closeDate', kinds: Question['kind'][], what: string) => {
      const id = r[key];
      if (id === undefined) return;
      const q = questions.get(id);
      if (!q) {
        if (!pb.brokenIds.has(id)) report(r, [key], 'unknown-reference', 'error', `roles.${key} names the question "${id}", which does not exist`, suggest(id, ids, 'one of'));
        return;
      }
      if (!kinds.includes(q.kind)) report(r, [key], 'invalid-value', 'error', `roles.${key} must name ${what}, but "${id}" is of kind ${q.kind}`, `kind: ${kinds.join(' or ')}`);
    };
    needQuestion('person', ['text'], "a text question (the person's name)");
    needQuestion('title', ['text'], "a text question (the person's job title)");
    needQuestion('decision', ['single'], "a single-choice question (the person's role in the decision)");
    needQuestion('personalWin', ['text'], "a text question (the person's personal win)");
    needQuestion('contacts', ['number'], 'a number question (the people known at the account)');
    needQuestion('nextMeeting', ['date'], 'a date question (the next meeting agreed)');
    needQuestion('obstacleDate', ['date'], 'a date question (the day the customer places what stands in the way)');
    needQuestion('amount', ['number'], "a number question (the deal's value)");
    needQuestion('closeDate', ['date'], 'a date question (the day the customer expects to sign)');
    for (const key of ['amount', 'closeDate'] as const) {
      const q = r[key] !== undefined ? questions.get(r[key]) : undefined;
      // a visit's own answer would be forgotten by the next visit: the pipeline would lose the value
      if (q && ownerOf(q) !== 'account') report(r, [key], 'invalid-value', 'error', `roles.${key} must name a fact of the account, but "${q.id}" is the ${ownerOf(q)}'s`, `give "${q.id}" owner: account`);
    }
    if (r.stance) {
      const q = questions.get(r.stance.question);
      if (!q) {
        if (!pb.brokenIds.has(r.stance.question)) report(r, ['stance', 'question'], 'unknown-reference', 'error', `roles.stance names the question "${r.stance.question}", which does not exist`, suggest(r.stance.question, ids, 'one of'));
      } else if (q.kind !== 'single') {
        report(r, ['stance', 'question'], 'invalid-value', 'error', `roles.stance must name a single-choice question (where the person stands), but "${q.id}" is of kind ${q.kind}`, 'kind: single');
      } else {
        const values = (q.options ?? []).map((o) => o.value);
        for (const key of ['supporter', 'opponent'] as const) {
          r.stance[key].forEach((v, i) => {
            if (!values.includes(v)) report(r, ['stance', key, i], 'unknown-reference', 'error', `roles.stance.${key} names "${v}", which is not an option of "${q.id}"`, suggest(v, values, 'one of'));
          });
        }
      }
    }
    (r.others ?? []).forEach((id, i) => {
      const q = questions.get(id);
      if (!q) {
        if (!pb.brokenIds.has(id)) report(r, ['others', i], 'unknown-reference', 'error', `roles.others names the question "${id}", which does not exist`, suggest(id, ids, 'one of'));
      } else if (id === r.person) {
        report(r, ['others', i], 'invalid-value', 'error', `roles.others need not name "${id}": each other person's name is asked first anyway`, `leave "${id}" out of roles.others`);
      } else if (ownerOf(q) !== 'person') {
        // another person's answer to an account's or a visit's question would overwrite the one the visit gave
        report(r, ['others', i], 'invalid-value', 'error', `roles.others must name questions about a person, but "${id}" is the ${ownerOf(q)}'s`, `give "${id}" owner: person, or leave it out of roles.others`);
      }
    });
    (r.willNotBuy ?? []).forEach((id, i) => {
      if (!classIds.includes(id) && !pb.brokenIds.has(id)) report(r, ['willNotBuy', i], 'unknown-reference', 'error', `roles.willNotBuy names the class "${id}", which does not exist`, suggest(id, classIds, 'one of'));
    });
  },
};
