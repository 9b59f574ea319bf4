/**
 * `sales-coach lsp`: the Language Server Protocol over stdio. Every diagnostic of `playbook validate`
 * as the trainer types (the same loader and rules, across included and extended files), completion
 * of ids, option values and placeholders, hover, go to definition, references and rename of ids.
 */
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type CodeAction,
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type Location,
  MarkupKind,
  ProposedFeatures,
  type Range,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../core/diagnostic.js';
import { type FixContext, quickFixes } from './quick-fixes.js';
import { type Analysis, completionsAt, diagnosticsByFile, hoverFor, isPlaybookFile, type Place, symbolAt, Workspace } from './workspace.js';

export interface LspOptions {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  findById: (id: string, fromFile: string) => string | undefined;
  cwd: string;
  /** Folders whose YAML files are playbooks whatever they hold (the user playbook folder). */
  playbookFolders?: readonly string[];
  /** One line per thing the editor should not have sent (a cut-short or malformed message); never a stack. */
  log?: (line: string) => void;
}

/** How long after an edit, with no edit since, the index of ids is built (a trainer typing makes none). */
const PREPARE_AFTER_MS = 200;

/** The most completions sent at once (the rest as the rep types more). */
const MAX_COMPLETIONS = 500;

const toFile = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);
const toUri = (file: string) => pathToFileURL(file).href;
const range = (p: Place): Range => ({ start: { line: p.line - 1, character: p.col - 1 }, end: { line: p.line - 1, character: p.endCol - 1 } });

function toLsp(d: Diagnostic): LspDiagnostic {
  const line = Math.max(0, d.line - 1);
  const col = Math.max(0, d.col - 1);
  return {
    range: { start: { line, character: col }, end: { line, character: d.endCol ? d.endCol - 1 : col + 1 } },
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: 'sales-coach',
    message: d.hint ? `${d.message}\n${d.hint}` : d.message,
  };
}

