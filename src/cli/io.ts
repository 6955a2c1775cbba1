import type { Translate } from '../core/l10n';
import { cliWords } from './words';

/** What every command writes to, in which language (English without `t`), and the error that prints the usage. */
export interface Out {
  out: (s: string) => void;
  err: (s: string) => void;
  t?: Translate;
}

export class UsageError extends Error {}

export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

export function reason(e: unknown, t?: Translate): string {
  const err = e as NodeJS.ErrnoException;
  const w = cliWords(t);
  if (err.code === 'ENOENT') return w.noSuchFile;
  if (err.code === 'EACCES' || err.code === 'EPERM') return w.permissionDenied;
  if (err.code === 'ELOOP') return w.symlinkLoop;
  return err.message ?? String(e);
}

/**
 * A path as it may be printed: bytes that are not UTF-8 become `\xNN`, and control characters
 * (which could move a terminal's cursor or set its title) become `\xNN` or `\u{N}` too.
 */
export function displayPath(path: Buffer | string): string {
  const bytes = typeof path === 'string' ? Buffer.from(path) : path;
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let ok = n > 0 && i + n <= bytes.length;
    for (let k = 1; ok && k < n; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok && n > 1) {
      const ch = bytes.subarray(i, i + n).toString('utf8');
      ok = ch !== '\uFFFD';
      if (ok) out += /[\u0080-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(ch) ? `\\u{${ch.codePointAt(0)!.toString(16)}}` : ch;
    }
    if (!ok) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (n === 1) out += c < 0x20 || c === 0x7f ? `\\x${c.toString(16).padStart(2, '0')}` : String.fromCharCode(c);
    i += ok ? n : 1;
  }
  return out;
}

/** Output in 64 KB writes (one write per match is slow); `flush` at the end. */
export function buffered(io: Out): Out & { flush(): void } {
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length) io.out(pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    ...(io.t ? { t: io.t } : {}),
    out: (s) => {
      pending.push(s);
      size += s.length;
      if (size >= 64 * 1024) flush();
    },
    err: (s) => {
      flush();
      io.err(s);
    },
    flush,
  };
}
