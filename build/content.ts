/**
 * The content compiler: reads content/**\/*.md (YAML front matter + Markdown body), checks
 * every entry and every reference, and returns the knowledge base or `file:line: message`s.
 * The entry rules live in src/core/glossary/, shared with workspace glossaries; flows
 * (content/flows/) are checked here against the compiled entries; esbuild.mjs does the I/O.
 */
import { compile as compileEntries } from '../src/core/glossary/compile';
import type { CompileResult, Problem, SourceFile } from '../src/core/glossary/entry';
import { KnowledgeIndex } from '../src/core/knowledge/index';
import { checkFlows, isFlowFile, parseFlow, type ParsedFlow } from './flows';

export { formatProblem, parseEntry, retiredSource, type CompileResult, type Problem, type SourceFile } from '../src/core/glossary/entry';
export { decodeEntryFile } from '../src/core/glossary/decode';

export function compile(files: SourceFile[]): CompileResult {
  const { kb, problems } = compileEntries(files.filter((f) => !isFlowFile(f.path)));
  const flowProblems: Problem[] = [];
  const flows: ParsedFlow[] = [];
  for (const f of [...files].filter((f) => isFlowFile(f.path)).sort((a, b) => a.path.localeCompare(b.path))) {
    const flow = parseFlow(f, flowProblems);
    if (flow) flows.push(flow);
  }
  if (flows.length) kb.flows = checkFlows(new KnowledgeIndex(kb), flows, flowProblems);
  return { kb, problems: [...problems, ...flowProblems] };
}
