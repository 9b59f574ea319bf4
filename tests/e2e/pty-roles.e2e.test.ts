/**
 * The role offered for a person new to an account is what the account makes likely: the account knows
 * Ms Chen as its first KP, so a new person at a debrief's meeting, or met alone at a prep, is offered
 * the next role (second KP), not "first KP" (the decider, someone else's role). Driven in a real
 * terminal (tmux), as pty.e2e.test.ts drives its sessions.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DraftStore } from '../../src/cli/drafts.js';
import { BIN, sandbox } from '../helpers/spawn.js';
import { hasTmux, tmuxSession } from '../helpers/tmux.js';

const { home, env } = sandbox();
const { waitFor, waitForCount, keys, start, exitCode, kill } = tmuxSession('sc-roles', env, home, 100);
/** The choice the pointer is on, as the rep sees it. */
const pointed = (s: string) => s.split('\n').filter((l) => l.includes('❯')).at(-1)?.replace(/^.*❯\s*/, '').trim();

/** An account whose first KP is Ms Chen, from a scripted debrief. */
function accountWithFirstKp(account: string): void {
  const file = join(home, `${account}.yaml`);
  writeFileSync(file, 'mode: debrief\ndate: 2026-12-01\nanswers: { contact_name: Ms Chen, contact_role: first_kp, contacts_known: 3, has_need: "yes", buying_power: "yes", sees_value: "yes", persona: koala, asked_to_sign: "no", trust_built: "no", not_signed_reason: trust, polite_excuse: "no", statement_changed: "no", plan_shared: "no" }\n');
  expect(spawnSync(process.execPath, [BIN, 'debrief', '--account', account, '--no-input', '--answers', file], { env }).status).toBe(0);
}

describe.runIf(hasTmux || process.env.CI)('the role offered for a new person', () => {
  afterAll(() => {
    kill();
  });

  it('among the others at a meeting, is not the first KP when the account knows its first KP', async () => {
    accountWithFirstKp('Roles Co');
    // a debrief with Mr Li (a third KP) answered to its end, left as a draft: the others are next
    const main = { contact_name: 'Mr Li', contact_title: 'Plant manager', contact_role: 'third_kp', approval_layers: 'two', contacts_known: 3, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'thinker', contact_stance: 'supporter', personal_win: null, deal_value: null, expected_close: null, customer_asked: null, polite_excuse: 'no', statement_changed: 'no', next_meeting: null };
    new DraftStore(join(home, 'data', 'sales-coach', 'coach.drafts')).save({ version: 1, mode: 'debrief', account: 'Roles Co', playbook: 'abcd', date: '2026-12-03', lang: 'en', answers: main, order: Object.keys(main), savedAt: '2026-12-03T10:00:00.000Z' });
    start("debrief --resume --account 'Roles Co'");
    // the draft holds the rep's answers to the facts on record: not asked to confirm them again
    const resumed = await waitFor('Was anyone else at the meeting?');
    expect(resumed).not.toContain('Still as recorded on');
    keys('Mr Zhao', 'Enter');
    await waitFor("Mr Zhao's job title");
    keys('Enter');
    // Ms Chen is the first KP and Mr Li the third: the second KP is offered
    expect(pointed(await waitFor('Where do they stand'))).toMatch(/^Second KP/);
    keys('Enter');
    await waitFor('Which type is Mr Zhao?');
    keys('Enter');
    await waitFor('Where does Mr Zhao stand on your offer?');
    keys('Enter');
    await waitFor("What would be Mr Zhao's personal win?");
    keys('Enter');
    await waitFor('Anyone else at the meeting?');
    keys('Mr Sun', 'Enter');
    await waitFor("Mr Sun's job title");
    keys('Enter');
    // every role is held by someone else now: "not known" is offered, not another person's role
    expect(pointed(await waitForCount('Where do they stand', 2))).toMatch(/^Don't know/);
    keys('C-c');
    expect(await exitCode()).toBe(130);
  }, 30_000);

  it('for a single new person at a prep, likewise', async () => {
    accountWithFirstKp('Prep Roles Co');
    start("prep --account 'Prep Roles Co' --date 2026-12-04");
    await waitFor('Which are done?');
    keys('Enter'); // the steps stay open
    await waitFor('Who do you meet');
    keys('C-u', 'Mr Sun', 'Enter');
    await waitFor('Still as recorded on');
    keys('Enter'); // the account's facts still hold
    await waitFor("Mr Sun's job title");
    keys('Enter');
    expect(pointed(await waitFor('Where do they stand'))).toMatch(/^Second KP/);
    keys('C-c');
    expect(await exitCode()).toBe(130);
  }, 30_000);

  it('with --review, a known person is offered their own role on record, not the first option', async () => {
    accountWithFirstKp('Review Co');
    const file = join(home, 'zhao.yaml');
    writeFileSync(file, 'mode: debrief\ndate: 2026-12-02\nanswers: { contact_name: Mr Zhao, contact_role: second_kp, approval_layers: one, contacts_known: 3, has_need: "yes", buying_power: "yes", sees_value: "yes", persona: thinker, polite_excuse: "no", statement_changed: "no" }\n');
    expect(spawnSync(process.execPath, [BIN, 'debrief', '--account', 'Review Co', '--no-input', '--answers', file], { env }).status).toBe(0);
    start("prep --review --account 'Review Co' --date 2026-12-04");
    await waitFor('Which are done?');
    keys('Enter');
    await waitFor('Who do you meet');
    keys('Enter'); // Mr Zhao, offered as the person last met
    await waitFor("Mr Zhao's job title");
    keys('Enter');
    expect(pointed(await waitFor('Where do they stand'))).toMatch(/^Second KP/);
    keys('C-c');
    expect(await exitCode()).toBe(130);
  }, 30_000);
});
