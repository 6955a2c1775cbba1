/**
 * hypervisor-atlas: the knowledge base, the term engine and the misconception checks on the
 * command line. This file reads the arguments and hands over to one file per command.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, workerData } from 'node:worker_threads';
import type { KnowledgeIndex } from '../core/knowledge/index';
import { bundledKnowledge } from '../core/knowledge/load';
import type { GenericPolicy } from '../core/matching/matcher';
import { check, type CheckFormat, type FailOn } from './check';
import { DEFAULT_MAX_FILE_SIZE, type WalkOptions } from './files';
import { explain, list } from './explain';
import { withGlossaries } from './glossary';
import { buffered, UsageError, type Out } from './io';
import type { Job } from './parallel';
import { scan, type ScanFormat } from './scan';
import { runWorker } from './worker';

export { readGlossaryFolders } from './glossary';

const USAGE = `Usage:
  hypervisor-atlas scan [--format text|json|ndjson|markdown] [--generic context|always|never] PATH...
      Print every virtualization term found in the files. markdown prints a glossary of the
      terms the files use, with summaries and sources, for a docs site.
  hypervisor-atlas check [--format text|json|ndjson|sarif|github] [--fail-on error|warning|info|never]
                         [--disable CHECK]... PATH...
      Check docs (Markdown, reStructuredText, AsciiDoc, text) and code comments for common
      virtualization misconceptions. In folders, files of other kinds are skipped; a file
      named on the command line is read as prose unless its kind is known. Exits 1 when a
      finding is at least as severe as --fail-on (default: warning). sarif is SARIF 2.1.0
      (GitHub code scanning); github prints workflow annotations.
  hypervisor-atlas check --list [--json]
      Print the checks: id, severity and title.
  hypervisor-atlas explain [--json] TERM
      Print the entry TERM resolves to (an alias, title or id; PowerShell parameters
      such as -ExposeVirtualizationExtensions work as they are). Exits 1 when none does.
  hypervisor-atlas list [--json]
      Print every entry of the knowledge base.
  hypervisor-atlas --help | --version

Input (scan and check): PATH may be a file, a folder (walked; .git and node_modules are
skipped) or - for standard input. Binary files are skipped with a note; UTF-16 files with a
byte-order mark are read as UTF-16.
  --exclude GLOB          leave out paths matching GLOB (repeatable; a GLOB without / matches
                          a name at any depth, e.g. --exclude '*.min.js' --exclude 'vendor/**')
  --no-ignore             read files that .gitignore files leave out (they are honoured by default)
  --max-file-size SIZE    skip larger files (default 64M; K, M and G suffixes)
  --glossary DIR          add a team glossary folder of entry files (repeatable, any command);
                          its problems are printed as file:line: message
  --jobs N                read and match in N threads (default: one per core, at most 8)
  --json                  the same as --format json
Lines and columns are 1-based; columns count UTF-16 code units, as VS Code does.
Exit codes: 0 done, 1 findings (check) or files that could not be read, 2 bad usage.`;

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

/** Runs the CLI; returns the exit code. Exported for tests. */
export async function main(argv: string[], io: Out = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }, options: RunOptions = {}): Promise<number> {
  const out = buffered(io);
  try {
    return await run(argv, out, options);
  } catch (e) {
    out.flush();
    if (e instanceof UsageError) {
      io.err(`hypervisor-atlas: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  } finally {
    out.flush();
  }
}

/** `64M` → bytes. */
function size(v: string | undefined): number {
  if (v === undefined) return DEFAULT_MAX_FILE_SIZE;
  const m = /^(\d+(?:\.\d+)?)([kmg]?)b?$/i.exec(v.trim());
  if (!m) throw new UsageError('--max-file-size takes a size such as 500K, 64M or 1G');
  return Math.floor(Number(m[1]) * 1024 ** ' kmg'.indexOf((m[2] || ' ').toLowerCase()));
}

const VALUED = ['--generic', '--glossary', '--format', '--fail-on', '--disable', '--exclude', '--max-file-size', '--jobs'] as const;
type Valued = (typeof VALUED)[number];

export interface RunOptions {
  /** standard input's bytes, for `-` */
  stdin?: () => Buffer;
  /** the CLI bundle, for worker threads; without it everything runs in this thread */
  workerScript?: string;
}

async function run(argv: string[], io: Out, options: RunOptions): Promise<number> {
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
  const values = new Map<Valued, string[]>();
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--') {
      args.push(...rest.slice(i + 1));
      break;
    }
    const name = VALUED.find((v) => a === v || a.startsWith(`${v}=`));
    if (name) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (!v) throw new UsageError(`${name} takes a value`);
      values.set(name, [...(values.get(name) ?? []), v]);
    } else if (a === '--json' || a === '--list' || a === '--no-ignore') flags.add(a);
    else if (a.startsWith('-') && a.length > 1 && command !== 'explain') throw new UsageError(`unknown option ${a}`);
    else args.push(a);
  }
  const one = (name: Valued, allowed: readonly string[], fallback: string) => {
    const v = values.get(name)?.at(-1) ?? fallback;
    if (!allowed.includes(v)) throw new UsageError(`${name} takes ${allowed.join(', ')}`);
    return v;
  };
  const only = (allowedHere: readonly string[]) => {
    for (const name of [...values.keys(), ...flags]) {
      if (name !== '--glossary' && !allowedHere.includes(name)) throw new UsageError(`${command} does not take ${name}`);
    }
  };
  const json = flags.has('--json');
  const glossaries = values.get('--glossary') ?? [];
  const kb = (): KnowledgeIndex => (glossaries.length ? withGlossaries(bundledKnowledge(), glossaries, io) : bundledKnowledge());
  const walk = (): WalkOptions => ({ exclude: values.get('--exclude') ?? [], gitignore: !flags.has('--no-ignore'), maxFileSize: size(values.get('--max-file-size')?.at(-1)) });
  const input = ['--exclude', '--no-ignore', '--max-file-size', '--jobs'];
  const jobsValue = values.get('--jobs')?.at(-1);
  if (jobsValue !== undefined && !/^[1-9]\d{0,2}$/.test(jobsValue)) throw new UsageError('--jobs takes a whole number from 1');
  const files = { jobs: jobsValue ? Number(jobsValue) : Math.min(availableParallelism(), 8), workerScript: options.workerScript, glossaries, stdin: options.stdin };
  switch (command) {
    case 'scan': {
      only(['--json', '--generic', '--format', ...input]);
      if (args.length === 0) throw new UsageError('scan needs at least one PATH');
      const generic = one('--generic', ['context', 'always', 'never'], 'context') as GenericPolicy;
      const format = (json ? 'json' : one('--format', ['text', 'json', 'ndjson', 'markdown'], 'text')) as ScanFormat;
      return scan(kb(), { ...files, paths: args, format, generic, walk: walk() }, io);
    }
    case 'explain':
      only(['--json']);
      if (args.length === 0) throw new UsageError('explain needs a TERM');
      return explain(kb(), args.join(' '), json, io);
    case 'list':
      only(['--json']);
      if (args.length) throw new UsageError('list takes no arguments');
      return list(kb(), json, io);
    case 'check': {
      only(['--json', '--list', '--format', '--fail-on', '--disable', ...input]);
      const format = (json ? 'json' : one('--format', ['text', 'json', 'ndjson', 'sarif', 'github'], 'text')) as CheckFormat;
      const failOn = one('--fail-on', ['error', 'warning', 'info', 'never'], 'warning') as FailOn;
      return check(bundledKnowledge(), { ...files, paths: args, format, failOn, disable: values.get('--disable') ?? [], list: flags.has('--list'), version: VERSION, walk: walk() }, io);
    }
    case undefined:
      throw new UsageError('no command given');
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

if (!isMainThread && (workerData as { atlasWorker?: Job } | undefined)?.atlasWorker) {
  runWorker((workerData as { atlasWorker: Job }).atlasWorker);
} else if (require.main === module) {
  // `hypervisor-atlas scan . | head` closes the pipe early: that is not an error
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  void main(process.argv.slice(2), undefined, { workerScript: __filename }).then((code) => (process.exitCode = code));
}
