locals {
  qemu_options = merge(local.defaults, lookup(local.overrides, "qemu", {}))
}

source "qemu" "base" {
  machine_type   = local.qemu_options.machine_type
  accelerator    = local.qemu_options.accelerator
  disk_interface = local.qemu_options.disk_interface
  net_device     = "virtio-net"
  boot_wait      = local.qemu_options.boot_wait
}
