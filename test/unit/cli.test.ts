import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('command-line tool', () => {
  it('lists every entry in the documented JSON shape', async () => {
    const { code, out } = await cli('list', '--json');
    assert.equal(code, 0);
    const list = JSON.parse(out) as Record<string, unknown>[];
    assert.ok(list.length > 0);
    for (const e of list) {
      assert.deepEqual(Object.keys(e), ['id', 'title', 'kind', 'summary', 'aliases', 'systems', 'related', 'sources']);
      for (const s of e.sources as Record<string, unknown>[]) assert.deepEqual(Object.keys(s), ['title', 'url']);
    }
  });

  it('explains a term by alias, title or id', async () => {
    for (const term of ['vmwp.exe', 'VMWP', 'hyperv.vmwp', '-ExposeVirtualizationExtensions']) {
      const { code, out } = await cli('explain', '--json', term);
      assert.equal(code, 0, term);
      assert.ok(['hyperv.vmwp', 'hyperv.expose-virtualization-extensions'].includes(JSON.parse(out).id), term);
    }
    const text = await cli('explain', 'root', 'partition');
    assert.equal(text.code, 0);
    assert.match(text.out, /Root partition/i);
    assert.match(text.out, /Sources:\n {2}.+<https:\/\//);
  });

  it('exits 1 with a clear message when a term resolves to nothing', async () => {
    const { code, out, err } = await cli('explain', 'frobnicator');
    assert.equal(code, 1);
    assert.equal(out, '');
    assert.match(err, /no entry for "frobnicator"/);
  });

  it('exits 2 on a usage error', async () => {
    for (const args of [[], ['frob'], ['scan'], ['scan', '--nope', 'x'], ['explain'], ['list', 'x'], ['scan', '--generic', 'sometimes', 'x']]) {
      const { code, err } = await cli(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, /Usage:/);
    }
  });

  it('scans files and directories, with exact positions and the text as it stands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
    const text = 'Set-VMProcessor -VMName lab -ExposeVirtualizationExtensions $true\n# the root\n# partition owns the devices\n';
    writeFileSync(join(dir, 'a.ps1'), text);
    const { code, out } = await cli('scan', '--json', dir);
    assert.equal(code, 0);
    const parsed = JSON.parse(out) as { files: { path: string; matches: Record<string, unknown>[] }[] };
    assert.deepEqual(Object.keys(parsed), ['files']);
    assert.equal(parsed.files[0].path, join(dir, 'a.ps1'));
    const lines = text.split('\n');
    for (const m of parsed.files[0].matches) {
      assert.deepEqual(Object.keys(m), ['line', 'column', 'endLine', 'endColumn', 'text', 'id', 'title']);
      if (m.line === m.endLine) {
        assert.equal(lines[(m.line as number) - 1].slice((m.column as number) - 1, (m.endColumn as number) - 1), m.text);
      }
    }
    const found = parsed.files[0].matches.map((m) => m.text);
    assert.ok(found.includes('Set-VMProcessor'));
    assert.ok(found.includes('ExposeVirtualizationExtensions'));
    const wrapped = parsed.files[0].matches.find((m) => m.text === 'root\n# partition');
    assert.deepEqual(wrapped && [wrapped.line, wrapped.column, wrapped.endLine, wrapped.endColumn], [2, 7, 3, 12]);
  });

  it('skips binary files (with a note when named), reports unreadable paths and keeps going', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
    writeFileSync(join(dir, 'disk.bin'), Buffer.from([0x56, 0x4d, 0x57, 0x50, 0, 1, 2, 3]));
    writeFileSync(join(dir, 'notes.md'), 'VMWP runs per VM.');
    const { code, out, err } = await cli('scan', '--json', join(dir, 'missing.txt'), dir);
    assert.equal(code, 1);
    assert.match(err, /cannot read .*missing\.txt: no such file or directory/);
    assert.doesNotMatch(err, /disk\.bin/, 'a binary file met in a folder is left out quietly');
    assert.match((await cli('scan', join(dir, 'disk.bin'))).err, /skipped .*disk\.bin: binary file/);
    const parsed = JSON.parse(out);
    assert.deepEqual(
      parsed.files.map((f: { path: string }) => f.path),
      [join(dir, 'notes.md')],
    );
  });

  it('prints one readable line per match without --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
    writeFileSync(join(dir, 'x.txt'), 'VMWP');
    const { out, err } = await cli('scan', join(dir, 'x.txt'));
    assert.match(out, /x\.txt:1:1\tVMWP\t.+ \(hyperv\.vmwp\)\n$/);
    assert.match(err, /1 match\(es\) in 1 file\(s\)/);
  });

  it('runs as the built bin', async () => {
    const r = spawnSync(process.execPath, ['dist/cli.js', 'explain', '--json', 'dom0'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).id, 'xen.dom0');
    assert.equal(readFileSync('dist/cli.js', 'utf8').split('\n')[0], '#!/usr/bin/env node');
  });
});
