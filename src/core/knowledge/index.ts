import { TermMatcher } from '../matching/matcher';
import { CheckEngine } from '../checks/engine';
import type { CheckDef } from '../checks/types';
import type { Entry, EntryKind, Flow, KnowledgeBase } from './types';

export type { Entry, EntryKind, KnowledgeBase } from './types';

const KIND_ORDER: Record<EntryKind, number> = { system: 0, layer: 1, component: 2, concept: 3, format: 4, tool: 5, setting: 6 };

/** Lookups over the compiled knowledge base. Built once; every view reads it. */
export class KnowledgeIndex {
  readonly entries: readonly Entry[];
  /** guided flows through the diagrams */
  readonly flows: readonly Flow[];
  /** the misconception checks */
  readonly checks: readonly CheckDef[];
  private readonly byId = new Map<string, Entry>();
  private matcherInstance: TermMatcher | undefined;

  constructor(kb: KnowledgeBase) {
    this.entries = kb.entries;
    this.flows = kb.flows ?? [];
    this.checks = kb.checks ?? [];
    for (const e of kb.entries) {
      this.byId.set(e.id, e);
      for (const old of e.formerIds) if (!this.byId.has(old)) this.byId.set(old, e);
    }
  }

  private checkEngineInstance: CheckEngine | undefined;

  /** The misconception checks' engine, built on first use (or finished if `checkEngineReady` is building it). */
  get checkEngine(): CheckEngine {
    this.checkEngineInstance ??= new CheckEngine(this.checks, true);
    return this.checkEngineInstance.finish();
  }

  /** The checks' engine, compiled one check at a time with `pause` between slices of about `sliceMs`. */
  async checkEngineReady(pause: () => Promise<void>, sliceMs = 4, now: () => number = Date.now): Promise<CheckEngine> {
    this.checkEngineInstance ??= new CheckEngine(this.checks, true);
    const e = this.checkEngineInstance;
    let started = now();
    while (!e.step()) {
      if (now() - started >= sliceMs) {
        await pause();
        started = now();
      }
    }
    return e;
  }

  /** The term engine over every alias; built on first use, or finished if `warmUp` is building it. */
  get matcher(): TermMatcher {
    this.matcherInstance ??= (this.warming ?? new TermMatcher(this.entries)).finish();
    return this.matcherInstance;
  }

  private warming: TermMatcher | undefined;

  /** Whether the term engine is built. */
  get matcherReady(): boolean {
    return this.matcherInstance !== undefined;
  }

  /**
   * Builds the term engine in the background, in slices of about `sliceMs` with `pause`
   * between them, so the first lookup finds it ready.
   */
  async warmUp(pause: () => Promise<void>, sliceMs = 4, now: () => number = Date.now): Promise<void> {
    if (this.matcherInstance || this.warming) return;
    const m = new TermMatcher(this.entries, true);
    this.warming = m;
    let started = now();
    while (!this.matcherInstance && !m.step()) {
      if (now() - started >= sliceMs) {
        await pause();
        started = now();
      }
    }
    this.matcherInstance ??= m;
  }

  get(id: string): Entry | undefined {
    return this.byId.get(id);
  }

  /** Entries for ids, skipping any that do not resolve. */
  getAll(ids: readonly string[]): Entry[] {
    return ids.map((id) => this.byId.get(id)).filter((e): e is Entry => e !== undefined);
  }

  ofKind(kind: EntryKind): Entry[] {
    return this.entries.filter((e) => e.kind === kind);
  }

  systems(): Entry[] {
    return this.ofKind('system');
  }

  /** A system's layers from hardware up, flattened row by row. */
  layersOf(systemId: string): Entry[] {
    const system = this.byId.get(systemId);
    return this.getAll((system?.stack ?? []).flat());
  }

  /** The components drawn in a layer. */
  componentsOf(layerId: string): Entry[] {
    return this.entries.filter((e) => e.layers.includes(layerId));
  }

  /** Entries that belong to a system but to none of its layers. */
  unlayeredOf(systemId: string): Entry[] {
    const layers = new Set(this.layersOf(systemId).map((l) => l.id));
    return this.entries.filter(
      (e) => e.systems.includes(systemId) && e.kind !== 'layer' && e.kind !== 'system' && !e.layers.some((l) => layers.has(l)),
    );
  }

  /**
   * Resolves what a person typed: an alias or id or title, exactly; then a search.
   * Returns the best entry, or undefined.
   */
  resolve(term: string): Entry | undefined {
    const t = term.trim();
    if (!t) return undefined;
    const byId = this.byId.get(t.toLowerCase());
    if (byId) return byId;
    const lower = t.toLowerCase();
    const byTitle = this.entries.find((e) => e.title.toLowerCase() === lower || e.short?.toLowerCase() === lower);
    if (byTitle) return byTitle;
    const m = this.matcher.lookupTerm(t);
    if (m) return this.byId.get(m.id);
    return undefined;
  }

  /** Entries whose title, short form, id or aliases contain every word of the query, best first. */
  search(query: string, limit = 50): Entry[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [...this.entries].sort(byKindThenTitle).slice(0, limit);
    const scored: { e: Entry; score: number }[] = [];
    for (const e of this.entries) {
      const title = e.title.toLowerCase();
      const names = [title, e.short?.toLowerCase() ?? '', e.id, ...e.aliases.map((a) => a.toLowerCase())];
      let score = 0;
      let all = true;
      for (const w of words) {
        if (names.some((n) => n === w)) score += 4;
        else if (title.startsWith(w) || names.some((n) => n.startsWith(w))) score += 2;
        else if (names.some((n) => n.includes(w))) score += 1;
        else if (e.summary.toLowerCase().includes(w)) score += 0.25;
        else {
          all = false;
          break;
        }
      }
      if (all) scored.push({ e, score });
    }
    scored.sort((a, b) => b.score - a.score || byKindThenTitle(a.e, b.e));
    return scored.slice(0, limit).map((s) => s.e);
  }
}

function byKindThenTitle(a: Entry, b: Entry): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.title.localeCompare(b.title);
}
