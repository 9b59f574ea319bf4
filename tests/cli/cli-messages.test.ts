/**
 * Issue 23, every message of the program in the session's language: the command line's errors and
 * confirmations are said as a key and values (src/ui/cli-said.ts), worded in zh-CN and zh-TW from them
 * (src/ui/cli-messages*.ts). A source scan keeps every UserError of src/cli keyed, and each key has
 * Chinese words that are not the English.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliKey, CliParams, CliSaid } from '../../src/ui/cli-said.js';
import { CLI_CATALOGUES, cliText } from '../../src/ui/cli-messages.js';

const CLI = join(import.meta.dirname, '../../src/cli');

/** The first argument of each call `open(` … `)` in `text`, up to its top-level comma. */
function firstArguments(text: string, open: string): { arg: string; line: number }[] {
  const out: { arg: string; line: number }[] = [];
  for (let at = text.indexOf(open); at !== -1; at = text.indexOf(open, at + 1)) {
    let depth = 0;
    let i = at + open.length;
    let quote: string | undefined;
    for (; i < text.length; i++) {
      const c = text[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = undefined;
        continue;
      }
      if (c === "'" || c === '"' || c === '`') quote = c;
      else if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
    }
    out.push({ arg: text.slice(at + open.length, i).trim(), line: text.slice(0, at).split('\n').length });
  }
  return out;
}

