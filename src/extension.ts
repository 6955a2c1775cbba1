import * as vscode from 'vscode';
import { bundledKnowledge } from './core/knowledge/load';
import type { FeatureDeps } from './features/deps';

/** Wires the features; each `register` returns its disposables. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Hypervisor Atlas', { log: true });
  const deps: FeatureDeps = { knowledge: bundledKnowledge, log };
  context.subscriptions.push(log);
  void deps;
}

export function deactivate(): void {}
