// The colour theme: marks the body with the theme kind, and resolves the theme's colours to
// concrete values for an exported, standalone SVG.
import { PALETTE_KEYS } from '../../core/diagram/svg';
import { visibleEdgeIds } from './edges';
import { vscode } from './page';

function resolvedPalette(): Record<string, string> {
  const probe = document.createElement('span');
  probe.className = 'palette-probe';
  document.body.appendChild(probe);
  const out: Record<string, string> = {};
  for (const k of PALETTE_KEYS) {
    probe.className = `palette-probe probe-${k}`;
    out[k] = getComputedStyle(probe).color;
  }
  probe.remove();
  return out;
}

export function installExport(): void {
  document.getElementById('export')!.addEventListener('click', () => {
    vscode.postMessage({ type: 'export', palette: resolvedPalette(), edges: visibleEdgeIds() });
  });
}

/** `hc-light`, `hc-dark`, `light` or `dark`: checks high-contrast light before treating high contrast as dark. */
function themeKind(): string {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'hc-light';
  if (c.contains('vscode-high-contrast')) return 'hc-dark';
  return c.contains('vscode-light') ? 'light' : 'dark';
}

export function installThemeMark(): void {
  const markTheme = () => {
    document.body.dataset.theme = themeKind();
  };
  markTheme();
  new MutationObserver(markTheme).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
