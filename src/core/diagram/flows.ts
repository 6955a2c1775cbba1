/**
 * Guided flows: an ordered walk through one system's diagram ("a synthetic disk write from an
 * enlightened child"). Content lives in content/flows/<system>/<id>.md; the build checks every
 * flow against the diagram model with `resolveFlow`, and the diagram page plays the result.
 */
import type { Flow } from '../knowledge/types';

export type { Flow, FlowStep } from '../knowledge/types';

/** What the resolver needs of a diagram: nodes with their entry, edges between node ids. */
export interface FlowGraph {
  nodes: readonly { id: string; entryId: string; layerKey?: string }[];
  edges: readonly { id: string; from: string; to: string; label: string }[];
}

/** One step with the drawn boxes and edges it highlights. */
export interface ResolvedStep {
  nodes: string[];
  edges: string[];
}

export interface ResolvedFlow {
  steps: ResolvedStep[];
  /** why a step cannot be drawn: a box the diagram lacks, two boxes no edge joins */
  problems: string[];
}

/** The VM a drawn copy belongs to (`…#2` layer copy, `…~2` per-VM copy), if any. */
function vmOf(n: { id: string; layerKey?: string }): number | undefined {
  const m = /~(\d+)$/.exec(n.id) ?? /#(\d+)$/.exec(n.layerKey ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * Maps every step's entry ids onto drawn boxes. Where an entry is drawn several times (one VSC
 * per child, one VMWP per VM), the walk stays in one VM: the first copy that reaches the next
 * box by an edge, preferring VM 1 and the copies already used by earlier steps.
 */
export function resolveFlow(flow: Pick<Flow, 'id' | 'steps'>, graph: FlowGraph): ResolvedFlow {
  const problems: string[] = [];
  const byEntry = new Map<string, { id: string; layerKey?: string }[]>();
  for (const n of graph.nodes) byEntry.set(n.entryId, [...(byEntry.get(n.entryId) ?? []), n]);
  const edgesBetween = (a: string, b: string, label?: string) =>
    graph.edges.filter((e) => ((e.from === a && e.to === b) || (e.from === b && e.to === a)) && (label === undefined || e.label === label));
  const used = new Set<string>();
  const rank = (n: { id: string; layerKey?: string }) => (used.has(n.id) ? 0 : vmOf(n) === undefined ? 1 : vmOf(n) === 1 ? 2 : 2 + vmOf(n)!);
  const candidates = (entry: string) => [...(byEntry.get(entry) ?? [])].sort((a, b) => rank(a) - rank(b));

  const steps: ResolvedStep[] = flow.steps.map((step, i) => {
    const where = `${flow.id} step ${i + 1}`;
    const missing = step.boxes.filter((b) => !byEntry.has(b));
    if (missing.length) {
      problems.push(`${where}: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not drawn in the diagram`);
      return { nodes: [], edges: [] };
    }
    // depth-first: the first chain of copies in which every consecutive pair shares an edge
    const walk = (k: number, chain: string[]): { nodes: string[]; edges: string[] } | undefined => {
      if (k === step.boxes.length) return { nodes: chain, edges: [] };
      for (const c of candidates(step.boxes[k]!)) {
        if (chain.includes(c.id)) continue;
        const prev = chain[chain.length - 1];
        const joining = prev === undefined ? [] : edgesBetween(prev, c.id, step.edge);
        if (prev !== undefined && joining.length === 0) continue;
        const rest = walk(k + 1, [...chain, c.id]);
        if (rest) return { nodes: rest.nodes, edges: [...joining.map((e) => e.id), ...rest.edges] };
      }
      return undefined;
    };
    const found = walk(0, []);
    if (!found) {
      const before = problems.length;
      for (let k = 1; k < step.boxes.length; k++) {
        const a = step.boxes[k - 1]!;
        const b = step.boxes[k]!;
        const joined = candidates(a).some((x) => candidates(b).some((y) => edgesBetween(x.id, y.id, step.edge).length > 0));
        if (!joined) {
          problems.push(`${where}: no edge${step.edge ? ` labelled "${step.edge}"` : ''} joins ${a} and ${b}; add the connection to the entry, with a source`);
        }
      }
      if (problems.length === before) problems.push(`${where}: the boxes ${step.boxes.join(' → ')} do not form one connected chain`);
      return { nodes: [], edges: [] };
    }
    for (const n of found.nodes) used.add(n);
    return found;
  });
  return { steps, problems };
}

/** The flows of one system, in content order (by title). */
export function flowsOf(flows: readonly Flow[], systemId: string): Flow[] {
  return flows.filter((f) => f.system === systemId);
}

/** The flows in which an entry is one of the boxes or a step's linked entry. */
export function flowsWithEntry(flows: readonly Flow[], entryId: string): Flow[] {
  return flows.filter((f) => f.steps.some((s) => s.entry === entryId || s.boxes.includes(entryId)));
}

/** The index of the first step that shows an entry, or 0. */
export function firstStepWith(flow: Flow, entryId: string): number {
  const i = flow.steps.findIndex((s) => s.boxes.includes(entryId) || s.entry === entryId);
  return i < 0 ? 0 : i;
}

/** The sentence the page announces for a step: "Step 2 of 5: …". */
export function stepAnnouncement(flow: Pick<Flow, 'title' | 'steps'>, index: number): string {
  const step = flow.steps[index];
  if (!step) return '';
  return `${flow.title}, step ${index + 1} of ${flow.steps.length}: ${step.text}`;
}
