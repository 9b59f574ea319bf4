import { cpSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlaybookCached } from '../../src/cli/playbook-cache.js';
import { PlaybookRegistry } from '../../src/cli/registry.js';
import { ANSWERS_FILE_FIELDS } from '../../src/playbook/answers-file.js';
import { AnswersFileSchema } from '../../src/playbook/answers-schema.js';
import { runCli } from '../helpers/cli.js';

describe('the answers file', () => {
  it('is checked by hand with the same fields the editor schema describes', () => {
    expect(Object.keys(ANSWERS_FILE_FIELDS).sort()).toEqual(Object.keys(AnswersFileSchema.shape).sort());
    expect(ANSWERS_FILE_FIELDS.mode).toEqual(AnswersFileSchema.shape.mode._zod.def.innerType.options);
    expect(ANSWERS_FILE_FIELDS.lang).toEqual(AnswersFileSchema.shape.lang._zod.def.innerType.options);
  });
});

describe('the playbook cache', () => {
  it('serves an unchanged playbook, and reloads one whose file changed', async () => {
    const home = mkdtempSync(join(tmpdir(), 'sc-cache-'));
    const user = join(home, 'playbooks');
    mkdirSync(user);
    const file = join(user, 'mine.yaml');
    cpSync(join(import.meta.dirname, '../fixtures/playbooks/split'), join(user, 'split'), { recursive: true });
    writeFileSync(file, 'id: mine\ntitle: Mine\nextends: split\nflags:\n  - { id: f, when: { question: budget, equals: "no" }, message: "first" }\n');
    const env = { HOME: home };
    const registry = new PlaybookRegistry(user);
    const first = await loadPlaybookCached(registry, file, env);
    expect(first.playbook?.flags[0].message).toBe('first');
    const cached = await loadPlaybookCached(registry, file, env);
    expect(cached.playbook?.origins.size).toBe(0); // came from the cache
    expect(cached.playbook?.flags[0].message).toBe('first');
    // an included file of the parent changes: the cache must notice
    const parentPart = join(user, 'split/parts/questions.yaml');
    writeFileSync(parentPart, readFileSync(parentPart, 'utf8').replace('Budget?', 'Any budget?'));
    utimesSync(parentPart, new Date(), new Date(Date.now() + 5000));
    const reloaded = await loadPlaybookCached(registry, file, env);
    expect(reloaded.playbook?.questions[0].text).toBe('Any budget?');
    expect(reloaded.playbook?.origins.size).toBeGreaterThan(0);
  });
});

describe('the config file', () => {
  it('sets the language and the user playbook folder', async () => {
    const home = mkdtempSync(join(tmpdir(), 'sc-config-'));
    mkdirSync(join(home, 'config', 'sales-coach'), { recursive: true });
    writeFileSync(join(home, 'config', 'sales-coach', 'config.yaml'), `lang: zh-CN\nplaybooks: ${join(import.meta.dirname, '../fixtures/playbooks/user')}\n`);
    const r = await runCli(['playbook', 'list', '--json'], { env: { HOME: home, XDG_CONFIG_HOME: join(home, 'config') } });
    const rows = JSON.parse(r.stdout);
    expect(rows[0]).toMatchObject({ id: 'acme-abcd', title: 'ACME的ABCD分类' });
  });

  it('a mistake in it is reported with its position', async () => {
    const home = mkdtempSync(join(tmpdir(), 'sc-config-'));
    const cfg = join(home, 'c.yaml');
    writeFileSync(cfg, 'lang: fr\nlanguage: en\n');
    const r = await runCli(['playbook', 'list', '--config', cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/c\.yaml:1:7: lang: the string "fr" is not allowed/);
  });

  it('the language follows LANG when nothing else says', async () => {
    const r = await runCli(['playbook', 'list', '--json'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(JSON.parse(r.stdout)[0].title).toBe('ABCD客户分类');
  });
});
