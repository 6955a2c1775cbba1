#!/bin/sh
# Desktop guest with virtio input, PipeWire sound and an SDL window
exec qemu-system-x86_64 \
  -enable-kvm -m 4G \
  -drive if=none,id=d0,file=desktop.qcow2,format=qcow2,aio=io_uring,cache=none \
  -device virtio-blk-pci,drive=d0 \
  -nic user,model=virtio-net-pci \
  -device virtio-keyboard-pci -device virtio-tablet-pci \
  -display gtk,gl=on \
  -audiodev pipewire,id=snd0 \
  -device ich9-intel-hda -device hda-output,audiodev=snd0
