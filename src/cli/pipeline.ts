/**
 * The file pipeline behind `scan` and `check`: walk, read, run the engine, hand each file's
 * results to the writer in walk order. With more than one job and enough work, reading and
 * matching run in worker threads (see parallel.ts); otherwise in this thread.
 */
import type { KnowledgeIndex } from '../core/knowledge/index';
import { runFile, type Job } from './file-job';
import { reportRead, walkFiles, type FoundFile, type WalkOptions } from './files';
import type { Out } from './io';
import { runInWorkers } from './parallel';

export interface PipelineOptions {
  paths: string[];
  walk: WalkOptions;
  stdin?: () => Buffer;
  /** worker threads to use; 1 keeps everything in this thread */
  jobs: number;
  /** the script a worker runs (the CLI bundle); without it, no workers */
  workerScript?: string;
  job: Job;
}

/** What a command does with a file: results come in chunks, in text order. */
export interface FileSink<R> {
  begin(file: FoundFile): void;
  add(results: R[]): void;
  end(): void;
}

/** Below this much work, starting workers costs more than it saves. */
const PARALLEL_MIN_FILES = 8;
const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;

/** Returns how many paths could not be read. */
export async function runPipeline<R>(o: PipelineOptions, io: Out, kb: KnowledgeIndex, wanted: (file: FoundFile) => boolean, sink: FileSink<R>): Promise<number> {
  const files: FoundFile[] = [];
  let failures = walkFiles(o.paths, io, o.walk, (f) => {
    if (wanted(f)) files.push(f);
  });
  const bytes = files.reduce((n, f) => n + f.size, 0);
  // with one job the work still goes to a worker, whose heap limits keep memory bounded
  const parallel = o.workerScript !== undefined && files.every((f) => f.bytes) && (files.length >= PARALLEL_MIN_FILES || bytes >= PARALLEL_MIN_BYTES);
  if (parallel) {
    await runInWorkers(o.workerScript!, o.jobs, o.job, files, {
      begin: (file) => sink.begin(file),
      add: (results) => sink.add(results as R[]),
      end: (file, problem, begun) => {
        if (begun) sink.end();
        if (problem) failures += reportRead(file, problem, io);
      },
    });
    return failures;
  }
  for (const file of files) {
    let begun = false;
    const problem = runFile(kb, o.job, file, (results) => {
      if (!begun) sink.begin(file);
      begun = true;
      sink.add(results as R[]);
    }, o.stdin);
    if (!problem && !begun) sink.begin(file);
    if (!problem || begun) sink.end();
    if (problem) failures += reportRead(file, problem, io);
  }
  return failures;
}
