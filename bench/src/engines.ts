/**
 * The engines the benchmark compares. Each finds alias occurrences its own way; all but atlas
 * then hand their candidate starts to the shared verifier and resolver (./shared.ts), so every
 * engine reports the same matches. bench/README.md describes each one.
 */
import AhoCorasickModern from 'modern-ahocorasick';
import AhoCorasickClassic from 'ahocorasick';
import type { KnowledgeIndex } from '../../src/core/knowledge/index';
import type { GenericPolicy, TermMatch } from '../../src/core/matching/matcher';
import { Starts, lowerText, matchable, mayStartPiece, type Form, type Verifier } from './shared';

export interface Engine {
  name: string;
  /** the engine's own search: candidate starts, in order (not atlas) */
  search?(text: string): Int32Array;
  /** every match in the text, as TermMatcher.scan reports them (by default generic words near specific terms) */
  scan(text: string, generic?: GenericPolicy): TermMatch[];
  /** how many patterns or keywords it searches for, for the table */
  patterns: number;
}

export const ENGINE_NAMES = ['atlas', 'naive', 'alternation', 'modern-ahocorasick', 'ahocorasick'] as const;

/** atlas: the term engine, exactly as the extension calls it. */
export function atlasEngine(kb: KnowledgeIndex): Engine {
  const matcher = kb.matcher;
  return { name: 'atlas', scan: (text, generic) => matcher.scan(text, generic ? { generic } : {}), patterns: kb.entries.reduce((n, e) => n + e.aliases.length, 0) };
}

// ---- regular expressions that implement the engine's rules for one alias form

/** Characters the tokenizer reads as lower case: a-z and non-ASCII letters (not its separators). */
const LOWERISH = 'a-z\\u0080-\\u009f\\u00a1-\\u1fff\\u2070-\\u2fff\\u3001-\\ufefe\\uff00-\\uffff';
const WORD = `A-Z0-9${LOWERISH}`;
/**
 * Where a word piece may start: after a separator, at a capital (CamelCase, ACRONYMCase), or at
 * digits after letters (where a `kvm64` digit fallback ends). The verifier decides exactly.
 */
const START = `(?:(?<![${WORD}])|(?=[A-Z])|(?<=[A-Za-z\\u0080-\\u009f\\u00a1-\\u1fff\\u2070-\\u2fff\\u3001-\\ufefe\\uff00-\\uffff])(?=[0-9]))`;
/** Where a piece may end: before anything but a lower-case letter, or before a plural `s`/`es`. */
const END = `(?=[^${LOWERISH}]|$|[sS](?:[^${LOWERISH}]|$)|[eE][sS](?:[^${LOWERISH}]|$))`;
/**
 * What joins two pieces of an alias written with a space, `-` or `_`, or CamelCase: nothing,
 * one of ` -_`, a tab, a line break or no-break space, or a run of spaces with at most one line
 * break and a comment leader (`#`, `//`, `*`, `;`, `--`) after it.
 */
const LOOSE = '(?:[-_ \\t\\n\\r\\u00a0\\u2010\\u2011]|[ \\t\\u00a0]*(?:(?:\\r\\n|\\r|\\n)[ \\t]*(?:[#*;]|//|--)?[ \\t\\u00a0]*)?)';

function escape(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** A piece as regular-expression atoms: letters in either case, or capitals only for an ALL-CAPS alias. */
function pieceAtoms(piece: string, strict: boolean): string[] {
  // `ethernet0` may stand for `ethernet` with any number: `ethernet1.present`, `scsi1:4`
  const numbered = /^(.*[^0-9])0$/.exec(piece);
  const body = numbered ? numbered[1] : piece;
  const atoms: string[] = [];
  for (const c of body) {
    if (c >= 'a' && c <= 'z') atoms.push(strict ? c.toUpperCase() : `[${c}${c.toUpperCase()}]`);
    else atoms.push(escape(c));
  }
  if (numbered) atoms.push('[0-9]+');
  return atoms;
}

function sepSource(sep: string): string {
  if (sep === ' ') return LOOSE;
  if (sep === '-') return '[-\\u2010\\u2011]';
  return escape(sep);
}

/** The pattern of one form as atoms, from its first piece to the end boundary of its last. */
export function formAtoms(f: Form): string[] {
  const atoms = pieceAtoms(f.pieces[0], f.strict);
  for (let i = 1; i < f.pieces.length; i++) atoms.push(sepSource(f.seps[i - 1]), ...pieceAtoms(f.pieces[i], f.strict));
  atoms.push(END);
  return atoms;
}

export function formSource(f: Form): string {
  return formAtoms(f).join('');
}

interface AtomTrie {
  children: Map<string, AtomTrie>;
}

/**
 * The union of the forms as one pattern, with common prefixes factored out
 * (`[hH][oO](?:[sS][tT]…|[mM][eE]…)`), so the regular-expression engine branches on the next
 * character instead of trying every alternative in turn.
 */
export function factoredSource(forms: readonly string[][]): string {
  const root: AtomTrie = { children: new Map() };
  for (const atoms of forms) {
    let node = root;
    for (const a of atoms) {
      let next = node.children.get(a);
      if (!next) node.children.set(a, (next = { children: new Map() }));
      node = next;
    }
  }
  const emit = (node: AtomTrie): string => {
    const parts = [...node.children].map(([a, child]) => a + emit(child));
    if (parts.length === 0) return '';
    return parts.length === 1 ? parts[0] : `(?:${parts.join('|')})`;
  };
  return emit(root);
}

/** Runs a global regular expression over the text, reporting every position where it matches. */
function collect(re: RegExp, text: string, starts: Starts): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    starts.push(m.index);
    re.lastIndex = m.index + 1; // overlapping: a later alias may start inside this one
  }
}

