/**
 * Misconception checks in the editor: diagnostics in Markdown, reStructuredText, AsciiDoc,
 * plain text and the comments of code (never its strings), with a quick fix where the
 * content marks the replacement as safe. Setting `hypervisorAtlas.checks.enabled` turns the
 * feature off, `hypervisorAtlas.checks.<name>` one check. Rechecks on edits, debounced; a big
 * document is read in paragraph-sized slices with pauses between them.
 */
import * as vscode from 'vscode';
import { findingMessage } from '../../core/checks/message';
import { checkInSlices } from '../../core/checks/slices';
import type { Finding } from '../../core/checks/types';
import type { FeatureDeps } from '../deps';
import { isAtlasDocument } from '../settings';

export const DIAGNOSTIC_SOURCE = 'Hypervisor Atlas';
const DEBOUNCE_MS = 400;
/** Documents beyond this are not checked (generated files, logs). */
const MAX_CHARS = 8 * 1024 * 1024;

function severity(s: Finding['severity']): vscode.DiagnosticSeverity {
  return s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

/** The settings: the feature switch and one switch per check (id without `check.`). */
function enabledChecks(document: vscode.TextDocument, ids: readonly string[]): Record<string, boolean> | undefined {
  const config = vscode.workspace.getConfiguration('hypervisorAtlas.checks', document);
  if (!config.get<boolean>('enabled', true)) return undefined;
  const out: Record<string, boolean> = {};
  for (const id of ids) {
    const name = id.replace(/^check\./, '');
    out[id] = config.get<boolean>(name, true) !== false;
  }
  return out;
}

class ChecksFeature implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('hypervisorAtlas.checks');
  private readonly findings = new Map<string, { version: number; findings: Finding[] }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generation = new Map<string, number>();
  /** the check under way for a document, if any */
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly deps: FeatureDeps) {}

  schedule(document: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.checkNow(document);
    }, delay));
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.findings.delete(key);
    this.generation.set(key, (this.generation.get(key) ?? 0) + 1);
    this.collection.delete(document.uri);
  }

  /** Checks the document now; resolves when its findings are in (or a newer check took over). */
  private checkNow(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const run = this.check(document)
      .catch((e: unknown) => this.deps.log.warn(`Checks failed on ${key}: ${String(e)}`))
      .finally(() => {
        if (this.running.get(key) === run) this.running.delete(key);
      });
    this.running.set(key, run);
    return run;
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const gen = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, gen);
    const knowledge = this.deps.knowledge();
    const enabled = isAtlasDocument(document) ? enabledChecks(document, knowledge.checks.map((c) => c.id)) : undefined;
    const text = enabled ? document.getText() : '';
    if (!enabled || text.length > MAX_CHARS) {
      this.findings.delete(key);
      this.collection.delete(document.uri);
      return;
    }
    const version = document.version;
    const stillCurrent = () => this.generation.get(key) === gen && !document.isClosed && document.version === version;
    const pause = () => new Promise<boolean>((resolve) => setTimeout(() => resolve(stillCurrent()), 0));
    const engine = await knowledge.checkEngineReady(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    if (!stillCurrent()) return;
    const found = await checkInSlices(text, { languageId: document.languageId, fileName: document.uri.path, enabled }, engine, pause);
    if (!found || !stillCurrent()) return;
    this.findings.set(key, { version, findings: found });
    this.collection.set(document.uri, found.map((f) => this.diagnostic(document, f)));
  }

  private diagnostic(document: vscode.TextDocument, f: Finding): vscode.Diagnostic {
    const range = new vscode.Range(document.positionAt(f.start), document.positionAt(f.end));
    const d = new vscode.Diagnostic(range, findingMessage(f, vscode.l10n.t), severity(f.severity));
    d.source = DIAGNOSTIC_SOURCE;
    const source = f.sources[0];
    d.code = source && /^https:\/\//.test(source.url) ? { value: f.checkId.replace(/^check\./, ''), target: vscode.Uri.parse(source.url) } : f.checkId.replace(/^check\./, '');
    return d;
  }

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const key = document.uri.toString();
    let known = this.findings.get(key);
    if (known?.version !== document.version) {
      // asked between an edit and its check (Ctrl+. right after typing): check now, in slices as ever
      if (this.timers.has(key)) {
        clearTimeout(this.timers.get(key));
        this.timers.delete(key);
        await this.checkNow(document);
      } else await this.running.get(key);
      if (token.isCancellationRequested) return [];
      known = this.findings.get(key);
    }
    if (!known || known.version !== document.version) return [];
    // the findings under the range, not only the diagnostics the request carries: the workbench
    // learns of new diagnostics a moment after the extension host, and a fix asked for in
    // between must not be missing
    const from = document.offsetAt(range.start);
    const to = document.offsetAt(range.end);
    const wanted = new Set(context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE).map((d) => `${document.offsetAt(d.range.start)}:${document.offsetAt(d.range.end)}`));
    const ours = this.collection.get(document.uri) ?? [];
    const actions: vscode.CodeAction[] = [];
    for (const f of known.findings) {
      if (f.replacement === undefined) continue;
      if (!wanted.has(`${f.start}:${f.end}`) && (f.end < from || f.start > to)) continue;
      const fixRange = new vscode.Range(document.positionAt(f.start), document.positionAt(f.end));
      const action = new vscode.CodeAction(vscode.l10n.t('Replace with "{0}"', f.replacement), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, fixRange, f.replacement);
      action.diagnostics = ours.filter((d) => d.range.isEqual(fixRange));
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }

  recheckAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.collection.dispose();
  }
}

export function register(_context: vscode.ExtensionContext, deps: FeatureDeps): vscode.Disposable[] {
  const feature = new ChecksFeature(deps);
  const disposables: vscode.Disposable[] = [
    feature,
    vscode.languages.registerCodeActionsProvider('*', feature, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.workspace.onDidOpenTextDocument((d) => feature.schedule(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) feature.schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => feature.forget(d)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('hypervisorAtlas.checks') || e.affectsConfiguration('hypervisorAtlas.exclude')) feature.recheckAll();
    }),
  ];
  for (const doc of vscode.workspace.textDocuments) feature.schedule(doc);
  return disposables;
}
