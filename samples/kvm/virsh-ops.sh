#!/usr/bin/env bash
# virsh-ops.sh - everyday libvirt/KVM operations, as a commented runbook.
# Run as root or as a member of the 'libvirt' group. All commands target the system
# instance; without this, non-root users silently get qemu:///session instead.
set -euo pipefail
export LIBVIRT_DEFAULT_URI=qemu:///system

# --- 0. Host checks -------------------------------------------------------------
grep -Ec '(vmx|svm)' /proc/cpuinfo            # >0: CPU has VT-x or AMD-V
lsmod | grep -E '^kvm'                        # kvm plus kvm_intel or kvm_amd loaded
cat /sys/module/kvm_intel/parameters/nested   # Y: guests may run KVM themselves (nested)
virt-host-validate qemu                       # libvirt's own checks: /dev/kvm, IOMMU, cgroups
systemctl is-active virtqemud.socket libvirtd.service || true   # which daemon layout is in use

# --- 1. Storage pool and volume -------------------------------------------------
virsh pool-define-as vmstore dir --target /srv/vmstore
virsh pool-build vmstore && virsh pool-start vmstore && virsh pool-autostart vmstore
virsh vol-create-as vmstore db01.qcow2 60G --format qcow2
virsh vol-list vmstore

# --- 2. Create a guest with virt-install ----------------------------------------
# UEFI (OVMF), host-passthrough CPU, virtio disk and NIC on bridge br0, serial console only.
virt-install \
  --name db01 \
  --memory 8192 --vcpus 4 \
  --osinfo rocky9 \
  --cpu host-passthrough \
  --boot uefi \
  --disk vol=vmstore/db01.qcow2,bus=virtio,cache=none,discard=unmap \
  --network bridge=br0,model=virtio \
  --channel unix,target.type=virtio,target.name=org.qemu.guest_agent.0 \
  --graphics none --console pty,target.type=serial \
  --location https://dl.rockylinux.org/pub/rocky/9/BaseOS/x86_64/os/ \
  --extra-args 'console=ttyS0,115200n8 inst.text' \
  --noautoconsole

# Import an existing cloud image instead of installing (overlay on a read-only base):
qemu-img create -f qcow2 -b /srv/vmstore/base/debian-12.qcow2 -F qcow2 /srv/vmstore/cache01.qcow2 20G
virt-install --name cache01 --memory 2048 --vcpus 2 --osinfo debian12 --import \
  --disk /srv/vmstore/cache01.qcow2,bus=virtio --network network=default,model=virtio \
  --cloud-init user-data=./user-data.yaml --graphics none --noautoconsole

# Or define from a prepared XML file (see web01-domain.xml):
virsh define ./web01-domain.xml

# --- 3. Life cycle -----------------------------------------------------------------
virsh list --all                    # running and defined-but-stopped guests
virsh start db01
virsh autostart db01                # start with the host
virsh console db01                  # serial console; leave with Ctrl-]
virsh shutdown db01 --mode agent    # clean shutdown through qemu-ga (falls back to ACPI without --mode)
virsh destroy db01                  # hard power-off; deletes nothing
virsh start db01

# --- 4. Inspect --------------------------------------------------------------------
virsh dominfo db01
virsh dumpxml db01 | grep -A3 '<cpu'          # live XML with libvirt's defaults filled in
virsh domifaddr db01 --source agent           # IP addresses as reported by the guest agent
virsh domblklist db01 --details
virsh vcpuinfo db01                           # which host CPU each vCPU thread runs on
virsh dommemstat db01                         # balloon statistics
virsh qemu-monitor-command db01 --hmp 'info kvm'   # raw HMP; avoid changing state this way

# --- 5. Change resources -----------------------------------------------------------
virsh setvcpus db01 6 --config --maximum
virsh setvcpus db01 6 --config
virsh setmem db01 6G --live                   # shrink via the virtio balloon
virsh attach-device db01 ./gpu-hostdev.xml --config   # <hostdev managed='yes'> PCI passthrough (VFIO)
virsh edit db01                               # opens the XML in $EDITOR and validates it on save

# --- 6. Snapshots and backups ------------------------------------------------------
# External, disk-only snapshot with file systems frozen by the guest agent:
virsh snapshot-create-as db01 pre-upgrade --disk-only --atomic --quiesce
virsh snapshot-list db01
virsh domblklist db01                         # disk now points at an overlay (db01.pre-upgrade)
# Merge the overlay back into the base image while the guest runs:
virsh blockcommit db01 vda --active --pivot --verbose

# --- 7. Networks -------------------------------------------------------------------
virsh net-list --all                          # 'default' = NAT on virbr0, 192.168.122.0/24
virsh net-dhcp-leases default
virsh net-autostart default

# --- 8. Live migration (shared storage, compatible CPUs) ---------------------------
virsh migrate --live --persistent --undefinesource --verbose db01 qemu+ssh://kvm02.example.net/system

# --- 9. Remove a guest ---------------------------------------------------------------
virsh destroy cache01 || true
virsh undefine cache01 --nvram --remove-all-storage   # --nvram also deletes the UEFI vars file
