import { aliasForms, cleanAlias } from './alias';
import { ALL_CAPS, HAS_DIGIT, HAS_LETTER, PLURAL, nextToken, separatorKey, type Token } from './tokenize';

/** What the matcher needs to know of an entry. */
export interface MatchableEntry {
  id: string;
  aliases: readonly string[];
  generic?: readonly string[];
  systems?: readonly string[];
}

export interface TermMatch {
  /** offsets into the scanned text; `end` is exclusive */
  start: number;
  end: number;
  /** the entry the match resolves to */
  id: string;
  /** every entry the matched alias belongs to, when it is ambiguous (the chosen one first) */
  candidates?: string[];
  /** matched through a generic alias (`host`, `driver`), kept because a specific term is near */
  generic?: boolean;
}

export type GenericPolicy = 'context' | 'always' | 'never';

export interface ScanOptions {
  /** when generic aliases may match: near a specific term (default), always, or never */
  generic?: GenericPolicy;
  /** stop after this many matches */
  limit?: number;
}

interface Variant {
  candidates: number[];
  strict: boolean;
  generic: boolean;
}

interface Node {
  next?: Map<string, Node>;
  variants?: Variant[];
}

interface RawMatch {
  start: number;
  end: number;
  variant: Variant;
}

/** How far (in characters) a specific term makes generic aliases count, and picks among ambiguous ones. */
export const CONTEXT_RADIUS = 400;
/** How much text a lookup at a position reads on each side. */
export const LOOKUP_RADIUS = 1024;

const STEM_MIN = 4;

/**
 * The term engine: finds every alias occurrence in text, longest match first, no overlaps.
 * Linear in the text: each token starts at most one walk down the alias trie, and a walk is
 * no longer than the longest alias.
 */
export class TermMatcher {
  private readonly root: Node = {};
  private readonly ids: string[];
  private readonly systemMask: number[];
  /** characters the longest alias can span, with generous separators */
  readonly maxAliasChars: number;

  constructor(entries: readonly MatchableEntry[]) {
    this.ids = entries.map((e) => e.id);
    const systemBits = new Map<string, number>();
    this.systemMask = entries.map((e) => {
      let mask = 0;
      for (const s of e.systems ?? []) {
        if (!systemBits.has(s)) systemBits.set(s, systemBits.size % 31);
        mask |= 1 << systemBits.get(s)!;
      }
      return mask;
    });
    let longest = 0;
    entries.forEach((entry, index) => {
      const generic = new Set((entry.generic ?? []).map((g) => cleanAlias(g).toLowerCase()));
      for (const alias of entry.aliases) {
        longest = Math.max(longest, alias.length);
        const isGeneric = generic.has(cleanAlias(alias).toLowerCase());
        for (const form of aliasForms(alias)) this.insert(form.keys, form.strict, isGeneric, index);
      }
    });
    this.maxAliasChars = longest * 2 + 16;
  }

  private insert(keys: string[], strict: boolean, generic: boolean, index: number): void {
    let node = this.root;
    for (const key of keys) {
      node.next ??= new Map();
      let child = node.next.get(key);
      if (!child) {
        child = {};
        node.next.set(key, child);
      }
      node = child;
    }
    node.variants ??= [];
    const same = node.variants.find((v) => v.strict === strict && v.generic === generic);
    if (same) {
      if (!same.candidates.includes(index)) same.candidates.push(index);
    } else {
      node.variants.push({ candidates: [index], strict, generic });
      node.variants.sort((a, b) => Number(b.strict) - Number(a.strict));
    }
  }

