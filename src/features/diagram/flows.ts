/**
 * The flows a diagram page can play, resolved onto the boxes and edges of its layout. Pure
 * (no `vscode` import): the panel, the command and the tests call exactly this.
 */
import { firstStepWith, flowsOf, resolveFlow } from '../../core/diagram/flows';
import { drain, type Steps } from '../../core/diagram/steps';
import type { DiagramLayout } from '../../core/diagram/types';
import type { KnowledgeIndex } from '../../core/knowledge/index';
import type { Flow } from '../../core/knowledge/types';

export interface PageFlowStep {
  text: string;
  /** the entry the step links to, and its title */
  entry: string;
  entryTitle: string;
  source: { title: string; url: string };
  /** drawn boxes and edges the step highlights, in order */
  nodes: string[];
  edges: string[];
}

export interface PageFlow {
  id: string;
  title: string;
  summary: string;
  steps: PageFlowStep[];
}

/** A flow to start when the page opens: its id and the step (0-based). */
export interface FlowStart {
  id: string;
  step: number;
}

/** The flows of a system view, each step mapped onto the layout; none for other views. */
export function pageFlows(kb: KnowledgeIndex, layout: DiagramLayout): PageFlow[] {
  return drain(pageFlowsSteps(kb, layout));
}

/** `pageFlows` as steps, one flow each (see core/diagram/steps.ts). */
export function* pageFlowsSteps(kb: KnowledgeIndex, layout: DiagramLayout): Steps<PageFlow[]> {
  const system = /^system:(.+)$/.exec(layout.key)?.[1];
  if (!system) return [];
  const out: PageFlow[] = [];
  for (const flow of flowsOf(kb.flows, system)) {
    const resolved = resolveFlow(flow, layout);
    yield;
    if (resolved.problems.length) continue; // the build refuses these; a hand-built page skips them
    out.push({
      id: flow.id,
      title: flow.title,
      summary: flow.summary,
      steps: flow.steps.map((s, i) => ({
        text: s.text,
        entry: s.entry,
        entryTitle: kb.get(s.entry)?.title ?? s.entry,
        source: s.source,
        nodes: resolved.steps[i]!.nodes,
        edges: resolved.steps[i]!.edges,
      })),
    });
  }
  return out;
}

/** Where "Show how it works" starts a flow for an entry: the first step that shows it. */
export function flowStart(kb: KnowledgeIndex, flowId: string, entryId?: string): { flow: Flow; start: FlowStart } | undefined {
  const flow = kb.flows.find((f) => f.id === flowId);
  if (!flow) return undefined;
  return { flow, start: { id: flow.id, step: entryId ? firstStepWith(flow, entryId) : 0 } };
}
