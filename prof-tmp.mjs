import { writeFileSync } from 'node:fs';
import { generatePlaybook } from './bench/lib.mjs';
writeFileSync('/tmp/h13/gen10k.yaml', generatePlaybook(10000));
