/**
 * Every human-facing view, walked with hostile names: stored or typed text is data, and no control
 * character, escape sequence, bidirectional override or injected line reaches the terminal (or a
 * Markdown or calendar file). One sanitiser, applied where data meets output (src/ui/sanitize.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { resumeCommand } from '../../src/cli/session.js';
import { main } from '../../src/cli/main.js';
import { sanitize, sanitizeBlock, shellQuote } from '../../src/ui/sanitize.js';
import { runCli } from '../helpers/cli.js';
import { aDebriefAnswers } from '../helpers/answers.js';

const HOSTILE = [
  'Clear\u001b[2J\u001b]0;pwned\u0007 Co',
  'Line one\nFAKE: Saved to the account',
  'Carriage\rFAKE: overwritten',
  'C1\u009b31mRed\u0085NEL Co',
  'Bidi\u202egnp.exe\u2066 Co\u2069',
  '<script>alert(1)</script> & *Co* | #1',
  "O'Brien; rm -rf ~ $(id) `id`",
  'DCS\u001bPq#0;2;0;0;0\u001b\\ Co',
];

/** What must never reach a terminal: C0 but tab and newline, DEL, C1, bidi controls. */
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function check(where: string, text: string) {
  const bad = FORBIDDEN.exec(text);
  expect(bad ? `${where}: U+${bad[0].codePointAt(0)?.toString(16).padStart(4, '0')} at ${bad.index}: ${JSON.stringify(text.slice(Math.max(0, bad.index - 30), bad.index + 10))}` : '').toBe('');
  // a newline inside a name must not start a line of its own that looks like the tool's output
  expect(text.split('\n').filter((l) => /^\s*FAKE:/.test(l))).toEqual([]);
}

// the account comes on the command line (--account): an answers file refuses a name with a control
// character (issue 22), and so does an import; what an earlier version stored is seeded below
const debrief = () => `mode: debrief
date: 2026-11-20
answers:
${aDebriefAnswers('Li')}`;

