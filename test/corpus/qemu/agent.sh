#!/usr/bin/env bash
# Start a guest with a QEMU guest agent channel and a virtio-balloon device.
qemu-system-x86_64 \
  -machine q35,accel=kvm \
  -m 2048 \
  -device virtio-serial-pci \
  -chardev socket,path=/run/vm/agent.sock,server=on,wait=off,id=agent0 \
  -device virtserialport,chardev=agent0,name=org.qemu.guest_agent.0 \
  -device virtio-balloon \
  -drive file=disk.qcow2,if=virtio
