import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

describe('CLI from npm pack', () => {
  it('packs only what the CLI needs, and the tarball runs in an empty folder with no dependencies', function () {
    this.timeout(180_000);
    if (!existsSync('dist/cli.js')) this.skip();
    const out = mkdtempSync(join(tmpdir(), 'atlas-pack-'));
    // scripts off: the tests' build made dist/cli.js already (prepack would build it for release)
    const packed = spawnSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    assert.deepEqual(info.files.map((f) => f.path).sort(), ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'package.json']);
    const empty = mkdtempSync(join(tmpdir(), 'atlas-npx-'));
    copyFileSync(join(out, info.filename), join(empty, info.filename));
    writeFileSync(join(empty, 'notes.md'), 'Hyper-V is a Type 2 hypervisor.\n');
    const run = spawnSync(npx, ['--yes', `./${info.filename}`, 'check', '--format', 'github', 'notes.md'], { cwd: empty, encoding: 'utf8', env: { ...process.env, npm_config_cache: join(empty, '.npm') } });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^::error file=notes\.md,line=1,col=1,/);
  });
});
