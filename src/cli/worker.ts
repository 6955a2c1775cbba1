/** The worker side of parallel.ts: reads the files of each batch and runs the engine on them. */
import { parentPort } from 'node:worker_threads';
import { bundledKnowledge } from '../core/knowledge/load';
import { runFile, type Job } from './file-job';
import type { FoundFile } from './files';
import { withGlossaries } from './glossary';
import type { WorkerMessage } from './parallel';

export function runWorker(job: Job): void {
  const quiet = { out: () => undefined, err: () => undefined };
  const kb = job.glossaries.length ? withGlossaries(bundledKnowledge(), job.glossaries, quiet) : bundledKnowledge();
  const post = (m: WorkerMessage) => parentPort!.postMessage(m);
  parentPort!.on('message', (batch: { index: number; file: FoundFile }[]) => {
    for (const { index, file } of batch) {
      const found = { ...file, bytes: file.bytes ? Buffer.from(file.bytes) : undefined };
      const problem = runFile(kb, job, found, (results) => {
        if (results.length) post({ kind: 'chunk', index, results });
      });
      post({ kind: 'end', index, ...(problem ? { problem } : {}) });
    }
    post({ kind: 'batch' });
  });
}
