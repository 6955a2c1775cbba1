/**
 * Finds and reads the files a command is given. Paths are bytes (a file name need not be
 * UTF-8); directories are walked once each, by device and inode, so symbolic-link loops end;
 * `.gitignore` files and `--exclude` globs are honoured; files are opened without blocking.
 */
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { fill } from '../core/l10n';
import { displayPath, reason, type Out } from './io';
import { cliWords } from './words';

export const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);
const SNIFF_BYTES = 8192;
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

export interface WalkOptions {
  /** glob patterns of paths to leave out; a pattern without `/` matches a name at any depth */
  exclude: string[];
  /** honour .gitignore files (in walked folders and their parents up to the repository root) */
  gitignore: boolean;
  maxFileSize: number;
}

export const DEFAULT_WALK: WalkOptions = { exclude: [], gitignore: true, maxFileSize: DEFAULT_MAX_FILE_SIZE };

export interface FoundFile {
  /** the path's bytes (a name need not be UTF-8), or undefined for standard input */
  bytes: Buffer | undefined;
  /** the path for messages and output: `-` for standard input; control characters and bytes that are not UTF-8 escaped */
  path: string;
  /** named on the command line, not found in a folder */
  explicit: boolean;
  /** bytes on disk when it was found (0 for standard input) */
  size: number;
}

export interface TextFile extends FoundFile {
  text: string;
}

interface IgnoreLevel {
  base: string;
  rules: Ignore;
}

/** Calls `onFile` for every regular file under `paths` (`-` is standard input); returns how many paths could not be read. */
export function walkFiles(paths: string[], io: Out, options: WalkOptions, onFile: (file: FoundFile) => void): number {
  let failures = 0;
  const seen = new Set<string>();
  const globs = options.exclude.map((g) => picomatch(g, { dot: true, basename: !g.includes('/') }));
  const excluded = (rel: string) => globs.some((m) => m(rel));
  const w = cliWords(io.t);
  const fail = (path: string, e: unknown) => {
    io.err(`${fill(w.cannotRead, path, reason(e, io.t))}\n`);
    failures++;
  };
  const visit = (path: Buffer, rel: string, explicit: boolean, levels: IgnoreLevel[]) => {
    const shown = displayPath(path);
    let st: Stats;
    try {
      st = statSync(path);
    } catch (e) {
      fail(shown, e);
      return;
    }
    if (!explicit) {
      if (excluded(rel)) return;
      if (options.gitignore && ignoredBy(levels, path.toString(), st.isDirectory())) return;
    }
    if (st.isDirectory()) {
      const key = `${st.dev}:${st.ino}`;
      if (seen.has(key)) return;
      seen.add(key);
      let names: Buffer[];
      try {
        names = readdirSync(path, { encoding: 'buffer' }).sort(Buffer.compare);
      } catch (e) {
        fail(shown, e);
        return;
      }
      const inner = options.gitignore ? withGitignore(levels, path.toString()) : levels;
      const prefix = path[path.length - 1] === 0x2f ? path : Buffer.concat([path, Buffer.from('/')]);
      for (const name of names) {
        if (SKIP_DIRS.has(name.toString('latin1'))) continue;
        visit(Buffer.concat([prefix, name]), rel ? `${rel}/${displayPath(name)}` : displayPath(name), false, inner);
      }
      return;
    }
    if (!st.isFile()) {
      if (explicit) io.err(`${fill(w.notRegularFile, shown)}\n`);
      return;
    }
    if (st.size > options.maxFileSize) {
      io.err(`${fill(w.overSize, shown, st.size, options.maxFileSize)}\n`);
      return;
    }
    onFile({ bytes: path, path: shown, explicit, size: st.size });
  };
  for (const p of paths) {
    if (p === '-') onFile({ bytes: undefined, path: '-', explicit: true, size: 0 });
    else visit(Buffer.from(p), '', true, options.gitignore ? parentGitignores(p) : []);
  }
  return failures;
}

/** Why a file was skipped, as a code: workers send it, the main thread words it (`reportRead`). */
export type Skip = { skipped: 'blocks' | 'binary-file' | 'binary-data' } | { skipped: 'too-large'; limit: number };

export type ReadResult = { text: string } | Skip | { error: { code?: string; message?: string } };

