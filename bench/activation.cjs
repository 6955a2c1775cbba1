// Loads and activates the bundled extension in plain Node, with the `vscode` module stubbed,
// and prints one JSON line: how long `require` took, how long activation took, and how long the
// first hover took (where the knowledge base is parsed and the term engine built, on first use).
// Run in a fresh process per sample: `node bench/activation.cjs dist/extension.node.js`.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const bundle = path.resolve(process.argv[2] || 'dist/extension.node.js');
const root = path.dirname(path.dirname(bundle));

// ---- activation may defer work to timers: count the time their callbacks take. A timer set
// for IDLE_MS or later is idle-time work (the knowledge base's warm-up), not activation: it and
// every timer set from it are counted apart, and their slices measured as event-loop lag.
const IDLE_MS = 100;
let deferredMs = 0;
let pending = 0;
let idlePending = 0;
let tracking = false;
let idle = false; // idle-time work has started: every timer from now on is part of it
function tracked(schedule, cancel) {
  const handles = new Set();
  const wrapped = function (callback, ...rest) {
    if (!tracking || typeof callback !== 'function') return schedule.call(this, callback, ...rest);
    const idleWork = idle || (typeof rest[0] === 'number' && rest[0] >= IDLE_MS);
    if (idleWork) {
      idlePending++;
      return schedule.call(this, function (...args) {
        idlePending--;
        idle = true;
        return callback.apply(this, args);
      }, ...rest);
    }
    pending++;
    let handle;
    const run = function (...args) {
      handles.delete(handle);
      pending--;
      const t = performance.now();
      try {
        return callback.apply(this, args);
      } finally {
        deferredMs += performance.now() - t;
      }
    };
    handle = schedule.call(this, run, ...rest);
    handles.add(handle);
    return handle;
  };
  const cancelWrapped = function (handle) {
    if (handles.delete(handle)) pending--;
    return cancel.call(this, handle);
  };
  return [wrapped, cancelWrapped];
}
[globalThis.setTimeout, globalThis.clearTimeout] = tracked(setTimeout, clearTimeout);
[globalThis.setImmediate, globalThis.clearImmediate] = tracked(setImmediate, clearImmediate);

// ---- the `vscode` stub: enough of the API for activate() and a hover to run

const registered = {};
const hoverProviders = [];
function count(name) {
  registered[name] = (registered[name] || 0) + 1;
}
const disposable = () => ({ dispose() {} });

/** Anything not modelled below: callable, constructible, every property another stub. */
function stub(name) {
  const children = new Map();
  const target = function () {};
  return new Proxy(target, {
    get(_t, key) {
      if (key === 'then' || key === Symbol.iterator || key === Symbol.asyncIterator || key === 'toJSON') return undefined;
      if (key === Symbol.toPrimitive) return () => `[${name}]`;
      if (key === 'toString') return () => `[${name}]`;
      if (key === 'dispose') return () => {};
      if (typeof key === 'symbol') return undefined;
      if (!children.has(key)) children.set(key, stub(`${name}.${key}`));
      return children.get(key);
    },
    apply() {
      count(name);
      return stub(`${name}()`);
    },
    construct() {
      return stub(`new ${name}`);
    },
  });
}

/** A namespace: the listed members, and a stub for anything else. */
function namespace(name, members) {
  const rest = stub(name);
  return new Proxy(members, {
    get(t, key) {
      if (key in t) return t[key];
      if (typeof key === 'symbol' || key === 'then') return undefined;
      return rest[key];
    },
  });
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
}
class Range {
  constructor(a, b, c, d) {
    if (typeof a === 'number') {
      this.start = new Position(a, b);
      this.end = new Position(c, d);
    } else {
      this.start = a;
      this.end = b;
    }
  }
}
class Uri {
  constructor(scheme, p) {
    this.scheme = scheme;
    this.path = p;
    this.fsPath = p;
    this.authority = '';
    this.query = '';
    this.fragment = '';
  }
  static file(p) {
    return new Uri('file', p);
  }
  static parse(s) {
    const m = /^([a-z][a-z0-9+.-]*):(.*)$/i.exec(s);
    return m ? new Uri(m[1], m[2]) : new Uri('file', s);
  }
  static joinPath(base, ...parts) {
    return new Uri(base.scheme, path.posix.join(base.path, ...parts));
  }
  with(change) {
    return new Uri(change.scheme ?? this.scheme, change.path ?? this.path);
  }
  toString() {
    return `${this.scheme}://${this.path}`;
  }
  toJSON() {
    return { scheme: this.scheme, path: this.path };
  }
}
class EventEmitter {
  constructor() {
    this.event = () => disposable();
  }
  fire() {}
  dispose() {}
}
class StubDisposable {
  constructor(f) {
    this.f = f;
  }
  dispose() {
    if (this.f) this.f();
  }
  static from(...items) {
    return new StubDisposable(() => items.forEach((d) => d && d.dispose && d.dispose()));
  }
}
class MarkdownString {
  constructor(value = '', supportThemeIcons = false) {
    this.value = value;
    this.supportThemeIcons = supportThemeIcons;
  }
  appendMarkdown(s) {
    this.value += s;
    return this;
  }
  appendText(s) {
    this.value += s;
    return this;
  }
  appendCodeblock(s) {
    this.value += `\n\`\`\`\n${s}\n\`\`\`\n`;
    return this;
  }
}
class Hover {
  constructor(contents, range) {
    this.contents = contents;
    this.range = range;
  }
}
const configuration = { get: (_key, fallback) => fallback, has: () => false, inspect: () => undefined, update: async () => {} };
const registrar = (name, onRegister) =>
  function (...args) {
    count(name);
    if (onRegister) onRegister(...args);
    return disposable();
  };

