import type { KnowledgeIndex } from '../knowledge/index';
import type { Entry } from '../knowledge/types';
import { codeSpan, escapeHtml, escapeMarkdown, linkTarget, markdown } from './markdown';
import { flowsWithEntry } from '../diagram/flows';
import { english, fill, messages, type Translate } from '../l10n';
import { classificationLabel, kindLabels, modeLabel } from './words';

const cardWords = messages({
  /** {0}: the glossary file's name */
  fromGlossary: 'From the workspace glossary {0}',
  /** {0}: the file's name */
  workspaceNote: '**Workspace note** from {0}',
  workspaceNoteHtml: 'Workspace note from {0}',
  /** {0}: the aliases a note adds */
  noteAdds: '(adds {0})',
  value: 'value',
  meaning: 'meaning',
  /** {0}: how many values the compact card leaves out */
  moreValues: '{0} more in the full card',
  /** {0}: other ways the term is written */
  alsoWritten: 'Also written {0}',
  alsoWrittenHeading: 'Also written:',
  related: 'Related:',
  sources: 'Sources:',
  /** {0}: the other entries */
  alsoMeans: 'This word can also mean: {0}',
  openCard: 'Open card',
  more: 'More…',
  /** {0}: a system's name */
  showInDiagram: 'Show in {0} diagram',
  showFlow: 'Show how it works',
  revealInAtlas: 'Reveal in Atlas',
  source: 'Source',
});

