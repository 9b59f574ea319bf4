import type { Text } from '../../engine/model.js';

/**
 * Each string of a text with its locale (undefined for a plain string). A visitor rather than a list:
 * four rules read every text of the playbook, and a list of pairs for each was their main cost.
 */
export function eachString(text: Text, visit: (locale: string | undefined, s: string) => void): void {
  if (typeof text === 'string') {
    visit(undefined, text);
    return;
  }
  for (const locale in text) {
    const s = (text as Record<string, unknown>)[locale];
    if (typeof s === 'string') visit(locale, s);
  }
}
