#!/usr/bin/env bash
# run-qemu.sh - start a Linux guest directly with QEMU/KVM, without libvirt.
#
# What it shows:
#   - KVM acceleration (-machine ...,accel=kvm) on a versioned q35 machine type
#   - host CPU passthrough with VT-x exposed (+vmx) so the guest can run KVM itself (nested)
#   - UEFI boot from OVMF_CODE.fd with a private copy of OVMF_VARS.fd (two pflash drives)
#   - a qcow2 system disk on virtio-blk and a virtio-net NIC on a tap device with vhost-net
#   - guest RAM from huge pages through a memory backend
#   - headless console, QMP control socket and the QEMU guest agent channel
#
# Requirements: /dev/kvm readable by this user (group 'kvm'), the ovmf package,
# a bridge br0 on the host, and vhost_net loaded (modprobe vhost_net).
set -euo pipefail

NAME=web02
VM_DIR=/var/lib/vms/${NAME}
DISK=${VM_DIR}/${NAME}.qcow2                    # created with: qemu-img create -f qcow2 "$DISK" 40G
OVMF_CODE=/usr/share/OVMF/OVMF_CODE_4M.fd        # read-only UEFI firmware (Debian/Ubuntu path)
OVMF_VARS_TEMPLATE=/usr/share/OVMF/OVMF_VARS_4M.fd
OVMF_VARS=${VM_DIR}/${NAME}_VARS.fd              # per-VM UEFI variable store
TAP=tap-${NAME}
MAC=52:54:00:3a:91:07                            # 52:54:00 is the usual QEMU/KVM MAC prefix

[ -c /dev/kvm ] || { echo "no /dev/kvm: enable VT-x/AMD-V or load kvm-intel/kvm-amd" >&2; exit 1; }

# Each VM needs its own writable copy of the UEFI variable store.
[ -f "$OVMF_VARS" ] || cp "$OVMF_VARS_TEMPLATE" "$OVMF_VARS"

# Host side of the NIC: a tap device owned by us, plugged into the bridge br0.
if ! ip link show "$TAP" >/dev/null 2>&1; then
  sudo ip tuntap add dev "$TAP" mode tap user "$(id -un)" multi_queue
  sudo ip link set "$TAP" master br0
  sudo ip link set "$TAP" up
fi

args=(
  -name "$NAME",debug-threads=on                 # names vCPU threads "CPU 0/KVM", ... in top -H
  -machine pc-q35-8.2,accel=kvm,smm=off          # q35 chipset pinned to the QEMU 8.2 layout; KVM, not TCG
  -cpu host,+vmx                                 # host-passthrough CPU; +vmx for nested KVM (use +svm on AMD)
  -smp 4,sockets=1,cores=4,threads=1             # four vCPUs = four vCPU threads
  -m 4G                                          # guest RAM ...
  -object memory-backend-file,id=mem0,size=4G,mem-path=/dev/hugepages,share=on,prealloc=on
  -machine memory-backend=mem0                   # ... taken from hugetlbfs (needs vm.nr_hugepages >= 2048)

  # UEFI firmware: unit 0 = code (shared, read-only), unit 1 = this VM's variables
  -drive if=pflash,format=raw,unit=0,readonly=on,file="$OVMF_CODE"
  -drive if=pflash,format=raw,unit=1,file="$OVMF_VARS"

  # System disk: qcow2 on virtio-blk (/dev/vda in the guest); state the format explicitly
  -drive file="$DISK",format=qcow2,if=none,id=disk0,cache=none,aio=native,discard=unmap
  -device virtio-blk-pci,drive=disk0,bootindex=1

  # Network: tap back end with the data path in the kernel (vhost-net), 2 queue pairs
  -netdev tap,id=net0,ifname="$TAP",script=no,downscript=no,vhost=on,queues=2
  -device virtio-net-pci,netdev=net0,mac="$MAC",mq=on,vectors=6

  # Paravirtual extras: balloon, entropy source
  -device virtio-balloon-pci
  -object rng-random,id=rng0,filename=/dev/urandom
  -device virtio-rng-pci,rng=rng0

  # QEMU guest agent: virtio-serial port named org.qemu.guest_agent.0
  -chardev socket,id=qga0,path="$VM_DIR/qga.sock",server=on,wait=off
  -device virtio-serial-pci
  -device virtserialport,chardev=qga0,name=org.qemu.guest_agent.0

  # Control: QMP socket for scripts (e.g. qmp-shell), no graphics, serial console on this terminal
  -qmp unix:"$VM_DIR/qmp.sock",server=on,wait=off
  -nographic                                     # Ctrl-a c = HMP monitor, Ctrl-a x = quit
)

exec qemu-system-x86_64 "${args[@]}"

# Alternative forms seen in older scripts:
#   qemu-system-x86_64 -enable-kvm -M q35 -cpu host ...          (-enable-kvm == -machine accel=kvm)
#   qemu-system-x86_64 -accel kvm -machine q35 ...                (current separate -accel option)
#   qemu-system-x86_64 -bios /usr/share/OVMF/OVMF.fd ...          (UEFI as ROM: variables are not saved)
#   -netdev user,id=net0,hostfwd=tcp::2222-:22                    (no root: SLIRP NAT, ssh -p 2222 localhost)
#   -cpu host,hv_relaxed,hv_vapic,hv_spinlocks=0x1fff,hv_time     (Hyper-V enlightenments for Windows guests)
