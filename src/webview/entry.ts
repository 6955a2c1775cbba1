// Runs inside the entry card webview: turns clicks into validated messages for the extension.
interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const data = JSON.parse(document.getElementById('atlas-data')?.textContent ?? '{}') as { id?: string };
if (data.id) vscode.setState({ id: data.id });

document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest('[data-entry],[data-external],[data-command]');
  if (!target) return;
  event.preventDefault();
  const el = target as HTMLElement;
  if (el.dataset.entry) vscode.postMessage({ type: 'open', id: el.dataset.entry });
  else if (el.dataset.external) vscode.postMessage({ type: 'external', url: el.dataset.external });
  else if (el.dataset.command === 'diagram' || el.dataset.command === 'reveal') {
    const msg: Record<string, string> = { type: 'command', command: el.dataset.command, id: el.dataset.id ?? '' };
    if (el.dataset.system) msg.system = el.dataset.system;
    vscode.postMessage(msg);
  } else if (el.dataset.command === 'flow' && el.dataset.flow) {
    vscode.postMessage({ type: 'command', command: 'flow', id: el.dataset.id ?? '', flow: el.dataset.flow });
  }
});
