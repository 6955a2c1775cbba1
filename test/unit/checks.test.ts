import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { runChecks, type Finding } from '../../src/core/checks/index';
import { expandPattern } from '../../src/core/checks/phrase';
import { proseTokens } from '../../src/core/checks/words';
import { compile } from '../../build/content';

const kb = bundledKnowledge();
const seed = (name: string) => readFileSync(join(__dirname, '..', '..', '..', 'test', 'unit', 'data', 'checks', name), 'utf8');
const only = (id: string) => Object.fromEntries(kb.checks.map((c) => [c.id, c.id === id]));
const texts = (text: string, fs: Finding[]) => fs.map((f) => `${f.checkId}: ${text.slice(f.start, f.end)}`);

describe('checks: content', () => {
  it('has at least 15 checks, each with sources, examples run by the build, and one info note for KVM', () => {
    assert.ok(kb.checks.length >= 15, `${kb.checks.length} checks`);
    for (const c of kb.checks) assert.ok(c.sources.length > 0 && c.sources.every((s) => s.url.startsWith('https://')), c.id);
    assert.equal(kb.checks.find((c) => c.id === 'check.kvm-type-2')?.severity, 'info');
  });

  // every check's own `flag` and `pass` examples, read from its file: positive and negative tests
  const files = kb.checks.map((c) => c.file);
  for (const file of files) {
    const text = readFileSync(join(__dirname, '..', '..', '..', file), 'utf8');
    const id = /^id: (\S+)/m.exec(text)![1];
    const list = (field: string) => {
      const m = new RegExp(`^${field}:\\n((?:  - .*\\n)+)`, 'm').exec(text);
      return m ? m[1].split('\n').filter(Boolean).map((l) => JSON.parse(l.slice(4)) as string) : [];
    };
    it(`${id}: flags every \`flag\` example and none of the \`pass\` ones`, () => {
      const flag = list('flag');
      const pass = list('pass');
      assert.ok(flag.length >= 2 && pass.length >= 2, `${id} needs examples`);
      for (const s of flag) assert.equal(runChecks(s, { prose: 'all', enabled: only(id) }).length, 1, `${id} misses: ${s}`);
      for (const s of pass) assert.deepEqual(texts(s, runChecks(s, { prose: 'all', enabled: only(id) })), [], `${id} flags: ${s}`);
    });
  }
});

describe('checks: the seeds', () => {
  it('000 gets its two errors, VMware Virtual Box and Layer 1/Layer 2, and nothing else', () => {
    const text = seed('000_b7a899cf85bb9d98.txt');
    const found = runChecks(text, { fileName: 'seed.txt' });
    assert.deepEqual([...new Set(found.map((f) => f.checkId))].sort(), ['check.layer-for-type', 'check.virtualbox-vmware']);
    const vb = found.filter((f) => f.checkId === 'check.virtualbox-vmware');
    assert.deepEqual(vb.map((f) => text.slice(f.start, f.end)), ['VMware Virtual Box']);
    assert.equal(vb[0].replacement, 'Oracle VirtualBox');
    assert.equal(vb[0].severity, 'error');
    const layers = found.filter((f) => f.checkId === 'check.layer-for-type');
    for (const f of layers) assert.match(text.slice(f.start, f.end).normalize('NFKC'), /^Layer [12]( & Layer 2)? Hypervisors?$/i);
    assert.ok(layers.some((f) => text.slice(f.start, f.end) === 'Layer 1 & Layer 2 Hypervisor' && f.replacement === 'Type 1 & Type 2 Hypervisor'));
    const first = layers[0];
    assert.equal(first.line, 0);
    assert.equal(first.column, 0);
  });

  it('003 gets nothing', () => {
    assert.deepEqual(texts(seed('003_0b6670a052bc0e2a.txt'), runChecks(seed('003_0b6670a052bc0e2a.txt'), { fileName: 'seed.txt' })), []);
  });
});

