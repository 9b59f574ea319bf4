/**
 * Issue 22: on a large playbook, hover, definition and references name the right id with its right
 * places, and a request does work for its answer, not for the document. Placing every id used to
 * split the whole text once per symbol (14,000 questions took 20 s); later each request walked the
 * whole playbook (0.1-0.3 s over 4 MB). Now an index is built once per parse, and a request looks up
 * the node under its cursor and places that symbol only. Counted here, not timed: the positions a
 * request asks the parsed files for (placing every id again would ask for tens of thousands), and
 * the items of the playbook a request reads (a walk of the playbook reads every one; the index reads
 * none). The timing is in bench/lsp-large.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { YamlSource } from '../../src/core/yaml-source.js';
import { type Analysis, completionsAt, hoverFor, symbolAt, Workspace } from '../../src/lsp/workspace.js';

const N = 6000;

/** A clean playbook: chained questions, flags that fill in answers, classes and a role. */
function generated(n: number): string {
  const lines = ['id: large', 'title: Large', 'roles:', '  decision: q1', 'questions:'];
  for (let i = 0; i < n; i++) {
    lines.push(`  - id: q${i}`, '    kind: single', `    text: "Question ${i}?"`, '    options:', '      - { value: a, label: A }', '      - { value: b, label: B }');
    if (i > 0) lines.push(`    when: { any: [ { question: q${i - 1}, equals: a }, { question: q${Math.floor(i / 2)}, in: [a, b] } ] }`);
  }
  lines.push('classes:', '  - id: A', '    name: A', '    priority: 1', '    when: { question: q0, equals: a }', '  - id: D', '    name: D', '    priority: 2', '    when: { question: q0, equals: b }');
  lines.push('flags:', '  - id: classy', '    when: { class: A }', '    message: "an A"');
  for (let i = 0; i < n; i += 10) lines.push(`  - { id: f${i}, when: { question: q${i}, equals: b }, message: "q${i} is {answers.q${i}}" }`);
  lines.push(`  - { id: last, when: { question: q${n - 1}, equals: b }, message: "last" }`);
  return `${lines.join('\n')}\n`;
}

