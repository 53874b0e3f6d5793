"use strict";
// A small stand-in for the `vscode` module, enough for the real vscode-languageclient to run
// in plain Node: it records what the client registers (diagnostics, providers, commands) so
// the test can use them the way VS Code would. Unknown `on*` events and `register*` calls get
// harmless defaults; everything else missing stays undefined so misuse shows up as an error.
const path = require("path");
const { fileURLToPath, pathToFileURL } = require("url");

class Disposable {
  constructor(callOnDispose) { this._callOnDispose = callOnDispose; }
  static from(...items) { return new Disposable(() => items.forEach((d) => d && d.dispose && d.dispose())); }
  dispose() { if (this._callOnDispose) { this._callOnDispose(); this._callOnDispose = undefined; } }
}

class EventEmitter {
  constructor() {
    this._listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const bound = thisArg ? listener.bind(thisArg) : listener;
      this._listeners.add(bound);
      const d = new Disposable(() => this._listeners.delete(bound));
      if (Array.isArray(disposables)) { disposables.push(d); }
      return d;
    };
  }
  fire(value) { for (const l of [...this._listeners]) { l(value); } }
  dispose() { this._listeners.clear(); }
}

class Uri {
  constructor(scheme, authority, fsPathOrPath, query, fragment) {
    this.scheme = scheme; this.authority = authority || ""; this.path = fsPathOrPath; this.query = query || ""; this.fragment = fragment || "";
  }
  get fsPath() { return this.scheme === "file" ? fileURLToPath(this.toString()) : this.path; }
  static file(p) { return new Uri("file", "", pathToFileURL(path.resolve(p)).pathname); }
  static parse(value) {
    const url = new URL(value);
    return new Uri(url.protocol.replace(/:$/, ""), url.host, decodeURIComponent(url.pathname), url.search.replace(/^\?/, ""), url.hash.replace(/^#/, ""));
  }
  with(change) { return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment); }
  toString() {
    if (this.scheme === "file") { return pathToFileURL(this.path).toString(); }
    return `${this.scheme}://${this.authority}${this.path}${this.query ? "?" + this.query : ""}${this.fragment ? "#" + this.fragment : ""}`;
  }
  toJSON() { return { scheme: this.scheme, path: this.path, external: this.toString() }; }
}

class Position {
  constructor(line, character) { this.line = line; this.character = character; }
  isBefore(other) { return this.line < other.line || (this.line === other.line && this.character < other.character); }
  isEqual(other) { return this.line === other.line && this.character === other.character; }
}
class Range {
  constructor(a, b, c, d) {
    if (typeof a === "number") { this.start = new Position(a, b); this.end = new Position(c, d); } else { this.start = a; this.end = b; }
  }
  contains(p) { return !p.isBefore(this.start) && !this.end.isBefore(p); }
  get isEmpty() { return this.start.isEqual(this.end); }
}
class Selection extends Range {
  constructor(anchor, active) { super(anchor, active); this.anchor = anchor; this.active = active; }
}
class Location { constructor(uri, rangeOrPosition) { this.uri = uri; this.range = rangeOrPosition; } }
class Diagnostic {
  constructor(range, message, severity) { this.range = range; this.message = message; this.severity = severity ?? 0; }
}
class DiagnosticRelatedInformation { constructor(location, message) { this.location = location; this.message = message; } }
class MarkdownString {
  constructor(value, supportThemeIcons) { this.value = value || ""; this.supportThemeIcons = supportThemeIcons; }
  appendText(t) { this.value += t; return this; }
  appendMarkdown(t) { this.value += t; return this; }
  appendCodeblock(code, lang) { this.value += "\n```" + (lang || "") + "\n" + code + "\n```\n"; return this; }
}
class Hover { constructor(contents, range) { this.contents = Array.isArray(contents) ? contents : [contents]; this.range = range; } }
class TextEdit {
  constructor(range, newText) { this.range = range; this.newText = newText; }
  static replace(range, newText) { return new TextEdit(range, newText); }
  static insert(position, newText) { return new TextEdit(new Range(position, position), newText); }
}
class WorkspaceEdit {
  constructor() { this._edits = []; }
  replace(uri, range, newText) { this._edits.push({ uri, edit: new TextEdit(range, newText) }); }
  insert(uri, position, newText) { this.replace(uri, new Range(position, position), newText); }
  delete(uri, range) { this.replace(uri, range, ""); }
  set(uri, edits) { for (const e of edits) { this._edits.push({ uri, edit: e }); } }
  entries() {
    const byUri = new Map();
    for (const { uri, edit } of this._edits) {
      const key = uri.toString();
      if (!byUri.has(key)) { byUri.set(key, [uri, []]); }
      byUri.get(key)[1].push(edit);
    }
    return [...byUri.values()];
  }
  get size() { return this.entries().length; }
}
class CodeActionKind {
  constructor(value) { this.value = value; }
  append(part) { return new CodeActionKind(this.value ? `${this.value}.${part}` : part); }
  contains(other) { return this.value === other.value || other.value.startsWith(this.value + "."); }
  intersects(other) { return this.contains(other) || other.contains(this); }
}
for (const [name, value] of Object.entries({ Empty: "", QuickFix: "quickfix", Refactor: "refactor", RefactorExtract: "refactor.extract", RefactorInline: "refactor.inline", RefactorRewrite: "refactor.rewrite", Source: "source", SourceOrganizeImports: "source.organizeImports", SourceFixAll: "source.fixAll" })) {
  CodeActionKind[name] = new CodeActionKind(value);
}
class CodeAction { constructor(title, kind) { this.title = title; this.kind = kind; } }
class CancellationError extends Error { constructor() { super("Canceled"); this.name = "Canceled"; } }
class CancellationTokenSource {
  constructor() {
    const emitter = new EventEmitter();
    this._emitter = emitter;
    this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
  }
  cancel() { if (!this.token.isCancellationRequested) { this.token.isCancellationRequested = true; this._emitter.fire(undefined); } }
  dispose() { this._emitter.dispose(); }
}
class RelativePattern { constructor(base, pattern) { this.base = base; this.baseUri = typeof base === "string" ? Uri.file(base) : base.uri ?? base; this.pattern = pattern; } }
// Base classes the client subclasses for features this test does not exercise.
class CompletionItem { constructor(label, kind) { this.label = label; this.kind = kind; } }
class CodeLens { constructor(range, command) { this.range = range; this.command = command; } }
class DocumentLink { constructor(range, target) { this.range = range; this.target = target; } }
class InlayHint { constructor(position, label, kind) { this.position = position; this.label = label; this.kind = kind; } }
class CallHierarchyItem { constructor(kind, name, detail, uri, range, selectionRange) { Object.assign(this, { kind, name, detail, uri, range, selectionRange }); } }
class TypeHierarchyItem extends CallHierarchyItem {}
class SymbolInformation { constructor(name, kind, containerName, location) { Object.assign(this, { name, kind, containerName, location }); } }
class SnippetString { constructor(value) { this.value = value || ""; } }
class TabInputText { constructor(uri) { this.uri = uri; } }
class TabInputTextDiff { constructor(original, modified) { this.original = original; this.modified = modified; } }
class TabInputCustom { constructor(uri, viewType) { this.uri = uri; this.viewType = viewType; } }
class TabInputNotebook { constructor(uri, notebookType) { this.uri = uri; this.notebookType = notebookType; } }
class TabInputNotebookDiff { constructor(original, modified) { this.original = original; this.modified = modified; } }

const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };
const DiagnosticTag = { Unnecessary: 1, Deprecated: 2 };
const CodeActionTriggerKind = { Invoke: 1, Automatic: 2 };
const TextDocumentSaveReason = { Manual: 1, AfterDelay: 2, FocusOut: 3 };
const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 };
const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2 };
const EndOfLine = { LF: 1, CRLF: 2 };

