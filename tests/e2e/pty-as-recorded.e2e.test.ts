/**
 * Issue 25, the second rep's trial: "Still as recorded on <day>?" names the day the facts were last
 * recorded: after `account set` changed one of them, the edit's day, not the visit's. In a real
 * terminal (tmux), as pty.e2e.test.ts drives its sessions.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, sandbox } from '../helpers/spawn.js';
import { hasTmux, tmuxSession } from '../helpers/tmux.js';

const { home, env } = sandbox();
const { waitFor, keys, start, exitCode, kill } = tmuxSession('sc-asrec', env, home, 100);

describe.runIf(hasTmux || process.env.CI)('"still as recorded on" after account set', () => {
  afterAll(() => {
    kill();
  });

  it("names the edit's day once account set changed a fact it offers", async () => {
    expect(hasTmux).toBe(true);
    const file = join(home, 'd.yaml');
    writeFileSync(file, 'mode: debrief\ndate: 2026-11-20\nanswers: { contact_name: Li, contact_role: second_kp, approval_layers: one, contacts_known: 2, has_need: "yes", buying_power: "yes", sees_value: "yes", persona: koala, contact_stance: neutral, asked_to_sign: "no", not_asked_why: other, not_signed_reason: timing, polite_excuse: "no", statement_changed: "no", plan_shared: "no" }\n');
    expect(spawnSync(process.execPath, [BIN, 'debrief', '--account', 'Edit Co', '--no-input', '--answers', file], { env }).status).toBe(0);
    const set = spawnSync(process.execPath, [BIN, 'account', 'set', 'Edit Co', '--person', 'Li', 'contact_stance=supporter', '--date', '2026-11-24'], { env, encoding: 'utf8' });
    expect(set.status, set.stderr).toBe(0);
    start("prep --account 'Edit Co' --date 2026-11-26");
    await waitFor('Which are done?');
    keys('Enter'); // none done
    await waitFor('Who do you meet');
    keys('Enter'); // Li, offered
    const asked = await waitFor('Still as recorded on');
    // before: "Still as recorded on Fri, 20 Nov 2026?" though the stance was set on the 24th
    expect(asked).toContain('Still as recorded on Tue 24 Nov 2026?');
    keys('C-c');
    expect(await exitCode()).toBe(130);
  }, 30_000);
});
