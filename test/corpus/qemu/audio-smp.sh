#!/bin/sh
# Desktop guest with sound; the disk uses the thread pool for I/O
exec qemu-system-x86_64 -enable-kvm -machine q35 \
  -smp 4,sockets=1,cores=2,threads=2 \
  -m 4G \
  -drive file=desktop.qcow2,if=virtio,aio=threads \
  -audiodev pa,id=snd0 \
  -audio driver=pa,model=virtio \
  -nic user,model=virtio
