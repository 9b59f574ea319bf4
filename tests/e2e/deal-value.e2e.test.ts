/**
 * Issue 26, deal values through the built binary: a value given at a debrief carries with the account
 * in the config's currency, `account set amount=` changes it (an event, as money), `accounts` adds
 * the values up per class and in play and sorts by them, and bad values and currencies are refused
 * where they were written.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aDebriefAnswers } from '../helpers/answers.js';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

const { file } = scratch('sc-deal-');

function world(config?: string) {
  const { env, home } = sandbox();
  if (config !== undefined) {
    mkdirSync(join(home, 'config', 'sales-coach'), { recursive: true });
    writeFileSync(join(home, 'config', 'sales-coach', 'config.yaml'), config);
  }
  return { env, run: (args: string[]) => runBin(args, { env }) };
}

const debrief = (date: string, extra: string, contact = 'Li') => `mode: debrief
date: ${date}
answers:
${aDebriefAnswers(contact)}${extra}`;

describe('deal values', () => {
  it('carries the value with the account, adds it up per class and in play, and sorts by it', async () => {
    const w = world('currency: cny\n');
    // "120,000" as a rep writes it; the second account's value given plainly; the third has none
    expect((await w.run(['debrief', '--account', 'Hengda', '--answers', file('h.yaml', debrief('2026-11-20', '  deal_value: "120,000"\n  expected_close: 2026-11-28\n'))])).code).toBe(0);
    expect((await w.run(['debrief', '--account', 'Yuan', '--answers', file('y.yaml', debrief('2026-11-21', '  deal_value: 300000\n', 'Wu'))])).code).toBe(0);
    expect((await w.run(['debrief', '--account', 'Qi', '--answers', file('q.yaml', debrief('2026-11-21', '', 'Zhao'))])).code).toBe(0);

    const shown = await w.run(['accounts', '--today', '2026-11-22', '--sort', 'value']);
    expect(shown.code).toBe(0);
    // three A accounts, two with a value: the total in play says so, the class's line adds them up
    expect(shown.stdout).toContain('value in play: CN¥420,000 (2 of 3 accounts have a value)');
    expect(shown.stdout).toMatch(/^A \(3\) {2}CN¥420,000$/m);
    // the largest deal first, the account without a value last
    const order = ['Yuan', 'Hengda', 'Qi'].map((n) => shown.stdout.indexOf(`  ${n}  `));
    expect(order[0]).toBeGreaterThan(0);
    expect(order[0]).toBeLessThan(order[1]);
    expect(order[1]).toBeLessThan(order[2]);
    expect(shown.stdout).toMatch(/Yuan {2}.*CN¥300,000/);

    const json = JSON.parse((await w.run(['accounts', '--today', '2026-11-22', '--json'])).stdout);
    expect(json.inPlay).toEqual({ values: [{ amount: 420000, currency: 'CNY' }], valued: 2, accounts: 3 });
    expect(json.accounts.find((a: { name: string }) => a.name === 'Hengda')).toMatchObject({ value: { amount: 120000, currency: 'CNY' }, closeDate: '2026-11-28' });

    // a next visit that says nothing of the value keeps it
    expect((await w.run(['debrief', '--account', 'Hengda', '--answers', file('h2.yaml', debrief('2026-11-24', ''))])).code).toBe(0);
    const kept = await w.run(['account', 'show', 'Hengda', '--today', '2026-11-24']);
    expect(kept.stdout.split('\n')[0]).toContain('CN¥120,000 · expected to sign Sat 28 Nov 2026');
    // the value given at a session is in the history, once, as the session's (not "set between visits")
    expect(kept.stdout.replace(/\s+/g, ' ')).toContain('Fri 20 Nov 2026 deal value not known → CN¥120,000 and expected signing not known → Sat 28 Nov 2026');
    expect(kept.stdout).not.toContain('Set between visits');
    expect(kept.stdout.match(/deal value/g)).toHaveLength(1);
    // a session that changes it says from what to what
    expect((await w.run(['debrief', '--account', 'Hengda', '--answers', file('h3.yaml', debrief('2026-11-26', '  deal_value: 90000\n'))])).code).toBe(0);
    expect((await w.run(['account', 'show', 'Hengda', '--today', '2026-11-26'])).stdout).toMatch(/Thu 26 Nov 2026 +deal value CN¥120,000 → CN¥90,000\n/);
  });

  it('account set amount= changes the value as an event in money, in the reader language', async () => {
    const w = world('currency: TWD\n');
    expect((await w.run(['debrief', '--account', 'Hengda', '--answers', file('h.yaml', debrief('2026-11-20', '  deal_value: 120000\n'))])).code).toBe(0);
    const set = await w.run(['account', 'set', 'Hengda', 'amount=90000', '--date', '2026-11-23', '--lang', 'zh-TW']);
    expect(set.code).toBe(0);
    expect(set.stderr).toContain('NT$120,000 → NT$90,000');
    const show = await w.run(['account', 'show', 'Hengda', '--today', '2026-11-24']);
    expect(show.stdout).toMatch(/Mon 23 Nov 2026\s+Set between visits: deal value NT\$120,000 → NT\$90,000/);
    // refused with the reason, nothing changed
    const negative = await w.run(['account', 'set', 'Hengda', 'amount=-5', '--date', '2026-11-23']);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain('"amount" cannot be "-5"');
    expect(negative.stderr).toContain('a number from 0 to 1,000,000,000,000');
    // 12万 as a Chinese rep writes it; a signing day before the day of the change is refused, as the interview refuses it
    expect((await w.run(['account', 'set', 'Hengda', 'amount=12万', '--date', '2026-11-23'])).code).toBe(0);
    const past = await w.run(['account', 'set', 'Hengda', 'close=2026-10-01', '--date', '2026-11-23']);
    expect([past.code, past.stderr]).toEqual([2, expect.stringContaining('a date on or after 2026-11-23')]);
    const json = JSON.parse((await w.run(['accounts', '--today', '2026-11-24', '--json'])).stdout);
    expect(json.accounts[0].value).toEqual({ amount: 120000, currency: 'TWD' });
  });

  it('a value kept in its own currency when the config changes later; totals per currency', async () => {
    const { env, home } = sandbox();
    const config = (text: string) => {
      mkdirSync(join(home, 'config', 'sales-coach'), { recursive: true });
      writeFileSync(join(home, 'config', 'sales-coach', 'config.yaml'), text);
    };
    const run = (args: string[]) => runBin(args, { env });
    config('currency: CNY\n');
    expect((await run(['debrief', '--account', 'Hengda', '--answers', file('h.yaml', debrief('2026-11-20', '  deal_value: 100\n'))])).code).toBe(0);
    config('currency: USD\n');
    expect((await run(['debrief', '--account', 'Yuan', '--answers', file('y.yaml', debrief('2026-11-20', '  deal_value: 50\n', 'Wu'))])).code).toBe(0);
    const shown = await run(['accounts', '--today', '2026-11-21']);
    expect(shown.stdout).toContain('value in play: CN¥100 + $50');
    // a change under the new config says the old amount in its own currency, never relabelled
    const set = await run(['account', 'set', 'Hengda', 'amount=150', '--date', '2026-11-22']);
    expect(set.stderr).toContain('deal value CN¥100 → $150');
  });

  it('a currency that is not ISO 4217 is refused at its line, with the code meant', async () => {
    const w = world('lang: en\ncurrency: yuan\n');
    const r = await w.run(['accounts']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/config\.yaml:2:11: currency: "yuan" is not an ISO 4217 currency code/);
    expect(r.stderr).toContain('did you mean CNY?');
  });

  it("the weekly report's waterfall: the value in play a week ago, what came in, moved, signed, and what is in play now (worked out by hand)", async () => {
    const w = world('currency: cny\n');
    const signedToo = (date: string) => debrief(date, '').replace(/ {2}signed: "no"\n {2}not_signed_kind: obstacle\n {2}not_signed_reason: board\n/, '  signed: "yes"\n');
    // a week ago (the end of Fri 20 Nov): Hengda 100,000 and Qi 30,000 in play
    expect((await w.run(['debrief', '--account', 'Hengda', '--answers', file('w1.yaml', debrief('2026-11-10', '  deal_value: 100000\n'))])).code).toBe(0);
    expect((await w.run(['debrief', '--account', 'Qi', '--answers', file('w2.yaml', debrief('2026-11-10', '  deal_value: 30000\n', 'Zhao'))])).code).toBe(0);
    // the week: Yuan comes in at 50,000, Hengda goes down to 90,000, Qi signs
    expect((await w.run(['debrief', '--account', 'Yuan', '--answers', file('w3.yaml', debrief('2026-11-23', '  deal_value: 50000\n', 'Wu'))])).code).toBe(0);
    expect((await w.run(['debrief', '--account', 'Hengda', '--answers', file('w4.yaml', debrief('2026-11-24', '  deal_value: 90000\n'))])).code).toBe(0);
    expect((await w.run(['debrief', '--account', 'Qi', '--answers', file('w5.yaml', signedToo('2026-11-25').replace('contact_name: Li', 'contact_name: Zhao'))])).code).toBe(0);
    const out = file('week.html', '');
    expect((await w.run(['report', '--today', '2026-11-27', '--out', out, '--force'])).code).toBe(0);
    const section = /<section data-section="value">(.*?)<\/section>/s.exec(readFileSync(out, 'utf8'))?.[1] ?? '';
    // 130,000 + 50,000 + 0 − 10,000 − 30,000 − 0 = 140,000
    expect(section).toContain(
      '<tr><td>CNY</td><td class="n">CN¥130,000</td><td class="n">CN¥50,000</td><td class="n">CN¥0</td><td class="n">CN¥10,000</td><td class="n">CN¥30,000</td><td class="n">CN¥0</td><td class="n">CN¥140,000</td></tr>',
    );
  });
});
