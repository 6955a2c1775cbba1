/**
 * Checks `story: true` connections: each must be drawn, as a story edge, in the diagram of at
 * least one system (a story connection of an entry no diagram draws would never be shown).
 * Unknown ids are reported by the reference check of the compiler.
 */
import { buildModel } from '../src/core/diagram/model';
import type { Problem, SourceFile } from '../src/core/glossary/entry';
import type { KnowledgeIndex } from '../src/core/knowledge/index';

/** The line of the `connections` item to `to` that says `story`, else 1. */
function lineOf(text: string | undefined, to: string): number {
  const lines = (text ?? '').split(/\r?\n/);
  const i = lines.findIndex((l) => /\bstory\s*:/.test(l) && l.includes(to));
  return i >= 0 ? i + 1 : 1;
}

export function checkStory(kb: KnowledgeIndex, files: SourceFile[], problems: Problem[]): void {
  const drawn = new Set<string>();
  for (const s of kb.systems()) {
    if (!s.stack?.length) continue;
    try {
      for (const e of buildModel(kb, s.id).edges) if (e.story) drawn.add(`${e.fromEntry}>${e.toEntry}>${e.label}`);
    } catch {
      /* a broken system is reported by its own checks */
    }
  }
  const textOf = new Map(files.map((f) => [f.path, f.text]));
  for (const e of kb.entries) {
    for (const c of e.connections) {
      // an unknown id is reported with the other references
      if (!c.story || !kb.get(c.to) || drawn.has(`${e.id}>${c.to}>${c.label}`)) continue;
      problems.push({ file: e.file, line: lineOf(textOf.get(e.file), c.to), message: `story connection to ${c.to} (${c.label}) is not drawn in any system's diagram` });
    }
  }
}