/** A text document held in memory, with the subset of TextDocument the client reads. */
class MockTextDocument {
  constructor(uri, languageId, text) { this.uri = uri; this.languageId = languageId; this.version = 1; this._text = text; this.isClosed = false; this.isDirty = false; this.isUntitled = false; this.eol = EndOfLine.LF; }
  get fileName() { return this.uri.fsPath; }
  get lineCount() { return this._lines().length; }
  _lines() { return this._text.split("\n"); }
  getText(range) {
    if (!range) { return this._text; }
    return this._text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }
  lineAt(lineOrPos) { const line = typeof lineOrPos === "number" ? lineOrPos : lineOrPos.line; const text = this._lines()[line]; return { lineNumber: line, text, range: new Range(line, 0, line, text.length) }; }
  offsetAt(pos) { const lines = this._lines(); let offset = 0; for (let i = 0; i < pos.line; i++) { offset += lines[i].length + 1; } return offset + pos.character; }
  positionAt(offset) { const before = this._text.slice(0, offset).split("\n"); return new Position(before.length - 1, before[before.length - 1].length); }
  /** Applies edits (sorted from the end so offsets stay valid) and bumps the version. */
  applyEdits(edits) {
    const sorted = [...edits].sort((a, b) => this.offsetAt(b.range.start) - this.offsetAt(a.range.start));
    const changes = [];
    for (const e of sorted) {
      const start = this.offsetAt(e.range.start), end = this.offsetAt(e.range.end);
      changes.push({ range: e.range, rangeOffset: start, rangeLength: end - start, text: e.newText });
      this._text = this._text.slice(0, start) + e.newText + this._text.slice(end);
    }
    this.version++;
    return changes;
  }
}

