import type { Mode } from '../knowledge/types';

/** A mode band inside a layer; `none` holds components of a moded layer that give no mode. */
export type Band = Mode | 'none';

// ---------------------------------------------------------------------------------------------
// The model: what is drawn, before any coordinates
// ---------------------------------------------------------------------------------------------

/** One drawn copy of a layer (a layer may be drawn several times, e.g. two child partitions). */
export interface ModelLayer {
  /** unique in the diagram: the layer id, plus `#n` when the layer is drawn several times */
  key: string;
  entryId: string;
  title: string;
  /** index into the system's `stack`, 0 = hardware */
  row: number;
  /** 1-based copy number when the layer is drawn several times */
  instance?: number;
  /** the bands drawn, top to bottom */
  bands: Band[];
  /** true for the column of things outside the stack (other systems' entries, unplaced components) */
  outside?: boolean;
  /** drawn apart from the others of its row, in a dashed frame (alternatives, e.g. other VMMs) */
  apart?: boolean;
  /** band titles instead of "kernel mode" / "user mode" (a host OS: "host OS kernel") */
  bandTitles?: Partial<Record<Band, string>>;
}

export interface ModelNode {
  /** unique in the diagram: `<entry>@<layer key>`, plus `~n` for a per-instance copy */
  id: string;
  entryId: string;
  layerKey: string;
  band: Band;
  /** the big label (acronym or title) and the small one under it */
  primary: string;
  secondary?: string;
  /** a third, italic line: which VM a per-VM copy serves, or where an outside entry lives */
  note?: string;
  /** for per-VM copies: the number of the VM it serves */
  instance?: number;
  /** the key of the VM layer it belongs to or, for a per-VM copy, serves */
  vm?: string;
  /** drawn in the bottom row of its band, under the others (an enlightened guest kernel) */
  base?: boolean;
}

export interface ModelEdge {
  id: string;
  from: string;
  to: string;
  fromEntry: string;
  toEntry: string;
  /** the mechanism, e.g. "VMBus channel" */
  label: string;
  /** the entry that explains the mechanism */
  via?: string;
  /** drawn in the default view: the connection is marked `story` in content */
  story?: boolean;
}

export interface DiagramModel {
  systemId: string;
  title: string;
  /** "Type 1 (bare metal) · Microsoft" */
  subtitle: string;
  /** layer keys per stack row, hardware first; a final row may hold the outside column */
  rows: string[][];
  layers: ModelLayer[];
  nodes: ModelNode[];
  edges: ModelEdge[];
  /** content gaps found while building: missing entries, dangling connections, missing modes */
  problems: string[];
}

/** Presentation choices the content has no field for (see hints.ts). */
export interface SystemHints {
  /** layer id → how many copies to draw side by side (e.g. two child partitions) */
  repeat?: Record<string, number>;
  /** component id → the repeated layer it has one copy per instance of (one VMWP per child) */
  perInstance?: Record<string, string>;
  /** components drawn under the others of their band (the kernel the drivers sit on) */
  base?: string[];
}

// ---------------------------------------------------------------------------------------------
// The layout: the model with coordinates, ready to draw (plain JSON, sent to the webview)
// ---------------------------------------------------------------------------------------------

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextItem {
  text: string;
  x: number;
  /** baseline */
  y: number;
  size: number;
  bold?: boolean;
  italic?: boolean;
  /** role for styling: title, subtitle, layer, band, primary, secondary, note, header, caption, link */
  role: string;
  anchor?: 'start' | 'middle';
}

/** Something a person can select: a component, a layer's title, the system's title. */
export interface LaidNode extends Rect {
  id: string;
  entryId: string;
  kind: 'component' | 'layer' | 'system' | 'concept' | 'outside' | 'link';
  texts: TextItem[];
  /** links only: the system whose full diagram it opens */
  opens?: string;
  /** the accessible name: name, layer, mode */
  name: string;
  /** read after the name (the comparison's captions) */
  description?: string;
  layerKey?: string;
  band?: Band;
}

/** A layer frame or a band inside one (decoration; its title is a LaidNode). */
export interface LaidFrame extends Rect {
  id: string;
  kind: 'layer' | 'band' | 'outside' | 'side';
  band?: Band;
  layerKey?: string;
  /** a layer's or outside column's title, pinned to the view's edge when the drawing is panned past it */
  title?: string;
}

export interface LaidEdge extends ModelEdge {
  /** orthogonal polyline from the source box's border to the target box's border */
  points: [number, number][];
  /** where the label goes when the edge is highlighted */
  labelAt: [number, number];
  /** false when the router found no free path and drew a straight line */
  routed: boolean;
}

export interface DiagramLayout {
  /** `system:<id>` or `compare:<left>:<right>` */
  key: string;
  title: string;
  width: number;
  height: number;
  frames: LaidFrame[];
  /** band labels and other fixed text */
  texts: TextItem[];
  nodes: LaidNode[];
  edges: LaidEdge[];
  problems: string[];
}
