/**
 * What every engine other than atlas shares: the step from candidate starts to matches.
 *
 * An engine's own work is the search: it reports candidate starts, offsets where its regular
 * expression or its Aho–Corasick automaton found an alias occurrence. From there every engine
 * takes the same steps, so every engine reports the same matches as atlas:
 *
 * 1. token check: visit the candidates in order and keep those where the term engine's scan
 *    would start a word piece (its tokenizer decides: separators, CamelCase, ACRONYMCase, brands;
 *    and no candidate inside the previous match);
 * 2. verify: at each such start, find the longest alias that starts there with every rule
 *    applied (separators, case, plurals, numbers), using the term engine's own trie walk, so
 *    every engine gets the same, fast verifier;
 * 3. resolve: drop generic matches with no specific term near them and pick among the entries
 *    of an ambiguous alias, with the term engine's own resolver.
 *
 * Steps 2 and 3 call two private methods of TermMatcher (`walk`, `resolve`): `hooks` below is
 * the only place that knows them. Reusing them is what keeps every engine's answers identical
 * to atlas's as the engine's rules change, and it gives the other engines the best verifier
 * there is; they pay for their search and for the token check only.
 */
import { aliasForms } from '../../src/core/matching/alias';
import type { GenericPolicy, MatchableEntry, TermMatch, TermMatcher } from '../../src/core/matching/matcher';
import { notTermEnd } from '../../src/core/matching/matcher';
import { charClass, lowerCode, newToken, nextToken, type Token } from '../../src/core/matching/tokenize';

/** One way an alias is written, as `aliasForms` gives it. */
export interface Form {
  /** lower-case pieces, without separators */
  pieces: string[];
  /** the separator before each piece after the first: ' ' loose, '-' hyphen, '.' and so on */
  seps: string[];
  strict: boolean;
  /** the alias as the content writes it */
  alias: string;
}

/** The alias forms of every entry, as the engine reads them. */
export function formsOf(entries: readonly MatchableEntry[]): Form[] {
  const forms: Form[] = [];
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      for (const f of aliasForms(alias)) {
        const pieces: string[] = [];
        const seps: string[] = [];
        f.keys.forEach((raw, i) => {
          let n = 0;
          if (i > 0) while (n < raw.length && !/[a-z0-9]/.test(raw[n]) && raw.charCodeAt(n) < 128) n++;
          pieces.push(raw.slice(n));
          if (i > 0) seps.push(raw.slice(0, n));
        });
        forms.push({ pieces, seps, strict: f.strict, alias });
      }
    }
  }
  return forms;
}

/** Whether a form can match at all: the engine never reads a separator of two or more characters. */
export function matchable(f: Form): boolean {
  return f.seps.every((s) => s.length === 1);
}