// Recorded state the test inspects.
const recorded = {
  diagnostics: new Map(), // uri string -> Diagnostic[]
  diagnosticEvents: new EventEmitter(),
  providers: {}, // registerXProvider name -> [provider]
  commands: new Map(),
  messages: [], // {level, message, items}
  configuration: {}, // section "asyncls" values by key
  webviews: [],
  output: [], // everything written to output channels
};

function makeEvent(name) {
  const emitter = new EventEmitter();
  emitters[name] = emitter;
  return emitter.event;
}
const emitters = {};

/** A namespace whose missing `onX` members are events and `registerX` members record providers. */
function namespace(name, members) {
  return new Proxy(members, {
    get(target, prop) {
      if (prop in target) { return target[prop]; }
      if (typeof prop !== "string") { return undefined; }
      if (/^onDid|^onWill/.test(prop)) { target[prop] = makeEvent(`${name}.${prop}`); return target[prop]; }
      if (/^register/.test(prop)) {
        target[prop] = (...args) => {
          const list = (recorded.providers[prop] ||= []);
          list.push(args);
          return new Disposable(() => list.splice(list.indexOf(args), 1));
        };
        return target[prop];
      }
      return undefined;
    },
  });
}

const textDocuments = [];

function configurationFor(section) {
  const prefix = section ? section + "." : "";
  const lookup = (key) => {
    const full = prefix + key;
    if (full in recorded.configuration) { return recorded.configuration[full]; }
    // A section read (e.g. getConfiguration("asyncls").get("trace")) returns nested values.
    const nested = {};
    for (const [k, v] of Object.entries(recorded.configuration)) {
      if (k.startsWith(full + ".")) { nested[k.slice(full.length + 1)] = v; }
    }
    return Object.keys(nested).length > 0 ? nested : undefined;
  };
  return {
    get(key, defaultValue) { const v = lookup(key); return v === undefined ? defaultValue : v; },
    has(key) { return lookup(key) !== undefined; },
    inspect(key) { const v = lookup(key); return { key: prefix + key, globalValue: v }; },
    update(key, value) { recorded.configuration[prefix + key] = value; return Promise.resolve(); },
  };
}

const workspace = namespace("workspace", {
  workspaceFolders: [],
  textDocuments,
  notebookDocuments: [],
  getConfiguration: (section) => configurationFor(section),
  getWorkspaceFolder: (uri) => workspace.workspaceFolders.find((f) => uri.fsPath.startsWith(f.uri.fsPath)),
  createFileSystemWatcher: () => ({ onDidCreate: () => new Disposable(), onDidChange: () => new Disposable(), onDidDelete: () => new Disposable(), dispose() {} }),
  applyEdit: async (edit) => {
    for (const [uri, edits] of edit.entries()) {
      const doc = textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!doc) { return false; }
      const contentChanges = doc.applyEdits(edits);
      emitters["workspace.onDidChangeTextDocument"]?.fire({ document: doc, contentChanges, reason: undefined });
    }
    return true;
  },
  openTextDocument: async (uri) => textDocuments.find((d) => d.uri.toString() === uri.toString()),
});

