import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { Languages, documentSystems } from '../../src/features/languages/systems';
import { MAX_CHARS, XL_KEYS, looksLikeXlConfig } from '../../src/features/languages/xl-detect';

const sample = (rel: string) => readFileSync(join(process.cwd(), 'samples', ...rel.split('/')), 'utf8');

describe('languages: which systems a document is about', () => {
  const doc = (languageId: string, path = '/x/file') => ({ languageId, uri: { path } });

  it('maps .vmx to ESXi and Workstation, xl configs to Xen, VirtualBox XML to VirtualBox', () => {
    assert.deepEqual(documentSystems(doc(Languages.vmx)), ['esxi', 'workstation']);
    assert.deepEqual(documentSystems(doc(Languages.xl)), ['xen']);
    assert.deepEqual(documentSystems(doc('xml', '/vms/lab/lab.vbox')), ['virtualbox']);
    assert.deepEqual(documentSystems(doc('xml', '/vms/lab/lab.vbox-prev')), ['virtualbox']);
    assert.deepEqual(documentSystems(doc('xml', '/vms/web/web.vmxf')), ['esxi', 'workstation']);
    assert.equal(documentSystems(doc('xml', '/kvm/domain.xml')), undefined);
    assert.equal(documentSystems(doc('markdown', '/notes/xen.md')), undefined);
  });

  it('names only systems the knowledge base has', () => {
    const systems = new Set(bundledKnowledge().systems().map((s) => s.id));
    for (const id of [...documentSystems(doc(Languages.vmx))!, ...documentSystems(doc(Languages.xl))!, ...documentSystems(doc('xml', '/a.vbox'))!]) {
      assert.ok(systems.has(id), `${id} is not a system in the knowledge base`);
    }
  });
});

describe('languages: hovering keys and values with the document’s systems', () => {
  const kb = bundledKnowledge();
  /** The entry the engine finds at the middle of `word` in `line`, as the hover asks it. */
  const at = (line: string, word: string, systems: readonly string[]) => {
    const offset = line.indexOf(word);
    assert.ok(offset >= 0, `${word} not in ${line}`);
    return kb.matcher.matchAt(line, offset + Math.floor(word.length / 2), { systems })?.id;
  };
  const vmx = documentSystems({ languageId: Languages.vmx, uri: { path: '/a.vmx' } })!;
  const xl = documentSystems({ languageId: Languages.xl, uri: { path: '/a.cfg' } })!;

  it('explains .vmx keys, dotted parts and all, and the values that are terms', () => {
    const cases: [string, string, string][] = [
      ['ethernet0.virtualDev = "vmxnet3"', 'virtualDev', 'vmx.ethernet-virtualdev'],
      ['ethernet1.virtualDev = "vmxnet3"', 'ethernet1', 'vmx.ethernet-virtualdev'],
      ['ethernet0.virtualDev = "vmxnet3"', 'vmxnet3', 'esxi.vmxnet3'],
      ['scsi0.virtualDev = "pvscsi"', 'scsi0', 'vmx.scsi-virtualdev'],
      ['scsi0.virtualDev = "pvscsi"', 'pvscsi', 'esxi.pvscsi'],
      ['vhv.enable = "TRUE"', 'vhv', 'vmx.vhv-enable'],
      ['memsize = "8192"', 'memsize', 'vmx.memsize'],
      ['numvcpus = "4"', 'numvcpus', 'vmx.numvcpus'],
      ['virtualHW.version = "21"', 'version', 'vmx.virtualhw-version'],
    ];
    for (const [line, word, id] of cases) assert.equal(at(line, word, vmx), id, `${word} in ${line}`);
  });

  it('explains xl.cfg keys, including the generic ones, and guest-type values', () => {
    const cases: [string, string, string][] = [
      ['type = "pvh"', 'pvh', 'xen.pvh'],
      ['type = "hvm"', 'hvm', 'xen.hvm'],
      ['builder = "hvm"', 'builder', 'xl.builder'],
      ['memory = 2048', 'memory', 'xl.memory'],
      ['name = "web01"', 'name', 'xl.name'],
      ['vcpus = 2', 'vcpus', 'xl.vcpus'],
      ["disk = [ 'format=raw, vdev=xvda' ]", 'disk', 'xl.disk'],
      ['on_crash = "restart"', 'on_crash', 'xl.on-crash'],
    ];
    for (const [line, word, id] of cases) assert.equal(at(line, word, xl), id, `${word} in ${line}`);
    // without the document's systems, a lone generic word stays quiet
    assert.equal(kb.matcher.matchAt('memory = 2048', 2), undefined);
  });
});

