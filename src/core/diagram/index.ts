/**
 * Architecture diagrams from the knowledge base: which view, its model, its layout.
 * No `vscode` import: the extension, the CLI and the tests call exactly this.
 */
import type { KnowledgeIndex } from '../knowledge/index';
import type { Entry } from '../knowledge/types';
import { layoutModel } from './layout';
import { buildModel } from './model';
import { textWidth } from './text';
import type { DiagramLayout, LaidNode, TextItem } from './types';

export type { DiagramLayout, DiagramModel, LaidEdge, LaidFrame, LaidNode, Rect, TextItem } from './types';
export { buildModel } from './model';
export { layoutModel, METRICS } from './layout';

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

export function layoutView(kb: KnowledgeIndex, v: DiagramView): DiagramLayout {
  if (v.kind === 'system') return layoutModel(buildModel(kb, v.system), viewKey(v));
  return compareLayout(kb, v.left, v.right);
}

const SIDE_GAP = 64;
const HEADER_H = 48;

/**
 * Two stacks side by side, each drawn as in its own diagram, bottom-aligned so both hardware
 * rows sit on one line and the difference shows: the hypervisor on the hardware in Type 1,
 * the host operating system on the hardware in Type 2. Above each, the concept's title
 * (concept.type-1 / concept.type-2, selectable when the entry exists).
 */
export function compareLayout(kb: KnowledgeIndex, leftId: string, rightId: string): DiagramLayout {
  const key = viewKey({ kind: 'compare', left: leftId, right: rightId });
  const sides = [leftId, rightId].map((id) => layoutModel(buildModel(kb, id)));
  const maxH = Math.max(...sides.map((s) => s.height));
  const out: DiagramLayout = { key, title: 'Type 1 and Type 2 compared', width: 0, height: HEADER_H + maxH, frames: [], texts: [], nodes: [], edges: [], problems: [] };
  let x0 = 0;
  sides.forEach((side, k) => {
    const prefix = k === 0 ? 'L|' : 'R|';
    const dy = HEADER_H + (maxH - side.height);
    const system = kb.get(k === 0 ? leftId : rightId)!;
    const cls = system.classification === 'type2' ? 'type-2' : 'type-1';
    const heading = cls === 'type-1' ? 'Type 1: bare metal' : 'Type 2: hosted';
    const concept = kb.get(`concept.${cls}`);
    const hx = x0 + 16;
    const text: TextItem = { text: heading, x: hx + 8, y: 32, size: 18, bold: true, role: 'header' };
    const w = Math.ceil((textWidth(heading, 18) + 16) / 8) * 8;
    if (concept) {
      out.nodes.push({ id: `${prefix}concept@${concept.id}`, entryId: concept.id, kind: 'concept', x: hx, y: 8, w, h: 32, texts: [text], name: `${heading}, concept` });
    } else {
      out.texts.push(text);
    }
    const move = (x: number, y: number): [number, number] => [x + x0, y + dy];
    for (const f of side.frames) out.frames.push({ ...f, id: `${prefix}${f.id}`, x: f.x + x0, y: f.y + dy });
    for (const t of side.texts) out.texts.push({ ...t, x: t.x + x0, y: t.y + dy });
    for (const node of side.nodes) {
      const moved: LaidNode = { ...node, id: `${prefix}${node.id}`, x: node.x + x0, y: node.y + dy, texts: node.texts.map((t) => ({ ...t, x: t.x + x0, y: t.y + dy })) };
      out.nodes.push(moved);
    }
    for (const e of side.edges) {
      out.edges.push({ ...e, id: `${prefix}${e.id}`, from: `${prefix}${e.from}`, to: `${prefix}${e.to}`, points: e.points.map(([x, y]) => move(x, y)), labelAt: move(...e.labelAt) });
    }
    out.problems.push(...side.problems);
    x0 += side.width + SIDE_GAP;
  });
  out.width = x0 - SIDE_GAP;
  out.frames.push({ id: 'divider', kind: 'side', x: sides[0]!.width + SIDE_GAP / 2, y: 8, w: 0, h: out.height - 16 });
  return out;
}
