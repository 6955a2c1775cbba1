/**
 * A markdown-it plugin that marks virtualization terms in rendered Markdown: each term becomes
 * `<span class="hypervisor-atlas-term" title="Title (short) — summary" data-atlas-entry="id">`.
 * VS Code's built-in Markdown preview loads it through `extendMarkdownIt`
 * (src/features/markdown-preview); it is pure (no `vscode`), and everything it needs comes in
 * through `MarkdownTermsConfig`, read on every render so settings apply after a refresh.
 *
 * What it marks, so prose stays readable and nothing breaks:
 *   - only the first occurrence of each entry per section (heading to heading);
 *   - never inside headings (their text makes the anchors), link text, image alt text or raw HTML:
 *     not in a tag, not between a raw inline tag and its end tag (`<a>`, `<b>`, `<script>`...),
 *     and not in the blocks inside a raw-text or link element opened by an HTML block
 *     (`<script>`, `<style>`, `<textarea>`, `<title>`, `<iframe>`, `<a>`...);
 *   - inside code (inline code, fences, indented code) only with `markCode`; fences whose
 *     renderer does not produce `<code>` (diagrams such as mermaid) are left alone even then.
 * Everything it adds is escaped; the text it splits stays text tokens, rendered (and escaped)
 * by markdown-it as before.
 */
import type { GenericPolicy, TermMatch } from '../matching/matcher';

import { detectProfile } from '../profile';
import { escapeHtml } from './markdown';

/** The CSS class on every marker (styled by media/preview.css). */
export const TERM_CLASS = 'hypervisor-atlas-term';

export interface TermMarkerOptions {
  /** false: the plugin adds nothing (checked when parsing and again when rendering) */
  enabled: boolean;
  /** mark terms inside inline code, fenced code and indented code too */
  markCode: boolean;
  /** when ordinary words that are also terms count (default: near a specific term) */
  generic?: GenericPolicy;
  /** systems the documents are about, if known */
  systems?: readonly string[];
  /** the document profile's contexts (a Markdown note is `prose`), for scoped aliases */
  contexts?: readonly string[];
}

/** What the plugin needs of the knowledge base (a KnowledgeIndex fits). */
export interface TermSource {
  matcher: { scan(text: string, options?: { generic?: GenericPolicy; systems?: readonly string[]; contexts?: readonly string[] }): TermMatch[] };
  get(id: string): { id: string; title: string; short?: string; summary: string } | undefined;
}

export interface MarkdownTermsConfig {
  knowledge: () => TermSource;
  options: () => TermMarkerOptions;
}

/** A mark as stored on tokens. */
interface Mark {
  id: string;
  tooltip: string;
  /** the opening tag, escaped once per entry */
  open?: string;
}
interface CodeMark extends Mark {
  start: number;
  end: number;
}

// Minimal structural types of what the plugin touches, so it works with any markdown-it 12+.
interface TokenLike {
  type: string;
  tag: string;
  content: string;
  level: number;
  children: TokenLike[] | null;
  meta: unknown;
  info?: string;
}
type TokenCtor = new (type: string, tag: string, nesting: -1 | 0 | 1) => TokenLike;
interface StateCoreLike {
  tokens: TokenLike[];
  src?: string;
  Token: TokenCtor;
}
// method syntax makes the parameters bivariant, so markdown-it's own rule type fits
type RenderRule = { rule(tokens: TokenLike[], idx: number, options: unknown, env: unknown, self: RendererLike): string }['rule'];
interface RendererLike {
  rules: Record<string, RenderRule | undefined>;
  renderToken(tokens: TokenLike[], idx: number, options: unknown): string;
}
export interface MarkdownItLike {
  core: { ruler: { push(name: string, rule: (state: StateCoreLike) => void): void } };
  renderer: RendererLike;
}

const OPEN = 'atlas_term_open';
const CLOSE = 'atlas_term_close';
const CODE_MARKS = 'hypervisorAtlasMarks';
/** Fence languages whose content is a diagram or math source, never shown as code text. */
const NOT_CODE_FENCES = new Set(['mermaid', 'math', 'latex', 'tex', 'katex', 'plantuml', 'puml', 'dot', 'graphviz', 'vega', 'vega-lite', 'wavedrom', 'abc']);

