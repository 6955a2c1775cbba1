/**
 * Misconception checks (content/checks/*.md): front matter with the claim pattern, severity,
 * explanation, correct statement, safe replacement and sources; `flag` and `pass` examples
 * that the build runs through the engine, so a check that misses its own example, or flags
 * a sentence it must leave alone, fails the build.
 */
import { CheckEngine } from '../src/core/checks/engine';
import { expandPattern } from '../src/core/checks/phrase';
import type { CheckDef, Severity } from '../src/core/checks/types';
import type { Entry, Source } from '../src/core/knowledge/types';
import { readFrontMatter } from '../src/core/glossary/yaml';
import { cleanAlias } from '../src/core/matching/alias';

interface Problem {
  file: string;
  line: number;
  message: string;
}

export interface ParsedCheck {
  def: CheckDef;
  /** entry ids the subject names */
  subjectIds: string[];
  flag: string[];
  pass: string[];
  lines: Map<string, number>;
}

const FIELDS = new Set(['id', 'title', 'severity', 'subject', 'subjectPhrases', 'claim', 'claimBefore', 'within', 'unless', 'hedges', 'replace', 'explanation', 'correct', 'sources', 'flag', 'pass']);
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function isCheckFile(path: string): boolean {
  return /(^|\/)content\/checks\/[^/]+\.md$/.test(path);
}

/** Parses one check file; problems are pushed. */
export function parseCheck(file: { path: string; text: string }, problems: Problem[], checkSource: (url: string, line: number) => string | undefined): ParsedCheck | undefined {
  const report = (line: number, message: string) => problems.push({ file: file.path, line, message });
  const text = file.text.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (lines[0].trim() !== '---' || close < 0) {
    report(1, 'a check starts with front matter between two `---` lines');
    return undefined;
  }
  const fm = readFrontMatter(lines.slice(1, close).join('\n'), report, (key) => (FIELDS.has(key) ? undefined : `unknown field \`${key}\` in a check`));
  if (!fm) return undefined;
  const { doc, fieldLines } = fm;
  const data = doc.toJS() as Record<string, unknown>;
  const at = (f: string) => fieldLines.get(f) ?? 2;
  const str = (f: string, required: boolean): string | undefined => {
    const v = data[f];
    if (v === undefined || v === null) {
      if (required) report(2, `missing required field \`${f}\``);
      return undefined;
    }
    if (typeof v !== 'string' || !v.trim()) {
      report(at(f), `\`${f}\` must be text`);
      return undefined;
    }
    return v.trim();
  };
  const list = (f: string): string[] => {
    const v = data[f];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x.trim())) {
      report(at(f), `\`${f}\` must be a list of text items (quote items with \`:\`, \`[\` or \`#\`)`);
      return [];
    }
    return v.map((x: string) => x.trim());
  };
  const patterns = (f: string): string[] => {
    const ps = list(f);
    for (const p of ps) {
      const r = expandPattern(p);
      if (!Array.isArray(r)) report(at(f), `\`${f}\`: ${r.message}`);
    }
    return ps;
  };

  const id = str('id', true);
  const title = str('title', true);
  const severity = str('severity', true) as Severity | undefined;
  const explanation = str('explanation', true);
  const correct = str('correct', true);
  if (id && !/^check\.[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) report(at('id'), `check id \`${id}\` must be \`check.\` and lower-case words joined by \`-\``);
  if (severity && !SEVERITIES.includes(severity)) report(at('severity'), `severity \`${severity}\` is not one of ${SEVERITIES.join(', ')}`);
  if (explanation && explanation.length > 300) report(at('explanation'), `explanation is ${explanation.length} characters; keep it under 300`);
  const subjectIds = list('subject');
  const subjectPhrases = patterns('subjectPhrases');
  const claims = patterns('claim');
  const claimsBefore = patterns('claimBefore');
  const unless = patterns('unless');
  if (!claims.length && !claimsBefore.length) report(at('claim'), 'a check needs `claim` (or `claimBefore`): what the wrong text says');
  if (claimsBefore.length && !subjectIds.length && !subjectPhrases.length) report(at('claimBefore'), '`claimBefore` needs a `subject`');
  let within = 4;
  if (data.within !== undefined) {
    if (typeof data.within !== 'number' || !Number.isInteger(data.within) || data.within < 0 || data.within > 12) report(at('within'), '`within` must be a whole number of words from 0 to 12');
    else within = data.within;
  }
  let hedges: boolean | undefined;
  if (data.hedges !== undefined) {
    if (typeof data.hedges !== 'boolean') report(at('hedges'), '`hedges` must be true or false');
    else hedges = data.hedges;
  }
  let replace: Record<string, string> | undefined;
  if (data.replace !== undefined && data.replace !== null) {
    const r = data.replace;
    if (typeof r !== 'object' || Array.isArray(r) || Object.values(r).some((v) => typeof v !== 'string')) report(at('replace'), '`replace` maps words of the found text to their replacement: `{ VMware: Oracle }`');
    else {
      replace = r as Record<string, string>;
      for (const k of Object.keys(replace)) {
        const e = expandPattern(k);
        if (!Array.isArray(e)) report(at('replace'), `\`replace\`: ${e.message}`);
      }
    }
  }
  const sources: Source[] = [];
  const raw = data.sources;
  if (!Array.isArray(raw) || raw.length === 0) report(at('sources'), 'a check needs at least one public primary source `{ title, url }`');
  else
    for (const s of raw as unknown[]) {
      const src = s as Partial<Source> | null;
      if (!src || typeof src.title !== 'string' || typeof src.url !== 'string' || Object.keys(src).some((k) => k !== 'title' && k !== 'url')) {
        report(at('sources'), 'each source needs exactly a `title` and a `url`');
        continue;
      }
      const bad = checkSource(src.url, at('sources'));
      if (bad) report(at('sources'), bad);
      else sources.push({ title: src.title.trim(), url: src.url.trim() });
    }
  const flag = list('flag');
  const pass = list('pass');
  if (!flag.length) report(at('flag') === 2 ? 2 : at('flag'), 'a check needs `flag`: sentences it must find');
  if (!pass.length) report(at('pass') === 2 ? 2 : at('pass'), 'a check needs `pass`: near misses it must leave alone');
  if (!id || !title || !severity || !explanation || !correct) return undefined;
  const def: CheckDef = {
    id, title, severity, subjects: subjectPhrases, claims, claimsBefore, within, unless,
    hedges: hedges ?? (subjectIds.length > 0 || subjectPhrases.length > 0),
    ...(replace ? { replace } : {}),
    explanation, correct, sources, file: file.path,
  };
  return { def, subjectIds, flag, pass, lines: fieldLines };
}

