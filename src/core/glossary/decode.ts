import type { Problem } from './entry';
import { LIMITS } from './limits';

/**
 * Decodes a file's bytes as UTF-8. Invalid UTF-8 is a problem at its line, never stored as
 * U+FFFD; a file over the size limit is refused before it is decoded.
 */
export function decodeEntryFile(path: string, bytes: Uint8Array): { text: string } | { problem: Problem } {
  if (bytes.length > LIMITS.fileChars * 4) {
    return { problem: { file: path, line: 1, message: `file is ${bytes.length} bytes; an entry file may have at most ${LIMITS.fileChars} characters` } };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidByte(bytes);
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 10) line++;
    return { problem: { file: path, line, message: `the file is not valid UTF-8 (byte ${bad}): save it as UTF-8` } };
  }
}

function firstInvalidByte(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}
