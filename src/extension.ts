import * as vscode from 'vscode';
import { bundledKnowledge } from './core/knowledge/load';
import type { FeatureDeps } from './features/deps';
import * as diagram from './features/diagram/index';
import * as explain from './features/explain/index';
import * as hover from './features/hover/index';
import * as inFile from './features/in-file/index';
import * as languages from './features/languages/index';
import * as markdownPreview from './features/markdown-preview/index';
import * as tree from './features/tree/index';

/**
 * Wires the features; each `register` returns its disposables. Returns `extendMarkdownIt`, which
 * VS Code's Markdown preview calls (package.json: markdown.markdownItPlugins), and which bundle
 * runs (the tests check that a Node extension host loads `main`).
 */
export function activate(context: vscode.ExtensionContext): { extendMarkdownIt<T>(md: T): T; bundle: 'node' | 'web' } {
  const log = vscode.window.createOutputChannel('Hypervisor Atlas', { log: true });
  const deps: FeatureDeps = { knowledge: bundledKnowledge, log, commands: new Set(), extensionUri: context.extensionUri };
  context.subscriptions.push(log, ...explain.register(context, deps), ...hover.register(context, deps), ...diagram.register(context, deps), ...tree.register(context, deps), ...inFile.register(context, deps), ...languages.register(context, deps), ...markdownPreview.register(context, deps));
  return { extendMarkdownIt: (md) => markdownPreview.extendMarkdownIt(md, deps), bundle: __ATLAS_BUNDLE__ };
}

export function deactivate(): void {}
