// Issue 5 figures: a scripted prep, whole process, as a ratio to bare `node -e 0` in the same run
// (target <= 2.5x). Run: npm run build && node bench/session.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, fmt, root, timeNode } from './lib.mjs';

const home = mkdtempSync(join(tmpdir(), 'sc-bench-home-'));
const env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config') };
const answers = join(root, 'examples', 'demo-prep.yaml');

const bare = timeNode(['-e', '0']);
const prep = timeNode([bin, 'prep', '--answers', answers, '--dry-run', '--json'], { env });
console.log(`node -e 0: ${fmt(bare)}`);
console.log(`prep --answers FILE --dry-run --json: ${fmt(prep)}  ratio ${(prep / bare).toFixed(2)}x  (target <= 2.5x)`);

// A repeat visit to a stored account asks at most half the questions of a first visit: counted as
// the answers a session reports missing when it may not ask (--no-input), before and after a debrief.
// the repeat visit is to the same person (the person's own facts carry only to them); naming them is
// one of the answers, so it counts as asked
const empty = join(home, 'empty.yaml');
writeFileSync(empty, 'mode: prep\nanswers: {}\n');
const samePerson = join(home, 'same.yaml');
writeFileSync(samePerson, 'mode: prep\nanswers:\n  contact_name: Ms Chen\n');
const count = (file, given = 0) => {
  const r = spawnSync(process.execPath, [bin, 'prep', '--account', 'Bench Co', '--answers', file, '--no-input'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return Number(/(\d+) answers? missing/.exec(r.stderr)?.[1] ?? 0) + given;
};
const firstVisit = count(empty);
spawnSync(process.execPath, [bin, 'debrief', '--account', 'Bench Co', '--answers', join(root, 'examples', 'debrief.yaml')], { env: { ...process.env, ...env } });
const repeat = count(samePerson, 1);
// in a terminal the rep also confirms the carried facts (the contact, their role…) in one question
console.log(`questions asked: first visit ${firstVisit}, repeat visit ${repeat} + 1 confirmation (${(((repeat + 1) / firstVisit) * 100).toFixed(0)}%; target <= 50%)`);
