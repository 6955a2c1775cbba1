import type MarkdownItType from 'markdown-it';
// loaded on first use: markdown-it is a fifth of the bundle and nothing needs it at activation
declare const require: (id: string) => typeof MarkdownItType | { default: typeof MarkdownItType };

type MarkdownRenderer = ReturnType<typeof MarkdownItType>;

/** Escapes text so Markdown shows it literally (for anything taken from a document). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
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
