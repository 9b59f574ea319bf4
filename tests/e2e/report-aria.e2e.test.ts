/**
 * Issue 23, every word of the report in its language: what a screen reader says of the charts (each
 * chart's label, its bars, axes and legend, and the role names) is in zh-CN or zh-TW, never the English
 * captions Vega makes up ("X-axis for a discrete scale with 2 values", "cls: A; week: 上周").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

const DEBRIEF = 'mode: debrief\ndate: 2026-12-01\nanswers: { contact_name: Ms Chen, contact_role: first_kp, contacts_known: 3, has_need: "yes", buying_power: "yes", sees_value: "yes", persona: koala, asked_to_sign: "no", trust_built: "no", not_signed_reason: trust, polite_excuse: "no", statement_changed: "no", plan_shared: "no" }\n';

/** Every aria label and role name of the page's charts. */
function ariaOf(html: string): { labels: string[]; roles: string[] } {
  const all = (attr: string) => [...html.matchAll(new RegExp(` ${attr}="([^"]*)"`, 'g'))].map((m) => m[1]);
  return { labels: all('aria-label'), roles: [...new Set(all('aria-roledescription'))].sort() };
}

async function report(lang: string): Promise<string> {
  const { env } = sandbox();
  const { dir, file } = scratch('sc-report-aria-');
  const d = await runBin(['debrief', '--account', 'Hengda', '--no-input', '--answers', file('d.yaml', DEBRIEF)], { env });
  expect(d.code, d.stderr).toBe(0);
  const r = await runBin(['--lang', lang, 'report', '--today', '2026-12-04', '--out', join(dir, 'week.html')], { env });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(join(dir, 'week.html'), 'utf8');
}

describe("the report's charts, as a screen reader says them", () => {
  it('zh-CN: each chart, bar, axis and legend labelled in Chinese; no English caption of Vega', async () => {
    const { labels, roles } = ariaOf(await report('zh-CN'));
    expect(labels).toContain('在跟进的各类客户数量（不含已签单）：本周与上周');
    expect(labels).toContain('A类客户，本周：1个客户');
    expect(labels).toContain('A类客户，上周：0个客户');
    expect(labels).toContain('分类：A类客户');
    expect(labels).toContain('客户数，从0到1');
    expect(labels).toContain('图例：上周、本周');
    expect(labels).toContain('2026年12月8日周二：1项下一步到期');
    expect(labels.filter((l) => /^2026年12月\d+日周.至2026年12月\d+日周.的每一天$/.test(l))).toHaveLength(1);
    expect(roles).toEqual(['图例', '图表', '坐标轴', '柱', '柱形'].sort());
    // only the class letter and digits may be Latin: no word of Vega's English, no field name (cls, week, n)
    expect(labels.filter((l) => /[a-z]{2,}|[A-Z][a-z]/.test(l))).toEqual([]);
    expect(labels.length).toBeGreaterThan(20);
  });

  it('zh-TW: the same in Taiwan words', async () => {
    const { labels, roles } = ariaOf(await report('zh-TW'));
    expect(labels).toContain('A類客戶，本週：1個客戶');
    expect(labels).toContain('2026年12月8日週二：1項下一步到期');
    expect(roles).toContain('座標軸');
    expect(labels.filter((l) => /[a-z]{2,}|[A-Z][a-z]/.test(l))).toEqual([]);
  });

  it('English: sentences of the report, not field names', async () => {
    const { labels, roles } = ariaOf(await report('en'));
    expect(labels).toContain('A, this week: 1 account');
    expect(labels).toContain('Tue 8 Dec 2026: 1 step due');
    expect(labels.filter((l) => /(^|; )(cls|week|n|date|what|days): /.test(l) || /for a (discrete|linear) scale/.test(l))).toEqual([]);
    expect(roles).toEqual(['axis', 'bar', 'bars', 'chart', 'legend']);
  });
});