/** Where an entry sits: "Hyper-V › Root partition · user mode", one line per system. */
export function placement(kb: KnowledgeIndex, entry: Entry, t: Translate = english): string[] {
  const lines: string[] = [];
  if (entry.kind === 'system') {
    const type = classificationLabel(entry.classification, t);
    return [type, entry.vendor ?? ''].filter(Boolean).length ? [[type, entry.vendor].filter(Boolean).join(' · ')] : [];
  }
  if (entry.kind === 'layer' && entry.system) return [kb.get(entry.system)?.title ?? entry.system];
  const seen = new Set<string>();
  for (const layer of kb.getAll(entry.layers)) {
    const system = layer.system ? kb.get(layer.system) : undefined;
    const key = `${system?.id}/${layer.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push([system?.title, layer.title].filter(Boolean).join(' › ') + (entry.mode ? ` · ${modeLabel([entry.mode], t)}` : ''));
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
export type CardDetail = 'compact' | 'full';

/** Lines a compact card gives its text: title, place, summary and key facts. */
export const COMPACT_LINES = 12;
/** Characters a hover line holds, for counting wrapped paragraphs. */
const LINE_CHARS = 80;

export function cardMarkdown(kb: KnowledgeIndex, entry: Entry, hovered: string | undefined, links: CardLinks, others: Entry[] = [], detail: CardDetail = 'full', t: Translate = english): string {
  const w = cardWords(t);
  const out: string[] = [];
  const short = entry.short && entry.short !== entry.title ? ` (${escapeMarkdown(entry.short)})` : '';
  // the hovered form goes on the title line, unless it is the title itself
  const same = (a: string | undefined) => a !== undefined && a.toLowerCase() === hovered?.toLowerCase();
  const form = hovered && !same(entry.title) && !same(entry.short) ? ` · ${codeSpan(hovered)}` : '';
  // header lines end in two spaces: Markdown hard breaks, one fact per line
  out.push(`**${escapeMarkdown(entry.title)}**${short} · *${kindLabels(t)[entry.kind]}*${form}  `);
  const where = placement(kb, entry, t);
  if (where.length) out.push(`$(layers) ${where.map(escapeMarkdown).join(' · ')}  `);
  if (entry.workspace) out.push(`$(folder) ${fill(w.fromGlossary, codeSpan(entry.file, 200))}  `);
  if (detail === 'compact') {
    let budget = COMPACT_LINES - 1 - (where.length ? 1 : 0) - (entry.workspace ? 1 : 0) - lineCount(entry.summary);
    out.push('', escapeMarkdown(entry.summary));
    // a key's values are its key facts; a team's notes come first of all
    for (const note of entry.notes ?? []) {
      const text = note.text ? ` ${plainParagraphs(note.text.length > 160 ? `${note.text.slice(0, 160).trimEnd()}…` : note.text).replace(/\n+/g, ' ')}` : '';
      out.push('', `$(folder) ${fill(w.workspaceNote, codeSpan(note.file, 200))}:${text}`);
      budget -= 2;
    }
    if (entry.values?.length && budget > 3) {
      const rows: string[] = [];
      budget -= 2; // the header row and the "more" row
      for (const v of entry.values) {
        const row = `| ${codeSpan(v.value.replace(/\|/g, ' '))} | ${escapeMarkdown(v.meaning)} |`;
        const n = lineCount(`${v.value} ${v.meaning}`);
        if (n > budget) break;
        rows.push(row);
        budget -= n;
      }
      if (rows.length) {
        out.push('', `| ${w.value} | ${w.meaning} |`, '| --- | --- |', ...rows);
        if (rows.length < entry.values.length) out.push(`| … | ${fill(w.moreValues, entry.values.length - rows.length)} |`);
      }
    }
    const facts = keyFacts(entry.workspace ? plainParagraphs(entry.body) : entry.body, budget);
    if (facts) out.push('', facts);
    if (others.length) out.push('', alsoMeans(others, links, t));
    out.push('', compactLinks(kb, entry, links, t));
    return out.join('\n');
  }
  const forms = entry.aliases.filter((a) => a !== hovered).slice(0, 8);
  if (forms.length) out.push(fill(w.alsoWritten, forms.map((f) => codeSpan(f)).join(', ')));
  out.push('', '---', '', escapeMarkdown(entry.summary), '', entry.workspace ? plainParagraphs(entry.body) : entry.body);
  if (entry.values?.length) {
    out.push('', `| ${w.value} | ${w.meaning} |`, '| --- | --- |', ...entry.values.map((v) => `| ${codeSpan(v.value.replace(/\|/g, ' '))} | ${escapeMarkdown(v.meaning)} |`));
  }
  for (const note of entry.notes ?? []) {
    const added = note.aliases.length ? ` ${fill(w.noteAdds, note.aliases.slice(0, 8).map((a) => codeSpan(a)).join(', '))}` : '';
    out.push('', `$(folder) ${fill(w.workspaceNote, codeSpan(note.file, 200))}${added}`);
    if (note.text) out.push('', plainParagraphs(note.text));
  }
  if (entry.kind === 'system' && entry.classificationNote) out.push('', `*${escapeMarkdown(entry.classificationNote)}*`);
  if (others.length) out.push('', alsoMeans(others, links, t));
  const related = kb.getAll(entry.related);
  if (related.length) {
    const items = related.map((r) => (links.openEntry ? `[${escapeMarkdown(r.title)}](${commandUri(links.openEntry, [r.id])})` : escapeMarkdown(r.title)));
    out.push('', `**${w.related}** ${items.join(' · ')}`);
  }
  if (entry.sources.length) {
    out.push('', `**${w.sources}** ${entry.sources.map((s) => `[${escapeMarkdown(s.title)}](${linkTarget(s.url)})`).join(' · ')}`);
  }
  const actions = actionLinks(kb, entry, links, t);
  if (links.openEntry) actions.unshift(`[$(book) ${w.openCard}](${commandUri(links.openEntry, [entry.id])})`);
  if (actions.length) out.push('', actions.join(' · '));
  return out.join('\n');
}

function alsoMeans(others: Entry[], links: CardLinks, t: Translate): string {
  const alt = others.map((o) => (links.openEntry ? `[${escapeMarkdown(o.title)}](${commandUri(links.openEntry, [o.id])})` : escapeMarkdown(o.title)));
  return `$(question) ${fill(cardWords(t).alsoMeans, alt.join(', '))}`;
}

/** Diagram, flow and tree links, for both kinds of card. */
function actionLinks(kb: KnowledgeIndex, entry: Entry, links: CardLinks, t: Translate): string[] {
  const w = cardWords(t);
  const actions: string[] = [];
  if (links.showDiagram) {
    for (const system of diagramSystems(kb, entry)) {
      actions.push(`[$(type-hierarchy) ${fill(w.showInDiagram, escapeMarkdown(system.title))}](${commandUri(links.showDiagram, [system.id, entry.id])})`);
    }
  }
  const flow = links.showFlow ? flowsWithEntry(kb.flows, entry.id)[0] : undefined;
  if (flow && links.showFlow) actions.push(`[$(play) ${w.showFlow}](${commandUri(links.showFlow, [flow.id, entry.id])})`);
  if (links.revealInAtlas) actions.push(`[$(list-tree) ${w.revealInAtlas}](${commandUri(links.revealInAtlas, [entry.id])})`);
  return actions;
}

/** The compact card's last line: the full card, the diagram, the flow, the tree and the first source. */
function compactLinks(kb: KnowledgeIndex, entry: Entry, links: CardLinks, t: Translate): string {
  const w = cardWords(t);
  const actions = actionLinks(kb, entry, links, t);
  if (links.openEntry) actions.unshift(`[$(book) ${w.more}](${commandUri(links.openEntry, [entry.id])})`);
  const source = entry.sources[0];
  if (source) actions.push(`[$(link-external) ${w.source}](${linkTarget(source.url)} "${escapeMarkdown(source.title).replace(/"/g, "'")}")`);
  return actions.join(' · ');
}

