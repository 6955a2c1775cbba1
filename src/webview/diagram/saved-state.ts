// The state the diagram page keeps with vscode.setState (it survives hiding the panel and
// reloading the window), and how it is read back: every field checked against this page (ids
// that exist, a step in range, bounded sizes), anything else dropped. Pure: no DOM, no VS Code
// API, so the unit tests run exactly this.
import type { OutlineItem } from '../../core/diagram/outline';

export interface Zoom {
  k: number;
  x: number;
  y: number;
}

/** A flow of the page and its step (0-based). */
export interface FlowAt {
  id: string;
  step: number;
}

export interface SavedState {
  view: string;
  token: string;
  selected?: string;
  focused?: string;
  zoom?: Zoom;
  fitted: boolean;
  /** ids of the expanded outline rows */
  expanded?: string[];
  /** the flow playing */
  flow?: FlowAt;
  /** "Show all connections" is on */
  allEdges?: boolean;
}

/** What a saved state is checked against: this page's view, token and ids. */
export interface PageFacts {
  view: string;
  token: string;
  nodes: ReadonlySet<string>;
  /** outline rows that have children */
  expandable: ReadonlySet<string>;
  flows: readonly { id: string; steps: readonly unknown[] }[];
}

import { MAX_ZOOM, MIN_ZOOM } from '../../core/diagram/quality';

export { MAX_ZOOM, MIN_ZOOM };
/** Longer strings are never ids of a page. */
const MAX_ID = 400;
/** More expanded rows than this is not a state the page wrote. */
export const MAX_EXPANDED = 2000;

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID;

/**
 * Reads a saved state back for this page; undefined when it is another page's (another view, or
 * another token: the panel was opened anew) or not a state at all. Ids that the page no longer
 * has are dropped one by one: a workspace glossary can add boxes after a reload. Never throws.
 */
export function readSavedState(raw: unknown, page: PageFacts): SavedState | undefined {
  try {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
    const s = raw as Record<string, unknown>;
    if (s.view !== page.view || s.token !== page.token) return undefined;
    const z = s.zoom as Record<string, unknown> | undefined;
    const zoom =
      z && typeof z === 'object' && [z.k, z.x, z.y].every((v) => typeof v === 'number' && Number.isFinite(v)) && (z.k as number) >= MIN_ZOOM && (z.k as number) <= MAX_ZOOM
        ? { k: z.k as number, x: z.x as number, y: z.y as number }
        : undefined;
    const expanded = readExpanded(s.expanded, page.expandable);
    const flow = readFlow(s.flow, page.flows);
    return {
      view: page.view,
      token: page.token,
      ...(isId(s.selected) && page.nodes.has(s.selected) ? { selected: s.selected } : {}),
      ...(isId(s.focused) && page.nodes.has(s.focused) ? { focused: s.focused } : {}),
      ...(zoom ? { zoom } : {}),
      fitted: s.fitted !== false || !zoom,
      ...(expanded.length ? { expanded } : {}),
      ...(flow ? { flow } : {}),
      ...(s.allEdges === true ? { allEdges: true } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * The state kept when the page's data is replaced in place (an `update`): zoom, pan and the
 * toggles as they were; the selection, focus, expanded rows and the flow only where the new
 * page still has them.
 */
export function carryOver(s: SavedState, page: PageFacts): SavedState {
  return readSavedState(s, page) ?? { view: page.view, token: page.token, fitted: s.fitted };
}

function readExpanded(raw: unknown, expandable: ReadonlySet<string>): string[] {
  if (!Array.isArray(raw) || raw.length > MAX_EXPANDED) return [];
  return [...new Set(raw.filter((id): id is string => isId(id) && expandable.has(id)))];
}

function readFlow(raw: unknown, flows: PageFacts['flows']): FlowAt | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { id, step } = raw as Record<string, unknown>;
  if (!isId(id) || typeof step !== 'number' || !Number.isInteger(step)) return undefined;
  const flow = flows.find((f) => f.id === id);
  return flow && step >= 0 && step < flow.steps.length ? { id, step } : undefined;
}

/** The outline rows that can be expanded. */
export function expandableRows(tree: readonly OutlineItem[]): Set<string> {
  const out = new Set<string>();
  const walk = (items: readonly OutlineItem[]) => {
    for (const i of items) {
      if (!i.children.length) continue;
      out.add(i.id);
      walk(i.children);
    }
  };
  walk(tree);
  return out;
}
