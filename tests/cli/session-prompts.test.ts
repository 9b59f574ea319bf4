/**
 * Issue 22: the prompts src/cli/session.ts shows before the interview (an unfinished draft: continue
 * or discard) are fed by a file the program wrote itself. A draft whose savedAt carries an escape
 * sequence put it in the prompt's message, where it retitled the terminal; a draft is now held to a
 * timestamp there, and set aside with one line otherwise. Run through main() with a terminal's
 * streams, as a rep runs `prep --account X`.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DraftStore } from '../../src/cli/drafts.js';
import { main } from '../../src/cli/main.js';

const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const leaks = (raw: string) => {
  const own = raw.replace(/\u001b\[(?:\d*[ABCDGK]|\?25[hl]|[\d;]*m)/g, '');
  const bad = FORBIDDEN.exec(own);
  return bad ? `U+${bad[0].codePointAt(0)?.toString(16).padStart(4, '0')} near ${JSON.stringify(own.slice(Math.max(0, bad.index - 30), bad.index + 10))}` : undefined;
};

async function session(home: string, keys: string) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
  let out = '';
  stdout.on('data', (d) => (out += d));
  const env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1', LANG: 'en_US.UTF-8' };
  const code = main(['prep', '--account', 'Acme'], { stdin, stdout, stderr: stdout, env, cwd: home } as never);
  // the first screen (the draft's prompt, or the line that sets the draft aside and the first question)
  for (let i = 0; i < 200 && !/\?/.test(out); i++) await new Promise((r) => setTimeout(r, 20));
  stdin.write(keys);
  await new Promise((r) => setTimeout(r, 100));
  stdin.end();
  return { code: await Promise.race([code, new Promise((r) => setTimeout(() => r('still running'), 10_000))]), out };
}

describe('the draft prompt of a session, over a draft file holding escapes', () => {
  it.each([
    ['savedAt', { savedAt: '\u001b]2;pwned\u0007 2026-11-20T10:00' }],
    ['savedAt with C1 and bidi', { savedAt: '\u009d0;x\u009c2026-11-20\u202eT10:00' }],
  ])('%s: nothing but the prompt\'s own escapes reaches the terminal', async (_name, fields) => {
    const home = mkdtempSync(join(tmpdir(), 'sc-session-prompts-'));
    const dir = join(home, 'data', 'sales-coach', 'coach.drafts');
    mkdirSync(dir, { recursive: true });
    const file = new DraftStore(dir).pathOf('prep', 'Acme');
    writeFileSync(file, JSON.stringify({ version: 1, mode: 'prep', account: 'Acme', playbook: 'abcd', date: '2026-11-20', lang: 'en', answers: {}, order: [], ...fields }));
    // Ctrl-C at the first prompt: the session stops there
    const r = await session(home, '\u0003');
    expect(r.code).not.toBe('still running');
    expect(leaks(r.out)).toBeUndefined();
    // the draft was set aside, named in one line, not offered
    expect(readdirSync(dir).some((n) => n.endsWith('.damaged'))).toBe(true);
    expect(r.out).toMatch(/draft .* is damaged \(savedAt: /);
  });
});
