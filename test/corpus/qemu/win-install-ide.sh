#!/bin/sh
# install Windows with the virtio drivers on a second CD-ROM
qemu-system-x86_64 -enable-kvm -m 4G \
  -drive file=win.qcow2,if=virtio,format=qcow2 \
  -drive file=Win11.iso,if=ide,index=1,media=cdrom \
  -drive file=virtio.iso,if=ide,index=2,media=cdrom
