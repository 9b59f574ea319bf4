/**
 * The entry starts `prep|debrief --account NAME` without commander (src/cli/entry.ts). What it
 * shadows is pinned here: for each command line it takes, commander (main.ts) hands the session the
 * same options; every other shape is left to commander.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const started: { mode: string; opts: Record<string, unknown>; global: Record<string, unknown> }[] = [];
vi.mock('../../src/cli/session-start.js', () => ({
  startSession: async (mode: string, opts: Record<string, unknown>, _io: unknown, global: Record<string, unknown>) => {
    started.push({ mode, opts, global });
    if (opts.account === 'Boom') {
      const { UserError, said } = await import('../../src/cli/errors.js');
      throw new UserError(said('noPlaybook', { target: 'x', ids: ['abcd'] }), 'no playbook "x": not an id, and no such file', 'the playbooks are: abcd (sales-coach playbook list)');
    }
    return 0;
  },
}));

const { main: programMain } = await import('../../src/cli/main.js');
const { main: entryMain, sessionShortcut } = await import('../../src/cli/entry.js');

const io = () => ({ stdin: process.stdin, stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: process.cwd() }) as never;

async function viaCommander(argv: string[]) {
  started.length = 0;
  const code = await programMain(argv, io());
  return { code, started: started[0] };
}

afterEach(() => {
  started.length = 0;
});

describe('the session shortcut', () => {
  it.each([
    ['prep'],
    ['debrief'],
    ['prep', '--account', 'Acme Ltd'],
    ['debrief', '--account', 'Acme Ltd'],
    ['prep', '--account=Acme Ltd'],
    ['debrief', '--account=a=b'],
    ['prep', '--account', '华东电子'],
    ['prep', '--account', ' spaced '],
  ])('%j: the options commander gives', async (...argv) => {
    const shortcut = sessionShortcut(argv);
    expect(shortcut).toBeDefined();
    const commander = await viaCommander(argv);
    expect(commander.code).toBe(0);
    expect(shortcut).toEqual(commander.started);
  });

  it.each([
    [['plan']],
    [['plan', '--account', 'Acme']],
    [['prep', 'Acme']],
    [['prep', '--account', 'Acme', '--json']],
    [['--lang', 'zh-CN', 'prep', '--account', 'Acme']],
    [['prep', '--account', '']],
    [['prep', '--account', '-x']],
    [['prep', '--account']],
    [['prep', '--account=']],
    [['prep', '--account', 'Zeta\u0000Corp']],
    [['prep', '--help']],
    [['prep', '--acc', 'Acme']],
  ])('%j is left to commander', (argv) => {
    expect(sessionShortcut(argv)).toBeUndefined();
  });

  it('a name with a control character is refused by commander, as before (exit 2, not started)', async () => {
    const out: string[] = [];
    const code = await entryMain(['prep', '--account', 'Zeta\u0007Corp'], { ...(io() as object), stderr: { write: (s: string) => out.push(s) } } as never);
    expect(code).toBe(2);
    expect(started).toHaveLength(0);
    expect(out.join('')).toMatch(/control character/);
  });

  it('the entry starts the session it names', async () => {
    expect(await entryMain(['debrief', '--account', 'Acme'], io())).toBe(0);
    expect(started).toEqual([{ mode: 'debrief', opts: { input: true, account: 'Acme' }, global: { color: true } }]);
  });

  it("a session's error is said as main says it: one line and its hint, exit 2", async () => {
    const said = async (run: typeof entryMain) => {
      const out: string[] = [];
      const code = await run(['prep', '--account', 'Boom'], { ...(io() as object), stderr: { write: (s: string) => out.push(s) } } as never);
      return { code, text: out.join('') };
    };
    const viaEntry = await said(entryMain);
    expect(viaEntry).toEqual(await said(programMain));
    expect(viaEntry.code).toBe(2);
    expect(viaEntry.text).toContain('sales-coach: no playbook "x": not an id, and no such file');
  });
});
