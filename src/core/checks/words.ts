/**
 * The words of prose, for the checks: one linear pass that yields word, punctuation and
 * sentence-break tokens with their offsets. Words split like the term engine reads aliases
 * (at spaces, punctuation, `-`, `_`, lower→Upper and letter↔digit), are folded to lower case,
 * and letters outside ASCII are compatibility-folded one by one (`𝐋𝐚𝐲𝐞𝐫` reads `layer`).
 * A possessive `'s` stays with its word and is not part of the key.
 */

export const WORD = 0;
export const PUNCT = 1;
export const BREAK = 2;

export interface Tokens {
  count: number;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** 1 when the token continues the previous one with no separator (`Virtual|Box`, `Type|2`) */
  glued: Uint8Array;
  /** lower-cased, folded text of words and punctuation; '' for breaks */
  key: string[];
  /** for a BREAK: 1 when it ends a question */
  question: Uint8Array;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** 1 upper, 2 lower or other letter, 3 digit, 0 not part of a word. */
function classOf(cp: number): number {
  if (cp < 128) {
    if (cp >= 97 && cp <= 122) return 2;
    if (cp >= 65 && cp <= 90) return 1;
    if (cp >= 48 && cp <= 57) return 3;
    return 0;
  }
  if (cp >= 0x1d400 && cp <= 0x1d7ff) {
    const f = String.fromCodePoint(cp).normalize('NFKC');
    const c = f.charCodeAt(0);
    return c >= 48 && c <= 57 ? 3 : f !== f.toLowerCase() ? 1 : 2;
  }
  const s = String.fromCodePoint(cp);
  if (!LETTER_OR_DIGIT.test(s)) return 0;
  return s !== s.toLowerCase() ? 1 : 2;
}

function fold(cp: number): string {
  if (cp < 128) return String.fromCharCode(cp >= 65 && cp <= 90 ? cp + 32 : cp);
  return String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff;
const isQuote = (c: number) => c === 39 || c === 0x2019;

/** Characters that, at the start of a line, begin a new block (a list item, heading, quote, table row). */
function blockStart(text: string, i: number, limit: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 35 /* # */ || c === 62 /* > */ || c === 124 /* | */) return true;
  if ((c === 45 || c === 42 || c === 43 || c === 0x2022) && i + 1 < limit && isSpace(text.charCodeAt(i + 1))) return true;
  if (c >= 48 && c <= 57) {
    let j = i;
    while (j < limit && j - i < 4 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    const d = text.charCodeAt(j);
    return (d === 46 || d === 41) && j + 1 < limit && isSpace(text.charCodeAt(j + 1));
  }
  return false;
}

/** A growable token list. */
class Builder {
  count = 0;
  kind = new Uint8Array(256);
  start = new Int32Array(256);
  end = new Int32Array(256);
  glued = new Uint8Array(256);
  question = new Uint8Array(256);
  key: string[] = [];

  push(kind: number, start: number, end: number, key: string, glued = 0, question = 0): void {
    if (kind === BREAK && (this.count === 0 || this.kind[this.count - 1] === BREAK)) {
      if (question && this.count > 0) this.question[this.count - 1] = 1;
      return;
    }
    if (this.count === this.kind.length) this.grow();
    const n = this.count++;
    this.kind[n] = kind;
    this.start[n] = start;
    this.end[n] = end;
    this.glued[n] = glued;
    this.question[n] = question;
    this.key[n] = key;
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const k = new Uint8Array(size); k.set(this.kind); this.kind = k;
    const s = new Int32Array(size); s.set(this.start); this.start = s;
    const e = new Int32Array(size); e.set(this.end); this.end = e;
    const g = new Uint8Array(size); g.set(this.glued); this.glued = g;
    const q = new Uint8Array(size); q.set(this.question); this.question = q;
  }
}

/**
 * Tokens of `text` inside `ranges` (sorted, not overlapping, [start, end) pairs). Between two
 * ranges comes a break, unless only spaces, one line break and comment leaders lie between
 * (consecutive line comments read as one paragraph).
 */
export function proseTokens(text: string, ranges: readonly (readonly [number, number])[]): Tokens {
  const b = new Builder();
  let prevEnd = -1;
  for (const [from, to] of ranges) {
    if (prevEnd >= 0 && !joinsComments(text, prevEnd, from)) b.push(BREAK, prevEnd, prevEnd, '');
    scanRange(text, from, Math.min(to, text.length), b);
    prevEnd = to;
  }
  b.push(BREAK, text.length, text.length, '');
  return { count: b.count, kind: b.kind, start: b.start, end: b.end, glued: b.glued, key: b.key, question: b.question };
}

function joinsComments(text: string, from: number, to: number): boolean {
  if (to - from > 200) return false;
  let lines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lines++;
    else if (!(isSpace(c) || c === 13 || c === 47 || c === 35 || c === 42 || c === 59 || c === 45 || c === 33 || c === 39)) return false;
  }
  return lines <= 1;
}

function scanRange(text: string, from: number, to: number, b: Builder): void {
  let i = from;
  let lineStart = true;
  let prevClass = 0; // class of the last word character, 0 after a separator
  let wordStart = -1;
  let key = '';
  let glued = 0;
  let ascii = true; // the word so far is ASCII letters and digits: its key is a slice, lower-cased
  const keyOf = (end: number) => (ascii ? text.slice(wordStart, end).toLowerCase() : key);
  const endWord = (end: number) => {
    if (wordStart >= 0) b.push(WORD, wordStart, end, keyOf(end), glued);
    wordStart = -1;
    key = '';
    ascii = true;
    prevClass = 0;
  };
  while (i < to) {
    const c = text.charCodeAt(i);
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const cls = classOf(cp);
    if (cls !== 0) {
      // a new piece at lower→Upper and letter↔digit; the previous piece is glued to this one
      if (wordStart >= 0 && ((prevClass === 2 && cls === 1) || (prevClass === 3) !== (cls === 3))) {
        endWord(i);
        glued = 1;
      } else if (wordStart < 0) glued = 0;
      if (wordStart < 0) wordStart = i;
      if (cp >= 128 && ascii) {
        ascii = false;
        key = text.slice(wordStart, i).toLowerCase();
      }
      if (!ascii) key += fold(cp);
      prevClass = cls;
      lineStart = false;
      i += width;
      continue;
    }
    if (isQuote(c) && wordStart >= 0 && i + 1 < to) {
      const n = text.charCodeAt(i + 1);
      const after = i + 2 < to ? classOf(text.charCodeAt(i + 2)) : 0;
      if ((n === 115 || n === 83) && after === 0) {
        // possessive: `Hyper-V's`, `VMware's`
        b.push(WORD, wordStart, i + 2, keyOf(i), glued);
        wordStart = -1; key = ''; ascii = true; prevClass = 0;
        i += 2;
        continue;
      }
      if (classOf(n) === 2 || classOf(n) === 1) {
        // a contraction stays one word: `isn't`, `doesn't`
        if (ascii) {
          ascii = false;
          key = text.slice(wordStart, i).toLowerCase();
        }
        key += "'";
        prevClass = 0;
        i++;
        continue;
      }
    }
    endWord(i);
    if (c === 10 || c === 13) {
      // a blank line ends a paragraph; a line that starts a block ends the sentence before it
      let j = i;
      let lines = 0;
      while (j < to && (text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13 || isSpace(text.charCodeAt(j)))) {
        if (text.charCodeAt(j) === 10) lines++;
        j++;
      }
      if (lines >= 2 || (j < to && blockStart(text, j, to))) b.push(BREAK, i, i, '');
      lineStart = true;
      i = j;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    const next = i + 1 < to ? text.charCodeAt(i + 1) : 32;
    if ((c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x3002) && (i + 1 >= to || isSpace(next) || next === 10 || next === 13 || next === 34 || next === 41 || next === 0x201d || next === 42 || next === 95)) {
      b.push(BREAK, i, i + 1, '', 0, c === 63 ? 1 : 0);
    } else if (c === 124 || (c === 59 && !lineStart)) {
      b.push(BREAK, i, i + 1, '');
    } else if ((c === 45 || c === 95) && prevClassBefore(text, i, from) && i + 1 < to && classOf(next) !== 0) {
      // `-` and `_` inside a word join its pieces
    } else if (c < 128 && c !== 42 && c !== 95 && c !== 96 && c !== 34 && c !== 0x201c && c !== 0x201d && c !== 39 && c !== 0x2018 && c !== 0x2019) {
      b.push(PUNCT, i, i + 1, String.fromCharCode(c));
    } else if (c === 0x2014 || c === 0x2013) {
      b.push(PUNCT, i, i + 1, '-');
    }
    lineStart = false;
    i++;
  }
  endWord(to);
}

function prevClassBefore(text: string, i: number, from: number): boolean {
  return i > from && classOf(text.charCodeAt(i - 1)) !== 0;
}

const phraseCache = new Map<string, string[]>();

/** The word keys of a phrase written in content, read exactly as prose is read. */
export function phraseKeys(phrase: string): string[] {
  const hit = phraseCache.get(phrase);
  if (hit) return hit;
  const t = proseTokens(phrase, [[0, phrase.length]]);
  const keys: string[] = [];
  for (let i = 0; i < t.count; i++) if (t.kind[i] !== BREAK) keys.push(t.key[i]);
  if (phraseCache.size < 10_000) phraseCache.set(phrase, keys);
  return keys;
}