/** Resolves subject ids to phrases, then runs every check's examples. */
export function finishChecks(parsed: ParsedCheck[], byId: (id: string) => Entry | undefined, problems: Problem[]): CheckDef[] {
  const ids = new Set<string>();
  for (const p of parsed) {
    const line = (f: string) => p.lines.get(f) ?? 2;
    if (ids.has(p.def.id)) problems.push({ file: p.def.file, line: line('id'), message: `check id \`${p.def.id}\` is used twice` });
    ids.add(p.def.id);
    const phrases = new Set(p.def.subjects);
    for (const id of p.subjectIds) {
      const e = byId(id);
      if (!e) {
        problems.push({ file: p.def.file, line: line('subject'), message: `\`subject\` refers to \`${id}\`, which no entry has` });
        continue;
      }
      const generic = new Set(e.generic.map((g) => cleanAlias(g).toLowerCase()));
      for (const a of [e.title.replace(/\s*\(.*\)$/, ''), ...e.aliases]) {
        const c = cleanAlias(a);
        if (!generic.has(c.toLowerCase()) && Array.isArray(expandPattern(c.replace(/[()[\]|]/g, ' ')))) phrases.add(c.replace(/[()[\]|]/g, ' '));
      }
    }
    p.def.subjects = [...phrases];
  }
  const defs = parsed.map((p) => p.def).sort((a, b) => a.id.localeCompare(b.id));
  let engine: CheckEngine;
  try {
    engine = new CheckEngine(defs);
  } catch (e) {
    problems.push({ file: 'content/checks', line: 1, message: String(e) });
    return defs;
  }
  for (const p of parsed) {
    const line = (f: string) => p.lines.get(f) ?? 2;
    const off = Object.fromEntries(defs.map((d) => [d.id, d.id === p.def.id]));
    for (const s of p.flag) {
      if (!engine.run(s, { prose: 'all', enabled: off }).length) problems.push({ file: p.def.file, line: line('flag'), message: `the check does not find its own example: "${s}"` });
    }
    for (const s of p.pass) {
      const f = engine.run(s, { prose: 'all', enabled: off });
      if (f.length) problems.push({ file: p.def.file, line: line('pass'), message: `the check flags "${s.slice(f[0].start, f[0].end)}" in an example it must leave alone: "${s}"` });
    }
  }
  return defs;
}