/** naive: one regular expression per alias (its spellings as alternatives), run one after another. */
export function naiveEngine(verifier: Verifier): Engine {
  const byAlias = new Map<string, string[]>();
  for (const f of verifier.forms) {
    if (!matchable(f)) continue;
    const list = byAlias.get(f.alias) ?? [];
    const src = formSource(f);
    if (!list.includes(src)) list.push(src);
    byAlias.set(f.alias, list);
  }
  const sources = new Set([...byAlias.values()].map((alts) => `${START}(?:${alts.join('|')})`));
  const regexes = [...sources].map((s) => new RegExp(s, 'g'));
  const starts = new Starts();
  return {
    name: 'naive',
    patterns: regexes.length,
    search(text) {
      starts.clear();
      for (const re of regexes) collect(re, text, starts);
      return starts.sorted();
    },
    scan(text, generic) {
      return verifier.finish(text, this.search!(text), generic);
    },
  };
}

/**
 * alternation: every form of every alias in one regular expression. `factored` shares common
 * prefixes between alternatives; otherwise they are listed longest first.
 */
export function alternationEngine(verifier: Verifier, factored = true): Engine {
  const forms = verifier.forms.filter(matchable).map(formAtoms);
  const alts = [...new Set(forms.map((a) => a.join('')))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const re = new RegExp(`${START}(?:${factored ? factoredSource(forms) : alts.join('|')})`, 'g');
  const starts = new Starts();
  return {
    name: 'alternation',
    patterns: alts.length,
    search(text) {
      starts.clear();
      collect(re, text, starts);
      return starts.view();
    },
    scan(text, generic) {
      return verifier.finish(text, this.search!(text), generic);
    },
  };
}

// ---- Aho–Corasick: search the lower-cased text for the first piece of every form

/**
 * The keywords: the lower-case first piece of every form that can match, and for a one-piece
 * form written with a `0` (`vswitch0`, which matches `vSwitch1`) its letters.
 */
export function acKeywords(forms: readonly Form[]): string[] {
  const keys = new Set<string>();
  for (const f of forms) {
    if (!matchable(f)) continue;
    keys.add(f.pieces[0]);
    const numbered = /^(.*[^0-9])0$/.exec(f.pieces[0]);
    if (numbered) keys.add(numbered[1]);
  }
  return [...keys].sort();
}

/** modern-ahocorasick: its automaton over the lower-cased text, hits filtered by piece boundary. */
export function modernAhoCorasickEngine(verifier: Verifier): Engine {
  const keywords = acKeywords(verifier.forms);
  const ac = new AhoCorasickModern(keywords);
  const starts = new Starts();
  return {
    name: 'modern-ahocorasick',
    patterns: keywords.length,
    search(text) {
      starts.clear();
      const lower = lowerText(text);
      for (const hit of ac.search(lower)) if (mayStartPiece(text, hit.start)) starts.push(hit.start);
      return starts.sorted();
    },
    scan(text, generic) {
      return verifier.finish(text, this.search!(text), generic);
    },
  };
}

/** Text is searched in chunks of this many characters, so the hit list of `ahocorasick` stays bounded. */
const CHUNK = 1 << 20;

/** ahocorasick: its automaton over the lower-cased text (in 1 M-character chunks), hits filtered by piece boundary. */
export function classicAhoCorasickEngine(verifier: Verifier): Engine {
  const keywords = acKeywords(verifier.forms);
  const ac = new AhoCorasickClassic(keywords);
  const longest = keywords.reduce((n, k) => Math.max(n, k.length), 0);
  const starts = new Starts();
  return {
    name: 'ahocorasick',
    patterns: keywords.length,
    search(text) {
      starts.clear();
      const lower = lowerText(text);
      for (let a = 0; a < lower.length; a += CHUNK) {
        const b = Math.min(lower.length, a + CHUNK);
        // a keyword starting before b ends before b + longest - 1
        const part = lower.slice(a, Math.min(lower.length, b + longest - 1));
        for (const [last, words] of ac.search(part)) {
          for (const w of words) {
            const s = a + last - w.length + 1;
            if (s < b && mayStartPiece(text, s)) starts.push(s);
          }
        }
      }
      return starts.sorted();
    },
    scan(text, generic) {
      return verifier.finish(text, this.search!(text), generic);
    },
  };
}
