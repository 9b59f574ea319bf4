/** Issue 22: the config and the clock are input, held to the same rules as the command line. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';

function home() {
  const h = mkdtempSync(join(tmpdir(), 'sc-bound-'));
  return { h, env: { HOME: h, XDG_CONFIG_HOME: join(h, 'config'), XDG_DATA_HOME: join(h, 'data') } };
}

describe('the config is held to the same rules as the command line', () => {
  it.each(['postgress://me@db/team', 'sqlite://coach.db', 'mysql://x'])('store: %s is refused like --db, and no file is created', async (value) => {
    const { h, env } = home();
    mkdirSync(join(h, 'config', 'sales-coach'), { recursive: true });
    writeFileSync(join(h, 'config', 'sales-coach', 'config.yaml'), `lang: en\nstore: ${value}\n`);
    const r = await runCli(['accounts'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/config\.yaml:2:8: store: \w+:\/\/ is not a kind of database sales-coach knows/);
    expect(r.stderr).not.toMatch(/at .*\.[jt]s:\d+/);
    expect(readdirSync(join(h, 'config', 'sales-coach'))).toEqual(['config.yaml']);
    expect(existsSync(join(h, 'data'))).toBe(false);
    const flag = await runCli(['accounts', '--db', value], { env: { ...env, XDG_CONFIG_HOME: join(h, 'none') } });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain(':// is not a kind of database sales-coach knows');
  });

  it('a typo of postgres:// is answered with the scheme it was meant to be', async () => {
    const { h, env } = home();
    mkdirSync(join(h, 'config', 'sales-coach'), { recursive: true });
    writeFileSync(join(h, 'config', 'sales-coach', 'config.yaml'), 'store: postgress://me@db/team\n');
    expect((await runCli(['accounts'], { env })).stderr).toContain('did you mean "postgres://"?');
  });
});

describe('the clock is input: a day past the years sales-coach works with is the clock\'s problem', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  it.each([
    ['accounts', ['accounts']],
    ['checklist', ['checklist']],
    ['checklist add', ['checklist', 'add', '--account', 'Acme', 'Send the quote']],
    ['prep', ['prep', '--account', 'Acme', '--dry-run']],
  ])('%s with the clock in 2201 says so, once, and stores nothing', async (_name, args) => {
    const { env } = home();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2201, 9, 24, 12));
    const r = await runCli(args, { env, stdin: 'answers: {}\n' });
    vi.useRealTimers();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the system clock says 2201-10-24, outside the years 1900-2200 that sales-coach works with');
    expect(r.stderr).not.toContain('--today 2201');
    expect(r.stderr).not.toMatch(/at .*\.[jt]s:\d+/);
  });
});
