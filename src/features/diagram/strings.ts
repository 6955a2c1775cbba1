/**
 * The diagram page's words, translated on the extension side (vscode.l10n.t) and sent with the
 * page: its HTML, and the strings its script writes (`{0}` filled in by the page).
 */
import * as vscode from 'vscode';
import { outlineWords } from '../../core/diagram/outline';
import { escapeHtml } from '../../core/render/markdown';

/** Strings the page script shows; the keys are read in src/webview/diagram/. */
export function diagramStrings() {
  return {
    selectHint: vscode.l10n.t('Select a box to read its entry: click it, or move with the arrow keys and press Enter.'),
    showHowItWorks: vscode.l10n.t('Show how it works'),
    revealInAtlas: vscode.l10n.t('Reveal in Atlas'),
    stepOf: vscode.l10n.t('Step {0} of {1}'),
    stepAnnounce: vscode.l10n.t('{0}, step {1} of {2}: {3}'),
    entry: vscode.l10n.t('Entry: '),
    source: vscode.l10n.t(' · Source: '),
    done: vscode.l10n.t('Done'),
    next: vscode.l10n.t('Next →'),
    flowStopped: vscode.l10n.t('Flow stopped.'),
    outlineOf: vscode.l10n.t('Outline of {0}'),
    /** the drawing's role, read by screen readers */
    diagramRole: vscode.l10n.t('architecture diagram'),
    /** the drawing's accessible name; {0}: the diagram's title, {1}: how many boxes */
    diagramName: vscode.l10n.t('{0}. {1} boxes.'),
    /** the words core's outline model adds (src/core/diagram/outline.ts) */
    outline: outlineWords(vscode.l10n.t),
  };
}

export type DiagramStrings = ReturnType<typeof diagramStrings>;

/** The page's body, with its labels translated. */
export function diagramBody(): string {
  const t = (message: string) => escapeHtml(vscode.l10n.t(message));
  return `
<div class="app">
<header class="toolbar" role="toolbar" aria-label="${t('Diagram tools')}" aria-controls="stage">
  <h1 id="diagram-title"></h1>
  <span class="spacer"></span>
  <button type="button" id="zoom-out" title="${t('Zoom out (-)')}" aria-label="${t('Zoom out')}">−</button>
  <output id="zoom-level" aria-live="off">100%</output>
  <button type="button" id="zoom-in" title="${t('Zoom in (+)')}" aria-label="${t('Zoom in')}">+</button>
  <button type="button" id="fit" title="${t('Fit to window (0)')}">${t('Fit to window')}</button>
  <button type="button" id="show-all" aria-pressed="false" title="${t('Show every connection, not only the main ones (a selected box always shows its own)')}" hidden>${t('Show all connections')}</button>
  <button type="button" id="export" title="${t('Save the drawing as a standalone SVG file')}">${t('Export SVG…')}</button>
</header>
<div class="main">
  <div id="stage" class="stage" aria-describedby="keys-help"></div>
  <aside id="side" class="side" aria-label="${t('Outline and selected entry')}">
    <nav id="outline" class="outline" aria-label="${t('Outline')}"><h2 class="outline-title">${t('Outline')}</h2></nav>
    <section id="flows" class="flows" aria-labelledby="flows-heading" hidden>
      <h2 id="flows-heading">${t('How it works')}</h2>
      <ul id="flow-list" class="flow-list"></ul>
      <div id="flow-player" class="flow-player" tabindex="-1" role="group" aria-labelledby="flow-title" aria-describedby="flow-keys" hidden>
        <h3 id="flow-title"></h3>
        <p id="flow-count" class="flow-count"></p>
        <p id="flow-text" class="flow-text"></p>
        <p id="flow-links" class="flow-links"></p>
        <div class="flow-buttons">
          <button type="button" id="flow-prev" aria-keyshortcuts="ArrowLeft">${t('← Previous')}</button>
          <button type="button" id="flow-next" aria-keyshortcuts="ArrowRight">${t('Next →')}</button>
          <button type="button" id="flow-stop">${t('Stop')}</button>
        </div>
        <p id="flow-keys" class="keys">${t('← and → step through the flow · Esc stops it')}</p>
      </div>
      <p id="flow-live" class="visually-hidden" aria-live="polite" aria-atomic="true"></p>
    </section>
    <div id="card" class="card" aria-live="polite">
      <p class="hint">${t('Select a box to read its entry: click it, or move with the arrow keys and press Enter.')}</p>
    </div>
    <p id="keys-help" class="keys">${t('Arrow keys move between boxes · Enter selects · + and − zoom · 0 fits · Shift+arrows pan · Esc clears the selection')}</p>
  </aside>
</div>
</div>`;
}
