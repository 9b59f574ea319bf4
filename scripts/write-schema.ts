// Regenerates schema/playbook.schema.json from the zod schema (npm run schema). A test fails when
// the committed file is stale, so editors never autocomplete an outdated format.
import { writeFileSync } from 'node:fs';
import { playbookJsonSchemaText } from '../src/playbook/json-schema.js';

writeFileSync(new URL('../schema/playbook.schema.json', import.meta.url), playbookJsonSchemaText());
console.log('wrote schema/playbook.schema.json');
