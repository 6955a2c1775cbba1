/** Misconception checks, as the content build compiles them from content/checks/*.md. */
import type { Source } from '../knowledge/types';

export type Severity = 'error' | 'warning' | 'info';

export interface CheckDef {
  /** `check.<name>`; settings use the part after `check.` */
  id: string;
  title: string;
  severity: Severity;
  /** subject phrases, already expanded from entry ids (title and aliases, not the generic ones) */
  subjects: string[];
  /** predicate patterns that follow a subject in one sentence; without subjects, names that stand alone */
  claims: string[];
  /** patterns that come before a subject (`Type 2 hypervisors such as`) */
  claimsBefore: string[];
  /** most words between subject and claim */
  within: number;
  /** patterns that, anywhere in the sentence, turn the check off there */
  unless: string[];
  /** whether the shared hedges (not, think, looks like, ...) turn it off too; true for claims about a subject */
  hedges: boolean;
  /** word or phrase → replacement inside the found text: a quick fix that is always safe */
  replace?: Record<string, string>;
  explanation: string;
  correct: string;
  sources: Source[];
  file: string;
}

export interface Finding {
  checkId: string;
  severity: Severity;
  /** UTF-16 offsets into the text given to runChecks */
  start: number;
  end: number;
  /** 0-based line and UTF-16 column of `start` */
  line: number;
  column: number;
  /** one sentence: the explanation */
  message: string;
  /** the correct statement */
  correct: string;
  /** text to put in place of [start, end), when that is safe */
  replacement?: string;
  sources: Source[];
}

export type ProseMode = 'all' | 'comments';

export interface CheckOptions {
  languageId?: string;
  fileName?: string;
  /** check id (with or without `check.`) → false to turn a check off */
  enabled?: Record<string, boolean>;
  /** 'all': the whole text is prose; 'comments': only comments. Default from languageId/fileName. */
  prose?: ProseMode;
}
