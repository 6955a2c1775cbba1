/**
 * The model behind "In This File": the terms of one document, grouped by entry, with line
 * numbers and previews. Plain data, no `vscode` import, so unit tests run it directly.
 *
 * Big files stay cheap: at most `maxChars` characters are read and at most `maxMatches`
 * matches kept; the text is scanned in chunks of at most `chunkChars`, sized so that one takes
 * about `sliceMs`, yielding to the event loop between chunks, and a scan stops as soon as
 * `isCancelled()` says a newer one replaced it.
 */
import { type ContextRegion, type GenericPolicy, type TermMatch, type TermMatcher } from '../../core/matching/matcher';
import { english, fill, messages, type Translate } from '../../core/l10n';
import { edgeAfter, edgeBefore, reach } from '../../core/matching/chunks';
export { reach } from '../../core/matching/chunks';

export interface ScanLimits {
  /** characters read from the start of the document */
  maxChars: number;
  /** matches kept; the scan stops there */
  maxMatches: number;
  /** characters scanned between two yields, at most */
  chunkChars: number;
  /** the time one chunk should take: chunks grow or shrink to it */
  sliceMs: number;
}

export const DEFAULT_LIMITS: ScanLimits = { maxChars: 4 * 1024 * 1024, maxMatches: 5000, chunkChars: 128 * 1024, sliceMs: 3 };

/** the smallest chunk the time budget makes, and the first one */
const MIN_CHUNK = 2048;
const FIRST_CHUNK = 4096;

export interface Occurrence {
  /** offsets into the document text; `end` exclusive */
  start: number;
  end: number;
  /** zero-based, as VS Code counts lines (\n, \r\n and \r end a line) */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  /** the line around the match, trimmed and shortened, on one line */
  preview: string;
  /** where the match is in `preview`: [start, end) */
  highlight: [number, number];
  /** the matched text, as written */
  text: string;
  generic?: boolean;
  /** other entries the matched word can mean */
  candidates?: string[];
}

export interface TermGroup {
  id: string;
  occurrences: Occurrence[];
}

export interface InFileResult {
  /** one group per entry, in order of first occurrence */
  groups: TermGroup[];
  /** matches kept (sum of all groups) */
  total: number;
  /** characters read, and the document's length */
  scannedChars: number;
  textLength: number;
  /** why the list is partial: it hit the match cap, or the file is longer than `maxChars` */
  truncated?: 'matches' | 'size';
}

export interface ScanOptions {
  generic?: GenericPolicy;
  /** systems the document is known to be about (passed on to the term engine) */
  systems?: readonly string[];
  /** the document profile's contexts, for scoped aliases */
  contexts?: readonly string[];
  /** the document profile's regions (Packer builder blocks), with contexts of their own */
  regions?: readonly ContextRegion[];
  limits?: Partial<ScanLimits>;
  /** returns true once this scan is stale; checked after every chunk */
  isCancelled?: () => boolean;
  /** how to give the event loop a turn between chunks */
  pause?: () => Promise<void>;
  /** a clock in milliseconds, for sizing chunks */
  now?: () => number;
}

const PREVIEW_BEFORE = 30;
const PREVIEW_AFTER = 70;
/** how far a chunk edge may move to land between two words */
const defaultPause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const defaultNow = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Scans `text` and groups its matches by entry. Returns undefined when cancelled. The result
 * equals one `matcher.scan` over the scanned part, whatever the chunks: each chunk's matches
 * are settled reading `reach(matcher)` characters more on each side, enough for every
 * neighbour that can vote on them and for the scan to fall in step with a whole-text scan.
 */
export async function scanText(matcher: TermMatcher, text: string, options: ScanOptions = {}): Promise<InFileResult | undefined> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const pause = options.pause ?? defaultPause;
  const now = options.now ?? defaultNow;
  const cancelled = options.isCancelled ?? (() => false);
  const maxChunk = Math.max(1, limits.chunkChars);
  let end = text.length;
  let truncated: InFileResult['truncated'];
  if (end > limits.maxChars) {
    end = edgeBefore(text, limits.maxChars);
    truncated = 'size';
  }
  const r = reach(matcher);
  const grouper = new Grouper(text);
  const scanOptions = { generic: options.generic, systems: options.systems, contexts: options.contexts, regions: options.regions };
  let size = Math.min(maxChunk, FIRST_CHUNK);
  let from = 0;
  while (from < end) {
    const started = now();
    let to = Math.min(end, from + size);
    if (to < end) to = Math.max(from + 1, edgeBefore(text, to));
    const windowFrom = from === 0 ? 0 : edgeBefore(text, Math.max(0, from - r));
    const windowTo = to >= end ? end : Math.min(end, edgeAfter(text, Math.min(end, to + r)));
    const found = matcher.scanRange(text, { ...scanOptions, limit: limits.maxMatches - grouper.total }, windowFrom, windowTo, from, to);
    grouper.add(found);
    if (grouper.total >= limits.maxMatches) {
      truncated = 'matches';
      end = Math.min(end, found[found.length - 1].end);
      break;
    }
    from = to;
    // the next chunk takes about the time budget (with a margin), growing at most twofold
    const took = now() - started;
    size = Math.round(Math.min(maxChunk, size * 2, Math.max(MIN_CHUNK, took > 0 ? (size * 0.8 * limits.sliceMs) / took : size * 2)));
    if (from < end) {
      await pause();
      if (cancelled()) return undefined;
    }
  }
  if (cancelled()) return undefined;
  return { groups: grouper.groups(), total: grouper.total, scannedChars: end, textLength: text.length, ...(truncated ? { truncated } : {}) };
}

