/** `--glossary DIR`: team glossary folders added to the bundled knowledge base. */
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEntryFile, decodeText } from '../core/glossary/decode';
import { formatProblem, type Problem } from '../core/glossary/entry';
import { LIMITS } from '../core/glossary/limits';
import { compileGlossary, glossaryText, mergeGlossary } from '../core/glossary/workspace';
import { fill, type Translate } from '../core/l10n';
import type { KnowledgeIndex } from '../core/knowledge/index';
import { SKIP_DIRS } from './files';
import { reason, type Out } from './io';
import { cliWords } from './words';

/** Reads glossary folders; symbolic links are not followed. */
export function readGlossaryFolders(dirs: string[], t?: Translate): { files: { path: string; text: string }[]; problems: Problem[] } {
  const w = cliWords(t);
  const files: { path: string; text: string }[] = [];
  const problems: Problem[] = [];
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      problems.push({ file: dir, line: 1, message: fill(w.cannotReadFolder, reason(e, t)) });
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) problems.push({ file: p, line: 1, message: w.symlinkNotFollowed });
      else if (st.isDirectory() && depth < 8 && !SKIP_DIRS.has(name)) walk(p, depth + 1);
      else if (st.isFile() && name.endsWith('.md') && name.toLowerCase() !== 'readme.md') {
        if (files.length >= LIMITS.glossaryFiles) problems.push({ file: p, line: 1, message: fill(glossaryText(t).tooManyFiles, LIMITS.glossaryFiles) });
        else if (st.size > LIMITS.fileChars * 4) problems.push({ file: p, line: 1, message: fill(decodeText(t).tooLarge, st.size, LIMITS.fileChars) });
        else {
          const d = decodeEntryFile(p, readFileSync(p), t);
          if ('problem' in d) problems.push(d.problem);
          else files.push({ path: p, text: d.text });
        }
      }
    }
  };
  for (const d of dirs) walk(d, 0);
  return { files, problems };
}

/** The bundled knowledge base with the folders' entries, and the problems found in them. */
export function loadGlossaries(base: KnowledgeIndex, dirs: string[], t?: Translate): { kb: KnowledgeIndex; problems: Problem[] } {
  const read = readGlossaryFolders(dirs, t);
  const result = compileGlossary(base, read.files, t);
  return { kb: mergeGlossary(base, result), problems: [...read.problems, ...result.problems] };
}

/** The bundled knowledge base with the folders' entries; their problems go to stderr. */
export function withGlossaries(base: KnowledgeIndex, dirs: string[], io: Out): KnowledgeIndex {
  const { kb, problems } = loadGlossaries(base, dirs, io.t);
  for (const p of problems) io.err(`${formatProblem(p)}\n`);
  return kb;
}
