import type { KnowledgeIndex } from '../knowledge/index';
import type { Entry } from '../knowledge/types';
import { codeSpan, escapeHtml, escapeMarkdown, linkTarget, markdown } from './markdown';
import { flowsWithEntry } from '../diagram/flows';

export const KIND_LABEL: Record<Entry['kind'], string> = {
  system: 'system',
  layer: 'layer',
  component: 'component',
  concept: 'concept',
  format: 'file format',
  tool: 'tool',
  setting: 'setting',
};

/** Where an entry sits: "Hyper-V › Root partition · user mode", one line per system. */
export function placement(kb: KnowledgeIndex, entry: Entry): string[] {
  const lines: string[] = [];
  if (entry.kind === 'system') {
    const type = entry.classification === 'type1' ? 'Type 1 (bare metal)' : entry.classification === 'type2' ? 'Type 2 (hosted)' : '';
    return [type, entry.vendor ?? ''].filter(Boolean).length ? [[type, entry.vendor].filter(Boolean).join(' · ')] : [];
  }
  if (entry.kind === 'layer' && entry.system) return [kb.get(entry.system)?.title ?? entry.system];
  const seen = new Set<string>();
  for (const layer of kb.getAll(entry.layers)) {
    const system = layer.system ? kb.get(layer.system) : undefined;
    const key = `${system?.id}/${layer.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push([system?.title, layer.title].filter(Boolean).join(' › ') + (entry.mode ? ` · ${entry.mode} mode` : ''));
  }
  for (const s of kb.getAll(entry.systems)) {
    if (![...seen].some((k) => k.startsWith(`${s.id}/`))) lines.push(s.title);
  }
  return lines;
}

export interface CardLinks {
  /** command id → whether it is available; the card links only to those that are */
  openEntry?: string;
  showDiagram?: string;
  revealInAtlas?: string;
  /** "Show how it works": plays the first guided flow that shows the entry */
  showFlow?: string;
}

/** The commands a card made with `links` can link to: a hover's `enabledCommands`, nothing more. */
export function cardCommands(links: CardLinks): string[] {
  return [links.openEntry, links.showDiagram, links.revealInAtlas, links.showFlow].filter((c): c is string => typeof c === 'string');
}

/**
 * Markdown of a workspace glossary text: shown as plain text, paragraph by paragraph, so it
 * can hold no link, image, HTML or command.
 */
export function plainParagraphs(text: string): string {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => escapeMarkdown(p).trim())
    .filter(Boolean)
    .join('\n\n');
}

export function commandUri(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** Systems an entry can be shown in a diagram of. */
export function diagramSystems(kb: KnowledgeIndex, entry: Entry): Entry[] {
  if (entry.kind === 'system') return [entry];
  if (entry.kind === 'layer' && entry.system) return kb.getAll([entry.system]);
  if (entry.kind !== 'component') return [];
  const ids = new Set(kb.getAll(entry.layers).map((l) => l.system).filter((s): s is string => !!s));
  return kb.getAll([...ids]);
}

/**
 * The hover card as Markdown. Everything from the document (`hovered`) and every entry field
 * is escaped; only a bundled entry's body is Markdown (it is ours, and links only to https).
 * A workspace entry's body and notes are plain text, and the card says which file they are from.
 */
export function cardMarkdown(kb: KnowledgeIndex, entry: Entry, hovered: string | undefined, links: CardLinks, others: Entry[] = []): string {
  const out: string[] = [];
  const title = `**${escapeMarkdown(entry.title)}**${entry.short && entry.short !== entry.title ? ` (${escapeMarkdown(entry.short)})` : ''}`;
  // header lines end in two spaces: Markdown hard breaks, one fact per line
  out.push(`${title} · *${KIND_LABEL[entry.kind]}*  `);
  const where = placement(kb, entry);
  if (where.length) out.push(`$(layers) ${where.map(escapeMarkdown).join(' · ')}  `);
  const forms = entry.aliases.filter((a) => a !== hovered).slice(0, 8);
  const formLine: string[] = [];
  if (hovered) formLine.push(`You hovered ${codeSpan(hovered)}`);
  if (forms.length) formLine.push(`also written ${forms.map((f) => codeSpan(f)).join(', ')}`);
  if (formLine.length) out.push(formLine.join('; '));
  if (entry.workspace) out.push(`$(folder) From the workspace glossary ${codeSpan(entry.file, 200)}`);
  out.push('', '---', '', escapeMarkdown(entry.summary), '', entry.workspace ? plainParagraphs(entry.body) : entry.body);
  if (entry.values?.length) {
    out.push('', '| value | meaning |', '| --- | --- |', ...entry.values.map((v) => `| ${codeSpan(v.value.replace(/\|/g, ' '))} | ${escapeMarkdown(v.meaning)} |`));
  }
  for (const note of entry.notes ?? []) {
    const added = note.aliases.length ? ` (adds ${note.aliases.slice(0, 8).map((a) => codeSpan(a)).join(', ')})` : '';
    out.push('', `$(folder) **Workspace note** from ${codeSpan(note.file, 200)}${added}`);
    if (note.text) out.push('', plainParagraphs(note.text));
  }
  if (entry.kind === 'system' && entry.classificationNote) out.push('', `*${escapeMarkdown(entry.classificationNote)}*`);
  if (others.length) {
    const alt = others.map((o) => (links.openEntry ? `[${escapeMarkdown(o.title)}](${commandUri(links.openEntry, [o.id])})` : escapeMarkdown(o.title)));
    out.push('', `$(question) This word can also mean: ${alt.join(', ')}`);
  }
  const related = kb.getAll(entry.related);
  if (related.length) {
    const items = related.map((r) => (links.openEntry ? `[${escapeMarkdown(r.title)}](${commandUri(links.openEntry, [r.id])})` : escapeMarkdown(r.title)));
    out.push('', `**Related:** ${items.join(' · ')}`);
  }
  if (entry.sources.length) {
    out.push('', `**Sources:** ${entry.sources.map((s) => `[${escapeMarkdown(s.title)}](${linkTarget(s.url)})`).join(' · ')}`);
  }
  const actions: string[] = [];
  if (links.openEntry) actions.push(`[$(book) Open card](${commandUri(links.openEntry, [entry.id])})`);
  if (links.showDiagram) {
    for (const system of diagramSystems(kb, entry)) {
      actions.push(`[$(type-hierarchy) Show in ${escapeMarkdown(system.title)} diagram](${commandUri(links.showDiagram, [system.id, entry.id])})`);
    }
  }
  const flow = links.showFlow ? flowsWithEntry(kb.flows, entry.id)[0] : undefined;
  if (flow && links.showFlow) actions.push(`[$(play) Show how it works](${commandUri(links.showFlow, [flow.id, entry.id])})`);
  if (links.revealInAtlas) actions.push(`[$(list-tree) Reveal in Atlas](${commandUri(links.revealInAtlas, [entry.id])})`);
  if (actions.length) out.push('', actions.join(' · '));
  return out.join('\n');
}

/** The entry card as an HTML fragment (for webviews); body rendered by markdown-it with HTML off. */
export function cardHtml(kb: KnowledgeIndex, entry: Entry): string {
  const md = markdown();
  const parts: string[] = [];
  parts.push(`<header><h1>${escapeHtml(entry.title)}${entry.short && entry.short !== entry.title ? ` <span class="short">${escapeHtml(entry.short)}</span>` : ''}</h1>`);
  parts.push(`<p class="meta"><span class="kind">${escapeHtml(KIND_LABEL[entry.kind])}</span>${placement(kb, entry).map((p) => ` · ${escapeHtml(p)}`).join('')}</p></header>`);
  if (entry.workspace) parts.push(`<p class="origin">From the workspace glossary <code>${escapeHtml(entry.file)}</code></p>`);
  parts.push(`<p class="summary">${escapeHtml(entry.summary)}</p>`);
  parts.push(`<section class="body">${entry.workspace ? plainHtml(entry.body) : md.render(entry.body)}</section>`);
  for (const note of entry.notes ?? []) {
    parts.push(`<section class="note"><p class="origin">Workspace note from <code>${escapeHtml(note.file)}</code></p>${plainHtml(note.text)}</section>`);
  }
  if (entry.values?.length) {
    parts.push('<table class="values"><thead><tr><th>value</th><th>meaning</th></tr></thead><tbody>');
    for (const v of entry.values) parts.push(`<tr><td><code>${escapeHtml(v.value)}</code></td><td>${escapeHtml(v.meaning)}</td></tr>`);
    parts.push('</tbody></table>');
  }
  if (entry.classificationNote) parts.push(`<p class="note">${escapeHtml(entry.classificationNote)}</p>`);
  if (entry.aliases.length) parts.push(`<p class="aliases"><strong>Also written:</strong> ${entry.aliases.map((a) => `<code>${escapeHtml(a)}</code>`).join(' ')}</p>`);
  const related = kb.getAll(entry.related);
  if (related.length) {
    parts.push(`<p class="related"><strong>Related:</strong> ${related.map((r) => `<a href="#" data-entry="${escapeHtml(r.id)}">${escapeHtml(r.title)}</a>`).join(' · ')}</p>`);
  }
  parts.push(`<p class="sources"><strong>Sources:</strong> ${entry.sources.map((s) => `<a href="${escapeHtml(s.url)}" data-external="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a>`).join(' · ')}</p>`);
  return parts.join('\n');
}

function plainHtml(text: string): string {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
}
