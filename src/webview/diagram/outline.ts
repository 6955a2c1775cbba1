// The outline beside the drawing: an ARIA tree (groups → boxes → connections) with a roving
// tabindex and the tree pattern's keys. Activating an item selects its box in the drawing;
// selecting a box in the drawing marks and reveals its item. The model is core's outline.ts.
import { pathTo, treeKey, visibleItems, type OutlineItem } from '../../core/diagram/outline';
import { data, nodesById, outline as tree, resumed, save, say, state, strings } from './page';
import { onSelect, select } from './selection';

const itemsById = new Map<string, OutlineItem>();
const index = (items: OutlineItem[]) => {
  for (const i of items) {
    itemsById.set(i.id, i);
    index(i.children);
  }
};
index(tree);

/** The rows expanded when the page was last seen (checked in page.ts), restored by `restoreOutline`. */
const restored = [...(state.expanded ?? [])];
const expanded = new Set<string>(restored);
let current = tree[0]?.id ?? '';
let selectedNode: string | undefined;
let list: HTMLElement | undefined;

const rowEls = new Map<string, HTMLLIElement>();

/**
 * Makes `list` hold exactly `rows`, in order, without taking out a row that stays: the rows that go
 * are removed first; the ones left keep their place, and only new rows (or, after a redraw, rows
 * whose order changed) are inserted.
 */
function placeRows(list: HTMLElement, rows: HTMLLIElement[]): void {
  const keep = new Set(rows);
  for (const child of [...list.children]) if (!keep.has(child as HTMLLIElement)) child.remove();
  let cursor = list.firstElementChild;
  for (const li of rows) {
    if (li === cursor) cursor = cursor.nextElementSibling;
    else list.insertBefore(li, cursor);
  }
  for (const [id, li] of rowEls) if (!li.isConnected) rowEls.delete(id);
}

function render(focus: boolean): void {
  if (!list) return;
  if (expanded.size) state.expanded = [...expanded];
  else delete state.expanded;
  save();
  const rows = visibleItems(tree, expanded).map((v) => {
    // a row keeps its element, so the focused one stays in the document and keeps the focus
    const li = rowEls.get(v.item.id) ?? document.createElement('li');
    rowEls.set(v.item.id, li);
    li.id = `outline-${v.item.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    li.dataset.item = v.item.id;
    li.setAttribute('role', 'treeitem');
    li.setAttribute('aria-level', String(v.level));
    li.setAttribute('aria-setsize', String(v.setsize));
    li.setAttribute('aria-posinset', String(v.posinset));
    // a kept row may have lost its children in a redraw: no aria-expanded then
    if (v.item.children.length) li.setAttribute('aria-expanded', String(expanded.has(v.item.id)));
    else li.removeAttribute('aria-expanded');
    const isSelected = !!selectedNode && v.item.nodeId === selectedNode && !v.item.id.startsWith('e:');
    li.setAttribute('aria-selected', String(isSelected));
    li.tabIndex = v.item.id === current ? 0 : -1;
    li.className = `level-${Math.min(v.level, 3)}${v.item.children.length ? ' parent' : ''}`;
    li.style.setProperty('--level', String(v.level - 1));
    const twisty = document.createElement('span');
    twisty.className = 'twisty';
    twisty.setAttribute('aria-hidden', 'true');
    twisty.textContent = v.item.children.length ? (expanded.has(v.item.id) ? '▾' : '▸') : '';
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = v.item.label;
    const text = document.createElement('span');
    text.className = 'text';
    text.append(label);
    if (v.item.description) {
      const d = document.createElement('span');
      d.className = 'description';
      d.textContent = ` ${v.item.description}`;
      text.append(d);
    }
    li.replaceChildren(twisty, text);
    return li;
  });
  placeRows(list, rows);
  if (focus) {
    const target = list.querySelector('[tabindex="0"]') as HTMLElement | null;
    if (target && document.activeElement !== target) target.focus();
  }
}

function activate(id: string): void {
  const item = itemsById.get(id);
  if (!item?.nodeId || !nodesById.has(item.nodeId)) return;
  if (item.children.length && !expanded.has(id)) expanded.add(id);
  select(item.nodeId, false);
  render(true);
}

function onKey(ev: KeyboardEvent): void {
  if (ev.ctrlKey || ev.altKey || ev.metaKey) return;
  const action = treeKey(tree, expanded, current, ev.key);
  if (!action) return;
  ev.preventDefault();
  ev.stopPropagation();
  if ('focus' in action) current = action.focus;
  else if ('expand' in action) expanded.add(action.expand);
  else if ('collapse' in action) expanded.delete(action.collapse);
  else if ('activate' in action) return activate(action.activate);
  render(true);
}

export function installOutline(): void {
  const host = document.getElementById('outline');
  if (!host) return;
  const ul = document.createElement('ul');
  ul.setAttribute('role', 'tree');
  ul.setAttribute('aria-label', say(strings.outlineOf, data.title));
  ul.className = 'tree';
  host.appendChild(ul);
  list = ul;
  ul.addEventListener('keydown', onKey);
  ul.addEventListener('click', (ev) => {
    const li = (ev.target as Element).closest('[role="treeitem"]') as HTMLElement | null;
    const id = li?.dataset.item;
    if (!id) return;
    current = id;
    const item = itemsById.get(id);
    if (item?.children.length && (ev.target as Element).closest('.twisty')) {
      if (expanded.has(id)) expanded.delete(id);
      else expanded.add(id);
      render(true);
    } else activate(id);
  });
  onSelect((nodeId) => {
    selectedNode = nodeId;
    if (nodeId) for (const id of (pathTo(tree, nodeId) ?? []).slice(0, -1)) expanded.add(id);
    render(false);
    list?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  });
  render(false);
}

/**
 * After an update (the outline model was replaced in page.ts): the rows the state kept
 * expanded (carried over: only those that still exist), the same row focused if it still
 * exists, the selected box's row marked.
 */
export function rebuildOutline(): void {
  itemsById.clear();
  index(tree);
  expanded.clear();
  for (const id of state.expanded ?? []) expanded.add(id);
  if (!itemsById.has(current)) current = tree[0]?.id ?? '';
  selectedNode = state.selected;
  list?.setAttribute('aria-label', say(strings.outlineOf, data.title));
  const hadFocus = !!list && list.contains(document.activeElement);
  render(hadFocus);
}

/** A page coming back expands exactly the rows it had expanded (restoring the selection expanded its path too). */
export function restoreOutline(): void {
  if (!resumed) return;
  expanded.clear();
  for (const id of restored) expanded.add(id);
  render(false);
}
