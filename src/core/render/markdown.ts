import type MarkdownItType from 'markdown-it';
// loaded on first use: markdown-it is a fifth of the bundle and nothing needs it at activation
declare const require: (id: string) => typeof MarkdownItType | { default: typeof MarkdownItType };

type MarkdownRenderer = ReturnType<typeof MarkdownItType>;

/**
 * Escapes text so Markdown shows it literally, on one line (for anything taken from a document
 * or a glossary): every ASCII punctuation character, so no link, autolink, code span, HTML or
 * `$(icon)` can start, and every line break, so no block can.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`).replace(/[\s\u0085]+/g, ' ');
}

/** A code span that shows `text` on one line; no character of it can end the span. */
export function codeSpan(text: string, max = 120): string {
  let flat = text.replace(/[\s\u0085]+/g, ' ').replace(/`/g, "'").trim();
  if (flat.length > max) flat = `${flat.slice(0, max - 1)}…`;
  return flat ? `\`${flat}\`` : "`''`";
}

/**
 * An https URL for a Markdown link target: everything outside the characters a URL needs is
 * percent-encoded, `(`, `)`, spaces, `<`, `>`, quotes and backslashes included.
 */
export function linkTarget(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/gu, (c) =>
    Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

let instance: MarkdownRenderer | undefined;

/**
 * The one markdown-it set-up used for entry bodies everywhere: raw HTML disabled, and links
 * limited to https (anything else renders as text).
 */
export function markdown(): MarkdownRenderer {
  if (!instance) {
    // the Node bundle sees markdown-it's ES module (a `default` export), the web bundle its CommonJS build
    const loaded = require('markdown-it');
    const MarkdownIt = 'default' in loaded ? loaded.default : loaded;
    instance = new MarkdownIt({ html: false, linkify: false, typographer: false });
    instance.validateLink = (url: string) => /^https:\/\//i.test(url.trim());
  }
  return instance;
}
