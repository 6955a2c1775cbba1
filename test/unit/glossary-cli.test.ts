import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('CLI --glossary', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-glossary-'));
    mkdirSync(join(dir, 'g'));
    writeFileSync(join(dir, 'g', 'orion.md'), '---\nid: lab.orion\ntitle: Orion\nkind: concept\nsummary: The lab cluster.\naliases: [orion-cluster]\nsources:\n  - { title: Wiki, url: "https://wiki.example.com/o" }\n---\nTwo hosts.\n');
    writeFileSync(join(dir, 'g', 'broken.md'), '---\nid: lab.broken\ntitle: Broken\nkind: concept\nsources:\n  - { title: Wiki, url: "https://wiki.example.com/o" }\n---\nNo summary.\n');
    symlinkSync(join(dir, 'g'), join(dir, 'g', 'loop'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('explains a glossary term and reports a broken file and a link loop with file:line', async () => {
    const r = await run('explain', '--glossary', join(dir, 'g'), 'orion-cluster');
    assert.equal(r.code, 0);
    assert.match(r.out, /Orion.*\[lab\.orion\]/);
    assert.match(r.err, /broken\.md:2: missing required field `summary`/);
    assert.match(r.err, /loop:1: symbolic link: not followed/);
  });

  it('leaves the bundled knowledge base alone without --glossary', async () => {
    assert.equal((await run('explain', 'orion-cluster')).code, 1);
  });
});
