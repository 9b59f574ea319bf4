/** The answers file for editors: a zod description of the fields answers-file.ts checks by hand. */
import * as z from 'zod/mini';

const opt = <T extends z.ZodMiniType>(schema: T, text: string) => z.optional(schema.check(z.describe(text)) as T);

export const AnswersFileSchema = z
  .strictObject({
    mode: opt(z.enum(['prep', 'debrief', 'plan']), 'prep (before the visit), debrief (after it) or plan (a key account\'s strategy). Must match the command if given.'),
    account: opt(z.string(), 'The account (customer company).'),
    persona: opt(z.string(), 'The persona of the person met, e.g. koala.'),
    date: opt(z.string(), 'The visit date, YYYY-MM-DD.'),
    playbook: opt(z.string(), 'The playbook id (default abcd).'),
    lang: opt(z.enum(['en', 'zh-CN', 'zh-TW']), 'The language of the result.'),
    answers: opt(
      z.record(z.string(), z.unknown()),
      'Question id -> answer (yes / no / unknown, an option value, a number, a date, a text, or a list for several choices).',
    ),
    others: opt(
      z.array(z.record(z.string(), z.unknown())),
      'A debrief\'s other people at the same meeting, one mapping each: the name under the playbook\'s person question (contact_name) and the answers of its roles.others questions (contact_role, persona, contact_stance…).',
    ),
  })
  .check(z.describe('A scripted prep or debrief for sales-coach.'));
