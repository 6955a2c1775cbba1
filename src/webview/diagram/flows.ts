// Guided flows: the list of this diagram's flows, the player (step text, entry and source
// links, Previous / Next / Stop, ← and →), the highlighted boxes and edges of the current step
// (thicker outline, numbered badges, everything else dimmed: never colour alone) and the
// aria-live announcement of every step. The flow playing and its step are saved with the page's
// state, so a panel hidden and shown again or reloaded goes on where it was.
import type { PageFlow } from '../../features/diagram/flows';
import { data, firstNodeOf, flows, nodesById, resumed, save, say, stage, state, strings, view, vscode } from './page';
import { edgeEls, el, gEdges, nodeEls, svg, viewport } from './render';
import { highlight, select } from './selection';
import { reveal, zoomBy } from './zoom';

/** Zooming out to show a whole step stops here, so labels stay readable. */
const MIN_STEP_ZOOM = 0.75;

const section = document.getElementById('flows')!;
const list = document.getElementById('flow-list')!;
const player = document.getElementById('flow-player')!;
const titleEl = document.getElementById('flow-title')!;
const countEl = document.getElementById('flow-count')!;
const textEl = document.getElementById('flow-text')!;
const linksEl = document.getElementById('flow-links')!;
const prevBtn = document.getElementById('flow-prev') as HTMLButtonElement;
const nextBtn = document.getElementById('flow-next') as HTMLButtonElement;
const live = document.getElementById('flow-live')!;
const marks = el('g', { class: 'flow-marks', 'aria-hidden': 'true' }, viewport);

let playing: { flow: PageFlow; step: number } | undefined;

/** The flow playing and its step (0-based), for the page's tests and the card. */
export function currentFlow(): { id: string; step: number } | undefined {
  return playing ? { id: playing.flow.id, step: playing.step } : undefined;
}

/** The flows of this page that show an entry. */
export function flowsWith(entryId: string): PageFlow[] {
  return flows.filter((f) => f.steps.some((s) => s.entry === entryId || s.nodes.some((n) => nodesById.get(n)?.entryId === entryId)));
}

function clearMarks(): void {
  svg.classList.remove('flow-playing');
  for (const g of nodeEls.values()) {
    g.classList.remove('flow-on');
    g.removeAttribute('aria-current');
    delete g.dataset.flowOrder;
  }
  for (const p of edgeEls.values()) {
    if (p.classList.contains('flow-on')) p.setAttribute('marker-end', 'url(#arrow)');
    p.classList.remove('flow-on');
  }
  marks.replaceChildren();
}

/** Marks the step's boxes and edges; `move` brings them into view. */
function draw(move: boolean): void {
  clearMarks();
  if (!playing) return;
  const step = playing.flow.steps[playing.step]!;
  highlight(undefined);
  svg.classList.add('flow-playing');
  step.nodes.forEach((id, i) => {
    const g = nodeEls.get(id);
    const n = nodesById.get(id);
    if (!g || !n) return;
    g.classList.add('flow-on');
    g.setAttribute('aria-current', 'step');
    g.dataset.flowOrder = String(i + 1);
    // a numbered badge on the box's corner: the order reads without colour
    const badge = el('g', { class: 'flow-badge' }, marks);
    el('circle', { cx: n.x, cy: n.y, r: 9 }, badge);
    el('text', { x: n.x, y: n.y + 4, 'text-anchor': 'middle', 'font-size': 11, 'font-weight': 700 }, badge).textContent = String(i + 1);
  });
  for (const id of step.edges) {
    const p = edgeEls.get(id);
    if (!p) continue;
    p.classList.add('flow-on');
    p.setAttribute('marker-end', 'url(#arrow-active)');
    gEdges.appendChild(p);
  }
  if (move) showAll(step.nodes);
}

/** Brings the playing step's boxes into view (after the view was fitted to the panel). */
export function showStep(): void {
  if (playing) showAll(playing.flow.steps[playing.step]!.nodes);
}

/** Brings every box of the step into view: pans, and zooms out a little when they do not fit. */
function showAll(ids: string[]): void {
  const boxes = ids.map((id) => nodesById.get(id)).filter((n) => n !== undefined);
  if (!boxes.length) return;
  const x = Math.min(...boxes.map((b) => b.x)) - 16;
  const y = Math.min(...boxes.map((b) => b.y)) - 16;
  const w = Math.max(...boxes.map((b) => b.x + b.w)) - x + 16;
  const h = Math.max(...boxes.map((b) => b.y + b.h)) - y + 16;
  const fits = Math.min(stage.clientWidth / w, stage.clientHeight / h);
  if (fits < view.zoom.k && view.zoom.k > MIN_STEP_ZOOM) zoomBy(Math.max(fits, MIN_STEP_ZOOM) / view.zoom.k);
  reveal({ ...boxes[0]!, x, y, w, h });
}

