/** `scan`: every virtualization term in the files, as the hovers see them. */
import type { KnowledgeIndex } from '../core/knowledge/index';
import type { Entry } from '../core/knowledge/types';
import type { GenericPolicy } from '../core/matching/matcher';
import type { WalkOptions } from './files';
import { fill } from '../core/l10n';
import { oneLine, type Out } from './io';
import { cliWords, type CliWords } from './words';
import { runPipeline } from './pipeline';
import type { ScanMatch } from './scan-text';

export type ScanFormat = 'text' | 'json' | 'ndjson' | 'markdown';

export interface ScanArgs {
  paths: string[];
  format: ScanFormat;
  generic: GenericPolicy;
  walk: WalkOptions;
  stdin?: () => Buffer;
  jobs: number;
  workerScript?: string;
  glossaries: string[];
}

/** Writes one format as files come, so memory holds one chunk of matches at most. */
export function scanWriter(kb: KnowledgeIndex, format: ScanFormat, io: Out) {
  let files = 0;
  let total = 0;
  let path = '';
  let inFile = 0;
  const used = new Map<string, { count: number; files: Set<string> }>();
  return {
    begin(file: { path: string }) {
      path = file.path;
      inFile = 0;
      if (format === 'json') io.out(`${files ? ',' : '{"files":['}{"path":${JSON.stringify(path)},"matches":[`);
      files++;
    },
    add(matches: readonly ScanMatch[]) {
      for (const m of matches) {
        if (format === 'json') io.out(`${inFile ? ',' : ''}${JSON.stringify(m)}`);
        else if (format === 'ndjson') io.out(`${JSON.stringify({ path, ...m })}\n`);
        else if (format === 'text') io.out(`${path}:${m.line}:${m.column}\t${oneLine(m.text)}\t${m.title} (${m.id})\n`);
        else {
          const u = used.get(m.id) ?? { count: 0, files: new Set<string>() };
          u.count++;
          u.files.add(path);
          used.set(m.id, u);
        }
        inFile++;
      }
      total += matches.length;
    },
    end() {
      if (format === 'json') io.out(']}');
    },
    finish() {
      if (format === 'json') io.out(files ? ']}\n' : '{"files":[]}\n');
      if (format === 'markdown') io.out(markdownGlossary(kb, used, files, cliWords(io.t)));
      io.err(`${fill(cliWords(io.t).scanSummary, total, files)}\n`);
    },
  };
}

export async function scan(kb: KnowledgeIndex, args: ScanArgs, io: Out): Promise<number> {
  const w = scanWriter(kb, args.format, io);
  const failures = await runPipeline<ScanMatch>(
    { paths: args.paths, walk: args.walk, stdin: args.stdin, jobs: args.jobs, workerScript: args.workerScript, job: { command: 'scan', glossaries: args.glossaries, maxFileSize: args.walk.maxFileSize, generic: args.generic } },
    io,
    kb,
    () => true,
    w,
  );
  w.finish();
  return failures ? 1 : 0;
}

/** A glossary of the terms the files use, for a docs site: grouped by kind, with summaries and sources. */
function markdownGlossary(kb: KnowledgeIndex, used: Map<string, { count: number; files: Set<string> }>, files: number, w: CliWords): string {
  const entries = [...used.keys()].map((id) => kb.get(id)).filter((e): e is Entry => e !== undefined);
  const order = ['system', 'layer', 'component', 'concept', 'tool', 'format', 'setting'];
  const heading: Record<string, string> = { system: w.kindSystem, layer: w.kindLayer, component: w.kindComponent, concept: w.kindConcept, tool: w.kindTool, format: w.kindFormat, setting: w.kindSetting };
  const lines = [w.glossaryTitle, '', fill(w.glossaryIntro, entries.length, files), ''];
  for (const kind of order) {
    const group = entries.filter((e) => e.kind === kind).sort((a, b) => a.title.localeCompare(b.title));
    if (!group.length) continue;
    lines.push(`## ${heading[kind]}`, '');
    for (const e of group) {
      const u = used.get(e.id)!;
      lines.push(`### ${md(e.title)}${e.short && e.short !== e.title ? ` (${md(e.short)})` : ''}`, '', md(e.summary), '');
      lines.push(fill(w.glossaryUsed, u.count, u.files.size, e.sources.map((s) => `[${md(s.title)}](${s.url.replace(/[()\s]/g, encodeURIComponent)})`).join(', ')), '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Text as Markdown that renders as written: no HTML, no links, no emphasis from the content. */
function md(s: string): string {
  return oneLine(s).replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`);
}
