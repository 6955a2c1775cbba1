// Zoom and pan: wheel, drag, the toolbar buttons, and fitting the drawing to the panel.
import { initialView } from '../../core/diagram/quality';
import type { LaidNode } from '../../core/diagram/types';
import { layout, MAX_ZOOM, MIN_ZOOM, save, stage, state, view, zoomLevel } from './page';
import { renderPins } from './pins';
import { viewport } from './render';

export function applyZoom(): void {
  const zoom = view.zoom;
  viewport.setAttribute('transform', `translate(${zoom.x} ${zoom.y}) scale(${zoom.k})`);
  if (zoomLevel) zoomLevel.textContent = `${Math.round(zoom.k * 100)}%`;
  renderPins();
}

/** Fit to window was asked for: the whole drawing, however small its labels get. */
let whole = false;

/**
 * Fits the drawing to the panel. The initial view (`all` false) never goes below the scale at
 * which the smallest label is readable; then it opens on the drawing's story (`initialView`).
 */
export function fit(all = whole): void {
  whole = all;
  const w = stage.clientWidth;
  const h = stage.clientHeight;
  if (w < 10 || h < 10) return;
  const { k, ox, oy } = initialView(layout, w, h, all);
  const x = layout.width * k <= w - 16 ? (w - layout.width * k) / 2 : 8 - ox * k;
  const y = layout.height * k <= h - 16 ? Math.max(8, (h - layout.height * k) / 2) : 8 - oy * k;
  view.zoom = { k, x, y };
  state.fitted = true;
  applyZoom();
  save();
}

export function zoomBy(factor: number, cx = stage.clientWidth / 2, cy = stage.clientHeight / 2): void {
  const zoom = view.zoom;
  const k = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.k * factor));
  const f = k / zoom.k;
  view.zoom = { k, x: cx - (cx - zoom.x) * f, y: cy - (cy - zoom.y) * f };
  state.fitted = false;
  applyZoom();
  save();
}

export function panBy(dx: number, dy: number): void {
  view.zoom = { ...view.zoom, x: view.zoom.x + dx, y: view.zoom.y + dy };
  state.fitted = false;
  applyZoom();
  save();
}

/** Pans just enough to bring a box into view. */
export function reveal(n: LaidNode): void {
  const zoom = view.zoom;
  const w = stage.clientWidth;
  const h = stage.clientHeight;
  const x0 = n.x * zoom.k + zoom.x;
  const y0 = n.y * zoom.k + zoom.y;
  const x1 = (n.x + n.w) * zoom.k + zoom.x;
  const y1 = (n.y + n.h) * zoom.k + zoom.y;
  let dx = 0;
  let dy = 0;
  if (x1 > w - 16) dx = w - 16 - x1;
  if (x0 + dx < 16) dx = 16 - x0;
  if (y1 > h - 16) dy = h - 16 - y1;
  if (y0 + dy < 16) dy = 16 - y0;
  if (dx || dy) {
    view.zoom = { ...zoom, x: zoom.x + dx, y: zoom.y + dy };
    applyZoom();
    save();
  }
}

export function installZoomAndPan(): void {
  stage.addEventListener(
    'wheel',
    (ev) => {
      ev.preventDefault();
      const r = stage.getBoundingClientRect();
      zoomBy(Math.exp(-ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.0015)), ev.clientX - r.left, ev.clientY - r.top);
    },
    { passive: false },
  );

  let drag: { x: number; y: number; zx: number; zy: number; moved: boolean; id: number } | undefined;
  stage.addEventListener('pointerdown', (ev) => {
    if (ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, zx: view.zoom.x, zy: view.zoom.y, moved: false, id: ev.pointerId };
  });
  stage.addEventListener('pointermove', (ev) => {
    if (!drag || drag.id !== ev.pointerId) return;
    const dx = ev.clientX - drag.x;
    const dy = ev.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      stage.setPointerCapture(ev.pointerId);
      stage.classList.add('panning');
    }
    view.zoom = { ...view.zoom, x: drag.zx + dx, y: drag.zy + dy };
    applyZoom();
  });
  const endDrag = (ev: PointerEvent) => {
    if (!drag || drag.id !== ev.pointerId) return;
    if (drag.moved) {
      state.fitted = false;
      save();
      // the click that follows a drag must not select
      const swallow = (c: Event) => {
        c.stopPropagation();
        c.preventDefault();
      };
      stage.addEventListener('click', swallow, { capture: true, once: true });
      setTimeout(() => stage.removeEventListener('click', swallow, { capture: true }), 0);
    }
    stage.classList.remove('panning');
    drag = undefined;
  };
  stage.addEventListener('pointerup', endDrag);
  stage.addEventListener('pointercancel', endDrag);

  new ResizeObserver(() => {
    if (state.fitted) fit();
    else renderPins();
  }).observe(stage);

  document.getElementById('zoom-in')!.addEventListener('click', () => zoomBy(1.25));
  document.getElementById('zoom-out')!.addEventListener('click', () => zoomBy(0.8));
  document.getElementById('fit')!.addEventListener('click', () => fit(true));
}
