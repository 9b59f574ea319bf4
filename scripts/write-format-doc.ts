// Rewrites the generated part of docs/playbook-format.md from the zod schema (npx tsx scripts/write-format-doc.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { formatReference, withReference } from '../src/playbook/format-doc.js';
import { playbookJsonSchema } from '../src/playbook/json-schema.js';

const file = new URL('../docs/playbook-format.md', import.meta.url);
writeFileSync(file, withReference(readFileSync(file, 'utf8'), formatReference(playbookJsonSchema())));
