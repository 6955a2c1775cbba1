/**
 * "In This File" (view `hypervisorAtlas.inFile`): the virtualization terms of the active
 * editor, grouped by entry with a count; expanding one lists where it occurs, and selecting
 * an occurrence moves the cursor there. Rescans on switching editors and (debounced) on
 * edits; big files are read in chunks, capped, and the view says when the list is partial.
 */
import * as vscode from 'vscode';
import type { Entry } from '../../core/knowledge/types';
import { kindLabels } from '../../core/render/words';
import { escapeMarkdown } from '../../core/render/markdown';
import { Commands } from '../commands';
import type { FeatureDeps } from '../deps';
import { documentProfile } from '../languages/profile';
import { genericPolicy, isAtlasDocument } from '../settings';
import { arrange, isGenericGroup, type GroupBy, type Section, type SortBy } from './arrange';
import { DEFAULT_LIMITS, formatCount, partialMessage, scanText, type InFileResult, type Occurrence, type ScanLimits, type TermGroup } from './scan';

export const IN_FILE_VIEW = 'hypervisorAtlas.inFile';
/** Context key the view's welcome content reads: noEditor | excluded | scanning | none | found */
export const STATE_KEY = 'hypervisorAtlas.inFile.state';

type State = 'noEditor' | 'excluded' | 'scanning' | 'none' | 'found';

export interface GroupElement {
  type: 'group';
  entryId: string;
  group: TermGroup;
}
export interface OccurrenceElement {
  type: 'occurrence';
  entryId: string;
  index: number;
  occurrence: Occurrence;
}
export interface SectionElement {
  type: 'section';
  section: Section;
}
export type InFileElement = SectionElement | GroupElement | OccurrenceElement;

/** Documents of panels rather than files: while one is active, the view keeps the file it showed. */
const PANEL_SCHEMES = new Set(['output', 'debug', 'vscode-scm', 'comment', 'vscode-terminal', 'vscode-chat-code-block']);

const DEBOUNCE_MS = 300;
const DEBOUNCE_LARGE_MS = 1000;
const LARGE_CHARS = 1_000_000;

function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}

