/**
 * Architecture diagrams from the knowledge base: which view, its model, its layout.
 * No `vscode` import: the extension, the CLI and the tests call exactly this.
 */
import type { KnowledgeIndex } from '../knowledge/index';
import type { Entry } from '../knowledge/types';
import { english, type Translate } from '../l10n';
import { compareView } from './compare';
import { layoutSteps } from './layout';
import { buildModel } from './model';
import { drain, inSlices, type Steps } from './steps';
import type { DiagramLayout } from './types';

export type { DiagramLayout, DiagramModel, LaidEdge, LaidFrame, LaidNode, Rect, TextItem } from './types';
export { buildModel } from './model';
export { layoutModel, layoutSteps, METRICS } from './layout';
export { drain, inSlices, type Steps } from './steps';
export { compareView, COMPARISON_ENTRY, STACKS } from './compare';

export type DiagramView = { kind: 'system'; system: string } | { kind: 'compare'; left: string; right: string };

const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

export function viewKey(v: DiagramView): string {
  return v.kind === 'system' ? `system:${v.system}` : `compare:${v.left}:${v.right}`;
}

export function parseViewKey(key: unknown): DiagramView | undefined {
  if (typeof key !== 'string' || key.length > 200) return undefined;
  const parts = key.split(':');
  if (parts[0] === 'system' && parts.length === 2 && ID.test(parts[1]!)) return { kind: 'system', system: parts[1]! };
  if (parts[0] === 'compare' && parts.length === 3 && ID.test(parts[1]!) && ID.test(parts[2]!)) return { kind: 'compare', left: parts[1]!, right: parts[2]! };
  return undefined;
}

/** Whether every system the view names exists. */
export function viewExists(kb: KnowledgeIndex, v: DiagramView): boolean {
  const isSystem = (id: string) => kb.get(id)?.kind === 'system';
  return v.kind === 'system' ? isSystem(v.system) : isSystem(v.left) && isSystem(v.right);
}

/** Systems that have a stack to draw, Hyper-V first, then by title. */
export function drawableSystems(kb: KnowledgeIndex): Entry[] {
  return kb
    .systems()
    .filter((s) => (s.stack?.length ?? 0) > 0)
    .sort((a, b) => (a.id === 'hyperv' ? -1 : b.id === 'hyperv' ? 1 : a.title.localeCompare(b.title)));
}

const TYPE1_PREFERENCE = ['hyperv', 'esxi', 'xen', 'kvm'];
const TYPE2_PREFERENCE = ['virtualbox', 'workstation'];

/** The default pair for "Compare Type 1 and Type 2": Hyper-V (or ESXi…) and VirtualBox (or Workstation). */
export function comparePair(kb: KnowledgeIndex): { left: string; right: string } | undefined {
  const systems = drawableSystems(kb);
  const pick = (cls: 'type1' | 'type2', pref: string[]) => {
    const of = systems.filter((s) => s.classification === cls);
    return pref.map((id) => of.find((s) => s.id === id)).find(Boolean) ?? of[0];
  };
  const left = pick('type1', TYPE1_PREFERENCE);
  const right = pick('type2', TYPE2_PREFERENCE);
  return left && right ? { left: left.id, right: right.id } : undefined;
}

export function layoutView(kb: KnowledgeIndex, v: DiagramView, t: Translate = english): DiagramLayout {
  return drain(layoutViewSteps(kb, v, t));
}

/** `layoutView` in slices of about `sliceMs` with `pause` between them; undefined when `pause` resolves false. */
export function layoutViewSliced(kb: KnowledgeIndex, v: DiagramView, t: Translate, pause: () => Promise<boolean | void>, sliceMs = 4): Promise<DiagramLayout | undefined> {
  return inSlices(layoutViewSteps(kb, v, t), pause, sliceMs);
}

/** `layoutView` as steps (see steps.ts). */
export function* layoutViewSteps(kb: KnowledgeIndex, v: DiagramView, t: Translate = english): Steps<DiagramLayout> {
  if (v.kind === 'compare') return compareView(kb, viewKey(v), t);
  const model = buildModel(kb, v.system, undefined, t);
  yield;
  return yield* layoutSteps(model, viewKey(v), t);
}
