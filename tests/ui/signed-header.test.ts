/**
 * A signed account's result says the signature, not the class's window and the reasons that argued
 * for a deal still to win (a trainer read "A: signs within 7-10 days", its reasons and "Signed. Well
 * done" on one screen as stale).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { scratch } from '../helpers/spawn.js';

const { dir, file } = scratch('sc-signed-header-');
const env = { HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') };
const answers = file(
  'signed.yaml',
  'mode: debrief\naccount: Mingda\ndate: 2026-12-07\nanswers:\n  contact_name: Li\n  contact_role: first_kp\n  contacts_known: 3\n  has_need: "yes"\n  buying_power: "yes"\n  sees_value: "yes"\n  persona: koala\n  asked_to_sign: "yes"\n  signed: "yes"\n  statement_changed: "no"\n',
);

describe('a signing debrief', () => {
  it('says it is signed, without the window or the reasons, on the terminal and in Markdown', async () => {
    const shown = await runCli(['debrief', '--answers', answers, '--dry-run', '--out', join(dir, 'r.md')], { env });
    expect(shown.code, shown.stderr).toBe(0);
    const head = shown.stdout.split('\n').slice(0, 4).join('\n');
    expect(head).toContain('Signed. Well done');
    expect(shown.stdout).not.toContain('signs within 7-10 days');
    expect(shown.stdout).not.toMatch(/A, because/);
    const { readFileSync } = await import('node:fs');
    const md = readFileSync(join(dir, 'r.md'), 'utf8');
    expect(md).toContain('Signed. Well done');
    expect(md).not.toContain('signs within 7-10 days');
  });
});
