import type { Entry } from '../../src/core/knowledge/types';

/** An entry for a test knowledge base: every list empty, the title its id, unless `e` says otherwise. */
export function testEntry(e: Partial<Entry> & Pick<Entry, 'id' | 'kind'>): Entry {
  return { title: e.id, summary: `${e.id}.`, body: '', aliases: [], generic: [], ambiguous: [], systems: [], layers: [], related: [], connections: [], sources: [], formerIds: [], file: `content/${e.id}.md`, ...e };
}
