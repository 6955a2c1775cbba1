// Redraws the page in place when the extension sends its data again (the knowledge base
// changed: a workspace glossary was saved). The frame, the zoom and pan and the toggles stay;
// the selection, the focused box, the expanded outline rows and the flow playing stay where the
// new data still has them (saved-state.ts `carryOver`).
import type { DiagramPageData } from '../../features/diagram/data';
import { showCard } from './card';
import { refreshEdgeToggle } from './edges';
import { currentFlow, rebuildFlows } from './flows';
import { rebuildOutline } from './outline';
import { nodesById, pageFacts, replaceData, save, state, view } from './page';
import { drawLayout, gNodes, nodeEls, squeezeOverflowingLabels } from './render';
import { carryOver } from './saved-state';
import { firstFocus, highlight, setRoving } from './selection';
import { applyZoom } from './zoom';

export function applyUpdate(next: DiagramPageData): void {
  const active = document.activeElement;
  const hadBoxFocus = !!active && gNodes.contains(active);
  replaceData(next);
  const kept = carryOver({ ...state, zoom: view.zoom }, pageFacts());
  if (kept.selected) state.selected = kept.selected;
  else delete state.selected;
  if (kept.focused) state.focused = kept.focused;
  else delete state.focused;
  if (kept.expanded) state.expanded = kept.expanded;
  else delete state.expanded;
  if (kept.flow) state.flow = kept.flow;
  else delete state.flow;
  drawLayout();
  refreshEdgeToggle();
  setRoving(firstFocus());
  rebuildOutline();
  const selected = state.selected ? nodesById.get(state.selected) : undefined;
  highlight(selected?.id);
  showCard(selected);
  // after the selection, as on load: a playing flow's marks are what the page shows
  rebuildFlows();
  applyZoom();
  if (hadBoxFocus) nodeEls.get(state.focused ?? '')?.focus({ preventScroll: true });
  save();
  requestAnimationFrame(() => {
    squeezeOverflowingLabels();
    if (state.selected && !currentFlow()) highlight(state.selected);
  });
}