const vscode = namespace('vscode', {
  version: '1.96.0',
  Position,
  Range,
  Selection: Range,
  Uri,
  EventEmitter,
  Disposable: StubDisposable,
  MarkdownString,
  Hover,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  CodeActionKind: { QuickFix: { value: 'quickfix' } },
  window: namespace('window', {
    activeTextEditor: undefined,
    visibleTextEditors: [],
    createOutputChannel: (name) => namespace(`output ${name}`, { name, dispose() {} }),
    registerWebviewPanelSerializer: registrar('registerWebviewPanelSerializer'),
    registerWebviewViewProvider: registrar('registerWebviewViewProvider'),
    registerTreeDataProvider: registrar('registerTreeDataProvider'),
    // the views live in their own activity-bar container, closed by default: not visible
    createTreeView: (id) => {
      count('createTreeView');
      return namespace(`treeView ${id}`, { visible: false, onDidChangeVisibility: () => disposable(), reveal: async () => {}, dispose() {} });
    },
    registerCustomEditorProvider: registrar('registerCustomEditorProvider'),
    registerUriHandler: registrar('registerUriHandler'),
  }),
  commands: namespace('commands', {
    registerCommand: registrar('registerCommand'),
    registerTextEditorCommand: registrar('registerTextEditorCommand'),
    executeCommand: async () => undefined,
    getCommands: async () => [],
  }),
  languages: namespace('languages', {
    registerHoverProvider: registrar('registerHoverProvider', (_selector, provider) => hoverProviders.push(provider)),
    registerCodeLensProvider: registrar('registerCodeLensProvider'),
    registerDocumentLinkProvider: registrar('registerDocumentLinkProvider'),
    registerDocumentSymbolProvider: registrar('registerDocumentSymbolProvider'),
    registerCompletionItemProvider: registrar('registerCompletionItemProvider'),
    registerDefinitionProvider: registrar('registerDefinitionProvider'),
    registerCodeActionsProvider: registrar('registerCodeActionsProvider'),
    createDiagnosticCollection: () => namespace('diagnostics', { set() {}, delete() {}, clear() {}, dispose() {} }),
    match: () => 0,
  }),
  workspace: namespace('workspace', {
    workspaceFolders: undefined,
    textDocuments: [],
    getConfiguration: () => configuration,
    onDidChangeConfiguration: () => disposable(),
    onDidOpenTextDocument: () => disposable(),
    onDidCloseTextDocument: () => disposable(),
    onDidChangeTextDocument: () => disposable(),
    registerTextDocumentContentProvider: registrar('registerTextDocumentContentProvider'),
  }),
  extensions: namespace('extensions', { getExtension: () => undefined, all: [] }),
  env: namespace('env', { language: 'en', appName: 'Visual Studio Code', uiKind: 1, remoteName: undefined }),
  l10n: namespace('l10n', { t: (message, ...args) => String(typeof message === 'string' ? message : message.message).replace(/\{(\d+)\}/g, (_, i) => String(args[i])) }),
});

const originalLoad = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return vscode;
  return originalLoad.call(this, request, ...rest);
};

function memento() {
  const values = new Map();
  return { get: (k, d) => (values.has(k) ? values.get(k) : d), update: async (k, v) => void values.set(k, v), keys: () => [...values.keys()], setKeysForSync() {} };
}

