#!/bin/bash
# Build a root file system image and the kernel for the board; no emulator is started here.
set -euo pipefail
make -C linux ARCH=arm64 defconfig
make -C linux -j"$(nproc)" Image dtbs
mksquashfs rootfs/ rootfs.sqfs -append -comp xz
find rootfs -name '*.ko' -delete
ln -s linux/arch/arm64/boot/Image kernel
mkimage -A arm64 -T kernel -C none -d kernel -n board-kernel uImage
curl -s -o firmware.bin https://example.com/firmware.bin
gcc -mcpu=cortex-a57 -O2 -o probe probe.c
./run-tests.sh -kernel kernel -append quiet -s
