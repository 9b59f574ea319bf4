/**
 * Issue 25: `account set` changes one fact between visits, checked against the playbook with "did
 * you mean"; the change is dated in the timeline and the next session starts from it.
 */
import { describe, expect, it } from 'vitest';
import { runBin, sandbox, scratch } from '../helpers/spawn.js';

describe('account set', () => {
  it('changes a person\'s facts between visits, and the next prep starts from them', async () => {
    const { file } = scratch('sc-set-');
    const { env } = sandbox();
    const debrief = file('d.yaml', 'mode: debrief\ndate: 2026-12-01\nanswers: { contact_name: Ms Chen, contact_role: first_kp, contacts_known: 3, has_need: "yes", buying_power: "yes", sees_value: "yes", persona: koala, asked_to_sign: "no", trust_built: "no", not_signed_reason: trust, polite_excuse: "no", statement_changed: "no", plan_shared: "no" }\n');
    expect((await runBin(['debrief', '--account', 'Hengda', '--no-input', '--answers', debrief], { env })).code).toBe(0);

    // a misspelled or shortened account name names the one the rep most likely meant
    for (const [args, meant] of [
      [['account', 'set', 'Hengdq', 'trust_level=believed'], 'Hengda'],
      [['account', 'show', 'hengd'], 'Hengda'],
      [['checklist', '--account', 'Hngda'], 'Hengda'],
    ] as const) {
      const r = await runBin([...args], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`did you mean "${meant}"?`);
    }
    expect((await runBin(['account', 'show', 'Lotus'], { env })).stderr).not.toContain('did you mean');

    const typo = await runBin(['account', 'set', 'Hengda', '--person', 'Ms Chen', 'trust_level=believd'], { env });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('"trust_level" cannot be "believd"');
    expect(typo.stderr).toContain('did you mean "believed"?');
    // in a Chinese session, in Chinese (the trial read English under --lang zh-CN)
    const zh = await runBin(['--lang', 'zh-CN', 'account', 'set', 'Hengda', '--person', 'Ms Chen', 'trust_level=believd'], { env });
    expect(zh.stderr).toContain('“trust_level”的回答不能是"believd"');
    expect(zh.stderr).not.toContain('cannot be');
    // named as typed, not by the playbook's id (the fourth trial: "“contact_stance”的回答不能是"supportr"")
    const short = await runBin(['--lang', 'zh-CN', 'account', 'set', 'Hengda', '--person', 'Ms Chen', 'stance=supportr'], { env });
    expect(short.stderr).toContain('“stance”的回答不能是"supportr"');
    expect(short.stderr).not.toContain('contact_stance');

    // a fact as the screens name it ("stance", "trust") is the one fact it begins or ends; an ambiguous one is not
    const ambiguous = await runBin(['account', 'set', 'Hengda', '--person', 'Ms Chen', 'win=x'], { env });
    expect([ambiguous.code, ambiguous.stderr]).toEqual([2, expect.stringContaining('no question "win"')]);
    const set = await runBin(['account', 'set', 'Hengda', '--person', 'ms chen', 'trust=believed', 'stance=supporter', '--date', '2026-12-03'], { env });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toContain('Thu 3 Dec 2026  Ms Chen: trust not known → They believe me (medium trust) and stance not known → A supporter');
    expect(set.stderr).toContain('Saved to the account "Hengda".');
    const again = await runBin(['account', 'set', 'Hengda', '--person', 'Ms Chen', 'trust_level=believed'], { env });
    expect(again.stderr).toContain('Nothing changed: the account already says so.');

    const show = await runBin(['account', 'show', 'Hengda'], { env });
    expect(show.stdout).toMatch(/Thu 3 Dec 2026 +Ms Chen: trust not known → They believe me/);
    expect(show.stdout).toMatch(/Ms Chen +First KP · Coordinator · A supporter/);

    // the next prep with Ms Chen is not asked her trust again: it starts from what was set
    const prep = file('p.yaml', 'mode: prep\ndate: 2026-12-04\nanswers: { contact_name: Ms Chen, perception: supplier, resources: [], internal_support: [], visit_focus: the plan }\n');
    const r = await runBin(['prep', '--account', 'Hengda', '--no-input', '--json', '--answers', prep], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).answers).toMatchObject({ trust_level: 'believed', contact_stance: 'supporter' });
  });

  it('says what is wrong: an unknown person, a visit\'s answer, a fact of the other kind; and sets the account\'s own', async () => {
    const { file } = scratch('sc-set2-');
    const { env } = sandbox();
    const debrief = file('d.yaml', 'mode: debrief\ndate: 2026-12-01\nanswers: { contact_name: Li, contact_role: first_kp, contacts_known: 3, has_need: "yes", buying_power: "yes", sees_value: "yes", persona: commander, asked_to_sign: "yes", signed: "no", not_signed_kind: obstacle, not_signed_reason: board, polite_excuse: "no", statement_changed: "no" }\n');
    expect((await runBin(['debrief', '--account', 'Acme', '--no-input', '--answers', debrief], { env })).code).toBe(0);
    const who = await runBin(['account', 'set', 'Acme', '--person', 'Mr Wu', 'trust_level=believed'], { env });
    expect(who.code).toBe(2);
    expect(who.stderr).toContain('no person "Mr Wu" at "Acme"');
    const visit = await runBin(['account', 'set', 'Acme', 'next_meeting=2026-12-09'], { env });
    expect(visit.stderr).toContain('"next_meeting" is an answer of one visit, not a fact the account keeps');
    const kind = await runBin(['account', 'set', 'Acme', 'trust_level=believed'], { env });
    expect(kind.stderr).toContain('"trust_level" is a fact of a person: add --person NAME');
    const none = await runBin(['account', 'set', 'Nobody', 'buying_power=no'], { env });
    expect(none.stderr).toContain('no account "Nobody"');
    const own = await runBin(['account', 'set', 'Acme', 'buying_power=no', '--date', '2026-12-02'], { env });
    expect(own.code, own.stderr).toBe(0);
    expect(own.stderr).toContain('Wed 2 Dec 2026  Set between visits: buying power Yes → No');
    const json = JSON.parse((await runBin(['account', 'show', 'Acme', '--json'], { env })).stdout);
    expect(json.events.map((e: { event: { kind: string } }) => e.event.kind)).toContain('facts-updated');
  });
});
