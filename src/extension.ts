import * as vscode from 'vscode';
import { bundledKnowledge, knowledgeReady, warmUpKnowledge } from './core/knowledge/load';
import type { FeatureDeps } from './features/deps';
import * as checks from './features/checks/index';
import * as diagram from './features/diagram/index';
import * as explain from './features/explain/index';
import * as glossary from './features/glossary/index';
import * as hover from './features/hover/index';
import * as inFile from './features/in-file/index';
import * as links from './features/links/index';
import * as languages from './features/languages/index';
import * as markdownPreview from './features/markdown-preview/index';
import * as tree from './features/tree/index';
import * as walkthrough from './features/walkthrough/index';
import { loadKnowledgeFile } from './features/knowledge-file';

type Exports = { extendMarkdownIt<T>(md: T): T; bundle: 'node' | 'web' };

/**
 * Wires the features; each `register` returns its disposables. Returns `extendMarkdownIt`, which
 * VS Code's Markdown preview calls (package.json: markdown.markdownItPlugins), and which bundle
 * runs (the tests check that a Node extension host loads `main`). The web bundle first reads the
 * knowledge base, which it does not carry.
 */
export function activate(context: vscode.ExtensionContext): Exports | Promise<Exports> {
  if (__ATLAS_BUNDLE__ === 'web') return loadKnowledgeFile(context.extensionUri).then(() => wire(context));
  return wire(context);
}

function wire(context: vscode.ExtensionContext): Exports {
  const log = vscode.window.createOutputChannel('Hypervisor Atlas', { log: true });
  const store = new glossary.GlossaryStore(bundledKnowledge, log);
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const whenReady = () => (store.current() || knowledgeReady() ? undefined : warmUpKnowledge(pause));
  const deps: FeatureDeps = { knowledge: () => store.current() ?? bundledKnowledge(), whenReady, log, commands: new Set(), extensionUri: context.extensionUri, whenSettled: () => store.whenSettled(), onDidChangeKnowledge: store.onDidChange };
  context.subscriptions.push(log, store, ...glossary.register(context, deps, store, WARM_UP_DELAY_MS * 2), ...explain.register(context, deps), ...hover.register(context, deps), ...links.register(context, deps), ...diagram.register(context, deps), ...tree.register(context, deps), ...inFile.register(context, deps), ...languages.register(context, deps), ...markdownPreview.register(context, deps), ...walkthrough.register(context, deps), ...checks.register(context, deps));
  // build the knowledge index and term engine once activation is over, in short slices, so the
  // first hover finds them ready
  let disposed = false;
  context.subscriptions.push({ dispose: () => void (disposed = true) });
  const timer = setTimeout(() => {
    if (!disposed) warmUpKnowledge(pause).catch((e: unknown) => log.warn(`Could not prepare the knowledge base: ${String(e)}`));
  }, WARM_UP_DELAY_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return { extendMarkdownIt: (md) => markdownPreview.extendMarkdownIt(md, deps), bundle: __ATLAS_BUNDLE__ };
}

/** How long after activation the knowledge base is prepared (activation events come in bursts). */
export const WARM_UP_DELAY_MS = 250;

export function deactivate(): void {}
