terraform {
  required_providers {
    libvirt = {
      source = "dmacvicar/libvirt"
    }
  }
}

provider "libvirt" {
  uri = "qemu:///system"
}

resource "libvirt_volume" "base" {
  name   = "base.qcow2"
  pool   = "default"
  source = var.common_data_source
  format = "qcow2"
}

resource "libvirt_domain" "vm" {
  name   = "tf-vm"
  memory = 2048
  vcpu   = 2
  cpu {
    mode = "host-passthrough"
  }
  network_interface {
    network_name = "default"
  }
  disk {
    volume_id = libvirt_volume.base.id
  }
}
