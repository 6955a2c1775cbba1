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
import { fill } from '../core/l10n';
import { loadLocale } from './locale';
import { cliWords } from './words';
import type { Job } from './parallel';
import { scan, type ScanFormat } from './scan';
import { runWorker } from './worker';

export { readGlossaryFolders } from './glossary';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

/** Runs the CLI; returns the exit code. Exported for tests. */
export async function main(argv: string[], io: Out = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }, options: RunOptions = {}): Promise<number> {
  const { locale, rest } = takeLocale(argv);
  const chosen = loadLocale(locale ?? (options.env ?? process.env).HYPERVISOR_ATLAS_LOCALE, options.l10nDir);
  const w = cliWords(chosen.t);
  const out = buffered({ ...io, t: chosen.t });
  try {
    if (chosen.note) out.err(`${fill(w.noTranslation, chosen.note.locale, chosen.note.file)}\n`);
    if (locale === '') throw new UsageError(fill(w.takesValue, '--locale'));
    return await run(rest, out, options);
  } catch (e) {
    out.flush();
    if (e instanceof UsageError) {
      io.err(`${fill(w.usageError, e.message, w.usage)}\n`);
      return 2;
    }
    throw e;
  } finally {
    out.flush();
  }
}

/**
 * `--locale LANG` (or `--locale=LANG`), taken out of the arguments before anything else so
 * it works with every command and with --help; '' when it has no value.
 */
function takeLocale(argv: string[]): { locale?: string; rest: string[] } {
  const rest: string[] = [];
  let locale: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--locale') locale = argv[++i] ?? '';
    else if (a.startsWith('--locale=')) locale = a.slice('--locale='.length);
    else rest.push(a);
  }
  return locale === undefined ? { rest } : { locale, rest };
}

/** `64M` → bytes. */
function size(v: string | undefined, io: Out): number {
  if (v === undefined) return DEFAULT_MAX_FILE_SIZE;
  const m = /^(\d+(?:\.\d+)?)([kmg]?)b?$/i.exec(v.trim());
  if (!m) throw new UsageError(cliWords(io.t).maxFileSize);
  return Math.floor(Number(m[1]) * 1024 ** ' kmg'.indexOf((m[2] || ' ').toLowerCase()));
}

const VALUED = ['--generic', '--glossary', '--format', '--fail-on', '--disable', '--exclude', '--max-file-size', '--jobs'] as const;
type Valued = (typeof VALUED)[number];

export interface RunOptions {
  /** standard input's bytes, for `-` */
  stdin?: () => Buffer;
  /** the CLI bundle, for worker threads; without it everything runs in this thread */
  workerScript?: string;
  /** where the translations are (default: the package's l10n/) */
  l10nDir?: string;
  /** the environment, for HYPERVISOR_ATLAS_LOCALE (default: process.env) */
  env?: Readonly<Record<string, string | undefined>>;
}

async function run(argv: string[], io: Out, options: RunOptions): Promise<number> {
  const w = cliWords(io.t);
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(`${w.usage}\n`);
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
      if (!v) throw new UsageError(fill(w.takesValue, name));
      values.set(name, [...(values.get(name) ?? []), v]);
    } else if (a === '--json' || a === '--list' || a === '--no-ignore') flags.add(a);
    else if (a.startsWith('-') && a.length > 1 && command !== 'explain') throw new UsageError(fill(w.unknownOption, a));
    else args.push(a);
  }
  const one = (name: Valued, allowed: readonly string[], fallback: string) => {
    const v = values.get(name)?.at(-1) ?? fallback;
    if (!allowed.includes(v)) throw new UsageError(fill(w.takesOneOf, name, allowed.join(', ')));
    return v;
  };
  const only = (allowedHere: readonly string[]) => {
    for (const name of [...values.keys(), ...flags]) {
      if (name !== '--glossary' && !allowedHere.includes(name)) throw new UsageError(fill(w.doesNotTake, command ?? '', name));
    }
  };
  const json = flags.has('--json');
  const glossaries = values.get('--glossary') ?? [];
  const kb = (): KnowledgeIndex => (glossaries.length ? withGlossaries(bundledKnowledge(), glossaries, io) : bundledKnowledge());
  const walk = (): WalkOptions => ({ exclude: values.get('--exclude') ?? [], gitignore: !flags.has('--no-ignore'), maxFileSize: size(values.get('--max-file-size')?.at(-1), io) });
  const input = ['--exclude', '--no-ignore', '--max-file-size', '--jobs'];
  const jobsValue = values.get('--jobs')?.at(-1);
  if (jobsValue !== undefined && !/^[1-9]\d{0,2}$/.test(jobsValue)) throw new UsageError(w.jobs);
  const files = { jobs: jobsValue ? Number(jobsValue) : Math.min(availableParallelism(), 8), workerScript: options.workerScript, glossaries, stdin: options.stdin };
  switch (command) {
    case 'scan': {
      only(['--json', '--generic', '--format', ...input]);
      if (args.length === 0) throw new UsageError(w.scanNeedsPath);
      const generic = one('--generic', ['context', 'always', 'never'], 'context') as GenericPolicy;
      const format = (json ? 'json' : one('--format', ['text', 'json', 'ndjson', 'markdown'], 'text')) as ScanFormat;
      return scan(kb(), { ...files, paths: args, format, generic, walk: walk() }, io);
    }
    case 'explain':
      only(['--json']);
      if (args.length === 0) throw new UsageError(w.explainNeedsTerm);
      return explain(kb(), args.join(' '), json, io);
    case 'list':
      only(['--json']);
      if (args.length) throw new UsageError(w.listNoArguments);
      return list(kb(), json, io);
    case 'check': {
      only(['--json', '--list', '--format', '--fail-on', '--disable', ...input]);
      const format = (json ? 'json' : one('--format', ['text', 'json', 'ndjson', 'sarif', 'github'], 'text')) as CheckFormat;
      const failOn = one('--fail-on', ['error', 'warning', 'info', 'never'], 'warning') as FailOn;
      return check(bundledKnowledge(), { ...files, paths: args, format, failOn, disable: values.get('--disable') ?? [], list: flags.has('--list'), version: VERSION, walk: walk() }, io);
    }
    case undefined:
      throw new UsageError(w.noCommand);
    default:
      throw new UsageError(fill(w.unknownCommand, command));
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
