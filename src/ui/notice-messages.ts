/**
 * The words of the program's notices outside a session's screens: the diagnostics of an answers file
 * and of the config, the summary of a script's mistakes, and the team commands' confirmations. One typed
 * catalogue per locale: zh-CN beside this file, zh-TW generated from it at build time (scripts/zh-tw.mjs).
 * Question ids, keys, codes and commands stay as written: they are what the rep types.
 */
import type { Locale } from '../engine/model.js';
import { zhCN } from './notice-messages.zh-CN.js';
import { zhTW } from './notice-messages.zh-TW.generated.js';

const en = {
  // the labels of a diagnostic, as a compiler prints them
  error: 'error',
  warning: 'warning',
  hint: 'hint: ',
  labelSep: ': ',
  didYouMean: (word: string) => `did you mean "${word}"?`,
  expectedOneOf: (list: string) => `expected one of ${list}`,
  nothingYet: 'there is nothing to refer to yet',
  controlChar: (what: string, code: string) => `${what} holds a control character (${code}), which cannot be shown or typed back`,
  theValue: 'the value',
  theAnswer: 'the answer',

  // an answers file
  notAMapping: 'an answers file is a mapping (mode:, account:, answers: …)',
  notAMappingHint: 'see the example in the README, "Scripted sessions"',
  unknownKey: (key: string) => `unknown key "${key}" in the answers file`,
  notAllowed: (key: string, value: string) => `${key}: ${value} is not allowed`,
  expectedMapping: (key: string) => `${key}: expected a mapping of question id to answer`,
  expectedList: (key: string) => `${key}: expected a list, one mapping per person`,
  expectedListHint: 'write each person as "- contact_name: Mr Wang" with their answers under it',
  noOthers: (playbook: string) => `others: the playbook "${playbook}" asks nothing of other people at a meeting (it has no roles.others)`,
  noOthersHint: 'leave others: out, or add roles.others to the playbook',
  otherNotMapping: (n: number) => `others: person ${n} should be a mapping of question id to answer`,
  otherUnnamed: (n: number, id: string) => `others: person ${n} has no name (${id})`,
  otherHint: (id: string, ids: readonly string[]) => `give each person "${id}" and any of: ${ids.join(', ')}`,
  notAskedOfOthers: (id: string) => `others: "${id}" is not asked of the other people at a meeting`,
  expectedMappingHint: 'write one answer per line: question_id: answer',
  expectedString: (key: string, value: string) => `${key}: expected a string, found ${value}`,
  controlNameHint: 'write the name as it is spoken; escapes such as \\0 or \\e in double quotes are control characters',
  controlTextHint: 'escapes such as \\0 or \\e in double quotes are control characters; write the text as it is',
  notADate: (date: string) => `the date "${date}" is not a date`,
  notADateHint: 'write it as YYYY-MM-DD',
  noQuestion: (id: string, playbook: string) => `no question "${id}" in the playbook ${playbook}`,
  notAskedInMode: (id: string, mode: string) => `"${id}" is not asked in a ${mode}: this answer is not used`,
  askedIn: (modes: string) => `it is asked in: ${modes}; to change a fact between visits, use sales-coach account set`,
  cannotBe: (id: string, value: string) => `"${id}" cannot be ${value}`,
  expected: (what: string) => `expected ${what}`,
  noAnswer: (id: string, question: string) => `no answer to "${id}": ${question}`,
  noAnswerHint: 'add it under answers:, or run in a terminal (without --no-input) to be asked',
  fileMistakes: (n: number) => `the answers file has ${n === 1 ? 'a mistake' : `${n} mistakes`}; nothing was run`,
  answersMissing: (n: number, file: boolean) => `${n} answer${n === 1 ? '' : 's'} missing in the answers${file ? ' file' : ''}; nothing was run`,
  draftMistakes: 'the draft has mistakes; nothing was saved',
  cannotRead: 'the answers file cannot be read; nothing was run',
  wrongMode: (fileMode: string, mode: string) => `the answers file is for a ${fileMode}, not a ${mode}`,
  run: (command: string) => `run ${command}`,
  notADateFlag: (date: string) => `--date ${date} is not a date`,
  dateFlagHint: 'write it as YYYY-MM-DD, e.g. --date 2026-11-26',
  unknownPersona: (persona: string) => `unknown persona "${persona}"`,
  cannotReadHint: 'fix the problems above; the README shows a complete answers file',

  // the config
  theConfig: 'the config',
  unknownStore: (scheme: string) => `${scheme}:// is not a kind of database sales-coach knows`,
  storeHint: (close: string | undefined) => `${close ? `did you mean "${close}://"? ` : ''}a team database is postgres://USER@HOST[:PORT]/DATABASE; anything else is the path of a SQLite file`,

  // the team commands
  teamReady: (where: string, me: string) => `The team database ${where} is ready for sales-coach (you are ${me}).\nNext: sales-coach team add REP --manager MANAGER --password-file FILE, for each rep.`,
  memberSaved: (created: boolean, name: string, manager: string | undefined, password: boolean) => `${created ? 'Added' : 'Updated'} ${name}${manager ? `, managed by ${manager}` : ''}${password ? ' (password set)' : ''}.`,
  memberRemoved: (name: string, accounts: number) => `Removed ${name} from the team; ${accounts === 1 ? 'their 1 account stays' : `their ${accounts} accounts stay`} in the database, and the role itself is left to you.`,
  noMembers: 'No one yet: sales-coach team add REP --manager MANAGER',
  memberLine: (rep: string, manager: string | undefined, accounts: number) => `${rep}${manager ? `  (manager: ${manager})` : ''}  ${accounts} account${accounts === 1 ? '' : 's'}`,
  /** `closed`: signed or dropped, so no prep is coming: the rep reads it in their review. */
  classReviewed: (validated: boolean, cls: string | undefined, account: string, rep: string, closed: boolean) => `${validated ? 'Confirmed' : 'Questioned'} ${cls ? `the class ${cls}` : 'the provisional class'} of "${account}" (${rep}); they will see it ${closed ? 'in accounts and today' : 'at their next prep and in accounts'}.`,
  noteReplied: (account: string, asked: string) => `Answered the question on "${account}"; ${asked} reads it in team review and closes it when it is settled.`,
  notesResolved: (n: number, account: string, rep: string, answered: boolean) =>
    `Closed ${n === 1 ? 'the question' : `${n} questions`} on "${account}" (${rep})${answered ? '' : ', though not answered yet'}; it is no longer shown at their prep.`,
  nothingToPush: (where: string, local: string) => `Nothing to push: ${where} already has every account, visit and step of ${local}.`,
  pushed: (where: string, c: { accounts: number; accountsUpdated: number; visits: number; steps: number; stepsUpdated: number; contacts: number; events: number }) =>
    `Pushed to ${where}: ${c.accounts} new account${c.accounts === 1 ? '' : 's'} (${c.accountsUpdated} updated), ${c.visits} visit${c.visits === 1 ? '' : 's'}, ${c.steps} step${c.steps === 1 ? '' : 's'} (${c.stepsUpdated} updated), ${c.contacts} people added or updated, ${c.events} history event${c.events === 1 ? '' : 's'}.`,
  pushedSteps: 'The steps have their own numbers on the team database: sales-coach checklist (on it) lists them.',
  // playbook list: where each playbook comes from
  playbookOrigin: (origin: 'user' | 'built-in', overrides: boolean, file: string) => `${origin === 'user' ? (overrides ? 'user (replaces built-in)' : 'user') : 'built-in'}: ${file}`,
  playbookListedInvalid: ' (invalid)',
  reassignHint: (name: string) => `Give them to someone in the team with: sales-coach team reassign ${name} ROLE`,
  reassigned: (accounts: number, from: string, to: string) => `Moved ${accounts === 1 ? '1 account' : `${accounts} accounts`} of ${from} to ${to}, with their people, visits, steps and history.`,
  // a stored row the program cannot read, named by the store in English (src/store/shape.ts: class of "Acme",
  // visit of 2026-11-20 to "Acme", history of "Acme", facts of "Acme", facts of Li at "Acme", last visit to "Acme")
  rowLeftOut: (rep: string, what: string) => `left out ${rep}'s ${what}: it cannot be read (changed outside sales-coach, or damaged); the rep can export what is readable with sales-coach export --json`,
  rowUnreadable: (what: string) => `the stored ${what} cannot be read`,
};
export type NoticeMessages = typeof en;

export const NOTICE_MESSAGES: Record<Locale, NoticeMessages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** suggest()'s hint (core/diagnostic.ts) in the locale's words: the names it quotes stay as written. */
export function localizeSuggestion(hint: string, m: NoticeMessages): string {
  const close = /^did you mean "(.*)"\?$/.exec(hint);
  if (close) return m.didYouMean(close[1]);
  const list = /^expected one of (.*)$/s.exec(hint);
  if (list) return m.expectedOneOf(list[1]);
  return hint === 'there is nothing to refer to yet' ? m.nothingYet : hint;
}