/** Growable list of candidate starts. */
export class Starts {
  data = new Int32Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  clear(): void {
    this.length = 0;
  }
  /** the starts, sorted in place (for engines whose hits do not come in order) */
  sorted(): Int32Array {
    return this.data.subarray(0, this.length).sort();
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

const ASCII = new Uint8Array(128).map((_, c) => charClass(c));

/**
 * Whether a word piece may start at `i`: after a separator, at a capital letter (CamelCase,
 * ACRONYMCase), or at digits after letters (where a `kvm64` fallback ends). A cheap filter the
 * Aho–Corasick engines run on their raw hits; the token check decides exactly.
 */
export function mayStartPiece(text: string, i: number): boolean {
  if (i === 0) return true;
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return true;
  const p = text.charCodeAt(i - 1);
  const pc = p < 128 ? ASCII[p] : charClass(p);
  if (pc === 0) return true;
  return c >= 48 && c <= 57 && pc !== 3;
}

/** Lower-cases code unit by code unit, as the engine folds text (for the Aho–Corasick engines). */
export function lowerText(text: string): string {
  const fast = text.toLowerCase();
  if (fast.length === text.length) return fast;
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += 4096) {
    const codes: number[] = [];
    for (let j = i; j < Math.min(text.length, i + 4096); j++) codes.push(lowerCode(text.charCodeAt(j)));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** The term engine's private methods the shared steps use; checked once, so a change shows here. */
interface Hooks {
  walk(text: string, first: Token, look: Token, to: number): boolean;
  bestEnd: number;
  bestVariant: { generic: boolean } | undefined;
  settle(text: string, tok: Token): { generic: boolean } | undefined;
  resolve(text: string, raw: { start: number[]; end: number[]; variant: unknown[] }, policy: GenericPolicy, limit: number, documentMask: number): TermMatch[];
}

function hooks(matcher: TermMatcher): Hooks {
  const m = matcher as unknown as Hooks;
  if (typeof m.walk !== 'function' || m.walk.length !== 4 || typeof m.resolve !== 'function' || m.resolve.length !== 5 || typeof m.settle !== 'function' || !('bestEnd' in m)) {
    throw new Error(
      'bench/src/shared.ts: TermMatcher no longer has walk(text, first, look, to) → bestEnd/bestVariant, settle(text, tok) and resolve(text, raw, policy, limit, documentMask); update `hooks` to its new private API',
    );
  }
  return m;
}

/** Turns candidate starts into matches, with the term engine's own verifier and resolver. */
export class Verifier {
  readonly forms: Form[];
  private readonly m: Hooks;

  constructor(matcher: TermMatcher, entries: readonly MatchableEntry[]) {
    this.m = hooks(matcher);
    this.forms = formsOf(entries);
  }

  /** The matches in `text`, given candidate starts in ascending order (duplicates allowed). */
  finish(text: string, starts: Int32Array, policy: GenericPolicy = 'context'): TermMatch[] {
    const m = this.m;
    const len = text.length;
    const raw = { start: [] as number[], end: [] as number[], variant: [] as unknown[] };
    const tok = newToken();
    const look = newToken();
    let pos = 0; // where the engine's scan resumes: the end of the last match
    let chain = 0; // the first token start of that scan at or after the last candidate
    let last = -1;
    // like the engine's scan, every token is looked at for text that holds no terms (URLs,
    // e-mail addresses, credential values): the cursor walks all tokens up to each candidate
    let skipTo = 0;
    let cursor = 0;
    const skim = newToken();
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k];
      if (s < pos || s === last) continue;
      if (cursor < pos) cursor = pos;
      while (cursor <= s && nextToken(text, cursor, len, skim)) {
        if (skim.start > s) break;
        cursor = skim.end;
        if (skim.start < skipTo) continue;
        const skip = notTermEnd(text, skim.start, skim.end, 0, len);
        if (skip > skim.start) {
          skipTo = skip;
          cursor = Math.max(cursor, skip);
        }
      }
      if (s < skipTo) continue;
      last = s;
      if (chain < pos) chain = pos;
      if (chain > s) continue; // s is inside a token the scan has read
      // the scan's tokens up to s: start after the last separator before s
      let q = s;
      while (q > chain) {
        const c = text.charCodeAt(q - 1);
        if ((c < 128 ? ASCII[c] : charClass(c)) === 0) break;
        q--;
      }
      let found = false;
      for (;;) {
        if (!nextToken(text, q, len, tok)) {
          chain = len;
          break;
        }
        if (tok.start >= s) {
          chain = tok.start;
          found = tok.start === s;
          break;
        }
        q = tok.end;
      }
      if (!found || !m.walk(text, tok, look, len)) continue;
      const variant = m.settle(text, tok);
      if (variant && !(variant.generic && policy === 'never')) {
        raw.start.push(s);
        raw.end.push(m.bestEnd);
        raw.variant.push(variant);
      }
      pos = m.bestEnd;
    }
    return m.resolve(text, raw, policy, Infinity, 0);
  }
}
