/**
 * Workspace glossaries: entry files in the folders of `hypervisorAtlas.glossary.paths`, read
 * through `vscode.workspace.fs`, watched, checked like the bundled content (Problems panel,
 * quick fixes) and merged into every view. Loaded only in trusted workspaces.
 */
import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { FeatureDeps } from '../deps';
import { completions, keyHovers } from './front-matter';
import { DIAGNOSTIC_SOURCE, GlossaryFixes, quickFixes } from './quick-fixes';
import { glossaryFolders } from './read';
import type { GlossaryStore } from './store';
import { newEntryText, slug } from './template';

export { GlossaryStore } from './store';

/** How long after the last file event a glossary is reloaded (a save can fire several). */
const RELOAD_DELAY_MS = 150;

export function register(_context: vscode.ExtensionContext, deps: FeatureDeps, store: GlossaryStore, firstLoadDelayMs: number): vscode.Disposable[] {
  const diagnostics = vscode.languages.createDiagnosticCollection('hypervisorAtlas.glossary');
  const disposables: vscode.Disposable[] = [diagnostics];
  const fixes = new GlossaryFixes();
  let watchers: vscode.Disposable[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delay = RELOAD_DELAY_MS) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!vscode.workspace.isTrusted) return store.markSettled();
      store.reload().catch((e: unknown) => deps.log.warn(`Could not read the workspace glossary: ${String(e)}`));
    }, delay);
  };
  const watch = () => {
    for (const w of watchers) w.dispose();
    watchers = [];
    if (!vscode.workspace.isTrusted) return;
    for (const folder of glossaryFolders()) {
      const rel = folder.uri.path.slice(folder.workspaceFolder.uri.path.length).replace(/^\/+/, '');
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder.workspaceFolder, rel ? `${rel}/**` : '**/*.md'));
      watchers.push(w, w.onDidCreate(() => schedule()), w.onDidChange(() => schedule()), w.onDidDelete(() => schedule()));
    }
  };
  disposables.push({ dispose: () => watchers.forEach((w) => w.dispose()) }, { dispose: () => timer && clearTimeout(timer) });

  disposables.push(
    store.onDidChangeProblems((problems) => {
      diagnostics.clear();
      fixes.set(problems);
      const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
      for (const p of problems) {
        const d = new vscode.Diagnostic(new vscode.Range(Math.max(0, p.line - 1), 0, Math.max(0, p.line - 1), 1000), p.message, vscode.DiagnosticSeverity.Error);
        d.source = DIAGNOSTIC_SOURCE;
        const slot = byUri.get(p.uri.toString()) ?? { uri: p.uri, list: [] };
        slot.list.push(d);
        byUri.set(p.uri.toString(), slot);
      }
      for (const { uri, list } of byUri.values()) diagnostics.set(uri, list);
    }),
  );

  // open Markdown previews mark the new terms at once
  disposables.push(store.onDidChange(() => void Promise.resolve(vscode.commands.executeCommand('markdown.preview.refresh')).catch(() => undefined)));

  if (vscode.workspace.isTrusted) {
    watch();
    schedule(firstLoadDelayMs);
  } else {
    deps.log.info('Restricted Mode: workspace glossaries are not loaded until the workspace is trusted.');
    store.markSettled();
  }
  disposables.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      watch();
      schedule(0);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('hypervisorAtlas.glossary.paths')) return;
      watch();
      schedule(0);
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      watch();
      schedule(0);
    }),
  );

  const isGlossary = (document: vscode.TextDocument) =>
    document.uri.path.endsWith('.md') && glossaryFolders().some((f) => document.uri.scheme === f.uri.scheme && document.uri.path.startsWith(`${f.uri.path}/`));
  const selector: vscode.DocumentSelector = { language: 'markdown' };
  disposables.push(
    vscode.languages.registerCodeActionsProvider(selector, quickFixes(fixes), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.languages.registerCompletionItemProvider(selector, completions(deps.knowledge, isGlossary), ':', ' ', '[', ','),
    vscode.languages.registerHoverProvider(selector, keyHovers(isGlossary)),
    vscode.commands.registerCommand(Commands.newGlossaryEntry, async (title?: unknown) => {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Workspace glossaries work only in a trusted workspace.'));
        return undefined;
      }
      const folder = glossaryFolders()[0];
      if (!folder) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: glossary entries live in the folders of the setting Glossary: Paths (default .atlas).'));
        return undefined;
      }
      const name =
        typeof title === 'string' && title.length <= 200
          ? title
          : await vscode.window.showInputBox({ title: vscode.l10n.t('New Glossary Entry'), prompt: vscode.l10n.t('The term, as your team writes it'), placeHolder: vscode.l10n.t('Orion lab cluster'), validateInput: (v) => (v.trim() && v.length <= 200 ? undefined : vscode.l10n.t('Type a name of up to 200 characters')) });
      if (!name?.trim()) return undefined;
      let uri = vscode.Uri.joinPath(folder.uri, `${slug(name)}.md`);
      for (let i = 2; await exists(uri); i++) uri = vscode.Uri.joinPath(folder.uri, `${slug(name)}-${i}.md`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(newEntryText(name)));
      await vscode.window.showTextDocument(uri);
      return uri.toString();
    }),
  );
  deps.commands.add(Commands.newGlossaryEntry);
  return disposables;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
