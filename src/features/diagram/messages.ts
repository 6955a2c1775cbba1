/**
 * What the diagram webview may send and keep, checked field by field. No `vscode` import, so
 * the unit tests exercise exactly this. Anything that is not one of these shapes is ignored.
 */
import { PALETTE_KEYS, isColour, type Palette } from '../../core/diagram/svg';
import { isEntryId, isHttpsUrl, onlyKeys, parseObject } from '../message-checks';

const TOKEN = /^[0-9a-f]{8,64}$/;
const EDGE_ID = /^e\d{1,6}$/;

export type DiagramMessage =
  /** open an entry that is not drawn in this diagram in the card view */
  | { type: 'open'; id: string }
  /** Reveal in Atlas (the tree) */
  | { type: 'reveal'; id: string }
  /** a source link of a card */
  | { type: 'external'; url: string }
  /** Export SVG, with the theme's colours resolved to concrete values and the ids of the edges the page shows */
  | { type: 'export'; palette: Palette; edges?: string[] }
  /** open the full diagram of a system (the comparison's links) */
  | { type: 'diagram'; system: string }
  /** the page has drawn the data of this revision (on load, and after an update) */
  | { type: 'drawn'; revision: number };

/** Checks a message from the diagram webview; undefined for anything else. Never throws. */
export function parseDiagramMessage(raw: unknown): DiagramMessage | undefined {
  return parseObject(raw, parseMessage);
}

function parseMessage(m: Record<string, unknown>): DiagramMessage | undefined {
  switch (m.type) {
    case 'open':
    case 'reveal':
      if (onlyKeys(m, 'type', 'id') && isEntryId(m.id)) return { type: m.type, id: m.id };
      return undefined;
    case 'diagram':
      if (onlyKeys(m, 'type', 'system') && isEntryId(m.system)) return { type: 'diagram', system: m.system };
      return undefined;
    case 'drawn':
      if (onlyKeys(m, 'type', 'revision') && typeof m.revision === 'number' && Number.isSafeInteger(m.revision) && m.revision >= 0) return { type: 'drawn', revision: m.revision };
      return undefined;
    case 'external':
      if (onlyKeys(m, 'type', 'url') && isHttpsUrl(m.url)) return { type: 'external', url: m.url };
      return undefined;
    case 'export': {
      if (!onlyKeys(m, 'type', 'palette', 'edges') || !m.palette || typeof m.palette !== 'object' || Array.isArray(m.palette)) return undefined;
      const p = m.palette as Record<string, unknown>;
      if (!onlyKeys(p, ...PALETTE_KEYS)) return undefined;
      const palette = {} as Palette;
      for (const k of PALETTE_KEYS) {
        if (!isColour(p[k])) return undefined;
        palette[k] = (p[k] as string).trim();
      }
      if (m.edges === undefined) return { type: 'export', palette };
      if (!Array.isArray(m.edges) || m.edges.length > 5000 || !m.edges.every((e) => typeof e === 'string' && EDGE_ID.test(e))) return undefined;
      return { type: 'export', palette, edges: m.edges as string[] };
    }
    default:
      return undefined;
  }
}

/** The part of the webview's saved state the extension reads when it restores a panel. */
export interface DiagramState {
  view: string;
  token: string;
}

/** Reads a restored panel's state; the webview keeps more (selection, zoom), which it checks itself. */
export function parseDiagramState(raw: unknown): DiagramState | undefined {
  try {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
    const s = raw as Record<string, unknown>;
    const view = s.view;
    const token = s.token;
    if (typeof view !== 'string' || view.length > 200 || !/^(system|compare)(:[a-z0-9.-]+){1,2}$/.test(view)) return undefined;
    if (typeof token !== 'string' || token.length > 64 || !TOKEN.test(token)) return undefined;
    return { view, token };
  } catch {
    return undefined;
  }
}