/** The tooltip for an entry: "Title (short) — summary". */
export function tooltipOf(entry: { title: string; short?: string; summary: string }): string {
  // the short form only when the title does not already say it ("Dom0 (Domain-0)" has "dom0")
  const short = entry.short && !entry.title.toLowerCase().includes(entry.short.toLowerCase()) ? ` (${entry.short})` : '';
  return `${entry.title}${short} — ${entry.summary}`;
}

export function markdownItTerms(md: MarkdownItLike, config: MarkdownTermsConfig): void {
  md.core.ruler.push('hypervisor_atlas_terms', (state) => {
    const options = config.options();
    if (!options.enabled) return;
    markTokens(state, config.knowledge(), options);
  });

  const enabled = () => config.options().enabled;
  md.renderer.rules[OPEN] = (tokens, idx) => {
    const mark = tokens[idx].meta as Mark | undefined;
    if (!mark || !enabled()) return '';
    return openTag(mark);
  };
  md.renderer.rules[CLOSE] = (tokens, idx) => (tokens[idx].meta && enabled() ? '</span>' : '');

  for (const type of ['code_inline', 'fence', 'code_block']) {
    const original = md.renderer.rules[type];
    md.renderer.rules[type] = (tokens, idx, opts, env, self) => {
      const html = original ? original(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
      const marks = codeMarks(tokens[idx]);
      if (!marks) return html;
      const o = config.options();
      if (!o.enabled || !o.markCode) return html;
      return markRenderedCode(html, tokens[idx].content, marks);
    };
  }
}

function openTag(mark: Mark): string {
  return mark.open ?? tagOf(mark);
}

function tagOf(mark: Mark): string {
  return `<span class="${TERM_CLASS}" data-atlas-entry="${escapeHtml(mark.id)}" title="${escapeHtml(mark.tooltip)}">`;
}

function codeMarks(token: TokenLike): CodeMark[] | undefined {
  const meta = token.meta as Record<string, unknown> | null | undefined;
  const marks = meta && typeof meta === 'object' ? meta[CODE_MARKS] : undefined;
  return Array.isArray(marks) && marks.length ? (marks as CodeMark[]) : undefined;
}

function setCodeMarks(token: TokenLike, marks: CodeMark[]): void {
  const meta = token.meta && typeof token.meta === 'object' ? (token.meta as Record<string, unknown>) : {};
  meta[CODE_MARKS] = marks;
  token.meta = meta;
}

/** Marks already made for a knowledge source: a tooltip is built and escaped once, not once per section. */
const madeFor = new WeakMap<TermSource, Map<string, Mark>>();
function marksMade(kb: TermSource): Map<string, Mark> {
  let made = madeFor.get(kb);
  if (!made) {
    made = new Map();
    madeFor.set(kb, made);
  }
  return made;
}

/** Walks the block tokens in document order, section by section. */
function markTokens(state: StateCoreLike, kb: TermSource, options: TermMarkerOptions): void {
  const seen = new Set<string>();
  // the profile of the note: prose, plus the tools its code blocks show (once per render)
  const contexts = options.contexts ?? detectProfile({ languageId: 'markdown', text: typeof state.src === 'string' ? state.src : '' }).contexts;
  const scan = (text: string) => kb.matcher.scan(text, { generic: options.generic, systems: options.systems, contexts });
  const made = marksMade(kb);
  const markOf = (id: string): Mark | undefined => {
    if (seen.has(id)) return undefined;
    seen.add(id);
    let mark = made.get(id);
    if (!mark) {
      const entry = kb.get(id);
      if (!entry) return undefined;
      mark = { id: entry.id, tooltip: tooltipOf(entry) };
      mark.open = tagOf(mark);
      made.set(id, mark);
    }
    return mark;
  };
  let inHeading = false;
  // raw-text and link elements an HTML block left open: nothing is marked until they close
  const openRaw: string[] = [];
  for (const token of state.tokens) {
    if (token.type === 'html_block') {
      trackTags(token.content, openRaw, (name) => RAW_BLOCK_ELEMENTS.has(name));
      continue;
    }
    if (openRaw.length) continue;
    switch (token.type) {
      case 'heading_open':
        seen.clear();
        inHeading = true;
        break;
      case 'heading_close':
        inHeading = false;
        break;
      case 'inline':
        if (!inHeading && token.children) token.children = markInline(state, token.children, scan, markOf, options.markCode);
        break;
      case 'fence':
      case 'code_block': {
        if (!options.markCode) break;
        const lang = (token.info ?? '').trim().split(/\s+/)[0].toLowerCase();
        if (token.type === 'fence' && NOT_CODE_FENCES.has(lang)) break;
        const marks: CodeMark[] = [];
        for (const m of scan(token.content)) {
          const mark = markOf(m.id);
          if (mark) marks.push({ ...mark, start: m.start, end: m.end });
        }
        if (marks.length) setCodeMarks(token, marks);
        break;
      }
    }
  }
}

type Kind = 'text' | 'break' | 'code' | 'other' | 'barrier';
interface Segment {
  kind: Kind;
  child: number;
  start: number;
  end: number;
}
interface TextEvent {
  at: number;
  open: boolean;
  mark: Mark;
}

/**
 * Marks the terms in one inline token's children. The children's text is scanned as one
 * string (so terms broken across lines, and generic words near specific ones, are found);
 * a term is marked only where it lies in plain text (text and line breaks, outside links)
 * or wholly inside one inline code span.
 */
function markInline(
  state: StateCoreLike,
  children: TokenLike[],
  scan: (text: string) => TermMatch[],
  markOf: (id: string) => Mark | undefined,
  markCode: boolean,
): TokenLike[] {
  const segments: Segment[] = [];
  let text = '';
  let linkDepth = 0;
  // raw inline elements open here (`<a href>`, `<script>`, `<b>`): their content is HTML's, not ours
  const openHtml: string[] = [];
  const add = (kind: Kind, child: number, content: string) => {
    segments.push({ kind, child, start: text.length, end: text.length + content.length });
    text += content;
  };
  children.forEach((c, k) => {
    const hidden = linkDepth > 0 || openHtml.length > 0;
    switch (c.type) {
      case 'text':
        add(hidden ? 'other' : 'text', k, c.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        add(hidden ? 'other' : 'break', k, '\n');
        break;
      case 'code_inline':
        // a code span reads as its own word: pad it so no term runs into the text around it
        add('other', -1, ' ');
        add(markCode && !hidden ? 'code' : 'other', k, c.content);
        add('other', -1, ' ');
        break;
      case 'link_open':
        linkDepth++;
        add('barrier', k, '');
        break;
      case 'link_close':
        linkDepth = Math.max(0, linkDepth - 1);
        add('barrier', k, '');
        break;
      case 'html_inline':
        trackTags(c.content, openHtml, () => true);
        add('other', k, ' ');
        break;
      case 'image':
        add('other', k, ' ');
        break;
      default:
        // emphasis and other zero-width markup: a term may not straddle it
        add('barrier', k, '');
    }
  });
  if (!segments.some((s) => s.kind === 'text' || s.kind === 'code')) return children;

  const textEvents = new Map<number, TextEvent[]>();
  const codeEvents = new Map<number, CodeMark[]>();
  let from = 0; // first segment that may hold the next match (matches come in order)
  for (const m of scan(text)) {
    while (from < segments.length && segments[from].end <= m.start) from++;
    const placed = place(segments, from, m);
    if (!placed) continue;
    const mark = markOf(m.id);
    if (!mark) continue;
    if (placed.code) {
      const seg = placed.first;
      const list = codeEvents.get(seg.child) ?? [];
      list.push({ ...mark, start: m.start - seg.start, end: m.end - seg.start });
      codeEvents.set(seg.child, list);
    } else {
      push(textEvents, placed.first.child, { at: m.start - placed.first.start, open: true, mark });
      push(textEvents, placed.last.child, { at: m.end - placed.last.start, open: false, mark });
    }
  }
  if (textEvents.size === 0 && codeEvents.size === 0) return children;

  const out: TokenLike[] = [];
  children.forEach((child, k) => {
    const codes = codeEvents.get(k);
    if (codes) setCodeMarks(child, codes);
    const events = textEvents.get(k);
    if (!events) {
      out.push(child);
      return;
    }
    // closes before opens at the same offset (two terms side by side)
    events.sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open));
    let pos = 0;
    for (const e of events) {
      if (e.at > pos) out.push(textToken(state, child, child.content.slice(pos, e.at)));
      const t = new state.Token(e.open ? OPEN : CLOSE, 'span', e.open ? 1 : -1);
      t.meta = e.mark;
      t.level = child.level;
      out.push(t);
      pos = e.at;
    }
    if (pos < child.content.length) out.push(textToken(state, child, child.content.slice(pos)));
  });
  return out;
}

