/**
 * Role words of a CRM ("Decision Maker", "第一KP", "first_kp") to the values of the playbook's role
 * question. Pure: the question's options and the user's own words in, a matcher out. Words match
 * whatever their case and width ("FIRST KP", "ｆｉｒｓｔ ｋｐ" and "first_kp" are one word).
 */

/** A playbook text: one string, or one per locale. */
export type RoleText = string | Partial<Record<string, string>>;

export interface RoleOption {
  value: string;
  label: RoleText;
  short?: RoleText;
}

/** One `word=value` the user gave, and where (for errors): `--map-role`, or the config file's line. */
export interface RoleWord {
  word: string;
  target: string;
  source: string;
}

export interface RoleMatcher {
  /** The option value the word means, or undefined when no option, label or mapped word matches. */
  match(word: string): string | undefined;
  /** The values, for "expected one of" in errors. */
  values: string[];
}

/** NFKC, lower case, `_` and `-` as spaces, spaces collapsed. */
export function wordKey(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function texts(t: RoleText | undefined): string[] {
  if (t === undefined) return [];
  return typeof t === 'string' ? [t] : Object.values(t).filter((s): s is string => typeof s === 'string');
}

/** "First KP: the final decision-maker (owner…)" is also matched by its head, "First KP". */
function heads(label: string): string[] {
  const head = label.split(/[:：(（]/)[0];
  return head && head !== label ? [label, head] : [label];
}

/** Words that say the role is not known: stored as `unknown` when the question allows it. */
const UNKNOWN_WORDS = ['unknown', 'not sure', "don't know", 'n/a', '?', '未知', '不确定', '不知道', '不清楚'];

export function roleMatcher(options: RoleOption[], words: RoleWord[] = [], allowUnknown = false): { matcher: RoleMatcher; problems: { source: string; message: string; hint: string }[] } {
  const known = new Map<string, string>();
  const add = (w: string, value: string) => {
    const k = wordKey(w);
    if (k && !known.has(k)) known.set(k, value);
  };
  for (const o of options) add(o.value, o.value);
  for (const o of options) for (const l of texts(o.label)) for (const h of heads(l)) add(h, o.value);
  for (const o of options) for (const s of texts(o.short)) add(s, o.value);
  if (allowUnknown) for (const w of UNKNOWN_WORDS) add(w, 'unknown');
  const values = options.map((o) => o.value);
  const problems: { source: string; message: string; hint: string }[] = [];
  // the user's words come last so their targets can be written as a label ("=第一KP"), and win over the built-in words
  const mine = new Map<string, string>();
  for (const w of words) {
    const value = known.get(wordKey(w.target));
    if (!wordKey(w.word)) problems.push({ source: w.source, message: `"${w.word}=${w.target}" maps an empty word`, hint: 'write it as WORD=VALUE, e.g. "decision maker=first_kp"' });
    else if (value === undefined) problems.push({ source: w.source, message: `"${w.target}" in "${w.word}=${w.target}" is not a role of this playbook`, hint: `map to one of ${values.join(', ')}` });
    else mine.set(wordKey(w.word), value);
  }
  return {
    matcher: {
      match: (word) => {
        const k = wordKey(word);
        return mine.get(k) ?? known.get(k);
      },
      values,
    },
    problems,
  };
}

/** `--map-role "decision maker=first_kp"` split at its first `=`. */
export function parseRoleWord(text: string, source: string): RoleWord | undefined {
  const i = text.indexOf('=');
  if (i < 0) return undefined;
  return { word: text.slice(0, i).trim(), target: text.slice(i + 1).trim(), source };
}
