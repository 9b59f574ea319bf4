/**
 * `stats` through the built binary on a history recorded by debriefs with fixed dates, `--today`
 * fixed. The expected numbers are worked out by hand below from the story, not copied from the output.
 */

import { copyFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

const { file } = scratch('sc-stats-');

/** A debrief: the first KP (an A) unless told otherwise. */
function debrief(o: { person?: string; role?: 'first_kp' | 'second_kp'; asked?: 'yes' | 'no'; signed?: 'yes' | 'no'; buyingPower?: 'yes' | 'no' }): string {
  const role = o.role ?? 'first_kp';
  const lines = [
    `  contact_name: ${o.person ?? 'Li'}`,
    `  contact_role: ${role}`,
    ...(role === 'second_kp' ? ['  approval_layers: one'] : []),
    '  contacts_known: 1',
    '  has_need: "yes"',
    `  buying_power: "${o.buyingPower ?? 'yes'}"`,
    '  sees_value: "yes"',
    '  persona: commander',
    ...(o.asked ? [`  asked_to_sign: "${o.asked}"`] : []),
    ...(o.asked === 'yes' ? [`  signed: "${o.signed ?? 'no'}"`] : []),
    ...(o.asked === 'yes' && o.signed !== 'yes' ? ['  not_signed_kind: obstacle'] : []),
    ...(o.asked && o.signed !== 'yes' ? ['  not_signed_reason: board'] : []),
    '  polite_excuse: "no"',
    '  statement_changed: "no"',
    '  plan_shared: "yes"',
  ];
  return `mode: debrief\nanswers:\n${lines.join('\n')}\n`;
}

// The story, today 2026-11-30 (A: window 10 days, B: 20, D: "will not buy", from the abcd playbook):
//   Acme    11-02 A, asked, not signed      11-06 A again, asked, signed (4 days after the A was given)
//   Beta    11-01 A, asked, not signed      11-16 B (met Wu, a second KP)
//   Gamma   11-03 A, asked, not signed      11-10 D (no buying power): dropped
//   Delta   11-25 A, did not ask
//   Eps     11-20 B (met Wu, a second KP)
const STORY: [string, string, Parameters<typeof debrief>[0]][] = [
  ['Beta', '2026-11-01', { asked: 'yes' }],
  ['Acme', '2026-11-02', { asked: 'yes' }],
  ['Gamma', '2026-11-03', { asked: 'yes' }],
  ['Acme', '2026-11-06', { asked: 'yes', signed: 'yes' }],
  ['Gamma', '2026-11-10', { asked: 'yes', buyingPower: 'no' }],
  ['Beta', '2026-11-16', { person: 'Wu', role: 'second_kp' }],
  ['Eps', '2026-11-20', { person: 'Wu', role: 'second_kp' }],
  ['Delta', '2026-11-25', { asked: 'no' }],
];

const { env } = sandbox();

beforeAll(async () => {
  for (const [i, [account, date, o]] of STORY.entries()) {
    const r = await runBin(['debrief', '--account', account, '--date', date, '--no-input', '--answers', file(`v${i}.yaml`, debrief(o))], { env });
    expect(r.stderr).toMatch(/^Saved to the account/);
    expect(r.code).toBe(0);
  }
}, 60_000);

describe('stats --json on a known history', () => {
  it('calibration: each class as it was given, counted by hand', async () => {
    const r = await runBin(['stats', '--json', '--today', '2026-11-30'], { env });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.accounts).toBe(5);
    expect(s.visits).toBe(8);
    const byClass = Object.fromEntries(s.calibration.map((c: { class: string }) => [c.class, c]));
    expect(s.calibration.map((c: { class: string }) => c.class)).toEqual(['A', 'B', 'D']);
    // A was given 4 times (Acme's second A visit gives no new class): Beta 11-01, Acme 11-02, Gamma 11-03,
    // Delta 11-25. Decided (signed within 10 days, or the 10 days over by 11-30): Acme (signed after 4
    // days), Beta and Gamma (unsigned, windows over 11-11 and 11-13); Delta's window runs to 12-05: open.
    expect(byClass.A).toMatchObject({
      given: 4,
      window: { min: 7, max: 10 },
      signedInWindow: { k: 1, n: 3, rate: null }, // 3 cases: not a rate
      open: 1,
      signed: 1,
      medianDaysToSign: 4,
      // Beta became B, Gamma became D; Gamma was then dropped
      reclassified: { k: 2, n: 4, rate: null },
      reclassifiedTo: { B: 1, D: 1 },
      dropped: { k: 1, n: 4, rate: null },
      daysToSign: [4],
    });
    // B given to Beta 11-16 and Eps 11-20: both windows (20 days) still open on 11-30
    expect(byClass.B).toMatchObject({ given: 2, signedInWindow: { k: 0, n: 0, rate: null }, open: 2, signed: 0, medianDaysToSign: null, reclassified: { k: 0, n: 2 } });
    // D given once (Gamma): no window; its own drop is the class, not what became of it
    expect(byClass.D).toMatchObject({ given: 1, open: 0, signed: 0, dropped: { k: 0, n: 1 } });
    expect(byClass.D.window).toBeUndefined();
  });

  it('calibration: a class whose account was dropped or reclassified inside its window is decided, not still open', async () => {
    // on 11-12 Gamma's A (11-03) would run to 11-13, but Gamma became D and was dropped on 11-10
    const s = JSON.parse((await runBin(['stats', '--json', '--today', '2026-11-12'], { env })).stdout);
    const A = s.calibration.find((c: { class: string }) => c.class === 'A');
    // Beta (window over 11-11), Acme (signed) and Gamma (dropped): three decided, one signed, none open
    expect(A).toMatchObject({ given: 3, signedInWindow: { k: 1, n: 3 }, open: 0 });
  });

  it('habits: asking on A visits, the first KP, the D accounts, one contact', async () => {
    const s = JSON.parse((await runBin(['stats', '--json', '--today', '2026-11-30'], { env })).stdout);
    const h = s.habits;
    expect(h.topClass.id).toBe('A');
    // visits while the account was an A: Beta 11-01, Acme 11-02, Gamma 11-03, Acme 11-06 (asked: 4),
    // Delta 11-25 (did not ask): 4 of 5, a rate (5 cases)
    expect(h.askedOnTop).toEqual({ k: 4, n: 5, rate: 0.8 });
    // counted by the visit that signed: Acme's of 11-06 (its visit of 11-02 asked too, but did not sign); not Beta, not Gamma
    expect(h.signedWhenAsked).toEqual({ k: 1, n: 4, rate: null });
    expect(h.signedWhenNotAsked).toEqual({ k: 0, n: 1, rate: null });
    // every visit names the role: 6 of 8 met the first KP (Wu at Beta and Eps is a second KP)
    expect(h.metFirstKp).toEqual({ k: 6, n: 8, rate: 0.75 });
    // Gamma ended D: 2 visits, 3 hours each (the estimate), and it had been an A
    expect(h.endedDropped).toEqual({ accounts: 1, visits: 2, hoursEstimate: 6, wereTopClass: 1, class: 'D', labels: { en: 'D', 'zh-CN': 'D类客户', 'zh-TW': 'D類客戶' } });
    // in play (neither signed nor dropped): Beta (Li and Wu), Delta (Li), Eps (Wu): 2 of 3 with one person
    expect(h.oneContact).toEqual({ k: 2, n: 3, rate: null });
    expect(h.missingRoles).toEqual([]);
  });

  it('--since, --class and --account narrow what is counted', async () => {
    const since = JSON.parse((await runBin(['stats', '--json', '--today', '2026-11-30', '--since', '2026-11-15'], { env })).stdout);
    // accounts visited since 11-15: Beta, Eps, Delta; classes given since then: Beta's B, Eps's B, Delta's A
    expect(since.accounts).toBe(3);
    expect(since.visits).toBe(3);
    expect(since.calibration.map((c: { class: string; given: number }) => [c.class, c.given])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
    const onlyA = JSON.parse((await runBin(['stats', '--json', '--today', '2026-11-30', '--class', 'A'], { env })).stdout);
    expect(onlyA.calibration.map((c: { class: string }) => c.class)).toEqual(['A']);
    const acme = JSON.parse((await runBin(['stats', '--json', '--today', '2026-11-30', '--account', 'acme'], { env })).stdout);
    expect(acme.accounts).toBe(1);
    expect(acme.habits.askedOnTop).toEqual({ k: 2, n: 2, rate: null });
  });

  it('the terminal: bars only where there is a rate, words for small numbers, no colour with NO_COLOR', async () => {
    const r = await runBin(['stats', '--today', '2026-11-30'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toContain('signed within 10 days  1 of 3  n=3 is not a rate');
    expect(r.stdout).toMatch(/asked for the signature +█{16} {4} {2}4 of 5 {2}80%/);
    expect(r.stdout).toContain('1 account ended D: 2 visits, about 6 hours');
    const zh = await runBin(['--lang', 'zh-TW', 'stats', '--today', '2026-11-30'], { env });
    expect(zh.stdout).toContain('10天內簽約');
    expect(zh.stdout).toContain('3個中1個');
  });

  it.each([
    ['a period that is not one', ['--since', '5x'], /--since/],
    ['an unknown class', ['--class', 'Z'], /unknown class "Z"/],
    ['an unknown account', ['--account', 'Nobody'], /no account "Nobody"/],
    ['a day that is not a date', ['--today', '2026-13-01'], /--today/],
  ])('%s: one clear line, exit 2', async (_name, args, message) => {
    const r = await runBin(['stats', ...args], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('--help explains each option', async () => {
    const r = await runBin(['stats', '--help'], { env });
    for (const o of ['--since', '--account', '--class', '--json', '--today']) expect(r.stdout).toContain(o);
    expect(r.stdout).toContain('not a rate');
  });
});


describe('a session run with --playbook FILE (issue 24)', () => {
  it('keeps that playbook: after the file is moved away, stats still knows its windows and its first class', async () => {
    const { env } = sandbox();
    const { dir, file } = scratch('sc-stats-file-');
    const playbook = join(dir, 'bant.yaml');
    copyFileSync(join(import.meta.dirname, '../../templates/bant/bant.yaml'), playbook);
    const answers = file('hot.yaml', 'mode: debrief\nanswers: { contact_name: Li, budget: "yes", authority: decides, need: "yes", timeline: quarter, outcome: open, next_meeting: 2026-11-30 }\n');
    const saved = await runBin(['debrief', '--account', 'Acme', '--date', '2026-11-25', '--no-input', '--playbook', playbook, '--answers', answers], { env });
    expect(saved.code).toBe(0);
    renameSync(playbook, join(dir, 'elsewhere.yaml'));
    const r = await runBin(['stats', '--today', '2026-11-30'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/signed within 30 days/);
    expect(r.stdout).toMatch(/1 still inside the window/);
    expect(r.stdout).not.toMatch(/no signing window/);
    expect(r.stdout).not.toMatch(/ranks no class first/);
    const json = JSON.parse((await runBin(['stats', '--today', '2026-11-30', '--json', '--class', 'hot'], { env })).stdout);
    expect(JSON.stringify(json)).toMatch(/"hot"/);
    const report = await runBin(['report', '--today', '2026-11-30', '--out', join(dir, 'week.html')], { env });
    expect(report.code).toBe(0);
  });
});
