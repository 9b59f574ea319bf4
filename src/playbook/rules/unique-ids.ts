import { basename } from 'node:path';
import type { Rule } from './rule.js';

export const uniqueIds: Rule = {
  id: 'unique-ids',
  docs: 'Each question, persona, class, flag, checklist item and tip id is used once (across included and extended files).',
  stage: 'reference',
  check({ pb, report, locate }) {
    const each = (items: { id: string }[], what: string) => {
      const first = new Map<string, object>();
      for (const item of items) {
        const prev = first.get(item.id);
        if (!prev) {
          first.set(item.id, item);
          continue;
        }
        const at = locate(prev, ['id']);
        const sameFile = at?.file === pb.origins.get(item)?.file;
        const where = at ? (sameFile ? `line ${at.line}` : `${basename(at.file)}:${at.line}`) : 'earlier';
        report(item, ['id'], 'duplicate-id', 'error', `the ${what} id "${item.id}" is already used`, `first defined at ${where}; ids must be unique`);
      }
    };
    each(pb.questions, 'question');
    each(pb.personas, 'persona');
    each(pb.classes, 'class');
    each([...pb.flags, ...pb.personas.flatMap((p) => p.flags ?? [])], 'flag');
    each([...pb.checklist, ...pb.personas.flatMap((p) => p.checklist ?? [])], 'checklist item');
    each(pb.tips, 'tip');
  },
};
