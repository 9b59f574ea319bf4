import type { Text } from '../../engine/model.js';

/** A text's strings with their locale (undefined for a plain string). */
export function textEntries(text: Text): [string | undefined, string][] {
  if (typeof text === 'string') return [[undefined, text]];
  return Object.entries(text).filter((e): e is [string, string] => typeof e[1] === 'string');
}
