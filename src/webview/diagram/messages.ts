// Messages from the extension, checked like ours are on the other side.
import { play } from './flows';
import { firstNodeOf } from './page';
import { select } from './selection';

export function installMessages(): void {
  window.addEventListener('message', (ev: MessageEvent) => {
    const m = ev.data as { type?: unknown; id?: unknown; step?: unknown } | null;
    if (!m || typeof m !== 'object' || typeof m.id !== 'string' || m.id.length > 120) return;
    if (m.type === 'play') {
      play(m.id, typeof m.step === 'number' && Number.isInteger(m.step) ? m.step : 0);
      return;
    }
    if (m.type !== 'select') return;
    const n = firstNodeOf(m.id);
    if (n) select(n.id);
  });
}
