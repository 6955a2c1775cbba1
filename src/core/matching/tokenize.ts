/**
 * Splits text into word pieces: at anything that is not a letter or digit, at lower→Upper
 * (`NewVhd` → `New Vhd`), at ACRONYM→Capitalised (`VHDPath` → `VHD Path`) and at digit→Upper.
 * Digits stay attached to the letters before them (`kvm64`, `qcow2`). An acronym with a
 * plural `s` stays one piece (`VSPs`), flagged PLURAL; so do brands that start with two
 * capitals or end in one lower-case letter (`VMware`, `PCIe`, `ESXi`).
 */

export const UPPER = 1;
export const LOWER = 2;
export const DIGIT = 3;

/** Flags of a token. */
export const ALL_CAPS = 1; // every letter is upper case (a PLURAL acronym counts)
export const PLURAL = 2; // an acronym with a trailing lower-case `s`: `VSPs`
export const HAS_DIGIT = 4;
export const HAS_LETTER = 8;
export const HAS_UPPER = 16;

const asciiClass = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 65 && c <= 90) asciiClass[c] = UPPER;
  else if (c >= 97 && c <= 122) asciiClass[c] = LOWER;
  else if (c >= 48 && c <= 57) asciiClass[c] = DIGIT;
}

/** Character class: 0 for separators. Non-ASCII letters count as lower case. */
export function charClass(code: number): number {
  if (code < 128) return asciiClass[code];
  if (code === 0xa0 || code === 0xfeff || code === 0x3000) return 0;
  if (code >= 0x2000 && code <= 0x206f) return 0; // general punctuation: ’ “ — …
  if (code >= 0xd800 && code <= 0xdfff) return LOWER; // surrogate halves of letters or emoji
  return LOWER;
}

/** Lower-cases one UTF-16 code unit; keys and text are folded the same way. */
export function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  // non-ASCII text (localized strings, CJK) folds every character: each one once, then from a table
  const known = lowerTable[c];
  if (known !== 0) return known;
  const l = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  lowerTable[c] = l;
  return l;
}
/** per UTF-16 code unit, its fold once computed (0: not yet; no code unit of 128 or more folds to 0) */
const lowerTable = new Uint16Array(65536);

/** One step of the key hash: the same for alias keys and text tokens. */
export function hashStep(h: number, lower: number): number {
  return (Math.imul(h, 31) + lower) | 0;
}

/** The token found by `nextToken`; reused to avoid allocation on hot paths. */
export interface Token {
  start: number;
  end: number;
  flags: number;
  /** hash of the lower-cased lookup key: the token, or for a PLURAL acronym its singular */
  hash: number;
  /** hashes of the key without its last one and two characters (for `-s` and `-es` plurals) */
  hash1: number;
  hash2: number;
  /** where a trailing run of digits starts (`kvm64` → 3, `42` → 0), or -1, and the hash of what precedes it */
  digitsAt: number;
  hashLetters: number;
}

export function newToken(): Token {
  return { start: 0, end: 0, flags: 0, hash: 0, hash1: 0, hash2: 0, digitsAt: -1, hashLetters: 0 };
}

/**
 * Finds the first token that starts at or after `pos` and before `limit`.
 * Returns false when there is none. `pos` must not be inside a token unless the caller
 * means to start there. `whole`: no split at a change of case (a `.vmx` file's keys are
 * case-insensitive, so `memSize` is the key `memsize`).
 */
