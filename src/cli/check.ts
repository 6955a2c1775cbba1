/** `check`: the misconception checks over docs and code comments, for people and for CI. */
import type { CheckDef, Severity } from '../core/checks/types';
import type { KnowledgeIndex } from '../core/knowledge/index';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../core/glossary/entry';
import type { WalkOptions } from './files';
import { loadGlossaries } from './glossary';
import { oneLine, UsageError, type Out } from './io';
import { runPipeline } from './pipeline';
import { checkable, type Located } from './check-text';
import { sarifWriter } from './sarif';
import { fill, type Translate } from '../core/l10n';
import { cliWords } from './words';

export type CheckFormat = 'text' | 'json' | 'ndjson' | 'sarif' | 'github';
export type FailOn = Severity | 'never';

export interface CheckArgs {
  paths: string[];
  format: CheckFormat;
  failOn: FailOn;
  disable: string[];
  list: boolean;
  version: string;
  walk: WalkOptions;
  stdin?: () => Buffer;
  jobs: number;
  workerScript?: string;
  glossaries: string[];
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function checkWriter(defs: readonly CheckDef[], format: CheckFormat, version: string, io: Out) {
  const sarif = format === 'sarif' ? sarifWriter(defs, version, io) : undefined;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let files = 0;
  let any = 0;
  return {
    counts,
    begin() {
      files++;
    },
    end() {},
    add(findings: readonly Located[]) {
      for (const f of findings) {
        counts[f.severity]++;
        if (format === 'text') io.out(`${f.path}:${f.line}:${f.column}: ${f.severity}: ${f.text ? `"${oneLine(f.text)}": ` : ''}${f.message} (${f.checkId})\n`);
        else if (format === 'github') io.out(githubAnnotation(f));
        else if (format === 'ndjson') io.out(`${JSON.stringify({ ...f, sources: sourcesOf(defs, f.checkId) })}\n`);
        else if (format === 'json') io.out(`${any ? ',' : '{"findings":['}${JSON.stringify({ ...f, sources: sourcesOf(defs, f.checkId) })}`);
        else sarif!.result(f);
        any++;
      }
    },
    finish() {
      if (format === 'json') io.out(`${any ? '' : '{"findings":['}],"files":${files}}\n`);
      sarif?.end();
      io.err(`${fill(cliWords(io.t).checkSummary, any, files, counts.error, counts.warning, counts.info)}\n`);
    },
  };
}

/** Glossary problems are findings of this rule: a file with one is left out of the glossary. */
const glossaryRule = (t?: Translate): CheckDef => ({
  id: 'glossary',
  title: cliWords(t).glossaryRuleTitle,
  severity: 'error',
  subjects: [],
  claims: [],
  claimsBefore: [],
  within: 0,
  unless: [],
  hedges: false,
  explanation: cliWords(t).glossaryRuleExplanation,
  correct: cliWords(t).glossaryRuleCorrect,
  sources: [],
  file: '',
});

export async function check(base: KnowledgeIndex, args: CheckArgs, io: Out): Promise<number> {
  const defs = base.checks;
  if (args.list) {
    if (args.format === 'json') io.out(`${JSON.stringify(defs.map((c) => ({ id: c.id, severity: c.severity, title: c.title, correct: c.correct, sources: c.sources })))}\n`);
    else for (const c of defs) io.out(`${c.id}\t${c.severity}\t${c.title}\n`);
    return 0;
  }
  if (!args.paths.length) throw new UsageError(cliWords(io.t).checkNeedsPath);
  const enabled = disabledChecks(defs, args.disable, io.t);
  // team glossaries are checked too: --glossary folders and the .atlas folder of each folder checked
  const glossaries = [...args.glossaries, ...args.paths.map((p) => join(p, '.atlas')).filter((p) => isDir(p) && !args.glossaries.includes(p))];
  const loaded = glossaries.length ? loadGlossaries(base, glossaries, io.t) : { kb: base, problems: [] };
  const rule = glossaryRule(io.t);
  const w = checkWriter(glossaries.length ? [...defs, rule] : defs, args.format, args.version, io);
  if (loaded.problems.length) w.add(loaded.problems.map((p) => glossaryFinding(p, rule)));
  const failures = await runPipeline<Located>(
    { paths: args.paths, walk: args.walk, stdin: args.stdin, jobs: args.jobs, workerScript: args.workerScript, job: { command: 'check', glossaries, maxFileSize: args.walk.maxFileSize, enabled } },
    io,
    loaded.kb,
    (f) => checkable(f.path, f.explicit),
    w,
  );
  w.finish();
  return exitCode(failures, w.counts, args.failOn);
}

function glossaryFinding(p: Problem, rule: CheckDef): Located {
  return { path: p.file, checkId: rule.id, severity: 'error', message: p.message, correct: rule.correct, line: p.line, column: 1, endLine: p.line, endColumn: 1, text: '' };
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function disabledChecks(defs: readonly CheckDef[], names: string[], t?: Translate): Record<string, boolean> {
  const enabled: Record<string, boolean> = {};
  for (const name of names) {
    const id = name.startsWith('check.') ? name : `check.${name}`;
    if (!defs.some((c) => c.id === id)) throw new UsageError(fill(cliWords(t).noCheck, name));
    enabled[id] = false;
  }
  return enabled;
}

export function exitCode(failures: number, counts: Record<Severity, number>, failOn: FailOn): number {
  if (failures) return 1;
  if (failOn === 'never') return 0;
  return (Object.keys(counts) as Severity[]).some((s) => counts[s] > 0 && RANK[s] >= RANK[failOn]) ? 1 : 0;
}

function sourcesOf(defs: readonly CheckDef[], id: string) {
  return defs.find((c) => c.id === id)?.sources.map((s) => ({ title: s.title, url: s.url })) ?? [];
}

/** A GitHub Actions workflow command (`::error file=…::message`), escaped as the runner expects. */
function githubAnnotation(f: Located): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const props = [`file=${prop(f.path)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`, `title=${prop(f.text ? `${f.checkId}: "${oneLine(f.text)}"` : f.checkId)}`];
  return `::${GITHUB_LEVEL[f.severity]} ${props.join(',')}::${data(`${f.message} ${f.correct}`)}\n`;
}
