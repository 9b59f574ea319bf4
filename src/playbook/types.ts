/** The resolved playbook: all files merged, extends applied, every item still knowing where it came from. */
import type { PathSegment } from '../core/yaml-source.js';
import type { Advice, ChecklistItem, ClassRule, Flag, Locale, Persona, Question, Roles, Text } from './schema.js';

export type { Advice, ChecklistItem, ClassRule, Condition, Flag, Locale, Mode, Persona, Question, Roles, Text } from './schema.js';

export interface Origin {
  file: string;
  path: PathSegment[];
}

export interface Recap {
  when?: import('./schema.js').Condition;
  text: Text;
}

export interface Playbook {
  id: string;
  version: string;
  title: Text;
  description?: Text;
  locales: Locale[];
  findOutDue: number;
  questions: Question[];
  personas: Persona[];
  classes: ClassRule[];
  flags: Flag[];
  checklist: ChecklistItem[];
  tips: Advice[];
  recap?: Recap;
  /** What the account model reads: the person met, signing, "will not buy" (see schema.ts Roles). */
  roles: Roles;
  /** Where each item (question, persona, class, flag, checklist item, tip, recap) was written. */
  origins: Map<object, Origin>;
  /** Every file that contributed, entry file first. */
  files: string[];
  /** sha256 of the contributing files' text, so a stored visit knows which content produced it. */
  hash: string;
  /** Ids of items dropped for their own errors; references to them are not reported twice. */
  brokenIds: Set<string>;
}
