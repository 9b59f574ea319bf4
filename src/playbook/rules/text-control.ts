import type { Rule } from './rule.js';
import { eachString } from './texts.js';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

export const textControl: Rule = {
  id: 'text-control',
  docs: 'No text holds a terminal control character (it is stripped before printing, so it never shows as written).',
  stage: 'reference',
  check({ report, eachText }) {
    eachText((text, { item, path }) => {
      eachString(text, (locale, s) => {
        if (CONTROL.test(s)) report(item, locale ? [...path, locale] : path, 'control-character', 'warning', 'the text holds a terminal control character', 'remove it: it would be shown as-is, and is stripped before printing');
      });
    });
  },
};
