/**
 * hypervisor-atlas: the knowledge base and term engine on the command line.
 *   scan [--json] [--generic context|always|never] PATH...
 *   explain [--json] TERM
 *   list [--json]
 */
import { closeSync, lstatSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEntryFile } from './core/glossary/decode';
import { formatProblem, type Problem } from './core/glossary/entry';
import { LIMITS } from './core/glossary/limits';
import { compileGlossary, mergeGlossary } from './core/glossary/workspace';
import type { KnowledgeIndex } from './core/knowledge/index';
import { bundledKnowledge as bundled } from './core/knowledge/load';
import type { Entry } from './core/knowledge/types';
import type { GenericPolicy } from './core/matching/matcher';
import { lineIndex } from './core/matching/positions';
import { detectProfile } from './core/profile';

const USAGE = `Usage:
  hypervisor-atlas scan [--json] [--generic context|always|never] PATH...
      Print every virtualization term found in the files (directories are walked;
      .git and node_modules are skipped, binary files are skipped with a note).
  hypervisor-atlas explain [--json] TERM
      Print the entry TERM resolves to (an alias, title or id; PowerShell parameters
      such as -ExposeVirtualizationExtensions work as they are). Exits 1 when none does.
  hypervisor-atlas list [--json]
      Print every entry of the knowledge base.
  --glossary DIR (repeatable, any command): add a team glossary folder of entry files;
      its problems are printed as file:line: message, and a broken file is left out.
  hypervisor-atlas --help | --version
Lines and columns are 1-based; columns count UTF-16 code units, as VS Code does.`;

const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);
const BINARY_SNIFF = 8192;

class UsageError extends Error {}