describe('every view over hostile names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sc-hostile-'));
  const env = { XDG_DATA_HOME: join(dir, 'data'), HOME: dir };
  const run = async (args: string[], stdin?: string) => {
    const r = await runCli(args, { cwd: dir, env, stdin });
    check(`${args.join(' ')} (stdout)`, r.stdout);
    check(`${args.join(' ')} (stderr)`, r.stderr);
    return r;
  };

  it('sessions, their JSON and Markdown; a hostile name on the command line is refused, echoing nothing raw', async () => {
    for (const [i, name] of HOSTILE.entries()) {
      const file = join(dir, `d${i}.yaml`);
      writeFileSync(file, debrief());
      // --account refuses a control character (issue 22); the names without one still pass
      const refused = FORBIDDEN.test(name) || name.includes('\n') || name.includes('\r');
      const r = await run(['debrief', '--account', name, '--answers', file, '--out', join(dir, `h${i}.md`)]);
      expect(r.code).toBe(refused ? 2 : 0);
      const saved = await run(['debrief', '--account', `Safe ${i}`, '--answers', file, '--out', join(dir, `d${i}.md`)]);
      expect(saved.code).toBe(0);
      check(`d${i}.md`, readFileSync(join(dir, `d${i}.md`), 'utf8'));
      if (!refused) {
        const md = readFileSync(join(dir, `h${i}.md`), 'utf8');
        check(`h${i}.md`, md);
        expect(md).not.toContain('<script>');
        expect((await run(['debrief', '--account', name, '--dry-run', '--json', '--answers', file])).code).toBe(0);
      }
    }
    // hostile account and contact names, as a database written before the boundary refused them holds them
    const { openSqliteStore } = await import('../../src/store/sqlite.js');
    const store = openSqliteStore(join(dir, 'data', 'sales-coach', 'coach.db'));
    for (const [i, name] of HOSTILE.entries()) {
      if (FORBIDDEN.test(name) || /[\n\r]/.test(name)) await store.renameAccount(`Safe ${i}`, name);
    }
    async function* rows() {
      for (const [i, name] of HOSTILE.entries()) yield { line: i + 2, account: name, contact: { name: `${name} contact`, title: name } };
    }
    await store.importRows(rows(), { at: '2026-11-20T00:00:00Z' });
    await store.close();
  });

  it('the pipeline, the account, the checklist, exports and imports', async () => {
    expect((await run(['accounts', '--today', '2026-11-25'])).code).toBe(0);
    expect((await run(['accounts', '--today', '2026-11-25', '--since', '30d'])).code).toBe(0);
    expect((await run(['accounts', '--json'])).code).toBe(0);
    expect((await run(['checklist', '--today', '2026-11-25'])).code).toBe(0);
    const items = JSON.parse((await run(['checklist', '--json'])).stdout) as { id: number }[];
    expect((await run(['checklist', 'done', String(items[0].id)])).code).toBe(0);
    for (const name of HOSTILE) {
      expect((await run(['account', 'show', name])).code).toBe(0);
      expect((await run(['account', 'show', name, '--json'])).code).toBe(0);
    }
    expect((await run(['export', '--json'])).code).toBe(0);
    expect((await run(['export', '--ics', join(dir, 'cal.ics')])).code).toBe(0);
    // unfolded as a calendar reads it (RFC 5545: CRLF + space continues the line)
    check('cal.ics', readFileSync(join(dir, 'cal.ics'), 'utf8').replace(/\r\n /g, '').replace(/\r\n/g, '\n'));
    const csv = join(dir, 'crm.csv');
    writeFileSync(csv, `account,"contact\u001b[31m"\n${HOSTILE.map((n) => `"${n.replace(/"/g, '""')} CRM",x`).join('\n')}\n`);
    // refused at the boundary (issue 22), and the refusal itself echoes nothing raw
    expect((await run(['import', '--csv', csv, '--dry-run'])).code).toBe(2);
    // a stored hostile name can be renamed to a clean one, never to another hostile one
    expect((await run(['account', 'rename', HOSTILE[0], `${HOSTILE[1]} renamed`])).code).toBe(2);
    expect((await run(['account', 'rename', HOSTILE[0], 'Renamed Co'])).code).toBe(0);
    expect((await run(['account', 'merge', HOSTILE[2], HOSTILE[3]])).code).toBe(0);
    expect((await run(['account', 'delete', HOSTILE[4], '--yes'])).code).toBe(0);
  });

  it('accounts --csv on a terminal is sanitised; to a pipe it keeps the data', async () => {
    const capture = (isTTY: boolean) => ({ text: '', isTTY, columns: 80, write(s: string) { this.text += s; return true; } });
    const tty = capture(true);
    await main(['accounts', '--csv'], { stdin: new PassThrough(), stdout: tty, stderr: capture(false), env: { NO_COLOR: '1', ...env }, cwd: dir });
    check('accounts --csv (terminal)', tty.text.replace(/\r\n/g, '\n')); // CRLF ends CSV records (RFC 4180)
    const pipe = capture(false);
    await main(['accounts', '--csv'], { stdin: new PassThrough(), stdout: pipe, stderr: capture(false), env: { NO_COLOR: '1', ...env }, cwd: dir });
    expect(pipe.text).toContain('"Line one\nFAKE: Saved to the account"'); // a file or a pipe keeps the data exactly
  });

  it('errors that echo what was typed', async () => {
    for (const name of HOSTILE) {
      expect((await run(['account', 'show', `${name} missing`])).code).toBe(2);
      expect((await run(['prep', '--resume', '--account', name])).code).toBe(2);
      expect((await run(['--lang', name, 'accounts'])).code).toBe(2);
      expect((await run(['accounts', `--${name}`])).code).toBe(2);
      expect((await run(['accounts', '--today', name])).code).toBe(2);
      expect((await run(['debrief', '--persona', name, '--dry-run', '--answers', join(dir, 'd0.yaml')])).code).toBe(2);
    }
  });
});

