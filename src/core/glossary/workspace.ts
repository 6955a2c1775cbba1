/**
 * Workspace glossaries: entry files from a team's repository, checked with the bundled
 * content's rules and merged beside the bundled entries. A workspace entry never replaces a
 * bundled one; a file with any problem is left out whole, and the rest keeps working.
 */
import { KnowledgeIndex } from '../knowledge/index';
import type { Entry } from '../knowledge/types';
import { english, fill, messages, type Translate } from '../l10n';
import { aliasClaimSteps, checkReferences, didYouMean, suggestFrom } from './compile';
import { parseEntry, type Parsed, type Problem, type SourceFile } from './entry';
import { LIMITS } from './limits';

export interface GlossaryResult {
  /** new entries, each marked `workspace` */
  entries: Entry[];
  /** what `extends` files add to bundled entries, by bundled id */
  extensions: Map<string, Parsed[]>;
  problems: Problem[];
  /** files left out because of a problem */
  rejectedFiles: Set<string>;
}

/** The problems only a workspace glossary has. `{0}`, `{1}` …: as each says. */
const words = messages({
  /** {0}: the limit */
  tooManyFiles: 'not read: a workspace glossary may have at most {0} files',
  /** {0}: the limit */
  tooManyEntries: 'not loaded: a workspace glossary may have at most {0} entries',
  /** {0}: the id named */
  noBundled: '`extends` refers to `{0}`, which no bundled entry has',
  /** {0}: the id, {1}: the bundled entry, {2}: its file */
  bundledId: 'id `{0}` is already used by the bundled entry {1} ({2}): a workspace entry cannot replace it; use `extends: {1}` to add aliases or a note',
  /** {0}: the id, {1}: the file that has it */
  idTaken: 'id `{0}` is already used by {1}',
});

/** The glossary's own problems in the language of `t` (features/glossary/read.ts reports one too). */
export const glossaryText = (t: Translate = english) => words(t);

/** Checks and compiles glossary files against the bundled knowledge base `base`; `t` translates the problems. */
export function compileGlossary(base: KnowledgeIndex, files: readonly SourceFile[], t: Translate = english): GlossaryResult {
  const problems: Problem[] = [];
  const parsed: Parsed[] = [];
  for (const f of capped(files, problems, t)) {
    const p = parseEntry(f, problems, { workspace: true, t });
    if (p) parsed.push(p);
  }
  const result = finish(base, parsed, problems, t, (parts) => parts.forEach((part) => part()));
  return result as GlossaryResult;
}

/** `compileGlossary`, parsing in slices of about `sliceMs` with `pause` between them. */
export async function compileGlossaryInSlices(
  base: KnowledgeIndex,
  files: readonly SourceFile[],
  pause: () => Promise<void>,
  sliceMs = 4,
  now: () => number = Date.now,
  t: Translate = english,
): Promise<GlossaryResult> {
  const problems: Problem[] = [];
  const parsed: Parsed[] = [];
  let started = now();
  for (const f of capped(files, problems, t)) {
    const p = parseEntry(f, problems, { workspace: true, t });
    if (p) parsed.push(p);
    if (now() - started >= sliceMs) {
      await pause();
      started = now();
    }
  }
  await pause();
  return finish(base, parsed, problems, t, async (parts) => {
    for (const part of parts) {
      part();
      if (now() - started >= sliceMs) {
        await pause();
        started = now();
      }
    }
  });
}

function capped(files: readonly SourceFile[], problems: Problem[], t: Translate): SourceFile[] {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (sorted.length > LIMITS.glossaryFiles) {
    for (const f of sorted.slice(LIMITS.glossaryFiles)) {
      problems.push({ file: f.path, line: 1, message: fill(words(t).tooManyFiles, LIMITS.glossaryFiles) });
    }
    sorted.length = LIMITS.glossaryFiles;
  }
  return sorted;
}

/**
 * The checks across files. `run` runs the reference checks, given as small parts, at once or
 * with pauses between them; the result comes when they are done.
 */