/**
 * How far beyond a chunk a scan reads to settle its matches as a whole-text scan does: the
 * context radius, plus a match that ends there (whose neighbours vote), plus a neighbour
 * the window would cut; the same before the chunk, where a match may run into it.
 */
/** Groups matches given in text order, chunk by chunk: positions, previews, one group per entry. */
class Grouper {
  private readonly byId = new Map<string, TermGroup>();
  private readonly cursor: ReturnType<typeof lineCursor>;
  total = 0;

  constructor(private readonly text: string) {
    this.cursor = lineCursor(text);
  }

  add(matches: readonly TermMatch[]): void {
    const { text, cursor } = this;
    for (const m of matches) {
      const start = cursor.at(m.start);
      const startLineStart = cursor.lineStart;
      const endPos = cursor.peek(m.end);
      const occurrence: Occurrence = {
        start: m.start,
        end: m.end,
        line: start.line,
        character: start.character,
        endLine: endPos.line,
        endCharacter: endPos.character,
        text: text.slice(m.start, m.end),
        ...preview(text, startLineStart, m.start, m.end),
        ...(m.generic ? { generic: true } : {}),
        ...(m.candidates ? { candidates: m.candidates.filter((c) => c !== m.id) } : {}),
      };
      let g = this.byId.get(m.id);
      if (!g) {
        g = { id: m.id, occurrences: [] };
        this.byId.set(m.id, g);
      }
      g.occurrences.push(occurrence);
      this.total++;
    }
  }

  groups(): TermGroup[] {
    return [...this.byId.values()];
  }
}

/** Groups matches (in text order) by entry, with positions and previews. */
export function group(text: string, matches: readonly TermMatch[]): { groups: TermGroup[]; total: number } {
  const grouper = new Grouper(text);
  grouper.add(matches);
  return { groups: grouper.groups(), total: grouper.total };
}

/** The text around a match on its line, on one line, with the match's place in it. */
export function preview(text: string, lineStart: number, start: number, end: number): { preview: string; highlight: [number, number] } {
  let from = Math.max(lineStart, start - PREVIEW_BEFORE);
  // do not start inside a word when the line is cut
  if (from > lineStart) {
    const space = text.slice(from, start).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  let to = end;
  const limit = Math.min(text.length, end + PREVIEW_AFTER);
  while (to < limit) {
    const c = text.charCodeAt(to);
    if (c === 10 || c === 13) break;
    to++;
  }
  const cutEnd = to < text.length && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13;
  const lead = oneLine(text.slice(from, start));
  const before = `${from > lineStart ? '…' : ''}${from === lineStart ? lead.replace(/^ /, '') : lead}`;
  const match = oneLine(text.slice(start, end));
  const after = `${oneLine(text.slice(end, to)).replace(/ $/, '')}${cutEnd ? '…' : ''}`;
  return { preview: before + match + after, highlight: [before.length, before.length + match.length] };
}

/** Line breaks, tabs and runs of white space as one space, so the preview reads as one line. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/**
 * Offsets → line/character for increasing offsets, in one pass over the text. `peek` reads
 * ahead without moving the cursor (for the end of a match).
 */
function lineCursor(text: string) {
  let offset = 0;
  let line = 0;
  let lineStart = 0;
  const advance = (to: number, state: { offset: number; line: number; lineStart: number }) => {
    let { offset: i, line: l, lineStart: ls } = state;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        l++;
        ls = i + 1;
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) {
          if (i + 1 >= to) {
            // \r\n split by `to`: the \r alone does not end the line yet
            i++;
            continue;
          }
          i++;
        }
        l++;
        ls = i + 1;
      }
      i++;
    }
    return { offset: Math.max(i, state.offset), line: l, lineStart: ls };
  };
  return {
    get lineStart() {
      return lineStart;
    },
    at(to: number) {
      ({ offset, line, lineStart } = advance(to, { offset, line, lineStart }));
      return { line, character: to - lineStart };
    },
    peek(to: number) {
      const s = advance(to, { offset, line, lineStart });
      return { line: s.line, character: to - s.lineStart };
    },
  };
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

function formatSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / (1024 * 1024)).toFixed(chars >= 10 * 1024 * 1024 ? 0 : 1)} MB` : `${Math.ceil(chars / 1024)} KB`;
}

const partialWords = messages({
  /** {0}: how many matches */
  matches: 'Showing the first {0} matches (file too large).',
  /** {0}: the size read ("4.0 MB"), {1}: the file's size */
  size: 'Showing terms in the first {0} of {1} (file too large).',
});

/** The message shown above a partial list, or undefined when the list is complete. */
export function partialMessage(result: Pick<InFileResult, 'truncated' | 'total' | 'scannedChars' | 'textLength'>, t: Translate = english): string | undefined {
  const w = partialWords(t);
  if (result.truncated === 'matches') return fill(w.matches, formatCount(result.total));
  if (result.truncated === 'size') return fill(w.size, formatSize(result.scannedChars), formatSize(result.textLength));
  return undefined;
}