/** Shows the player or the list; `announce` false: the step is the same one (an update), not read out again. */
function render(move = true, announce = true): void {
  if (playing) state.flow = { id: playing.flow.id, step: playing.step };
  else delete state.flow;
  save();
  if (!playing) {
    player.hidden = true;
    list.hidden = false;
    clearMarks();
    return;
  }
  const { flow, step } = playing;
  const s = flow.steps[step]!;
  list.hidden = true;
  player.hidden = false;
  titleEl.textContent = flow.title;
  countEl.textContent = say(strings.stepOf, step + 1, flow.steps.length);
  textEl.textContent = s.text;
  linksEl.replaceChildren();
  const entry = document.createElement('a');
  entry.href = '#';
  entry.dataset.entry = s.entry;
  entry.textContent = s.entryTitle;
  const source = document.createElement('a');
  source.href = '#';
  source.dataset.external = s.source.url;
  source.textContent = s.source.title;
  linksEl.append(strings.entry, entry, strings.source, source);
  prevBtn.disabled = step === 0;
  nextBtn.textContent = step === flow.steps.length - 1 ? strings.done : strings.next;
  draw(move);
  if (announce) live.textContent = say(strings.stepAnnounce, flow.title, step + 1, flow.steps.length, s.text);
}

/**
 * Starts a flow of this page at a step; false when the page has no such flow. `resume`: the
 * page is coming back as it was left, so neither the view nor the focus moves.
 */
export function play(id: string, step = 0, { resume = false } = {}): boolean {
  const flow = flows.find((f) => f.id === id);
  if (!flow) return false;
  playing = { flow, step: Math.max(0, Math.min(flow.steps.length - 1, Math.floor(step))) };
  render(!resume);
  if (!resume) player.focus({ preventScroll: true });
  return true;
}

/** On load: the flow the page was left playing, or else (a newly opened page) the one it was opened to play. */
export function startFlow(): void {
  if (resumed) {
    if (state.flow) play(state.flow.id, state.flow.step, { resume: true });
  } else if (data.play && typeof data.play.id === 'string') play(data.play.id, Number(data.play.step) || 0);
}

export function stepBy(delta: number): void {
  if (!playing) return;
  const next = playing.step + delta;
  if (next >= playing.flow.steps.length) return stop();
  if (next < 0) return;
  playing.step = next;
  render();
}

export function stop(): void {
  if (!playing) return;
  const id = playing.flow.id;
  playing = undefined;
  render();
  live.textContent = strings.flowStopped;
  (list.querySelector(`button[data-flow="${CSS.escape(id)}"]`) as HTMLButtonElement | null)?.focus();
}

function fillList(): void {
  section.hidden = !flows.length;
  list.replaceChildren(
    ...flows.map((f) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.flow = f.id;
      b.textContent = `▶ ${f.title}`;
      b.title = f.summary;
      li.appendChild(b);
      return li;
    }),
  );
}

/**
 * After an update (page.ts replaced the flows and render.ts redrew the boxes): the list again,
 * and the flow playing goes on at its step when the page still has it (marks redrawn, the view
 * left alone), else it stops.
 */
export function rebuildFlows(): void {
  fillList();
  if (!playing) return render(false);
  const flow = flows.find((f) => f.id === playing!.flow.id);
  if (!flow) {
    playing = undefined;
    render(false);
    live.textContent = strings.flowStopped;
    return;
  }
  playing = { flow, step: Math.min(playing.step, flow.steps.length - 1) };
  render(false, false);
}

export function installFlows(): void {
  fillList();
  list.addEventListener('click', (ev) => {
    const b = (ev.target as Element).closest('button[data-flow]') as HTMLButtonElement | null;
    if (b?.dataset.flow) play(b.dataset.flow);
  });
  prevBtn.addEventListener('click', () => stepBy(-1));
  nextBtn.addEventListener('click', () => stepBy(1));
  document.getElementById('flow-stop')!.addEventListener('click', () => stop());
  player.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.altKey || ev.metaKey || ev.shiftKey) return;
    if (ev.key === 'ArrowRight') stepBy(1);
    else if (ev.key === 'ArrowLeft') stepBy(-1);
    else if (ev.key === 'Escape') stop();
    else return;
    ev.preventDefault();
    ev.stopPropagation();
  });
  linksEl.addEventListener('click', (ev) => {
    const a = (ev.target as Element).closest('[data-entry],[data-external]') as HTMLElement | null;
    if (!a) return;
    ev.preventDefault();
    if (a.dataset.external) vscode.postMessage({ type: 'external', url: a.dataset.external });
    else if (a.dataset.entry) {
      const n = firstNodeOf(a.dataset.entry);
      if (n) select(n.id, false);
      else vscode.postMessage({ type: 'open', id: a.dataset.entry });
    }
  });
}
