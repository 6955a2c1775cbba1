/**
 * Misconception checks over prose: Markdown, reStructuredText, AsciiDoc, plain text, and the
 * comments of code files (never their strings). Pure: no `vscode`, no Node APIs.
 *
 *   runChecks(text, options?) → Finding[]
 *
 * options:
 * - `languageId` (a VS Code language id) and `fileName` (a path; only its name is read) decide
 *   what is prose: all of a prose document, the comments of a code file, all of an unknown one;
 * - `prose: 'all' | 'comments'` overrides that;
 * - `enabled: { 'hyperv-type-2': false }` turns single checks off (id with or without `check.`);
 * - `checks`: check definitions to use instead of the bundled ones (tests, other content).
 *
 * A Finding has the check id, severity (`error` | `warning` | `info`), the UTF-16 offsets
 * `start`/`end` into `text`, the 0-based `line` and UTF-16 `column` of `start`, the
 * explanation as `message`, the `correct` statement, `sources` ({ title, url }), and a
 * `replacement` for [start, end) when the content marks the fix as safe. Findings come in
 * text order. Work is linear in the text; patterns reach no further back than one sentence.
 */
import { bundledKnowledge } from '../knowledge/load';
import { CheckEngine } from './engine';
import type { CheckDef, CheckOptions, Finding } from './types';

export type { CheckDef, CheckOptions, Finding, ProseMode, Severity } from './types';
export { CheckEngine } from './engine';
export { defaultProse, fileKind } from './prose';
export { findingMessage } from './message';

const engines = new WeakMap<readonly CheckDef[], CheckEngine>();

/** The engine over a set of check definitions (the bundled ones by default), built once per set. */
export function checkEngine(checks?: readonly CheckDef[]): CheckEngine {
  if (!checks) return bundledKnowledge().checkEngine;
  let e = engines.get(checks);
  if (!e) {
    e = new CheckEngine(checks);
    engines.set(checks, e);
  }
  return e;
}

export function runChecks(text: string, options: CheckOptions & { checks?: readonly CheckDef[] } = {}): Finding[] {
  return checkEngine(options.checks).run(text, options);
}
