/** `explain` and `list`: entries of the knowledge base. */
import type { KnowledgeIndex } from '../core/knowledge/index';
import type { Entry } from '../core/knowledge/types';
import { fill } from '../core/l10n';
import type { Out } from './io';
import { cliWords } from './words';

export function explain(kb: KnowledgeIndex, term: string, json: boolean, io: Out): number {
  const w = cliWords(io.t);
  const entry = kb.resolve(term);
  if (!entry) {
    const near = kb.search(term, 5);
    io.err(`${fill(w.noEntry, term)}${near.length ? fill(w.didYouMean, near.map((e) => e.title).join(', ')) : ''}\n`);
    return 1;
  }
  if (json) {
    io.out(`${JSON.stringify({ ...listShape(entry), body: entry.body })}\n`);
    return 0;
  }
  const lines = [`${entry.title}${entry.short ? ` (${entry.short})` : ''} — ${entry.kind}  [${entry.id}]`, '', entry.summary, '', entry.body, ''];
  if (entry.aliases.length) lines.push(fill(w.alsoWritten, entry.aliases.join(', ')));
  if (entry.systems.length) lines.push(fill(w.systems, kb.getAll(entry.systems).map((s) => s.title).join(', ')));
  if (entry.related.length) lines.push(fill(w.related, kb.getAll(entry.related).map((r) => r.title).join(', ')));
  lines.push(w.sources, ...entry.sources.map((s) => `  ${s.title} <${s.url}>`));
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

export function list(kb: KnowledgeIndex, json: boolean, io: Out): number {
  if (json) io.out(`${JSON.stringify(kb.entries.map(listShape))}\n`);
  else for (const e of kb.entries) io.out(`${e.id}\t${e.kind}\t${e.title}\n`);
  return 0;
}

function listShape(e: Entry) {
  return {
    id: e.id,
    title: e.title,
    kind: e.kind,
    summary: e.summary,
    aliases: e.aliases,
    systems: e.systems,
    related: e.related,
    sources: e.sources.map((s) => ({ title: s.title, url: s.url })),
  };
}
