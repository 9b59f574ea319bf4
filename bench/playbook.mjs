// Issue 3 figures: validating generated playbooks of 1k / 10k / 50k questions (whole process, and
// the loader alone), and cold start of --version and of validating the built-in playbook, each as a
// ratio to a bare `node -e 0` measured in the same run. Run: npm run build && node bench/playbook.mjs
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, fmt, generatePlaybook, timeNode } from './lib.mjs';

const generate = generatePlaybook;

const dir = mkdtempSync(join(tmpdir(), 'sc-bench-'));
const bare = timeNode(['-e', '0']);
console.log(`node -e 0: ${fmt(bare)}`);

const version = timeNode([bin, '--version']);
console.log(`sales-coach --version: ${fmt(version)}  ratio ${(version / bare).toFixed(2)}x  (target <= 1.5x)`);
const builtin = timeNode([bin, 'playbook', 'validate', 'abcd'.replace('abcd', join(bin, '../../playbooks/abcd.yaml'))]);
console.log(`sales-coach playbook validate <built-in abcd>: ${fmt(builtin)}  ratio ${(builtin / bare).toFixed(2)}x  (target <= 3x)`);

const sizes = [1000, 10000, 50000];
const perQuestion = [];
const totals = [];
for (const n of sizes) {
  const file = join(dir, `gen-${n}.yaml`);
  writeFileSync(file, generate(n));
  const ms = timeNode([bin, 'playbook', 'validate', '--strict', file], { runs: n >= 50000 ? 3 : 5 });
  perQuestion.push(ms / n);
  totals.push(ms);
  console.log(`validate ${String(n).padStart(6)} questions: ${fmt(ms)} whole process (${((ms * 1000) / n).toFixed(1)} us/question)${n === 10000 ? '  (target < 1000 ms)' : ''}`);
}
// start-up is a fixed cost; linearity shows in the cost of each extra question
const marginal = (a, b) => ((totals[b] - totals[a]) * 1000) / (sizes[b] - sizes[a]);
console.log(`marginal cost per question: 1k->10k ${marginal(0, 1).toFixed(1)} us, 10k->50k ${marginal(1, 2).toFixed(1)} us (equal = linear)`);
