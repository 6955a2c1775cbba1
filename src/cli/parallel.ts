/**
 * Reading and matching in worker threads, one per core: the main thread walks the tree and
 * writes the output in walk order; workers read the files, run the engine and send results a
 * chunk at a time. At most two batches per worker are in flight, so memory stays bounded
 * however large the tree.
 */
import { Worker } from 'node:worker_threads';
import type { Job } from './file-job';
import type { FoundFile, ReadResult } from './files';

export type { Job } from './file-job';

/** Messages from a worker. */
export type WorkerMessage =
  | { kind: 'chunk'; index: number; results: unknown[] }
  | { kind: 'end'; index: number; problem?: Exclude<ReadResult, { text: string }> }
  | { kind: 'batch' };

/** What the main thread hears about each file, in the files' order. */
export interface OrderedSink {
  begin(file: FoundFile): void;
  add(results: unknown[]): void;
  /** `begun`: results were given (a file can fail part way, when it grows while read) */
  end(file: FoundFile, problem: Exclude<ReadResult, { text: string }> | undefined, begun: boolean): void;
}

const BATCH_FILES = 16;
/**
 * A worker holds the engine (about 10 MB), a batch and a streamed chunk: far below these. The
 * limits make its heap collect early instead of growing, which keeps the process small.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 12 };
const BATCH_BYTES = 4 * 1024 * 1024;

interface FileState {
  chunks: unknown[][];
  ended: boolean;
  problem?: Exclude<ReadResult, { text: string }>;
}

/** Runs `files` through `jobs` workers started from `script`; the sink hears about them in order. */
export async function runInWorkers(script: string, jobs: number, job: Job, files: readonly FoundFile[], sink: OrderedSink): Promise<void> {
  const batches: number[][] = [];
  for (let i = 0; i < files.length; ) {
    const batch: number[] = [];
    let bytes = 0;
    while (i < files.length && batch.length < BATCH_FILES && (batch.length === 0 || bytes + files[i].size <= BATCH_BYTES)) {
      bytes += files[i].size;
      batch.push(i++);
    }
    batches.push(batch);
  }
  const states = new Map<number, FileState>();
  let written = 0;
  let begun = false;
  // writes what is ready, in order: the file being written streams; later ones wait in `states`
  const flush = () => {
    for (;;) {
      const s = states.get(written);
      if (!s) return;
      if (!begun && (s.chunks.length || (s.ended && !s.problem))) {
        sink.begin(files[written]);
        begun = true;
      }
      for (const c of s.chunks) sink.add(c);
      s.chunks = [];
      if (!s.ended) return;
      sink.end(files[written], s.problem, begun);
      states.delete(written);
      written++;
      begun = false;
    }
  };
  const state = (i: number) => {
    let s = states.get(i);
    if (!s) states.set(i, (s = { chunks: [], ended: false }));
    return s;
  };
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(jobs, batches.length)) }, () => new Worker(script, { workerData: { atlasWorker: job }, resourceLimits: WORKER_LIMITS }));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            let finished = false;
            const send = () => {
              while (inFlight < 2 && next < batches.length) {
                const batch = batches[next++];
                inFlight++;
                w.postMessage(batch.map((i) => ({ index: i, file: { bytes: files[i].bytes, path: files[i].path, explicit: files[i].explicit, size: files[i].size } })));
              }
              if (inFlight === 0 && !finished) {
                finished = true;
                resolve();
              }
            };
            w.on('message', (m: WorkerMessage) => {
              if (m.kind === 'chunk') state(m.index).chunks.push(m.results);
              else if (m.kind === 'end') Object.assign(state(m.index), { ended: true, problem: m.problem });
              else {
                inFlight--;
                send();
              }
              flush();
            });
            w.on('error', reject);
            w.on('exit', (code) => {
              if (!finished) reject(new Error(`a worker stopped before its work was done (exit ${code})`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  flush();
}
