import * as assert from 'node:assert/strict';
import { SYNTAX_FORMATS, TermMatcher } from '../../src/core/matching/matcher';
import { nextToken, newToken, tokenize } from '../../src/core/matching/tokenize';
import { FORMATS, detectProfile } from '../../src/core/profile';

/** .vmx keys are case-insensitive: in a .vmx file `memSize` is the key `memsize`. */
describe('.vmx keys match in any case in .vmx files', () => {
  const m = new TermMatcher([
    { id: 'vmx.memsize', aliases: ['memsize'], systems: ['esxi', 'workstation'], kind: 'setting' },
    { id: 'vmx.sched-mem-min', aliases: ['sched.mem.min'], systems: ['esxi', 'workstation'], kind: 'setting' },
    { id: 'vmx.virtualhw-version', aliases: ['virtualHW.version'], systems: ['esxi', 'workstation'], kind: 'setting' },
    { id: 'mem', aliases: ['mem size'] },
  ]);
  const scan = (fileName: string, text: string) => {
    const p = detectProfile({ fileName, text });
    return m.scan(text, { systems: p.systems, contexts: p.contexts, regions: p.regions }).map((x) => [text.slice(x.start, x.end), x.id]);
  };

  it('reads memSize, MEMSIZE and memsize as the memsize key in a .vmx file', () => {
    const vmx = 'memSize = "4096"\nMEMSIZE = "4096"\nmemsize = "4096"\nvirtualhw.version = "19"\nVIRTUALHW.VERSION = "19"\n';
    assert.deepEqual(scan('web.vmx', vmx), [
      ['memSize', 'vmx.memsize'],
      ['MEMSIZE', 'vmx.memsize'],
      ['memsize', 'vmx.memsize'],
      ['virtualhw.version', 'vmx.virtualhw-version'],
      ['VIRTUALHW.VERSION', 'vmx.virtualhw-version'],
    ]);
  });

  it('keeps the whole-key rule: sched.mem.minSize is not sched.mem.min', () => {
    assert.deepEqual(scan('web.vmx', 'sched.mem.minSize = "0"\nsched.mem.min = "0"\n'), [['sched.mem.min', 'vmx.sched-mem-min']]);
  });

  it('splits at a change of case everywhere else: memSize is "mem size" in a shell script or a Markdown note', () => {
    assert.deepEqual(scan('x.sh', '#!/bin/sh\necho memSize\n'), [['memSize', 'mem']]);
    assert.deepEqual(scan('notes.md', 'Set memSize in the .vmx file.\n'), [['memSize', 'mem']]);
    // a Vagrantfile that writes .vmx keys is Ruby, not a .vmx file
    assert.deepEqual(scan('Vagrantfile', 'Vagrant.configure("2") do |c|\n  v.vmx["memSize"] = "4096"\nend\n'), [['memSize', 'mem']]);
  });

  it('gives the same answer at a hover as in a scan', () => {
    const vmx = '.encoding = "UTF-8"\nmemSize = "4096"\n';
    const p = detectProfile({ fileName: 'web.vmx', text: vmx });
    assert.equal(m.matchAt(vmx, vmx.indexOf('Size'), { systems: p.systems, contexts: p.contexts })?.id, 'vmx.memsize');
  });

  it('tokenizes whole words only when asked', () => {
    assert.equal(tokenize('memSize').length, 2);
    const t = newToken();
    assert.ok(nextToken('memSize = "1"', 0, 13, t, true));
    assert.deepEqual([t.start, t.end], [0, 7]);
  });

  it('knows every syntax format of the profile', () => {
    assert.deepEqual([...SYNTAX_FORMATS].sort(), [...FORMATS].sort());
  });
});
