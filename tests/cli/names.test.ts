/** Issue 22: names with control characters are refused at the boundary, with the field and line; a header too wide is said as such. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const ANSWERS = 'contact_name: Li\n  contact_role: first_kp\n  contacts_known: 2\n  has_need: "yes"\n  buying_power: "yes"\n  sees_value: "yes"\n  persona: koala\n  asked_to_sign: "yes"\n  signed: "no"\n  not_signed_kind: obstacle\n  not_signed_reason: board\n  polite_excuse: "no"\n  statement_changed: "no"\n  plan_shared: "yes"\n';

function world() {
  const h = mkdtempSync(join(tmpdir(), 'sc-names-'));
  const env = { HOME: h, XDG_CONFIG_HOME: join(h, 'config'), XDG_DATA_HOME: join(h, 'data') };
  const file = (name: string, text: string) => {
    const p = join(h, name);
    writeFileSync(p, text);
    return p;
  };
  return { env, file, run: (args: string[]) => runCli(args, { env, cwd: h }) };
}

describe('a name with a control character is refused where it comes in', () => {
  it.each([
    ['a NUL in the account', 'account: "Zeta\\0Corp"\n', 2, 'account: the value holds a control character (U+0000)'],
    ['an OSC title sequence in the contact name', 'account: Zeta Corp\n', 5, '"contact_name": the answer holds a control character (U+001B)'],
    ['a bidi override in the account', 'account: "Zeta\\u202ECorp"\n', 2, 'account: the value holds a control character (U+202E)'],
  ])('answers file: %s', async (_name, head, line, message) => {
    const w = world();
    const answers = line === 5 ? ANSWERS.replace('contact_name: Li', 'contact_name: "\\e]2;pwned\\aLi"') : ANSWERS;
    const r = await w.run(['debrief', '--date', '2026-11-20', '--answers', w.file('a.yaml', `mode: debrief\n${head}date: 2026-11-20\nanswers:\n  ${answers}`)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`a\\.yaml:${line}:\\d+`));
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('\u001b]');
    expect((await w.run(['accounts', '--json'])).stdout).not.toContain('Zeta');
  });

  it('a free-text answer keeps its newlines and tabs', async () => {
    const w = world();
    const r = await w.run(['debrief', '--date', '2026-11-20', '--answers', w.file('a.yaml', `mode: debrief\naccount: Zeta\ndate: 2026-11-20\nanswers:\n  ${ANSWERS.replace('not_signed_reason: board', 'not_signed_reason: "board\\n\\tthen the CFO"')}`)]);
    expect(r.stderr).toBe('Saved to the account "Zeta".\n');
    expect(r.code).toBe(0);
  });

  it.each([
    ['the account', 'Account Name,First Name,Title\nZeta\u0000Corp,Li,CEO\n', '2:1', 'the account holds a control character (U+0000)'],
    ['the first name', 'Account Name,First Name,Title\nZeta Corp,"\u001b]2;x\u0007Li",CEO\n', '2:11', 'the first name holds a control character (U+001B)'],
    ['the title', 'Account Name,First Name,Title\nZeta Corp,Li,C\u009bEO\n', '2:14', 'the title holds a control character (U+009B)'],
  ])('CSV import: a control character in %s is refused at its line and column, nothing imported', async (_name, csv, at, message) => {
    const w = world();
    const r = await w.run(['import', '--csv', w.file('c.csv', csv)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`c.csv:${at}: ${message}`);
    expect(r.stderr).toContain('nothing was imported');
    expect((await w.run(['accounts', '--json'])).stdout).not.toContain('Zeta');
  });
});

describe('a CSV header with more than 4,096 columns', () => {
  it.each([
    ['alone', ''],
    ['followed by rows', 'Acme,Li\nBeta,Wu\n'],
  ])('is reported as too many fields (%s), never as an empty file or a row taken for the header', async (_name, rows) => {
    const w = world();
    const header = ['Account Name', 'First Name', ...Array.from({ length: 5000 }, (_, i) => `c${i}`)].join(',');
    const r = await w.run(['import', '--csv', w.file('wide.csv', `${header}\n${rows}`)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/wide\.csv:1:\d+: the header row cannot be read: it has more than 4096 fields/);
    expect(r.stderr).not.toContain('empty');
  });
});
