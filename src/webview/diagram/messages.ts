// Messages from the extension, checked (incoming.ts) like ours are on the other side.
import { play } from './flows';
import { parseIncoming } from './incoming';
import { data, firstNodeOf, revision, vscode } from './page';
import { select } from './selection';
import { applyUpdate } from './update';

export function installMessages(): void {
  window.addEventListener('message', (ev: MessageEvent) => {
    const m = parseIncoming(ev.data, { view: data.view, token: data.token, revision: revision() });
    if (!m) return;
    if (m.type === 'update') {
      applyUpdate(m.data);
      vscode.postMessage({ type: 'drawn', revision: revision() });
      return;
    }
    if (m.type === 'play') {
      play(m.id, m.step);
      return;
    }
    const n = firstNodeOf(m.id);
    if (n) select(n.id);
  });
}