describe('languages: is this .cfg an xl domain config?', () => {
  it('recognises the xl samples', () => {
    assert.ok(looksLikeXlConfig(sample('xen/web01.cfg')));
    assert.ok(looksLikeXlConfig(sample('xen/win10.hvm')));
  });

  it('recognises short and old-style xl configs', () => {
    assert.ok(looksLikeXlConfig('name = "db"\nmemory = 1024\nvcpus = 1\ndisk = [ "phy:/dev/vg/db,xvda,w" ]\n'));
    assert.ok(looksLikeXlConfig("builder='hvm'\nmemory=512\nname='old'; vif=['bridge=xenbr0']\nboot='c'\n"));
    assert.ok(looksLikeXlConfig('# xl\nkernel = "/boot/vmlinuz"\nramdisk = "/boot/initrd"\nextra = "console=hvc0"\nmemory = 256\n'));
  });

  it('reads a bounded prefix: a 7.6 MB line is not an xl config, and lines after it are not read', () => {
    const xl = 'name = "db"\nmemory = 1024\nvcpus = 1\ndisk = [ "phy:/dev/vg/db,xvda,w" ]\n';
    assert.equal(looksLikeXlConfig(`memory = "${'x'.repeat(7.6 * 1024 * 1024)}"\n${xl}`), false);
    assert.equal(looksLikeXlConfig(`${xl}# ${'x'.repeat(MAX_CHARS)}\n`), true);
    assert.equal(looksLikeXlConfig(`${'\n'.repeat(MAX_CHARS)}${xl}`), false);
  });

  it('leaves other .cfg files alone', () => {
    const others = [
      // setup.cfg / tox / flake8
      '[metadata]\nname = atlas\nversion = 1.0\n\n[options]\npackages = find:\n',
      // Python logging config without sections: unquoted values
      'name = root\nlevel = INFO\nhandlers = console\nmemory = low\n',
      // HAProxy-like
      'global\n    maxconn 4096\ndefaults\n    mode http\n',
      // GRUB
      'set default=0\nset timeout=5\nmenuentry "Linux" {\n  linux /vmlinuz\n}\n',
      // key=value with some xl-looking keys but mostly foreign ones
      'name = "app"\nport = 8080\nhost = "0.0.0.0"\nworkers = 4\ntimeout = 30\nlog_level = "debug"\n',
      // Quake-style cfg
      'bind w "+forward"\nseta name "player"\n',
      '',
      '# just a comment\n',
    ];
    for (const text of others) assert.equal(looksLikeXlConfig(text), false, text);
  });

  it('knows every key the xl samples use and every xl.cfg key the knowledge base explains', () => {
    for (const rel of ['xen/web01.cfg', 'xen/win10.hvm']) {
      for (const m of sample(rel).matchAll(/^([a-z_][a-z0-9_.]*)\s*=/gm)) assert.ok(XL_KEYS.has(m[1]), `${m[1]} (${rel})`);
    }
    for (const e of bundledKnowledge().entries) {
      if (e.kind !== 'setting' || !e.appliesTo?.includes('xl.cfg')) continue;
      const key = (e.short ?? e.title).replace(/\s*\(xl\.cfg\)$/, '');
      if (/^[a-z_][a-z0-9_.]*$/.test(key)) assert.ok(XL_KEYS.has(key), `${key} (${e.id})`);
    }
  });
});