export class InFileProvider implements vscode.TreeDataProvider<InFileElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<InFileElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: vscode.TreeView<InFileElement> | undefined;
  private document: vscode.TextDocument | undefined;
  private result: InFileResult | undefined;
  private groups: GroupElement[] = [];
  private sections: SectionElement[] = [];
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = true;
  private state: State | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** resolves when the scan in flight (if any) has settled; for tests and commands */
  private settled: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: FeatureDeps,
    private readonly limits: ScanLimits = DEFAULT_LIMITS,
  ) {}

  attach(view: vscode.TreeView<InFileElement>): void {
    this.view = view;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.window.onDidChangeVisibleTextEditors(() => {
        if (this.document && !vscode.window.visibleTextEditors.some((e) => e.document === this.document)) this.schedule(0);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length) this.schedule(documentLength(e.document) > LARGE_CHARS ? DEBOUNCE_LARGE_MS : DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) this.schedule(0);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('hypervisorAtlas.exclude') || e.affectsConfiguration('hypervisorAtlas.genericTerms')) this.schedule(0);
        else if (e.affectsConfiguration('hypervisorAtlas.inFile')) this.rearrange();
      }),
      view.onDidChangeVisibility((e) => {
        if (e.visible && this.dirty) this.schedule(0);
      }),
    );
    this.schedule(0);
  }

  /** Rescans after `delay` ms; only while the view is visible (otherwise on becoming visible). */
  schedule(delay: number): void {
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    this.generation++; // a scan in flight is now stale
    if (this.view && !this.view.visible) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.settled = this.rescan();
    }, delay);
  }

  /** Rescans now and resolves when the view shows the result. */
  async refresh(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.generation++;
    this.settled = this.rescan();
    await this.settled;
  }

  /** Resolves once no rescan is pending or running (scanning now if the view was hidden). */
  async idle(): Promise<void> {
    if (this.dirty && !this.timer) await this.refresh();
    for (let i = 0; i < 50; i++) {
      if (this.timer) await new Promise((r) => setTimeout(r, 25));
      else {
        const s = this.settled;
        await s;
        if (s === this.settled && !this.timer) return;
      }
    }
  }

  /** The document the view lists: the active editor's, or the last one while it stays visible (a card beside it takes focus). */
  private pickDocument(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    const previous = this.document && !this.document.isClosed && vscode.window.visibleTextEditors.some((e) => e.document === this.document) ? this.document : undefined;
    // clicking into the Output panel or the SCM input makes that the "active editor": keep the file
    if (active && !(PANEL_SCHEMES.has(active.uri.scheme) && previous)) return active;
    return previous;
  }

  private async rescan(): Promise<void> {
    const generation = ++this.generation;
    this.dirty = false;
    const doc = this.pickDocument();
    this.document = doc;
    if (!doc) return this.show(generation, 'noEditor', undefined);
    if (!isAtlasDocument(doc)) return this.show(generation, 'excluded', undefined);
    const started = Date.now();
    if (!this.result) await this.setState('scanning');
    const length = documentLength(doc);
    const text = length > this.limits.maxChars ? doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(this.limits.maxChars + 1024))) : doc.getText();
    try {
      const result = await scanText(this.deps.knowledge().matcher, text, {
        generic: genericPolicy(doc),
        systems: documentProfile(doc).systems,
        contexts: documentProfile(doc).contexts,
        regions: documentProfile(doc).regions,
        limits: this.limits,
        isCancelled: () => generation !== this.generation,
      });
      if (!result) return; // a newer scan replaced this one
      if (length > text.length) {
        result.textLength = length;
        result.truncated ??= 'size';
      }
      this.deps.log.trace(`in this file: ${result.total} matches in ${doc.uri.toString(true)} (${Date.now() - started} ms)`);
      return this.show(generation, result.total ? 'found' : 'none', result);
    } catch (e) {
      this.deps.log.error(`in this file: scan failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return this.show(generation, 'none', undefined);
    }
  }

  private async show(generation: number, state: State, result: InFileResult | undefined): Promise<void> {
    if (generation !== this.generation) return;
    this.result = result;
    this.arrangeGroups(result);
    await this.setState(state);
    if (this.view) {
      this.view.message = result ? partialMessage(result, vscode.l10n.t) : undefined;
      const name = this.document ? this.document.uri.path.split('/').pop() : undefined;
      this.view.description = name && state !== 'noEditor' ? (result?.total ? `${name} · ${terms(this.groups.length)}` : name) : undefined;
    }
    this.changed.fire(undefined);
  }

  /** Groups and orders the terms as the settings say (no rescan). */
  private arrangeGroups(result: InFileResult | undefined): void {
    const kb = this.deps.knowledge();
    const { groupBy, sortBy } = arrangement();
    const sections = arrange((result?.groups ?? []).filter((g) => kb.get(g.id)), (id) => kb.get(id), { groupBy, sortBy }, vscode.l10n.t);
    this.sections = groupBy === 'none' ? [] : sections.map((section) => ({ type: 'section', section }));
    this.groups = sections.flatMap((s) => s.groups.map((group): GroupElement => ({ type: 'group', entryId: group.id, group })));
  }

  private rearrange(): void {
    this.arrangeGroups(this.result);
    this.changed.fire(undefined);
  }

  private async setState(state: State): Promise<void> {
    if (state === this.state) return;
    this.state = state;
    await vscode.commands.executeCommand('setContext', STATE_KEY, state);
  }

  /** What the view shows now (for tests and the status of commands). */
  snapshot(): { uri?: string; state?: string; message?: string; sections: { label: string; ids: string[] }[]; groups: { id: string; count: number; lines: number[]; generic: boolean }[] } {
    return {
      uri: this.document?.uri.toString(),
      state: this.state,
      message: this.view?.message,
      sections: this.sections.map((s) => ({ label: s.section.label, ids: s.section.groups.map((g) => g.id) })),
      groups: this.groups.map((g) => ({ id: g.entryId, count: g.group.occurrences.length, lines: g.group.occurrences.map((o) => o.line + 1), generic: isGenericGroup(g.group) })),
    };
  }

  getChildren(element?: InFileElement): InFileElement[] {
    if (!element) return this.sections.length ? this.sections : this.groups;
    if (element.type === 'section') return this.groups.filter((g) => element.section.groups.includes(g.group));
    if (element.type === 'group') return element.group.occurrences.map((occurrence, index) => ({ type: 'occurrence', entryId: element.entryId, index, occurrence }));
    return [];
  }

  getParent(element: InFileElement): InFileElement | undefined {
    if (element.type === 'section') return undefined;
    if (element.type === 'group') return this.sections.find((s) => s.section.groups.includes(element.group));
    return this.groups.find((g) => g.entryId === element.entryId);
  }

  getTreeItem(element: InFileElement): vscode.TreeItem {
    const kb = this.deps.knowledge();
    if (element.type === 'section') return sectionItem(element.section);
    const entry = kb.get(element.entryId);
    if (element.type === 'group') return groupItem(element, entry);
    const o = element.occurrence;
    const label = `${o.line + 1}: `;
    const item = new vscode.TreeItem({ label: label + o.preview, highlights: [[label.length + o.highlight[0], label.length + o.highlight[1]]] }, vscode.TreeItemCollapsibleState.None);
    item.id = `${element.entryId}#${element.index}`;
    const notes = [o.generic ? vscode.l10n.t('common word, near a specific term') : '', o.candidates?.length ? vscode.l10n.t('can also mean {0}', kb.getAll(o.candidates).map((c) => c.title).join(', ')) : ''].filter(Boolean);
    item.description = notes.join(' · ');
    item.tooltip = new vscode.MarkdownString(
      `${vscode.l10n.t('Line {0}, column {1}', o.line + 1, o.character + 1)}: \`${o.text.replace(/`/g, "'").replace(/\s+/g, ' ')}\`${entry ? ` → **${escapeMarkdown(entry.title)}**` : ''}${notes.length ? `\n\n${escapeMarkdown(notes.join('; '))}` : ''}`,
    );
    item.iconPath = new vscode.ThemeIcon('location');
    item.contextValue = 'occurrence';
    item.accessibilityInformation = { label: vscode.l10n.t('Line {0}: {1}', o.line + 1, o.preview), role: 'treeitem' };
    item.command = {
      command: Commands.inFileGoTo,
      title: vscode.l10n.t('Go to Occurrence'),
      arguments: [this.document?.uri.toString(), o.line, o.character, o.endLine, o.endCharacter],
    };
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.generation++;
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function arrangement(): { groupBy: GroupBy; sortBy: SortBy } {
  const config = vscode.workspace.getConfiguration('hypervisorAtlas.inFile');
  const groupBy = config.get<string>('groupBy', 'none');
  const sortBy = config.get<string>('sortBy', 'position');
  return { groupBy: groupBy === 'system' || groupBy === 'kind' ? groupBy : 'none', sortBy: sortBy === 'count' ? 'count' : 'position' };
}