/** Runs until the client says exit; resolves with the process exit code the protocol asks for. */
export function runLanguageServer(opts: LspOptions): Promise<number> {
  // the reader and writer are ours to watch: input that ends (the editor gone, a Content-Length longer
  // than what follows) ends the server, and a malformed message is one line, not a stack
  const reader = new StreamMessageReader(opts.stdin);
  const writer = new StreamMessageWriter(opts.stdout);
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  const oneLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 200);
  reader.onError((err) => opts.log?.(`sales-coach lsp: a message from the editor could not be read (${oneLine(err)}); it was skipped`));
  writer.onError(([err]) => opts.log?.(`sales-coach lsp: a message to the editor could not be written (${oneLine(err)})`));
  // the protocol library reports a malformed message through the console, which sends it to the
  // editor; once the input has ended that send throws (a stack and the minified source on stderr):
  // then the report goes to our log instead, in one line
  const remote = connection.console as unknown as Record<'error' | 'warn' | 'info' | 'log' | 'debug', (m: string) => void>;
  for (const k of ['error', 'warn', 'info', 'log', 'debug'] as const) {
    const send = remote[k].bind(remote);
    remote[k] = (m: string) => {
      try {
        send(m);
      } catch {
        opts.log?.(`sales-coach lsp: ${oneLine(m)}`);
      }
    };
  }
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace(opts.findById);
  /** Entry -> the files we published diagnostics for, so a fixed file is cleared. */
  const published = new Map<string, Set<string>>();
  const analyses = new Map<string, Analysis>();

  // a YAML file that is no playbook (compose.yaml, a CI workflow, another tool's file with its own
  // $schema) is left alone: no diagnostics, no answers; a file a playbook includes is one of its parts
  const isPlaybook = (uri: string) => {
    const file = toFile(uri);
    if (!/\.ya?ml$/i.test(file) || /\.test\.ya?ml$/i.test(file)) return false;
    return isPlaybookFile(file, workspace.textOf(file) ?? '', opts.playbookFolders) || workspace.entryOf(file) !== file;
  };
  const analyse = (file: string): Analysis => {
    const a = workspace.analyse(file);
    analyses.set(file, a);
    return a;
  };
  const current = (uri: string): Analysis | undefined => {
    const file = toFile(uri);
    return analyses.get(file) ?? (isPlaybook(uri) ? analyse(file) : undefined);
  };
  const validate = (uri: string) => {
    if (!isPlaybook(uri)) return;
    const a = analyse(toFile(uri));
    const before = published.get(a.entry) ?? new Set<string>();
    const byFile = diagnosticsByFile(a, [...before]);
    published.set(a.entry, new Set(byFile.keys()));
    for (const [file, list] of byFile) connection.sendDiagnostics({ uri: toUri(file), diagnostics: list.map(toLsp) });
    // the index of ids and the completion lists are built once per parse, when the trainer pauses:
    // built at once, they held up the next edit's diagnostics while typing (10k questions: 0.65 s to
    // 0.87 s an edit). Skipped when a newer edit has replaced this analysis; a request that comes
    // first builds them itself
    const edited = toFile(uri);
    setTimeout(() => {
      if (analyses.get(edited) === a) a.prepare();
    }, PREPARE_AFTER_MS).unref();
  };

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [':', ' ', '{', '.', ',', '['] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'sales-coach' },
  }));

  // fires on open as well as on each change
  documents.onDidChangeContent((e) => {
    workspace.setDocument(toFile(e.document.uri), e.document.getText());
    validate(e.document.uri);
  });
  documents.onDidClose((e) => workspace.closeDocument(toFile(e.document.uri)));

  connection.onCompletion((p) => {
    const a = current(p.textDocument.uri);
    const doc = documents.get(p.textDocument.uri);
    if (!a || !doc) return [];
    const prefix = doc.getText({ start: { line: p.position.line, character: 0 }, end: p.position });
    const kinds = { id: CompletionItemKind.Reference, value: CompletionItemKind.EnumMember, placeholder: CompletionItemKind.Variable, keyword: CompletionItemKind.Keyword };
    // a playbook of 18,000 questions offers 18,000 ids: past a few hundred, only those that begin with
    // what is typed, and the list is marked incomplete so that the editor asks again as the rep types
    const { items: all, incomplete } = completionsAt(a, prefix, MAX_COMPLETIONS);
    const items = all.map((c) => ({
      label: c.label,
      kind: kinds[c.kind],
      detail: c.detail,
      // the span the label replaces, given: an editor's own word ends at a dot
      ...(c.replace !== undefined ? { filterText: c.label, textEdit: { range: { start: { line: p.position.line, character: p.position.character - c.replace }, end: p.position }, newText: c.label } } : {}),
    }));
    return incomplete ? { isIncomplete: true, items } : items;
  });

  const symbolFor = (uri: string, line: number, character: number) => {
    const a = current(uri);
    return a ? symbolAt(a, toFile(uri), line + 1, character + 1) : undefined;
  };
  connection.onHover((p) => {
    const s = symbolFor(p.textDocument.uri, p.position.line, p.position.character);
    return s ? { contents: { kind: MarkupKind.Markdown, value: hoverFor(s, (f) => relative(opts.cwd, f)) } } : null;
  });
  connection.onDefinition((p) => {
    const s = symbolFor(p.textDocument.uri, p.position.line, p.position.character);
    return s?.definition ? { uri: toUri(s.definition.file), range: range(s.definition) } : null;
  });
  connection.onReferences((p): Location[] => {
    const s = symbolFor(p.textDocument.uri, p.position.line, p.position.character);
    if (!s) return [];
    const places = [...(p.context.includeDeclaration && s.definition ? [s.definition] : []), ...s.uses];
    return places.map((x) => ({ uri: toUri(x.file), range: range(x) }));
  });
  connection.onPrepareRename((p) => {
    const s = symbolFor(p.textDocument.uri, p.position.line, p.position.character);
    const file = toFile(p.textDocument.uri);
    const here = s && [s.definition, ...s.uses].find((x) => x && x.file === file && x.line === p.position.line + 1 && p.position.character + 1 >= x.col && p.position.character + 1 <= x.endCol);
    return here ? { range: range(here), placeholder: s.id } : null;
  });
  connection.onRenameRequest((p) => {
    const s = symbolFor(p.textDocument.uri, p.position.line, p.position.character);
    if (!s || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(p.newName)) return null;
    const changes: Record<string, TextEdit[]> = {};
    // one list per file, appended to: copied per edit, a class used 10,000 times cost 50 million copies
    for (const x of [...(s.definition ? [s.definition] : []), ...s.uses]) {
      const uri = toUri(x.file);
      let edits = changes[uri];
      if (!edits) {
        edits = [];
        changes[uri] = edits;
      }
      edits.push({ range: range(x), newText: p.newName });
    }
    return { changes };
  });

  connection.onCodeAction((p): CodeAction[] => {
    const a = current(p.textDocument.uri);
    if (!a) return [];
    const file = toFile(p.textDocument.uri);
    const ctx: FixContext = {
      lines: (f) => (documents.get(toUri(f))?.getText() ?? workspace.textOf(f))?.split(/\r?\n/),
      locales: a.playbook?.locales ?? [],
      sectionEnd: (section) => workspace.sectionEnd(a, section),
    };
    const first = p.range.start.line + 1;
    const last = p.range.end.line + 1;
    const here = a.result.diagnostics.filter((d) => d.file === file && d.line >= first && d.line <= last);
    return here.flatMap((d) =>
      quickFixes(d, ctx).map((fix) => {
        const changes: Record<string, TextEdit[]> = {};
        for (const e of fix.edits) {
          const edit = { range: { start: { line: e.line - 1, character: e.col - 1 }, end: { line: e.line - 1, character: e.endCol - 1 } }, newText: e.newText };
          changes[toUri(e.file)] = [...(changes[toUri(e.file)] ?? []), edit];
        }
        return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [toLsp(d)], isPreferred: fix.preferred, edit: { changes } };
      }),
    );
  });

  documents.listen(connection);
  return new Promise((done) => {
    let shutdown = false;
    connection.onShutdown(() => {
      shutdown = true;
    });
    connection.onExit(() => done(shutdown ? 0 : 1));
    // the input ended: whatever was half-read is dropped, and the server ends as the protocol says
    // it does when exit comes without shutdown (1), or after shutdown (0)
    reader.onClose(() => done(shutdown ? 0 : 1));
    connection.listen();
  });
}
