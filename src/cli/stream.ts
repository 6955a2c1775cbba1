/**
 * Scanning a big file without holding it: it is read and decoded 1 MB at a time, and matched
 * chunk by chunk with enough text on each side to settle every match as a whole-text scan
 * would. Memory stays at a few chunks whatever the file's size. The profile comes from the
 * file's name and its first 16K, as for any file; Packer builder regions are not computed.
 */
import { closeSync, constants, openSync, readSync } from 'node:fs';
import type { KnowledgeIndex } from '../core/knowledge/index';
import { edgeAfter, edgeBefore, reach } from '../core/matching/chunks';
import type { GenericPolicy } from '../core/matching/matcher';
import { detectProfile, PROFILE_CHARS } from '../core/profile';
import type { ReadResult } from './files';
import type { ScanMatch } from './scan-text';

const READ_BYTES = 1024 * 1024;
const CHUNK_CHARS = 1024 * 1024;

/** Scans the file at `path` in chunks; `emit` gets each chunk's matches. Returns why it stopped early, if it did. */
export function scanStreaming(kb: KnowledgeIndex, bytesPath: Buffer, shownPath: string, maxFileSize: number, generic: GenericPolicy, emit: (matches: ScanMatch[]) => void): Exclude<ReadResult, { text: string }> | undefined {
  let fd: number;
  try {
    fd = openSync(bytesPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { error: { code: err.code, message: err.message } };
  }
  try {
    const chunk = Buffer.allocUnsafe(READ_BYTES);
    let decoder: TextDecoder | undefined;
    let total = 0;
    /** text held, starting at absolute offset `base` */
    let text = '';
    let base = 0;
    /** the next absolute offset to settle matches from */
    let from = 0;
    let eof = false;
    let options: Parameters<KnowledgeIndex['matcher']['scanRange']>[1] | undefined;
    const matcher = kb.matcher;
    const r = reach(matcher);
    const lines = lineCursor();
    while (!eof || from < base + text.length) {
      // read until the held text reaches past the next chunk and its context, or the file ends
      while (!eof && base + text.length < from + CHUNK_CHARS + r + 1) {
        let n: number;
        try {
          n = readSync(fd, chunk, 0, READ_BYTES, null);
        } catch (e) {
          const err = e as NodeJS.ErrnoException;
          return err.code === 'EAGAIN' ? { skipped: 'blocks' } : { error: { code: err.code, message: err.message } };
        }
        if (n === 0) {
          eof = true;
          if (decoder) text += decoder.decode();
          break;
        }
        let piece = chunk.subarray(0, n);
        if (!decoder) {
          const le = piece[0] === 0xff && piece[1] === 0xfe;
          const be = piece[0] === 0xfe && piece[1] === 0xff;
          if (!le && !be && piece.subarray(0, 8192).includes(0)) return { skipped: 'binary-file' };
          decoder = new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8');
          if (le || be) piece = piece.subarray(2);
        }
        total += n;
        if (total > maxFileSize) return { skipped: 'too-large', limit: maxFileSize };
        text += decoder.decode(piece, { stream: true });
      }
      if (!options) {
        const profile = detectProfile({ fileName: shownPath, text: text.slice(0, PROFILE_CHARS) });
        options = { generic, systems: profile.systems, contexts: profile.contexts };
      }
      const end = base + text.length;
      if (from >= end) break;
      let to = Math.min(end, from + CHUNK_CHARS);
      if (to < end || !eof) to = Math.max(from + 1, base + edgeBefore(text, to - base));
      const windowFrom = from === 0 ? 0 : base + edgeBefore(text, Math.max(0, from - r - base));
      const windowTo = to >= end && eof ? end : base + edgeAfter(text, Math.min(text.length, to + r - base));
      const found = matcher.scanRange(text, options, windowFrom - base, windowTo - base, from - base, to - base);
      emit(
        found.map((m) => {
          const s = lines.at(text, base, m.start + base);
          const e = endOf(s, text, m.start, m.end);
          return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, text: text.slice(m.start, m.end), id: m.id, title: kb.get(m.id)!.title };
        }),
      );
      from = to;
      // keep the context the next window reads back into; drop the rest
      const keepFrom = Math.max(base, from - r - 1024);
      lines.at(text, base, keepFrom);
      text = text.slice(keepFrom - base);
      base = keepFrom;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Line and column of absolute offsets met in increasing order, counting \n, \r\n and \r as VS Code does. */
function lineCursor() {
  let pos = 0;
  let line = 0;
  let lineStart = 0;
  // the next \n and \r at or after a point, found once per held text (-1: none left)
  let held = '';
  let lf = -1;
  let cr = -1;
  const nextBreak = (text: string, i: number) => {
    if (text !== held) {
      held = text;
      lf = cr = -2;
    }
    if (lf !== -1 && lf < i) lf = text.indexOf('\n', i);
    if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
    return lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  };
  const advance = (text: string, base: number, target: number, state: { pos: number; line: number; lineStart: number }) => {
    let i = state.pos - base;
    const end = target - base;
    while (i < end) {
      const next = nextBreak(text, i);
      if (next < 0 || next >= end) break;
      // \r\n is one break, counted at its \n
      if (!(text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10)) {
        state.line++;
        state.lineStart = base + next + 1;
      }
      i = next + 1;
    }
    state.pos = Math.max(state.pos, target);
    return state;
  };
  return {
    at(text: string, base: number, target: number) {
      const s = advance(text, base, target, { pos, line, lineStart });
      pos = s.pos;
      line = s.line;
      lineStart = s.lineStart;
      return { line, character: target - lineStart };
    },
  };
}

/** Line and column of a match's end, from its start's: the match text is short. */
function endOf(start: { line: number; character: number }, text: string, from: number, to: number): { line: number; character: number } {
  let line = start.line;
  let lineStart = from - start.character;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: to - lineStart };
}
