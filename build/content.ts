/**
 * Compiles content/ into the knowledge base the extension ships.
 *
 * The entry rules live in src/core/glossary/, shared with workspace glossaries; flows
 * (content/flows/) and misconception checks (content/checks/) are checked here against the
 * compiled entries; esbuild.mjs does the I/O.
 */
import { compile as compileEntries } from '../src/core/glossary/compile';
import { sourceUrlProblem, type CompileResult, type Problem, type SourceFile } from '../src/core/glossary/entry';
import { KnowledgeIndex } from '../src/core/knowledge/index';
import { finishChecks, isCheckFile, parseCheck, type ParsedCheck } from './checks';
import { checkFlows, isFlowFile, parseFlow, type ParsedFlow } from './flows';
import { checkStory } from './story';

export { formatProblem, parseEntry, retiredSource, type CompileResult, type Problem, type SourceFile } from '../src/core/glossary/entry';
export { decodeEntryFile } from '../src/core/glossary/decode';

const checkSource = (url: string): string | undefined => sourceUrlProblem(url);

export function compile(files: SourceFile[]): CompileResult {
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const { kb, problems } = compileEntries(sorted.filter((f) => !isFlowFile(f.path) && !isCheckFile(f.path)));
  const extra: Problem[] = [];
  const flows: ParsedFlow[] = [];
  const checks: ParsedCheck[] = [];
  for (const f of sorted) {
    if (isFlowFile(f.path)) {
      const flow = parseFlow(f, extra);
      if (flow) flows.push(flow);
    } else if (isCheckFile(f.path)) {
      const check = parseCheck(f, extra, checkSource);
      if (check) checks.push(check);
    }
  }
  const index = new KnowledgeIndex(kb);
  checkStory(index, sorted, extra);
  if (flows.length) kb.flows = checkFlows(index, flows, extra);
  if (checks.length) kb.checks = finishChecks(checks, (id) => index.get(id), extra);
  return { kb, problems: [...problems, ...extra] };
}
