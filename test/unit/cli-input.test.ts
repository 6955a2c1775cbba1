import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli';
import { scanText } from '../../src/cli/scan-text';
import { bundledKnowledge } from '../../src/core/knowledge/load';

async function cli(args: string[], stdin?: Buffer) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) }, stdin === undefined ? {} : { stdin: () => stdin });
  return { code, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'atlas-input-'));
const paths = (ndjson: string) => [...new Set(ndjson.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l).path as string))];
const BIN = 'dist/cli.js';

describe('CLI input: what pipelines throw at it', () => {
  it('walks a folder with symbolic-link loops once: each file is reported once and the walk ends', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'a.md'), 'VMWP runs per VM.\n');
    symlinkSync('.', join(dir, 'docs', 'self1'));
    symlinkSync('.', join(dir, 'docs', 'self2'));
    symlinkSync('..', join(dir, 'docs', 'up'));
    const { code, out } = await cli(['scan', '--format', 'ndjson', dir]);
    assert.equal(code, 0);
    assert.deepEqual([...new Set(paths(out))], [join(dir, 'docs', 'a.md')]);
    assert.equal(paths(out).length, 1);
  });

  it('reads UTF-16 files with a byte-order mark and strips a UTF-8 one, so columns match the editor', async () => {
    const dir = tmp();
    const text = 'Start-VM then VMWP\n';
    writeFileSync(join(dir, 'le.ps1'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = Buffer.from(text, 'utf16le');
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    writeFileSync(join(dir, 'be.ps1'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    writeFileSync(join(dir, 'bom.ps1'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    writeFileSync(join(dir, 'plain.ps1'), text);
    const { code, out } = await cli(['scan', '--format', 'ndjson', dir]);
    assert.equal(code, 0);
    const rows = out.trim().split('\n').map((l) => JSON.parse(l));
    const by = (name: string) => rows.filter((r) => r.path.endsWith(name)).map((r) => `${r.line}:${r.column}:${r.text}`);
    assert.ok(by('plain.ps1').length >= 2);
    for (const f of ['le.ps1', 'be.ps1', 'bom.ps1']) assert.deepEqual(by(f), by('plain.ps1'), f);
  });

  it('scans names that are not UTF-8 and prints control characters in names escaped', async () => {
    const dir = tmp();
    const bad = Buffer.concat([Buffer.from(join(dir, 'bad')), Buffer.from([0xff]), Buffer.from('\x1b[31mred.md')]);
    writeFileSync(bad, 'VMWP runs per VM.\n');
    const { code, out, err } = await cli(['scan', dir]);
    assert.equal(code, 0, err);
    assert.ok(out.includes('bad\\xff\\x1b[31mred.md:1:1\tVMWP'), out);
    assert.ok(!out.includes('\x1b'), 'no raw escape reaches the terminal');
  });

  it('honours .gitignore (nested, with negation) and --exclude; --no-ignore reads everything', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'build'));
    mkdirSync(join(dir, 'docs', 'drafts'), { recursive: true });
    mkdirSync(join(dir, 'vendor'));
    for (const f of ['build/out.md', 'docs/a.md', 'docs/keep.log', 'docs/b.log', 'docs/drafts/d.md', 'vendor/v.md', 'top.min.md']) writeFileSync(join(dir, f), 'VMWP runs per VM.\n');
    writeFileSync(join(dir, '.gitignore'), 'build/\n*.log\n');
    writeFileSync(join(dir, 'docs', '.gitignore'), '!keep.log\ndrafts\n');
    const got = async (...extra: string[]) => paths((await cli(['scan', '--format', 'ndjson', ...extra, dir])).out).map((p) => p.slice(dir.length + 1)).sort();
    assert.deepEqual(await got(), ['docs/a.md', 'docs/keep.log', 'top.min.md', 'vendor/v.md']);
    assert.deepEqual(await got('--exclude', '*.min.md', '--exclude', 'vendor/**'), ['docs/a.md', 'docs/keep.log']);
    assert.deepEqual(await got('--no-ignore'), ['build/out.md', 'docs/a.md', 'docs/b.log', 'docs/drafts/d.md', 'docs/keep.log', 'top.min.md', 'vendor/v.md']);
    // a path named on the command line is read even when ignored
    assert.deepEqual(paths((await cli(['scan', '--format', 'ndjson', join(dir, 'build', 'out.md')])).out), [join(dir, 'build', 'out.md')]);
  });

  it('skips files over --max-file-size with a note, and refuses a malformed size', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'big.md'), 'VMWP '.repeat(1000));
    writeFileSync(join(dir, 'small.md'), 'VMWP\n');
    const { code, out, err } = await cli(['scan', '--format', 'ndjson', '--max-file-size', '1K', dir]);
    assert.equal(code, 0);
    assert.deepEqual(paths(out), [join(dir, 'small.md')]);
    assert.match(err, /skipped .*big\.md: 5000 bytes, over --max-file-size 1024/);
    assert.equal((await cli(['scan', '--max-file-size', 'lots', dir])).code, 2);
  });

  it('reads standard input for -, and says so when it is binary', async () => {
    const r = await cli(['scan', '--format', 'ndjson', '-'], Buffer.from('dom0 and domU\n'));
    assert.equal(r.code, 0);
    assert.deepEqual([...new Set(paths(r.out))], ['-']);
    const b = await cli(['scan', '-'], Buffer.from([1, 0, 2, 0, 3]));
    assert.match(b.err, /skipped standard input: binary data/);
  });

  it('streams a big file in chunks with exactly the matches of a whole-text scan (CRLF, CR and long lines)', async function () {
    this.timeout(30_000);
    const dir = tmp();
    const parts = ['Set-VMProcessor -ExposeVirtualizationExtensions $true\r\n', 'dom0 runs the toolstack; domU guests run PV drivers\r', '<cpu mode="host-passthrough"/>\n', 'x'.repeat(70_000) + ' VMWP ', 'qemu-system-x86_64 -enable-kvm -cpu host\n'];
    let text = '';
    for (let i = 0; text.length < 5 * 1024 * 1024; i++) text += parts[i % parts.length];
    writeFileSync(join(dir, 'big.txt'), text);
    const { code, out } = await cli(['scan', '--format', 'ndjson', join(dir, 'big.txt')]);
    assert.equal(code, 0);
    const streamed = out.trim().split('\n').map((l) => {
      const { path: _path, ...m } = JSON.parse(l);
      return m;
    });
    const whole: unknown[] = [];
    scanText(bundledKnowledge(), join(dir, 'big.txt'), text, 'context', (ms) => whole.push(...ms));
    assert.ok(whole.length > 500, String(whole.length));
    assert.deepEqual(streamed, whole);
  });

  it('the built bin: no hang on a file that blocks when read, no crash when the reader closes the pipe, the same output with workers', function () {
    this.timeout(60_000);
    if (!existsSync(BIN)) this.skip();
    if (existsSync('/proc/kmsg')) {
      const r = spawnSync(process.execPath, [BIN, 'scan', '/proc/kmsg'], { encoding: 'utf8', timeout: 15_000 });
      assert.equal(r.signal, null, 'scan /proc/kmsg must not hang');
      assert.match(r.stderr, /kmsg: (reading it would block|permission denied|not a regular file|operation not permitted)/i);
    }
    const dir = tmp();
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `f${String(i).padStart(2, '0')}.md`), `Note ${i}: the root partition runs VMWP for each VM; dom0 and domU.\n`.repeat(50));
    const one = spawnSync(process.execPath, [BIN, 'scan', '--format', 'ndjson', '--jobs', '1', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const four = spawnSync(process.execPath, [BIN, 'scan', '--format', 'ndjson', '--jobs', '4', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(one.status, 0, one.stderr);
    assert.equal(four.status, 0, four.stderr);
    assert.ok(one.stdout.length > 10_000);
    assert.equal(four.stdout, one.stdout, 'workers write in walk order');
    assert.equal(spawnSync(process.execPath, [BIN, 'scan', '--jobs', '0', dir]).status, 2);
  });

  it('the built bin: a reader that stops early (| head) ends it quietly', async function () {
    this.timeout(60_000);
    if (!existsSync(BIN)) this.skip();
    const dir = tmp();
    writeFileSync(join(dir, 'many.md'), 'VMWP and dom0 and the root partition\n'.repeat(200_000));
    const child = spawn(process.execPath, [BIN, 'scan', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.equal(code, 0, err);
    assert.doesNotMatch(err, /EPIPE|Error/);
  });

  it('the built bin: --format json stays valid with over a million matches, in bounded memory', function () {
    this.timeout(120_000);
    if (!existsSync(BIN)) this.skip();
    const dir = tmp();
    writeFileSync(join(dir, 'dense.md'), 'VMWP dom0 '.repeat(600_000));
    const outFile = join(dir, 'out.json');
    const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" --max-old-space-size=256 ${BIN} scan --json --jobs 1 "${join(dir, 'dense.md')}" > "${outFile}"`], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const count = spawnSync(process.execPath, ['--max-old-space-size=2048', '-e', `process.stdout.write(String(JSON.parse(require('fs').readFileSync(${JSON.stringify(outFile)}, 'utf8')).files[0].matches.length))`], { encoding: 'utf8' });
    assert.equal(count.stdout, '1200000', count.stderr);
  });

  it('scan --format markdown writes a glossary of the terms the files use, escaped, with sources', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'lab.ps1'), 'New-VM -Name web01\nSet-VMProcessor web01 -ExposeVirtualizationExtensions $true\n# VMWP runs it\n');
    const { code, out } = await cli(['scan', '--format', 'markdown', dir]);
    assert.equal(code, 0);
    assert.match(out, /^# Virtualization glossary\n\nThe \d+ terms used in 1 file\(s\), explained\./);
    assert.match(out, /^## Tools$/m);
    assert.ok(out.includes('\n### New-VM \\(Hyper-V\\)\n'), 'titles are escaped Markdown');
    assert.match(out, /^Used 1 time\(s\) in 1 file\(s\)\. Sources: \[.+\]\(https:\/\/learn\.microsoft\.com\//m);
    assert.ok(!/<[a-z]/i.test(out), 'no HTML');
  });
});