function lineCount(text: string): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / LINE_CHARS)), 0);
}

/**
 * The first paragraphs or list items of a body that fit in `budget` lines, whole: a block that
 * does not fit ends the excerpt (with "…" when something was left out). Code blocks, tables
 * and headings are left to the full card.
 */
export function keyFacts(body: string, budget: number): string {
  if (budget <= 0) return '';
  const blocks = body.split(/\n[ \t]*\n/).map((b) => b.trim()).filter(Boolean);
  const kept: string[] = [];
  let used = 0;
  let cut = false;
  outer: for (const block of blocks) {
    if (/^(```|~~~|\||#)/.test(block)) {
      cut = true;
      break;
    }
    // a list counts item by item
    const items = /^([-*+]|\d+[.)]) /.test(block) ? block.split(/\n(?=[-*+] |\d+[.)] )/) : [block];
    const keptItems: string[] = [];
    for (const item of items) {
      const n = lineCount(item);
      if (used + n > budget) {
        cut = true;
        if (keptItems.length) kept.push(keptItems.join('\n'));
        break outer;
      }
      used += n;
      keptItems.push(item);
    }
    kept.push(keptItems.join('\n'));
  }
  if (!kept.length) return '';
  return cut ? `${kept.join('\n\n')} …` : kept.join('\n\n');
}

/** The entry card as an HTML fragment (for webviews); body rendered by markdown-it with HTML off. */
export function cardHtml(kb: KnowledgeIndex, entry: Entry, t: Translate = english): string {
  const w = cardWords(t);
  const md = markdown();
  const parts: string[] = [];
  parts.push(`<header><h1>${escapeHtml(entry.title)}${entry.short && entry.short !== entry.title ? ` <span class="short">${escapeHtml(entry.short)}</span>` : ''}</h1>`);
  parts.push(`<p class="meta"><span class="kind">${escapeHtml(kindLabels(t)[entry.kind])}</span>${placement(kb, entry, t).map((p) => ` · ${escapeHtml(p)}`).join('')}</p></header>`);
  if (entry.workspace) parts.push(`<p class="origin">${fill(escapeHtml(w.fromGlossary), `<code>${escapeHtml(entry.file)}</code>`)}</p>`);
  parts.push(`<p class="summary">${escapeHtml(entry.summary)}</p>`);
  parts.push(`<section class="body">${entry.workspace ? plainHtml(entry.body) : md.render(entry.body)}</section>`);
  for (const note of entry.notes ?? []) {
    parts.push(`<section class="note"><p class="origin">${fill(escapeHtml(w.workspaceNoteHtml), `<code>${escapeHtml(note.file)}</code>`)}</p>${plainHtml(note.text)}</section>`);
  }
  if (entry.values?.length) {
    parts.push(`<table class="values"><thead><tr><th>${escapeHtml(w.value)}</th><th>${escapeHtml(w.meaning)}</th></tr></thead><tbody>`);
    for (const v of entry.values) parts.push(`<tr><td><code>${escapeHtml(v.value)}</code></td><td>${escapeHtml(v.meaning)}</td></tr>`);
    parts.push('</tbody></table>');
  }
  if (entry.classificationNote) parts.push(`<p class="note">${escapeHtml(entry.classificationNote)}</p>`);
  if (entry.aliases.length) parts.push(`<p class="aliases"><strong>${escapeHtml(w.alsoWrittenHeading)}</strong> ${entry.aliases.map((a) => `<code>${escapeHtml(a)}</code>`).join(' ')}</p>`);
  const related = kb.getAll(entry.related);
  if (related.length) {
    parts.push(`<p class="related"><strong>${escapeHtml(w.related)}</strong> ${related.map((r) => `<a href="#" data-entry="${escapeHtml(r.id)}">${escapeHtml(r.title)}</a>`).join(' · ')}</p>`);
  }
  parts.push(`<p class="sources"><strong>${escapeHtml(w.sources)}</strong> ${entry.sources.map((s) => `<a href="${escapeHtml(s.url)}" data-external="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a>`).join(' · ')}</p>`);
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
