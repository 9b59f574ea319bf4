/** The answers file for editors: a zod description of the fields answers-file.ts checks by hand. */
import { z } from 'zod';

export const AnswersFileSchema = z
  .object({
    mode: z.enum(['prep', 'debrief']).optional().describe('prep (before the visit) or debrief (after it). Must match the command if given.'),
    account: z.string().optional().describe('The account (customer company).'),
    persona: z.string().optional().describe('The persona of the person met, e.g. koala.'),
    date: z.string().optional().describe('The visit date, YYYY-MM-DD.'),
    playbook: z.string().optional().describe('The playbook id (default abcd).'),
    lang: z.enum(['en', 'zh-CN', 'zh-TW']).optional().describe('The language of the result.'),
    answers: z.record(z.string(), z.unknown()).optional().describe('Question id -> answer (yes / no / unknown, an option value, a number, a date, a text, or a list for several choices).'),
  })
  .strict()
  .describe('A scripted prep or debrief for sales-coach.');
