/**
 * Issue 24: the built-in playbook's words ("seed 001", "the first KP", "not an A yet") never show on
 * the screens of another playbook; what the program says about a playbook's content is that
 * playbook's `terms`, with a neutral default. Run as a trainer's team would: the BANT template in the
 * user playbook folder, debriefs through the built binary, then `stats`.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

const BUILTIN_WORDS = /seed|first KP|an A\b|种子|第一KP|A类/;

describe("another playbook's screens", () => {
  const { dir, file } = scratch('sc-words-');
  const playbooks = join(dir, 'playbooks');
  mkdirSync(playbooks);
  copyFileSync(join(import.meta.dirname, '../../templates/bant/bant.yaml'), join(playbooks, 'bant.yaml'));
  const env = { ...sandbox().env, SALES_COACH_PLAYBOOKS: playbooks };
  const debrief = (account: string, date: string, answers: string, locale = 'en') =>
    runBin(['debrief', '--playbook', 'bant', '--account', account, '--date', date, '--no-input', '--lang', locale, '--answers', file(`${account}-${date}-${locale}.yaml`, `mode: debrief\nanswers: { ${answers} }\n`)], { env });

  it('a provisional class asks in neutral words, in en and zh-CN', async () => {
    for (const locale of ['en', 'zh-CN']) {
      const r = await debrief(`Open-${locale}`, '2026-11-20', 'contact_name: Li, budget: unknown, authority: decides, need: "yes", timeline: quarter, outcome: open, next_meeting: 2026-11-27', locale);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(locale === 'en' ? /Why is the class not settled yet\? Because you don't know/ : /为什么分类还定不下来？因为你还不清楚/);
      expect(r.stdout).not.toMatch(BUILTIN_WORDS);
    }
  });

  it('stats cites no seed and names no first KP', async () => {
    expect((await debrief('Hot', '2026-11-20', 'contact_name: Li, budget: "yes", authority: decides, need: "yes", timeline: quarter, outcome: signed')).code).toBe(0);
    for (const locale of ['en', 'zh-CN']) {
      const r = await runBin(['stats', '--today', '2026-11-30', '--lang', locale], { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(locale === 'en' ? /Habits/ : /习惯/);
      if (locale === 'en') {
        // BANT declares no roles.askedToSign: the built-in playbook's must not make it look measured
        expect(r.stdout).toContain('your playbook declares no roles.askedToSign, so this is not counted');
        expect(r.stdout).toMatch(/visits that met the decision-maker +\d+ of \d+/);
        expect(r.stdout).toContain('0 accounts ended Out');
      }
      expect(r.stdout).not.toMatch(BUILTIN_WORDS);
    }
  });
  // the built-in playbook keeps its own words through its terms: tests/engine/scenarios.test.ts
});
