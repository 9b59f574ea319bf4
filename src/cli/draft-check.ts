/** A resumed draft, checked like an answers file (loaded only when a draft is resumed: it brings the answers file's checks). */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Answers } from '../engine/answers.js';
import type { OtherPerson } from '../engine/evaluate.js';
import { checkAnswers } from '../playbook/answers-file.js';
import type { Playbook } from '../playbook/types.js';
import { shellCommand } from '../ui/sanitize.js';
import type { Draft } from './drafts.js';

/**
 * A resumed draft's answers, checked exactly as an answers file's are (the same checkAnswers, the
 * same playbook, the same visit date) before anything is saved: a draft is a file on disk, and may
 * have been changed since it was written. Diagnostics name the draft's file; `answers` holds only the
 * valid ones, and `order` only the questions still in the playbook.
 */
export function checkDraftAnswers(file: string, draft: Draft, pb: Playbook): { answers: Answers; others: OtherPerson[]; order: string[]; diagnostics: Diagnostic[] } {
  const at = () => ({ line: 1, col: 1 });
  const personQ = pb.roles.person;
  const others = personQ && draft.others?.length ? draft.others.map((o) => ({ ...o.answers, [personQ]: o.name })) : undefined;
  const checked = checkAnswers(file, { answers: draft.answers, ...(others ? { others } : {}) }, pb, at, at, draft.date);
  const { answers, diagnostics } = checked;
  const discard = shellCommand(['sales-coach', 'drafts', 'discard', draft.mode, ...(draft.account ? ['--account', draft.account] : [])]);
  for (const d of diagnostics) d.hint = `${d.hint ? `${d.hint}; ` : ''}the draft was changed since it was written: ${discard}, and start again`;
  const ids = new Set(pb.questions.map((q) => q.id));
  return { answers, others: checked.others, order: draft.order.filter((id) => ids.has(id)), diagnostics };
}
