// Issue 20 figures: how long a result is on an 80-column terminal, as a rep reads it. A first prep
// should fit 60 lines; a repeat debrief with the same person 30 (the persona's profile once per
// person, at most three tips and none repeated, only what is new). Run: npm run build && node bench/result-lines.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin } from './lib.mjs';

const home = mkdtempSync(join(tmpdir(), 'sc-bench-lines-'));
const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1', COLUMNS: '80', LANG: 'en_US.UTF-8' };
let n = 0;
/** The lines a session prints on stdout (the result screen), saving it to the account. */
function run(mode, account, date, answers, extra = []) {
  const file = join(home, `a${++n}.json`);
  writeFileSync(file, JSON.stringify({ mode, account, date, answers }));
  const r = spawnSync(process.execPath, [bin, mode, '--answers', file, ...extra], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return r.stdout.replace(/\n$/, '').split('\n').length;
}

/** The lines of the message to send (after a debrief), counted apart from the coaching the rep reads. */
function messageLines(mode, account, date, answers) {
  const file = join(home, `a${++n}.json`);
  writeFileSync(file, JSON.stringify({ mode, account, date, answers }));
  const out = spawnSync(process.execPath, [bin, mode, '--answers', file, '--dry-run'], { env, encoding: 'utf8' }).stdout;
  const at = out.indexOf('Follow-up to send today');
  return at < 0 ? 0 : out.slice(at).replace(/\n$/, '').split('\n').length + 1;
}

const facts = { contact_name: 'Ms Chen', contact_title: 'Operations Director', contact_role: 'first_kp', contacts_known: 1, has_need: 'yes', buying_power: 'yes', sees_value: 'yes', persona: 'koala' };
const prep = { ...facts, contact_stance: 'supporter', personal_win: 'a pilot to show the board', trust_level: 'liked', perception: 'supplier', resources: ['success_case'], internal_support: [], last_discussed: 'the pilot for the Shanghai warehouse', still_differ: 'the rollout date', visit_focus: 'agree the pilot plan', visit_topic: 'the pilot plan' };
const debrief = { ...facts, asked_to_sign: 'yes', signed: 'no', not_signed_kind: 'think_over', not_signed_reason: 'wants to think it over', polite_excuse: 'no', statement_changed: 'no', plan_shared: 'yes', next_meeting: '2026-11-30' };

const rows = [];
const firstPrep = run('prep', 'Bench Koala', '2026-11-24', prep);
rows.push(['first prep (koala, first KP, A)', firstPrep, 60]);
const firstDebrief = run('debrief', 'Bench Koala', '2026-11-24', debrief);
rows.push(['its debrief, same day and person', firstDebrief, undefined]);
// the follow-up is a message to send, not coaching to read: the target is for what the rep reads
const repeatAnswers = { ...debrief, next_meeting: '2026-12-03' };
const followUp = messageLines('debrief', 'Bench Koala', '2026-11-30', repeatAnswers);
const repeat = run('debrief', 'Bench Koala', '2026-11-30', repeatAnswers);
rows.push(['a repeat debrief with the same person', repeat - followUp, 30]);
rows.push(['  and its follow-up to send (apart)', followUp, undefined]);
const full = run('debrief', 'Bench Koala', '2026-12-03', { ...debrief, next_meeting: '2026-12-07' }, ['--full', '--dry-run']);
rows.push(['the same with --full (everything)', full, undefined]);
const demo = spawnSync(process.execPath, [bin, 'demo'], { env, encoding: 'utf8' }).stdout.replace(/\n$/, '').split('\n').length;
rows.push(['sales-coach demo (a first prep)', demo, 60]);

for (const [what, lines, target] of rows) {
  const verdict = target === undefined ? '' : lines <= target ? `  (target <= ${target}: met)` : `  (target <= ${target}: NOT met)`;
  console.log(`${what.padEnd(40)} ${String(lines).padStart(3)} lines${verdict}`);
}
