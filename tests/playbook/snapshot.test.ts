/** A playbook kept with the history (issue 24) loads again from its text alone, as itself, or not at all. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlaybookFile } from '../../src/cli/playbook-files.js';
import { PlaybookRegistry } from '../../src/cli/registry.js';
import { snapshotPlaybook } from '../../src/playbook/snapshot.js';
import { loadSnapshot } from '../../src/playbook/snapshot-load.js';

const registry = new PlaybookRegistry();
const read = (f: string) => readFileSync(f, 'utf8');

describe('kept playbooks', () => {
  it.each([
    ['a template given as a file', join(import.meta.dirname, '../../templates/bant/bant.yaml')],
    ['the built-in, with its included files', registry.find('abcd')?.file ?? ''],
  ])('%s loads again with the same hash, classes and roles', (_name, file) => {
    const pb = loadPlaybookFile(registry, file).playbook;
    if (!pb) throw new Error('did not load');
    const again = loadSnapshot(snapshotPlaybook(pb, read, registry.entries) ?? '', pb.hash);
    expect(again?.hash).toBe(pb.hash);
    expect(again?.classes.map((c) => [c.id, c.rank, c.cycle?.max])).toEqual(pb.classes.map((c) => [c.id, c.rank, c.cycle?.max]));
    expect(again?.roles).toEqual(pb.roles);
  });

  it('one whose text does not give its hash again, or that is not a snapshot, is not used', () => {
    const pb = loadPlaybookFile(registry, join(import.meta.dirname, '../../templates/bant/bant.yaml')).playbook;
    if (!pb) throw new Error('did not load');
    const source = snapshotPlaybook(pb, (f) => read(f).replace('max: 30', 'max: 3'), registry.entries) ?? '';
    expect(loadSnapshot(source, pb.hash)).toBeUndefined();
    expect(loadSnapshot('not json', pb.hash)).toBeUndefined();
    expect(loadSnapshot('{"entry":1}', pb.hash)).toBeUndefined();
  });

  it('a file that cannot be read now: nothing to keep', () => {
    const pb = loadPlaybookFile(registry, registry.find('abcd')?.file ?? '').playbook;
    if (!pb) throw new Error('did not load');
    expect(snapshotPlaybook(pb, () => undefined, registry.entries)).toBeUndefined();
  });
});
