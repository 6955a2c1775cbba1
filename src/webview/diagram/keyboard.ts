// Keyboard: only keys the diagram needs, never with Ctrl, Alt or Cmd (those stay VS Code's).
import { neighbour, readingOrder, type Direction } from '../../core/diagram/navigate';
import { layout, stage, state } from './page';
import { focusedId, focusNode, select } from './selection';
import { fit, panBy, zoomBy } from './zoom';

const PAN_STEP = 80;
const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export function installKeyboard(): void {
  stage.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.altKey || ev.metaKey) return;
    const dir = ARROWS[ev.key];
    const focused = focusedId();
    let handled = true;
    if (dir && ev.shiftKey) {
      const d = { up: [0, PAN_STEP], down: [0, -PAN_STEP], left: [PAN_STEP, 0], right: [-PAN_STEP, 0] }[dir];
      panBy(d[0]!, d[1]!);
    } else if (dir) {
      const next = neighbour(layout.nodes, focused, dir);
      if (next) focusNode(next);
    } else if (ev.shiftKey && ev.key !== '+') {
      handled = false;
    } else if (ev.key === 'Enter' || ev.key === ' ') {
      if (focused) select(focused);
    } else if (ev.key === '+' || ev.key === '=') zoomBy(1.25);
    else if (ev.key === '-') zoomBy(0.8);
    else if (ev.key === '0') fit(true);
    else if (ev.key === 'Escape' && state.selected) select(undefined, false);
    else if (ev.key === 'Home' || ev.key === 'End') {
      const order = readingOrder(layout.nodes);
      const target = ev.key === 'Home' ? order[0] : order[order.length - 1];
      if (target) focusNode(target.id);
    } else handled = false;
    if (handled) {
      ev.preventDefault();
      ev.stopPropagation();
    }
  });
}