interface Out {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Runs the CLI; returns the exit code. Exported for tests. */
export function main(argv: string[], io: Out = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): number {
  try {
    return run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`hypervisor-atlas: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

function run(argv: string[], io: Out): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const flags = new Set<string>();
  const args: string[] = [];
  let generic: GenericPolicy = 'context';
  const glossaryDirs: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--') {
      args.push(...rest.slice(i + 1));
      break;
    }
    if (a === '--json') flags.add('json');
    else if (a === '--glossary' || a.startsWith('--glossary=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (!v) throw new UsageError('--glossary takes a folder');
      glossaryDirs.push(v);
    }
    else if (a === '--generic' || a.startsWith('--generic=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (v !== 'context' && v !== 'always' && v !== 'never') throw new UsageError('--generic takes context, always or never');
      generic = v;
    } else if (a.startsWith('-') && a.length > 1 && command !== 'explain') throw new UsageError(`unknown option ${a}`);
    else args.push(a);
  }
  const json = flags.has('json');
  knowledge = glossaryDirs.length ? loadGlossaries(glossaryDirs, io) : undefined;
  switch (command) {
    case 'scan':
      if (args.length === 0) throw new UsageError('scan needs at least one PATH');
      return scan(args, json, generic, io);
    case 'explain':
      if (args.length === 0) throw new UsageError('explain needs a TERM');
      return explain(args.join(' '), json, io);
    case 'list':
      if (args.length) throw new UsageError('list takes no arguments');
      return list(json, io);
    case undefined:
      throw new UsageError('no command given');
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

interface FileResult {
  path: string;
  matches: { line: number; column: number; endLine: number; endColumn: number; text: string; id: string; title: string }[];
}

function scan(paths: string[], json: boolean, generic: GenericPolicy, io: Out): number {
  const kb = bundledKnowledge();
  const files: FileResult[] = [];
  let failures = 0;
  const visit = (path: string, explicit: boolean) => {
    let st;
    try {
      st = statSync(path);
    } catch (e) {
      io.err(`hypervisor-atlas: cannot read ${path}: ${reason(e)}\n`);
      failures++;
      return;
    }
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(path).sort();
      } catch (e) {
        io.err(`hypervisor-atlas: cannot read ${path}: ${reason(e)}\n`);
        failures++;
        return;
      }
      for (const name of names) {
        if (SKIP_DIRS.has(name)) continue;
        visit(join(path, name), false);
      }
      return;
    }
    if (!st.isFile()) {
      if (explicit) io.err(`hypervisor-atlas: skipped ${path}: not a regular file\n`);
      return;
    }
    let text: string;
    try {
      if (isBinary(path)) {
        io.err(`hypervisor-atlas: skipped ${path}: binary file\n`);
        return;
      }
      text = readFileSync(path, 'utf8');
    } catch (e) {
      io.err(`hypervisor-atlas: cannot read ${path}: ${reason(e)}\n`);
      failures++;
      return;
    }
    const profile = detectProfile({ fileName: path, text });
    const matches = kb.matcher.scan(text, { generic, systems: profile.systems, contexts: profile.contexts, regions: profile.regions });
    const lines = lineIndex(text);
    const result: FileResult = { path, matches: [] };
    for (const m of matches) {
      const s = lines.position(m.start);
      const e = lines.position(m.end);
      result.matches.push({
        line: s.line + 1,
        column: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        text: text.slice(m.start, m.end),
        id: m.id,
        title: kb.get(m.id)!.title,
      });
    }
    files.push(result);
    if (!json) {
      for (const m of result.matches) {
        io.out(`${path}:${m.line}:${m.column}\t${oneLine(m.text)}\t${m.title} (${m.id})\n`);
      }
    }
  };
  for (const p of paths) visit(p, true);
  if (json) io.out(`${JSON.stringify({ files })}\n`);
  else {
    const total = files.reduce((n, f) => n + f.matches.length, 0);
    io.err(`${total} match(es) in ${files.length} file(s)\n`);
  }
  return failures ? 1 : 0;
}

function isBinary(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(BINARY_SNIFF);
    const n = readSync(fd, buf, 0, BINARY_SNIFF, 0);
    return buf.subarray(0, n).includes(0);
  } finally {
    closeSync(fd);
  }
}

function explain(term: string, json: boolean, io: Out): number {
  const kb = bundledKnowledge();
  const entry = kb.resolve(term);
  if (!entry) {
    const near = kb.search(term, 5);
    io.err(`hypervisor-atlas: no entry for "${term}".${near.length ? ` Did you mean: ${near.map((e) => e.title).join(', ')}?` : ''}\n`);
    return 1;
  }
  if (json) {
    io.out(`${JSON.stringify({ ...listShape(entry), body: entry.body })}\n`);
    return 0;
  }
  const lines = [
    `${entry.title}${entry.short ? ` (${entry.short})` : ''} — ${entry.kind}  [${entry.id}]`,
    '',
    entry.summary,
    '',
    entry.body,
    '',
  ];
  if (entry.aliases.length) lines.push(`Also written: ${entry.aliases.join(', ')}`);
  if (entry.systems.length) lines.push(`Systems: ${kb.getAll(entry.systems).map((s) => s.title).join(', ')}`);
  if (entry.related.length) lines.push(`Related: ${kb.getAll(entry.related).map((r) => r.title).join(', ')}`);
  lines.push('Sources:', ...entry.sources.map((s) => `  ${s.title} <${s.url}>`));
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

function list(json: boolean, io: Out): number {
  const kb = bundledKnowledge();
  if (json) io.out(`${JSON.stringify(kb.entries.map(listShape))}\n`);
  else for (const e of kb.entries) io.out(`${e.id}\t${e.kind}\t${e.title}\n`);
  return 0;
}

function listShape(e: Entry) {
  return {
    id: e.id,
    title: e.title,
    kind: e.kind,
    summary: e.summary,
    aliases: e.aliases,
    systems: e.systems,
    related: e.related,
    sources: e.sources.map((s) => ({ title: s.title, url: s.url })),
  };
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code === 'ENOENT' ? 'no such file or directory' : err.code === 'EACCES' ? 'permission denied' : (err.message ?? String(e));
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}

/** The knowledge base the commands read: bundled, plus `--glossary` folders when given. */
let knowledge: KnowledgeIndex | undefined;
function bundledKnowledge(): KnowledgeIndex {
  return knowledge ?? bundled();
}

/** Reads glossary folders (symbolic links are not followed); prints their problems to stderr. */
export function readGlossaryFolders(dirs: string[]): { files: { path: string; text: string }[]; problems: Problem[] } {
  const files: { path: string; text: string }[] = [];
  const problems: Problem[] = [];
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      problems.push({ file: dir, line: 1, message: `cannot read: ${reason(e)}` });
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) problems.push({ file: p, line: 1, message: 'symbolic link: not followed' });
      else if (st.isDirectory() && depth < 8 && !SKIP_DIRS.has(name)) walk(p, depth + 1);
      else if (st.isFile() && name.endsWith('.md') && name.toLowerCase() !== 'readme.md') {
        if (files.length >= LIMITS.glossaryFiles) problems.push({ file: p, line: 1, message: `not read: a workspace glossary may have at most ${LIMITS.glossaryFiles} files` });
        else if (st.size > LIMITS.fileChars * 4) problems.push({ file: p, line: 1, message: `file is ${st.size} bytes; an entry file may have at most ${LIMITS.fileChars} characters` });
        else {
          const d = decodeEntryFile(p, readFileSync(p));
          if ('problem' in d) problems.push(d.problem);
          else files.push({ path: p, text: d.text });
        }
      }
    }
  };
  for (const d of dirs) walk(d, 0);
  return { files, problems };
}

function loadGlossaries(dirs: string[], io: Out): KnowledgeIndex {
  const read = readGlossaryFolders(dirs);
  const result = compileGlossary(bundled(), read.files);
  for (const p of [...read.problems, ...result.problems]) io.err(`${formatProblem(p)}\n`);
  return mergeGlossary(bundled(), result);
}