/** A text document over a string, as hovers read it. */
function documentOf(text, languageId) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const offsetAt = (p) => Math.min(text.length, (starts[Math.min(p.line, starts.length - 1)] ?? 0) + p.character);
  const positionAt = (offset) => {
    const o = Math.max(0, Math.min(text.length, offset));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return new Position(lo, o - starts[lo]);
  };
  return {
    uri: Uri.file(path.join(root, 'samples', 'bench.sh')),
    fileName: path.join(root, 'samples', 'bench.sh'),
    languageId,
    version: 1,
    lineCount: starts.length,
    isUntitled: false,
    isDirty: false,
    offsetAt,
    positionAt,
    getText: (range) => (range ? text.slice(offsetAt(range.start), offsetAt(range.end)) : text),
    lineAt: (line) => ({ text: text.slice(starts[line], (starts[line + 1] ?? text.length + 1) - 1) }),
    getWordRangeAtPosition: () => undefined,
  };
}

async function settle() {
  // microtasks and immediates queued by activation, then any timer it set (up to 2 s)
  await new Promise((resolve) => setImmediate(resolve));
  const until = performance.now() + 2000;
  while (pending > 0 && performance.now() < until) await new Promise((resolve) => setImmediate(resolve));
}

async function main() {
  const t0 = performance.now();
  const extension = require(bundle);
  const requireMs = performance.now() - t0;

  const context = {
    subscriptions: [],
    extensionUri: Uri.file(root),
    extensionPath: root,
    asAbsolutePath: (p) => path.join(root, p),
    globalState: memento(),
    workspaceState: memento(),
    secrets: namespace('secrets', { get: async () => undefined, store: async () => {}, delete: async () => {} }),
    storageUri: undefined,
    globalStorageUri: Uri.file(path.join(root, 'out', 'bench', 'global-storage')),
    logUri: Uri.file(path.join(root, 'out', 'bench', 'logs')),
    extensionMode: 1,
    extension: { id: 'hypervisor-atlas.hypervisor-atlas', extensionUri: Uri.file(root), packageJSON: require(path.join(root, 'package.json')) },
    environmentVariableCollection: stub('environmentVariableCollection'),
  };
  tracking = true;
  const t1 = performance.now();
  const result = extension.activate(context);
  if (result && typeof result.then === 'function') await result;
  const syncMs = performance.now() - t1;
  await settle();
  const activateMs = syncMs + deferredMs;

  // idle-time work: wait for it to finish, measuring the longest stretch the event loop was blocked
  let warmUpMs = null;
  let warmUpMaxSliceMs = null;
  // the same in CPU time (user + system, all threads): on a busy machine wall time counts preemption
  let warmUpMaxSliceCpuMs = null;
  if (idlePending > 0) {
    const t = performance.now();
    let last = t;
    let lastCpu = process.cpuUsage();
    warmUpMaxSliceMs = 0;
    warmUpMaxSliceCpuMs = 0;
    // the warm-up's timers keep idlePending above 0 until its last slice
    while (idlePending > 0 && performance.now() - t < 10_000) {
      await new Promise((resolve) => setImmediate(resolve));
      const now = performance.now();
      warmUpMaxSliceMs = Math.max(warmUpMaxSliceMs, now - last);
      last = now;
      const cpu = process.cpuUsage(lastCpu);
      warmUpMaxSliceCpuMs = Math.max(warmUpMaxSliceCpuMs, (cpu.user + cpu.system) / 1000);
      lastCpu = process.cpuUsage();
    }
    warmUpMs = performance.now() - t;
  }
  tracking = false;

  // the first hover, after the idle-time warm-up (without one, it parses the knowledge base and builds the engine)
  let firstHoverMs = null;
  if (hoverProviders.length) {
    const text = 'virsh start web01\n# the host runs KVM with host-passthrough and virtio-net\nqemu-system-x86_64 -enable-kvm\n';
    const doc = documentOf(text, 'shellscript');
    const cancel = { isCancellationRequested: false, onCancellationRequested: () => disposable() };
    const at = doc.positionAt(text.indexOf('host-passthrough') + 3);
    const t2 = performance.now();
    let hover;
    for (const p of hoverProviders) hover = (await p.provideHover(doc, at, cancel)) ?? hover;
    firstHoverMs = performance.now() - t2;
    if (!hover) throw new Error('the first hover found no card at host-passthrough');
  }
  process.stdout.write(`${JSON.stringify({ requireMs, activateMs, syncMs, deferredMs, warmUpMs, warmUpMaxSliceMs, warmUpMaxSliceCpuMs, firstHoverMs, subscriptions: context.subscriptions.length, registered })}\n`);
  for (const d of context.subscriptions) if (d && typeof d.dispose === 'function') d.dispose();
  if (typeof extension.deactivate === 'function') await extension.deactivate();
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  },
);