/**
 * Where a match may be marked: inside one run of text and line-break segments that starts
 * and ends in text, or inside one code segment. Undefined when it touches anything else.
 */
function place(segments: Segment[], from: number, m: TermMatch): { first: Segment; last: Segment; code: boolean } | undefined {
  let first: Segment | undefined;
  let last: Segment | undefined;
  for (let i = from; i < segments.length; i++) {
    const s = segments[i];
    if (s.start >= m.end) break;
    if (s.kind === 'barrier') {
      if (s.start > m.start && s.start < m.end) return undefined;
      continue;
    }
    if (s.end <= m.start) continue;
    if (s.kind === 'other') return undefined;
    if (s.kind === 'code') {
      if (first || s.start > m.start || s.end < m.end) return undefined;
      return { first: s, last: s, code: true };
    }
    first ??= s;
    last = s;
  }
  if (!first || !last || first.kind !== 'text' || last.kind !== 'text') return undefined;
  return { first, last, code: false };
}

/** Elements whose content an HTML block may leave open across Markdown blocks, and which we never mark in. */
const RAW_BLOCK_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'iframe', 'noscript', 'noembed', 'noframes', 'xmp', 'template', 'object', 'svg', 'math', 'select', 'option', 'button', 'a']);
/** Elements that have no end tag. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]{0,63})(?:\s[^<>]*?)?(\/?)>|<!--[\s\S]*?-->/g;

/**
 * Follows the start and end tags in raw HTML: pushes the elements `counts` accepts that
 * open (not void, not self-closed), pops back to the element an end tag closes. Bounded: at
 * most 64 open elements are kept.
 */
