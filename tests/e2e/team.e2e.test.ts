/**
 * The team database through the built binary, as a manager and a rep run it: set-up, a rep's
 * sessions, the manager's review and question, on the real PostgreSQL server the tests started.
 * The password travels only in the environment: never in the process's arguments or its output.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aDebriefAnswers } from '../helpers/answers.js';
import { ADMIN_PASSWORD, freshDatabase, roleName, serverUrl } from '../helpers/pg.js';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

describe('a team on PostgreSQL, through the built binary', () => {
  it('set up, a rep debriefs, the manager reviews and questions the class, the rep reads it', async () => {
    const db = await freshDatabase();
    const [rep, boss] = [roleName('wang'), roleName('chen')];
    const { file } = scratch('sc-team-e2e-');
    const pw = file('pw.txt', 'rep-pw\n');
    (await import('node:fs')).chmodSync(pw, 0o600);
    const adminEnv = { ...sandbox().env, SALES_COACH_DB: serverUrl('sc_admin', db), PGPASSWORD: ADMIN_PASSWORD };
    expect((await runBin(['team', 'init'], { env: adminEnv })).stdout).toContain('is ready for sales-coach');
    for (const [who, manager] of [[rep, boss], [boss, undefined]] as const) {
      const r = await runBin(['team', 'add', who, ...(manager ? ['--manager', manager] : []), '--password-file', pw], { env: adminEnv });
      expect([r.code, r.stderr]).toEqual([0, '']);
    }
    const list = await runBin(['team', 'list', '--json'], { env: adminEnv });
    expect(JSON.parse(list.stdout)).toEqual(expect.arrayContaining([{ rep, manager: boss, accounts: 0 }]));

    // the rep names the database in the config, the password in a file beside it
    const repBox = sandbox();
    const cfgDir = join(repBox.home, 'config', 'sales-coach');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(cfgDir, { recursive: true });
    writeFileSync(join(cfgDir, 'config.yaml'), `store: ${serverUrl(rep, db)}\npasswordFile: ../../pw\n`);
    writeFileSync(join(repBox.home, 'pw'), 'rep-pw\n', { mode: 0o600 });
    const answers = file('d.yaml', `mode: debrief\nanswers:\n${aDebriefAnswers()}`);
    const debrief = await runBin(['debrief', '--account', 'Acme Ltd', '--date', '2026-11-20', '--answers', answers], { env: repBox.env });
    expect([debrief.code, debrief.stderr]).toEqual([0, 'Saved to the account "Acme Ltd".\n']);

    const bossEnv = { ...sandbox().env, SALES_COACH_DB: serverUrl(boss, db), PGPASSWORD: 'rep-pw' };
    const review = await runBin(['team', 'review', '--today', '2026-12-02'], { env: bossEnv });
    expect(review.code).toBe(0);
    expect(review.stdout).toContain(`${rep}: 1 account`);
    expect(review.stdout).toContain('Acme Ltd');
    expect(review.stdout).toContain('past its signing window: sign or reclassify');
    // the header counts every flag its accounts show, as the rep's review and the weekly report do
    // (before: "only one person on record" on the account's line, and not in the header)
    expect(review.stdout).toMatch(/^\s+1 {2}only one person on record \(account show NAME --rep REP lists them\)/m);
    expect(review.stdout).toMatch(/! only one person on record(?! \()/); // the hint once, in the header
    const json = JSON.parse((await runBin(['team', 'review', '--today', '2026-12-02', '--json'], { env: bossEnv })).stdout);
    expect(json.reps[0].flagCounts).toMatchObject({ window: 1, one_contact: 1 });
    // the manager's own screens are empty (no accounts of their own): each says where the reps' are
    for (const args of [['accounts'], ['checklist'], ['today', '--today', '2026-12-02']]) {
      const own = await runBin(args, { env: bossEnv });
      expect([args[0], own.code, own.stdout]).toEqual([args[0], 0, expect.stringContaining('You manage 1 rep: their accounts and steps are in sales-coach team review')]);
    }
    // a misspelt account of the rep: the one meant, and where the rep's accounts are listed
    const typo = await runBin(['account', 'show', 'Acme Ltt', '--rep', rep], { env: bossEnv });
    expect([typo.code, typo.stderr]).toEqual([2, expect.stringContaining(`did you mean "Acme Ltd"? (sales-coach accounts --rep ${rep} --all lists them)`)]);
    const shown = await runBin(['account', 'show', 'Acme Ltd', '--rep', rep], { env: bossEnv });
    expect([shown.code, shown.stdout]).toEqual([0, expect.stringContaining('Li  First KP')]);
    // the manager reads the rep's own review, as the rep sees it (issue 26: accounts --rep)
    const theirs = await runBin(['accounts', '--rep', rep, '--today', '2026-12-02'], { env: bossEnv });
    expect([theirs.code, theirs.stderr]).toEqual([0, '']);
    expect(theirs.stdout).toContain(`Pipeline of ${rep} (read-only)`);
    expect(theirs.stdout).toMatch(/Acme Ltd[\s\S]*! past its signing window/);
    const theirsJson = JSON.parse((await runBin(['accounts', '--rep', rep, '--today', '2026-12-02', '--json'], { env: bossEnv })).stdout);
    expect([theirsJson.rep, theirsJson.total, theirsJson.accounts.map((a: { name: string }) => a.name)]).toEqual([rep, 1, ['Acme Ltd']]);
    // a role outside the team is said so (row-level security alone would show an empty review), with the one meant
    const stranger = await runBin(['accounts', '--rep', `${rep}x`], { env: bossEnv });
    expect([stranger.code, stranger.stderr]).toEqual([2, expect.stringContaining(`${rep}x is not a rep of your team`)]);
    expect(stranger.stderr).toContain(`did you mean ${rep}?`);
    // a rep cannot read their manager's (or anyone's) review
    const upward = await runBin(['accounts', '--rep', boss], { env: repBox.env });
    expect([upward.code, upward.stderr]).toEqual([2, expect.stringContaining(`${boss} is not a rep of your team`)]);
    const zh = await runBin(['team', 'review', '--today', '2026-12-02', '--lang', 'zh-CN'], { env: bossEnv });
    expect(zh.stdout).toContain(`团队  1名销售`);
    expect(zh.stdout).toContain(`${rep}：1个客户`);
    const challenge = await runBin(['account', 'challenge', 'Acme Ltd', '--rep', rep, '--note', 'Then why was it not signed today?', '--today', '2026-12-02'], { env: bossEnv });
    expect(challenge.code).toBe(0);
    const accounts = await runBin(['accounts', '--today', '2026-12-03'], { env: repBox.env });
    expect(accounts.stdout.replace(/\s+/g, ' ')).toContain(`${boss} questions the class A — Then why was it not signed today?`);
    for (const r of [debrief, review, challenge, accounts]) expect(r.stdout + r.stderr).not.toContain('rep-pw');
  });
});
