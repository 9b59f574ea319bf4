/** `import` in-process: the progress line a terminal gets, and none for a pipe or a log file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { roleQuestionOf } from '../../src/cli/import.js';
import { builtin } from '../helpers/playbook.js';

class Capture {
  text = '';
  columns = 80;
  constructor(readonly isTTY: boolean) {}
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

async function run(args: string[], tty: boolean) {
  const home = mkdtempSync(join(tmpdir(), 'sc-imp-cli-'));
  const stdout = new Capture(false);
  const stderr = new Capture(tty);
  const stdin = new PassThrough();
  stdin.end();
  const env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'), NO_COLOR: '1', LANG: 'en_US.UTF-8' };
  const code = await main(args, { stdin, stdout, stderr, env, cwd: home });
  return { code, stdout: stdout.text, stderr: stderr.text, home };
}

describe('import progress', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sc-imp-csv-'));
  const csv = join(dir, 'big.csv');
  writeFileSync(csv, `Account Name,First Name,Last Name\n${Array.from({ length: 25_000 }, (_, i) => `Account ${i % 500},P${i},Smith\n`).join('')}`);

  it('a terminal sees a progress line on stderr, redrawn in place and cleared at the end', async () => {
    const r = await run(['import', '--csv', csv], true);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`\r\u001b[2Kchecking ${csv}: 10,000 rows`);
    expect(r.stderr).toContain('\r\u001b[2Kimporting 10,000 of 25,000 rows (40%)');
    expect(r.stderr).toContain('\r\u001b[2Kimporting 25,000 of 25,000 rows (100%)');
    expect(r.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(r.stdout).toContain('contacts added      25000');
  });

  it('a pipe or a log file gets no progress at all', async () => {
    const r = await run(['import', '--csv', csv, '--dry-run'], false);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('roleQuestionOf', () => {
  it("is the built-in playbook's contact_role question, whose options the import reads", () => {
    expect(roleQuestionOf(builtin())?.options?.map((o) => o.value)).toEqual(['first_kp', 'second_kp', 'third_kp']);
  });
});

describe('files that cannot be imported at all', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sc-imp-bad-'));
  const put = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it.each([
    { name: 'no account column', text: 'First Name;Last Name;Phone\nWei;Li;1\n', err: '{file}:1:1: no column names the account; found "First Name", "Last Name", "Phone"', hint: 'name one column "Account Name", "Account", "Company Name", "Company" or "公司" (read as semicolon-separated)' },
    { name: 'empty', text: '', err: '{file} is empty; expected a header row (e.g. "Account Name,First Name,Last Name,Title,Phone")' },
    { name: 'missing', text: undefined, err: 'cannot read the CSV file {file}: no such file or folder (ENOENT)' },
  ])('$name: one clear line, exit 2, no stack', async ({ name, text, err, hint }) => {
    const file = `${name.replace(/ /g, '-')}.csv`;
    const path = text === undefined ? join(dir, file) : put(file, text);
    const r = await run(['import', '--csv', path], false);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`sales-coach: ${err.replace('{file}', path)}`);
    if (hint) expect(r.stderr).toContain(`  hint: ${hint}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a --map-role without "=" is a usage error', async () => {
    const r = await run(['import', '--csv', put('ok.csv', 'Company\nAcme\n'), '--map-role', 'boss'], false);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--map-role "boss": expected WORD=VALUE');
  });

  it("obeys Excel's sep= first line and a UTF-16 file with its byte-order mark", async () => {
    const sep = await run(['import', '--csv', put('sep.csv', 'sep=;\r\nCompany;Name;Notes, comma\r\nAcme;Li;x, y\r\n'), '--json'], false);
    expect(JSON.parse(sep.stdout)).toMatchObject({ delimiter: 'semicolon', rows: 1, contactsAdded: 1, columns: { unread: [{ column: 3, header: 'Notes, comma' }] } });
    const utf16 = join(dir, 'unicode.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('公司\t姓名\t职位\r\n恒达\t王芳\t经理\r\n', 'utf16le')]));
    const r = await run(['import', '--csv', utf16, '--json'], false);
    expect(JSON.parse(r.stdout)).toMatchObject({ delimiter: 'tab', rows: 1, accountsAdded: 1, contactsAdded: 1 });
  });
});