  /** Every match in `text[from, to)`, in order. Offsets are into `text`. */
  scan(text: string, options: ScanOptions = {}, from = 0, to = text.length): TermMatch[] {
    const policy = options.generic ?? 'context';
    const limit = options.limit ?? Infinity;
    const raw: RawMatch[] = [];
    const tok: Token = { start: 0, end: 0, flags: 0 };
    let pos = from;
    let strongCount = 0;
    while (nextToken(text, pos, to, tok)) {
      const m = this.walk(text, tok, to);
      if (m) {
        if (!(m.variant.generic && policy === 'never')) {
          raw.push(m);
          if (!m.variant.generic) strongCount++;
          if (strongCount >= limit && policy !== 'always') break;
          if (raw.length >= limit && policy === 'always') break;
        }
        pos = m.end;
      } else {
        pos = tok.end;
      }
    }
    return this.resolve(raw, policy, limit);
  }

  /**
   * The match that covers `offset`, reading only `text` around it: at most LOOKUP_RADIUS
   * characters on each side.
   */
  matchAt(text: string, offset: number, options: ScanOptions = {}): TermMatch | undefined {
    const [from, to] = lookupWindow(text, offset);
    if (from > offset || to < offset) return undefined;
    for (const m of this.scan(text, { generic: options.generic }, from, to)) {
      if (m.start <= offset && offset < m.end) return m;
      if (m.start > offset) break;
    }
    return undefined;
  }

  /** The entry ids an exact term resolves to (the whole string must be one match). */
  lookupTerm(term: string): TermMatch | undefined {
    const text = term.trim();
    const matches = this.scan(text, { generic: 'always' });
    if (matches.length === 1 && matches[0].start === 0 && matches[0].end === text.length) return matches[0];
    const cleaned = cleanAlias(text);
    if (cleaned !== text) return this.lookupTerm(cleaned);
    return undefined;
  }

  private walk(text: string, first: Token, to: number): RawMatch | undefined {
    let node: Node | undefined = this.root;
    let cur: Token = first;
    const look: Token = { start: 0, end: 0, flags: 0 };
    let prefixes: string[] = [''];
    let allCaps = true;
    let best: RawMatch | undefined;
    for (;;) {
      const flags = cur.flags;
      if (flags & HAS_LETTER && !(flags & ALL_CAPS)) allCaps = false;
      const key = text.slice(cur.start, cur.end).toLowerCase();
      let child: Node | undefined;
      if (!(flags & PLURAL)) {
        for (const p of prefixes) {
          child = node!.next?.get(p + key);
          if (child) break;
        }
        if (child?.variants) best = this.accept(child, first.start, cur.end, allCaps) ?? best;
      }
      if (!child || !child.variants) {
        // plural and digit forms end a match; they never continue one
        const stemEnd = this.stem(node!, prefixes, key, flags, cur, allCaps, first.start);
        if (stemEnd) best = stemEnd;
      }
      if (!child?.next) break;
      if (!nextToken(text, cur.end, to, look)) break;
      const sep = separatorKey(text, cur.end, look.start);
      if (sep === '') break;
      prefixes = sep === '-' ? ['-', ' '] : [sep];
      node = child;
      cur = { start: look.start, end: look.end, flags: look.flags };
    }
    return best;
  }

  private stem(
    node: Node,
    prefixes: string[],
    key: string,
    flags: number,
    cur: Token,
    allCaps: boolean,
    start: number,
  ): RawMatch | undefined {
    const tryKey = (k: string, end: number): RawMatch | undefined => {
      for (const p of prefixes) {
        const n = node.next?.get(p + k);
        if (n?.variants) {
          const m = this.accept(n, start, end, allCaps);
          if (m) return m;
        }
      }
      return undefined;
    };
    if (flags & PLURAL) return tryKey(key.slice(0, -1), cur.end);
    const len = key.length;
    if (len >= STEM_MIN && key.charCodeAt(len - 1) === 115 /* s */ && !(flags & ALL_CAPS)) {
      const m = tryKey(key.slice(0, -1), cur.end) ?? (key.endsWith('es') ? tryKey(key.slice(0, -2), cur.end) : undefined);
      if (m) return m;
    }
    if (flags & HAS_DIGIT && flags & HAS_LETTER) {
      // `ethernet1` tries the alias written `ethernet0`; `kvm64` falls back to `kvm`
      let i = len;
      while (i > 0 && key.charCodeAt(i - 1) >= 48 && key.charCodeAt(i - 1) <= 57) i--;
      if (i > 0 && i < len) {
        return tryKey(key.slice(0, i) + '0', cur.end) ?? tryKey(key.slice(0, i), cur.start + i);
      }
    }
    return undefined;
  }

