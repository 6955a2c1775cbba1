/** The misconception checks over one file's text, as `check` reports them. */
import { checkEngine, fileKind } from '../core/checks/index';
import type { CheckDef, Severity } from '../core/checks/types';
import { lineIndex } from '../core/matching/positions';

/** A finding with 1-based positions in UTF-16 columns and the text it covers. */
export interface Located {
  path: string;
  checkId: string;
  severity: Severity;
  message: string;
  correct: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
  replacement?: string;
}

/** The findings in one file, 1-based positions in UTF-16 columns. */
export function checkText(defs: readonly CheckDef[], path: string, text: string, enabled: Record<string, boolean>): Located[] {
  const lines = lineIndex(text);
  return checkEngine(defs)
    .run(text, { fileName: path === '-' ? undefined : path, enabled })
    .map((f) => {
      const end = lines.position(f.end);
      return {
        path,
        checkId: f.checkId,
        severity: f.severity,
        message: f.message,
        correct: f.correct,
        line: f.line + 1,
        column: f.column + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        text: text.slice(f.start, f.end),
        ...(f.replacement !== undefined ? { replacement: f.replacement } : {}),
      };
    });
}

/** Whether a file found in a folder is one the checks read (prose, or code with comments). */
export function checkable(path: string, explicit: boolean): boolean {
  return explicit || fileKind(undefined, path) !== undefined;
}
