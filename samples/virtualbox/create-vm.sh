#!/usr/bin/env bash
# Create, configure and start a headless Oracle VirtualBox VM with VBoxManage.
# VBoxManage talks to the per-user VBoxSVC service, so run this as the user
# who should own the VM. Tested syntax: VirtualBox 7.x (hyphenated options);
# VirtualBox 6.1 spells several of them without hyphens (see comments).
#
#   ./create-vm.sh build01 ~/isos/ubuntu-22.04-live-server-amd64.iso
set -euo pipefail

VM="${1:-build01}"
ISO="${2:?path to an installer ISO}"
BASE="${HOME}/VirtualBox VMs"
DISK="${BASE}/${VM}/${VM}.vdi"

# The kernel driver (vboxdrv) must be loaded, or VMs fail with rc=-1908.
if [[ "$(uname -s)" == "Linux" ]] && ! lsmod | grep -q '^vboxdrv'; then
  echo "vboxdrv is not loaded: run 'sudo /sbin/vboxconfig' (and sign it under Secure Boot)" >&2
  exit 1
fi

if VBoxManage list vms | grep -q "^\"${VM}\" "; then
  echo "VM ${VM} already exists" >&2
  exit 1
fi

# 1. Machine definition: writes "${BASE}/${VM}/${VM}.vbox" and registers it.
VBoxManage createvm --name "${VM}" --ostype Ubuntu_64 --register --basefolder "${BASE}"

# 2. Hardware. The VM must be powered off for modifyvm.
VBoxManage modifyvm "${VM}" \
  --memory 4096 --cpus 2 \
  --firmware efi \
  --graphicscontroller vmsvga --vram 16 \
  --nested-hw-virt on \
  --paravirt-provider kvm
  # 6.1 spelling: --paravirtprovider kvm

# 3. Networking: NIC 1 = NAT with an SSH port forward (guest 10.0.2.15:22),
#    NIC 2 = host-only on vboxnet0 (host side 192.168.56.1).
VBoxManage list hostonlyifs | grep -q '^Name: *vboxnet0' || VBoxManage hostonlyif create
VBoxManage modifyvm "${VM}" \
  --nic1 nat --nat-pf1 "ssh,tcp,127.0.0.1,2222,,22" \
  --nic2 hostonly --host-only-adapter2 vboxnet0
  # 6.1 spellings: --natpf1, --hostonlyadapter2

# 4. Storage: a dynamically allocated VDI on SATA, the ISO on IDE.
VBoxManage createmedium disk --filename "${DISK}" --size 40960 --format VDI
VBoxManage storagectl "${VM}" --name "SATA" --add sata --controller IntelAhci
VBoxManage storageattach "${VM}" --storagectl "SATA" --port 0 --device 0 --type hdd --medium "${DISK}"
VBoxManage storagectl "${VM}" --name "IDE" --add ide
VBoxManage storageattach "${VM}" --storagectl "IDE" --port 0 --device 0 --type dvddrive --medium "${ISO}"

# 5. Start without a window: this runs a VBoxHeadless process for the VM.
VBoxManage startvm "${VM}" --type headless

# On Windows hosts with Hyper-V active, VBox.log shows "NEM:" lines: the VM
# runs through the Windows Hypervisor Platform (slower), not VT-x directly.
echo "Started ${VM}. Stop it with: VBoxManage controlvm ${VM} acpipowerbutton (or poweroff)"
VBoxManage showvminfo "${VM}" --machinereadable | grep -E '^(VMState|nic1|nic2)='
