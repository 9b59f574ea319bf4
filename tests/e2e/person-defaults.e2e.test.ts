/**
 * A default is never put in place of the person's own fact: the config's default type (persona:) is
 * for a person whose type is not on record; the type the account knows of the person met stands.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

const debrief = 'mode: debrief\ndate: 2026-12-01\nanswers: { contact_name: Ms Chen, contact_role: first_kp, contacts_known: 3, has_need: "yes", buying_power: "yes", sees_value: "yes", persona: koala, asked_to_sign: "no", trust_built: "no", not_signed_reason: trust, polite_excuse: "no", statement_changed: "no", plan_shared: "no" }\n';

describe("the config's default type", () => {
  it("is for a person whose type is not on record: it never replaces the type the account knows of the person met", async () => {
    const { file } = scratch('sc-cfgtype-');
    const { home, env } = sandbox();
    mkdirSync(`${home}/config/sales-coach`, { recursive: true });
    writeFileSync(`${home}/config/sales-coach/config.yaml`, 'persona: commander\n');
    expect((await runBin(['debrief', '--account', 'Hengda', '--no-input', '--answers', file('d.yaml', debrief)], { env })).code).toBe(0);
    const p = (who: string) => `mode: prep\ndate: 2026-12-04\nanswers: { contact_name: ${who}, perception: supplier, resources: [], internal_support: [], visit_focus: the plan, trust_level: liked${who === 'Mr Sun' ? ', contact_role: third_kp, approval_layers: one' : ''} }\n`;
    // Ms Chen is a koala on record: her prep reads her as one, not as the config's commander
    const chen = await runBin(['prep', '--account', 'Hengda', '--no-input', '--dry-run', '--json', '--answers', file('p.yaml', p('Ms Chen'))], { env });
    expect(chen.code, chen.stderr).toBe(0);
    expect(JSON.parse(chen.stdout).answers.persona).toBe('koala');
    expect(JSON.parse(chen.stdout).changes).toEqual([]);
    // a person met for the first time takes the config's default, as before
    const sun = await runBin(['prep', '--account', 'Hengda', '--no-input', '--dry-run', '--json', '--answers', file('p2.yaml', p('Mr Sun'))], { env });
    expect(sun.code, sun.stderr).toBe(0);
    expect(JSON.parse(sun.stdout).answers.persona).toBe('commander');
  });
});
