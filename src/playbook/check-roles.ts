/**
 * The `roles:` declarations: each names a question or class that exists and has the kind its role
 * needs, because the account model reads the answers through them (a typo here would silently lose
 * every contact or every signature).
 */
import { suggest } from '../core/diagnostic.js';
import type { PathSegment } from '../core/yaml-source.js';
import type { Condition, Playbook, Question } from './types.js';

type Report = (item: object | undefined, sub: PathSegment[], code: 'unknown-reference' | 'invalid-value', severity: 'error' | 'warning', message: string, hint?: string) => void;

export function checkRoles(pb: Playbook, questions: ReadonlyMap<string, Question>, report: Report, checkCondition: (c: Condition, item: object, path: PathSegment[]) => void): void {
  const roles = pb.roles;
  const ids = [...questions.keys()];
  const needQuestion = (key: 'person' | 'title' | 'decision', kinds: Question['kind'][], what: string) => {
    const id = roles[key];
    if (id === undefined) return;
    const q = questions.get(id);
    if (!q) {
      if (!pb.brokenIds.has(id)) report(roles, [key], 'unknown-reference', 'error', `roles.${key} names the question "${id}", which does not exist`, suggest(id, ids, 'one of'));
      return;
    }
    if (!kinds.includes(q.kind)) {
      report(roles, [key], 'invalid-value', 'error', `roles.${key} must name ${what}, but "${id}" is of kind ${q.kind}`, `kind: ${kinds.join(' or ')}`);
    }
  };
  needQuestion('person', ['text'], 'a text question (the person\'s name)');
  needQuestion('title', ['text'], 'a text question (the person\'s job title)');
  needQuestion('decision', ['single'], 'a single-choice question (the person\'s role in the decision)');
  if (roles.signed) checkCondition(roles.signed, roles, ['signed']);
  const classIds = pb.classes.map((c) => c.id);
  (roles.willNotBuy ?? []).forEach((id, i) => {
    if (!classIds.includes(id) && !pb.brokenIds.has(id)) report(roles, ['willNotBuy', i], 'unknown-reference', 'error', `roles.willNotBuy names the class "${id}", which does not exist`, suggest(id, classIds, 'one of'));
  });
}
