/** docs/playbook-format.md: its key-by-key part is the schema's, and its hand-written part covers what a trainer asks. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReference, withReference } from '../../src/playbook/format-doc.js';
import { playbookJsonSchema } from '../../src/playbook/json-schema.js';

const doc = readFileSync(join(import.meta.dirname, '../../docs/playbook-format.md'), 'utf8');

describe('docs/playbook-format.md', () => {
  it('holds the reference generated from the schema as it is now (npx tsx scripts/write-format-doc.ts rewrites it)', () => {
    expect(withReference(doc, formatReference(playbookJsonSchema()))).toBe(doc);
  });

  it('would be stale after any change of a description in the schema', () => {
    const schema = playbookJsonSchema() as { properties: Record<string, { description?: string }> };
    schema.properties.findOutDue.description = 'changed';
    expect(withReference(doc, formatReference(schema))).not.toBe(doc);
  });

  it('lists every key of a question and of a class, with its hover text', () => {
    expect(doc).toContain('### `questions[]`');
    expect(doc).toContain('#### `questions[].options[]`');
    expect(doc).toMatch(/^\| `allowUnknown` \| boolean \| Offer "don't know"\./m);
    expect(doc).toMatch(/^\| `kind` \| `single` \\\| `multiple` \\\| `yes-no`/m);
    expect(doc).toMatch(/^\| `when` \| condition \| Ask the question only when this condition holds\. A condition left undecided/m);
    expect(doc).toContain('#### `classes[].cycle`');
    expect(doc).toMatch(/^\| `reclassifyAs` \| list of id \|/m);
    expect(doc).toMatch(/^\| `closedBy` \| list of `signed` \\\| `dropped` \\\| `reclassified`/m);
  });

  it('explains by hand what the schema alone does not', () => {
    for (const topic of ['### Questions: `kind`, `options`, `short`, `help`, `modes`, `required`', '**A catch-all class**', '**The short label**', '`find-out:QUESTION`', '`no-supporter`', '`opponent:NAME`', '`address-opponent:NAME`', '`window-over`', '`person-refused`', '`class-held`', 'a placeholder with no answer', '`excludes: [ID, "#invest"]`', '`findsOut: QUESTION`', '`closedBy: [signed, dropped, reclassified]`', '`conflicts: [[a, b]]`', '`owner: account | person | visit`', '`cycle.reclassifyAs`', '`rank`', '`visit`', '`summary`']) {
      expect(doc, topic).toContain(topic);
    }
  });
});
