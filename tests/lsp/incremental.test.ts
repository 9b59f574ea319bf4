/**
 * Property: the language server's caches (each file's parse, and the items of a file the schema
 * accepted) never change what it reports. After every edit of a random sequence, the diagnostics and
 * the playbook the workspace computes equal a fresh load of the same text with no cache at all. The
 * edits move, copy, break and mend items, so cached items come back at other indices, on other
 * lines, twice in one file, and beside broken ones. Seeded, so a failure names a replayable case.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src/lsp/workspace.js';
import { loadPlaybook } from '../../src/playbook/load.js';

/** mulberry32: small, seeded, good enough to pick edits. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A clean playbook of n questions of several kinds, chained by conditions, in two locales. */
function generated(n: number): string {
  const lines = ['id: generated', 'title: { en: Generated, zh-CN: 生成 }', 'locales: [en, zh-CN]', 'questions:'];
  for (let i = 0; i < n; i++) {
    const kind = i % 7 === 3 ? 'number' : i % 5 === 4 ? 'yes-no' : 'single';
    lines.push(`  - id: q${i}`, `    kind: ${kind}`, `    text: { en: "Question ${i}?", zh-CN: "问题 ${i}？" }`);
    if (kind === 'single') lines.push('    options:', '      - { value: a, label: { en: A, zh-CN: 甲 } }', '      - { value: b, label: { en: B, zh-CN: 乙 } }');
    if (i % 6 === 1) lines.push('    allowUnknown: true', '    findOut: { en: "Find out {answers.q0}", zh-CN: "查明 {answers.q0}" }');
    if (i > 0) lines.push(`    when: { any: [ { question: q${i - 1}, answered: true }, { question: q0, in: [a, b] } ] }`);
  }
  lines.push('classes:', '  - id: A', '    name: { en: A, zh-CN: A }', '    priority: 1', '    when: { question: q0, equals: a }', '  - id: D', '    name: { en: D, zh-CN: D }', '    priority: 2', '    when: { question: q0, equals: b }');
  lines.push('flags:');
  for (let i = 0; i < n; i++) lines.push(`  - { id: f${i}, when: { question: q${i}, answered: true }, message: { en: "q${i} is {answers.q${i}}", zh-CN: "q${i}：{answers.q${i}}" } }`);
  return `${lines.join('\n')}\n`;
}

/** The line ranges [start, end) of the list items under `section:` (items written `  - `). */
function items(text: string, section: string): [number, number][] {
  const lines = text.split('\n');
  const out: [number, number][] = [];
  let inside = false;
  let start = -1;
  lines.forEach((l, i) => {
    if (/^\S/.test(l)) {
      if (start >= 0) out.push([start, i]);
      start = -1;
      inside = l.startsWith(`${section}:`);
    } else if (inside && /^ {2}- /.test(l)) {
      if (start >= 0) out.push([start, i]);
      start = i;
    }
  });
  if (start >= 0) out.push([start, lines.length]);
  return out;
}

type Edit = (text: string, pick: (n: number) => number, history: string[]) => string;

const LINE_EDITS: [RegExp, (l: string) => string][] = [
  [/^ {4}(text|kind|when|options): /, (l) => l.replace(/^( {4})(\w)(\w)/, '$1$3$2')],
  [/question: q\d+/, (l) => l.replace(/question: q\d+/, 'question: qq')],
  [/equals: a\b/, (l) => l.replace('equals: a', 'equals: c')],
  [/^ {4}[a-z]/, (l) => l.replace(/^ {4}/, '\t')],
  [/\{answers\.q\d+\}/, (l) => l.replace(/\{answers\.q(\d+)\}/, '{answers.x$1}')],
  [/^ {4}kind: /, (l) => l.replace(/kind: .*/, 'kind: yesno')],
  [/en: "Question/, (l) => l.replace('en: "Question', 'en: "Edited question')],
  [/zh-CN: /, (l) => l.replace(/, zh-CN: [^}]*\}/, ' }')],
  [/^ {2}- id: q\d+/, (l) => l.replace(/q\d+/, 'q1')],
];

