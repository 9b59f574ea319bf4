// Issue 4 figure: evaluateSession on the built-in playbook, median per call (target < 1 ms).
// Run: npx tsx bench/engine.ts
import { loadPlaybookFile } from '../src/cli/playbook-files.js';
import { PlaybookRegistry } from '../src/cli/registry.js';
import type { Answers } from '../src/engine/answers.js';
import { evaluateSession } from '../src/engine/evaluate.js';

const registry = new PlaybookRegistry();
const pb = loadPlaybookFile(registry, registry.find('abcd')!.file).playbook!;
const inputs: { mode: 'prep' | 'debrief'; answers: Answers }[] = [
  { mode: 'debrief', answers: { contact_name: 'Wang', contact_role: 'first_kp', contacts_known: 1, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala', asked_to_sign: 'yes', signed: 'no', not_signed_reason: 'board', polite_excuse: 'yes', statement_changed: 'no', plan_shared: 'no' } },
  { mode: 'prep', answers: { contact_name: 'Li', contact_role: 'unknown', approval_layers: 'two', contacts_known: 4, has_need: 'yes', buying_power: 'unknown', sees_value: 'yes', persona: 'not-sure', decision_pace: 'slow', focus: 'people', trust_level: 'liked', perception: 'broker', resources: ['expertise'], internal_support: [], visit_focus: 'pilot' } },
];
const times: number[] = [];
for (let i = 0; i < 2000; i++) {
  const input = inputs[i % inputs.length];
  const t0 = process.hrtime.bigint();
  evaluateSession(pb, { ...input, visitDate: '2026-11-25', locale: i % 4 < 2 ? 'en' : 'zh-CN', account: { name: 'Acme' } });
  if (i >= 200) times.push(Number(process.hrtime.bigint() - t0) / 1e6); // after warm-up
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.floor(p * (times.length - 1))];
console.log(`evaluateSession (built-in abcd, ${times.length} calls): median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, max ${at(1).toFixed(3)} ms  (target: median < 1 ms)`);
