import { DIAGRAM_FONT } from './text';
import type { DiagramLayout, LaidFrame, LaidNode, TextItem } from './types';

/** Concrete colours for an exported drawing (the webview sends the theme's, resolved). */
export interface Palette {
  background: string;
  foreground: string;
  muted: string;
  layerFill: string;
  layerStroke: string;
  kernelFill: string;
  firmwareFill: string;
  boxFill: string;
  boxStroke: string;
  edge: string;
  accent: string;
}

export const PALETTE_KEYS: readonly (keyof Palette)[] = ['background', 'foreground', 'muted', 'layerFill', 'layerStroke', 'kernelFill', 'firmwareFill', 'boxFill', 'boxStroke', 'edge', 'accent'];

/** Light Modern's colours; used when the webview sends none. */
export const DEFAULT_PALETTE: Palette = {
  background: '#ffffff',
  foreground: '#3b3b3b',
  muted: '#616161',
  layerFill: '#f8f8f8',
  layerStroke: '#c8c8c8',
  kernelFill: '#eef3fa',
  firmwareFill: '#f5efe6',
  boxFill: '#ffffff',
  boxStroke: '#8a8a8a',
  edge: '#6f6f6f',
  accent: '#005fb8',
};

/** A colour as the webview's computed styles give it: #rgb(a), rgb()/rgba(), or `transparent`. */
const COLOUR = /^(#[0-9a-f]{3,8}|rgba?\(\s*\d{1,3}(\.\d+)?\s*,\s*\d{1,3}(\.\d+)?\s*,\s*\d{1,3}(\.\d+)?\s*(,\s*(0|1|0?\.\d+)\s*)?\)|transparent)$/i;

export function isColour(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 64 && COLOUR.test(v.trim());
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const n = (v: number) => String(Math.round(v * 10) / 10);

function text(t: TextItem, fill: string): string {
  const attrs = [
    `x="${n(t.x)}"`,
    `y="${n(t.y)}"`,
    `font-size="${t.size}"`,
    t.bold ? 'font-weight="600"' : '',
    t.italic ? 'font-style="italic"' : '',
    t.anchor === 'middle' ? 'text-anchor="middle"' : '',
    `fill="${fill}"`,
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${esc(t.text)}</text>`;
}

function frameFill(f: LaidFrame, p: Palette): string {
  if (f.kind === 'band') return f.band === 'kernel' ? p.kernelFill : f.band === 'firmware' ? p.firmwareFill : 'none';
  return f.kind === 'outside' ? 'none' : p.layerFill;
}

/**
 * The drawing as a standalone SVG document: every colour concrete (no CSS variables, no
 * stylesheet), the font stack inline, all text escaped. Edges carry a <title> with their
 * mechanism, shown as a tooltip by browsers. `edges`: the ids of the edges to draw (the page's
 * current view); without it, every edge.
 */
export function renderSvg(layout: DiagramLayout, palette: Palette = DEFAULT_PALETTE, edges?: ReadonlySet<string>): string {
  const p: Palette = { ...DEFAULT_PALETTE };
  for (const k of PALETTE_KEYS) if (isColour(palette[k])) p[k] = palette[k].trim();
  const W = Math.ceil(layout.width);
  const H = Math.ceil(layout.height);
  const byId = new Map(layout.nodes.map((x) => [x.id, x]));
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${esc(DIAGRAM_FONT)}">`);
  out.push(`<title>${esc(layout.title)}</title>`);
  out.push(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${p.edge}"/></marker></defs>`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="${p.background}"/>`);
  for (const f of layout.frames) {
    if (f.kind === 'side') {
      out.push(`<line x1="${n(f.x)}" y1="${n(f.y)}" x2="${n(f.x)}" y2="${n(f.y + f.h)}" stroke="${p.layerStroke}" stroke-dasharray="6 4"/>`);
    } else if (f.kind === 'band') {
      out.push(`<rect x="${n(f.x)}" y="${n(f.y)}" width="${n(f.w)}" height="${n(f.h)}" fill="${frameFill(f, p)}"/>`);
      out.push(`<line x1="${n(f.x)}" y1="${n(f.y)}" x2="${n(f.x + f.w)}" y2="${n(f.y)}" stroke="${p.layerStroke}" stroke-dasharray="4 3"/>`);
    } else {
      out.push(`<rect x="${n(f.x)}" y="${n(f.y)}" width="${n(f.w)}" height="${n(f.h)}" rx="6" fill="${frameFill(f, p)}" stroke="${p.layerStroke}"${f.kind === 'outside' ? ' stroke-dasharray="6 4"' : ''}/>`);
    }
  }
  for (const t of layout.texts) out.push(text(t, t.role === 'caption' ? p.foreground : p.muted));
  for (const e of layout.edges) {
    if (edges && !edges.has(e.id)) continue;
    const d = e.points.map(([x, y], i) => `${i ? 'L' : 'M'}${n(x)},${n(y)}`).join(' ');
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    const tip = `${plain(from)} → ${plain(to)}: ${e.label}`;
    out.push(`<path d="${d}" fill="none" stroke="${p.edge}" stroke-width="1.25" marker-end="url(#arrow)"><title>${esc(tip)}</title></path>`);
  }
  for (const node of layout.nodes) {
    out.push(`<g>`);
    if (node.kind === 'component' || node.kind === 'outside') {
      out.push(`<rect x="${n(node.x)}" y="${n(node.y)}" width="${n(node.w)}" height="${n(node.h)}" rx="4" fill="${p.boxFill}" stroke="${p.boxStroke}"${node.kind === 'outside' ? ' stroke-dasharray="4 3"' : ''}/>`);
    }
    out.push(`<title>${esc(node.name)}</title>`);
    for (const t of node.texts) out.push(text(t, t.role === 'secondary' || t.role === 'note' || t.role === 'subtitle' ? p.muted : p.foreground));
    out.push(`</g>`);
  }
  out.push(`</svg>`);
  return `${out.join('\n')}\n`;
}

function plain(node: LaidNode | undefined): string {
  return node ? node.texts.map((t) => t.text).join(' ') : '?';
}
