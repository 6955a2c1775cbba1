// The CLI on a large tree of real files against ripgrep on the same files, in the same run:
//   hypervisor-atlas scan --format ndjson TREE     (every term, with context rules and positions)
//   rg -F -w -i --count-matches -f ALIASES TREE    (every alias as a fixed word, case-insensitive)
// The semantics differ: rg reports every case-insensitive whole-word hit of any alias; the CLI
// reports the terms a reader would hover (profiles, scopes, generic words only near specific
// ones), with line and column. Both read the same files: hidden ones too, .gitignore honoured,
// none over 64 MB, binary files skipped. Wall time is the median of `runs`; peak memory is the
// maximum resident set (GNU time).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function timed(cmd, args, cwd) {
  const time = existsSync('/usr/bin/time');
  const started = performance.now();
  const r = spawnSync(time ? '/usr/bin/time' : cmd, time ? ['-f', 'ATLAS_RSS_KB %M', cmd, ...args] : args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - started;
  if (r.error) throw r.error;
  const rss = /ATLAS_RSS_KB (\d+)/.exec(r.stderr ?? '');
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr, rssMB: rss ? Number(rss[1]) / 1024 : null };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Returns the case's figures, or { skipped: why }. */
export function cliTree({ root, out, tree, runs }) {
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (rg.error || rg.status !== 0) return { skipped: 'rg (ripgrep) is not installed' };
  if (!existsSync(join(root, tree))) return { skipped: `${tree} is missing (npm ci installs it)` };
  const kb = JSON.parse(readFileSync(join(root, 'dist/knowledge.json'), 'utf8'));
  const aliases = [...new Set(kb.entries.flatMap((e) => [e.title, ...e.aliases]).map((a) => a.trim()).filter((a) => a.length > 1))].sort();
  const aliasFile = join(out, 'aliases.txt');
  writeFileSync(aliasFile, `${aliases.join('\n')}\n`);
  const atlasArgs = [join(root, 'dist/cli.js'), 'scan', '--format', 'ndjson', tree];
  const rgArgs = ['-F', '-w', '-i', '--count-matches', '--hidden', '--glob', '!.git', '--max-filesize', '64M', '--no-messages', '-f', aliasFile, tree];
  const atlas = [];
  const ripgrep = [];
  let atlasMatches = 0;
  let rgMatches = 0;
  let atlasFiles = 0;
  // interleaved, after one warm-up of each (the file cache)
  timed(process.execPath, atlasArgs, root);
  timed('rg', rgArgs, root);
  for (let i = 0; i < runs; i++) {
    const a = timed(process.execPath, atlasArgs, root);
    if (a.status !== 0) throw new Error(`hypervisor-atlas scan failed (${a.status}): ${a.stderr.slice(-400)}`);
    atlas.push(a);
    const m = /(\d+) match\(es\) in (\d+) file\(s\)/.exec(a.stderr);
    atlasMatches = m ? Number(m[1]) : 0;
    atlasFiles = m ? Number(m[2]) : 0;
    const r = timed('rg', rgArgs, root);
    if (r.status !== 0 && r.status !== 1) throw new Error(`rg failed (${r.status}): ${r.stderr.slice(-400)}`);
    ripgrep.push(r);
    rgMatches = r.stdout.split('\n').reduce((n, line) => n + (Number(line.slice(line.lastIndexOf(':') + 1)) || 0), 0);
  }
  const peak = (xs) => (xs.some((x) => x.rssMB === null) ? null : Math.max(...xs.map((x) => x.rssMB)));
  return {
    tree,
    aliases: aliases.length,
    atlas: { ms: median(atlas.map((x) => x.ms)), rssMB: peak(atlas), matches: atlasMatches, files: atlasFiles },
    rg: { ms: median(ripgrep.map((x) => x.ms)), rssMB: peak(ripgrep), matches: rgMatches, version: rg.stdout.split('\n')[0] },
  };
}
