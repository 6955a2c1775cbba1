// Which edges the drawing shows: the story edges (render.ts marks the others `extra`), a
// selected box's own and a flow step's (CSS), or all of them with "Show all connections".
import { save, state } from './page';
import { edgeEls, hasStory, svg } from './render';

function apply(button: HTMLElement): void {
  const on = !!state.allEdges;
  svg.classList.toggle('all-edges', on);
  button.setAttribute('aria-pressed', String(on));
}

export function installEdgeToggle(): void {
  const button = document.getElementById('show-all')!;
  if (!hasStory) return; // every edge is drawn anyway
  button.hidden = false;
  apply(button);
  button.addEventListener('click', () => {
    if (state.allEdges) delete state.allEdges;
    else state.allEdges = true;
    apply(button);
    save();
  });
}

/** Ids of the edges drawn now, for Export SVG (the current view). */
export function visibleEdgeIds(): string[] {
  return [...edgeEls].filter(([, p]) => getComputedStyle(p).display !== 'none').map(([id]) => id);
}
