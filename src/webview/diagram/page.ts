// What every part of the diagram webview shares: the VS Code API, the page data the extension
// embedded, the layout, the page's fixed elements and the state kept with setState so it
// survives hiding the panel and reloading the window.
import { outlineOf } from '../../core/diagram/outline';
import type { LaidNode } from '../../core/diagram/types';
import type { DiagramPageData } from '../../features/diagram/data';
import type { PageFlow } from '../../features/diagram/flows';
import { expandableRows, readSavedState, type PageFacts, type SavedState, type Zoom } from './saved-state';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

type PageData = DiagramPageData;

export { MAX_ZOOM, MIN_ZOOM, type SavedState, type Zoom } from './saved-state';

export const vscode = acquireVsCodeApi();
const dataEl = document.getElementById('atlas-data');
/** The page data; `replaceData` swaps it (an update from the extension), so read it at use, never keep a copy. */
export let data = JSON.parse(dataEl?.textContent ?? '{}') as PageData;
export let layout = data.layout;
/** The page's words as the extension translated them, with `{0}`, `{1}` … filled in by `say`. */
export let strings = data.strings;
export function say(message: string, ...args: (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
export const nodesById = new Map(layout.nodes.map((n) => [n.id, n]));
/** The outline beside the drawing (core's model; outline.ts renders it). */
export const outline = outlineOf(layout, strings.outline);
export const flows: PageFlow[] = Array.isArray(data.flows) ? data.flows : [];

export const stage = document.getElementById('stage')!;
export const cardEl = document.getElementById('card')!;
export const zoomLevel = document.getElementById('zoom-level');
document.getElementById('diagram-title')!.textContent = data.title;

/** The facts a saved state is checked against, for the data the page has now. */
export function pageFacts(): PageFacts {
  return { view: data.view, token: data.token, nodes: new Set(nodesById.keys()), expandable: expandableRows(outline), flows };
}

/** Marks the body with the revision shown and whether the knowledge base had settled (for tests). */
function markRevision(): void {
  document.body.dataset.revision = String(revision());
  document.body.dataset.settled = String(data.settled !== false);
}
markRevision();

/** The revision of the data shown (0 for a page whose data has none). */
export function revision(): number {
  return Number.isSafeInteger(data.revision) && data.revision >= 0 ? data.revision : 0;
}

/**
 * Replaces the page's data in place (checked by incoming.ts): the layout, its lookups, the
 * outline and the flows. The parts redraw after (update.ts); the embedded JSON is kept equal
 * to what is drawn.
 */
export function replaceData(next: PageData): void {
  data = next;
  layout = next.layout;
  strings = next.strings;
  nodesById.clear();
  for (const n of layout.nodes) nodesById.set(n.id, n);
  outline.splice(0, outline.length, ...outlineOf(layout));
  flows.splice(0, flows.length, ...next.flows);
  document.getElementById('diagram-title')!.textContent = data.title;
  if (dataEl) dataEl.textContent = JSON.stringify(next);
  markRevision();
}

export const firstNodeOf = (entryId: string, near?: LaidNode) => {
  const all = layout.nodes.filter((n) => n.entryId === entryId);
  if (near?.layerKey) return all.find((n) => n.layerKey === near.layerKey) ?? all[0];
  return all.find((n) => n.kind === 'component') ?? all[0];
};

const saved = readSavedState(vscode.getState(), pageFacts());
/** The page comes back as it was left (hidden and shown, or a reload), not newly opened. */
export const resumed = !!saved;

export const state: SavedState = saved ?? {
  view: data.view,
  token: data.token,
  fitted: true,
  ...(data.select && firstNodeOf(data.select) ? { selected: firstNodeOf(data.select)!.id } : {}),
};

/** The current zoom and pan; a holder so the zoom module can replace it and others read it. */
export const view: { zoom: Zoom } = { zoom: state.zoom ?? { k: 1, x: 0, y: 0 } };

export function save(): void {
  vscode.setState({ ...state, zoom: view.zoom });
}