const EDITS: Edit[] = [
  // one line changed: a mistake, or a harmless change of a text
  (text, pick) => {
    const lines = text.split('\n');
    for (let tries = 0; tries < 20; tries++) {
      const i = pick(lines.length);
      const fits = LINE_EDITS.filter(([re]) => re.test(lines[i]));
      if (fits.length === 0) continue;
      lines[i] = fits[pick(fits.length)][1](lines[i]);
      return lines.join('\n');
    }
    return text;
  },
  // back to an earlier text: items cached before come back
  (text, pick, history) => history[pick(history.length)] ?? text,
  // a question copied (two equal items in one file)
  (text, pick) => {
    const qs = items(text, 'questions');
    if (qs.length === 0) return text;
    const [s, e] = qs[pick(qs.length)];
    const lines = text.split('\n');
    return [...lines.slice(0, e), ...lines.slice(s, e), ...lines.slice(e)].join('\n');
  },
  // two neighbouring questions swapped (cached items at new indices)
  (text, pick) => {
    const qs = items(text, 'questions');
    if (qs.length < 2) return text;
    const k = pick(qs.length - 1);
    const [[s1, e1], [s2, e2]] = [qs[k], qs[k + 1]];
    const lines = text.split('\n');
    return [...lines.slice(0, s1), ...lines.slice(s2, e2), ...lines.slice(s1, e1), ...lines.slice(e2)].join('\n');
  },
  // a comment line inserted (every later item on another line)
  (text, pick) => {
    const lines = text.split('\n');
    const i = pick(lines.length);
    lines.splice(i, 0, `${/^ {2}- /.test(lines[i] ?? '') ? '  ' : ''}# note`);
    return lines.join('\n');
  },
  // a line deleted
  (text, pick) => {
    const lines = text.split('\n');
    lines.splice(pick(lines.length), 1);
    return lines.join('\n');
  },
];

/** A fresh load of the workspace's files as they now are, with no cache of any kind. */
function fresh(entry: string, ws: Workspace) {
  return loadPlaybook(entry, {
    read: (path) => {
      const t = ws.textOf(path);
      return t === undefined ? undefined : new TextEncoder().encode(t);
    },
    findById: () => undefined,
  });
}

/** The playbook as data, each item beside the place it was written (origins are keyed by object). */
function summary(pb: ReturnType<typeof loadPlaybook>['playbook']) {
  if (!pb) return undefined;
  const { origins, damaged, brokenIds, ...rest } = pb;
  const placed = (list: object[]) => list.map((item) => ({ item, at: origins.get(item), damaged: damaged?.get(item) }));
  return { ...rest, brokenIds: [...brokenIds], questions: placed(pb.questions), personas: placed(pb.personas), classes: placed(pb.classes), flags: placed(pb.flags), checklist: placed(pb.checklist), tips: placed(pb.tips) };
}

function runEdits(opts: { seed: number; edits: number; file: string; text: string }): string[] {
  const ws = new Workspace(() => undefined);
  const next = random(opts.seed);
  const pick = (n: number) => Math.floor(next() * n);
  const history = [opts.text];
  let text = opts.text;
  const failures: string[] = [];
  let withErrors = 0;
  for (let n = 0; n <= opts.edits; n++) {
    // now and then from the clean text again, so that some texts are clean and the analyses run too
    if (n > 0) text = EDITS[pick(EDITS.length)](next() < 0.4 ? opts.text : text, pick, history);
    history.push(text);
    ws.setDocument(opts.file, text);
    const a = ws.analyse(opts.file);
    const b = fresh(a.entry, ws);
    if (b.diagnostics.some((d) => d.severity === 'error')) withErrors++;
    try {
      expect(a.result.diagnostics).toEqual(b.diagnostics);
      expect(summary(a.result.playbook)).toEqual(summary(b.playbook));
    } catch (err) {
      failures.push(`seed ${opts.seed}, edit ${n}: ${err instanceof Error ? err.message.split('\n').slice(0, 12).join('\n') : String(err)}`);
      break;
    }
  }
  // the property says little if every text was clean, or every one broken
  if (withErrors === 0 || withErrors === opts.edits + 1) failures.push(`seed ${opts.seed}: ${withErrors} of ${opts.edits + 1} texts had errors`);
  return failures;
}

describe('incremental diagnostics equal a fresh check', () => {
  it('a generated playbook: 120 random edits, each compared with a load from scratch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-incremental-'));
    const file = join(dir, 'generated.yaml');
    const text = generated(40);
    writeFileSync(file, text);
    expect(fresh(file, new Workspace(() => undefined)).diagnostics).toEqual([]);
    expect(runEdits({ seed: 13, edits: 120, file, text })).toEqual([]);
  });

  it('the built-in playbook: 80 random edits of its included questions file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-incremental-'));
    cpSync(join(import.meta.dirname, '../../playbooks'), dir, { recursive: true });
    const file = join(dir, 'abcd', 'questions.yaml');
    const text = new Workspace(() => undefined).textOf(file) ?? '';
    expect(text).not.toBe('');
    expect(runEdits({ seed: 7, edits: 80, file, text })).toEqual([]);
  });
});
