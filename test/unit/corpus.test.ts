/**
 * The judged precision corpus: realistic files in test/corpus/<kind>/, each with a sidecar
 * `<file>.expect` that lists every occurrence a reader would hover, judged by reading its
 * surroundings: `line:column<TAB>text<TAB>entry id`, or `none` for text that must not get a
 * card (the traps of how-cards-go-wrong.md). Every match the engine makes must be listed with
 * its entry; precision = right matches / all matches, recall = expected occurrences found
 * with the right entry / all expected occurrences. Prints both; fails below 98% precision.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { lineIndex } from '../../src/core/matching/positions';
import { detectProfile } from '../../src/core/profile';

const ROOT = findRoot(__dirname);

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'test', 'corpus'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}
const CORPUS = join(ROOT, 'test', 'corpus');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return files(p);
      return n.endsWith('.expect') || n.endsWith('.mjs') ? [] : [p];
    });
}

interface Judged {
  key: string;
  id: string;
}

function expectations(path: string): Judged[] {
  return readFileSync(`${path}.expect`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [pos, text, id] = l.split('\t');
      return { key: `${pos}\t${text}`, id: id.trim() };
    });
}

export function corpusMatches(path: string): { key: string; id: string }[] {
  const kb = bundledKnowledge();
  const text = readFileSync(path, 'utf8');
  const profile = detectProfile({ fileName: relative(ROOT, path), text });
  const lines = lineIndex(text);
  return kb.matcher.scan(text, { systems: profile.systems, contexts: profile.contexts, regions: profile.regions }).map((m) => {
    const p = lines.position(m.start);
    return { key: `${p.line + 1}:${p.character + 1}\t${text.slice(m.start, m.end).replace(/\s+/g, ' ')}`, id: m.id };
  });
}

describe('judged precision corpus', () => {
  it('gets at least 98% of its cards right on every kind of file, and reports recall', function () {
    this.timeout(20000);
    const all = files(CORPUS);
    assert.ok(all.length >= 20, `only ${all.length} corpus files`);
    let right = 0;
    let found = 0;
    let expected = 0;
    let judged = 0;
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const path of all) {
      const want = new Map(expectations(path).map((j) => [j.key, j.id]));
      judged += want.size;
      for (const j of want.values()) if (j !== 'none') expected++;
      const got = new Map(corpusMatches(path).map((m) => [m.key, m.id]));
      for (const [key, id] of got) {
        found++;
        if (want.get(key) === id) right++;
        else wrong.push(`${relative(CORPUS, path)}:${key} → ${id}, judged ${want.get(key) ?? 'unlisted'}`);
      }
      for (const [key, id] of want) if (id !== 'none' && got.get(key) !== id) missed.push(`${relative(CORPUS, path)}:${key} ${id}`);
    }
    const precision = right / found;
    const recall = right / expected;
    console.log(`      corpus: ${all.length} files, ${judged} judged occurrences (${expected} terms, ${judged - expected} traps); ${found} matches`);
    console.log(`      precision ${(100 * precision).toFixed(1)}% (${right}/${found}), recall ${(100 * recall).toFixed(1)}% (${right}/${expected})`);
    if (process.env.CORPUS_VERBOSE) console.log([...wrong.map((w) => `WRONG ${w}`), ...missed.map((m) => `MISSED ${m}`)].join('\n'));
    assert.ok(precision >= 0.98, `precision ${(100 * precision).toFixed(1)}% below 98%:\n${wrong.join('\n')}`);
  });
});
