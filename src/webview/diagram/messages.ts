// Messages from the extension, checked like ours are on the other side.
import { firstNodeOf } from './page';
import { select } from './selection';

export function installMessages(): void {
  window.addEventListener('message', (ev: MessageEvent) => {
    const m = ev.data as { type?: unknown; id?: unknown } | null;
    if (!m || typeof m !== 'object' || m.type !== 'select' || typeof m.id !== 'string') return;
    const n = firstNodeOf(m.id);
    if (n) select(n.id);
  });
}
