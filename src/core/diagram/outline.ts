/**
 * The diagram as a text outline a screen reader can browse: groups (a system's layers, the
 * comparison's stacks) → the boxes in them → each box's connections. Pure data, plus the
 * keyboard model of an ARIA tree (which item an arrow key moves to), so both are unit-tested
 * and the webview only renders and wires them.
 */
import { english, fill, messages, type Translate } from '../l10n';
import { readingOrder } from './navigate';
import type { DiagramLayout, LaidNode } from './types';

export interface OutlineItem {
  /** unique in the outline */
  id: string;
  label: string;
  /** read after the label, shown smaller */
  description?: string;
  /** the drawn box this item selects (for a connection: the box at its other end) */
  nodeId?: string;
  children: OutlineItem[];
}

const plain = (n: LaidNode) => n.texts.map((t) => t.text).join(' ');

const words = messages({
  /** the group of boxes drawn beside a system's stack */
  outside: 'Outside this stack',
  /** a connection out of a box; {0}: the box at its other end, {1}: its mechanism */
  to: 'to {0}: {1}',
  /** a connection into a box; {0}: the box at its other end, {1}: its mechanism */
  from: 'from {0}: {1}',
});

export type OutlineWords = ReturnType<typeof words>;

/**
 * The outline's words in the language of `t`. The webview has no Translate: the extension
 * sends these with the page's other strings (src/features/diagram/strings.ts).
 */
export const outlineWords = (t: Translate = english): OutlineWords => words(t);

/** Outline of a laid-out diagram, groups in drawing order (top to bottom). */
export function outlineOf(layout: DiagramLayout, w: OutlineWords = outlineWords()): OutlineItem[] {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const groups = new Map<string, LaidNode[]>();
  for (const n of layout.nodes) {
    if (!n.layerKey) continue;
    const g = groups.get(n.layerKey) ?? [];
    g.push(n);
    groups.set(n.layerKey, g);
  }
  const isHead = (n: LaidNode) => n.kind === 'layer' || n.kind === 'concept';
  const top = (nodes: LaidNode[]) => Math.min(...nodes.map((n) => n.y));
  const left = (nodes: LaidNode[]) => Math.min(...nodes.map((n) => n.x));
  const ordered = [...groups.entries()].sort(([, a], [, b]) => top(a) - top(b) || left(a) - left(b));
  return ordered.map(([key, nodes]) => {
    const head = nodes.find(isHead);
    const members = readingOrder(nodes.filter((n) => n !== head));
    return {
      id: `g:${key}`,
      label: head ? head.name : w.outside,
      ...(head ? { nodeId: head.id } : {}),
      ...(head?.description ? { description: head.description } : {}),
      children: members.map((n) => ({
        id: `n:${n.id}`,
        label: n.name,
        nodeId: n.id,
        children: layout.edges
          .filter((e) => e.from === n.id || e.to === n.id)
          .map((e) => {
            const out = e.from === n.id;
            const other = byId.get(out ? e.to : e.from);
            return { id: `e:${n.id}>${e.id}`, label: fill(out ? w.to : w.from, other ? plain(other) : '?', e.label), ...(other ? { nodeId: other.id } : {}), children: [] };
          }),
      })),
    };
  });
}

/** An item as the tree shows it: its place among siblings and its depth. */
export interface VisibleItem {
  item: OutlineItem;
  level: number;
  parent?: string;
  posinset: number;
  setsize: number;
}

/** The items a reader can reach now: every top-level item, and the children of expanded ones. */
export function visibleItems(tree: readonly OutlineItem[], expanded: ReadonlySet<string>): VisibleItem[] {
  const out: VisibleItem[] = [];
  const walk = (items: readonly OutlineItem[], level: number, parent?: string) => {
    items.forEach((item, i) => {
      out.push({ item, level, ...(parent ? { parent } : {}), posinset: i + 1, setsize: items.length });
      if (item.children.length && expanded.has(item.id)) walk(item.children, level + 1, item.id);
    });
  };
  walk(tree, 1);
  return out;
}

export type TreeAction = { focus: string } | { expand: string } | { collapse: string } | { activate: string } | undefined;

/**
 * What a key does in the tree (WAI-ARIA tree pattern): ↑/↓ previous/next visible item, → opens
 * a closed item or moves to its first child, ← closes an open item or moves to its parent,
 * Home/End first/last item, Enter/Space activates. Undefined: the key is not the tree's.
 */
export function treeKey(tree: readonly OutlineItem[], expanded: ReadonlySet<string>, current: string, key: string): TreeAction {
  const items = visibleItems(tree, expanded);
  const i = items.findIndex((v) => v.item.id === current);
  if (i < 0) return items[0] ? { focus: items[0].item.id } : undefined;
  const v = items[i]!;
  const hasKids = v.item.children.length > 0;
  switch (key) {
    case 'ArrowDown':
      return items[i + 1] ? { focus: items[i + 1]!.item.id } : undefined;
    case 'ArrowUp':
      return i > 0 ? { focus: items[i - 1]!.item.id } : undefined;
    case 'ArrowRight':
      if (!hasKids) return undefined;
      return expanded.has(v.item.id) ? { focus: v.item.children[0]!.id } : { expand: v.item.id };
    case 'ArrowLeft':
      if (hasKids && expanded.has(v.item.id)) return { collapse: v.item.id };
      return v.parent ? { focus: v.parent } : undefined;
    case 'Home':
      return { focus: items[0]!.item.id };
    case 'End':
      return { focus: items[items.length - 1]!.item.id };
    case 'Enter':
    case ' ':
      return { activate: v.item.id };
    default:
      return undefined;
  }
}

/** The path of item ids from the top to the item that selects `nodeId` (first match), for revealing it. */
export function pathTo(tree: readonly OutlineItem[], nodeId: string): string[] | undefined {
  for (const item of tree) {
    if (item.nodeId === nodeId && !item.id.startsWith('e:')) return [item.id];
    const below = pathTo(item.children.filter((c) => !c.id.startsWith('e:')), nodeId);
    if (below) return [item.id, ...below];
  }
  return undefined;
}
