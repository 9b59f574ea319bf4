import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './lib.mjs';

// Saving one debrief on the embedded store under several checkouts, each on its own copy of one
// database (bench/store.ts leaves one of 100k accounts in the system's temp folder): alternating
// rounds of eight saves, so the machine's load falls on all alike; prints the median per checkout.
// Run: npx tsx bench/sqlite-save-ab.ts /tmp/sc-bench-store-XXXX/coach.db /path/to/old-checkout .
const [source, ...roots] = process.argv.slice(2);
if (!source || !roots.length) throw new Error('usage: npx tsx bench/sqlite-save-ab.ts DATABASE_FILE CHECKOUT...');
const variants: { root: string; save: (i: number) => Promise<void>; times: number[] }[] = [];
for (const root of roots) {
  const dir = mkdtempSync(join(tmpdir(), 'sc-save-ab-'));
  copyFileSync(source, join(dir, 'coach.db'));
  const { openSqliteStore } = await import(`${root}/src/store/sqlite.ts`);
  const { recordVisit } = await import(`${root}/src/cli/record-visit.ts`);
  const { PlaybookRegistry } = await import(`${root}/src/cli/registry.ts`);
  const { loadPlaybookFile } = await import(`${root}/src/cli/playbook-files.ts`);
  const { evaluateSession } = await import(`${root}/src/engine/evaluate.ts`);
  const store = openSqliteStore(join(dir, 'coach.db'));
  const registry = new PlaybookRegistry();
  const pb = loadPlaybookFile(registry, registry.find('abcd').file).playbook;
  const answers = { contact_name: 'Li', contact_title: null, contact_role: 'first_kp', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', asked_to_sign: 'yes', signed: 'no', not_signed_reason: 'board', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes', next_meeting: null };
  variants.push({
    root,
    times: [],
    save: async (i) => {
      const account = `Account ${1 + i * 997}`;
      const result = evaluateSession(pb, { mode: 'debrief', answers, visitDate: '2026-11-25', locale: 'en', account: { name: account } });
      await recordVisit(store, pb, account, result, { at: '2026-11-25T18:00:00Z' });
    },
  });
}
// the first round warms each up and is not counted
for (let round = 0; round < 10; round++) {
  for (const v of variants) {
    for (let k = 0; k < 8; k++) {
      const t0 = performance.now();
      await v.save(round * 8 + k);
      if (round > 0) v.times.push(performance.now() - t0);
    }
  }
}
for (const v of variants) console.log(`${v.root}: median ${median(v.times).toFixed(2)} ms of ${v.times.length}`);
