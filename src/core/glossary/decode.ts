import type { Problem } from './entry';
import { english, fill, messages, type Translate } from '../l10n';
import { LIMITS } from './limits';

const words = messages({
  /** {0}: the file's size, {1}: the limit */
  tooLarge: 'file is {0} bytes; an entry file may have at most {1} characters',
  /** {0}: the offset of the first bad byte */
  notUtf8: 'the file is not valid UTF-8 (byte {0}): save it as UTF-8',
});

/** The words above in the language of `t`, for readers that check a file's size first. */
export const decodeText = (t: Translate = english) => words(t);

/**
 * Decodes a file's bytes as UTF-8. Invalid UTF-8 is a problem at its line, never stored as
 * U+FFFD; a file over the size limit is refused before it is decoded.
 */
export function decodeEntryFile(path: string, bytes: Uint8Array, t: Translate = english): { text: string } | { problem: Problem } {
  if (bytes.length > LIMITS.fileChars * 4) {
    return { problem: { file: path, line: 1, message: fill(words(t).tooLarge, bytes.length, LIMITS.fileChars) } };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidByte(bytes);
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 10) line++;
    return { problem: { file: path, line, message: fill(words(t).notUtf8, bad) } };
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
