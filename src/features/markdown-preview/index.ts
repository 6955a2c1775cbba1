/**
 * Virtualization terms in VS Code's built-in Markdown preview. package.json declares
 * `markdown.markdownItPlugins: true` and the style sheet (`markdown.previewStyles`:
 * media/preview.css); the markdown extension activates us and calls the `extendMarkdownIt`
 * that activate() returns, which installs the pure plugin from src/core/render/markdown-terms.
 * Settings are read on every render; changing them refreshes open previews.
 */
import * as vscode from 'vscode';
import { markdownItTerms, type MarkdownItLike, type TermMarkerOptions } from '../../core/render/markdown-terms';
import type { FeatureDeps } from '../deps';
import { genericPolicy } from '../settings';

/**
 * The plugin's options from the settings (hypervisorAtlas.preview.*). Ordinary words that are
 * also terms (`memory`, `boot`, `host`) are marked only when hypervisorAtlas.genericTerms is
 * "always" for Markdown: in prose they are ordinary words far more often than xl.cfg keys, and a
 * wrong tooltip is worse than none.
 */
export function previewOptions(): TermMarkerOptions {
  const config = vscode.workspace.getConfiguration('hypervisorAtlas');
  return {
    enabled: config.get<boolean>('preview.enabled', true) !== false,
    markCode: config.get<boolean>('preview.markCode', false) === true,
    generic: genericPolicy({ languageId: 'markdown' }) === 'always' ? 'always' : 'never',
  };
}

/** Installs the term plugin on the preview's markdown-it instance and returns it. */
export function extendMarkdownIt<T>(md: T, deps: Pick<FeatureDeps, 'knowledge' | 'log'>): T {
  try {
    markdownItTerms(md as unknown as MarkdownItLike, { knowledge: deps.knowledge, options: previewOptions });
  } catch (e) {
    // never break the preview: without the plugin it still renders
    deps.log.error(`Markdown preview: could not install the term plugin: ${String(e)}`);
  }
  return md;
}

export function register(_context: vscode.ExtensionContext, deps: FeatureDeps): vscode.Disposable[] {
  return [
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('hypervisorAtlas.preview') && !e.affectsConfiguration('hypervisorAtlas.genericTerms')) return;
      // re-parses and re-renders every open preview (and drops the markdown extension's token cache)
      vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, (err: unknown) => deps.log.debug(`markdown.preview.refresh: ${String(err)}`));
    }),
  ];
}
