/**
 * The review's next-step column on the review's day (both stores): a step that prepares a meeting
 * ("confirm the meeting of Thu 3 Dec") lives until that meeting (core/steps.ts isLapsed). Seen after
 * that day, the review showed it as the account's next step, due in the past, until the account's
 * next session; it now shows the next step still alive that day, as the checklist and `account show` do.
 */
import { describe, expect, it } from 'vitest';
import { recordVisit } from '../../src/cli/record-visit.js';
import type { Answers } from '../../src/engine/answers.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import type { Store } from '../../src/store/types.js';
import { builtin } from '../helpers/playbook.js';
import { BOTH_STORES, closeStoresAfterEach } from '../helpers/stores.js';

closeStoresAfterEach();

// examples/debrief.yaml: a debrief of 2 Dec that books the next meeting for Thu 3 Dec
const DEBRIEF: Answers = {
  contact_name: 'Ms Chen',
  contact_role: 'second_kp',
  approval_layers: 'one',
  contacts_known: 2,
  has_need: 'yes',
  buying_power: 'yes',
  sees_value: 'yes',
  persona: 'koala',
  polite_excuse: 'no',
  statement_changed: 'no',
  plan_shared: 'no',
  next_meeting: '2026-12-03',
};
const CONFIRM = 'Confirm the meeting of Thu 3 Dec';

async function save(s: Store, account: string, date: string) {
  const pb = builtin();
  const result = evaluateSession(pb, { mode: 'debrief', answers: DEBRIEF, visitDate: date, locale: 'en', account: { name: account } });
  return recordVisit(s, pb, account, result, { at: `${date}T18:00:00Z` });
}

const rowOf = async (s: Store, today: string, account: string) => (await s.pipeline({ today })).rows.find((r) => r.name === account);

describe.each(BOTH_STORES)("the review's next step: $name", (impl) => {
  it('is the step still alive on the review\'s day, not one past its last day', async () => {
    const s = await impl.open();
    await save(s, 'Lapse Co', '2026-12-02');
    // the steps as the checklist has them: the meeting's confirmation first, with its last day
    const steps = (await s.openChecklist('Lapse Co')).sort((a, b) => (a.due === b.due ? a.id - b.id : a.due < b.due ? -1 : 1));
    expect(steps[0]).toMatchObject({ text: expect.stringContaining(CONFIRM), until: '2026-12-03' });
    const alive = steps.filter((x) => x.until === undefined || x.until >= '2026-12-05')[0];
    expect(alive).toBeDefined();

    // up to the meeting's day the review shows the confirmation, as before
    expect(await rowOf(s, '2026-12-03', 'Lapse Co')).toMatchObject({ nextDue: steps[0].due, nextItem: steps[0].text });
    // after it, the next step alive that day (before: the confirmation, due in the past, until the next session)
    const after = await rowOf(s, '2026-12-05', 'Lapse Co');
    expect(after?.nextItem).not.toContain(CONFIRM);
    expect(after).toMatchObject({ nextDue: alive.due, nextItem: alive.text, openItems: steps.length });
    // filtered and sorted reviews read the rows the same way
    expect((await s.pipeline({ today: '2026-12-05', sort: 'due', groups: [after?.class ?? 'new'] })).rows[0]).toMatchObject({ nextDue: alive.due, nextItem: alive.text });
  });
});

describe.each(BOTH_STORES)("the overdue flag on the review's day: $name", (impl) => {
  it('follows the live next step: a step past its last day is not overdue, on the row, in the totals or in a filtered review', async () => {
    const s = await impl.open();
    await save(s, 'Lapse Co', '2026-12-02');
    // the rep tells Ms Chen the plan on the meeting's day; the meeting's confirmation is left open
    const plan = (await s.openChecklist('Lapse Co')).find((x) => x.text.startsWith('Tell Ms Chen the plan'));
    expect(plan).toBeDefined();
    await s.setChecklistState(plan?.id ?? 0, 'done', '2026-12-03T18:00:00Z', '2026-12-03');
    const steps = await s.openChecklist('Lapse Co');
    expect(steps.find((x) => x.text.startsWith(CONFIRM))).toMatchObject({ due: '2026-12-03', until: '2026-12-03' });
    // every other open step is due after the review's day below
    expect(steps.filter((x) => x.until === undefined).every((x) => x.due > '2026-12-05')).toBe(true);

    // on the meeting's day the confirmation is due, not overdue
    const onTheDay = await s.pipeline({ today: '2026-12-03' });
    expect(onTheDay.rows.find((r) => r.name === 'Lapse Co')?.flags).not.toContain('overdue');

    // two days later it has lapsed: the review's row, its header (the kept totals) and a review
    // filtered by the flag all say the account has no overdue step (before: overdue until the next session)
    const later = await s.pipeline({ today: '2026-12-05' });
    expect(later.rows.find((r) => r.name === 'Lapse Co')?.flags).not.toContain('overdue');
    expect(later.flagCounts.overdue).toBe(0);
    expect((await s.pipeline({ today: '2026-12-05', flags: ['overdue'] })).rows).toEqual([]);
    // the weekly report's and stats' flags read the accounts through statsHistory: the same next step
    const nextOf = async (today: string) => (await s.statsHistory({ visits: false, today })).find((a) => a.name === 'Lapse Co')?.nextDue;
    expect(await nextOf('2026-12-05')).toBe(later.rows.find((r) => r.name === 'Lapse Co')?.nextDue);
    expect((await nextOf('2026-12-05')) ?? '').not.toBe('2026-12-03');
    expect(await nextOf('2026-12-03')).toBe('2026-12-03');

    // once a live step is past its day, the account is overdue again, everywhere
    const past = await s.pipeline({ today: '2026-12-30' });
    expect(past.rows.find((r) => r.name === 'Lapse Co')?.flags).toContain('overdue');
    expect(past.flagCounts.overdue).toBe(1);
    expect((await s.pipeline({ today: '2026-12-30', flags: ['overdue'] })).rows.map((r) => r.name)).toEqual(['Lapse Co']);
  });
});