/** Reads a found file as text; `stdin` supplies standard input's bytes. */
export function readTextFile(file: FoundFile, maxFileSize: number, stdin: () => Buffer = () => readFileSync(0)): ReadResult {
  let bytes: Buffer | 'blocks' | 'too-large';
  try {
    bytes = file.bytes ? readNonBlocking(file.bytes, maxFileSize) : stdin();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { error: { code: err.code, message: err.message ?? String(e) } };
  }
  if (bytes === 'blocks') return { skipped: 'blocks' };
  if (bytes === 'too-large' || bytes.length > maxFileSize) return { skipped: 'too-large', limit: maxFileSize };
  const text = decodeText(bytes);
  return text === undefined ? { skipped: file.bytes ? 'binary-file' : 'binary-data' } : { text };
}

/** Reports a read that gave no text; returns 1 when it counts as a failure. */
export function reportRead(file: FoundFile, r: Exclude<ReadResult, { text: string }>, io: Out): number {
  const w = cliWords(io.t);
  if ('skipped' in r) {
    // binary files met in a folder are left out quietly, as grep -r -I and ripgrep do
    if (file.explicit || !r.skipped.startsWith('binary')) {
      const why = r.skipped === 'too-large' ? fill(w.overMax, r.limit) : r.skipped === 'blocks' ? w.readBlocks : r.skipped === 'binary-file' ? w.binaryFile : w.binaryData;
      io.err(`${fill(w.skipped, file.path === '-' ? w.standardInput : file.path, why)}\n`);
    }
    return 0;
  }
  io.err(`${fill(w.cannotRead, file.path, reason(r.error, io.t))}\n`);
  return 1;
}

/** Reads a file with O_NONBLOCK, so a device-like file that would wait (/proc/kmsg) is refused. */
function readNonBlocking(path: Buffer, max: number): Buffer | 'blocks' | 'too-large' {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const size = fstatSync(fd).size;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(size > 0 && total === 0 ? Math.min(size + 1, max + 1) : 64 * 1024);
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') return 'blocks';
        throw e;
      }
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > max) return 'too-large';
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Text from bytes: UTF-16 with a byte-order mark, else UTF-8 (its BOM stripped); undefined for binary. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return undefined;
  // TextDecoder drops the UTF-8 BOM, so columns count as the editor's do
  return new TextDecoder('utf-8').decode(bytes);
}

function ignoredBy(levels: IgnoreLevel[], path: string, isDir: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    const rel = relativePosix(level.base, path);
    if (!rel) continue;
    const r = level.rules.test(isDir ? `${rel}/` : rel);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

function withGitignore(levels: IgnoreLevel[], dir: string): IgnoreLevel[] {
  const rules = readGitignore(dir);
  return rules ? [...levels, { base: dir, rules }] : levels;
}

function readGitignore(dir: string): Ignore | undefined {
  let text: string;
  try {
    const bytes = readFileSync(join(dir, '.gitignore'));
    if (bytes.length > 1024 * 1024) return undefined;
    text = bytes.toString('utf8');
  } catch {
    return undefined;
  }
  return ignore({ allowRelativePaths: true }).add(text);
}

/** The .gitignore files above a path given on the command line, up to the repository root. */
function parentGitignores(path: string): IgnoreLevel[] {
  const levels: IgnoreLevel[] = [];
  let dir = dirname(resolve(path));
  for (let i = 0; i < 64; i++) {
    const rules = readGitignore(dir);
    if (rules) levels.unshift({ base: dir, rules });
    if (exists(join(dir, '.git')) || dirname(dir) === dir) break;
    dir = dirname(dir);
  }
  // a folder the user names is read even when a .gitignore above it leaves it out (as git grep
  // and ripgrep do); then the rules above it do not apply inside it either
  const abs = resolve(path);
  return ignoredBy(levels, abs, existsDir(abs)) ? [] : levels;
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function existsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function relativePosix(base: string, path: string): string {
  const abs = isAbsolute(path) ? path : resolve(path);
  const b = isAbsolute(base) ? base : resolve(base);
  if (abs === b || !abs.startsWith(b.endsWith('/') ? b : `${b}/`)) return '';
  return abs.slice(b.length + (b.endsWith('/') ? 0 : 1));
}
