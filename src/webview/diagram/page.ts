// What every part of the diagram webview shares: the VS Code API, the page data the extension
// embedded, the layout, the page's fixed elements and the state kept with setState so it
// survives hiding the panel and reloading the window.
import type { LaidNode } from '../../core/diagram/types';
import type { DiagramPageData } from '../../features/diagram/data';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

type PageData = DiagramPageData;

export interface Zoom {
  k: number;
  x: number;
  y: number;
}

export interface SavedState {
  view: string;
  token: string;
  selected?: string;
  focused?: string;
  zoom?: Zoom;
  fitted: boolean;
}

import { MAX_ZOOM, MIN_ZOOM } from '../../core/diagram/quality';

export { MAX_ZOOM, MIN_ZOOM };

export const vscode = acquireVsCodeApi();
export const data = JSON.parse(document.getElementById('atlas-data')?.textContent ?? '{}') as PageData;
export const layout = data.layout;
/** The page's words as the extension translated them, with `{0}`, `{1}` … filled in by `say`. */
export const strings = data.strings;
export function say(message: string, ...args: (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
export const nodesById = new Map(layout.nodes.map((n) => [n.id, n]));

export const stage = document.getElementById('stage')!;
export const cardEl = document.getElementById('card')!;
export const zoomLevel = document.getElementById('zoom-level');
document.getElementById('diagram-title')!.textContent = data.title;

function readSaved(): SavedState | undefined {
  const s = vscode.getState() as Partial<SavedState> | undefined;
  if (!s || typeof s !== 'object' || s.view !== data.view || s.token !== data.token) return undefined;
  const z = s.zoom;
  const zoom = z && [z.k, z.x, z.y].every((v) => typeof v === 'number' && Number.isFinite(v)) && z.k >= MIN_ZOOM && z.k <= MAX_ZOOM ? { k: z.k, x: z.x, y: z.y } : undefined;
  return {
    view: data.view,
    token: data.token,
    ...(typeof s.selected === 'string' && nodesById.has(s.selected) ? { selected: s.selected } : {}),
    ...(typeof s.focused === 'string' && nodesById.has(s.focused) ? { focused: s.focused } : {}),
    ...(zoom ? { zoom } : {}),
    fitted: s.fitted !== false || !zoom,
  };
}

export const firstNodeOf = (entryId: string, near?: LaidNode) => {
  const all = layout.nodes.filter((n) => n.entryId === entryId);
  if (near?.layerKey) return all.find((n) => n.layerKey === near.layerKey) ?? all[0];
  return all.find((n) => n.kind === 'component') ?? all[0];
};

export const state: SavedState = readSaved() ?? {
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