export function nextToken(text: string, pos: number, limit: number, out: Token, whole = false): boolean {
  let i = pos;
  let code = 0;
  let c = 0;
  while (i < limit) {
    code = text.charCodeAt(i);
    c = code < 128 ? asciiClass[code] : charClass(code);
    if (c !== 0) break;
    i++;
  }
  if (i >= limit) return false;
  const start = i;
  let flags = 0;
  let upperRun = 0; // length of the current run of upper-case letters
  let lowerSeen = false;
  let prev = 0;
  let h = 0;
  let hPrev = 0; // the hash before the last character, for giving that character back
  let hPrev2 = 0;
  let digitsAt = -1;
  let hashLetters = 0;
  for (;;) {
    if (c === LOWER && prev === LOWER && code < 128) {
      // a lower-case letter after another: nothing splits here, only the hash moves on
      hPrev2 = hPrev;
      hPrev = h;
      h = (Math.imul(h, 31) + code) | 0;
      i++;
      if (i >= limit) break;
      code = text.charCodeAt(i);
      c = code < 128 ? asciiClass[code] : charClass(code);
      if (c === 0) break;
      continue;
    }
    if (i > start && !whole) {
      if (c === UPPER && (prev === LOWER || prev === DIGIT)) break; // lower→Upper or digit→Upper
      if (c === LOWER && prev === UPPER && upperRun >= 2) {
        // ACRONYM followed by lower case: a plural acronym `VSPs`, `VHDPath`, or a brand
        // written this way (`VMware`, `PCIe`, `ESXi`), which stays whole
        const after = i + 1 < limit ? charClass(text.charCodeAt(i + 1)) : 0;
        if (code === 115 /* s */ && after !== LOWER && after !== DIGIT && i - start === upperRun) {
          flags |= PLURAL;
          i++;
          break; // the key is the singular; what follows the `s` starts a new token
        }
        if (upperRun > 2 && after === LOWER) {
          i--; // the last capital starts the next token
          h = hPrev;
          hPrev = hPrev2;
          break;
        }
      }
    }
    if (c === UPPER) {
      upperRun++;
      flags |= HAS_UPPER;
    }
    else {
      if (c === LOWER) lowerSeen = true;
      if (c !== DIGIT) upperRun = 0;
    }
    if (c === DIGIT) {
      flags |= HAS_DIGIT;
      if (digitsAt === -1) {
        digitsAt = i;
        hashLetters = h;
      }
    } else {
      flags |= HAS_LETTER;
      digitsAt = -1;
    }
    hPrev2 = hPrev;
    hPrev = h;
    h = (Math.imul(h, 31) + (code < 128 ? (c === UPPER ? code + 32 : code) : lowerCode(code))) | 0;
    prev = c;
    i++;
    if (i >= limit) break;
    code = text.charCodeAt(i);
    c = code < 128 ? asciiClass[code] : charClass(code);
    if (c === 0) break;
  }
  if ((!lowerSeen || flags & PLURAL) && flags & HAS_LETTER) flags |= ALL_CAPS;
  out.start = start;
  out.end = i;
  out.flags = flags;
  out.hash = h;
  out.hash1 = hPrev;
  out.hash2 = hPrev2;
  out.digitsAt = digitsAt;
  out.hashLetters = hashLetters;
  return true;
}

/** Splits a whole string into tokens (for aliases and tests; the matcher streams instead). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const t = newToken();
  let pos = 0;
  while (nextToken(text, pos, text.length, t)) {
    tokens.push({ ...t });
    pos = t.end;
  }
  return tokens;
}

/** Spaces or tabs that may join alias pieces on one line. */
export const MAX_SPACES = 8;
/** Spaces or tabs (with a comment leader) that may indent the piece after the one line break. */
export const MAX_INDENT = 40;
/** The longest separator that joins anything: spaces, a CRLF, a comment leader, an indent. */
export const MAX_SEPARATOR = MAX_SPACES + 2 + 2 + MAX_INDENT;

/**
 * How the text between two tokens joins them, as a one-character key:
 * ' ' for nothing (CamelCase), `_`, or at most MAX_SPACES spaces or tabs, then at most one line
 * break followed by at most MAX_INDENT columns of indent and a comment leader (`#`, `//`, ...);
 * '-' for a hyphen; any other single punctuation character stands for itself;
 * '' when the tokens are not joined (a paragraph break, several punctuation marks, a long run
 * of white space). Reads at most MAX_SEPARATOR characters.
 */
export function separatorKey(text: string, from: number, to: number): string {
  if (from === to) return ' ';
  if (to - from === 1) {
    const code = text.charCodeAt(from);
    if (code === 95 /* _ */ || code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0) return ' ';
    if (code === 45 || code === 0x2010 || code === 0x2011) return '-';
    if (code >= 0x2000 && code <= 0x206f) return '';
    return text[from];
  }
  if (!(to - from <= MAX_SEPARATOR)) return '';
  // Vagrant's provider prefix (`libvirt__network_name`): only an alias written with `__` matches it
  if (to - from === 2 && text.charCodeAt(from) === 95 && text.charCodeAt(from + 1) === 95) return '_';
  let newlines = 0;
  let run = 0;
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 0xa0) {
      if (++run > (newlines ? MAX_INDENT : MAX_SPACES)) return '';
      i++;
      continue;
    }
    if (code === 13 || code === 10) {
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      newlines++;
      if (newlines > 1) return '';
      run = 0;
      i++;
      // a comment leader right after the line break: `#`, `//`, `*`, `;`, `--`
      while (i < to && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
        i++;
        if (++run > MAX_INDENT) return '';
      }
      const lead = text.charCodeAt(i);
      if (lead === 35 || lead === 42 || lead === 59) i++;
      else if ((lead === 47 || lead === 45) && text.charCodeAt(i + 1) === lead) i += 2;
      continue;
    }
    return '';
  }
  return ' ';
}
