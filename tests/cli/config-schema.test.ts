/**
 * Issue 22: the config is read like every other file the program reads, through a zod schema
 * (ConfigFileSchema): each mistake is one line at config.yaml:line:col that says what was expected,
 * and `store:` is held to the rule --db follows (storeAddressProblem).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

function withConfig(text: string) {
  const h = mkdtempSync(join(tmpdir(), 'sc-config-'));
  mkdirSync(join(h, 'config', 'sales-coach'), { recursive: true });
  writeFileSync(join(h, 'config', 'sales-coach', 'config.yaml'), text);
  return { HOME: h, XDG_CONFIG_HOME: join(h, 'config'), XDG_DATA_HOME: join(h, 'data') };
}

describe('a config with a mistake: one line, at its place, with what was expected', () => {
  it.each([
    ['a language outside the choices', 'lang: fr\n', '1:7', 'lang: the string "fr" is not allowed', 'expected one of "en", "zh-CN", "zh-TW"'],
    ['a misspelt key', 'lnag: en\n', '1:1', 'unknown key "lnag" in the config', 'did you mean "lang"?'],
    ['a number for a folder', 'lang: en\nplaybooks: 3\n', '2:12', 'playbooks: expected a string, found number 3', undefined],
    ['a list for a role word', 'map_role:\n  boss: [first_kp]\n', '2:9', 'map_role.boss: expected a string, found a list', undefined],
    ['a list for map_role', 'map_role: [a]\n', '1:11', 'map_role: expected a mapping of keys to a string, found a list', undefined],
    ['a list for the whole config', '- lang\n- en\n', '1:1', 'the config: expected a mapping, found a list', undefined],
    ['an empty value', 'persona:\n', '1:9', 'persona: expected a string, found null', 'an empty value is null in YAML'],
    ['a typo of postgres://', 'lang: en\nstore: postgress://me@db/team\n', '2:8', 'store: postgress:// is not a kind of database sales-coach knows', 'did you mean "postgres://"?'],
    // control characters, as the command line refuses them (issue 22: exit 3, or a file named without them)
    ['a NUL in the store\'s path', 'store: "coach\\0.db"\n', '1:8', 'store: the value holds a control character (U+0000)', 'escapes such as'],
    ['a NUL in the calendar\'s path', 'calendar: "work\\0.ics"\n', '1:11', 'calendar: the value holds a control character (U+0000)', undefined],
    ['an escape in a role word', 'map_role:\n  "Boss\\e[2J": first_kp\n', '2:3', 'map_role.Boss', undefined],
  ])('%s', async (_name, text, at, message, hint) => {
    const r = await runCli(['accounts'], { env: withConfig(text) });
    expect(r.code).toBe(2);
    const [first, second] = r.stderr.split('\n');
    expect(first).toMatch(new RegExp(`config\\.yaml:${at}: `));
    expect(first).toContain(message);
    if (hint) expect(second).toContain(hint);
    expect(r.stderr).not.toMatch(/\bat .*\.[jt]s:\d+/);
  });

  it('an empty config is named without a place (config.yaml:0:0 before)', async () => {
    const r = await runCli(['accounts'], { env: withConfig('') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/config\.yaml: the file is empty/);
  });

  it('a sound config is read, map_role with where each word was written', async () => {
    const { loadConfig } = await import('../../src/cli/config.js');
    const env = withConfig('lang: zh-CN\nmap_role:\n  "decision maker": first_kp\nstore: ~/team.db\ncalendar: work.ics\n');
    const c = loadConfig(env);
    expect(c.lang).toBe('zh-CN');
    expect(c.calendar).toBe('work.ics');
    expect(c.store).toBe(join(env.HOME, 'team.db'));
    expect(c.mapRole).toEqual([{ word: 'decision maker', target: 'first_kp', source: `${join(env.XDG_CONFIG_HOME, 'sales-coach', 'config.yaml')}:3:3` }]);
  });
});
