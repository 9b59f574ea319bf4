/**
 * The model's types live beside the engine (src/engine/model.ts), which owns them; this module keeps
 * the names the loader and the commands have always imported.
 */
export type {
  Advice,
  ChecklistItem,
  ClassRule,
  Condition,
  Flag,
  Locale,
  Mode,
  Option,
  Origin,
  Persona,
  Playbook,
  Question,
  QuestionKind,
  Recap,
  Roles,
  SelfQuestion,
  Text,
} from '../engine/model.js';
