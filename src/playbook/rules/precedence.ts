import { suggest } from '../../core/diagnostic.js';
import { precedenceItems, type PrecedenceItem, targets } from '../../engine/precedence.js';
import type { Rule } from './rule.js';

/**
 * Precedence is what makes a result one plan rather than the union of every rule that fired: an
 * exclusion that names nothing silently lets a contradiction through, and a cycle has no winner.
 */
export const precedence: Rule = {
  id: 'precedence',
  docs: 'Each excludes entry names an item (flag, step, tip or persona advice id) or a #tag that exists; no item excludes itself or takes part in a cycle of exclusions; findsOut names a question; supersedes names steps or their tags; each conflicts pair and each class window\'s then names what exists.',
  stage: 'reference',
  check({ pb, report, questions, classIds }) {
    const items = precedenceItems(pb);
    const ids = [...new Set(items.map((i) => i.id))];
    const tags = new Set(items.flatMap((i) => i.tags ?? []));
    const at = (it: PrecedenceItem, ...sub: (string | number)[]): [object, (string | number)[]] => [it.at.item, [...it.at.sub, ...sub]];
    for (const it of items) {
      (it.excludes ?? []).forEach((name, i) => {
        const [item, sub] = at(it, 'excludes', i);
        if (name.startsWith('#')) {
          if (!tags.has(name.slice(1))) report(item, sub, 'unknown-reference', 'error', `"${it.id}" excludes ${name}, but no item has the tag "${name.slice(1)}"`, suggest(name.slice(1), [...tags], 'tags:'));
        } else if (!ids.includes(name) && !pb.brokenIds.has(name)) {
          report(item, sub, 'unknown-reference', 'error', `"${it.id}" excludes "${name}", which is no flag, step, tip or persona advice`, suggest(name, ids, 'one of'));
        }
        if (targets(name, it)) report(item, sub, 'precedence-cycle', 'error', `"${it.id}" excludes itself${name.startsWith('#') ? ` (it has the tag ${name.slice(1)})` : ''}`, 'an item cannot override itself: remove the entry');
      });
      if (it.findsOut !== undefined && !questions.has(it.findsOut) && !pb.brokenIds.has(it.findsOut)) {
        const [item, sub] = at(it, 'findsOut');
        report(item, sub, 'unknown-reference', 'error', `"${it.id}" finds out "${it.findsOut}", which is no question`, suggest(it.findsOut, [...questions.keys()], 'one of'));
      }
    }
    // cycles of two or more items: a depth-first walk over "excludes", each cycle reported once at its first item
    const next = (it: PrecedenceItem) => items.filter((o) => o !== it && (it.excludes ?? []).some((n) => targets(n, o)));
    const state = new Map<PrecedenceItem, 'open' | 'done'>();
    const stack: PrecedenceItem[] = [];
    const visit = (it: PrecedenceItem) => {
      state.set(it, 'open');
      stack.push(it);
      for (const o of next(it)) {
        if (state.get(o) === 'open') {
          const loop = [...stack.slice(stack.indexOf(o)), o];
          // point at the entry of the item that closes the circle
          const entry = Math.max(0, (it.excludes ?? []).findIndex((n) => targets(n, o)));
          const [item, sub] = at(it, 'excludes', entry);
          report(item, sub, 'precedence-cycle', 'error', `exclusions go round in a circle: ${loop.map((x) => x.id).join(' excludes ')}`, 'decide which item wins and remove the other exclusion');
        } else if (!state.has(o)) visit(o);
      }
      stack.pop();
      state.set(it, 'done');
    };
    for (const it of items) if (!state.has(it)) visit(it);
    // supersedes: open steps a step replaces when it opens; its own tag names the other steps of its group
    const steps = [...pb.checklist, ...pb.personas.flatMap((p) => p.checklist ?? [])];
    const stepIds = steps.map((x) => x.id);
    const stepTags = new Set(steps.flatMap((x) => x.tags ?? []));
    for (const step of steps) {
      (step.supersedes ?? []).forEach((name, i) => {
        const known = name.startsWith('#') ? stepTags.has(name.slice(1)) : stepIds.includes(name) || pb.brokenIds.has(name);
        if (!known) report(step, ['supersedes', i], 'unknown-reference', 'error', `"${step.id}" supersedes ${name.startsWith('#') ? name : `"${name}"`}, which is no step${name.startsWith('#') ? "'s tag" : ''}`, suggest(name.replace(/^#/, ''), name.startsWith('#') ? [...stepTags] : stepIds, 'one of'));
        else if (name === step.id) report(step, ['supersedes', i], 'precedence-cycle', 'error', `"${step.id}" supersedes itself`, 'a step cannot replace itself: remove the entry');
      });
    }
    pb.conflicts.forEach((pair) => {
      pair.forEach((id, j) => {
        if (!ids.includes(id) && !pb.brokenIds.has(id)) report(pair, [j], 'unknown-reference', 'error', `conflicts names "${id}", which is no flag, step, tip or persona advice`, suggest(id, ids, 'one of'));
      });
      if (pair[0] === pair[1]) report(pair, [1], 'invalid-value', 'error', `"${pair[0]}" cannot conflict with itself`);
    });
    for (const c of pb.classes) {
      (c.cycle?.reclassifyAs ?? []).forEach((id, i) => {
        if (!classIds.includes(id) && !pb.brokenIds.has(id)) report(c, ['cycle', 'reclassifyAs', i], 'unknown-reference', 'error', `class ${c.id}'s window names "${id}" to reclassify as, which is no class`, suggest(id, classIds, 'one of'));
      });
    }
  },
};
