/**
 * Issue 22: a contact name carrying `ESC ]2;…BEL` became the default of a prompt and retitled the
 * terminal. Every prompt the interview shows (each kind of question, with a default and a message
 * filled from earlier answers) and the "Which account?" prompt before it are rendered through the
 * real @inquirer prompts, and their raw output is read: the prompts' own cursor moves (CSI) are all
 * the escapes it may hold. The prompts of src/cli/session.ts (draft, carried facts, open steps) are
 * covered through a session in tests/cli/session-prompts.test.ts.
 */
import { PassThrough } from 'node:stream';
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { askAccount } from '../../src/cli/session-start.js';
import type { AnswerValue } from '../../src/engine/answers.js';
import type { Question } from '../../src/playbook/types.js';
import { questionPrompt } from '../../src/ui/prompt.js';
import { builtin } from '../helpers/playbook.js';

const HOSTILE = [
  'Wang\u001b]2;pwned\u0007 Li',
  'Clear\u001b[2J\u001b[H Co',
  'C1\u009b31m\u009d0;x\u009c Co',
  'Bidi\u202egnp.exe\u2066 Co\u2069',
  'DCS\u001bPq#0;2\u001b\\ Co',
  'NUL\u0000 and BEL\u0007 Co',
];

/** What the prompts' raw output may not hold once their own CSI sequences are taken out. */
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
function leaks(raw: string): string | undefined {
  // the prompt's own: CSI with numeric parameters (cursor moves, erase, colours), and nothing else
  const own = raw.replace(/\u001b\[(?:\d*[ABCDGK]|\?25[hl]|[\d;]*m)/g, '');
  const bad = FORBIDDEN.exec(own);
  return bad ? `U+${bad[0].codePointAt(0)?.toString(16).padStart(4, '0')} near ${JSON.stringify(own.slice(Math.max(0, bad.index - 20), bad.index + 10))}` : undefined;
}

/** A default for each kind, made of the hostile name where the kind takes text. */
function defaultFor(q: Question, name: string): AnswerValue {
  if (q.kind === 'multiple') return [name, ...(q.options ?? []).map((o) => o.value).slice(0, 1)];
  if (q.kind === 'number') return name;
  return name;
}

describe('every prompt of the interview, its default and its message, over hostile names', () => {
  const pb = builtin();
  const kinds = new Set(pb.questions.map((q) => q.kind));
  it('the built-in playbook has a question of every kind the prompts handle', () => {
    expect([...kinds].sort()).toEqual(['date', 'multiple', 'number', 'persona', 'single', 'text', 'yes-no']);
  });

  // one question of each kind (each kind is its own prompt and config), each with every hostile name
  const oneOfEach = [...kinds].map((k) => pb.questions.find((q) => q.kind === k) as Question);
  const cases = oneOfEach.flatMap((q) => HOSTILE.map((name) => ({ id: q.id, kind: q.kind, name })));
  it.each(cases)('$id ($kind) with $name', async ({ id, name }) => {
    const question = pb.questions.find((q) => q.id === id) as Question;
    const spec = questionPrompt(pb, {
      question,
      locale: 'en',
      position: 3,
      total: 12,
      canGoBack: true,
      default: defaultFor(question, name),
      visitDate: '2026-11-20',
      // every placeholder of a question's text or help ({answers.contact_name}…) is the hostile name
      lookup: () => name,
    });
    const r = await render(spec.prompt, spec.config as never);
    expect(leaks(r.getScreen({ raw: true }))).toBeUndefined();
    // the message and the default as the prompt holds them, whatever a prompt does with them later
    for (const key of ['message', 'default'] as const) {
      const v = spec.config[key];
      if (typeof v === 'string') expect(leaks(v), key).toBeUndefined();
    }
    r.events.keypress('enter');
    expect(leaks(await r.getFullOutput({ raw: true }))).toBeUndefined();
  });
});

describe('"Which account?", before the session loads', () => {
  it('shows its message and no escape but its own, and returns what was typed', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
    const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
    let out = '';
    stdout.on('data', (d) => (out += d));
    const answer = askAccount({ stdin, stdout, stderr: stdout, env: {}, cwd: '/' } as never, 'en');
    // typed once the prompt is on screen (the prompt module loads first)
    for (let i = 0; i < 100 && !out.includes('Which account'); i++) await new Promise((r) => setTimeout(r, 20));
    stdin.write('Acme\n');
    expect(await answer).toBe('Acme');
    expect(out).toContain('Which account');
    expect(leaks(out)).toBeUndefined();
  });
});
