// Saving one debrief on the team database, the same history under three versions of the store, on
// one PostgreSQL server started here: alternating rounds, so the machine's load falls on all alike.
// Roots given on the command line (each a checkout with its src/); prints the median per root, the
// statements each save sends, and each statement's share. For finding where a save's time goes.
// Run: npx tsx bench/pg-save-ab.ts /path/to/old-checkout /work/wt-perf
import pg from 'pg';
import { startPostgres, SUPERUSER, SUPERUSER_PASSWORD } from '../tests/helpers/postgres-server.js';
import { median, READABLE_RESULT } from './lib.mjs';

const roots = process.argv.slice(2);
const REPS = Number(process.env.REPS ?? 10);
const PER_REP = 2_000;
const PASSWORD = 'bench-pw';
const server = await startPostgres();
// every statement a client sends, counted and timed by its text (kysely's and the old store's alike)
const sent = new Map<string, { n: number; ms: number }>();
let counting = false;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text ?? '?';
  const t0 = performance.now();
  const r = (query as (...a: unknown[]) => unknown).apply(this, args);
  if (counting && r && typeof (r as Promise<unknown>).then === 'function') {
    (r as Promise<unknown>).then(() => {
      const k = text.replace(/\s+/g, ' ').slice(0, 90);
      const e = sent.get(k) ?? { n: 0, ms: 0 };
      e.n++;
      e.ms += performance.now() - t0;
      sent.set(k, e);
    }, () => {});
  }
  return r;
} as typeof query;
try {
  const variants: { root: string; save: (i: number) => Promise<void>; times: number[]; close: () => Promise<void> }[] = [];
  for (const [v, root] of roots.entries()) {
    const db = `team_${v}`;
    const admin = new pg.Client({ host: '127.0.0.1', port: server.port, user: SUPERUSER, password: SUPERUSER_PASSWORD, database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const { openPostgresStore } = await import(`${root}/src/store/postgres.ts`);
    const { recordVisit } = await import(`${root}/src/cli/record-visit.ts`);
    const { PlaybookRegistry } = await import(`${root}/src/cli/registry.ts`);
    const { loadPlaybookFile } = await import(`${root}/src/cli/playbook-files.ts`);
    const { evaluateSession } = await import(`${root}/src/engine/evaluate.ts`);
    const url = (user: string) => `postgres://${user}@127.0.0.1:${server.port}/${db}`;
    const adminStore = await openPostgresStore({ url: url(SUPERUSER), password: SUPERUSER_PASSWORD });
    const reps = Array.from({ length: REPS }, (_, i) => `r${v}_${i}`);
    for (const r of reps) await adminStore.addMember(r, { manager: `m${v}`, password: PASSWORD, at: '2026-11-01T00:00:00Z' });
    // a connection of its own, without the store's 30 s statement timeout (see bench/team.ts)
    const gen = new pg.Client({ host: '127.0.0.1', port: server.port, user: SUPERUSER, password: SUPERUSER_PASSWORD, database: db });
    await gen.connect();
    const q = (sql: string) => gen.query(sql);
    await q(`INSERT INTO sales_coach.accounts (owner, name, name_key, created_at, playbook_id, class, class_status, class_since, class_rank, last_visit, contacts_count)
      SELECT 'r${v}_' || ((i - 1) / ${PER_REP}), 'Account ' || i, 'account ' || i, '2026-01-01', 'abcd', (ARRAY['A','B','C','D',NULL])[1 + i % 5], 'classified', to_char(date '2026-01-01' + (i % 330), 'YYYY-MM-DD'), 1, to_char(date '2026-01-01' + (i % 330), 'YYYY-MM-DD'), 1
      FROM generate_series(1, ${REPS * PER_REP}) i`);
    await q(`INSERT INTO sales_coach.visits (owner, account_id, mode, date, playbook_id, playbook_hash, answers, result, created_at)
      SELECT a.owner, a.id, 'debrief', to_char(date '2026-01-10' + (i % 320), 'YYYY-MM-DD'), 'abcd', 'h', '{}', '${READABLE_RESULT}', 'x' FROM generate_series(0, ${REPS * PER_REP * 4 - 1}) i JOIN sales_coach.accounts a ON a.id = 1 + i % ${REPS * PER_REP}`);
    await q(`INSERT INTO sales_coach.checklist_items (owner, account_id, item_key, text, due, state)
      SELECT a.owner, a.id, 'k' || (i % 7), 'Next step ' || i, to_char(date '2026-01-15' + (i % 360), 'YYYY-MM-DD'), CASE WHEN i % 3 = 0 THEN 'done' ELSE 'open' END FROM generate_series(0, ${REPS * PER_REP * 6 - 1}) i JOIN sales_coach.accounts a ON a.id = 1 + i % ${REPS * PER_REP}`);
    await q('VACUUM ANALYZE');
    await gen.end();
    await adminStore.close();
    const registry = new PlaybookRegistry();
    const pb = loadPlaybookFile(registry, registry.find('abcd').file).playbook;
    const rep = await openPostgresStore({ url: url(reps[3]), password: PASSWORD });
    // each store call a save makes, timed: where the time goes, by phase
    const phases = new Map<string, number[]>();
    for (const m of ['accountRevision', 'accountState', 'saveVisit']) {
      const f = rep[m]?.bind(rep);
      if (!f) continue;
      rep[m] = async (...a: unknown[]) => {
        const t0 = performance.now();
        try {
          return await f(...a);
        } finally {
          phases.set(m, [...(phases.get(m) ?? []), performance.now() - t0]);
        }
      };
    }
    const answers = { contact_name: 'Li', contact_role: 'first_kp', contacts_known: 2, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'obstacle', not_signed_reason: 'board', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes' };
    const first = 3 * PER_REP + 1;
    variants.push({
      root,
      times: [],
      close: async () => {
        console.log(`${root}: by phase, medians: ${[...phases].map(([m, ts]) => `${m} ${median(ts.slice(8)).toFixed(2)} ms`).join(', ')}`);
        await rep.close();
      },
      save: async (i: number) => {
        const account = `Account ${first + i * 31}`;
        const result = evaluateSession(pb, { mode: 'debrief', answers, visitDate: '2026-11-25', locale: 'en', account: { name: account } });
        await recordVisit(rep, pb, account, result, { at: '2026-11-25T18:00:00Z' });
      },
    });
  }
  for (let round = 0; round < 8; round++) {
    for (const v of variants) {
      for (let k = 0; k < 8; k++) {
        const i = round * 8 + k;
        counting = round === 7 && k === 0;
        if (counting) sent.clear();
        const t0 = performance.now();
        await v.save(i);
        if (round > 0) v.times.push(performance.now() - t0);
        if (counting) {
          await new Promise((r) => setTimeout(r, 10));
          const all = [...sent.values()].reduce((a, e) => ({ n: a.n + e.n, ms: a.ms + e.ms }), { n: 0, ms: 0 });
          console.log(`${v.root}: ${all.n} statements in one save, ${all.ms.toFixed(1)} ms waiting for them`);
          for (const [k2, e] of [...sent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) console.log(`   ${e.n}x ${e.ms.toFixed(2)} ms  ${k2}`);
        }
      }
    }
  }
  for (const v of variants) console.log(`${v.root}: saving one debrief (RLS on), median ${median(v.times).toFixed(2)} ms of ${v.times.length}, max ${Math.max(...v.times).toFixed(2)} ms`);
  for (const v of variants) await v.close();
} finally {
  await server.stop();
}
