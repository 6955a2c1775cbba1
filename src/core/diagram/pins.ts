/**
 * Layer titles pinned to the edge of the view: when the drawing is panned or zoomed so that a
 * layer's own title is out of sight while a part of the layer is in view, its title is shown
 * at the view's edge, inside the layer, so every box on screen can still be read with the
 * layer it sits in (KVM's first view opens on the VM path, past its layers' left edges).
 */
import type { DiagramLayout, Rect } from './types';

export interface Pin {
  layerKey: string;
  text: string;
  /** the pin's top-left corner, in panel pixels */
  x: number;
  y: number;
  /** how much room the layer leaves the pin to the right, in panel pixels */
  maxWidth: number;
}

/** Panel pixels kept between a pin and the view's or the layer's edge. */
const INSET = 6;
/** Panel pixels between a pin and the view's edge the layer runs past. */
const EDGE = 0;
/** The height a pin needs, in panel pixels; a layer showing less than this gets none. */
export const PIN_HEIGHT = 22;
/** The height of a layer's own title row, in drawing units (see layout.ts). */
const TITLE_ROW = 32;

/**
 * The pins for a `w` × `h` panel showing the drawing at scale `k`, translated by (`x`, `y`):
 * one for each layer frame that is partly in view while its title row is not wholly in view.
 */
export function pinnedTitles(layout: Pick<DiagramLayout, 'frames'>, view: { k: number; x: number; y: number }, w: number, h: number): Pin[] {
  const pins: Pin[] = [];
  for (const f of layout.frames) {
    if ((f.kind !== 'layer' && f.kind !== 'outside') || !f.title || !f.layerKey) continue;
    const s: Rect = { x: f.x * view.k + view.x, y: f.y * view.k + view.y, w: f.w * view.k, h: f.h * view.k };
    const left = Math.max(s.x, 0);
    const top = Math.max(s.y, 0);
    const right = Math.min(s.x + s.w, w);
    const bottom = Math.min(s.y + s.h, h);
    // too little of the layer in view to hold a pin
    if (right - left < 80 || bottom - top < PIN_HEIGHT + 2 * INSET) continue;
    // its own title row is in view: nothing to pin
    const titleRight = s.x + Math.min(s.w, 240 * view.k);
    if (s.x >= 0 && s.y >= 0 && titleRight <= w && s.y + TITLE_ROW * view.k <= h) continue;
    // against the view's edge, where it covers the cut-off piece of the layer's own title
    const x = s.x < 0 ? EDGE : s.x + INSET;
    const y = s.y < 0 ? EDGE : s.y + INSET;
    pins.push({ layerKey: f.layerKey, text: f.title, x, y, maxWidth: right - x - INSET });
  }
  return pins;
}
