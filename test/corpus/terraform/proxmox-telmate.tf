resource "proxmox_vm_qemu" "cloudinit-test" {
  name        = "terraform-test-vm"
  target_node = "proxmox1-xx"
  clone       = "ubuntu-cloudinit"
  agent       = 1
  os_type     = "cloud-init"
  cores       = 2
  sockets     = 1
  cpu         = "host"
  memory      = 2048
  scsihw      = "lsi"
}