describe('a large playbook', () => {
  const text = generated(N);
  const lines = text.split('\n');
  const file = join(mkdtempSync(join(tmpdir(), 'sc-lsp-large-')), 'large.yaml');
  let a: Analysis;
  let ws: Workspace;
  /** 1-based line and column of the character `k` (1-based) of `needle`, on the first line that is it or holds it. */
  const at = (needle: string, k: number, whole = false) => {
    const i = whole ? lines.indexOf(needle) : lines.findIndex((l) => l.includes(needle));
    expect(i, needle).toBeGreaterThanOrEqual(0);
    return { line: i + 1, col: lines[i].indexOf(needle) + k };
  };
  const defOf = (q: number) => at(`  - id: q${q}`, 9, true);
  /** Positions asked of the parsed files while f runs. */
  const placesAsked = (f: () => void) => {
    let asked = 0;
    const kept = new Map<YamlSource, YamlSource['locate']>();
    for (const src of a.result.parsed?.values() ?? []) {
      const locate = src.locate;
      kept.set(src, locate);
      src.locate = (path) => {
        asked++;
        return locate(path);
      };
    }
    try {
      f();
    } finally {
      for (const [src, locate] of kept) src.locate = locate;
    }
    return asked;
  };

  /** Items of the playbook's lists read while f runs: a walk of the playbook reads every one of them. */
  const itemsRead = (an: Analysis, f: () => void) => {
    const pb = an.result.playbook as unknown as Record<string, unknown[]>;
    let read = 0;
    const kept = new Map<string, unknown[]>();
    for (const key of ['questions', 'classes', 'flags', 'personas', 'checklist', 'tips']) {
      const list = pb[key];
      if (!Array.isArray(list)) continue;
      kept.set(key, list);
      pb[key] = new Proxy(list, {
        get(target, p, receiver) {
          if (typeof p === 'string' && /^\d+$/.test(p)) read++;
          return Reflect.get(target, p, receiver);
        },
      });
    }
    try {
      f();
    } finally {
      for (const [key, list] of kept) pb[key] = list;
    }
    return read;
  };

  beforeAll(() => {
    writeFileSync(file, text);
    ws = new Workspace(() => undefined);
    ws.setDocument(file, text);
    a = ws.analyse(file);
    expect(a.result.diagnostics).toEqual([]);
  }, 60_000);

  it('hover and definition on question ids all through the file, each with its uses', () => {
    for (const q of [1, 999, 2500, 4002, N - 2]) {
      // in the condition of the next question: `{ question: q<q>, equals: a }`
      const use = at(`{ question: q${q}, equals: a }`, 14);
      const s = symbolAt(a, file, use.line, use.col);
      expect(s?.kind).toBe('question');
      expect(s?.id).toBe(`q${q}`);
      expect(s?.definition).toEqual({ file, line: defOf(q).line, col: 9, endCol: 9 + `q${q}`.length });
      // used by the next question, and by questions 2q and 2q+1 (q<N/2), and by a flag's condition and message (q%10=0)
      const expected = 1 + (2 * q + 1 < N ? 2 : 2 * q < N ? 1 : 0) + (q % 10 === 0 ? 2 : 0) + (q === 1 ? 1 : 0);
      expect(s?.uses).toHaveLength(expected);
      expect(s?.uses).toContainEqual({ file, line: use.line, col: use.col - 1, endCol: use.col - 1 + `q${q}`.length });
      expect(hoverFor(s as never, (f) => f)).toContain(`**question** \`q${q}\` (single)`);
      expect(hoverFor(s as never, (f) => f)).toContain(`used ${expected} time`);
      // and from the definition itself
      expect(symbolAt(a, file, defOf(q).line, 10)?.id).toBe(`q${q}`);
    }
  });

  it('a placeholder in a message, a role and a class are uses too', () => {
    const msg = at('message: "q4000 is {answers.q4000}"', 'message: "q4000 is {answers.'.length + 1);
    const s = symbolAt(a, file, msg.line, msg.col);
    expect(s?.id).toBe('q4000');
    expect(s?.definition?.line).toBe(defOf(4000).line);
    const role = at('  decision: q1', 13, true);
    expect(symbolAt(a, file, role.line, role.col)?.definition?.line).toBe(defOf(1).line);
    const cls = at('    when: { class: A }', 20, true);
    expect(lines[cls.line - 1][cls.col - 1]).toBe('A');
    const A = symbolAt(a, file, cls.line, cls.col);
    expect(A?.kind).toBe('class');
    expect(A?.definition?.line).toBe(at('  - id: A', 9, true).line);
  });

  it('an option value every question has is the option of the question its condition names', () => {
    const q = 3210;
    const use = at(`{ question: q${q}, equals: a }`, `{ question: q${q}, equals: `.length + 1);
    const s = symbolAt(a, file, use.line, use.col);
    expect(s?.kind).toBe('option');
    expect(s?.question).toBe(`q${q}`);
    // defined in q3210's options, its first line after "options:"
    expect(s?.definition?.line).toBe(defOf(q).line + 4);
    expect(s?.uses.map((u) => u.line)).toContain(use.line);
  });

  it('a request places the ids under its cursor, not every id of the document', () => {
    const use = at(`{ question: q${N / 2 + 1}, equals: a }`, 14);
    // the symbol under the cursor, with its few uses: a handful, where placing every id would be
    // about 5 for each of the N questions
    const asked = placesAsked(() => expect(symbolAt(a, file, use.line, use.col + 1)?.id).toBe(`q${N / 2 + 1}`));
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThan(100);
    // an option value every question has: the option of the question its condition names, and its
    // few places, not the ${2 * N} options written alike
    const q = N / 2 + 7;
    const opt = at(`{ question: q${q}, equals: a }`, `{ question: q${q}, equals: `.length + 1);
    expect(placesAsked(() => expect(symbolAt(a, file, opt.line, opt.col)?.question).toBe(`q${q}`))).toBeLessThan(20);
    // nothing under the cursor: nothing placed
    const title = at('title: Large', 3, true);
    expect(placesAsked(() => expect(symbolAt(a, file, title.line, title.col)).toBeUndefined())).toBe(0);
  });

  it('the index is built once per parse, and a request reads no item of the playbook', () => {
    const b = ws.analyse(file);
    // the build walks the playbook once (the server builds it after sending the diagnostics) ...
    expect(itemsRead(b, () => b.prepare())).toBeGreaterThanOrEqual(N);
    expect(itemsRead(b, () => b.prepare())).toBe(0);
    // ... and hover, definition, references and completion read none of it: the index answers them
    const q = N / 2 + 3;
    const use = at(`{ question: q${q}, equals: a }`, 14);
    const hover = () => {
      const s = symbolAt(b, file, use.line, use.col);
      expect(s?.id).toBe(`q${q}`);
      expect(s?.definition?.line).toBe(defOf(q).line);
      expect(hoverFor(s as never, (f) => f)).toContain(`**question** \`q${q}\``);
    };
    expect(itemsRead(b, hover)).toBe(0);
    const opt = at(`{ question: q${q + 2}, equals: a }`, `{ question: q${q + 2}, equals: `.length + 1);
    expect(itemsRead(b, () => expect(symbolAt(b, file, opt.line, opt.col)?.question).toBe(`q${q + 2}`))).toBe(0);
    const msg = at('message: "q3000 is {answers.q3000}"', 'message: "q3000 is {answers.'.length + 1);
    expect(itemsRead(b, () => expect(symbolAt(b, file, msg.line, msg.col)?.uses.length).toBeGreaterThan(2))).toBe(0);
    // completion: the ids that begin with what is typed, past a limit, found without a pass over the questions
    let typed: ReturnType<typeof completionsAt> | undefined;
    expect(itemsRead(b, () => (typed = completionsAt(b, '    when: { question: q12', 500)))).toBe(0);
    expect(typed?.incomplete).toBe(true);
    expect(typed?.items.map((c) => c.label).sort()).toEqual(['q12', ...Array.from({ length: 10 }, (_, i) => `q12${i}`), ...Array.from({ length: 100 }, (_, i) => `q12${String(i).padStart(2, '0')}`)].sort());
    expect(itemsRead(b, () => expect(completionsAt(b, '    when: { question: q77, equals: ').items.map((c) => c.label)).toEqual(['a', 'b']))).toBe(0);
    expect(itemsRead(b, () => expect(completionsAt(b, '    message: "{answers.q599', 500).items.map((c) => c.label)).toEqual(['answers.q599', ...Array.from({ length: 10 }, (_, i) => `answers.q599${i}`)]))).toBe(0);
  });
});
