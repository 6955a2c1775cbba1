import { charClass, separatorKey } from './tokenize';

/** How much text a lookup at a position reads on each side. */
export const LOOKUP_RADIUS = 2048;

/**
 * The last token start at or before `at`, and not before `from`, that every scan starting at or
 * before `from` reads: the one after a separator no alias crosses (a paragraph break, two or
 * more punctuation marks). `from` where there is none.
 */
export function syncPoint(text: string, at: number, from: number, to: number, floor = from): number {
  let b = Math.min(at, to);
  // inside a separator: look at all of it (within the window)
  while (b > from && b < to && charClass(text.charCodeAt(b)) === 0 && charClass(text.charCodeAt(b - 1)) === 0) b++;
  // `floor`: the caller needs only a sync point at or after it; from when there is none after it
  while (b > floor) {
    while (b > from && charClass(text.charCodeAt(b - 1)) !== 0) b--;
    let a = b;
    while (a > from && charClass(text.charCodeAt(a - 1)) === 0) a--;
    if (a <= from) return from;
    if (b < to && separatorKey(text, a, b) === '') return b;
    b = a;
  }
  return from;
}

/** An offset as an integer in [0, length]; NaN stays NaN (the caller finds nothing). */
export function clampOffset(x: number, length: number): number {
  if (Number.isNaN(x)) return NaN;
  return Math.max(0, Math.min(length, Math.floor(x)));
}

/** The part of `text` a lookup at `offset` reads: whole tokens only, at most LOOKUP_RADIUS each side. */
export function lookupWindow(text: string, offset: number): [number, number] {
  offset = Number.isFinite(offset) ? Math.max(0, Math.min(text.length, Math.floor(offset))) : 0;
  let from = Math.max(0, offset - LOOKUP_RADIUS);
  let to = Math.min(text.length, offset + LOOKUP_RADIUS);
  if (from > 0) {
    // do not start inside a token
    while (from < offset && isWord(text.charCodeAt(from - 1)) && isWord(text.charCodeAt(from))) from++;
  }
  if (to < text.length) {
    while (to > offset && isWord(text.charCodeAt(to - 1)) && isWord(text.charCodeAt(to))) to--;
  }
  return [from, to];
}

/** A letter or digit as the tokenizer reads it (a no-break space or a dash is not). */
function isWord(code: number): boolean {
  return charClass(code) !== 0;
}
