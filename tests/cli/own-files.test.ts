/**
 * Issue 22: the files sales-coach wrote itself are input too. Drafts and the visits kept for the team
 * database are read through one validated reader; a damaged one is set aside with one line naming it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDraftAnswers } from '../../src/cli/draft-check.js';
import { type Draft, DraftStore, draftsDirFor } from '../../src/cli/drafts.js';
import { FileOutbox } from '../../src/cli/outbox.js';
import { runCli } from '../helpers/cli.js';
import { builtin } from '../helpers/playbook.js';

const good: Draft = { version: 1, mode: 'debrief', account: 'Acme', playbook: 'abcd', date: '2026-11-20', lang: 'en', answers: { contact_name: 'Li' }, order: ['contact_name'], savedAt: '2026-11-20T09:00:00Z' };

const damaged: [string, unknown][] = [
  ['a draft without savedAt', { ...good, account: 'NoDate', savedAt: undefined }],
  ['a draft with a numeric account', { ...good, account: 42 }],
  ['a draft holding null', null],
  ['a draft whose answer is an object', { ...good, account: 'Obj', answers: { last_discussed: { $x: 1 } } }],
  ['a draft with step decisions that are not decisions', { ...good, account: 'Steps', stepDecisions: { 1: 'maybe' } }],
  // the day and language a resume runs with (before: "--date 9999-12-31 is not a date", "unknown language", no --date or --lang given)
  ['a draft dated past 2200', { ...good, account: 'Late', date: '9999-12-31' }],
  ['a draft in a language sales-coach does not speak', { ...good, account: 'Lang', lang: 'xx' }],
];

function home(): { env: Record<string, string>; dir: string } {
  const h = mkdtempSync(join(tmpdir(), 'sc-own-'));
  const db = join(h, 'coach.db');
  return { env: { HOME: h, SALES_COACH_DB: db, XDG_CONFIG_HOME: join(h, 'config') }, dir: draftsDirFor(db) };
}

describe('drafts are read through one validated reader', () => {
  it.each(damaged)('%s: drafts and drafts discard exit 0/2, never 3, and the file is set aside in one line', async (_name, content) => {
    const { env, dir } = home();
    new DraftStore(dir).save(good);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(content));
    const list = await runCli(['drafts'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('debrief of Acme');
    const lines = list.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/the draft .*bad\.json is damaged \(.+\); it was set aside as .*bad\.json\.damaged$/);
    expect(existsSync(join(dir, 'bad.json.damaged'))).toBe(true);
    // set aside once: the next listing is quiet
    expect((await runCli(['drafts'], { env })).stderr).toBe('');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(content));
    const discard = await runCli(['drafts', 'discard', 'debrief', '--account', 'Nobody'], { env });
    expect(discard.code).toBe(2);
    expect(discard.stderr).not.toMatch(/internal error|at .*\.[jt]s:\d+/);
    expect(readdirSync(dir).filter((n) => n.startsWith('bad.json.damaged'))).toHaveLength(2);
    expect((await runCli(['drafts', 'discard', 'debrief', '--account', 'ACME'], { env })).code).toBe(0);
  });

  it('a file that is not JSON, or is a folder, is set aside too', async () => {
    const { env, dir } = home();
    mkdirSync(join(dir, 'folder.json'), { recursive: true });
    writeFileSync(join(dir, 'cut.json'), '{"version":1,"mo');
    const r = await runCli(['drafts', '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toContain('cut.json is damaged (it is not JSON');
    expect(r.stderr).toContain('folder.json is damaged');
  });

  it('a resumed draft is checked exactly like an answers file: an object answer is refused with the file named', () => {
    const pb = builtin();
    const draft: Draft = { ...good, answers: { contact_name: 'Li', contact_role: { $x: 1 } as never, gone: 'x' }, order: ['contact_name', 'contact_role', 'gone'] };
    const r = checkDraftAnswers('/d/x.json', draft, pb);
    expect(r.diagnostics.map((d) => [d.file, d.code])).toEqual([
      ['/d/x.json', 'invalid-answer'],
      ['/d/x.json', 'unknown-key'],
    ]);
    expect(r.diagnostics[0].message).toBe('"contact_role" cannot be {"$x":1}');
    expect(r.diagnostics[0].hint).toContain("sales-coach drafts discard debrief --account Acme");
    expect(r.answers).toEqual({ contact_name: 'Li' });
    expect(r.order).toEqual(['contact_name', 'contact_role']);
  });
});

describe('the visits kept for the team database are read through the same reader', () => {
  it.each([
    ['null', 'null'],
    ['a number', '42'],
    ['a visit without its target', JSON.stringify({ origin: 'o', account: 'A', at: 'x', visit: { date: 'd', mode: 'm' }, state: {}, events: [] })],
    ['a cut-short file', '{"origin":'],
  ])('one file holding %s is set aside in one line, the others still listed', (_name, text) => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-outbox-'));
    const lines: string[] = [];
    const outbox = new FileOutbox(dir, (l) => lines.push(l));
    writeFileSync(join(dir, '1-bad.json'), text);
    writeFileSync(join(dir, '2-good.json'), JSON.stringify({ origin: 'o', target: 't', account: 'A', at: '2026-01-01T00:00:00Z', visit: { date: '2026-01-01', mode: 'prep' }, state: {}, events: [] }));
    expect(outbox.list().map((k) => k.id)).toEqual(['2-good.json']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/1-bad\.json is damaged .*set aside as .*1-bad\.json\.damaged$/);
    expect(readdirSync(dir).sort()).toEqual(['1-bad.json.damaged', '2-good.json']);
  });
});
