#!/bin/sh
# Boot a freshly built kernel and wait for gdb before it runs.
set -e
ln -s "$PWD/vmlinux" /tmp/vmlinux
find . -name '*.ko' -newer arch/x86/boot/bzImage
qemu-system-x86_64 -enable-kvm -m 2G -smp 2 -name kdev,debug-threads=on \
  -kernel arch/x86/boot/bzImage -initrd initrd.img \
  -append "console=ttyS0 root=/dev/vda hugepages=64 nokaslr" \
  -drive file=rootfs.ext4,if=virtio,format=raw \
  -chardev socket,id=mon0,path=/tmp/kdev.mon,server=on,wait=off -mon chardev=mon0,mode=control \
  -serial mon:stdio -display none -no-reboot -pidfile /tmp/kdev.pid \
  -netdev tap,id=n0,ifname=tap0,script=no,downscript=no,vhost=on,queues=4 \
  -device virtio-net-pci,netdev=n0,mq=on,vectors=10 \
  -overcommit mem-lock=on -s -S
curl -s http://localhost:8000/ready
