// The card beside the drawing: the selected box's entry, and the links inside it.
import type { LaidNode } from '../../core/diagram/types';
import { flowsWith, play } from './flows';
import { cardEl, data, firstNodeOf, nodesById, state, strings, vscode } from './page';

export function showCard(n: LaidNode | undefined): void {
  cardEl.replaceChildren();
  if (!n) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = strings.selectHint;
    cardEl.appendChild(p);
    return;
  }
  const where = document.createElement('p');
  where.className = 'where';
  where.textContent = n.name;
  const html = data.cards[n.entryId];
  const body = document.createElement('div');
  body.className = 'entry';
  // a fragment rendered in the extension by the card renderer: fields escaped, markdown-it
  // with HTML disabled; never text straight from the page
  if (html) body.innerHTML = html;
  else body.textContent = n.name;
  cardEl.append(where, body);
  const flow = flowsWith(n.entryId)[0];
  if (data.canReveal || flow) {
    const nav = document.createElement('nav');
    nav.className = 'actions';
    if (flow) {
      const f = document.createElement('button');
      f.type = 'button';
      f.dataset.playFlow = flow.id;
      f.dataset.playEntry = n.entryId;
      f.title = flow.title;
      f.textContent = strings.showHowItWorks;
      nav.appendChild(f);
    }
    if (data.canReveal) {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.reveal = n.entryId;
      b.textContent = strings.revealInAtlas;
      nav.appendChild(b);
    }
    cardEl.appendChild(nav);
  }
  cardEl.scrollTop = 0;
}

/** Clicks in the card: entries drawn here get selected (through `select`), others open in the card view. */
export function installCardLinks(select: (id: string, focus: boolean) => void): void {
  cardEl.addEventListener('click', (ev) => {
    const a = (ev.target as Element).closest('[data-entry],[data-external],[data-reveal],[data-play-flow]') as HTMLElement | null;
    if (!a) return;
    ev.preventDefault();
    if (a.dataset.playFlow) {
      const flow = flowsWith(a.dataset.playEntry ?? '').find((f) => f.id === a.dataset.playFlow);
      if (flow) play(flow.id, Math.max(0, flow.steps.findIndex((s) => s.entry === a.dataset.playEntry || s.nodes.some((id) => nodesById.get(id)?.entryId === a.dataset.playEntry))));
    } else if (a.dataset.entry) {
      const current = state.selected ? nodesById.get(state.selected) : undefined;
      const target = firstNodeOf(a.dataset.entry, current);
      if (target) select(target.id, false);
      else vscode.postMessage({ type: 'open', id: a.dataset.entry });
    } else if (a.dataset.external) vscode.postMessage({ type: 'external', url: a.dataset.external });
    else if (a.dataset.reveal) vscode.postMessage({ type: 'reveal', id: a.dataset.reveal });
  });
}
