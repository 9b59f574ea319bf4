// Issue 7 figures: `playbook test` over 1,000 cases (target < 2 s) and `--explore` of the built-in
// playbooks (target < 10 s), whole process. Issue 13: `playbook validate` of a generated 10k-question
// playbook (target < 0.5 s), whole process, wall and CPU time. Run: npm run build && node bench/trainer.mjs
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, fmt, generatePlaybook, root, timeNode, timeNodeCpu } from './lib.mjs';

const dir = mkdtempSync(join(tmpdir(), 'sc-bench-trainer-'));
const builtinCases = readFileSync(join(root, 'playbooks', 'abcd', 'abcd.test.yaml'), 'utf8').split('\ncases:\n')[1];
const perCopy = (builtinCases.match(/^ {2}- name:/gm) ?? []).length;
const copies = Math.ceil(1000 / perCopy);
mkdirSync(join(dir, 'big'));
writeFileSync(join(dir, 'big', 'big.yaml'), 'id: big\nextends: abcd\ntitle: { en: Big, zh-CN: Big }\nlocales: [en, zh-CN]\n');
// the cases of the built-in file, many times over, under their own names
let cases = '';
for (let i = 0; i < copies; i++) cases += builtinCases.replace(/^ {2}- name: "?/gm, (m) => `${m}#${i} `);
writeFileSync(join(dir, 'big', 'big.test.yaml'), `cases:\n${cases}`);
const total = copies * perCopy;

const ms = timeNode([bin, 'playbook', 'test', join(dir, 'big', 'big.yaml')], { runs: 5 });
console.log(`playbook test, ${total} cases (+ the ${perCopy} built-in ones): ${fmt(ms)} whole process  (target < 2000 ms for 1,000)`);
const explore = timeNode([bin, 'playbook', 'test', 'abcd', '--explore'], { runs: 3 });
console.log(`playbook test abcd --explore (8,000 sampled paths): ${fmt(explore)} whole process  (target < 10000 ms)`);

// issue 13: validating a large playbook from the command line, as a trainer does after an edit
writeFileSync(join(dir, 'gen-10000.yaml'), generatePlaybook(10000));
const validate = timeNodeCpu([bin, 'playbook', 'validate', join(dir, 'gen-10000.yaml')], { runs: 7 });
const cpu = validate.cpuMs === undefined ? 'CPU time not measured here' : `${fmt(validate.cpuMs)} CPU`;
const met = (ms) => (ms !== undefined && ms < 500 ? 'met' : 'NOT met');
console.log(`playbook validate, 10k generated questions: ${fmt(validate.wallMs)} wall, ${cpu} whole process, medians of 7  (target < 500 ms: wall ${met(validate.wallMs)}, CPU ${met(validate.cpuMs)})`);
