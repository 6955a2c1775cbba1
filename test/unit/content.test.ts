import * as assert from 'node:assert/strict';
import { compile, formatProblem, type SourceFile } from '../../build/content';

const SRC = 'sources:\n  - { title: Hyper-V architecture, url: "https://learn.microsoft.com/en-us/virtualization/hyper-v-on-windows/reference/hyper-v-architecture" }';

function entry(path: string, fields: string, body = 'Key facts.'): SourceFile {
  return { path, text: `---\n${fields}\n---\n${body}\n` };
}

const system = entry(
  'content/hyper-v/hyperv.md',
  `id: hyperv\ntitle: Hyper-V\nkind: system\nsummary: Microsoft's hypervisor.\nclassification: type1\nstack: [[hyperv.hardware]]\naliases: [Hyper-V]\n${SRC}`,
);
const layer = entry('content/hyper-v/hardware.md', `id: hyperv.hardware\ntitle: Hardware\nkind: layer\nsystem: hyperv\nsummary: The machine.\n${SRC}`);

const problems = (...files: SourceFile[]) => compile([system, layer, ...files]).problems.map(formatProblem);

describe('content compiler', () => {
  it('compiles valid entries into a knowledge base', () => {
    const vmwp = entry(
      'content/hyper-v/vmwp.md',
      `id: hyperv.vmwp\ntitle: VM worker process\nshort: VMWP\nkind: component\nsummary: Runs one VM.\naliases: [VMWP, vmwp.exe]\nsystems: [hyperv]\nlayers: [hyperv.hardware]\nmode: user\nrelated: [hyperv]\n${SRC}`,
      'It runs in user mode.',
    );
    const { kb, problems: p } = compile([system, layer, vmwp]);
    assert.deepEqual(p, []);
    assert.equal(kb.entries.length, 3);
    const e = kb.entries.find((x) => x.id === 'hyperv.vmwp')!;
    assert.equal(e.body, 'It runs in user mode.');
    assert.deepEqual(e.aliases, ['VMWP', 'vmwp.exe']);
    assert.equal(e.mode, 'user');
    assert.equal(e.file, 'content/hyper-v/vmwp.md');
  });

  it('reports a dangling reference with file and line', () => {
    const f = entry('content/a.md', `id: a.b\ntitle: A\nkind: concept\nsummary: A thing.\nrelated: [no.such]\n${SRC}`);
    assert.deepEqual(problems(f), ['content/a.md:6: `related` refers to `no.such`, which no entry has']);
  });

  it('reports a reference of the wrong kind', () => {
    const f = entry('content/a.md', `id: a.b\ntitle: A\nkind: component\nsummary: A thing.\nsystems: [hyperv.hardware]\n${SRC}`);
    assert.match(problems(f)[0], /^content\/a\.md:6: `systems` refers to `hyperv.hardware`, which is a layer, not a system$/);
  });

  it('reports an alias claimed by two entries, unless both mark it ambiguous', () => {
    const a = entry('content/a.md', `id: a.a\ntitle: A\nkind: concept\nsummary: A.\naliases: [vmx]\n${SRC}`);
    const b = entry('content/b.md', `id: b.b\ntitle: B\nkind: concept\nsummary: B.\naliases: [VMX, Vmx]\n${SRC}`);
    const p = problems(a, b);
    assert.equal(p.length, 2);
    assert.match(p[0], /^content\/a\.md:6: alias `vmx` is also claimed by b\.b \(content\/b\.md\)/);
    assert.match(p[1], /^content\/b\.md:6: alias `VMX` is also claimed by a\.a/);
    const a2 = entry('content/a.md', `id: a.a\ntitle: A\nkind: concept\nsummary: A.\naliases: [vmx]\nambiguous: [vmx]\n${SRC}`);
    const b2 = entry('content/b.md', `id: b.b\ntitle: B\nkind: concept\nsummary: B.\naliases: [vmx]\nambiguous: [vmx]\n${SRC}`);
    assert.deepEqual(problems(a2, b2), []);
  });

  it('treats spelling variants of one alias as the same claim', () => {
    const a = entry('content/a.md', `id: a.a\ntitle: A\nkind: concept\nsummary: A.\naliases: [host-passthrough]\n${SRC}`);
    const b = entry('content/b.md', `id: b.b\ntitle: B\nkind: concept\nsummary: B.\naliases: [host_passthrough]\n${SRC}`);
    assert.equal(problems(a, b).length, 2);
  });

  it('reports an entry without a source', () => {
    const f = entry('content/a.md', 'id: a.b\ntitle: A\nkind: concept\nsummary: A thing.');
    assert.deepEqual(problems(f), ['content/a.md:2: entry has no source: cite at least one public primary source `{ title, url }`']);
  });

  it('reports a source that is not https', () => {
    const f = entry('content/a.md', 'id: a.b\ntitle: A\nkind: concept\nsummary: A thing.\nsources:\n  - { title: T, url: "http://example.org/x" }');
    assert.deepEqual(problems(f), ['content/a.md:7: source url `http://example.org/x` must be an https:// address']);
  });

  it('reports a source on a retired documentation host, with its replacement', () => {
    const at = (url: string) => entry('content/a.md', `id: a.b\ntitle: A\nkind: concept\nsummary: A thing.\nsources:\n  - { title: T, url: "${url}" }`);
    assert.deepEqual(problems(at('https://docs.vmware.com/en/VMware-vSphere/7.0/x.html')), [
      'content/a.md:7: source url `https://docs.vmware.com/en/VMware-vSphere/7.0/x.html` is on a retired documentation host (docs.vmware.com): cite the current page on techdocs.broadcom.com, knowledge.broadcom.com or developer.broadcom.com',
    ]);
    assert.match(problems(at('https://www.vmware.com/pdf/vmware_timekeeping.pdf'))[0], /^content\/a\.md:7: .* retired documentation host \(www\.vmware\.com\/pdf\/\)/);
    assert.match(problems(at('https://KB.VMware.com/kb/1001805'))[0], /retired documentation host \(kb\.vmware\.com\)/);
    // the second source of an entry is reported at its own line
    const two = entry('content/b.md', `id: b.b\ntitle: B\nkind: concept\nsummary: B.\nsources:\n  - { title: T, url: "https://techdocs.broadcom.com/us/en/vmware-cis/vsphere.html" }\n  - { title: U, url: "https://pubs.vmware.com/vsphere-65/index.jsp" }`);
    assert.match(problems(two)[0], /^content\/b\.md:8: .*\(pubs\.vmware\.com\)/);
    // current hosts, and a retired host's name inside another host or a path, pass
    for (const ok of ['https://techdocs.broadcom.com/us/en/vmware-cis/vsphere.html', 'https://knowledge.broadcom.com/external/article?legacyId=1001805', 'https://github.com/vmware/open-vm-tools', 'https://www.vmware.com/docs/vsphere-esxi-vcenter-server-80-performance-best-practices', 'https://example.org/docs.vmware.com/x']) {
      assert.deepEqual(problems(at(ok)), [], ok);
    }
  });

  it('reports malformed front matter at its line', () => {
    const f = entry('content/a.md', `id: a.b\ntitle: A\nkind: concept\nsummary: [unclosed\n${SRC}`);
    const p = problems(f);
    assert.equal(p.length, 1);
    assert.match(p[0], /^content\/a\.md:\d+: malformed front matter: /);
    const noFront = problems({ path: 'content/b.md', text: 'id: x\n' });
    assert.deepEqual(noFront, ['content/b.md:1: front matter missing: the file must start with a line `---`']);
    const unclosed = problems({ path: 'content/c.md', text: '---\nid: x\n' });
    assert.deepEqual(unclosed, ['content/c.md:1: front matter not closed: add a line `---` after the fields']);
  });

  it('reports missing fields, unknown fields, bad kinds and duplicate ids', () => {
    const f = entry('content/a.md', `id: a.b\ntitle: A\nkind: gadget\nsummary: A thing.\ncolour: red\n${SRC}`);
    assert.deepEqual(problems(f).sort(), ['content/a.md:4: kind `gadget` is not one of system, layer, component, concept, format, tool, setting', 'content/a.md:6: unknown field `colour`']);
    const g = entry('content/g.md', `id: a.c\nkind: concept\nsummary: A thing.\n${SRC}`);
    assert.deepEqual(problems(g), ['content/g.md:2: missing required field `title`']);
    const dup = entry('content/z.md', `id: hyperv\ntitle: Again\nkind: concept\nsummary: Again.\n${SRC}`);
    assert.deepEqual(problems(dup), ['content/z.md:2: id `hyperv` is already used by content/hyper-v/hyperv.md']);
  });

  it('reports a layer in a stack that belongs to another system', () => {
    const other = entry('content/kvm/kvm.md', `id: kvm\ntitle: KVM\nkind: system\nsummary: Linux.\nclassification: type1\nstack: [[hyperv.hardware]]\n${SRC}`);
    assert.deepEqual(problems(other), ['content/kvm/kvm.md:7: stack lists `hyperv.hardware`, whose `system` is `hyperv`']);
  });

  it('compiles the drawing fields: binary and perVm for components, modeTitles and apart for layers', () => {
    const host = entry('content/v/host.md', `id: hyperv.host\ntitle: Host OS\nkind: layer\nsystem: hyperv\nmodes: [kernel, user]\nmodeTitles: { kernel: host OS kernel }\napart: true\nsummary: The host.\n${SRC}`);
    const c = entry('content/v/c.md', `id: hyperv.c\ntitle: C\nshort: C\nkind: component\nbinary: c.exe\nperVm: [hyperv.host]\nsummary: A thing.\nlayers: [hyperv.hardware]\n${SRC}`);
    const { kb, problems: p } = compile([system, layer, host, c]);
    assert.deepEqual(p, []);
    const h = kb.entries.find((x) => x.id === 'hyperv.host')!;
    assert.deepEqual(h.modeTitles, { kernel: 'host OS kernel' });
    assert.equal(h.apart, true);
    const e = kb.entries.find((x) => x.id === 'hyperv.c')!;
    assert.equal(e.binary, 'c.exe');
    assert.deepEqual(e.perVm, ['hyperv.host']);
  });

  it('reports drawing fields on the wrong kind, a mode title for a mode the layer lacks, and perVm naming no layer', () => {
    const badLayer = entry('content/v/l.md', `id: hyperv.l\ntitle: L\nkind: layer\nsystem: hyperv\nmodes: [user]\nmodeTitles: { kernel: host OS kernel, user: ${'x'.repeat(41)} }\nsummary: L.\n${SRC}`);
    const badC = entry('content/v/c.md', `id: hyperv.c\ntitle: C\nkind: concept\nbinary: c.exe\nperVm: [hyperv]\nsummary: A thing.\n${SRC}`);
    const p = problems(badLayer, badC);
    assert.ok(p.some((x) => /content\/v\/l\.md:7: the title of `user` must be text of at most 40 characters/.test(x)), p.join('\n'));
    assert.ok(p.some((x) => /content\/v\/l\.md:7: `modeTitles` names `kernel`, which is not among the layer's `modes`/.test(x)), p.join('\n'));
    assert.ok(p.some((x) => /content\/v\/c\.md:\d+: `perVm` refers to `hyperv`, which is a system, not a layer/.test(x)), p.join('\n'));
    assert.ok(p.some((x) => /content\/v\/c\.md:\d+: `binary` is for components/.test(x)), p.join('\n'));
  });

  it('reports a connection label cut short by an unquoted comma', () => {
    const f = entry('content/a.md', `id: a.b\ntitle: A\nkind: component\nsummary: A thing.\nconnections:\n  - { to: hyperv, label: hypercalls (domctl, sysctl) }\n${SRC}`);
    assert.deepEqual(problems(f), ['content/a.md:7: connection has unknown field(s) `sysctl)`: quote a label that contains commas or colons']);
  });

  it('reports generic or ambiguous words that are not aliases', () => {
    const f = entry('content/a.md', `id: a.b\ntitle: A\nkind: concept\nsummary: A thing.\naliases: [alpha]\ngeneric: [beta]\n${SRC}`);
    assert.deepEqual(problems(f), ['content/a.md:7: generic `beta` is not one of the aliases']);
  });
});
