// Messages from the extension to the diagram page, checked field by field like the page's own
// are on the other side: lengths and counts before anything else, then shapes. Pure (no DOM),
// so the unit tests run exactly this. Anything else is ignored.
import type { DiagramPageData } from '../../features/diagram/data';
import { isEntryId, isHttpsUrl, onlyKeys, parseObject } from '../../features/message-checks';

export type IncomingMessage =
  | { type: 'select'; id: string }
  | { type: 'play'; id: string; step: number }
  /** the page's data again, after the knowledge base changed: the page redraws in place */
  | { type: 'update'; data: DiagramPageData };

/** What an update is checked against: the page it is for and the revision it shows. */
export interface PageNow {
  view: string;
  token: string;
  revision: number;
}

export const LIMITS = {
  nodes: 5000,
  edges: 20000,
  frames: 5000,
  texts: 20000,
  textsPerNode: 16,
  points: 400,
  flows: 500,
  steps: 200,
  cards: 5000,
  /** characters of one card's HTML */
  card: 1 << 20,
  /** characters of any other string */
  text: 4000,
  id: 400,
  /** words in the page's strings, and in each group of them */
  strings: 500,
} as const;

const isStr = (v: unknown, max: number = LIMITS.text): v is string => typeof v === 'string' && v.length <= max;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= LIMITS.id;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isArr = (v: unknown, max: number): v is unknown[] => Array.isArray(v) && v.length <= max;
const isRect = (o: Record<string, unknown>) => isNum(o.x) && isNum(o.y) && isNum(o.w) && isNum(o.h);
const NODE_KINDS = new Set(['component', 'layer', 'system', 'concept', 'outside', 'link']);

function isText(v: unknown): boolean {
  return isObj(v) && isStr(v.text) && isNum(v.x) && isNum(v.y) && isNum(v.size) && isStr(v.role, 40);
}

function isNode(v: unknown): boolean {
  return isObj(v) && isId(v.id) && isEntryId(v.entryId) && typeof v.kind === 'string' && NODE_KINDS.has(v.kind) && isRect(v) && isStr(v.name) && isArr(v.texts, LIMITS.textsPerNode) && v.texts.every(isText);
}

function isEdge(v: unknown, nodes: ReadonlySet<string>): boolean {
  if (!isObj(v) || !isId(v.id) || !isId(v.from) || !isId(v.to) || !isStr(v.label)) return false;
  if (!nodes.has(v.from) || !nodes.has(v.to)) return false;
  const pair = (p: unknown) => Array.isArray(p) && p.length === 2 && isNum(p[0]) && isNum(p[1]);
  return isArr(v.points, LIMITS.points) && v.points.every(pair) && pair(v.labelAt);
}

function isFrame(v: unknown): boolean {
  return isObj(v) && isId(v.id) && typeof v.kind === 'string' && isStr(v.kind, 20) && (v.title === undefined || isStr(v.title, 300)) && isRect(v);
}

function isFlow(v: unknown, nodes: ReadonlySet<string>): boolean {
  if (!isObj(v) || !isEntryId(v.id) || !isStr(v.title) || !isStr(v.summary) || !isArr(v.steps, LIMITS.steps) || !v.steps.length) return false;
  return v.steps.every(
    (s) =>
      isObj(s) &&
      isStr(s.text) &&
      isEntryId(s.entry) &&
      isStr(s.entryTitle) &&
      isObj(s.source) &&
      isStr(s.source.title) &&
      isHttpsUrl(s.source.url) &&
      isArr(s.nodes, LIMITS.nodes) &&
      s.nodes.every((n) => isId(n) && nodes.has(n)) &&
      isArr(s.edges, LIMITS.edges) &&
      s.edges.every(isId),
  );
}

/** The page data of an update: this page's view and token, a newer revision, a drawable layout. */
function isPageData(d: unknown, page: PageNow): d is DiagramPageData {
  if (!isObj(d)) return false;
  if (d.view !== page.view || d.token !== page.token) return false;
  if (typeof d.revision !== 'number' || !Number.isSafeInteger(d.revision) || d.revision <= page.revision) return false;
  if (!isStr(d.title) || typeof d.canReveal !== 'boolean' || typeof d.settled !== 'boolean' || !isObj(d.strings)) return false;
  // the page's words: strings, and groups of strings one level down (the outline's words)
  const words = Object.values(d.strings);
  if (words.length > LIMITS.strings || !words.every((s) => isStr(s) || (isObj(s) && Object.keys(s).length <= LIMITS.strings && Object.values(s).every((x) => isStr(x))))) return false;
  const l = d.layout;
  if (!isObj(l) || !isArr(l.nodes, LIMITS.nodes) || !isArr(l.edges, LIMITS.edges) || !isArr(l.frames, LIMITS.frames) || !isArr(l.texts, LIMITS.texts)) return false;
  if (!isStr(l.key) || !isStr(l.title) || !isNum(l.width) || !isNum(l.height)) return false;
  if (!l.nodes.every(isNode) || !l.frames.every(isFrame) || !l.texts.every(isText)) return false;
  const ids = new Set(l.nodes.map((n) => (n as { id: string }).id));
  if (ids.size !== l.nodes.length || !l.edges.every((e) => isEdge(e, ids))) return false;
  if (!isObj(d.cards)) return false;
  const cards = Object.entries(d.cards);
  if (cards.length > LIMITS.cards || !cards.every(([k, v]) => isEntryId(k) && isStr(v, LIMITS.card))) return false;
  if (!isArr(d.flows, LIMITS.flows) || !d.flows.every((f) => isFlow(f, ids))) return false;
  return true;
}

/** Checks a message from the extension for the page `page`; undefined for anything else. Never throws. */
export function parseIncoming(raw: unknown, page: PageNow): IncomingMessage | undefined {
  return parseObject(raw, (m) => {
    switch (m.type) {
      case 'select':
        return onlyKeys(m, 'type', 'id') && isEntryId(m.id) ? { type: 'select', id: m.id } : undefined;
      case 'play':
        if (!onlyKeys(m, 'type', 'id', 'step') || !isEntryId(m.id)) return undefined;
        return { type: 'play', id: m.id, step: typeof m.step === 'number' && Number.isInteger(m.step) ? m.step : 0 };
      case 'update':
        return onlyKeys(m, 'type', 'data') && isPageData(m.data, page) ? { type: 'update', data: m.data } : undefined;
      default:
        return undefined;
    }
  });
}
