/** One file through one command's engine: what both the main thread and a worker run. */
import type { KnowledgeIndex } from '../core/knowledge/index';
import type { GenericPolicy } from '../core/matching/matcher';
import { checkText } from './check-text';
import { readTextFile, type FoundFile, type ReadResult } from './files';
import { scanText } from './scan-text';
import { scanStreaming } from './stream';

export interface Job {
  command: 'scan' | 'check';
  glossaries: string[];
  maxFileSize: number;
  generic?: GenericPolicy;
  enabled?: Record<string, boolean>;
}

/** Larger files are scanned streaming, a chunk at a time, so memory does not grow with them. */
export const STREAM_BYTES = 2 * 1024 * 1024;

/** Runs the job on a file; `emit` gets its results in text order. Returns why there are none, if so. */
export function runFile(kb: KnowledgeIndex, job: Job, file: FoundFile, emit: (results: unknown[]) => void, stdin?: () => Buffer): Exclude<ReadResult, { text: string }> | undefined {
  if (job.command === 'scan' && file.bytes && file.size > STREAM_BYTES) return scanStreaming(kb, file.bytes, file.path, job.maxFileSize, job.generic ?? 'context', emit);
  const r = readTextFile(file, job.maxFileSize, stdin);
  if (!('text' in r)) return r;
  if (job.command === 'scan') scanText(kb, file.path, r.text, job.generic ?? 'context', emit);
  else emit(checkText(kb.checks, file.path, r.text, job.enabled ?? {}));
  return undefined;
}
