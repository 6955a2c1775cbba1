/**
 * Text measurement without a DOM, so the layout can run in the extension host, the CLI and
 * the unit tests and still know that every label fits its box.
 *
 * Diagram text is drawn in a monospace font stack (`DIAGRAM_FONT`). Every face in that stack
 * advances at most 0.602 em per ASCII character (DejaVu Sans Mono and Menlo 0.602, Courier
 * New 0.600, Cascadia Mono 0.586, Consolas 0.550, Liberation Mono 0.600), bold included, so
 * the fixed estimate `CHAR_EM` = 0.62 em per character never underestimates. Characters
 * outside Latin/Greek/Cyrillic (CJK, emoji) count double. The webview checks the real
 * rendered width as a second line of defence and squeezes any label that still overflows.
 */
export const CHAR_EM = 0.62;

/** The font stack the SVG uses for every label (also written into exported SVG). */
export const DIAGRAM_FONT = "ui-monospace, 'Cascadia Mono', 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', 'Courier New', monospace";

function isWide(code: number): boolean {
  return code > 0x052f;
}

/** Estimated width in px of `text` at `size` px. */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return units * size * CHAR_EM;
}

/** How many characters (narrow) fit in `width` px at `size` px. */
export function charsThatFit(width: number, size: number): number {
  return Math.max(1, Math.floor(width / (size * CHAR_EM)));
}

/** Cuts `text` so that it fits `width`, ending with "…". */
export function ellipsize(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, size) > width) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Word-wraps `text` into lines no wider than `width` at `size`; breaks inside a word only
 * when the word alone is too long (at `/`, `.`, `-`, `_` or `\` if it can, else anywhere).
 * More than `maxLines` lines: the last one is cut with "…".
 */
export function wrap(text: string, size: number, width: number, maxLines = Infinity): string[] {
  const max = charsThatFit(width, size);
  const fits = (s: string) => textWidth(s, size) <= width;
  const lines: string[] = [];
  let line = '';
  const pieces = splitLong(text.split(/\s+/).filter(Boolean), max);
  for (const word of pieces) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) line = candidate;
    else {
      if (line) lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = ellipsize(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`, size, width);
    return kept;
  }
  return lines;
}

function splitLong(words: string[], max: number): string[] {
  const out: string[] = [];
  for (let w of words) {
    while (w.length > max) {
      // prefer a break after a separator in the second half of the allowed length
      let cut = -1;
      for (let i = max; i >= Math.ceil(max / 2); i--) {
        if ('/.-_\\'.includes(w[i - 1]!)) {
          cut = i;
          break;
        }
      }
      if (cut < 0) cut = max;
      out.push(w.slice(0, cut));
      w = w.slice(cut);
    }
    if (w) out.push(w);
  }
  return out;
}
