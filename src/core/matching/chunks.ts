/**
 * Cutting a long text into chunks that scan to the same matches as the whole: cut points that
 * split no word, and how far past a chunk the matcher must read to settle its matches.
 */
import { CONTEXT_RADIUS } from './raw';
import { charClass } from './tokenize';
import type { TermMatcher } from './matcher';

/** how far a cut point may move to find a line break or separator */
export const EDGE_SEARCH = 256;

/** Characters to read past each side of a chunk so its matches come out as in a whole-text scan. */
export function reach(matcher: TermMatcher): number {
  return CONTEXT_RADIUS + 2 * matcher.maxAliasChars + EDGE_SEARCH;
}

function isSeparator(code: number): boolean {
  // what the tokenizer splits at
  return charClass(code) === 0;
}

/** A cut point at or before `pos` that does not split a word: after a line break if one is near, else after a separator. */
export function edgeBefore(text: string, pos: number): number {
  if (pos <= 0 || pos >= text.length) return Math.max(0, Math.min(pos, text.length));
  const stop = Math.max(0, pos - EDGE_SEARCH);
  for (let i = pos; i > stop; i--) if (text.charCodeAt(i - 1) === 10) return i;
  for (let i = pos; i > stop; i--) if (isSeparator(text.charCodeAt(i - 1))) return i;
  return pos;
}

/** A cut point at or after `pos` that does not split a word. */
export function edgeAfter(text: string, pos: number): number {
  if (pos >= text.length) return text.length;
  const stop = Math.min(text.length, pos + EDGE_SEARCH);
  for (let i = pos; i < stop; i++) if (text.charCodeAt(i) === 10) return i + 1;
  for (let i = pos; i < stop; i++) if (isSeparator(text.charCodeAt(i))) return i + 1;
  return pos;
}