function terms(n: number): string {
  return n === 1 ? vscode.l10n.t('1 term') : vscode.l10n.t('{0} terms', formatCount(n));
}

function matches(n: number): string {
  return n === 1 ? vscode.l10n.t('1 match') : vscode.l10n.t('{0} matches', formatCount(n));
}

function sectionItem(section: Section): vscode.TreeItem {
  const count = section.groups.length;
  const item = new vscode.TreeItem(section.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `section:${section.key}`;
  item.description = terms(count);
  item.contextValue = 'section';
  item.accessibilityInformation = { label: `${section.label}, ${item.description}`, role: 'treeitem' };
  return item;
}

const GROUP_CHOICES: { value: GroupBy; label: string; detail: string }[] = [
  { value: 'none', label: vscode.l10n.t('Terms'), detail: vscode.l10n.t('One list of terms') },
  { value: 'system', label: vscode.l10n.t('System'), detail: vscode.l10n.t('Hyper-V, KVM, Xen, … and the terms shared across systems') },
  { value: 'kind', label: vscode.l10n.t('Kind'), detail: vscode.l10n.t('Components, settings, tools, concepts, …') },
];
const SORT_CHOICES: { value: SortBy; label: string; detail: string }[] = [
  { value: 'position', label: vscode.l10n.t('First occurrence'), detail: vscode.l10n.t('In the order the file first uses them') },
  { value: 'count', label: vscode.l10n.t('Count'), detail: vscode.l10n.t('Most used first') },
];

/** Group By… / Sort By…: a quick pick, or the value given (from tests and keybindings). */
async function choose<T extends string>(key: 'groupBy' | 'sortBy', choices: { value: T; label: string; detail: string }[], given: unknown, placeHolder: string): Promise<T | undefined> {
  const config = vscode.workspace.getConfiguration('hypervisorAtlas.inFile');
  let value = choices.find((c) => c.value === given)?.value;
  if (value === undefined) {
    const current = config.get<string>(key);
    const picked = await vscode.window.showQuickPick(
      choices.map((c) => ({ label: c.label, detail: c.detail, description: c.value === current ? vscode.l10n.t('current') : undefined, value: c.value })),
      { placeHolder },
    );
    value = picked?.value;
  }
  if (value !== undefined) await config.update(key, value, vscode.ConfigurationTarget.Global);
  return value;
}

function groupItem(element: GroupElement, entry: Entry | undefined): vscode.TreeItem {
  const count = element.group.occurrences.length;
  const item = new vscode.TreeItem(entry?.title ?? element.entryId, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = element.entryId;
  const short = entry?.short && entry.short !== entry.title ? entry.short : undefined;
  const notes = [short, matches(count), isGenericGroup(element.group) ? vscode.l10n.t('common word') : undefined, entry?.workspace ? vscode.l10n.t('workspace') : undefined];
  item.description = notes.filter(Boolean).join(' · ');
  if (entry) {
    const origin = entry.workspace && entry.file ? `\n\n${vscode.l10n.t('From the workspace glossary {0}', escapeMarkdown(entry.file))}` : '';
    item.tooltip = new vscode.MarkdownString(
      `**${escapeMarkdown(entry.title)}**${short ? ` (${escapeMarkdown(short)})` : ''} · *${kindLabels(vscode.l10n.t)[entry.kind]}*\n\n${escapeMarkdown(entry.summary)}${origin}\n\n${count === 1 ? vscode.l10n.t('1 match in this file') : vscode.l10n.t('{0} matches in this file', formatCount(count))}`,
    );
    item.iconPath = new vscode.ThemeIcon(kindIcon(entry));
    item.contextValue = `entry kind-${entry.kind}${entry.sources.length ? ' source' : ''}`;
  }
  item.accessibilityInformation = { label: `${entry?.title ?? element.entryId}, ${item.description}`, role: 'treeitem' };
  return item;
}

function kindIcon(entry: Entry): string {
  if (entry.id.startsWith('hw.')) return 'circuit-board';
  return { system: 'server-environment', layer: 'layers', component: 'symbol-class', concept: 'lightbulb', format: 'file-binary', tool: 'tools', setting: 'settings-gear' }[entry.kind];
}

/** Moves the cursor to an occurrence, in the editor that shows the document (or a new one). */
async function goTo(uri: unknown, line: unknown, character: unknown, endLine: unknown, endCharacter: unknown): Promise<boolean> {
  if (typeof uri !== 'string' || ![line, character, endLine, endCharacter].every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) return false;
  const target = vscode.Uri.parse(uri, true);
  const range = new vscode.Range(line as number, character as number, endLine as number, endCharacter as number);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
  const doc = visible?.document ?? (await vscode.workspace.openTextDocument(target));
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn, selection: range, preserveFocus: false, preview: false });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

export function register(_context: vscode.ExtensionContext, deps: FeatureDeps): vscode.Disposable[] {
  const provider = new InFileProvider(deps);
  const view = vscode.window.createTreeView(IN_FILE_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  const disposables: vscode.Disposable[] = [
    provider,
    view,
    deps.onDidChangeKnowledge(() => void provider.refresh()),
    vscode.commands.registerCommand(Commands.inFileGoTo, goTo),
    vscode.commands.registerCommand(Commands.inFileGroupBy, (value?: unknown) => choose('groupBy', GROUP_CHOICES, value, vscode.l10n.t('Group the terms of this file by'))),
    vscode.commands.registerCommand(Commands.inFileSortBy, (value?: unknown) => choose('sortBy', SORT_CHOICES, value, vscode.l10n.t('Sort the terms of this file by'))),
    vscode.commands.registerCommand(Commands.inFileRefresh, async () => {
      await provider.refresh();
      return provider.snapshot();
    }),
    // for the workbench tests: what the view lists once pending scans settle
    vscode.commands.registerCommand(Commands.inFileSnapshot, async () => {
      await provider.idle();
      return provider.snapshot();
    }),
  ];
  for (const c of [Commands.inFileGoTo, Commands.inFileRefresh]) deps.commands.add(c);
  return disposables;
}
