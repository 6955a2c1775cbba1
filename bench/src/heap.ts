/**
 * Heap used by the knowledge index and the term engine, measured in a fresh process started with
 * --expose-gc: heapUsed after a full collection, before and after building them. The knowledge
 * text itself is part of the loaded bundle and is counted before. Prints one JSON line.
 */
import knowledgeText from 'atlas-knowledge';
import { bundledKnowledge } from '../../src/core/knowledge/load';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function settled(): number {
  for (let i = 0; i < 4; i++) gc!();
  return process.memoryUsage().heapUsed;
}

const MB = 1024 * 1024;
const before = settled();
const kb = bundledKnowledge();
const afterIndex = settled();
const matcher = kb.matcher;
const after = settled();
// keep both alive until after the last measurement
(globalThis as { keep?: unknown }).keep = [kb, matcher];
// the knowledge text is part of the bundle, loaded before: reported apart (one byte a character)
process.stdout.write(`${JSON.stringify({ heapMB: (after - before) / MB, indexMB: (afterIndex - before) / MB, matcherMB: (after - afterIndex) / MB, textMB: knowledgeText.length / MB })}\n`);