function message(level) {
  return (msg, ...items) => { recorded.messages.push({ level, message: msg, items: items.filter((i) => typeof i === "string") }); return Promise.resolve(undefined); };
}

const window = namespace("window", {
  activeTextEditor: undefined,
  visibleTextEditors: [],
  tabGroups: { all: [], onDidChangeTabs: makeEvent("window.tabGroups.onDidChangeTabs"), onDidChangeTabGroups: makeEvent("window.tabGroups.onDidChangeTabGroups") },
  showErrorMessage: message("error"),
  showWarningMessage: message("warning"),
  showInformationMessage: message("info"),
  createOutputChannel: (name) => ({
    name, lines: [],
    append(v) { this.lines.push(v); recorded.output.push(v); if (process.env.ASYNCLS_TEST_VERBOSE) { process.stderr.write(v); } },
    appendLine(v) { this.append(v + "\n"); },
    replace() {}, clear() {}, show() {}, hide() {}, dispose() {},
    trace() {}, debug() {}, info(v) { this.appendLine(v); }, warn(v) { this.appendLine(v); }, error(v) { this.appendLine(String(v)); },
  }),
  withProgress: (options, task) => task({ report() {} }, new CancellationTokenSource().token),
  createWebviewPanel: (viewType, title) => { const panel = { viewType, title, webview: { html: "", onDidReceiveMessage: () => ({ dispose() {} }) }, dispose() {} }; recorded.webviews.push(panel); return panel; },
  showTextDocument: async () => undefined,
});

const languages = namespace("languages", {
  match(selector, document) {
    const selectors = Array.isArray(selector) ? selector : [selector];
    return selectors.some((s) => (typeof s === "string" ? s === document.languageId : (!s.language || s.language === document.languageId) && (!s.scheme || s.scheme === document.uri.scheme))) ? 10 : 0;
  },
  createDiagnosticCollection(name) {
    return {
      name,
      set(uri, diagnostics) {
        if (Array.isArray(uri)) { for (const [u, d] of uri) { this.set(u, d); } return; }
        recorded.diagnostics.set(uri.toString(), diagnostics || []);
        recorded.diagnosticEvents.fire(uri.toString());
      },
      delete(uri) { recorded.diagnostics.delete(uri.toString()); recorded.diagnosticEvents.fire(uri.toString()); },
      clear() { recorded.diagnostics.clear(); },
      get(uri) { return recorded.diagnostics.get(uri.toString()); },
      forEach() {},
      dispose() {},
    };
  },
  getDiagnostics: (uri) => recorded.diagnostics.get(uri.toString()) || [],
});

const commands = namespace("commands", {
  registerCommand(id, handler) { recorded.commands.set(id, handler); return new Disposable(() => recorded.commands.delete(id)); },
  executeCommand: async (id, ...args) => { const h = recorded.commands.get(id); return h ? h(...args) : undefined; },
});

module.exports = {
  version: "1.100.0",
  env: { appName: "vscode-mock", language: "en", machineId: "test", openExternal: async () => true, uriScheme: "vscode" },
  Disposable, EventEmitter, Uri, Position, Range, Selection, Location, Diagnostic, DiagnosticRelatedInformation,
  DiagnosticSeverity, DiagnosticTag, MarkdownString, Hover, TextEdit, WorkspaceEdit, CodeAction, CodeActionKind,
  CodeActionTriggerKind, CancellationError, CancellationTokenSource, RelativePattern, SnippetString,
  CompletionItem, CodeLens, DocumentLink, InlayHint, CallHierarchyItem, TypeHierarchyItem, SymbolInformation,
  TabInputText, TabInputTextDiff, TabInputCustom, TabInputNotebook, TabInputNotebookDiff,
  TextDocumentSaveReason, ProgressLocation, ViewColumn, EndOfLine,
  workspace, window, languages, commands,
  notebooks: namespace("notebooks", {}),
  extensions: namespace("extensions", { all: [], getExtension: () => undefined }),
  // Test-only helpers.
  __test: { recorded, emitters, MockTextDocument, textDocuments },
};
