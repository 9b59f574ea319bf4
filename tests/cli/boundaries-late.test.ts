/**
 * Issue 22, the adversarial pass after it: the same classes at the boundaries it had not reached (an
 * environment variable naming a file, a --out of the trainer's tools, names given as options or
 * typed, numbers written as a program would write them).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeTerminal } from '../helpers/terminal.js';
import { describe, expect, it } from 'vitest';
import { DraftStore } from '../../src/cli/drafts.js';
import { UserError } from '../../src/cli/errors.js';
import { FileOutbox } from '../../src/cli/outbox.js';
import { coerceAnswer } from '../../src/engine/answers.js';
import { questionPrompt } from '../../src/ui/prompt.js';
import { main } from '../../src/cli/main.js';
import { runCli } from '../helpers/cli.js';
import { builtin } from '../helpers/playbook.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sc-late-'));
const home = () => {
  const h = tmp();
  return { HOME: h, XDG_CONFIG_HOME: join(h, 'config'), XDG_DATA_HOME: join(h, 'data') };
};

describe('a config named by SALES_COACH_CONFIG', () => {
  it('that does not exist is said, not ignored (exit 2)', async () => {
    const r = await runCli(['accounts'], { env: { ...home(), SALES_COACH_CONFIG: '/missing/file.yaml' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the config file /missing/file.yaml named by SALES_COACH_CONFIG does not exist');
    expect(r.stdout).toBe('');
  });
});

describe('--out of the trainer tools replaces a file only with --force, as report, export and prep do', () => {
  it.each([
    ['playbook schema', ['playbook', 'schema', '--out', 'out.txt']],
    ['playbook strings export', ['playbook', 'strings', 'export', 'abcd', '--format', 'po', '--out', 'out.txt']],
    ['prep', ['prep', '--demo', '--out', 'out.txt']],
  ])('%s', async (_name, args) => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'out.txt'), 'the trainer\'s own work');
    const env = home();
    const refused = await runCli(args, { cwd, env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('out.txt already exists');
    expect(readFileSync(join(cwd, 'out.txt'), 'utf8')).toBe('the trainer\'s own work');
    const forced = await runCli([...args, '--force'], { cwd, env });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(cwd, 'out.txt'), 'utf8')).not.toBe('the trainer\'s own work');
  });
});

describe('a session\'s --out that exists is refused before the first question', () => {
  it('prep --account X --out notes.md on a terminal: exit 2 naming the file, nothing asked, nothing written', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'notes.md'), 'the rep\'s own notes');
    const { stdin, stdout, screen } = fakeTerminal();
    const run = main(['prep', '--account', 'Acme', '--out', 'notes.md'], { stdin, stdout, stderr: stdout, env: { ...home(), NO_COLOR: '1' }, cwd } as never);
    const code = await Promise.race([run, new Promise((r) => setTimeout(() => r('asked a question'), 3_000))]);
    stdin.end();
    expect(code).toBe(2);
    expect(screen()).toContain('notes.md already exists');
    expect(screen()).not.toContain('?');
    expect(readFileSync(join(cwd, 'notes.md'), 'utf8')).toBe('the rep\'s own notes');
  });
});

describe('names with a control character are refused at the command line too, saying the field', () => {
  it.each([
    ['debrief --account', ['debrief', '--account', 'Zeta\u0000Corp', '--no-input'], 'the account name'],
    ['prep --account with ESC', ['prep', '--account', 'Acme\u001b]2;x\u0007', '--no-input'], 'the account name'],
    ['checklist add --account', ['checklist', 'add', 'call', '--account', 'Zeta\u0001'], 'the account name'],
    ['account rename', ['account', 'rename', 'Acme', 'Zeta\u0000Corp'], 'the new name'],
    ['account set --person', ['account', 'set', 'Acme', '--person', 'Mr\u0085Wu', 'trust_level=believed'], "the person's name"],
  ])('%s', async (_name, args, field) => {
    const r = await runCli(args, { env: home() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${field} holds a control character (U+`);
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u001b\u0085]/);
  });

  it('a typed answer or account name with one is asked again', async () => {
    const pb = builtin();
    const q = pb.questions.find((x) => x.id === 'contact_name');
    if (!q) throw new Error('no contact_name');
    const p = questionPrompt(pb, { question: q, locale: 'en', position: 1, total: 1, canGoBack: false, lookup: () => undefined });
    const validate = (p.config as { validate: (v: string) => string | boolean }).validate;
    expect(validate('Mr \u001b]2;owned\u0007Wu')).toMatch(/control character/);
    expect(validate('Mr Wu')).toBe(true);
  });
});

describe('a number is written as a person writes it', () => {
  const pb = builtin();
  const count = pb.questions.find((x) => x.id === 'contacts_known');
  if (!count) throw new Error('no contacts_known');
  it.each(['0x10', '0b11', '1e3', 'Infinity', ' '])('%s is refused', (raw) => {
    expect(coerceAnswer(count, raw, [])).toMatchObject({ ok: false, expected: expect.stringContaining('a whole number') });
  });
  it('1.5 is refused where a count is asked, with what was expected', () => {
    expect(coerceAnswer(count, 1.5, [])).toMatchObject({ ok: false, expected: 'a whole number such as 3' });
    expect(coerceAnswer(count, '1.5', [])).toMatchObject({ ok: false, expected: 'a whole number such as 3' });
    expect(coerceAnswer(count, '3', [])).toEqual({ ok: true, value: 3 });
    expect(coerceAnswer({ ...count, integer: false }, '2.5', [])).toEqual({ ok: true, value: 2.5 });
  });
  it('the prompt says so too', () => {
    const p = questionPrompt(pb, { question: count, locale: 'en', position: 1, total: 1, canGoBack: false, lookup: () => undefined });
    const validate = (p.config as { validate: (v: string) => string | boolean }).validate;
    expect(validate('0x10')).toMatch(/whole number/);
    expect(validate('1.5')).toMatch(/whole number/);
    expect(validate('4')).toBe(true);
  });
  it('an answers file is told where and what', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'a.yaml'), 'mode: debrief\naccount: Acme\nanswers:\n  contacts_known: "0x10"\n  meetings_left: 1.5\n');
    const r = await runCli(['debrief', '--answers', 'a.yaml', '--dry-run'], { cwd, env: home() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.yaml:4:19: error: "contacts_known" cannot be "0x10"[^\n]*\n[\s\S]*?hint: expected a whole number such as 3/);
    expect(r.stderr).toMatch(/a\.yaml:5:18: error: "meetings_left" cannot be 1\.5[^\n]*\n[\s\S]*?hint: expected a whole number such as 3/);
  });
});

describe('the drafts folder is a file', () => {
  it('saving a draft is a user error naming the folder (the session then goes on without drafts), never an internal error', () => {
    const home = tmp();
    const dir = join(home, 'coach.drafts');
    writeFileSync(dir, 'not a folder');
    const drafts = new DraftStore(dir);
    const draft = { version: 1 as const, mode: 'prep' as const, account: 'Acme', playbook: 'abcd', date: '2026-11-20', lang: 'en' as const, answers: {}, order: [], savedAt: '2026-11-20T09:00:00Z' };
    expect(() => drafts.save(draft)).toThrow(UserError);
    expect(() => drafts.save(draft)).toThrow(/cannot keep the draft in .*coach\.drafts: something other than a folder is in its place/);
    expect(() => new FileOutbox(dir).put({ at: '2026-11-20T09:00:00Z', origin: 'x' } as never)).toThrow(UserError);
  });
});
