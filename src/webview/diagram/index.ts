// Runs inside the diagram webview (bundled as dist/webview/diagram.js). Each module has one
// part: page.ts (data and saved state, checked by saved-state.ts), render.ts (the SVG), zoom.ts (zoom and pan; pins.ts keeps layer titles in view),
// selection.ts (focus and selection), edges.ts (story edges and "Show all connections"), outline.ts (the ARIA tree beside the drawing), card.ts
// (the entry card), flows.ts (guided flows), keyboard.ts, messages.ts (from the extension, checked by
// incoming.ts; `update` redraws in place through update.ts) and theme.ts (theme kind, SVG export).
// This file wires them in order.
import { installCardLinks } from './card';
import { installEdgeToggle } from './edges';
import { currentFlow, installFlows, showStep, startFlow } from './flows';
import { installKeyboard } from './keyboard';
import { installMessages } from './messages';
import { installOutline, restoreOutline } from './outline';
import { revision, save, state, vscode } from './page';
import { squeezeOverflowingLabels } from './render';
import { focusedId, highlight, installSelection, select, setRoving } from './selection';
import { installExport, installThemeMark } from './theme';
import { applyZoom, fit, installZoomAndPan } from './zoom';

installZoomAndPan();
installSelection();
installOutline();
installCardLinks(select);
installKeyboard();
installMessages();
installEdgeToggle();
installExport();
installThemeMark();
installFlows();

setRoving(focusedId());
if (state.selected) select(state.selected, false);
restoreOutline();
// after the selection: a playing flow's highlight is what the page showed last
startFlow();
if (state.zoom && !state.fitted) applyZoom();
else
  requestAnimationFrame(() => {
    fit();
    showStep();
  });
requestAnimationFrame(() => {
  squeezeOverflowingLabels();
  if (state.selected && !currentFlow()) highlight(state.selected);
});
save();
document.body.dataset.ready = 'true';
vscode.postMessage({ type: 'drawn', revision: revision() });
