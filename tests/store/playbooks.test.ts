/**
 * The playbooks kept with the history (issue 24) on the team database: under row-level security a
 * rep keeps one as themselves and every rep reads it; none may change or remove one.
 */
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { recordVisit } from '../../src/cli/record-visit.js';
import { evaluateSession } from '../../src/engine/evaluate.js';
import { closePgStores, freshDatabase, pgStore, roleName } from '../helpers/pg.js';
import { builtin } from '../helpers/playbook.js';

const PASSWORD = 'rep-secret-pb';
afterEach(closePgStores);

async function rawAs(db: string, user: string, sql: string): Promise<unknown> {
  const c = new pg.Client({ host: '127.0.0.1', port: inject('pgPort'), user, database: db, password: PASSWORD });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe('kept playbooks on the team database', () => {
  it('a rep keeps one as themselves, a colleague reads it, nobody changes or removes it', async () => {
    const db = await freshDatabase();
    const admin = await pgStore(db);
    const [alice, bob] = [roleName('alice'), roleName('bob')];
    for (const r of [alice, bob]) await admin.addMember(r, { password: PASSWORD, at: '2026-11-01T00:00:00Z' });
    const pb = builtin();
    const kept = { hash: 'h-bant', id: 'bant', source: '{"entry":"/x/bant.yaml"}' };
    const asAlice = await pgStore(db, alice, PASSWORD);
    const result = evaluateSession(pb, { mode: 'debrief', answers: { contact_name: 'Li' }, visitDate: '2026-11-20', locale: 'en', account: { name: 'Acme' } });
    await recordVisit(asAlice, pb, 'Acme', result, { at: '2026-11-20T18:00:00Z', playbook: kept });
    const asBob = await pgStore(db, bob, PASSWORD);
    expect(await asBob.storedPlaybooks()).toEqual([kept]);
    expect(await rawAs(db, alice, 'SELECT saved_by FROM sales_coach.playbooks')).toEqual([{ saved_by: alice }]);
    await expect(rawAs(db, bob, "UPDATE sales_coach.playbooks SET source = '{}'")).rejects.toThrow(/permission denied/);
    await expect(rawAs(db, bob, 'DELETE FROM sales_coach.playbooks')).rejects.toThrow(/permission denied/);
    await expect(rawAs(db, bob, `INSERT INTO sales_coach.playbooks (hash, id, source, saved_at, saved_by) VALUES ('h2', 'x', '{}', 'x', '${alice}')`)).rejects.toThrow(/row-level security/);
    await expect(rawAs(db, bob, 'BEGIN; LOCK TABLE sales_coach.playbooks IN ACCESS EXCLUSIVE MODE; COMMIT')).rejects.toThrow(/permission denied/);
  });
});