  /**
   * The match a trie node gives, if its case rules allow. Where several aliases of the same
   * spelling apply (`VMX` strict and `vmx` loose), their entries are merged, exact-case first,
   * and specific aliases outrank generic ones.
   */
  private accept(node: Node, start: number, end: number, allCaps: boolean): RawMatch | undefined {
    let found: Variant | undefined;
    let merged = false;
    for (const v of node.variants!) {
      if (v.strict && !allCaps) continue;
      if (!found || (found.generic && !v.generic)) {
        found = v;
        merged = false;
      } else if (found.generic === v.generic) {
        if (!merged) found = { candidates: [...found.candidates], strict: found.strict, generic: found.generic };
        merged = true;
        for (const c of v.candidates) if (!found.candidates.includes(c)) found.candidates.push(c);
      }
    }
    return found && { start, end, variant: found };
  }

  /**
   * Picks among the entries of an ambiguous alias by the specific terms around it: each
   * neighbour votes for the candidates that share a system with it, weighted by nearness and
   * by how specific the candidate is to that system (`vmx` near `vhv.enable` is VMware's file,
   * near `qemu` Intel's CPU flag). Ties keep the content's order.
   */
  private choose(candidates: number[], context: RawMatch[], at: number): number {
    let chosen = candidates[0];
    let bestScore = 0;
    for (const c of candidates) {
      const mask = this.systemMask[c];
      if (!mask) continue;
      const width = popcount(mask);
      let score = 0;
      for (const n of context) {
        const shared = mask & this.systemMask[n.variant.candidates[0]];
        if (shared) score += popcount(shared) / width / (1 + Math.abs(n.start - at) / 64);
      }
      if (score > bestScore) {
        bestScore = score;
        chosen = c;
      }
    }
    return chosen;
  }

  /** Drops generic matches with no specific term near them and picks among ambiguous ones. */
  private resolve(raw: RawMatch[], policy: GenericPolicy, limit: number): TermMatch[] {
    const strong = raw.filter((m) => !m.variant.generic);
    const out: TermMatch[] = [];
    let s = 0; // first strong match that may still be within reach
    for (const m of raw) {
      while (s < strong.length && strong[s].end < m.start - CONTEXT_RADIUS) s++;
      const near = (): RawMatch[] => {
        const list: RawMatch[] = [];
        for (let k = s; k < strong.length && strong[k].start <= m.end + CONTEXT_RADIUS; k++) {
          if (strong[k] !== m) list.push(strong[k]);
        }
        return list;
      };
      if (m.variant.generic && policy === 'context' && near().length === 0) continue;
      const candidates = m.variant.candidates;
      let chosen = candidates[0];
      if (candidates.length > 1) chosen = this.choose(candidates, near(), m.start);
      const match: TermMatch = { start: m.start, end: m.end, id: this.ids[chosen] };
      if (candidates.length > 1) match.candidates = [chosen, ...candidates.filter((c) => c !== chosen)].map((c) => this.ids[c]);
      if (m.variant.generic) match.generic = true;
      out.push(match);
      if (out.length >= limit) break;
    }
    return out;
  }
}

function popcount(x: number): number {
  let n = 0;
  while (x) {
    x &= x - 1;
    n++;
  }
  return n;
}

/** The part of `text` a lookup at `offset` reads: whole tokens only, at most LOOKUP_RADIUS each side. */
export function lookupWindow(text: string, offset: number): [number, number] {
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

function isWord(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 128;
}