describe('every UserError of the command line is said by a key', () => {
  const files = readdirSync(CLI).filter((f) => f.endsWith('.ts') && f !== 'errors.ts');

  it('new UserError(…) takes said(key, values) first, never a bare English string', () => {
    const bare: string[] = [];
    let seen = 0;
    for (const f of files) {
      const text = readFileSync(join(CLI, f), 'utf8');
      for (const { arg, line } of firstArguments(text, 'new UserError(')) {
        seen++;
        // a key built just above (said(...) assigned to `key`) is one too
        if (!/^(said\(|key$|\w+ \? said\()/.test(arg)) bare.push(`${f}:${line}: ${arg.slice(0, 60)}`);
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect(bare).toEqual([]);
  });

  it('UserError.worded(…) only for words taken from a catalogue of the session\'s language', () => {
    const bare: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(CLI, f), 'utf8');
      for (const { arg, line } of firstArguments(text, 'UserError.worded(')) {
        if (!/^(NOTICE_MESSAGES\[|USAGE_MESSAGES\[|[mn]\.)/.test(arg)) bare.push(`${f}:${line}: ${arg.slice(0, 60)}`);
      }
    }
    expect(bare).toEqual([]);
  });
});

/** Values for every key (a key without one fails to compile): what the tests below say. */
const why = { code: 'ENOENT', text: 'no such file or folder (ENOENT)' };
const SAMPLES: { [K in CliKey]: CliParams[K] } = {
  userPlaybookFolderMissing: { dir: '/p' },
  noPlaybook: { target: 'x', ids: ['abcd', 'bant'] },
  noSuchPath: { path: 'p' },
  noPlaybookIn: { path: 'p' },
  playbookInvalid: { target: 'p.yaml', command: 'sales-coach playbook validate p.yaml' },
  playbookGone: { account: 'Acme', ref: 'p' },
  accountPlaybookGone: { playbook: 'p', account: 'Acme' },
  noTemplate: { name: 'x', templates: ['bant', 'spin'] },
  noSuchSchema: { kind: 'x', kinds: ['playbook', 'test'] },
  whichLanguage: {},
  cannotTranslateInto: { value: 'fr', locales: ['zh-CN', 'zh-TW'] },
  fromOnlyZhTW: { from: 'en', locale: 'zh-CN' },
  translationsUnreadable: { file: 't.po' },
  translatedInvalid: {},
  seedNotInteger: { seed: 'x' },
  noSuchTestTarget: { path: 'p' },
  whichPlaybookTested: { path: 'p' },
  notAPlaybook: { path: 'p' },
  folderInPlace: { file: 'f' },
  fileExists: { file: 'f' },
  cannotWrite: { file: 'f', why, kept: true },
  notRegularFile: { what: 'the answers file', path: 'p', kinds: true },
  fileTooLarge: { what: 'the calendar', path: 'p', size: '9 MB', limit: '8 MB' },
  cannotCreateFolder: { folder: 'd', why },
  journalBlocked: { what: 'the draft', dir: 'd' },
  journalUnwritable: { what: 'the draft', dir: 'd', why },
  noCompletion: { shell: 'csh', shells: ['bash', 'zsh', 'fish'] },
  notADate: { flag: '--due', value: '2026-13-01', example: '2026-11-26' },
  sinceAfterToday: { since: '2027-01-01', today: '2026-12-01' },
  sinceNotAPeriod: { since: 'x' },
  unknownFlag: { flag: 'x', flags: ['overdue'] },
  limitNotCount: { value: '0' },
  badSort: { value: 'x' },
  badPeriod: { value: 'week' },
  untouchedNotDays: { value: '0' },
  unknownClass: { cls: 'E', known: ['A', 'B'] },
  clockOutOfRange: { shown: '1970-01-01', min: 2000, max: 2099 },
  unknownLanguage: { value: 'fr' },
  notASession: { mode: 'x', modes: ['prep', 'debrief', 'plan'] },
  noDraftToDiscard: { mode: 'prep', account: 'Acme' },
  stdinIdle: { seconds: 2 },
  stdinTooLarge: { mb: 8 },
  stdinUnreadable: { why: 'EIO' },
  noTerminal: { mode: 'prep' },
  answersUnreadable: { file: 'a.yaml', why },
  noDraftToResume: { mode: 'debrief', command: 'sales-coach debrief' },
  blankAccountName: { name: '" "', command: 'sales-coach prep --account "Acme Ltd"' },
  emptyAccountName: {},
  saveFailed: { inner: { message: 'database busy', hint: 'close the other one' }, resume: 'sales-coach debrief --resume' },
  savedButOutFailed: { inner: { message: 'f already exists', cli: { key: 'fileExists', params: { file: 'f' } } } },
  answersHaveMistakes: {},
  answersCannotBeRead: {},
  unknownPersona: { persona: 'koal', suggestion: 'did you mean "koala"?' },
  noQuestion: { id: 'x', playbook: 'abcd', suggestion: 'expected one of "a", "b"' },
  stoppedNothingSaved: {},
  answersToGive: { count: 2 },
  noAnswer: { id: 'has_need', question: 'Has a need?', from: false },
  noAccount: { name: 'Acme' },
  noRepAccount: { name: 'Acme', rep: 'bob' },
  accountOfRep: { name: 'Acme', reps: ['bob'], team: ['bob', 'ann'] },
  newNameEmpty: {},
  deleteNeedsConfirm: { name: 'Acme' },
  nothingToSet: {},
  noPerson: { person: 'Ms Li', account: 'Acme' },
  notAChange: { text: 'trust' },
  noSuchFact: { id: 'x', playbook: 'abcd', suggestion: 'there is nothing to refer to yet', person: false },
  answerNotFact: { id: 'x' },
  factOfOther: { id: 'x', person: true },
  notAnItemNumber: { id: 'x' },
  whichAccountForStep: {},
  emptyStep: {},
  dueInPast: { due: '2026-01-01', today: '2026-12-01' },
  dateAfterToday: { flag: '--date', value: '2026-12-02', today: '2026-12-01' },
  exportWhat: {},
  exportTaken: { files: ['accounts.csv'] },
  importWhat: {},
  mapRoleShape: { text: 'x' },
  roleMapProblem: { source: '--map-role "a=b"', word: 'a', target: 'b', values: ['first_kp'] },
  noAccountColumn: { place: 'c.csv:1:1', headers: ['Name'], names: ['Account'] },
  importProblems: { file: 'c.csv', count: 3 },
  importChecking: { file: 'c.csv', rows: 20000 },
  importProgress: { dryRun: false, done: 10000, total: 40000, percent: 25 },
  csvRowProblem: { place: 'c.csv:3:2', code: 'field-count', message: 'expected 5 fields as in the header, found 6' },
  csvRowHint: { hint: 'a delimiter inside a value needs quotes: "Acme, Inc."' },
  csvChanged: { file: 'c.csv' },
  unknownEncoding: { name: 'x' },
  headerUnreadable: { place: 'c.csv:1:1', detail: 'unclosed quote' },
  csvEmpty: { file: 'c.csv' },
  csvUnreadable: { file: 'c.csv', why },
  csvIsFolder: { file: 'c.csv' },
  csvNotRegular: { file: 'c.csv' },
  csvTooLarge: { file: 'c.csv', gb: '3.0', limitGb: 2 },
  cannotRead: { file: 'c.csv', code: 'EIO', detail: 'i/o error' },
  notEncodingText: { place: 'c.csv:3' },
  reportWhere: {},
  repOrTeam: {},
  notICalendar: { file: 'c.ics', detail: 'invalid line' },
  noVcalendar: { file: 'c.ics' },
  calendarUnreadable: { file: 'c.ics' },
  unknownStore: { scheme: 'mysql' },
  badTeamUrl: {},
  passwordInUrl: {},
  notTeamAddress: { url: 'x' },
  passwordFileOpen: { file: 'p' },
  passwordFileUnreadable: { file: 'p', newRep: true },
  passwordFileEmpty: { file: 'p' },
  configUnreadable: { file: 'c.yaml' },
  configEnvMissing: { file: 'c.yaml' },
  configProblem: { place: 'c.yaml:2:1', message: 'unknown key "stroe" in the config', hint: 'did you mean "store"?' },
  repNeedsTeamDb: {},
  reportNeedsTeamDb: { flag: '--team' },
  teamCommandNeedsTeamDb: { what: 'team list' },
  notYourRep: { rep: 'bob', team: [] },
  noRepsManaged: {},
  managerEmpty: {},
  reviewNeedsRep: { verb: 'validate' },
  resolveOwnAccount: { account: 'Acme' },
  reviewNeedsNote: { verb: 'challenge', challenge: true },
  replyNeedsNote: {},
  accuracyOfOneRep: {},
  pushNeedsTo: {},
  noLocalDb: { path: 'coach.db' },
  damagedRows: { count: 2, path: 'coach.db' },
  renamed: { from: 'A', to: 'B' },
  merged: { from: 'A', into: 'B' },
  nothingDeleted: {},
  deleted: { name: 'A' },
  discardedDraft: { mode: 'prep' },
  wroteReport: { file: 'week.html', kb: 12 },
  wroteFile: { file: 's.json' },
  wroteStarter: { files: ['my.yaml'], validate: 'sales-coach playbook validate my.yaml', test: 'sales-coach playbook test my.yaml' },
  prefilled: { count: 3 },
  wroteTexts: { count: 3, file: 't.po', done: 1, locale: 'zh-TW' },
  wroteIcs: { count: 2, file: 's.ics' },
  wroteCsv: { folder: 'out' },
  noAccountInGroups: { groups: ['E'], known: ['A'] },
  confirmDelete: { name: 'Acme', visits: 2, contacts: 1, steps: 3 },
  keptVisitsSent: { count: 2 },
  visitRefused: { reason: 'permission denied', file: '/k/1.json' },
  importSummary: {
    file: 'c.csv',
    rows: 3,
    delimiter: 'comma',
    dryRun: true,
    accounts: 2,
    contactsAdded: 1,
    contactsUpdated: 0,
    contactsUnchanged: 0,
    read: [{ field: 'phone', headers: ['Phone', 'Mobile'] }],
    unread: [{ header: 'Notes', column: 4, noHeader: false }],
    nameless: { count: 1, lines: [3] },
  },
};

const han = /\p{Script=Han}/u;

describe('each key is said in Chinese', () => {
  const keys = Object.keys(SAMPLES) as CliKey[];

  it('the catalogues word the same keys as said.ts lists', () => {
    expect(Object.keys(CLI_CATALOGUES['zh-CN']).sort()).toEqual([...keys].sort());
    expect(Object.keys(CLI_CATALOGUES['zh-TW']).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s: a Chinese message (and hint), not the English', (key) => {
    const said = { key, params: SAMPLES[key] } as CliSaid;
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      const { message, hint } = cliText(said, locale);
      expect(message, `${locale} ${key}`).toMatch(han);
      // a hint that is only the command to type stays the command
      if (hint !== undefined && !hint.startsWith('sales-coach ')) expect(hint, `${locale} ${key} hint`).toMatch(han);
    }
  });

  it('values are echoed as typed; a wrapped error is said again in Chinese', () => {
    expect(cliText({ key: 'notADate', params: SAMPLES.notADate }, 'zh-CN')).toEqual({ message: '--due 2026-13-01 不是有效的日期', hint: '请写成 YYYY-MM-DD，例如 2026-11-26' });
    expect(cliText({ key: 'savedButOutFailed', params: SAMPLES.savedButOutFailed }, 'zh-CN').message).toBe('f 已经存在；拜访本身已经保存');
    // no space before a quote in Chinese ("没有客户属于 “Z”" read as a gap)
    expect(cliText({ key: 'noAccountInGroups', params: { groups: ['E', 'provisional'], known: ['A'] } }, 'zh-CN').message).toBe('没有属于“E”或“?”的客户；在用的分类有 A（? 表示暂定）');
    const busy = { message: 'the database x is busy', store: { key: 'busy', params: { path: 'x' } } };
    expect(cliText({ key: 'saveFailed', params: { inner: busy, resume: 'sales-coach debrief --resume --account Acme' } }, 'zh-CN')).toEqual({
      message: '数据库 x 正被另一个 sales-coach 使用（等了一会儿，还是没能用上）；这次拜访没有保存',
      hint: '你的回答已存为草稿；等它空出来，再这样继续：sales-coach debrief --resume --account Acme',
    });
  });

  it("the config's YAML problems in Chinese: the reader's own sentences, the top level as 配置文件, a library's sentence marked as its words", () => {
    const say = (message: string, hint?: string) => cliText({ key: 'configProblem', params: { place: 'c.yaml:2:1', message, ...(hint ? { hint } : {}) } }, 'zh-CN');
    expect(say('this key appears twice in the same mapping', 'keep one of the two; YAML keeps neither silently')).toEqual({ message: 'c.yaml:2:1：同一层里这个键出现了两次', hint: '删掉其中一个：YAML 不会替你选' });
    expect(say('the config: expected a mapping, found a list').message).toBe('c.yaml:2:1：配置文件：应为键值对，实际是列表');
    expect(say('store: sales-coach 不认识 mysql:// 这种数据库').message).toBe('c.yaml:2:1：store：sales-coach 不认识 mysql:// 这种数据库');
    expect(say('Flow sequence in block collection must be sufficiently indented and end with a ]', 'line the key up with its siblings (spaces only)')).toEqual({
      message: 'c.yaml:2:1：YAML 格式有误（解析器的原话：Flow sequence in block collection must be sufficiently indented and end with a ]）',
      hint: '让这个键和同一层的其他键对齐（只用空格）',
    });
  });

  it("suggestions and the config's schema words in Chinese", () => {
    expect(cliText({ key: 'unknownPersona', params: SAMPLES.unknownPersona }, 'zh-CN').hint).toBe('是不是想写“koala”？');
    expect(cliText({ key: 'noQuestion', params: SAMPLES.noQuestion }, 'zh-CN').hint).toBe('可选的有：“a”、“b”');
    expect(cliText({ key: 'configProblem', params: SAMPLES.configProblem }, 'zh-CN')).toEqual({ message: 'c.yaml:2:1：配置文件里没有“stroe”这个键', hint: '是不是想写“store”？' });
    expect(cliText({ key: 'configProblem', params: { place: 'c.yaml:1:7', message: 'persona: expected a string, found a list', hint: 'expected a string' } }, 'zh-CN')).toEqual({ message: 'c.yaml:1:7：persona：应为文字，实际是列表', hint: '应为文字' });
  });
});
