/**
 * Issue 24: a session run with `--playbook FILE` keeps its playbook with the history, so `today` still
 * reads that playbook's next meeting (roles.nextMeeting) after the file is moved away.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

describe('today, for a playbook given as a file', () => {
  it('lists the next meeting its debrief agreed, after the file is gone', async () => {
    const { dir, file } = scratch('sc-today-file-');
    const { env } = sandbox();
    expect((await runBin(['playbook', 'init', '--from', 'bant', 'team.yaml'], { env, cwd: dir })).code).toBe(0);
    const answers = file('a.yaml', 'mode: debrief\nanswers: { contact_name: Li, budget: "yes", authority: decides, need: "yes", timeline: quarter, outcome: open, next_meeting: 2026-12-08 }\n');
    const d = await runBin(['debrief', '--playbook', 'team.yaml', '--account', 'Acme', '--date', '2026-12-01', '--no-input', '--answers', answers], { env, cwd: dir });
    expect(d.code, d.stderr).toBe(0);
    renameSync(join(dir, 'team.yaml'), join(dir, 'moved.yaml'));
    const r = await runBin(['today', '--today', '2026-12-07', '--json'], { env, cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('"2026-12-08"');
    const screen = await runBin(['today', '--today', '2026-12-07'], { env, cwd: dir });
    expect(screen.stdout).toMatch(/Acme/);
    expect(screen.stdout).toMatch(/[Tt]omorrow/);
  });
});
