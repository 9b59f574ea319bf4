/**
 * The weekly report as a person opens it: made by the built binary, opened from the file in a real
 * headless Chromium (Debian's `chromium`, driven by playwright-core). No console error, no request
 * leaving the file, the bars each chart should draw, Chinese text drawn with a Chinese font, and a
 * screenshot kept under test-artifacts/ (git-ignored) for a person to look at.
 *
 * Needs: apt-get install chromium fonts-noto-cjk (or CHROMIUM=/path/to/chrome). Without a browser the
 * test is skipped with that hint, except in CI (CI set), where it fails: it must never pass unseen.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

const CHROMIUM = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const HINT = 'the report test needs a Chromium: apt-get install chromium fonts-noto-cjk (Debian/Ubuntu), or set CHROMIUM=/path/to/chrome';
if (!CHROMIUM) {
  if (process.env.CI) throw new Error(`no chromium found; ${HINT}`);
  console.warn(`skipped: ${HINT}`);
}
const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');

const { file, dir } = scratch('sc-report-');
const { env } = sandbox();

function debrief(person: string, role: 'first_kp' | 'second_kp', extra: string[] = []): string {
  return `mode: debrief
answers:
  contact_name: ${person}
  contact_role: ${role}
${role === 'second_kp' ? '  approval_layers: one\n' : ''}  contacts_known: 1
  has_need: "yes"
  buying_power: "yes"
  sees_value: "yes"
  persona: commander
${extra.map((l) => `  ${l}\n`).join('')}  polite_excuse: "no"
  statement_changed: "no"
  plan_shared: "yes"
`;
}

// today 2026-11-30; this week 11-24..11-30, last week ended 11-23
//   Acme  11-10 A (asked, not signed)   11-26 A, signed            -> in play last week (A), signed this week
//   Beta  11-12 B (a second KP)         11-27 A (met the first KP) -> B last week, A this week: upgraded
//   Cato  11-28 B, new this week; "<script>alert(1)</script>" as the person met, to be escaped
const STORY: [string, string, string][] = [
  ['Acme', '2026-11-10', debrief('Li', 'first_kp', ['asked_to_sign: "yes"', 'signed: "no"', 'not_signed_kind: obstacle', 'not_signed_reason: board'])],
  ['Beta', '2026-11-12', debrief('Wu', 'second_kp')],
  ['Acme', '2026-11-26', debrief('Li', 'first_kp', ['asked_to_sign: "yes"', 'signed: "yes"'])],
  ['Beta', '2026-11-27', debrief('Zhao', 'first_kp', ['asked_to_sign: "no"', 'not_signed_reason: budget next month'])],
  ['Cato <b>&', '2026-11-28', debrief('"<script>alert(1)</script>"', 'second_kp')],
];

beforeAll(async () => {
  for (const [i, [account, date, text]] of STORY.entries()) {
    const r = await runBin(['debrief', '--account', account, '--date', date, '--no-input', '--answers', file(`v${i}.yaml`, text)], { env });
    expect(r.code, r.stderr).toBe(0);
  }
}, 60_000);

async function makeReport(lang: string): Promise<string> {
  const out = join(dir, `week-${lang}.html`);
  const r = await runBin(['--lang', lang, 'report', '--today', '2026-11-30', '--out', out, '--force'], { env, timeoutMs: 30_000 });
  expect(r.code, r.stderr).toBe(0);
  return out;
}

describe('report --out', () => {
  it('refuses to overwrite without --force, and the file needs nothing outside itself', async () => {
    const out = join(dir, 'once.html');
    expect((await runBin(['report', '--today', '2026-11-30', '--out', out], { env })).code).toBe(0);
    const again = await runBin(['report', '--today', '2026-11-30', '--out', out], { env });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('&lt;b&gt;&amp;');
    expect(statSync(out).size).toBeLessThan(2 * 1024 * 1024);
    const missing = await runBin(['report'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--out');
  });
});

describe.skipIf(!CHROMIUM)('the report in a real Chromium', () => {
  it.each(['en', 'zh-CN', 'zh-TW'])('%s: no console error, no request out, the bars, readable text, a screenshot', async (lang) => {
    const { chromium } = await import('playwright-core');
    const path = await makeReport(lang);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
      const errors: string[] = [];
      const outside: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      // every request that is not the file itself (or inline data) is blocked, and remembered
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
        outside.push(url);
        return route.abort();
      });
      await page.goto(pathToFileURL(path).href);
      await page.waitForLoadState('load');
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      expect(await page.locator('script').count()).toBe(0);

      const bars = (chart: string) => page.locator(`section[data-chart="${chart}"] g.mark-rect path`).count();
      // pipeline: classes A and B (Cato's B is new; Acme's A signed, so it left), this week and last: 2 x 2
      expect(await bars('pipeline')).toBe(4);
      // calibration: only A has a signed case (Acme: A given 11-10, signed 11-26): window and median
      expect(await bars('calibration')).toBe(2);
      // next steps: one bar a day for 14 days
      expect(await bars('steps')).toBe(14);

      const text = (await page.locator('body').textContent()) ?? '';
      expect(text).toContain('Cato <b>&');
      if (lang === 'en') expect(text).toContain('What moved this week');
      if (lang === 'zh-CN') expect(text).toContain('本周的变化');
      if (lang === 'zh-TW') expect(text).toContain('本週的變化');
      if (lang !== 'en') {
        // the heading is drawn with a font that has Chinese glyphs, not boxes: ask the browser which fonts it used
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('DOM.enable');
        await cdp.send('CSS.enable');
        const { root } = await cdp.send('DOM.getDocument');
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        expect(fonts.map((f: { familyName: string }) => f.familyName).join(', ')).toMatch(/CJK|Han Sans|PingFang|YaHei|JhengHei|WenQuanYi/);
      }
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `report-${lang}.png`), fullPage: true });
      // and it prints: A4 pages come out of the same file
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.length).toBeGreaterThan(1000);
    } finally {
      await browser.close();
    }
  });
});
