/**
 * The bilingual review's three sessions (a first prep, a debrief with a signature, a D by a polite
 * refusal with two people met) through the built binary, then the account's screens, in zh-CN: every
 * label and value is joined with Chinese punctuation, and every word is Chinese.
 */
import { describe, expect, it } from 'vitest';
import { runBin, sandbox } from '../helpers/spawn.js';

const DIR = 'tests/fixtures/answers/zh-review';

describe('the account screens after three Chinese sessions', () => {
  it('join labels and values with ：、（） and name every field in Chinese', async () => {
    const { env } = sandbox();
    const run = (args: string[]) => runBin([...args, '--lang', 'zh-CN'], { env: { ...env, NO_COLOR: '1', COLUMNS: '100' } });
    for (const [mode, file] of [['prep', 's0-prep'], ['prep', 's1-prep'], ['debrief', 's2-sign'], ['debrief', 's3-d']]) {
      const r = await run([mode, '--answers', `${DIR}/${file}.yaml`]);
      expect(r.code, r.stderr).toBe(0);
    }
    const accounts = (await run(['accounts'])).stdout;
    expect(accounts).toContain('（共2个客户）');
    expect(accounts).toMatch(/D类客户（1）/);
    // the day before the prepared visit (a later day reads 原定…见面): the test does not age with the clock
    const show = (await run(['account', 'show', '恒达物流', '--today', '2026-12-07'])).stdout;
    expect(show).toContain('准备拜访王丽（采购经理、第一KP）');
    expect(show).toMatch(/（计划于2026年12月8日周二见面）/);
    expect(show).toContain('王丽：对方在决策中的位置 第一KP → 第二KP');
    expect(show).toContain('性格类型 协调者 → 不确定');
    // a closed step says why in Chinese brackets (a prep's step given again is carried now, not superseded)
    expect(show).toContain('（已不再需要）');
    expect(show).not.toMatch(/\brole\b|, |\(|\)/);
    const steps = (await run(['checklist'])).stdout;
    expect(steps).toContain('恒达物流：书面确认12月22日的会面和议程');
    expect(steps).not.toContain('恒达物流: ');
  });
});
