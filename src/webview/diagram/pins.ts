// Layer titles pinned to the view's edge while the drawing is panned past them (core pins.ts
// says where). Decoration for sighted readers: the outline names each box's layer already.
import { DIAGRAM_FONT } from '../../core/diagram/text';
import { pinnedTitles } from '../../core/diagram/pins';
import { layout, stage, view } from './page';

const holder = document.createElement('div');
holder.className = 'pins';
holder.setAttribute('aria-hidden', 'true');
stage.appendChild(holder);

/** Places the pins for the current zoom and pan; called whenever either changes. */
export function renderPins(): void {
  const pins = pinnedTitles(layout, view.zoom, stage.clientWidth, stage.clientHeight);
  const size = Math.max(11, Math.min(13, 13 * view.zoom.k));
  while (holder.children.length > pins.length) holder.lastElementChild!.remove();
  while (holder.children.length < pins.length) holder.appendChild(document.createElement('span')).className = 'pin';
  pins.forEach((p, i) => {
    const el = holder.children[i] as HTMLElement;
    el.textContent = p.text;
    el.dataset.layer = p.layerKey;
    el.style.left = `${p.x}px`;
    el.style.top = `${p.y}px`;
    el.style.maxWidth = `${p.maxWidth}px`;
    el.style.fontSize = `${size}px`;
    el.style.fontFamily = DIAGRAM_FONT;
  });
}
