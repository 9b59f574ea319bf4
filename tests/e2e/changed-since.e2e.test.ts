/**
 * "Changed since the last visit" says every fact changed since, whoever it belongs to: the rep met Ms
 * Chen (and Mr Zhao at the same meeting), then `account set` changed Mr Zhao's stance; the next prep
 * with Ms Chen names his change too (it listed hers only), each once with its owner, and a change set
 * back says nothing.
 */
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

const debrief = 'mode: debrief\ndate: 2026-12-01\nanswers: { contact_name: Ms Chen, contact_role: first_kp, contacts_known: 3, has_need: "yes", buying_power: "yes", sees_value: "yes", persona: koala, asked_to_sign: "no", trust_built: "no", not_signed_reason: trust, polite_excuse: "no", statement_changed: "no", plan_shared: "no" }\nothers:\n  - { contact_name: Mr Zhao, contact_role: second_kp, contact_stance: neutral }\n';
const prep = (who: string) => `mode: prep\ndate: 2026-12-04\nanswers: { contact_name: ${who}, perception: supplier, resources: [], internal_support: [], visit_focus: the plan, trust_level: liked${who === 'Mr Zhao' ? ', approval_layers: one, persona: thinker' : ''} }\n`;

/** The lines under the heading, as the rep reads them. */
const changedLines = (stdout: string) => {
  const at = stdout.indexOf('Changed since the last visit');
  if (at < 0) return [];
  return stdout.slice(at).split('\n').slice(1).filter((l) => l.startsWith('  ~ ')).map((l) => l.slice(4));
};

describe('changed since the last visit', () => {
  it("names a change made with account set to someone other than the person last met, with its owner", async () => {
    const { file } = scratch('sc-since-');
    const { env } = sandbox();
    expect((await runBin(['debrief', '--account', 'Hengda', '--no-input', '--answers', file('d.yaml', debrief)], { env })).code).toBe(0);
    expect((await runBin(['account', 'set', 'Hengda', '--person', 'Mr Zhao', 'contact_stance=supporter', '--date', '2026-12-02'], { env })).code).toBe(0);
    expect((await runBin(['account', 'set', 'Hengda', '--person', 'Ms Chen', 'persona=thinker', '--date', '2026-12-02'], { env })).code).toBe(0);

    const withChen = await runBin(['prep', '--account', 'Hengda', '--no-input', '--dry-run', '--answers', file('p.yaml', prep('Ms Chen'))], { env });
    expect(withChen.code, withChen.stderr).toBe(0);
    expect(changedLines(withChen.stdout)).toEqual(['Ms Chen: type Coordinator → Thinker', 'Mr Zhao: stance Neutral → A supporter']);

    // a prep with Mr Zhao himself: his change is still a change (his facts were compared with themselves)
    const withZhao = await runBin(['prep', '--account', 'Hengda', '--no-input', '--dry-run', '--json', '--answers', file('p2.yaml', prep('Mr Zhao'))], { env });
    expect(withZhao.code, withZhao.stderr).toBe(0);
    expect(JSON.parse(withZhao.stdout).changes.map((c: { text: string }) => c.text)).toEqual(['Ms Chen: type Coordinator → Thinker', 'Mr Zhao: stance Neutral → A supporter']);

    // changed back: nothing to say of it
    expect((await runBin(['account', 'set', 'Hengda', '--person', 'Mr Zhao', 'contact_stance=neutral', '--date', '2026-12-03'], { env })).code).toBe(0);
    const back = await runBin(['prep', '--account', 'Hengda', '--no-input', '--dry-run', '--answers', file('p.yaml', prep('Ms Chen'))], { env });
    expect(changedLines(back.stdout)).toEqual(['Ms Chen: type Coordinator → Thinker']);

    // once a visit is saved, what was set before it is no longer "since the last visit"
    expect((await runBin(['prep', '--account', 'Hengda', '--no-input', '--answers', file('p.yaml', prep('Ms Chen'))], { env })).code).toBe(0);
    const next = await runBin(['prep', '--account', 'Hengda', '--no-input', '--dry-run', '--date', '2026-12-05', '--answers', file('p.yaml', prep('Ms Chen'))], { env });
    expect(next.stdout).not.toContain('Changed since the last visit');
  });
});