function finish<R extends void | Promise<void>>(base: KnowledgeIndex, parsed: Parsed[], problems: Problem[], t: Translate, run: (parts: (() => void)[]) => R): R extends Promise<void> ? Promise<GlossaryResult> : GlossaryResult {
  const w = words(t);
  const own = new Map<string, Parsed>();
  const fresh: Parsed[] = [];
  const extending: Parsed[] = [];
  for (const p of parsed) {
    if (p.extends) {
      const target = base.get(p.extends);
      if (!target) {
        const near = nearestBundled(base, p.extends);
        problems.push({
          file: p.entry.file,
          line: p.lines.get('extends') ?? 2,
          message: fill(w.noBundled, p.extends) + (near ? didYouMean(near, t) : ''),
          ...(near ? { fix: { kind: 'replace', id: p.extends, with: near } as const } : {}),
        });
      } else {
        // aliases are claimed in the bundled entry's name
        p.entry.id = target.id;
        extending.push(p);
      }
      continue;
    }
    let clash = false;
    for (const id of [p.entry.id, ...p.entry.formerIds]) {
      const bundled = base.get(id);
      const other = own.get(id);
      if (bundled) {
        problems.push({
          file: p.entry.file,
          line: p.lines.get('id') ?? 2,
          message: fill(w.bundledId, id, bundled.id, bundled.file),
        });
        clash = true;
      } else if (other) {
        problems.push({ file: p.entry.file, line: p.lines.get('id') ?? 2, message: fill(w.idTaken, id, other.entry.file) });
        clash = true;
      }
    }
    if (clash) continue;
    for (const id of [p.entry.id, ...p.entry.formerIds]) own.set(id, p);
    fresh.push(p);
  }
  if (fresh.length > LIMITS.glossaryEntries) {
    for (const p of fresh.slice(LIMITS.glossaryEntries)) {
      problems.push({ file: p.entry.file, line: 1, message: fill(w.tooManyEntries, LIMITS.glossaryEntries) });
    }
    fresh.length = LIMITS.glossaryEntries;
  }
  const lookup = (id: string) => own.get(id)?.entry ?? base.get(id);
  suggestFrom(lookup, [...base.entries.map((e) => e.id), ...own.keys()]);
  const all = [...fresh, ...extending];
  const parts: (() => void)[] = [];
  for (let i = 0; i < all.length; i += 10) parts.push(() => checkReferences(all.slice(i, i + 10), lookup, problems, t));
  parts.push(...aliasClaimSteps(all, problems, base.entries, t));
  const done = run(parts);
  type Out = R extends Promise<void> ? Promise<GlossaryResult> : GlossaryResult;
  if (done instanceof Promise) return done.then(() => collect(fresh, extending, problems)) as Out;
  return collect(fresh, extending, problems) as Out;
}

function collect(fresh: Parsed[], extending: Parsed[], problems: Problem[]): GlossaryResult {

  const rejectedFiles = new Set(problems.map((p) => p.file));
  const entries = fresh.filter((p) => !rejectedFiles.has(p.entry.file)).map((p) => ({ ...p.entry, workspace: true as const }));
  const extensions = new Map<string, Parsed[]>();
  for (const p of extending) {
    if (rejectedFiles.has(p.entry.file)) continue;
    const list = extensions.get(p.entry.id) ?? [];
    list.push(p);
    extensions.set(p.entry.id, list);
  }
  return { entries, extensions, problems, rejectedFiles };
}

/** The bundled entries with a glossary's entries beside them and its notes and aliases added. */
export function mergeGlossary(base: KnowledgeIndex, glossary: GlossaryResult): KnowledgeIndex {
  if (glossary.entries.length === 0 && glossary.extensions.size === 0) return base;
  const entries: Entry[] = base.entries.map((e) => {
    const ext = glossary.extensions.get(e.id);
    if (!ext) return e;
    const aliases = [...e.aliases];
    const generic = [...e.generic];
    const ambiguous = [...e.ambiguous];
    const related = [...e.related];
    for (const p of ext) {
      aliases.push(...p.entry.aliases.filter((a) => !aliases.includes(a)));
      generic.push(...p.entry.generic);
      ambiguous.push(...p.entry.ambiguous);
      related.push(...p.entry.related.filter((r) => !related.includes(r)));
    }
    const notes = ext.map((p) => ({ text: p.entry.body, file: p.entry.file, aliases: p.entry.aliases }));
    return { ...e, aliases, generic, ambiguous, related, notes };
  });
  return new KnowledgeIndex({ version: 1, entries: [...entries, ...glossary.entries], flows: [...base.flows], checks: [...base.checks] });
}

/** `file:line: message` problems of glossary files, for CI (`hypervisor-atlas check`). */
export function checkGlossaryFiles(base: KnowledgeIndex, files: readonly { path: string; text: string }[], t: Translate = english): Problem[] {
  return compileGlossary(base, files, t).problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

function nearestBundled(base: KnowledgeIndex, id: string): string | undefined {
  const ids = base.entries.map((e) => e.id);
  let best: string | undefined;
  let bestD = 4;
  for (const c of ids) {
    if (Math.abs(c.length - id.length) >= bestD) continue;
    const d = distance(id, c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
