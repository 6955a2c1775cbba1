import * as assert from 'node:assert/strict';
import { bundledKnowledge } from '../../src/core/knowledge/load';

const kb = bundledKnowledge();

/** The entry the text at the first occurrence of `term` (after `from`, if given) resolves to. */
function cardAt(text: string, term: string, from?: string): string | undefined {
  const start = from === undefined ? 0 : text.indexOf(from);
  const at = text.indexOf(term, start);
  assert.ok(at >= 0, `"${term}" is not in the sample`);
  const hit = kb.matcher.scan(text).find((m) => m.start <= at && at < m.end);
  return hit?.id;
}

const QEMU_SCRIPT = `#!/usr/bin/env bash
qemu-system-x86_64 -enable-kvm -machine q35,smm=on,accel=kvm \\
  -cpu host,kvm=off,+invtsc,hv_relaxed,hv_vapic,hv_spinlocks=0x1fff,hv_time,hv_synic,hv_stimer,hv_avic \\
  -smp 8,sockets=1,cores=4,threads=2 -m 8G \\
  -global driver=cfi.pflash01,property=secure,value=on \\
  -drive if=pflash,format=raw,unit=0,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.secboot.fd \\
  -drive file=test.qcow2,format=qcow2,if=virtio,snapshot=on \\
  -smbios type=1,manufacturer=Acme \\
  -rtc base=localtime,driftfix=slew -no-hpet \\
  -nic user,model=rtl8139 -vga qxl -spice port=5930,disable-ticketing=on
numactl --cpunodebind=0 --membind=0 true
`;

const DOMAIN_XML = `<domain type='kvm'>
  <cputune><vcpupin vcpu='0' cpuset='4'/><emulatorpin cpuset='0-1'/></cputune>
  <numatune><memnode cellid='0' mode='strict' nodeset='0'/></numatune>
  <os><type arch='x86_64' machine='q35'>hvm</type><smbios mode='sysinfo'/></os>
  <sysinfo type='smbios'><system><entry name='manufacturer'>Acme</entry></system></sysinfo>
  <features><smm state='on'/><kvm><hidden state='on'/></kvm></features>
  <clock offset='localtime'><timer name='rtc' tickpolicy='catchup'/><timer name='hpet' present='no'/></clock>
  <devices>
    <graphics type='spice' autoport='yes'/>
    <video><model type='qxl'/></video>
  </devices>
</domain>
`;

describe('KVM, QEMU and libvirt spellings in real files', () => {
  it('gives a QEMU command line the specific cards, not near ones', () => {
    const expected: [string, string][] = [
      ['smm=on', 'kvm.smm'],
      ['kvm=off', 'kvm.kvm-hidden'],
      ['invtsc', 'kvm.invtsc'],
      ['hv_relaxed', 'kvm.hv-relaxed'],
      ['hv_avic', 'kvm.hyperv-enlightenments'],
      ['cfi.pflash01', 'kvm.smm'],
      ['OVMF_CODE_4M.secboot.fd', 'kvm.ovmf'],
      ['smbios type', 'kvm.smbios'],
      ['driftfix', 'kvm.clock'],
      ['no-hpet', 'kvm.clock'],
      ['model=rtl8139', 'kvm.nic-model'],
      ['vga qxl', 'kvm.video'],
      ['disable-ticketing', 'kvm.graphics'],
      ['numactl', 'kvm.numatune'],
    ];
    for (const [term, id] of expected) assert.equal(cardAt(QEMU_SCRIPT, term), id, term);
  });

  it('reads snapshot=on as throw-away writes, not as a saved snapshot', () => {
    assert.equal(cardAt(QEMU_SCRIPT, 'snapshot=on'), 'kvm.drive-snapshot');
    assert.equal(cardAt('qemu-system-x86_64 -drive file=a.qcow2,snapshot=on', 'snapshot'), 'kvm.drive-snapshot');
    assert.notEqual(kb.get('kvm.drive-snapshot')!.summary.match(/not a|nothing/i), null);
  });

  it('gives libvirt domain XML the tuning, firmware and timer cards', () => {
    const expected: [string, string][] = [
      ['vcpupin', 'kvm.cputune'],
      ['memnode', 'kvm.numatune'],
      ['smbios mode', 'kvm.smbios'],
      ['sysinfo type', 'kvm.smbios'],
      ['smm state', 'kvm.smm'],
      ['hidden state', 'kvm.kvm-hidden'],
      ['clock offset', 'kvm.clock'],
      ['tickpolicy', 'kvm.clock'],
      ['hpet', 'kvm.clock'],
      ['graphics type', 'kvm.graphics'],
    ];
    for (const [term, id] of expected) assert.equal(cardAt(DOMAIN_XML, term), id, term);
    assert.equal(cardAt(DOMAIN_XML, 'qxl', '<video>'), 'kvm.video');
  });

  it('files shared firmware and NIC models under every system that uses them, or none', () => {
    assert.deepEqual([...(kb.get('kvm.ovmf')!.systems ?? [])].sort(), ['kvm', 'xen']);
    assert.deepEqual([...(kb.get('kvm.nic-model')!.systems ?? [])], []);
  });
});
