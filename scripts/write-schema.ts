// Regenerates schema/playbook.schema.json from the zod schema (npm run schema). A test fails when
// the committed file is stale, so editors never autocomplete an outdated format.
import { writeFileSync } from 'node:fs';
import { answersJsonSchemaText, playbookJsonSchemaText, testFileJsonSchemaText } from '../src/playbook/json-schema.js';

writeFileSync(new URL('../schema/playbook.schema.json', import.meta.url), playbookJsonSchemaText());
writeFileSync(new URL('../schema/answers.schema.json', import.meta.url), answersJsonSchemaText());
writeFileSync(new URL('../schema/playbook-test.schema.json', import.meta.url), testFileJsonSchemaText());
console.log('wrote schema/playbook.schema.json, answers.schema.json and playbook-test.schema.json');
