provider "libvirt" {
  uri = "qemu:///system"
}

# Boot disk for VM1, backed by the base image
resource "libvirt_volume" "vm1_disk" {
  name           = "vm1_disk.qcow2"
  base_volume_id = libvirt_volume.base.id
  format         = "qcow2"
}

resource "libvirt_domain" "vm1" {
  name   = "vm1"
  memory = 1024
  vcpu   = 2

  disk {
    volume_id = libvirt_volume.vm1_disk.id
  }
}

output "vm1_id" {
  value = libvirt_domain.vm1.id
}
