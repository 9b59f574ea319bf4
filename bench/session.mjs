// Issue 5 figures: a scripted prep, whole process, as a ratio to bare `node -e 0` in the same run
// (target <= 2.5x). Run: npm run build && node bench/session.mjs
import { mkdtempSync } from 'node:fs';
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
