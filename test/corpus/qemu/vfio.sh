#!/bin/sh
# Hand a GPU to a guest with VFIO.
modprobe vfio-pci
modprobe vfio_iommu_type1
echo 0000:01:00.0 > /sys/bus/pci/devices/0000:01:00.0/driver/unbind
echo 10de 1b80 > /sys/bus/pci/drivers/vfio-pci/new_id
qemu-system-x86_64 -enable-kvm -m 8G \
  -device vfio-pci,host=01:00.0 \
  -cpu host,kvm=off