describe('command lines printed for copying', () => {
  it.each(HOSTILE)('the resume line for %j, pasted into a shell, passes exactly the sanitised name', (name) => {
    const line = resumeCommand('prep', name);
    check('resume line', line);
    // run it with a stand-in for sales-coach that prints its arguments, one per line
    const args = execFileSync('bash', ['-c', `sales-coach() { printf '%s\\n' "$@"; }; ${line}`], { encoding: 'utf8' }).split('\n');
    expect(args.slice(0, 4)).toEqual(['prep', '--resume', '--account', sanitize(name)]);
  });

  it('quotes only what needs quoting', () => {
    expect(shellQuote('Acme')).toBe('Acme');
    expect(shellQuote('Acme Ltd')).toBe("'Acme Ltd'");
    expect(shellQuote("O'Brien")).toBe("'O'\\''Brien'");
  });
});

describe('the sanitiser', () => {
  it('single-line fields lose line breaks; paragraphs keep them; both lose every control and bidi override', () => {
    expect(sanitize('a\nb\tc\r\nd')).toBe('a b c d');
    expect(sanitizeBlock('a\nb\tc\r\nd')).toBe('a\nb\tc\nd');
    for (const s of HOSTILE) {
      expect(FORBIDDEN.test(sanitize(s))).toBe(false);
      expect(FORBIDDEN.test(sanitizeBlock(s))).toBe(false);
    }
    expect(sanitize('Clear\u001b[2J\u001b]0;pwned\u0007 Co')).toBe('Clear Co');
  });
});

describe('playbook text is data: a terminal gets it stripped, a file or a pipe gets it exactly (issue 22)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sc-hostile-pb-'));
  const capture = (isTTY: boolean) => ({ text: '', isTTY, columns: 80, write(s: string) { this.text += s; return true; } });
  const run = async (args: string[], isTTY: boolean) => {
    const stdout = capture(isTTY);
    const code = await main(args, { stdin: new PassThrough(), stdout, stderr: capture(false), env: { NO_COLOR: '1', HOME: dir, XDG_DATA_HOME: join(dir, 'data') }, cwd: dir });
    return { code, stdout: stdout.text };
  };
  const hostile = 'budget\u001b]0;pwned\u0007\u001b[2J now\u009b31m\u202e?';

  it.each([
    ['playbook graph', ['playbook', 'graph', 'team.yaml']],
    ['playbook graph --markdown', ['playbook', 'graph', 'team.yaml', '--markdown']],
    ['playbook strings export', ['playbook', 'strings', 'export', 'team.yaml', '--lang', 'zh-CN', '--format', 'po']],
    ['playbook strings export --format xliff', ['playbook', 'strings', 'export', 'team.yaml', '--lang', 'zh-CN', '--format', 'xliff']],
  ])('%s', async (_name, args) => {
    if (!existsSync(join(dir, 'team.yaml'))) {
      expect((await runCli(['playbook', 'init', '--from', 'bant', 'team.yaml'], { cwd: dir })).code).toBe(0);
      const file = join(dir, 'team.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('Is there a budget for this purchase?', hostile));
    }
    const tty = await run(args, true);
    expect(tty.code).toBe(0);
    expect(tty.stdout).toContain('budget');
    check(`${args.join(' ')} (terminal)`, tty.stdout);
    const pipe = await run(args, false);
    expect(pipe.code).toBe(0);
    // the exact text, or its faithful escape (JSON, XML)
    expect(/\u001b\]0;pwned|\\u001b\]0;pwned|&#x1b;|\\x1b/i.test(pipe.stdout) || pipe.stdout.includes('\u202e')).toBe(true);
  });
});

describe('a file name is data too (issue 22)', () => {
  it('playbook list and validate name a playbook file with an escape in its name without the escape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-hostile-file-'));
    const folder = join(dir, 'pb');
    execFileSync('mkdir', [folder]);
    await runCli(['playbook', 'init', '--from', 'bant', join(folder, 'x\u001b]0;pwned\u0007y.yaml')], { cwd: dir });
    writeFileSync(join(dir, 'config.yaml'), `playbooks: ${folder}\n`);
    const env = { HOME: dir, SALES_COACH_CONFIG: join(dir, 'config.yaml') };
    for (const args of [['playbook', 'list'], ['playbook', 'validate', 'pb']]) {
      const r = await runCli(args, { cwd: dir, env });
      expect(r.stdout).toContain('pwned');
      check(args.join(' '), r.stdout);
      check(args.join(' '), r.stderr);
    }
  });
});
