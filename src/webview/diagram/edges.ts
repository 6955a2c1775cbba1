// Which edges the drawing shows: the story edges (render.ts marks the others `extra`), a
// selected box's own and a flow step's (CSS), or all of them with "Show all connections".
import { save, state } from './page';
import { edgeEls, hasStory, svg } from './render';

function apply(button: HTMLElement): void {
  const on = !!state.allEdges;
  svg.classList.toggle('all-edges', on);
  button.setAttribute('aria-pressed', String(on));
}

const button = () => document.getElementById('show-all')!;

/** Shows the toggle when the drawing has story edges (else every edge is drawn anyway); again after an update. */
export function refreshEdgeToggle(): void {
  button().hidden = !hasStory;
  if (hasStory) apply(button());
}

export function installEdgeToggle(): void {
  const b = button();
  refreshEdgeToggle();
  b.addEventListener('click', () => {
    if (!hasStory) return;
    if (state.allEdges) delete state.allEdges;
    else state.allEdges = true;
    apply(b);
    save();
  });
}

/** Ids of the edges drawn now, for Export SVG (the current view). */
export function visibleEdgeIds(): string[] {
  return [...edgeEls].filter(([, p]) => getComputedStyle(p).display !== 'none').map(([id]) => id);
}
