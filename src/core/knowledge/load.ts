import knowledgeText from 'atlas-knowledge';
import { KnowledgeIndex } from './index';
import type { KnowledgeBase } from './types';

let index: KnowledgeIndex | undefined;

/** The bundled knowledge base, parsed on first use. */
export function bundledKnowledge(): KnowledgeIndex {
  index ??= new KnowledgeIndex(JSON.parse(knowledgeText) as KnowledgeBase);
  return index;
}