describe('checks: engine', () => {
  it('reads a claim only within one sentence', () => {
    assert.equal(runChecks('Hyper-V is a Type 2 hypervisor.').length, 1);
    assert.equal(runChecks('We use Hyper-V. It is a Type 2 hypervisor.').length, 0);
    assert.equal(runChecks('Hyper-V\n\nis a Type 2 hypervisor').length, 0);
    assert.equal(runChecks('| Hyper-V | is a Type 2 hypervisor |').length, 0);
  });

  it('reads spellings the way the term engine does: case, -, _, run together, plurals, possessives, folded letters', () => {
    for (const s of ['VMware VirtualBox', 'vmware virtualbox', 'VMware Virtual-Box', "VMware's VirtualBox", 'VMWARE VIRTUALBOX']) assert.equal(runChecks(s).length, 1, s);
    assert.equal(runChecks('𝐋𝐚𝐲𝐞𝐫 2 hypervisors are apps.').length, 1);
    assert.equal(runChecks('MyVMwareVirtualBoxTool').length, 0);
  });

  it('is off in code strings and on in code comments', () => {
    const code = 'const s = "VMware VirtualBox";\n// Hyper-V is a Type 2 hypervisor\n';
    const found = runChecks(code, { languageId: 'typescript' });
    assert.deepEqual(texts(code, found), ['check.hyperv-type-2: Hyper-V is a Type 2 hypervisor']);
    const py = "x = 'VMware VirtualBox'  # VMware VirtualBox\n";
    assert.deepEqual(texts(py, runChecks(py, { fileName: 'a.py' })), ['check.virtualbox-vmware: VMware VirtualBox']);
    assert.equal(runChecks(py, { fileName: 'a.py' })[0].start, py.lastIndexOf('VMware'));
    const md = '```\nVMware VirtualBox\n```\nText.\n';
    assert.equal(runChecks(md, { languageId: 'markdown' }).length, 0);
    const doc = '/**\n * Hyper-V is a\n * Type 2 hypervisor.\n */\n';
    assert.equal(runChecks(doc, { fileName: 'x.c' }).length, 1);
  });

  it('a quoted name is a mention; hedged sentences and questions are not claims', () => {
    assert.equal(runChecks('## Misconception 3: "VMware VirtualBox"').length, 0);
    assert.equal(runChecks('Many people think Hyper-V is a Type 2 hypervisor.').length, 0);
    assert.equal(runChecks('Why is Hyper-V a Type 2 hypervisor?').length, 0);
    assert.equal(runChecks('Hyper-V is a Type 2 hypervisor!').length, 1);
  });

  it('skips front matter, reStructuredText literal blocks and AsciiDoc listings', () => {
    assert.equal(runChecks('---\ntitle: VMware VirtualBox\n---\nText.\n', { languageId: 'markdown' }).length, 0);
    const rst = 'Example::\n\n    VMware VirtualBox\n\nAfter the block, VMware VirtualBox.\n';
    assert.deepEqual(runChecks(rst, { languageId: 'restructuredtext' }).map((f) => f.start), [rst.lastIndexOf('VMware')]);
    assert.equal(runChecks('----\nVMware VirtualBox\n----\n', { languageId: 'asciidoc' }).length, 0);
  });

  it('a replacement keeps the case and the possessive of the text', () => {
    assert.equal(runChecks("VMware's VirtualBox")[0].replacement, "Oracle's VirtualBox");
    assert.equal(runChecks('a layer-1 hypervisor')[0].replacement, 'type-1 hypervisor');
    assert.equal(runChecks('Hyper-V is a Type 2 hypervisor')[0].replacement, undefined);
  });

  it('turns single checks off by id, with or without `check.`', () => {
    assert.equal(runChecks('VMware VirtualBox', { enabled: { 'virtualbox-vmware': false } }).length, 0);
    assert.equal(runChecks('VMware VirtualBox', { enabled: { 'check.virtualbox-vmware': false } }).length, 0);
  });

  it('gives line and column of the finding', () => {
    const f = runChecks('Intro.\n\nWe ran VMware VirtualBox here.')[0];
    assert.deepEqual([f.line, f.column], [2, 7]);
  });

  it('patterns: groups expand, bad ones are named', () => {
    assert.deepEqual(expandPattern('is [a|an] (type 2|hosted)'), [['is', 'type', '2'], ['is', 'hosted'], ['is', 'a', 'type', '2'], ['is', 'a', 'hosted'], ['is', 'an', 'type', '2'], ['is', 'an', 'hosted']]);
    assert.match((expandPattern('is (a|b') as { message: string }).message, /without/);
    assert.match((expandPattern('(a|(b))') as { message: string }).message, /nest/);
  });

  it('words: splits like aliases and keeps offsets', () => {
    const t = proseTokens('Hyper-V’s VirtualBox', [[0, 20]]);
    const keys = Array.from({ length: t.count }, (_, i) => t.key[i]).filter(Boolean);
    assert.deepEqual(keys, ['hyper', 'v', 'virtual', 'box']);
  });
});

describe('checks: the content build', () => {
  const base = (extra: string) => `---\nid: check.demo\ntitle: Demo\nseverity: error\nclaim: ["vmware virtual box"]\nexplanation: x.\ncorrect: y.\nsources:\n  - { title: t, url: "https://example.org/a" }\n${extra}---\n`;
  const run = (text: string) => compile([{ path: 'content/checks/demo.md', text }]).problems.map((p) => `${p.line}: ${p.message}`);
  it('accepts a valid check and rejects bad ones with file:line messages', () => {
    assert.deepEqual(run(base('flag: ["VMware Virtual Box"]\npass: ["Oracle VirtualBox"]\n')), []);
    assert.ok(run(base('flag: ["Oracle VirtualBox"]\npass: ["x"]\n')).some((m) => /does not find its own example/.test(m)));
    assert.ok(run(base('flag: ["VMware Virtual Box"]\npass: ["VMware VirtualBox"]\n')).some((m) => /flags "VMware VirtualBox"/.test(m)));
    assert.ok(run(base('flag: ["a"]\npass: ["b"]\nsubject: [nope]\n')).some((m) => /`subject` refers to `nope`/.test(m)));
    assert.ok(run(base('flag: ["a"]\npass: ["b"]\nwithin: 40\n')).some((m) => /within/.test(m)));
    assert.ok(run(base('flag: ["a"]\npass: ["b"]\nseverity2: x\n')).some((m) => /unknown field/.test(m)));
    assert.ok(run(base('flag: ["a"]\npass: ["b"]\nclaimBefore: ["(x"]\n')).some((m) => /without/.test(m)));
  });
});

describe('checks: settings', () => {
  it('package.json has the feature switch and one setting per check', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { type: string; default: unknown }> } } };
    const props = pkg.contributes.configuration.properties;
    assert.equal(props['hypervisorAtlas.checks.enabled']?.default, true);
    const listed = Object.keys(props).filter((k) => k.startsWith('hypervisorAtlas.checks.') && k !== 'hypervisorAtlas.checks.enabled').sort();
    assert.deepEqual(listed, kb.checks.map((c) => `hypervisorAtlas.checks.${c.id.replace(/^check\./, '')}`).sort());
    for (const k of listed) assert.equal(props[k].type, 'boolean');
  });
});
