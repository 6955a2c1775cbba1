import * as vscode from 'vscode';
import type { ProblemFix } from '../../core/glossary/entry';
import { compileGlossaryInSlices, mergeGlossary } from '../../core/glossary/workspace';
import type { KnowledgeIndex } from '../../core/knowledge/index';
import { SLICE_MS, warmUpKnowledge } from '../../core/knowledge/load';
import { glossaryFolders, readGlossaries } from './read';

export interface GlossaryProblem {
  uri: vscode.Uri;
  line: number;
  message: string;
  /** what a quick fix can do about it (quick-fixes.ts) */
  fix?: ProblemFix;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * The knowledge base with the workspace glossaries merged in. Rebuilt when a glossary file is
 * saved, created or deleted (never per keystroke), in slices; until a rebuild is ready, the
 * previous index keeps answering.
 */
export class GlossaryStore implements vscode.Disposable {
  private merged: KnowledgeIndex | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly problemsChanged = new vscode.EventEmitter<GlossaryProblem[]>();
  readonly onDidChangeProblems = this.problemsChanged.event;
  private generation = 0;
  private running: Promise<void> | undefined;
  private again = false;
  private settled = false;
  private settle: () => void = () => undefined;
  private readonly firstLoad = new Promise<void>((resolve) => (this.settle = resolve));
  /** the number of workspace entries and files loaded, for the log */
  stats = { entries: 0, files: 0, problems: 0 };

  constructor(private readonly base: () => KnowledgeIndex, private readonly log: vscode.LogOutputChannel) {}

  /** The merged index, or undefined when no glossary entry is loaded. */
  current(): KnowledgeIndex | undefined {
    return this.merged;
  }

  /** undefined once the first load is over (or `markSettled` said none will run); else a promise for it. */
  whenSettled(): Promise<void> | undefined {
    return this.settled ? undefined : this.firstLoad;
  }

  /** The first load is over, or none will run (Restricted Mode). */
  markSettled(): void {
    if (this.settled) return;
    this.settled = true;
    this.settle();
  }

  /** Reloads every glossary; calls that come while one runs are folded into one more run. */
  reload(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.load();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
      this.markSettled();
    });
    return this.running;
  }

  /** Drops every workspace entry (Restricted Mode, or no glossary folders). */
  clear(): void {
    this.generation++;
    const had = this.merged !== undefined;
    this.merged = undefined;
    this.problemsChanged.fire([]);
    if (had) this.changed.fire();
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    const read = await readGlossaries(glossaryFolders());
    await warmUpKnowledge(pause);
    const base = this.base();
    const result = await compileGlossaryInSlices(base, read.files, pause, SLICE_MS, now, vscode.l10n.t);
    const merged = mergeGlossary(base, result);
    if (merged !== base) await merged.warmUp(pause, SLICE_MS, now);
    if (generation !== this.generation) return;
    const uriOf = new Map(read.files.map((f) => [f.path, f.uri]));
    const problems: GlossaryProblem[] = [
      ...read.problems.map((p) => ({ uri: p.uri, line: p.line, message: p.message })),
      ...result.problems.flatMap((p) => {
        const uri = uriOf.get(p.file);
        return uri ? [{ uri, line: p.line, message: p.message, ...(p.fix ? { fix: p.fix } : {}) }] : [];
      }),
    ];
    const had = this.merged !== undefined;
    this.merged = merged === base ? undefined : merged;
    this.stats = { entries: result.entries.length, files: read.files.length, problems: problems.length };
    this.log.info(`Workspace glossary: ${result.entries.length} entries and ${result.extensions.size} extended entries from ${read.files.length} files, ${problems.length} problem(s)`);
    this.problemsChanged.fire(problems);
    if (had || this.merged) this.changed.fire();
  }

  dispose(): void {
    this.generation++;
    this.changed.dispose();
    this.problemsChanged.dispose();
  }
}
