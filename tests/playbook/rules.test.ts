/**
 * Each playbook rule has an id, a docs line and a golden fixture named after it that makes it fire;
 * docs/rules.md lists them all. A rule added without its fixture or docs fails here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/playbook/rules/index.js';
import { runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

const dir = join(import.meta.dirname, '../fixtures/rules');

describe('playbook rules', () => {
  it('have unique kebab-case ids and a one-line docs entry each', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.docs).toMatch(/^[A-Za-z"{].{10,}\.$/);
      expect(r.docs).not.toContain('\n');
    }
  });

  it('every fixture belongs to a rule', () => {
    const ids = new Set(RULES.map((r) => r.id));
    const orphans = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !ids.has(f.replace(/\.yaml$/, '')));
    expect(orphans).toEqual([]);
  });

  it.each(RULES.map((r) => [r.id]))('%s fires on its fixture, and only the fixture\'s own mistakes show', async (id) => {
    const file = `${id}.yaml`;
    expect(existsSync(join(dir, file)), `tests/fixtures/rules/${file} is missing`).toBe(true);
    const text = await runCli(['playbook', 'validate', file], { cwd: dir });
    const json = await runCli(['playbook', 'validate', '--format', 'json', file], { cwd: dir });
    const rules = (JSON.parse(json.stdout).diagnostics as { rule?: string }[]).map((d) => d.rule);
    expect(rules).toContain(id);
    expectGolden(join(dir, `${id}.out`), `exit ${text.code}\n--- stderr\n${text.stderr}--- stdout\n${text.stdout}`);
  });

  it('docs/rules.md lists every rule with its docs line', () => {
    const doc = [
      '# Playbook rules',
      '',
      'The checks `sales-coach playbook validate` (and the language server) run on a merged playbook, in',
      'order. Each is one file under `src/playbook/rules/` with a golden fixture under',
      '`tests/fixtures/rules/`. `--format json` names the rule of each diagnostic in `rule`. Analyses',
      'run only when no other rule found an error, since they would otherwise report consequences.',
      '',
      '| rule | stage | checks |',
      '|---|---|---|',
      ...RULES.map((r) => `| \`${r.id}\` | ${r.stage} | ${r.docs.replaceAll('|', '\\|')} |`),
      '',
    ].join('\n');
    expectGolden(join(import.meta.dirname, '../../docs/rules.md'), doc);
  });
});
