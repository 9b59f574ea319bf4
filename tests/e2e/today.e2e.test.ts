/**
 * `today` through the built binary: a fixed day, a store made by real sessions, a calendar (.ics) read
 * by ical.js, the same library these tests read the project's own export with.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { aDebriefAnswers } from '../helpers/answers.js';
import { BIN, runBin, sandbox, scratch } from '../helpers/spawn.js';

const { file } = scratch('sc-today-');
const debrief = (contact: string, next?: string) => `mode: debrief\nanswers:\n${aDebriefAnswers(contact)}${next ? `  next_meeting: ${next}\n` : ''}`;

const CALENDAR = `BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//EN\r
BEGIN:VTIMEZONE\r
TZID:Asia/Shanghai\r
BEGIN:STANDARD\r
DTSTART:19700101T000000\r
TZOFFSETFROM:+0800\r
TZOFFSETTO:+0800\r
TZNAME:CST\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:1@test\r
DTSTAMP:20261201T000000Z\r
DTSTART;TZID=Asia/Shanghai:20261202T100000\r
DTEND;TZID=Asia/Shanghai:20261202T110000\r
SUMMARY:Pilot review with HENGDA logistics\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:2@test\r
DTSTAMP:20261201T000000Z\r
DTSTART;TZID=Asia/Shanghai:20261202T150000\r
SUMMARY:Dentist\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:3@test\r
DTSTAMP:20261201T000000Z\r
DTSTART;VALUE=DATE:20261125\r
RRULE:FREQ=WEEKLY;COUNT=4\r
SUMMARY:Weekly call\r
LOCATION:Zenith Corp, 5th floor\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:4@test\r
DTSTAMP:20261201T000000Z\r
DTSTART:20261203T090000Z\r
SUMMARY:Acme kickoff (cancelled)\r
STATUS:CANCELLED\r
END:VEVENT\r
END:VCALENDAR\r
`;

describe('today', () => {
  const { env: base, home } = sandbox();
  const env = { ...base, TZ: 'Asia/Shanghai' };
  const run = (args: string[]) => runBin(args, { env });
  const ics = file('work.ics', CALENDAR);

  beforeAll(async () => {
    // Acme: next meeting agreed for tomorrow; Hengda: in the calendar today, prepared; Zenith: weekly call;
    // Borealis: an A whose window ended; Old Co: a next meeting agreed, then visited (not planned any more)
    expect((await run(['debrief', '--account', 'Acme', '--date', '2026-11-30', '--answers', file('a.yaml', debrief('Li', '2026-12-03'))])).code).toBe(0);
    expect((await run(['debrief', '--account', 'Hengda Logistics', '--date', '2026-11-27', '--answers', file('h.yaml', debrief('Chen'))])).code).toBe(0);
    expect((await run(['prep', '--account', 'Hengda Logistics', '--date', '2026-12-02', '--answers', fileURLToPath(new URL('../../examples/demo-prep.yaml', import.meta.url))])).code).toBe(0);
    expect((await run(['debrief', '--account', 'Zenith Corp', '--date', '2026-11-28', '--answers', file('z.yaml', debrief('Sun'))])).code).toBe(0);
    expect((await run(['debrief', '--account', 'Borealis', '--date', '2026-11-10', '--answers', file('b.yaml', debrief('Wu'))])).code).toBe(0);
    expect((await run(['debrief', '--account', 'Old Co', '--date', '2026-11-20', '--answers', file('o1.yaml', debrief('Ma', '2026-12-02'))])).code).toBe(0);
    expect((await run(['debrief', '--account', 'Old Co', '--date', '2026-11-25', '--answers', file('o2.yaml', debrief('Ma'))])).code).toBe(0);
  }, 60_000);

  it('shows the visits of today and tomorrow from the next-meeting answers and the calendar, each with its command', async () => {
    const r = await run(['today', '--today', '2026-12-02', '--calendar', ics]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^Today, Wed 2 Dec 2026/);
    // Hengda: today 10:00 from the calendar, matched by name whatever the case, already prepared
    expect(out).toMatch(/today 10:00 {2}Hengda Logistics {2}"Pilot review with HENGDA logistics" ·\s+prepared, in your calendar/);
    expect(out).toContain("after the visit: sales-coach debrief --account 'Hengda Logistics'");
    // Acme: tomorrow, agreed at the last debrief, not prepared yet
    expect(out).toMatch(/tomorrow {5}Acme {2}agreed at the last visit/);
    expect(out).toContain('prepare: sales-coach prep --account Acme --date 2026-12-03');
    // a cancelled event is not a visit; Old Co's meeting took place before it was due again
    expect(out.split('Steps due')[0]).not.toContain('Old Co');
    expect(out).toContain('1 calendar event named no account');
    // Borealis's A window (10 days from 10 Nov) ended
    expect(out).toMatch(/Past the signing window[^\n]*\n {2}Borealis {2}A, window ended Fri 20 Nov 2026/);
    expect(out).toMatch(/Steps due\n/);
    expect(out).toMatch(/due [^\n]*, overdue[^\n]*Borealis/);
  });

  it('--json: the same day as data', async () => {
    const r = await run(['today', '--today', '2026-12-02', '--calendar', ics, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // by day, then time: an all-day event after the timed ones
    expect(j.visits.map((v: { account: string; date: string }) => `${v.account} ${v.date}`)).toEqual(['Hengda Logistics 2026-12-02', 'Zenith Corp 2026-12-02', 'Acme 2026-12-03']);
    expect(j.visits[0]).toMatchObject({ time: '10:00', sources: ['prep', 'calendar'], prepared: true, command: "sales-coach debrief --account 'Hengda Logistics'" });
    expect(j.pastWindow).toEqual([
      { account: 'Borealis', class: 'A', deadline: '2026-11-20' },
      { account: 'Old Co', class: 'A', deadline: '2026-11-30' },
    ]);
    expect(j.steps.every((s: { due: string }) => s.due <= '2026-12-02')).toBe(true);
    expect(j.empty).toBe(false);
  });

  it('--week: the seven days ahead, a weekly event of the calendar on its day, steps due this week', async () => {
    const r = await run(['today', '--today', '2026-12-02', '--week', '--calendar', ics, '--json']);
    const j = JSON.parse(r.stdout);
    expect(j.to).toBe('2026-12-08');
    // the weekly call from 25 Nov recurs on 2 Dec (and 9 Dec, after the week): matched by its place, once
    expect(j.visits).toContainEqual(expect.objectContaining({ account: 'Zenith Corp', date: '2026-12-02', sources: ['calendar'], command: 'sales-coach prep --account \'Zenith Corp\' --date 2026-12-02' }));
    expect(j.visits.filter((v: { account: string }) => v.account === 'Zenith Corp')).toHaveLength(1);
    expect(j.steps.some((s: { due: string }) => s.due > '2026-12-03')).toBe(true);
  });

  it('in Chinese', async () => {
    const r = await run(['--lang', 'zh-CN', 'today', '--today', '2026-12-02']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('今天，');
    expect(r.stdout).toContain('明天');
    expect(r.stdout).toContain('准备：sales-coach prep --account Acme --date 2026-12-03');
  });

  it('a visit prepared on a day gone and not debriefed is recalled, with its debrief; the debrief ends it', async () => {
    const r = await run(['today', '--today', '2026-12-03']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Not yet debriefed\n {2}Hengda Logistics {2}the visit of Wed 2 Dec 2026\n {6}after the visit:\s+sales-coach debrief --account 'Hengda Logistics' --date 2026-12-02\n/);
    const zh = await run(['--lang', 'zh-CN', 'today', '--today', '2026-12-03', '--json']);
    expect(JSON.parse(zh.stdout).undebriefed).toEqual([{ account: 'Hengda Logistics', date: '2026-12-02', command: "sales-coach debrief --account 'Hengda Logistics' --date 2026-12-02" }]);
    // a fortnight on, it is history
    expect((await run(['today', '--today', '2026-12-18'])).stdout).not.toContain('Not yet debriefed');
    // debriefed with the person it was prepared for: no longer recalled
    expect((await run(['debrief', '--account', 'Hengda Logistics', '--date', '2026-12-02', '--answers', file('h2.yaml', debrief('Ms Chen'))])).code).toBe(0);
    expect((await run(['today', '--today', '2026-12-03'])).stdout).not.toContain('Not yet debriefed');
    // a meeting agreed at the last visit (Acme, 3 Dec) whose day has gone with no session since is
    // recalled too (before: it left every screen the next day); a session ends it
    const later = await run(['today', '--today', '2026-12-05']);
    expect(later.stdout).toMatch(/Not yet debriefed\n {2}Acme {2}the meeting of Thu 3 Dec 2026 agreed at the last visit \(not prepared\)\n {6}after the visit:\s+sales-coach debrief --account Acme --date 2026-12-03\n/);
    expect((await run(['--lang', 'zh-CN', 'today', '--today', '2026-12-05'])).stdout).toContain('上次约好的');
    expect((await run(['debrief', '--account', 'Acme', '--date', '2026-12-03', '--answers', file('a2.yaml', debrief('Li'))])).code).toBe(0);
    expect((await run(['today', '--today', '2026-12-05'])).stdout).not.toContain('Not yet debriefed');
  });

  it('an empty day says so in one line, and creates no database', async () => {
    const fresh = sandbox();
    const r = await runBin(['today', '--today', '2026-12-02'], { env: fresh.env });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/^Nothing today/);
  });

  it('a calendar that is not iCalendar is a usage error naming the file', async () => {
    const r = await run(['today', '--today', '2026-12-02', '--calendar', file('bad.ics', 'hello')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.ics is not an iCalendar file');
  });

  it("the project's own export reads back with the same library", async () => {
    const out = join(home, 'steps.ics');
    expect((await run(['export', '--ics', out])).code).toBe(0);
    const cal = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8')));
    expect(cal.getAllSubcomponents('vevent').length).toBeGreaterThan(0);
  });
});

describe('completion', () => {
  const { env, home } = sandbox();
  // the script calls the command by the name typed: a sales-coach on the PATH, as after npm install -g
  const shim = join(home, 'bin');
  mkdirSync(shim);
  writeFileSync(join(shim, 'sales-coach'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(shim, 'sales-coach'), 0o755);
  const shellEnv = { ...env, PATH: `${shim}:${env.PATH}` };

  beforeAll(async () => {
    expect((await runBin(['debrief', '--account', 'Hengda Logistics', '--date', '2026-11-30', '--answers', file('c.yaml', debrief('Li'))], { env })).code).toBe(0);
  }, 30_000);

  /** The candidates bash would offer for this line, the last word being the one completed. */
  async function bashComplete(words: string[]): Promise<string[]> {
    const script = (await runBin(['completion', 'bash'], { env })).stdout;
    const path = file('sc.bash', script);
    const line = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = spawnSync('bash', ['-c', `source '${path}'; COMP_WORDS=(${line}); COMP_CWORD=${words.length - 1}; _sales_coach; printf '%s\\n' "\${COMPREPLY[@]}"`], { env: shellEnv, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean);
  }

  it('completes commands, sub-commands, options and their values', async () => {
    expect(await bashComplete(['sales-coach', 'de'])).toEqual(['debrief', 'demo']);
    expect(await bashComplete(['sales-coach', 'playbook', 'v'])).toEqual(['validate']);
    expect(await bashComplete(['sales-coach', 'prep', '--acc'])).toEqual(['--account']);
    expect(await bashComplete(['sales-coach', 'today', '--'])).toEqual(expect.arrayContaining(['--week', '--calendar', '--json', '--today', '--lang', '--db']));
    expect(await bashComplete(['sales-coach', '--lang', 'zh'])).toEqual(['zh-CN', 'zh-TW']);
    expect(await bashComplete(['sales-coach', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
  });

  it('completes account names from the store, playbook ids and class ids', async () => {
    expect(await bashComplete(['sales-coach', 'prep', '--account', 'Hen'])).toEqual(['Hengda\\ Logistics']);
    expect(await bashComplete(['sales-coach', 'account', 'show', ''])).toEqual(['Hengda\\ Logistics']);
    expect(await bashComplete(['sales-coach', 'prep', '--playbook', 'ab'])).toEqual(['abcd']);
    expect(await bashComplete(['sales-coach', 'accounts', '--class', ''])).toEqual(['A', '\\?']);
  });

  it('zsh and fish scripts are printed; an unknown shell is a usage error', async () => {
    expect((await runBin(['completion', 'zsh'], { env })).stdout).toMatch(/^#compdef sales-coach/);
    expect((await runBin(['completion', 'fish'], { env })).stdout).toContain("complete -c sales-coach -f -n '__fish_use_subcommand' -a 'today'");
    const bad = await runBin(['completion', 'tcsh'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no completion for "tcsh"');
  });
});
