import type * as vscode from 'vscode';
import type { KnowledgeIndex } from '../core/knowledge/index';

/** What every feature's `register` receives. */
export interface FeatureDeps {
  /** The knowledge base; parsed on first call, so activation stays cheap. */
  knowledge: () => KnowledgeIndex;
  /** undefined once `knowledge()` answers without building anything; until then, a promise for when it will (built in slices). */
  whenReady: () => Promise<void> | undefined;
  /** The extension's own output channel for diagnostics. */
  log: vscode.LogOutputChannel;
  /** Ids of the commands registered so far; hover cards link only to these. */
  commands: Set<string>;
  extensionUri: vscode.Uri;
  /**
   * undefined once the workspace glossaries' first load is over (or none will load: Restricted
   * Mode); until then, a promise for when it is. `onDidChangeKnowledge` fires before it settles.
   */
  whenSettled: () => Promise<void> | undefined;
  /** Fires when `knowledge()` changed (a workspace glossary was loaded, edited or removed). */
  onDidChangeKnowledge: vscode.Event<void>;
}
