/** The matcher over one file's text, chunk by chunk, as `scan` reports it. */
import type { KnowledgeIndex } from '../core/knowledge/index';
import { edgeAfter, edgeBefore, reach } from '../core/matching/chunks';
import type { GenericPolicy } from '../core/matching/matcher';
import { lineIndex } from '../core/matching/positions';
import { detectProfile } from '../core/profile';

export interface ScanMatch {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
  id: string;
  title: string;
}

/** Characters matched at a time: a file's matches reach the output chunk by chunk. */
const CHUNK_CHARS = 1024 * 1024;

/** The matches of one file, 1-based positions in UTF-16 columns, given to `emit` a chunk at a time. */
export function scanText(kb: KnowledgeIndex, path: string, text: string, generic: GenericPolicy, emit: (matches: ScanMatch[]) => void): void {
  const profile = detectProfile({ fileName: path === '-' ? undefined : path, text });
  const lines = lineIndex(text);
  const options = { generic, systems: profile.systems, contexts: profile.contexts, regions: profile.regions };
  const matcher = kb.matcher;
  const r = reach(matcher);
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + CHUNK_CHARS);
    if (to < text.length) to = Math.max(from + 1, edgeBefore(text, to));
    const windowFrom = from === 0 ? 0 : edgeBefore(text, Math.max(0, from - r));
    const windowTo = to >= text.length ? text.length : edgeAfter(text, Math.min(text.length, to + r));
    emit(
      matcher.scanRange(text, options, windowFrom, windowTo, from, to).map((m) => {
        const s = lines.position(m.start);
        const e = lines.position(m.end);
        return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, text: text.slice(m.start, m.end), id: m.id, title: kb.get(m.id)!.title };
      }),
    );
    from = to;
  }
}