function trackTags(html: string, open: string[], counts: (name: string) => boolean): void {
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (!m[2]) continue; // a comment
    const name = m[2].toLowerCase();
    if (!counts(name) || VOID_ELEMENTS.has(name)) continue;
    if (m[1]) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
    } else if (!m[3] && open.length < 64) open.push(name);
  }
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function textToken(state: StateCoreLike, like: TokenLike, content: string): TokenLike {
  const t = new state.Token('text', '', 0);
  t.content = content;
  t.level = like.level;
  return t;
}

/**
 * Inserts markers into already-rendered code (`<code>…</code>`, possibly highlighted into
 * spans): only into text between tags, and only when the text there reads exactly as the
 * code's source, so a highlighter's markup is never cut. Marks crossing a tag are dropped.
 */
export function markRenderedCode(html: string, source: string, marks: readonly CodeMark[]): string {
  const open = /<code(?:\s[^>]*)?>/i.exec(html);
  const close = html.lastIndexOf('</code>');
  if (!open || close < open.index + open[0].length) return html;
  const from = open.index + open[0].length;
  // decoded text of the region, and for each decoded character the raw [start, end) in html
  let decoded = '';
  const rawStart: number[] = [];
  const rawEnd: number[] = [];
  const segmentOf: number[] = [];
  let segment = 0;
  const entity = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));/;
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  for (let i = from; i < close; ) {
    const c = html[i];
    if (c === '<') {
      const end = html.indexOf('>', i);
      if (end < 0 || end >= close) return html;
      i = end + 1;
      segment++;
      continue;
    }
    let ch = c;
    let len = 1;
    if (c === '&') {
      const m = entity.exec(html.slice(i, i + 12));
      const code = m && !m[3] ? parseInt(m[1] ?? m[2], m[1] ? 10 : 16) : 0;
      if (m && (m[3] || code <= 0x10ffff)) {
        ch = m[3] ? named[m[3]] : String.fromCodePoint(code);
        len = m[0].length;
      }
    }
    for (let k = 0; k < ch.length; k++) {
      decoded += ch[k];
      rawStart.push(i);
      rawEnd.push(i + len);
      segmentOf.push(segment);
    }
    i += len;
  }
  if (decoded !== source && decoded !== source.replace(/\n$/, '')) return html;
  const inserts: { at: number; text: string }[] = [];
  for (const m of marks) {
    if (m.start < 0 || m.end > decoded.length || m.start >= m.end) continue;
    if (segmentOf[m.start] !== segmentOf[m.end - 1]) continue;
    inserts.push({ at: rawStart[m.start], text: openTag(m) }, { at: rawEnd[m.end - 1], text: '</span>' });
  }
  // splice from the end so earlier offsets stay valid; a close and an open at one offset keep their order
  let out = html;
  for (let i = inserts.length - 1; i >= 0; i--) out = out.slice(0, inserts[i].at) + inserts[i].text + out.slice(inserts[i].at);
  return out;
}
