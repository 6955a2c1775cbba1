#!/usr/bin/env bash
# Boot a throw-away test VM with KVM acceleration and UEFI firmware.
set -euo pipefail
IMG=${1:-disk.qcow2}
qemu-img create -f qcow2 -b base.qcow2 -F qcow2 "$IMG"
qemu-system-x86_64 \
  -enable-kvm -machine q35,accel=kvm -cpu host \
  -smp 4 -m 4096 \
  -drive if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE.fd \
  -drive file="$IMG",if=virtio,snapshot=on \
  -netdev user,id=net0,hostfwd=tcp::2222-:22 \
  -device virtio-net-pci,netdev=net0 \
  -display none -serial mon:stdio
# ssh -p 2222 root@localhost ; see https://www.qemu.org/docs/master/system/invocation.html
