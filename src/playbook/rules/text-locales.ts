import type { Rule } from './rule.js';

export const textLocales: Rule = {
  id: 'text-locales',
  docs: 'Every text carries each locale the playbook declares (a warning: the rep sees another locale instead).',
  stage: 'reference',
  check({ pb, report, eachText }) {
    if (pb.locales.length === 0) return;
    eachText((text, { item, path }) => {
      if (typeof text === 'string') {
        if (pb.locales.length > 1) report(item, path, 'missing-locale', 'warning', `a plain string, but the playbook declares ${pb.locales.join(' and ')}`, `write { ${pb.locales.map((l) => `${l}: …`).join(', ')} }`);
        return;
      }
      // most texts carry every locale: the list of missing ones is made only for those that do not
      if (pb.locales.every((l) => text[l] !== undefined)) return;
      const missing = pb.locales.filter((l) => text[l] === undefined);
      if (missing.length) report(item, path, 'missing-locale', 'warning', `the text has no ${missing.join(', ')}`, `the playbook declares locales ${pb.locales.join(', ')}; add ${missing.map((l) => `${l}: …`).join(', ')}`);
    });
  },
};
